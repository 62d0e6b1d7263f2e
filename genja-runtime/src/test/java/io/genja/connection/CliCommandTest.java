package io.genja.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CliCommandTest {

    @Test
    void optionsAccumulateInNewCommandsAndSecretAnswersAreNeverShown() {
        CliCommand plain = CliCommand.of("enable");
        CliCommand full = plain.withTimeout(Duration.ofSeconds(90)).expecting("#\\s*$")
                .answering("\\[confirm\\]", "y").answeringSecret("[Pp]assword:", "Hunter2-secret");
        assertThat(plain.timeout()).isEmpty();
        assertThat(plain.answers()).isEmpty();
        assertThat(full.command()).isEqualTo("enable");
        assertThat(full.timeout()).contains(Duration.ofSeconds(90));
        assertThat(full.expect()).hasValueSatisfying(p -> assertThat(p.pattern()).isEqualTo("#\\s*$"));
        assertThat(full.answers()).extracting(CliCommand.Answer::secret).containsExactly(false, true);
        assertThat(full.toString()).contains("enable", "PT1M30S", "\"y\"", "****").doesNotContain("Hunter2-secret");
        assertThat(full.answers().get(1).toString()).doesNotContain("Hunter2-secret");
    }

    @Test
    void wrongOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> CliCommand.of("show version\nreload")).hasMessageContaining("one line");
        assertThatThrownBy(() -> CliCommand.of("x").withTimeout(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> CliCommand.of("x").answering("[confirm", "y"))
                .hasMessageContaining("answering(\"[confirm\") is not a regular expression");
    }
}
