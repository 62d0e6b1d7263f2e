package io.genja.bench.textfsm;

import io.genja.textfsm.TextFsmTemplate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: parsing {@code megabytes} of generated {@code show interfaces} output with one template, the whole text per
 * invocation (what textfsm's {@code ParseText} does in bench/textfsm.sh's Python timing). Run from the repository
 * root: {@code java -jar bench/target/benchmarks.jar TextFsmBenchmark -f 2 -wi 10 -i 10}.
 *
 * <p>The same work twice, in two JVM set-ups. {@link #parseShowInterfaces} runs in a fixed heap touched before the
 * first iteration, so it measures parsing. {@link #parseShowInterfacesGrowingHeap} runs with the JVM's default heap,
 * which grows for a while: each parse then allocates part of its ~12 MB in memory the process has never touched,
 * and on a virtual machine the first touch of a page can cost more than the parse (the build machine takes about
 * 3.5 ms per MB, 910 ms for 256 MB). A long-running process has stopped growing its heap; a short one has not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TextFsmBenchmark {

    @Param("10")
    public int megabytes;

    private TextFsmTemplate template;
    private String output;

    @Setup
    public void generate() {
        template = TextFsmTemplate.read(ShowInterfacesOutput.TEMPLATE);
        output = ShowInterfacesOutput.generate(megabytes * 1024 * 1024);
    }

    @Benchmark
    @Fork(jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
    public int parseShowInterfaces() {
        return template.parse(output).rows().size();
    }

    @Benchmark
    @Fork
    public int parseShowInterfacesGrowingHeap() {
        return template.parse(output).rows().size();
    }
}
