/**
 * Docker's JSON progress stream for long image operations: messages, text progress bars, and throttled per-layer
 * reporting.
 */
package dev.berth.runtime.image.progress;
