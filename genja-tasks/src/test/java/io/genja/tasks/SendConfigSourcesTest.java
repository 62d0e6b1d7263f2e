package io.genja.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.Connection;
import io.genja.inventory.Attributes;
import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.task.FailureKind;
import io.genja.task.TaskException;
import io.genja.task.TaskInfo;
import io.genja.task.TaskOptions;
import io.genja.task.TaskRuntimeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where send_config's lines come from: exactly one of lines, file and template. */
class SendConfigSourcesTest {

    @TempDir
    Path directory;

    private static final Host R1 = Inventory.builder()
            .host("r1", Attributes.builder().platform("cisco_ios").data("site", "ams").build())
            .build().host("r1").orElseThrow();

    @Test
    void aFileIsSentAsWrittenWithoutBlankLines() throws Exception {
        SendConfig task = new SendConfig();
        task.file = Files.writeString(directory.resolve("ntp.cfg"), "ntp server 192.0.2.1\n\ninterface Lo0\n description x  \n");
        assertThat(task.configLines(R1, null)).containsExactly("ntp server 192.0.2.1", "interface Lo0",
                " description x");
    }

    @Test
    void noSourceOrTwoSourcesAreAValidationFailure() {
        SendConfig none = new SendConfig();
        assertThatThrownBy(() -> none.configLines(R1, null)).isInstanceOfSatisfying(TaskException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION);
            assertThat(e.getMessage()).isEqualTo("task \"send_config\" needs exactly one of the options lines, file"
                    + " and template; none was given");
        });
        SendConfig two = new SendConfig();
        two.lines = List.of("ntp server 192.0.2.1");
        two.file = directory.resolve("x.cfg");
        assertThatThrownBy(() -> two.configLines(R1, null)).hasMessageEndingWith("2 were given");
    }

    @Test
    void aTemplateErrorNamesTheTemplateFileAndLine() throws Exception {
        SendConfig task = new SendConfig();
        task.template = Files.writeString(directory.resolve("bad.j2"), "hostname {{ host.name }}\n{{ nope }}\n");
        assertThatThrownBy(() -> task.configLines(R1, new OptionsOnly(R1)))
                .isInstanceOf(TaskException.class)
                .hasMessageStartingWith("task \"send_config\": " + task.template + ":2: ");
    }

    /** A context that has only options (none): enough to render a template. */
    private record OptionsOnly(Host host) implements TaskRuntimeContext {
        @Override
        public TaskInfo task() {
            return new TaskInfo("send_config", "ssh", 0, 0, false);
        }

        @Override
        public Optional<Connection> connection() {
            return Optional.empty();
        }

        @Override
        public String executeCommand(String command) throws TaskException {
            throw new TaskException(FailureKind.UNSUPPORTED, "no device here");
        }

        @Override
        public CompletionStage<String> executeCommandAsync(String command) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("no device here"));
        }

        @Override
        public TaskOptions options() {
            return TaskOptions.empty();
        }
    }
}
