package io.genja.processor;

import io.genja.processor.base.ProcessorOptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** How build tools find and drive the processor. */
class ProcessorRegistrationTest {

    @Test
    void everyOptionIsDeclaredAndTheLatestSourceVersionSupported() {
        GenjaProcessor processor = new GenjaProcessor();
        assertThat(processor.getSupportedOptions()).containsExactlyInAnyOrderElementsOf(ProcessorOptions.KEYS);
        assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    }

    @Test
    void registeredForJavacAndDeclaredAggregatingForGradle() throws IOException {
        assertThat(resource("META-INF/services/javax.annotation.processing.Processor"))
                .contains("io.genja.processor.GenjaProcessor");
        assertThat(resource("META-INF/gradle/incremental.annotation.processors"))
                .isEqualTo("io.genja.processor.GenjaProcessor,aggregating\n");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = GenjaProcessor.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
