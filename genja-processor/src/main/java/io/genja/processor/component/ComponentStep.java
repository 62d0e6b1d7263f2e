package io.genja.processor.component;

import com.palantir.javapoet.ClassName;
import io.genja.processor.base.DeclarationChecks;
import io.genja.processor.step.ProcessingStep;
import io.genja.processor.base.ProcessorOptions;
import io.genja.processor.base.Rounds;
import io.genja.processor.base.ValidationReport;
import io.genja.processor.index.ClasspathIndex;
import io.genja.processor.index.IndexEntry;
import io.genja.processor.index.IndexWriter;
import io.genja.processor.index.KnownNames;
import io.genja.processor.model.ComponentKind;
import io.genja.processor.model.ComponentModel;
import io.genja.processor.output.ServiceFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * One step per plugin annotation: {@code @GenjaConnectionPlugin}, {@code @GenjaProcessor},
 * {@code @GenjaInventoryPlugin}, {@code @GenjaTransformFunction} or {@code @GenjaRunner}. Per round, parse →
 * validate → model → add to the round's index class; in the last round, check the name against every other (and
 * report names two classes on the class path share) and write the {@code META-INF/services} file.
 */
public final class ComponentStep implements ProcessingStep {

    private final ComponentKind kind;
    private final ProcessingEnvironment env;
    private final Diagnostic.Kind nameCheckKind;
    private final Elements elements;
    private final Messager messager;
    private final DeclarationChecks checks;
    private final ComponentValidator validator;
    private final IndexWriter index;
    private final ServiceFiles services;
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Accepted classes by qualified name. */
    private final Map<String, ComponentModel> components = new LinkedHashMap<>();

    public ComponentStep(ComponentKind kind, ProcessingEnvironment env, ProcessorOptions options, IndexWriter index) {
        this.kind = kind;
        this.env = env;
        this.nameCheckKind = options.nameCheckKind();
        this.elements = env.getElementUtils();
        this.messager = env.getMessager();
        this.checks = new DeclarationChecks(env.getElementUtils(), env.getTypeUtils());
        this.validator = new ComponentValidator(checks, options, new ReturnedName(env));
        this.index = index;
        this.services = new ServiceFiles(env);
    }

    @Override
    public Set<String> annotations() {
        return Set.of(kind.annotation());
    }

    @Override
    public void process(RoundEnvironment round) throws Exception {
        for (TypeElement type : Rounds.typesToProcess(round, kind.annotation(), deferred, elements)) {
            ComponentDeclaration component = ComponentDeclaration.parse(kind, type);
            if (!round.processingOver() && checks.hasUnresolvedSupertypes(type)) {
                deferred.add(component.qualifiedName());
                continue;
            }
            ValidationReport report = validator.validate(component);
            report.printTo(messager);
            if (report.isClean() && !round.processingOver()) {
                ComponentModel model = new ComponentModel(kind, component.name(), ClassName.get(type));
                index.add(indexEntry(model), type);
                components.put(component.qualifiedName(), model);
            }
        }
    }

    @Override
    public List<IndexEntry> declared() {
        return components.values().stream().map(ComponentStep::indexEntry).toList();
    }

    @Override
    public void finish(KnownNames known) throws Exception {
        ClasspathIndex.reportClashes(known, kind.indexKind(), kind.noun(), nameCheckKind, env);
        List<Element> origins = new ArrayList<>();
        for (String name : components.keySet()) {
            TypeElement type = elements.getTypeElement(name);
            origins.add(type);
            validator.checkNames(ComponentDeclaration.parse(kind, type), known).printTo(messager);
        }
        services.write(kind.serviceInterface(),
                components.values().stream().map(ComponentModel::binaryName).toList(),
                origins.toArray(Element[]::new));
    }

    private static IndexEntry indexEntry(ComponentModel component) {
        return new IndexEntry(component.kind().indexKind(), component.name(), component.type().canonicalName());
    }
}
