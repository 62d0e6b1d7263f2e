package io.genja.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tests' one NTP template for all five platforms ({@code templates/ntp-five-platforms.j2}), as a file. */
final class NtpTemplate {

    private NtpTemplate() {
    }

    /** Copies the template into {@code directory} and returns its path, as {@code send_config -o template=} takes it. */
    static Path copyTo(Path directory) throws IOException {
        Path template = directory.resolve("ntp.j2");
        try (InputStream in = NtpTemplate.class.getResourceAsStream("/templates/ntp-five-platforms.j2")) {
            if (in == null) {
                throw new IllegalStateException("templates/ntp-five-platforms.j2 is missing from the test resources");
            }
            Files.copy(in, template);
        }
        return template;
    }
}
