package io.genja.device;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to talk to one network operating system, loaded from a YAML data file (docs/platforms.md describes every
 * field). The built-in profiles ship in {@code META-INF/genja/platforms/}; users add theirs the same way on the
 * class path, or as files ({@code extras.platform_profile} of the ssh plugin).
 *
 * @param name the platform name used in inventories, e.g. {@code cisco_ios}
 * @param aliases other names for it, e.g. {@code ios}
 * @param defaultMode the mode used unless the host says otherwise ({@code extras.mode} for ssh)
 * @param prompt matches the CLI prompt at the end of the output, in any privilege level
 * @param pagingOff commands sent once when a shell opens, to turn paging off
 * @param more matches a pager marker such as {@code --More--} at the end of the output
 * @param moreResponse what to send to the pager to get the next page
 * @param errors lines matching any of these mean the command failed
 * @param samples what the device prints (prompt, rejected command, pager marker), for simulators; checked against
 *                the patterns above when the profile loads
 * @param privilege the privilege levels and how to move between them; {@link Privilege#NONE} when not described
 * @param config how configuration is entered, committed and rolled back; {@link ConfigModel#NONE} when not described
 * @param files where files go and how the device checks them; {@link FileSystems#NONE} when not described
 * @param login how a terminal login (Telnet) asks for the user and the password; {@link Login#DEFAULT} when not
 *              described
 * @param source where the profile was loaded from, for error messages
 */
public record PlatformProfile(String name, List<String> aliases, Mode defaultMode, Pattern prompt,
                              List<String> pagingOff, Pattern more, String moreResponse, List<Pattern> errors,
                              Samples samples, Privilege privilege, ConfigModel config, FileSystems files,
                              Login login, String source) {

    /** A profile without file systems and with the default {@link Login}. */
    public PlatformProfile(String name, List<String> aliases, Mode defaultMode, Pattern prompt, List<String> pagingOff,
                           Pattern more, String moreResponse, List<Pattern> errors, Samples samples,
                           Privilege privilege, ConfigModel config, String source) {
        this(name, aliases, defaultMode, prompt, pagingOff, more, moreResponse, errors, samples, privilege, config,
                FileSystems.NONE, Login.DEFAULT, source);
    }

    public PlatformProfile {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(defaultMode, "defaultMode");
        Objects.requireNonNull(prompt, "prompt");
        pagingOff = List.copyOf(pagingOff);
        Objects.requireNonNull(more, "more");
        Objects.requireNonNull(moreResponse, "moreResponse");
        errors = List.copyOf(errors);
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(login, "login");
    }

    /** The first line of {@code output} that an error pattern matches (stripped), if any. */
    public Optional<String> errorLine(String output) {
        for (Pattern error : errors) {
            Matcher matcher = error.matcher(output);
            if (matcher.find()) {
                int start = output.lastIndexOf('\n', matcher.start()) + 1;
                int end = output.indexOf('\n', matcher.start());
                return Optional.of(output.substring(start, end < 0 ? output.length() : end).strip());
            }
        }
        return Optional.empty();
    }

    /**
     * What a device of this platform prints; each may hold {@code {host}} and {@code {user}} (and the error
     * {@code {caret}}, {@code {command}}, {@code {word}}).
     *
     * @param prompt the prompt after login, e.g. {@code {host}#}; {@code null} when not given
     * @param error what a rejected command prints, e.g. {@code % Invalid input detected at '^' marker.}
     * @param more the pager marker as printed, e.g. {@code  --More-- }; {@code null} for a device that never pages
     */
    public record Samples(String prompt, String error, String more) {
        public static final Samples NONE = new Samples(null, null, null);
    }

    /**
     * The privilege levels of the CLI and the commands between them (used from issue 12 on: reaching privileged
     * mode, knowing the mode a session is in).
     *
     * @param login the level a session starts in, or {@code null} when not described
     * @param levels the levels described, least privileged first: {@code user}, {@code privileged}, {@code config}
     * @param enable how to go from {@code user} to {@code privileged}, or {@code null}
     * @param disable the command from {@code privileged} back to {@code user}, or {@code null}
     */
    public record Privilege(String login, List<Level> levels, Enable enable, String disable) {
        public static final Privilege NONE = new Privilege(null, List.of(), null, null);

        /** The level names a profile may describe, least privileged first. */
        public static final List<String> LEVEL_NAMES = List.of("user", "privileged", "config");

        public Privilege {
            levels = List.copyOf(levels);
        }

        /** The level called {@code name}. */
        public Optional<Level> level(String name) {
            return levels.stream().filter(l -> l.name().equals(name)).findFirst();
        }

        /** The level a prompt line shows: the most privileged level whose pattern matches it. */
        public Optional<Level> levelOf(String promptLine) {
            for (int i = levels.size() - 1; i >= 0; i--) {
                if (levels.get(i).prompt().matcher(promptLine).find()) {
                    return Optional.of(levels.get(i));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One privilege level.
     *
     * @param name {@code user}, {@code privileged} or {@code config}
     * @param prompt tells this level's prompt from the others' (the levels are tried most privileged first)
     * @param sample the prompt as a device prints it, e.g. {@code {host}(config)#}, or {@code null}
     */
    public record Level(String name, Pattern prompt, String sample) {
    }

    /**
     * How to reach privileged mode.
     *
     * @param command e.g. {@code enable}
     * @param secretPrompt the device asking for the secret, e.g. {@code Password:}
     * @param failure the device refusing the secret, or {@code null}
     */
    public record Enable(String command, Pattern secretPrompt, Pattern failure) {
    }

    /**
     * One question a device may ask during a command and the answer to give.
     *
     * @param expect the question, e.g. {@code Destination filename \[startup-config\]\?}
     * @param send the answer, e.g. an empty line
     */
    public record Exchange(Pattern expect, String send) {
    }

    /**
     * How a terminal login asks for the credentials before the first prompt (Telnet; an SSH server asks in its own
     * protocol), and what a simulated device prints for it.
     *
     * @param usernamePrompt the device asking for the user, e.g. {@code Username:} or {@code login:}
     * @param passwordPrompt the device asking for the password, e.g. {@code Password:}
     * @param failure the device refusing the credentials, e.g. {@code % Login invalid}
     * @param usernameSample the user question as printed, e.g. {@code Username: }
     * @param passwordSample the password question as printed
     * @param failureSample the refusal as printed
     */
    public record Login(Pattern usernamePrompt, Pattern passwordPrompt, Pattern failure, String usernameSample,
                        String passwordSample, String failureSample) {

        /** What most devices ask: {@code Username:} or {@code login:}, {@code Password:}, and a refusal. */
        public static final Login DEFAULT = new Login(
                Pattern.compile("(?i)(user ?name|login)\\s*:\\s*$"), Pattern.compile("(?i)password\\s*:\\s*$"),
                Pattern.compile("(?im)^\\s*%?\\s*(login invalid|login incorrect|authentication failed|access denied)"),
                "Username: ", "Password: ", "% Login invalid");

        public Login {
            Objects.requireNonNull(usernamePrompt, "usernamePrompt");
            Objects.requireNonNull(passwordPrompt, "passwordPrompt");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(usernameSample, "usernameSample");
            Objects.requireNonNull(passwordSample, "passwordSample");
            Objects.requireNonNull(failureSample, "failureSample");
        }
    }
}
