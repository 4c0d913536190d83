/**
 * Small helpers every part of the engine uses and none owns: atomic file writes, the one Jackson mapper, stream
 * decompression, tree deletion that never follows a symlink out, and values made on first use.
 */
package dev.berth.runtime.common;
