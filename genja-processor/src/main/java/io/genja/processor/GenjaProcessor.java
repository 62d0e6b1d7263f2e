package io.genja.processor;

import io.genja.annotations.GenjaIndexEntries;
import io.genja.annotations.GenjaIndexEntry;
import io.genja.processor.base.GeneratedAnnotation;
import io.genja.processor.base.Messages;
import io.genja.processor.base.ProcessorOptions;
import io.genja.processor.base.ValidationReport;
import io.genja.processor.step.ProcessingStep;

import com.google.auto.service.AutoService;
import io.genja.processor.component.ComponentStep;
import io.genja.processor.index.ClasspathIndex;
import io.genja.processor.index.IndexEntry;
import io.genja.processor.index.IndexWriter;
import io.genja.processor.index.KnownNames;
import io.genja.processor.model.ComponentKind;
import io.genja.processor.task.TaskStep;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedOptions;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The Genja annotation processor: a thin shell that hands each annotation to its {@link ProcessingStep} and, once
 * every round is seen, lets the steps check names across the compilation and the classpath index and write their
 * resources. It never lets an exception escape: a file it cannot write is reported as {@code [genja.write-failed]},
 * a bug as {@code [genja.internal]} with its trace.
 *
 * <p>Options: {@code -Agenja.connectionPlugins=a,b} and {@code -Agenja.processors=a,b} name plugins registered
 * only at run time; {@code -Agenja.validation=warning} reports unknown and duplicate names as warnings.
 */
@AutoService(Processor.class)
@SupportedOptions({ProcessorOptions.CONNECTION_PLUGINS, ProcessorOptions.PROCESSORS, ProcessorOptions.VALIDATION})
public final class GenjaProcessor extends AbstractProcessor {

    private ProcessorOptions options;
    private List<ProcessingStep> steps;
    private IndexWriter index;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        ValidationReport optionProblems = new ValidationReport();
        options = ProcessorOptions.parse(env.getOptions(), optionProblems);
        optionProblems.printTo(env.getMessager());
        index = new IndexWriter(env.getFiler());
        steps = List.of(
                new ComponentStep(ComponentKind.CONNECTION_PLUGIN, env, options, index),
                new ComponentStep(ComponentKind.PROCESSOR, env, options, index),
                new ComponentStep(ComponentKind.INVENTORY_PLUGIN, env, options, index),
                new ComponentStep(ComponentKind.TRANSFORM_FUNCTION, env, options, index),
                new ComponentStep(ComponentKind.RUNNER, env, options, index),
                new TaskStep(env, options, index));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> annotations = new TreeSet<>();
        // before init() the steps do not exist; javac asks only afterwards
        if (steps != null) {
            steps.forEach(step -> annotations.addAll(step.annotations()));
        }
        // the annotations of the code this processor generates: claimed (and ignored) so that javac does not warn
        // "No processor claimed any of these annotations" in the next round, which -Xlint:all -Werror makes an error
        annotations.add(GenjaIndexEntry.class.getCanonicalName());
        annotations.add(GenjaIndexEntries.class.getCanonicalName());
        annotations.add(GeneratedAnnotation.NAME);
        return annotations;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            for (ProcessingStep step : steps) {
                step.process(round);
            }
            // the steps add what they accepted; one index class for all of them (sources of the last round would
            // not be compiled, and the steps accept nothing then)
            index.writeRound();
            if (round.processingOver()) {
                finish();
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.writeFailed(e.getMessage()));
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Messages.internal(trace.toString()));
        }
        // Genja's annotations are Genja's alone; claiming them keeps -Xlint:processing (in -Xlint:all) quiet
        return true;
    }

    private void finish() throws Exception {
        List<IndexEntry> declared = new ArrayList<>();
        steps.forEach(step -> declared.addAll(step.declared()));
        KnownNames known = new KnownNames(declared, ClasspathIndex.read(processingEnv.getElementUtils()), options);
        for (ProcessingStep step : steps) {
            step.finish(known);
        }
    }
}
