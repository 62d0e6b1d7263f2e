package io.genja.device.connection;

import io.genja.connection.ConnectionException;
import io.genja.device.PlatformProfile;
import io.genja.device.PlatformProfiles;
import io.genja.document.Suggestions;
import io.genja.task.FailureKind;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the platform profile a CLI connection plugin drives a host with: from the host's {@code extras.platform_profile}
 * file or directory (read once per plugin) or the built-in ones, by platform name or alias; the generic profile when
 * the host names no platform. One per plugin instance; safe to use from many threads.
 */
public final class HostProfiles {

    private final String plugin;
    private final String withoutProfile;
    private final Map<Path, PlatformProfiles> userProfiles = new ConcurrentHashMap<>();

    /**
     * @param plugin the plugin's name, for messages ({@code ssh}, {@code telnet})
     * @param withoutProfile how a host runs without a profile, ending the unknown-platform message, e.g.
     *     {@code "or set extras.mode (exec or shell) to run without one"}; {@code null} when it cannot
     */
    public HostProfiles(String plugin, String withoutProfile) {
        this.plugin = Objects.requireNonNull(plugin, "plugin");
        this.withoutProfile = withoutProfile;
    }

    /**
     * The profile of {@code host}.
     *
     * @param platform the host's platform (or {@code extras.device_type}), or {@code null}
     * @param platformProfile {@code extras.platform_profile}, or {@code null}
     * @param genericWhenUnknown whether a platform without a profile gets the generic one (the host said how to run
     *     commands) instead of failing
     * @throws ConnectionException of kind {@code VALIDATION} for an unknown platform or a broken profile file
     */
    public PlatformProfile profile(String host, String platform, Path platformProfile, boolean genericWhenUnknown)
            throws ConnectionException {
        PlatformProfiles profiles;
        try {
            // read from the class path on first use (genja-device's index), so a broken profile fails a host, not the plugin
            PlatformProfiles builtIn = PlatformProfiles.builtIn();
            profiles = platformProfile == null ? builtIn
                    : userProfiles.computeIfAbsent(platformProfile.toAbsolutePath(), builtIn::with);
        } catch (IllegalArgumentException e) {
            throw new ConnectionException(FailureKind.VALIDATION, "host " + host + ": " + e.getMessage(), e);
        }
        if (platform == null) {
            return PlatformProfiles.GENERIC;
        }
        PlatformProfiles known = profiles;
        if (genericWhenUnknown && known.find(platform).isEmpty()) {
            return PlatformProfiles.GENERIC;
        }
        return profiles.find(platform).orElseThrow(() -> new ConnectionException(FailureKind.VALIDATION,
                "host " + host + ": platform \"" + platform + "\" has no " + plugin + " platform profile"
                        + closest(platform, known) + "; known: " + String.join(", ", known.names())
                        + ". Add one with extras.platform_profile" + (withoutProfile == null ? "" : ", " + withoutProfile)));
    }

    private static String closest(String name, PlatformProfiles profiles) {
        return Suggestions.closest(name, profiles.names())
                .map(candidate -> " (did you mean \"" + candidate + "\"?)").orElse("");
    }
}
