/**
 * The engine's own JSON for a container and its image, as a searchable tree ({@link dev.berth.app.inspect.JsonTree})
 * and as raw, pretty-printed text. The tree is a plain value built from Jackson's nodes, so filtering it is tested
 * without JavaFX.
 */
package dev.berth.app.inspect;
