package io.genja.ssh;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How to talk to one network operating system: loaded from a YAML data file (the built-in ones live in
 * {@code io/genja/ssh/platforms/}; users add theirs with {@code extras.platform_profile}).
 *
 * @param name the platform name used in inventories, e.g. {@code cisco_ios}
 * @param aliases other names for it, e.g. {@code ios}
 * @param defaultMode the mode used unless {@code extras.mode} says otherwise
 * @param prompt matches the CLI prompt at the end of the output
 * @param pagingOff commands sent once when a shell opens, to turn paging off
 * @param more matches a pager marker such as {@code --More--} at the end of the output
 * @param moreResponse what to send to the pager to get the next page
 * @param errors lines matching any of these mean the command failed
 * @param source where the profile was loaded from, for error messages
 */
public record PlatformProfile(String name, List<String> aliases, Mode defaultMode, Pattern prompt,
                              List<String> pagingOff, Pattern more, String moreResponse, List<Pattern> errors,
                              String source) {

    public PlatformProfile {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(defaultMode, "defaultMode");
        Objects.requireNonNull(prompt, "prompt");
        pagingOff = List.copyOf(pagingOff);
        Objects.requireNonNull(more, "more");
        Objects.requireNonNull(moreResponse, "moreResponse");
        errors = List.copyOf(errors);
    }
}
