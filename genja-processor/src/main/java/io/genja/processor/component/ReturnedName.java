package io.genja.processor.component;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * The constant a plugin class's {@code name()} returns, when its source says so plainly: a body of one
 * {@code return} of a string literal or of a compile-time constant ({@code return NAME;}). Anything else (a computed
 * name, a class compiled earlier, a compiler without the Trees API) is unknown: the run checks those
 * ({@code PluginManager} refuses a class whose {@code name()} differs from its annotation).
 */
final class ReturnedName {

    private final Trees trees;

    ReturnedName(ProcessingEnvironment env) {
        this.trees = treesOf(env);
    }

    private static Trees treesOf(ProcessingEnvironment env) {
        try {
            return Trees.instance(env);
        } catch (IllegalArgumentException | LinkageError notJavac) {
            return null; // another compiler (ECJ): the run-time check remains
        }
    }

    /** The name {@code type}'s own {@code name()} returns, if its body is one constant {@code return}. */
    Optional<String> of(TypeElement type) {
        if (trees == null) {
            return Optional.empty();
        }
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals("name") && method.getParameters().isEmpty()) {
                return constantReturn(method);
            }
        }
        return Optional.empty();
    }

    private Optional<String> constantReturn(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree)) {
            return Optional.empty();
        }
        BlockTree body = tree.getBody();
        if (body == null || body.getStatements().size() != 1) {
            return Optional.empty();
        }
        StatementTree statement = body.getStatements().get(0);
        if (!(statement instanceof ReturnTree returned) || returned.getExpression() == null) {
            return Optional.empty();
        }
        ExpressionTree expression = returned.getExpression();
        while (expression instanceof ParenthesizedTree parenthesized) {
            expression = parenthesized.getExpression();
        }
        if (expression instanceof LiteralTree literal) {
            return literal.getValue() instanceof String text ? Optional.of(text) : Optional.empty();
        }
        Element referenced = trees.getElement(new TreePath(new TreePath(path, returned), expression));
        if (referenced != null && referenced.getKind() == ElementKind.FIELD
                && ((VariableElement) referenced).getConstantValue() instanceof String constant) {
            return Optional.of(constant);
        }
        return Optional.empty();
    }
}
