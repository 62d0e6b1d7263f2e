package io.genja.processor.task;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.genja.processor.base.Annotations;
import io.genja.processor.base.DeclarationChecks;
import io.genja.processor.model.OptionModel;
import io.genja.processor.model.TaskModel;
import io.genja.processor.output.CatalogWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Turns a validated {@link TaskDeclaration} into the {@link TaskModel} the writers use. */
final class TaskModeler {

    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(\\w+)\\s+([^}]*)}");
    /** A sentence ends at '.', '!' or '?' followed by whitespace and an upper-case letter, or by the end. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+\\p{Lu}|\\s*$)");
    /** Words whose period ends no sentence, lower-case. */
    private static final List<String> ABBREVIATIONS = List.of("e.g.", "i.e.", "etc.", "vs.", "cf.", "approx.", "incl.");

    private final Elements elements;
    private final DeclarationChecks checks;
    /** Whether an element was read from a class file, which keeps no Javadoc. */
    private final Predicate<Element> fromClassFile;

    TaskModeler(Elements elements, DeclarationChecks checks, Predicate<Element> fromClassFile) {
        this.elements = elements;
        this.checks = checks;
        this.fromClassFile = fromClassFile;
    }

    /**
     * The model of {@code task}, whose validation report was clean. {@code earlier}: the task's entry in the
     * catalog an earlier compilation wrote, if any; a class read from a class file (Gradle's incremental
     * processing, {@code javac -proc:only} on class names) takes its Javadoc descriptions from there.
     */
    TaskModel model(TaskDeclaration task, Optional<CatalogWriter.Entry> earlier) {
        List<String> subTasks = new ArrayList<>();
        for (AnnotationValue value : task.subTasks()) {
            TypeElement subType = (TypeElement) ((DeclaredType) value.getValue()).asElement();
            subTasks.add(Annotations.string(Annotations.find(subType, TaskParser.GENJA_TASK).orElseThrow(), "name"));
        }
        List<OptionModel> options = new ArrayList<>();
        for (TaskDeclaration.Option option : task.options()) {
            TypeMirror fieldType = option.type();
            options.add(new OptionModel(option.field().getSimpleName().toString(), option.name(), option.required(),
                    describe(option.description(), option.field(),
                            earlier.map(entry -> entry.optionDescription(option.name()))), OptionTypes.of(fieldType).orElseThrow(),
                    TypeName.get(fieldType), fieldType.toString()));
        }
        return new TaskModel(ClassName.get(task.type()), task.name(), task.connectionPlugin(),
                task.processors().stream().map(TaskDeclaration.Named::name).toList(), subTasks, options,
                describe(task.description(), task.type(), earlier.map(CatalogWriter.Entry::description)),
                task.supportsDryRun(), isAsync(task.type()), usesDeprecated(task));
    }

    /** Whether the adapter of {@code task} names a deprecated class or field (see {@link TaskModel#usesDeprecated}). */
    private boolean usesDeprecated(TaskDeclaration task) {
        List<Element> named = new ArrayList<>(task.hierarchy());
        for (TaskDeclaration.Option option : task.options()) {
            named.add(option.field());
            if (option.type() instanceof DeclaredType declared) {
                named.add(declared.asElement());
            }
        }
        for (Element element : named) {
            for (Element e = element; e instanceof TypeElement || e == element; e = e.getEnclosingElement()) {
                if (elements.isDeprecated(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isAsync(TypeElement type) {
        return checks.isSubtype(type, elements.getTypeElement(TaskValidator.ASYNC_TASK));
    }

    /**
     * The annotation's description, else the first sentence of the element's Javadoc, else (for an element read from
     * a class file, whose Javadoc is gone) the description an earlier compilation derived, else empty.
     */
    private String describe(String explicit, Element element, Optional<String> earlier) {
        if (!explicit.isBlank()) {
            return explicit.strip();
        }
        String doc = elements.getDocComment(element);
        if (doc != null) {
            return firstSentence(doc);
        }
        return fromClassFile.test(element) ? earlier.orElse("") : "";
    }

    /**
     * The first sentence of a Javadoc comment as plain text: block tags dropped, inline tags replaced by their
     * text ({@code {@code x}} becomes {@code x}), HTML tags removed, whitespace collapsed. The sentence ends at a
     * period followed by an upper-case letter or the end, not after an abbreviation ("e.g.", "i.e.", "etc.", ..).
     */
    static String firstSentence(String javadoc) {
        StringBuilder body = new StringBuilder();
        for (String line : javadoc.split("\n")) {
            if (line.strip().startsWith("@")) {
                break;
            }
            body.append(line).append(' ');
        }
        String text = INLINE_TAG.matcher(body)
                .replaceAll(match -> Matcher.quoteReplacement(label(match.group(1), match.group(2))));
        text = text.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            String sentence = text.substring(0, end.start() + 1);
            if (!endsWithAbbreviation(sentence)) {
                return sentence;
            }
        }
        return text;
    }

    private static boolean endsWithAbbreviation(String sentence) {
        String lastWord = sentence.substring(sentence.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(lastWord);
    }

    /** {@code {@link Foo#bar label}} reads as its label, {@code {@link Foo#bar}} as {@code Foo.bar}, others as text. */
    private static String label(String tag, String content) {
        String text = content.strip();
        if (!tag.startsWith("link")) {
            return text;
        }
        String[] referenceAndLabel = text.split("\\s+", 2);
        if (referenceAndLabel.length == 2) {
            return referenceAndLabel[1];
        }
        String reference = text.replace('#', '.');
        return reference.startsWith(".") ? reference.substring(1) : reference;
    }
}
