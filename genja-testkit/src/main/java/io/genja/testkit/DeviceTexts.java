package io.genja.testkit;

import java.util.Locale;

/** The canned, deterministic texts a simulated device prints: each depends only on the device's name. */
final class DeviceTexts {

    private DeviceTexts() {
    }

    /** A serial number derived from the name, so every device has its own and every run the same one. */
    static String serial(String name) {
        return String.format(Locale.ROOT, "FOC%08X", name.hashCode());
    }

    static String ciscoShowVersion(String hostname) {
        return String.join("\n",
                "Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc1)",
                "Technical Support: http://www.cisco.com/techsupport",
                "Copyright (c) 1986-2023 by Cisco Systems, Inc.",
                "Compiled Tue 12-Sep-23 08:14 by mcpre",
                "",
                "ROM: Bootstrap program is C2960X boot loader",
                "BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(7r)E, RELEASE SOFTWARE (fc1)",
                "",
                hostname + " uptime is 12 weeks, 3 days, 4 hours, 5 minutes",
                "System returned to ROM by power-on",
                "System image file is \"flash:c2960x-universalk9-mz.152-7.E8.bin\"",
                "Last reload reason: power-on",
                "",
                "cisco WS-C2960X-48TS-L (APM86XXX) processor (revision V02) with 524288K bytes of memory.",
                "Processor board ID " + serial(hostname),
                "Last reset from power-on",
                "1 Virtual Ethernet interface",
                "52 Gigabit Ethernet interfaces",
                "The password-recovery mechanism is enabled.",
                "",
                "512K bytes of flash-simulated non-volatile configuration memory.",
                "Base ethernet MAC Address       : 00:1A:2B:" + macTail(hostname),
                "Motherboard assembly number     : 73-15877-05",
                "Model revision number           : V02",
                "Model number                    : WS-C2960X-48TS-L",
                "System serial number            : " + serial(hostname),
                "",
                "Switch Ports Model                     SW Version            SW Image",
                "------ ----- -----                     ----------            ----------",
                "*    1 52    WS-C2960X-48TS-L          15.2(7)E8             C2960X-UNIVERSALK9-M",
                "",
                "Configuration register is 0xF");
    }

    static String linuxShowVersion(String hostname) {
        return String.join("\n",
                "Hostname: " + hostname,
                "Operating System: Debian GNU/Linux 12 (bookworm)",
                "Kernel: " + linuxKernel(),
                "Architecture: x86-64",
                "Serial: " + serial(hostname));
    }

    static String linuxUname(String hostname) {
        return "Linux " + hostname + " " + linuxKernel() + " x86_64 GNU/Linux";
    }

    private static String linuxKernel() {
        return "6.1.0-13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.55-1 (2023-09-29)";
    }

    /** About three hundred lines of IOS configuration: 48 access ports, VLANs, lines, and an address per device. */
    static String ciscoRunningConfig(String hostname) {
        int seed = Math.floorMod(hostname.hashCode(), 250) + 1;
        StringBuilder body = new StringBuilder();
        body.append("!\nversion 15.2\nno service pad\nservice timestamps debug datetime msec\n")
                .append("service timestamps log datetime msec\nservice password-encryption\n!\n")
                .append("hostname ").append(hostname).append("\n!\nboot-start-marker\nboot-end-marker\n!\n")
                .append("enable secret 5 $1$abcd$0123456789abcdefghij\n!\nusername automation privilege 15 secret 5 $1$efgh$k\n")
                .append("aaa new-model\n!\nip domain-name lab.example\nip name-server 10.0.0.53\n!\n")
                .append("spanning-tree mode rapid-pvst\nspanning-tree extend system-id\n!\n");
        for (int vlan = 10; vlan <= 40; vlan += 10) {
            body.append("vlan ").append(vlan).append("\n name USERS_").append(vlan).append("\n!\n");
        }
        for (int port = 1; port <= 48; port++) {
            body.append("interface GigabitEthernet1/0/").append(port).append('\n')
                    .append(" description access port ").append(port).append('\n')
                    .append(" switchport access vlan ").append(10 * (1 + port % 4)).append('\n')
                    .append(" switchport mode access\n spanning-tree portfast\n!\n");
        }
        body.append("interface Vlan1\n ip address 10.").append(seed).append(".0.1 255.255.255.0\n!\n")
                .append("ip default-gateway 10.").append(seed).append(".0.254\nip ssh version 2\n!\n")
                .append("snmp-server community public RO\nntp server 10.0.0.123\n!\n")
                .append("line con 0\n logging synchronous\nline vty 0 4\n transport input ssh\nline vty 5 15\n")
                .append(" transport input ssh\n!\nend\n");
        return "Building configuration...\n\nCurrent configuration : " + body.length() + " bytes\n" + body;
    }

    /** A Linux host's "configuration": its interfaces file. */
    static String linuxRunningConfig(String hostname) {
        int seed = Math.floorMod(hostname.hashCode(), 250) + 1;
        return String.join("\n",
                "# /etc/network/interfaces on " + hostname,
                "auto lo",
                "iface lo inet loopback",
                "",
                "auto eth0",
                "iface eth0 inet static",
                "    address 10." + seed + ".1.10/24",
                "    gateway 10." + seed + ".1.1",
                "") ;
    }

    private static String macTail(String name) {
        int h = name.hashCode();
        return String.format(Locale.ROOT, "%02X:%02X:%02X", (h >> 16) & 0xff, (h >> 8) & 0xff, h & 0xff);
    }
}
