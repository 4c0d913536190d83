/**
 * Builds: a folder and its Dockerfile become an image, with the build's steps shown as they run. {@link
 * dev.berth.app.builds.BuildLog} reads the engine's stream into steps (cache hits, output, the failing step);
 * {@link dev.berth.app.builds.BuildViewModel} holds the form (folder, Dockerfile, name, build arguments, target,
 * no-cache), the equivalent {@code docker build} line and the recent builds; {@link dev.berth.app.builds.BuildDialog}
 * shows them. The Dockerfile is read here too (the shared {@code berth-dockerfile} module) to offer its stages as
 * targets and to point at the line of a failed step.
 */
package dev.berth.app.builds;
