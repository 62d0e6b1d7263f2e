package io.genja.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${file:...}} reads only inside the secrets directory; unknown schemes are refused; values never shown. */
class SecretConfinementTest {

    private static final ConnectionKey KEY = new ConnectionKey("r1", "ssh");

    @TempDir
    Path root;

    Path secrets;
    Path outside;
    SecretResolver resolver;

    @BeforeEach
    void files() throws IOException {
        secrets = Files.createDirectories(root.resolve("inventory"));
        Files.writeString(secrets.resolve("inside.txt"), "inside-secret\n");
        outside = Files.writeString(root.resolve("outside.txt"), "outside-secret\n");
        resolver = new SecretResolver(Map.of("TIMEOUT", "TimeoutS3cret")::get, secrets);
    }

    @Test
    void aFileInsideTheSecretsDirectoryIsRead() throws SecretException {
        assertThat(resolver.resolve(KEY, password("${file:inside.txt}")).password()).isEqualTo("inside-secret");
        assertThat(resolver.refusals(password("${file:inside.txt}"))).isEmpty();
    }

    @Test
    void dotDotOutOfTheSecretsDirectoryIsRefused() {
        assertRefused("${file:../outside.txt}", "cannot resolve the secret ${file:../outside.txt} in password for "
                + "r1/ssh: the path leaves the secrets directory " + secrets + " (through ..); secret files must be "
                + "inside it");
    }

    @Test
    void anAbsolutePathIsRefusedUnlessAllowed() throws SecretException {
        String reference = "${file:" + outside + "}";
        assertRefused(reference, "cannot resolve the secret " + reference + " in password for r1/ssh: absolute paths "
                + "are refused; put the file in the secrets directory " + secrets + " and name it relative to it, or "
                + "allow absolute paths with inventory.options.allow_absolute_secret_files: true");

        SecretResolver allowing = resolver.allowingAbsolutePaths(true);
        assertThat(allowing.resolve(KEY, password(reference)).password()).isEqualTo("outside-secret");
        assertThat(allowing.refusals(password(reference))).isEmpty();
    }

    @Test
    void aSymbolicLinkOutOfTheSecretsDirectoryIsRefused() throws IOException {
        Files.createSymbolicLink(secrets.resolve("link.txt"), outside);
        Files.createSymbolicLink(secrets.resolve("linked-dir"), root);

        assertRefused("${file:link.txt}", "cannot resolve the secret ${file:link.txt} in password for r1/ssh: a "
                + "symbolic link leads out of the secrets directory " + secrets + "; secret files must be inside it");
        assertThat(resolver.refusals(password("${file:linked-dir/outside.txt}"))).singleElement().asString()
                .contains("a symbolic link leads out of the secrets directory");
    }

    @Test
    void anUnknownSchemeIsRefusedNotSentAsALiteralPassword() {
        assertThat(SecretResolver.checkSyntax("${vault:db/router}")).contains("the secret reference "
                + "${vault:db/router} has the unknown scheme \"vault\"; known: ${env:NAME}, ${file:path} (write "
                + "$${...} for a literal ${...})");
        assertThat(SecretResolver.checkSyntax("${PASSWORD}")).hasValueSatisfying(
                message -> assertThat(message).contains("${PASSWORD} has no scheme"));
        assertThat(SecretResolver.checkSyntax("$${vault:db}")).isEmpty();
        assertRefused("${vault:db/router}", "cannot resolve the secret ${vault:db/router} in password for r1/ssh: "
                + "the secret reference ${vault:db/router} has the unknown scheme \"vault\"; known: ${env:NAME}, "
                + "${file:path} (write $${...} for a literal ${...})");
    }

    @Test
    void refusalsAreNotAlsoReportedAsProblems() {
        ResolvedConnectionParams params = new ResolvedConnectionParams("h", 22, "u", "${file:../outside.txt}", null,
                Map.of("jump", Map.of("password", "${vault:x}"), "key_passphrase", "${file:missing.txt}"));

        assertThat(resolver.refusals(params)).hasSize(2).anySatisfy(m -> assertThat(m).contains("in password: the path"))
                .anySatisfy(m -> assertThat(m).contains("in extras.jump.password: the secret reference ${vault:x}"));
        assertThat(resolver.problems(params)).singleElement().asString().contains("${file:missing.txt}")
                .contains("does not exist");
    }

    @Test
    void messagesQuotingAResolvedValueNameTheReferenceInstead() throws SecretException {
        ResolvedConnectionParams resolved = resolver.resolve(KEY, new ResolvedConnectionParams("h", 22, "u",
                "${file:inside.txt}", null, Map.of("timeout", "${env:TIMEOUT}")));
        assertThat(resolved.extras()).containsEntry("timeout", "TimeoutS3cret");

        String plugin = "extras.timeout must be a number, got \"TimeoutS3cret\"; password inside-secret";
        String redacted = resolver.withEnvironment(Map.<String, String>of()::get).redact(plugin, KEY);

        assertThat(redacted).isEqualTo("extras.timeout must be a number, got \"${env:TIMEOUT}\"; "
                + "password ${file:inside.txt}");
        assertThat(resolver.redact("nothing secret here", KEY)).isEqualTo("nothing secret here");
        assertThat(resolver.redact(plugin, new ConnectionKey("r2", "ssh"))).as("another host's values are its own")
                .isEqualTo(plugin);
    }

    @Test
    void theSecretKeyRuleCoversCredentialsButNotPathsToThem() {
        assertThat(new String[] {"password", "enable_secret", "secret", "passphrase", "key_passphrase", "api_token",
                "snmp_community", "db_credentials", "api_key", "apiKey", "private-key", "key", "Passwd"})
                .allMatch(SecretResolver::isSecretKey);
        assertThat(new String[] {"private_key_file", "key_file", "timeout", "hostname", "keepalive", "site"})
                .noneMatch(SecretResolver::isSecretKey);
    }

    private void assertRefused(String reference, String message) {
        assertThatThrownBy(() -> resolver.resolve(KEY, password(reference)))
                .isInstanceOf(SecretException.class).hasMessage(message);
        assertThat(resolver.refusals(password(reference))).containsExactly(message.replace(" for r1/ssh", ""));
    }

    private static ResolvedConnectionParams password(String password) {
        return new ResolvedConnectionParams("h", 22, "u", password, null, Map.of());
    }
}
