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

    @Test
    void firstSentenceEndsBeforeAnUpperCaseLetterOrTheEndAndNotAfterAnAbbreviation() {
        assertThat(TaskModeler.firstSentence(" Saves configs, e.g. Cisco ones. Then stops.")).isEqualTo("Saves configs, e.g. Cisco ones.");
        assertThat(TaskModeler.firstSentence(" Pings hosts (i.e. routers), etc. and more. Done.")).isEqualTo("Pings hosts (i.e. routers), etc. and more.");
        assertThat(TaskModeler.firstSentence(" Compares running vs. startup. Done.")).isEqualTo("Compares running vs. startup.");
        assertThat(TaskModeler.firstSentence(" Ends with a file name like a.txt and goes on")).isEqualTo("Ends with a file name like a.txt and goes on");
        assertThat(TaskModeler.firstSentence(" Is it up? Yes.")).isEqualTo("Is it up?");
        assertThat(TaskModeler.firstSentence(" Waits 5 s. then stops.")).isEqualTo("Waits 5 s. then stops.");
    }
}
