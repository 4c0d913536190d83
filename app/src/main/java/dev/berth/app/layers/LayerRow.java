package dev.berth.app.layers;

import java.time.Instant;

/**
 * One line of an image's history: the instruction, and when it made a layer ({@code number} from 1 at the base,
 * 0 for instructions that only changed the configuration), that layer's IDs, size and how many images hold it.
 */
public record LayerRow(int number, String instruction, long size, String diffId, String chainId, Instant created,
        int sharedBy) {
    public boolean empty() {
        return number == 0;
    }
}
