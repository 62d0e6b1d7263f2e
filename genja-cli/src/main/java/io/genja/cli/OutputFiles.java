package io.genja.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before a run touches any host, that every file it will write can be written: a run that does its work
 * and then fails on its output would exit with "bad usage" after changing devices, and a script would rerun it.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * @param what how the message names the file ({@code --json file})
     * @param createsParents whether the writer creates missing parent directories (the log file's does)
     * @throws CliException when the file is a directory, exists but is not writable, or its directory does not
     *     exist (or, when it would be created, the nearest existing one) or is not writable
     */
    static void checkWritable(Path file, String what, boolean createsParents) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new CliException(what + " " + file + " is a directory; give a file path");
        }
        if (Files.exists(absolute)) {
            if (!Files.isWritable(absolute)) {
                throw new CliException(what + " " + file + " is not writable");
            }
            return;
        }
        Path directory = absolute.getParent();
        if (createsParents) {
            while (directory != null && !Files.exists(directory)) {
                directory = directory.getParent();
            }
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new CliException(what + " " + file + " cannot be written: the directory "
                    + (directory == null ? absolute.getParent() : directory) + " does not exist");
        }
        if (!Files.isWritable(directory)) {
            throw new CliException(what + " " + file + " cannot be written: the directory " + directory
                    + " is not writable");
        }
    }
}
