package io.genja.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.genja.connection.ConnectionException;
import io.genja.connection.FileTransfer;
import io.genja.connection.RemoteFile;
import io.genja.connection.TransferProtocol;
import io.genja.inventory.ConnectionKey;
import io.genja.task.FailureKind;
import io.genja.testkit.DeviceFleet;
import io.genja.testkit.DeviceFleetExtension;
import io.genja.testkit.SimulatedDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ssh plugin's file transfers on simulated devices: device paths mapped by the profile, the platform's checksum
 * command, reading back on a platform that has none (acme_os, a profile without a {@code files:} section), and the
 * errors for unsafe paths and missing files.
 */
@Timeout(60)
class SshFileTransferTest {

    @RegisterExtension
    static final DeviceFleetExtension DEVICES = new DeviceFleetExtension(() -> DeviceFleet.builder()
            .platform("acme", 1).platform("cisco_ios", 1).sshExtra("timeout", 10));

    @TempDir
    Path directory;

    private final SshConnectionPlugin plugin = new SshConnectionPlugin();

    @AfterEach
    void closePlugin() {
        plugin.close();
    }

    private SshConnection open(String device) throws ConnectionException {
        SshConnection connection = (SshConnection) plugin.create(new ConnectionKey(device, "ssh"));
        connection.open(DEVICES.fleet().inventory().resolveConnection(device, "ssh"));
        return connection;
    }

    private static String md5(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    @ParameterizedTest
    @EnumSource(TransferProtocol.class)
    void aPlatformWithoutAChecksumCommandIsCheckedByReadingTheFileBack(TransferProtocol protocol) throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("acme_os-001");
        byte[] content = "acme firmware\n".repeat(5000).getBytes();
        Path local = Files.write(directory.resolve("fw.img"), content);
        SshConnection connection = open(device.name());
        FileTransfer files = connection.files(protocol).orElseThrow();
        assertThat(files.defaultDirectory()).isEmpty();
        assertThat(files.inspect("fw-" + protocol + ".img")).isEmpty();

        List<Long> progress = new ArrayList<>();
        files.upload(local, "fw-" + protocol + ".img", progress::add);
        assertThat(device.file("fw-" + protocol + ".img")).hasValueSatisfying(b -> assertThat(b).isEqualTo(content));
        assertThat(progress).isSorted().last().isEqualTo((long) content.length);

        RemoteFile copied = files.inspect("fw-" + protocol + ".img").orElseThrow();
        assertThat(copied).isEqualTo(new RemoteFile("fw-" + protocol + ".img", content.length, md5(content),
                "read back over " + protocol));
        // nothing was asked of the device's CLI: it has no checksum command
        assertThat(device.commands()).containsOnly("pager 0");
        connection.close();
    }

    @ParameterizedTest
    @EnumSource(TransferProtocol.class)
    void iosPathsAreMappedForTheServerAndCheckedWithVerifyMd5(TransferProtocol protocol) throws Exception {
        SimulatedDevice device = DEVICES.fleet().device("cisco_ios-001");
        byte[] content = ("image " + protocol + "\n").repeat(3000).getBytes();
        device.putFile("flash:/image-" + protocol + ".bin", content);
        SshConnection connection = open(device.name());
        FileTransfer files = connection.files(protocol).orElseThrow();
        assertThat(files.defaultDirectory()).contains("flash:");

        RemoteFile there = files.inspect("flash:image-" + protocol + ".bin").orElseThrow();
        assertThat(there.md5()).isEqualTo(md5(content));
        assertThat(there.checkedBy()).isEqualTo("verify /md5 flash:image-" + protocol + ".bin");
        assertThat(there.knownSize().isPresent()).isEqualTo(protocol == TransferProtocol.SFTP);
        assertThat(files.inspect("flash:missing.bin")).isEmpty();

        Path local = directory.resolve("copy.bin");
        files.download("flash:image-" + protocol + ".bin", local, done -> { });
        assertThat(Files.readAllBytes(local)).isEqualTo(content);
        assertThatThrownBy(() -> files.download("flash:missing.bin", directory.resolve("missing.bin"), done -> { }))
                .isInstanceOfSatisfying(ConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.COMMAND);
                    assertThat(e.getMessage()).startsWith("host cisco_ios-001 (127.0.0.1:" + device.port()
                            + "): could not download flash:missing.bin by " + protocol + ": ")
                            .containsIgnoringCase("no such file");
                });
        assertThat(directory.resolve("missing.bin")).doesNotExist();
        try (var left = Files.list(directory)) {
            assertThat(left).as("no partial file is left behind").containsExactly(local);
        }
        connection.close();
    }

    @Test
    void pathsThatTheDevicesCliWouldSplitOrInterpretAreRefused() throws Exception {
        SshConnection connection = open("cisco_ios-001");
        FileTransfer files = connection.files(TransferProtocol.SCP).orElseThrow();
        for (String unsafe : List.of("flash:my image.bin", "flash:a.bin;reload", "/tmp/$(reboot)", "'x'")) {
            assertThatThrownBy(() -> files.inspect(unsafe)).isInstanceOfSatisfying(ConnectionException.class, e -> {
                assertThat(e.kind()).isEqualTo(FailureKind.VALIDATION);
                assertThat(e.getMessage()).contains("remote path \"" + unsafe + "\" cannot be used",
                        "only letters, digits and . _ - + @ = , ~ : / are allowed");
            });
        }
        connection.close();
        assertThat(connection.files(TransferProtocol.SFTP)).isEmpty();
    }
}
