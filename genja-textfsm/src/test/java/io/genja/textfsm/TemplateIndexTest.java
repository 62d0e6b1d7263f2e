package io.genja.textfsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index's own rules (what the oracle's clitable lookups do not show) and its mistakes. */
class TemplateIndexTest {

    @TempDir
    Path directory;

    private static final String TEMPLATE = """
            Value TIME (\\S+)

            Start
              ^${TIME} -> Record
            """;

    @Test
    void completionsAcceptEveryAbbreviation() {
        assertThat(TemplateIndex.expandCompletions("sh[[ow]] ip int[[erface]] br[[ief]]"))
                .isEqualTo("sh(o(w)?)? ip int(e(r(f(a(c(e)?)?)?)?)?)? br(i(e(f)?)?)?");
        assertThat(TemplateIndex.expandCompletions("show version")).isEqualTo("show version");
    }

    @Test
    void theFirstOfSeveralTemplatesIsUsedAndEachIsCompiledOnce() throws Exception {
        Files.writeString(directory.resolve("index"), """
                Template, Platform, Command
                first.textfsm:second.textfsm, lab_os, show clock
                """);
        Files.writeString(directory.resolve("first.textfsm"), TEMPLATE);

        assertThat(TemplateIndex.load(directory).templateFile(Map.of("Platform", "lab_os", "Command", "show clock")))
                .contains("first.textfsm");
        TemplateIndex index = TextFsm.index(directory);
        assertThat(index.find("lab_os", "show clock")).get().isSameAs(index.find("lab_os", "show clock").get());
        assertThat(TextFsm.parse(directory, "lab_os", "show clock", "10:00:00\n"))
                .isEqualTo(List.of(Map.of("TIME", "10:00:00")));
    }

    @Test
    void aCommandWithoutTemplateSaysWhereItLooked() throws Exception {
        Files.writeString(directory.resolve("index"), "Template, Platform, Command\n");
        assertThatThrownBy(() -> TextFsm.parse(directory, "lab_os", "show clock", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no TextFSM template for \"show clock\" on platform lab_os in " + directory);
    }

    @Test
    void mistakesOfTheIndexNameTheFileAndLine() throws Exception {
        Files.writeString(directory.resolve("index"), "# no template column\nPlatform, Command\n");
        assertThatThrownBy(() -> TemplateIndex.load(directory)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(directory.resolve("index") + ":2: the index has no Template column (its header: "
                        + "Platform, Command)");

        Files.writeString(directory.resolve("index"), "Template, Platform, Command\nx.textfsm, (unclosed, show x\n");
        assertThatThrownBy(() -> TemplateIndex.load(directory)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(directory.resolve("index") + ":2: the Platform cell \"(unclosed\" is not a "
                        + "valid regex");

        Path empty = Files.createDirectories(directory.resolve("none"));
        assertThatThrownBy(() -> TemplateIndex.load(empty)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("parsing.templates_dir");
    }

    @Test
    void aBadTemplateIsReportedWithItsFile() throws Exception {
        Files.writeString(directory.resolve("index"), "Template, Platform, Command\nbad.textfsm, lab_os, show x\n");
        Files.writeString(directory.resolve("bad.textfsm"), "Value X (\\S+)\n\nBegin\n  ^${X}\n");
        assertThatThrownBy(() -> TemplateIndex.load(directory).find("lab_os", "show x"))
                .isInstanceOfSatisfying(TextFsmTemplateException.class, e -> {
                    assertThat(e.textFsmMessage()).isEqualTo("Missing state 'Start'.");
                    assertThat(e.getMessage()).isEqualTo(directory.resolve("bad.textfsm") + ": Missing state 'Start'.");
                });
    }
}
