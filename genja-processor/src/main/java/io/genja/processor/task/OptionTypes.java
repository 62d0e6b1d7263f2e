package io.genja.processor.task;

import io.genja.processor.model.OptionType;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Which {@link OptionType} a {@code @TaskOption} field's type is, if Genja can convert options to it. */
final class OptionTypes {

    private OptionTypes() {
    }

    static Optional<OptionType> of(TypeMirror type) {
        OptionType primitive = switch (type.getKind()) {
            case BOOLEAN -> OptionType.BOOLEAN;
            case BYTE -> OptionType.BYTE;
            case SHORT -> OptionType.SHORT;
            case INT -> OptionType.INT;
            case LONG -> OptionType.LONG;
            case FLOAT -> OptionType.FLOAT;
            case DOUBLE -> OptionType.DOUBLE;
            case CHAR -> OptionType.CHAR;
            default -> null;
        };
        if (primitive != null) {
            return Optional.of(primitive);
        }
        if (!(type instanceof DeclaredType declared)) {
            return Optional.empty();
        }
        TypeElement element = (TypeElement) declared.asElement();
        if (element.getKind() == ElementKind.ENUM) {
            return Optional.of(OptionType.ENUM);
        }
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        return Optional.ofNullable(switch (element.getQualifiedName().toString()) {
            case "java.lang.String" -> OptionType.STRING;
            case "java.lang.Boolean" -> OptionType.BOOLEAN;
            case "java.lang.Byte" -> OptionType.BYTE;
            case "java.lang.Short" -> OptionType.SHORT;
            case "java.lang.Integer" -> OptionType.INT;
            case "java.lang.Long" -> OptionType.LONG;
            case "java.lang.Float" -> OptionType.FLOAT;
            case "java.lang.Double" -> OptionType.DOUBLE;
            case "java.lang.Character" -> OptionType.CHAR;
            case "java.time.Duration" -> OptionType.DURATION;
            case "java.nio.file.Path" -> OptionType.PATH;
            case "java.util.List" -> arguments.size() == 1 && isString(arguments.get(0))
                    ? OptionType.STRING_LIST : null;
            default -> null;
        });
    }

    private static boolean isString(TypeMirror type) {
        return type instanceof DeclaredType declared
                && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.String");
    }
}
