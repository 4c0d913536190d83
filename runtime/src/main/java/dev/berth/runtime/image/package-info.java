/**
 * Everything the engine does with images, wired once ({@link dev.berth.runtime.image.ImageServices}): finding an image by
 * reference or ID, registering it once its content is in place, and its parsed configs.
 */
package dev.berth.runtime.image;
