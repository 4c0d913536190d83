/**
 * {@code docker load} and {@code docker save}: docker-save archives and OCI image layouts in and out, every entry
 * checked so an archive cannot write outside its scratch directory.
 */
package dev.berth.runtime.image.archive;
