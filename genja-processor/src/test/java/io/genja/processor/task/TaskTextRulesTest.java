package io.genja.processor.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Option names from field names, descriptions from Javadoc: pure text rules, tested without javac. */
class TaskTextRulesTest {

    @Test
    void optionNameIsTheFieldNameInSnakeCase() {
        assertThat(TaskParser.snakeCase("maxLines")).isEqualTo("max_lines");
        assertThat(TaskParser.snakeCase("target")).isEqualTo("target");
        assertThat(TaskParser.snakeCase("URLPath")).isEqualTo("url_path");
        assertThat(TaskParser.snakeCase("retryOn5xx")).isEqualTo("retry_on5xx");
        assertThat(TaskParser.snakeCase("ipv4Address")).isEqualTo("ipv4_address");
        assertThat(TaskParser.snakeCase("already_snake")).isEqualTo("already_snake");
    }

    @Test
    void descriptionIsTheFirstSentenceOfTheJavadocAsPlainText() {
        assertThat(TaskModeler.firstSentence(" Backs up the {@code running-config}.\n More text here.\n"))
                .isEqualTo("Backs up the running-config.");
        assertThat(TaskModeler.firstSentence(" Uses {@link io.genja.Genja#run the runner} and\n <b>bold</b> words\n @see X"))
                .isEqualTo("Uses the runner and bold words");
        assertThat(TaskModeler.firstSentence(" Calls {@link Host#name}. Then stops.")).isEqualTo("Calls Host.name.");
        assertThat(TaskModeler.firstSentence(" Version 1.2 is supported! Really.")).isEqualTo("Version 1.2 is supported!");
        assertThat(TaskModeler.firstSentence("\n @param x ignored\n")).isEmpty();
    }
}
