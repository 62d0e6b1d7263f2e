package io.genja.processor.model;

/**
 * The types a {@code @TaskOption} field may have, each with the {@code io.genja.task.OptionConverters} method
 * that converts a raw option value to it.
 */
public enum OptionType {
    STRING("toStringValue"),
    BOOLEAN("toBoolean"),
    BYTE("toByte"),
    SHORT("toShort"),
    INT("toInt"),
    LONG("toLong"),
    FLOAT("toFloat"),
    DOUBLE("toDouble"),
    CHAR("toChar"),
    ENUM("toEnum"),
    DURATION("toDuration"),
    PATH("toPath"),
    STRING_LIST("toStringList");

    /** How the supported types read in messages and docs. */
    public static final String SUPPORTED = "String, boolean, byte, short, int, long, float, double, char "
            + "(and their boxes), enums, java.time.Duration, java.nio.file.Path, java.util.List<String>";

    private final String converter;

    OptionType(String converter) {
        this.converter = converter;
    }

    /** The name of the static method in {@code OptionConverters}. */
    public String converter() {
        return converter;
    }
}
