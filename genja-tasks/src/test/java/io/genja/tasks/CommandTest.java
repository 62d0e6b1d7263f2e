package io.genja.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.CliCommand;
import io.genja.task.FailureKind;
import io.genja.task.TaskException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the command task's options become one {@link CliCommand}. */
class CommandTest {

    @Test
    void expectTimeoutAndAnswersBecomeTheCommandsOwnOptions() throws Exception {
        Command task = new Command();
        task.command = "copy running-config startup-config";
        task.expect = "\\[OK\\]";
        task.timeout = Duration.ofMinutes(2);
        task.answers = List.of("Destination filename \\[startup-config\\]\\?=", "\\[confirm\\]=y");

        CliCommand request = task.request();

        assertThat(request.command()).isEqualTo("copy running-config startup-config");
        assertThat(request.expect()).hasValueSatisfying(p -> assertThat(p.pattern()).isEqualTo("\\[OK\\]"));
        assertThat(request.timeout()).contains(Duration.ofMinutes(2));
        assertThat(request.answers()).extracting(a -> a.question().pattern() + " -> \"" + a.answer() + "\"")
                .containsExactly("Destination filename \\[startup-config\\]\\? -> \"\"", "\\[confirm\\] -> \"y\"");
    }

    @Test
    void aBadAnswerOrPatternIsAValidationFailureNamingTheOption() {
        Command noEquals = new Command();
        noEquals.command = "reload";
        noEquals.answers = List.of("confirm");
        assertThatThrownBy(noEquals::request).isInstanceOfSatisfying(TaskException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION);
            assertThat(e.getMessage()).contains("answers: \"confirm\" is not QUESTION-REGEX=ANSWER");
        });

        Command badRegex = new Command();
        badRegex.command = "show clock";
        badRegex.expect = "[unclosed";
        assertThatThrownBy(badRegex::request).isInstanceOf(TaskException.class)
                .hasMessageContaining("expecting(\"[unclosed\") is not a regular expression");
    }
}
