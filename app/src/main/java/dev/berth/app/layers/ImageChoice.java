package dev.berth.app.layers;

/** An image in the picker: its ID and the name to show (first tag, or the short ID when untagged). */
public record ImageChoice(String id, String label) {
    @Override
    public String toString() {
        return label;
    }
}
