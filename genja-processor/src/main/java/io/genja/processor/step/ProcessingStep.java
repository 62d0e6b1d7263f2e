package io.genja.processor.step;

import io.genja.processor.index.IndexEntry;
import io.genja.processor.index.KnownNames;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;

/**
 * The work for one annotation. Each round, a step parses the annotated classes (and those it deferred from the
 * round before), validates them, builds a model of the valid ones and writes their code. In the last round,
 * when every name of the compilation is known, it checks names and writes its resources.
 */
public interface ProcessingStep {

    /** The qualified names of the annotations this step handles. */
    Set<String> annotations();

    /** One round. */
    void process(RoundEnvironment round) throws Exception;

    /** The declarations this step has accepted so far, as index entries. */
    List<IndexEntry> declared();

    /** The last round: cross-checks names against everything {@code known}, then writes resources. */
    void finish(KnownNames known) throws Exception;
}
