package io.genja.connection;

/** The privilege level a CLI session is in, as its prompt shows it. */
public enum CliMode {
    /** Unprivileged ({@code router>}): show commands only; {@link DeviceCli#enable()} leaves it. */
    USER,
    /** Privileged ({@code router#}, Junos operational mode): every exec command. */
    PRIVILEGED,
    /** Configuration mode ({@code router(config)#}, Junos {@code user@router#}). */
    CONFIG
}
