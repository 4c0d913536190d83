/**
 * The containers of this engine on disk, one record each, written atomically and loaded at start; names generated
 * in docker's style for containers created without one.
 */
package dev.berth.runtime.container.store;
