/**
 * {@code berthd check}: a file-system check for the data root, run while no berthd uses it. It reads the stores'
 * files as they are (never through the stores, whose opening already repairs) and reports every record whose files
 * are missing or damaged and every leftover of an interrupted change; {@code --repair} removes what is half-made.
 * Decision: a check only deletes, never rebuilds — an image without its layers is dropped so that a pull can fetch it
 * again, and a container whose image is gone is reported for a person to remove.
 */
package dev.berth.runtime.check;
