/**
 * The layers of an image: each layer with its size and the Dockerfile instruction that made it, and which layers
 * images share. An image is a stack of layers; two images built on the same base keep that base once on disk, and
 * this view shows how much that saves. Layers are compared by ChainID (a layer together with all below it), the key
 * engines store unpacked layers under.
 */
package dev.berth.app.layers;
