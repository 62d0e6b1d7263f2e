package io.genja.cli;

/** The {@code genja} program: {@code java -cp ... io.genja.cli.Main run backup_config}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new GenjaCli().execute(args));
    }
}
