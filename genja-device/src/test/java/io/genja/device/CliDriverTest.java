package io.genja.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliDriverTest {

    private final PlatformProfile ios = PlatformProfiles.builtIn().find("cisco_ios").orElseThrow();

    /** An in-memory byte stream: what the device says, chunk by chunk, and what the driver wrote back. */
    private static final class Pipe {
        final CliDriver driver;
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        final List<String> done = new ArrayList<>();

        Pipe(CliDriver driver) {
            this.driver = driver;
        }

        void run(String command) {
            written.writeBytes(driver.begin(command));
        }

        CliDriver.Step device(String text) {
            CliDriver.Step step = driver.receive(text.getBytes(StandardCharsets.UTF_8));
            if (step instanceof CliDriver.Step.Page page) {
                written.writeBytes(page.response());
            } else if (step instanceof CliDriver.Step.Done d) {
                done.add(d.output());
            }
            return step;
        }

        String written() {
            return written.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void firstPromptThenOneCommandWithoutEchoOrPrompt() {
        Pipe pipe = new Pipe(new CliDriver(ios));
        pipe.run(null);
        assertThat(pipe.device("\r\nWelcome\r\ncore")).isInstanceOf(CliDriver.Step.More.class);
        assertThat(pipe.device("1#")).isInstanceOf(CliDriver.Step.Done.class);
        assertThat(pipe.driver.prompt()).isEqualTo("core1#");
        pipe.run("show clock");
        assertThat(pipe.written()).isEqualTo("show clock\n");
        pipe.device("show clock\r\n*12:00:00.000 UTC Mon Jan 1 2024\r\n");
        assertThat(pipe.driver.isWaiting()).isTrue();
        pipe.device("core1#");
        assertThat(pipe.done).containsExactly("", "*12:00:00.000 UTC Mon Jan 1 2024");
    }

    @Test
    void outputNobodyWaitsForDoesNotPileUpBetweenCommands() {
        Pipe pipe = new Pipe(new CliDriver(ios));
        pipe.run(null);
        pipe.device("core1#");
        String line = "%LINK-3-UPDOWN: Interface Gi0/1, changed state to up\r\n";
        for (int i = 0; i < 20_000; i++) { // about 1 MB of console messages between two commands
            assertThat(pipe.device(line)).isInstanceOf(CliDriver.Step.Idle.class);
        }
        assertThat(pipe.driver.receivedLength()).isLessThanOrEqualTo(4096);
        assertThat(pipe.driver.tail(20)).endsWith("to up\\r\\n\"");
        pipe.run("show clock");
        pipe.device("show clock\r\n*12:00:00.000 UTC Mon Jan 1 2024\r\ncore1#");
        assertThat(pipe.done).containsExactly("", "*12:00:00.000 UTC Mon Jan 1 2024");
    }

    @Test
    void pagerMarkersAreAnsweredAndErased() {
        Pipe pipe = new Pipe(new CliDriver(ios));
        pipe.run(null);
        pipe.device("r1#");
        pipe.run("show run");
        pipe.device("show run\r\nline 1\r\nline 2\r\n --More-- ");
        assertThat(pipe.written()).isEqualTo("show run\n ");
        pipe.device("\b\b\b\b\b\b\b\b\b         \b\b\b\b\b\b\b\b\bline 3\r\nr1#");
        assertThat(pipe.done).last().isEqualTo("line 1\nline 2\nline 3");
    }

    @Test
    void ansiEscapesAndCarriageReturnsAreCleaned() {
        Pipe pipe = new Pipe(new CliDriver(ios));
        pipe.run(null);
        pipe.device("\u001B[1mr1#\u001B[0m");
        assertThat(pipe.driver.prompt()).isEqualTo("r1#");
        pipe.run("show x");
        pipe.device("show x\r\n\u001B[32mgreen\u001B[0m\r\nprogress 10%\rprogress 100%\r\nr1#");
        assertThat(pipe.done).last().isEqualTo("green\nprogress 100%");
    }

    @Test
    void aModeOfTheSamePromptEndsTheCommandButAnotherHostsPromptDoesNot() {
        Pipe pipe = new Pipe(new CliDriver(ios));
        pipe.run(null);
        pipe.device("r1#");
        pipe.run("configure terminal");
        assertThat(pipe.device("configure terminal\r\nother#\r\n")).isInstanceOf(CliDriver.Step.More.class);
        assertThat(pipe.device("r1(config)#")).isInstanceOf(CliDriver.Step.Done.class);
    }

    @Test
    void errorPatternsFindTheRejectedLine() {
        Pipe pipe = new Pipe(new CliDriver(ios));
        pipe.run(null);
        pipe.device("r1#");
        pipe.run("show bogus");
        pipe.device("show bogus\r\n        ^\r\n% Invalid input detected at '^' marker.\r\n\r\nr1#");
        String output = pipe.done.get(1);
        assertThat(ios.errorLine(output)).contains("% Invalid input detected at '^' marker.");
        assertThat(ios.errorLine("Cisco IOS Software, Version 15.2")).isEmpty();
    }

    @Test
    void outputNobodyAskedForIsIgnored() {
        CliDriver driver = new CliDriver(ios);
        assertThat(driver.receive("late banner\r\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CliDriver.Step.Idle.class);
        assertThat(driver.setupCommands()).containsExactly("terminal length 0", "terminal width 511");
    }

    @Test
    void questionsAreAnsweredOnceWhereTheyAppearAndAnEchoedSecretIsMasked() {
        CliDriver driver = new CliDriver(ios);
        driver.begin((String) null);
        driver.receive("r1>".getBytes(StandardCharsets.UTF_8));
        CliRequest enable = new CliRequest("enable", null, null,
                List.of(new CliRequest.Answer(java.util.regex.Pattern.compile("Password:\\s*$"), "t0p-S3cret", true)));
        driver.begin(enable);
        CliDriver.Step asked = driver.receive("enable\r\nPassword: ".getBytes(StandardCharsets.UTF_8));
        assertThat(asked).isInstanceOfSatisfying(CliDriver.Step.Answer.class, a -> {
            assertThat(new String(a.response(), StandardCharsets.UTF_8)).isEqualTo("t0p-S3cret\n");
            assertThat(a.secret()).isTrue();
        });
        // more output on the same question line is not a second question
        assertThat(driver.receive(" ".getBytes(StandardCharsets.UTF_8))).isInstanceOf(CliDriver.Step.More.class);
        driver.receive("t0p-S3cret\r\n".getBytes(StandardCharsets.UTF_8)); // a device that echoes it
        assertThat(driver.tail(200)).doesNotContain("t0p-S3cret").contains("****");
        CliDriver.Step done = driver.receive("r1#".getBytes(StandardCharsets.UTF_8));
        assertThat(done).isInstanceOfSatisfying(CliDriver.Step.Done.class,
                d -> assertThat(d.output()).doesNotContain("t0p-S3cret"));
        assertThat(driver.lastPrompt()).isEqualTo("r1#");
    }

    @Test
    void anExpectPatternEndsTheOutputBeforeThePrompt() {
        CliDriver driver = new CliDriver(ios);
        driver.begin((String) null);
        driver.receive("r1#".getBytes(StandardCharsets.UTF_8));
        driver.begin(new CliRequest("reload", null, java.util.regex.Pattern.compile("\\[confirm\\]$"), List.of()));
        CliDriver.Step done = driver.receive("reload\r\nProceed with reload? [confirm]".getBytes(StandardCharsets.UTF_8));
        assertThat(done).isInstanceOfSatisfying(CliDriver.Step.Done.class,
                d -> assertThat(d.output()).isEqualTo("Proceed with reload? [confirm]"));
    }
}
