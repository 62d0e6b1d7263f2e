package io.genja.bench.textfsm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates Cisco IOS style {@code show interfaces} output of a given size, the same for the same size (a fixed
 * seed): interfaces up, down and administratively down, with and without description, address and MAC.
 * {@code main(path, megabytes)} writes it for the Python side of bench/textfsm.sh.
 */
public final class ShowInterfacesOutput {

    /** The template the benchmark parses with: a case of genja-textfsm's oracle corpus. */
    public static final Path TEMPLATE =
            Path.of("genja-textfsm/src/test/resources/corpus/show-interfaces/template.textfsm");

    private ShowInterfacesOutput() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int megabytes = Integer.parseInt(args[1]);
        Files.writeString(file, generate(megabytes * 1024 * 1024), StandardCharsets.UTF_8);
        System.out.println(file + ": " + Files.size(file) + " bytes");
    }

    /** At least {@code bytes} characters of output, whole interfaces. */
    public static String generate(int bytes) {
        Random random = new Random(42);
        StringBuilder out = new StringBuilder(bytes + 4096);
        for (int i = 0; out.length() < bytes; i++) {
            interfaceBlock(out, i, random);
        }
        return out.toString();
    }

    private static void interfaceBlock(StringBuilder out, int i, Random random) {
        String[] types = {"GigabitEthernet1/0/", "TenGigabitEthernet1/1/", "Vlan", "Loopback"};
        String type = types[i % 7 == 6 ? 2 + (i / 7) % 2 : i % 2];
        boolean physical = type.contains("Ethernet");
        int state = random.nextInt(10);
        String link = state < 7 ? "up" : state < 9 ? "down" : "administratively down";
        String protocol = state < 7 ? "up" : "down";
        String mac = String.format("%04x.%04x.%04x", 0x5254, i >> 16 & 0xffff, i & 0xffff);
        out.append(type).append(i).append(" is ").append(link).append(", line protocol is ").append(protocol)
                .append(state == 8 ? " (notconnect)" : "").append(" \n");
        if (type.startsWith("Loopback")) {
            out.append("  Hardware is Loopback\n");
        } else {
            out.append("  Hardware is ").append(physical ? "Gigabit Ethernet" : "EtherSVI").append(", address is ")
                    .append(mac).append(" (bia ").append(mac).append(")\n");
        }
        if (random.nextBoolean()) {
            out.append("  Description: ").append(random.nextBoolean() ? "uplink to core-" : "access port room ")
                    .append(random.nextInt(500)).append('\n');
        }
        if (!physical || random.nextInt(4) == 0) {
            out.append("  Internet address is 10.").append(i >> 8 & 0xff).append('.').append(i & 0xff)
                    .append(".1/24\n");
        }
        out.append("  MTU ").append(random.nextInt(5) == 0 ? 9000 : 1500).append(" bytes, BW ")
                .append(physical ? "1000000" : "8000000").append(" Kbit/sec, DLY 10 usec, \n")
                .append("     reliability 255/255, txload 1/255, rxload 1/255\n")
                .append("  Encapsulation ARPA, loopback not set\n")
                .append("  Keepalive set (10 sec)\n");
        if (physical) {
            out.append("  ").append(state < 7 ? "Full" : "Auto").append("-duplex, ")
                    .append(state < 7 ? "1000Mb/s" : "Auto-speed").append(", media type is 10/100/1000BaseTX\n")
                    .append("  input flow-control is off, output flow-control is unsupported \n");
        }
        out.append("  ARP type: ARPA, ARP Timeout 04:00:00\n")
                .append("  Last input 00:00:0").append(random.nextInt(10)).append(", output never, output hang never\n")
                .append("  Last clearing of \"show interface\" counters never\n")
                .append("  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0\n")
                .append("  Queueing strategy: fifo\n")
                .append("  Output queue: 0/40 (size/max)\n")
                .append("  5 minute input rate ").append(random.nextInt(1_000_000)).append(" bits/sec, ")
                .append(random.nextInt(1000)).append(" packets/sec\n")
                .append("  5 minute output rate ").append(random.nextInt(1_000_000)).append(" bits/sec, ")
                .append(random.nextInt(1000)).append(" packets/sec\n")
                .append("     ").append(random.nextInt(Integer.MAX_VALUE)).append(" packets input, ")
                .append(random.nextLong() & Long.MAX_VALUE).append(" bytes, 0 no buffer\n")
                .append("     Received ").append(random.nextInt(100_000)).append(" broadcasts (0 IP multicasts)\n")
                .append("     0 runts, 0 giants, 0 throttles \n")
                .append("     ").append(random.nextInt(3)).append(" input errors, ").append(random.nextInt(3))
                .append(" CRC, 0 frame, 0 overrun, 0 ignored\n")
                .append("     0 watchdog, 0 multicast, 0 pause input\n")
                .append("     ").append(random.nextInt(Integer.MAX_VALUE)).append(" packets output, ")
                .append(random.nextLong() & Long.MAX_VALUE).append(" bytes, 0 underruns\n")
                .append("     0 output errors, 0 collisions, ").append(random.nextInt(5))
                .append(" interface resets\n")
                .append("     0 unknown protocol drops\n")
                .append("     0 babbles, 0 late collision, 0 deferred\n")
                .append("     0 lost carrier, 0 no carrier, 0 pause output\n")
                .append("     0 output buffer failures, 0 output buffers swapped out\n");
    }
}
