package io.genja.cli;

import io.genja.inventory.Host;
import io.genja.inventory.Inventory;
import java.io.PrintStream;

/** {@code genja inventory --explain HOST}: the runtime's explanation of where each resolved value comes from. */
final class InventoryExplain {

    private InventoryExplain() {
    }

    static void print(Inventory inventory, Host host, String plugin, boolean json, PrintStream out) {
        // The inventory's explain API lands with the inventory work (DESIGN §5: "Inventory explains itself").
        throw new CliException("--explain " + host.name() + ": this build's inventory cannot explain itself yet");
    }
}
