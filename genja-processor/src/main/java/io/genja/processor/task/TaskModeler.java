package io.genja.processor.task;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.genja.processor.base.Annotations;
import io.genja.processor.base.DeclarationChecks;
import io.genja.processor.model.OptionModel;
import io.genja.processor.model.TaskModel;
import java.util.ArrayList;
import java.util.List;
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
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](\\s|$)");

    private final Elements elements;
    private final DeclarationChecks checks;

    TaskModeler(Elements elements, DeclarationChecks checks) {
        this.elements = elements;
        this.checks = checks;
    }

    /** The model of {@code task}, whose validation report was clean. */
    TaskModel model(TaskDeclaration task) {
        List<String> subTasks = new ArrayList<>();
        for (AnnotationValue value : task.subTasks()) {
            TypeElement subType = (TypeElement) ((DeclaredType) value.getValue()).asElement();
            subTasks.add(Annotations.string(Annotations.find(subType, TaskParser.GENJA_TASK).orElseThrow(), "name"));
        }
        List<OptionModel> options = new ArrayList<>();
        for (TaskDeclaration.Option option : task.options()) {
            TypeMirror fieldType = option.type();
            options.add(new OptionModel(option.field().getSimpleName().toString(), option.name(), option.required(),
                    describe(option.description(), option.field()), OptionTypes.of(fieldType).orElseThrow(),
                    TypeName.get(fieldType), fieldType.toString()));
        }
        return new TaskModel(ClassName.get(task.type()), task.name(), task.connectionPlugin(),
                task.processors().stream().map(TaskDeclaration.Named::name).toList(), subTasks, options,
                describe(task.description(), task.type()), isAsync(task.type()));
    }

    private boolean isAsync(TypeElement type) {
        return checks.isSubtype(type, elements.getTypeElement(TaskValidator.ASYNC_TASK));
    }

    /** The annotation's description, else the first sentence of the element's Javadoc, else empty. */
    private String describe(String explicit, Element element) {
        if (!explicit.isBlank()) {
            return explicit.strip();
        }
        String doc = elements.getDocComment(element);
        return doc == null ? "" : firstSentence(doc);
    }

    /**
     * The first sentence of a Javadoc comment as plain text: block tags dropped, inline tags replaced by their
     * text ({@code {@code x}} becomes {@code x}), HTML tags removed, whitespace collapsed.
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
        return end.find() ? text.substring(0, end.start() + 1) : text;
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
