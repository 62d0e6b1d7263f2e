package io.genja.bench.textfsm;

import io.genja.textfsm.TextFsmTemplate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: parsing {@code megabytes} of generated {@code show interfaces} output with one template, the whole text per
 * invocation (what textfsm's {@code ParseText} does in bench/textfsm.sh's Python timing). Run from the repository
 * root: {@code java -jar bench/target/benchmarks.jar TextFsmBenchmark -f 1 -wi 3 -i 5}.
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
    public int parseShowInterfaces() {
        return template.parse(output).rows().size();
    }
}
