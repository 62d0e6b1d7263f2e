package io.genja.processor.task;

import com.palantir.javapoet.ClassName;
import com.sun.source.util.Trees;
import io.genja.annotations.GenjaIndexEntry;
import io.genja.processor.base.Annotations;
import io.genja.processor.base.DeclarationChecks;
import io.genja.processor.base.Messages;
import io.genja.processor.step.ProcessingStep;
import io.genja.processor.base.ProcessorOptions;
import io.genja.processor.base.Rounds;
import io.genja.processor.base.ValidationReport;
import io.genja.processor.index.ClasspathIndex;
import io.genja.processor.index.IndexEntry;
import io.genja.processor.index.IndexWriter;
import io.genja.processor.index.KnownNames;
import io.genja.processor.model.BinaryName;
import io.genja.processor.model.TaskModel;
import io.genja.processor.output.CatalogWriter;
import io.genja.processor.output.ServiceFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * {@code @GenjaTask}: per round, parse → validate → model → write the adapter and add the task to the round's index
 * class; in the last round, check names across the compilation and write
 * {@code META-INF/services/io.genja.task.TaskDefinition} and the task catalog.
 */
public final class TaskStep implements ProcessingStep {

    private final ProcessingEnvironment env;
    private final Elements elements;
    private final Messager messager;
    private final TaskParser parser;
    private final TaskValidator validator;
    private final TaskModeler modeler;
    private final TaskNameChecks nameChecks;
    private final Diagnostic.Kind nameCheckKind;
    private final AdapterWriter adapters;
    private final IndexWriter index;
    private final ServiceFiles services;
    private final CatalogWriter catalog;
    /** Classes to look at again next round, by qualified name. */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Accepted tasks by qualified name, in the order they were processed. */
    private final Map<String, TaskModel> tasks = new LinkedHashMap<>();
    /**
     * Every task class validated so far, accepted or not, with its task name: a class with another error still has
     * its names checked, so one build reports all its mistakes.
     */
    private final Map<String, String> validated = new LinkedHashMap<>();
    /** The top-level classes compiled from source, by qualified name, of every round so far. */
    private final Set<String> sourceClasses = new HashSet<>();
    /**
     * Diagnostics printed so far, as message and element: a superclass's option field is checked with the class
     * itself and with each task that extends it, and each problem is printed once.
     */
    private final Set<String> printed = new HashSet<>();
    /** The catalog an earlier compilation left in the class output, read in the first round with a task; else null. */
    private Optional<Map<String, CatalogWriter.Entry>> earlierCatalog;

    public TaskStep(ProcessingEnvironment env, ProcessorOptions options, IndexWriter index) {
        this.env = env;
        this.elements = env.getElementUtils();
        this.messager = env.getMessager();
        DeclarationChecks checks = new DeclarationChecks(env.getElementUtils(), env.getTypeUtils());
        this.parser = new TaskParser(checks);
        Trees trees = treesOf(env);
        this.validator = new TaskValidator(checks, this::isInSource);
        this.modeler = new TaskModeler(env.getElementUtils(), checks,
                element -> trees != null ? trees.getPath(element) == null : !isInSource(element));
        this.nameChecks = new TaskNameChecks(options);
        this.nameCheckKind = options.nameCheckKind();
        this.adapters = new AdapterWriter(env.getFiler());
        this.index = index;
        this.services = new ServiceFiles(env);
        this.catalog = new CatalogWriter(env.getFiler());
    }

    @Override
    public Set<String> annotations() {
        return Set.of(TaskParser.GENJA_TASK, TaskParser.TASK_OPTION);
    }

    @Override
    public void process(RoundEnvironment round) throws Exception {
        for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
            sourceClasses.add(type.getQualifiedName().toString());
        }
        checkOptionsOutsideTasks(round);
        for (TypeElement type : Rounds.typesToProcess(round, TaskParser.GENJA_TASK, deferred, elements)) {
            if (earlierCatalog == null) {
                // read before this compilation writes it; only when there are tasks, so other builds leave no trace
                earlierCatalog = catalog.earlier();
            }
            TaskDeclaration task = parser.parse(type);
            if (!round.processingOver() && parser.unresolved(task).isPresent()) {
                deferred.add(task.qualifiedName());
                continue;
            }
            ValidationReport report = validator.validate(task);
            report.printTo(messager, printed);
            validated.put(task.qualifiedName(), task.name());
            // sources written in the last round would not be compiled: a class still unresolved then has errors
            if (report.isClean() && !round.processingOver()) {
                TaskModel model = modeler.model(task, earlierCatalog.flatMap(earlier ->
                        Optional.ofNullable(earlier.get(BinaryName.of(ClassName.get(type))))));
                adapters.write(model, type);
                index.add(indexEntry(model), type);
                tasks.put(task.qualifiedName(), model);
            }
        }
    }

    @Override
    public List<IndexEntry> declared() {
        // invalid classes too, so that a duplicate name is reported whatever else is wrong; blank or malformed names
        // are reported on their own and clash with nothing
        return validated.entrySet().stream()
                .filter(task -> DeclarationChecks.NAME.matcher(task.getValue()).matches())
                .map(task -> new IndexEntry(GenjaIndexEntry.Kind.TASK, task.getValue(), task.getKey()))
                .toList();
    }

    @Override
    public void finish(KnownNames known) throws Exception {
        ClasspathIndex.reportClashes(known, GenjaIndexEntry.Kind.TASK, "task", nameCheckKind, env);
        for (String name : validated.keySet()) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                nameChecks.check(parser.parse(type), known).printTo(messager, printed);
            }
        }
        if (earlierCatalog == null) {
            return;
        }
        List<Element> origins = new ArrayList<>();
        for (String name : tasks.keySet()) {
            origins.add(elements.getTypeElement(name));
        }
        Element[] originating = origins.toArray(Element[]::new);
        Optional<Map<String, CatalogWriter.Entry>> earlier = earlierCatalog;
        List<CatalogWriter.Entry> entries = new ArrayList<>(tasks.values().stream().map(CatalogWriter::entry).toList());
        Set<String> adapters = new LinkedHashSet<>();
        tasks.values().forEach(task -> adapters.add(BinaryName.of(task.adapterClass())));
        Set<String> earlierAdapters = new HashSet<>();
        for (CatalogWriter.Entry entry : earlier.map(Map::values).orElse(List.of())) {
            Optional<TypeElement> type = stillATask(entry);
            earlierAdapters.add(adapterOf(entry.binaryName()));
            if (type.isPresent()) {
                entries.add(entry);
                adapters.add(BinaryName.of(TaskModel.adapterClassOf(ClassName.get(type.get()))));
            }
        }
        if (entries.isEmpty() && earlier.isEmpty()) {
            return;
        }
        // an earlier services entry the earlier catalog knew is listed above exactly when its task is kept
        services.write("io.genja.task.TaskDefinition", adapters, adapter -> !earlierAdapters.contains(adapter),
                originating);
        catalog.write(entries, originating);
    }

    /**
     * The class of a task an earlier compilation wrote to the catalog, when it is to stay there: its class still
     * exists, is not compiled in this compilation (then it is in {@link #tasks} or no longer a valid task) and still
     * carries {@code @GenjaTask}.
     */
    private Optional<TypeElement> stillATask(CatalogWriter.Entry entry) {
        TypeElement type = elements.getTypeElement(entry.binaryName().replace('$', '.'));
        if (type == null || tasks.containsKey(type.getQualifiedName().toString()) || isInSource(type)
                || Annotations.find(type, TaskParser.GENJA_TASK).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(type);
    }

    /** The adapter's binary name of the task class called {@code binaryName} ({@code a.Outer_Inner_GenjaAdapter}). */
    private static String adapterOf(String binaryName) {
        int dot = binaryName.lastIndexOf('.');
        return binaryName.substring(0, dot + 1) + binaryName.substring(dot + 1).replace('$', '_') + "_GenjaAdapter";
    }

    /**
     * {@code @TaskOption} fields of classes without {@code @GenjaTask}: a class that can be a task's superclass is
     * checked on its own (the rest with each task that extends it); on any other class the option could never be
     * bound.
     */
    private void checkOptionsOutsideTasks(RoundEnvironment round) {
        TypeElement taskOption = elements.getTypeElement(TaskParser.TASK_OPTION);
        if (taskOption == null) {
            return;
        }
        ValidationReport report = new ValidationReport();
        Set<TypeElement> superclasses = new LinkedHashSet<>();
        for (VariableElement field : ElementFilter.fieldsIn(round.getElementsAnnotatedWith(taskOption))) {
            Element owner = field.getEnclosingElement();
            if (Annotations.find(owner, TaskParser.GENJA_TASK).isPresent()) {
                continue;
            }
            Optional<String> notASuperclass = whyNotASuperclass(owner);
            if (notASuperclass.isPresent()) {
                report.error(Messages.optionOutsideTask(field.getSimpleName().toString(), owner.toString(),
                        notASuperclass.get()), field, Annotations.find(field, TaskParser.TASK_OPTION).orElse(null), null);
            } else {
                superclasses.add((TypeElement) owner);
            }
        }
        report.printTo(messager, printed);
        for (TypeElement superclass : superclasses) {
            validator.validateSuperclassOptions(superclass).printTo(messager, printed);
        }
    }

    /** What {@code owner} is, when no class can extend it: "a final class", "an enum", ..; empty when one can. */
    private static Optional<String> whyNotASuperclass(Element owner) {
        if (owner instanceof TypeElement type && (type.getNestingKind() == NestingKind.LOCAL
                || type.getNestingKind() == NestingKind.ANONYMOUS)) {
            return Optional.of(type.getNestingKind() == NestingKind.LOCAL ? "a local class" : "an anonymous class");
        }
        return switch (owner.getKind()) {
            case CLASS -> owner.getModifiers().contains(Modifier.FINAL) ? Optional.of("a final class") : Optional.empty();
            case ENUM -> Optional.of("an enum");
            case RECORD -> Optional.of("a record");
            case INTERFACE -> Optional.of("an interface");
            case ANNOTATION_TYPE -> Optional.of("an annotation type");
            default -> Optional.of("not a class");
        };
    }

    private static Trees treesOf(ProcessingEnvironment env) {
        try {
            return Trees.instance(env);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return null; // another compiler (ECJ), or a wrapped environment: classes named as roots count as source
        }
    }

    /** Whether {@code element} is in a class compiled from source in this compilation, not read from a class file. */
    private boolean isInSource(Element element) {
        Element outermost = element;
        while (outermost.getEnclosingElement() != null
                && outermost.getEnclosingElement().getKind() != ElementKind.PACKAGE
                && outermost.getEnclosingElement().getKind() != ElementKind.MODULE) {
            outermost = outermost.getEnclosingElement();
        }
        return outermost instanceof TypeElement type && sourceClasses.contains(type.getQualifiedName().toString());
    }

    private static IndexEntry indexEntry(TaskModel task) {
        return new IndexEntry(GenjaIndexEntry.Kind.TASK, task.name(), task.taskClass().canonicalName());
    }
}
