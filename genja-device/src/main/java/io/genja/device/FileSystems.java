package io.genja.device;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a platform keeps its files and how it checks them: the profile's {@code files:} section (docs/platforms.md,
 * docs/file-transfer.md). Users name files the way the device's own CLI does ({@code flash:image.bin},
 * {@code bootflash:image.bin}, {@code /var/tmp/image.tgz}); the SCP and SFTP servers of some platforms want another
 * form of the same path ({@code flash:/image.bin} on IOS, {@code /mnt/flash/image.bin} on EOS), which
 * {@link #transferPath} gives.
 *
 * @param transferPaths each device file system ({@code flash:}) and the path its SCP/SFTP server knows it by
 *                      ({@code flash:/}); a path under none of them is used as written
 * @param defaultDirectory where a file goes when a copy names no destination, e.g. {@code flash:}; {@code null} when
 *                         the profile names none
 * @param checksum the platform's own MD5 command, or {@code null} when it has none (files are then read back)
 */
public record FileSystems(Map<String, String> transferPaths, String defaultDirectory, Checksum checksum) {

    /** A platform whose files are not described: paths are used as written, no checksum command. */
    public static final FileSystems NONE = new FileSystems(Map.of(), null, null);

    public FileSystems {
        transferPaths = Map.copyOf(transferPaths);
    }

    /** The form of {@code devicePath} the SCP/SFTP server understands: its file system prefix replaced. */
    public String transferPath(String devicePath) {
        Objects.requireNonNull(devicePath, "devicePath");
        // the longest prefix wins, so "bootflash:" is not taken for "flash:"
        Optional<String> prefix = transferPaths.keySet().stream().filter(devicePath::startsWith)
                .max(Comparator.comparingInt(String::length));
        if (prefix.isEmpty()) {
            return devicePath;
        }
        String replacement = transferPaths.get(prefix.get());
        String rest = devicePath.substring(prefix.get().length());
        if (replacement.endsWith("/") && rest.startsWith("/")) {
            rest = rest.substring(1); // flash:/a and flash:a are the same file
        }
        return replacement + rest;
    }

    /** The file systems the profile names, e.g. {@code [bootflash:, flash:]}, sorted. */
    public List<String> names() {
        return transferPaths.keySet().stream().sorted().toList();
    }

    /**
     * The command that prints a file's MD5 on the device and how to find the sum in its output.
     *
     * @param command the command, with {@code {path}} for the file as the device names it, e.g.
     *                {@code verify /md5 {path}}
     * @param pattern finds the MD5 in the output: its first group is 32 hex digits
     * @param sample what the device prints for a file ({@code {path}}, {@code {md5}}), for simulators; checked
     *               against {@code pattern} when the profile loads; {@code null} when not given
     * @param missing what the device prints when the file does not exist ({@code {path}}), for simulators; must not
     *                match {@code pattern}; {@code null} when not given
     */
    public record Checksum(String command, Pattern pattern, String sample, String missing) {

        public Checksum {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(pattern, "pattern");
        }

        /** The command for {@code devicePath}. */
        public String commandFor(String devicePath) {
            return command.replace("{path}", devicePath);
        }

        /** The MD5 in {@code output}, lower case; empty when the output shows none (no such file, an error). */
        public Optional<String> md5(String output) {
            Matcher matcher = pattern.matcher(output);
            return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(java.util.Locale.ROOT))
                    : Optional.empty();
        }

        /**
         * The file path in a command line of this platform's checksum command, e.g. {@code flash:a.bin} in
         * {@code verify /md5 flash:a.bin}: what a simulator answers; empty for any other command.
         */
        public Optional<String> pathIn(String commandLine) {
            int at = command.indexOf("{path}");
            String regex = Pattern.quote(command.substring(0, at)) + "(\\S+)"
                    + Pattern.quote(command.substring(at + "{path}".length()));
            Matcher matcher = Pattern.compile(regex).matcher(commandLine.strip());
            return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }
}
