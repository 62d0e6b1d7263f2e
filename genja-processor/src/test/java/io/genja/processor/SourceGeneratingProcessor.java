package io.genja.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Another annotation processor, as users have them: writes the given sources in its first round only, so the
 * Genja processor sees them (and types they define) one round later.
 */
final class SourceGeneratingProcessor extends AbstractProcessor {

    private final Map<String, String> sources;
    private boolean done;

    /** @param sources source code by qualified class name */
    SourceGeneratingProcessor(Map<String, String> sources) {
        this.sources = sources;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (done) {
            return false;
        }
        done = true;
        sources.forEach((name, code) -> {
            try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                writer.write(code);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return false;
    }
}
