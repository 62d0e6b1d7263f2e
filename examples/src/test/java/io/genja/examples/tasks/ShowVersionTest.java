package io.genja.examples.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import io.genja.task.HostTaskResult;
import io.genja.task.TaskSuccess;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShowVersionTest {

    private static final Host R1 = Inventory.builder().host("r1").build().host("r1").orElseThrow();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(4)E8, RELEASE SOFTWARE (fc2)\\n"
                + "r1 uptime is 1 year, 2 weeks, 3 days, 4 hours, 5 minutes\\n| 15.2(4)E8 | 1 year, 2 weeks, 3 days, 4 hours, 5 minutes",
        "Arista DCS-7050TX-64-R\\nSoftware image version: 4.28.3M\\nUptime: 3 weeks, 2 days and 1 hour\\n| 4.28.3M | 3 weeks, 2 days and 1 hour",
        "Hostname: r1\\nModel: mx204\\nJunos: 21.4R3-S2.3\\n| 21.4R3-S2.3 |",
        "Hostname: r1\\nOperating System: Debian GNU/Linux 12 (bookworm)\\nKernel: 6.1.0-13-amd64 #1 SMP\\n| 6.1.0-13-amd64 |",
    })
    void parsesVersionAndUptime(String output, String version, String uptime) throws Exception {
        HostTaskResult result = new ShowVersion().start(R1, new ScriptedContext(R1,
                Map.of("show version", output.replace("\\n", "\n")), false));

        TaskSuccess success = ((HostTaskResult.Passed) result).success();
        assertThat(success.metadata().get("version")).isEqualTo(version);
        assertThat(success.metadata().get("uptime")).isEqualTo(uptime);
        assertThat(success.warnings()).isEmpty();
    }
}
