/**
 * System routes: {@code /_ping} (what clients negotiate the API version with), {@code /version},
 * {@code /info} (real host and engine figures) and the {@code /events} stream.
 */
package dev.berth.runtime.api.system;
