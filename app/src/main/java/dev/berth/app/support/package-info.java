/**
 * What every feature's ViewModel shares: {@link dev.berth.app.support.Async} (blocking work on virtual threads,
 * results on the FX thread in batches, or all on one thread in tests), the list-of-resources base
 * {@link dev.berth.app.support.ResourceListViewModel}, translations and formatting.
 */
package dev.berth.app.support;
