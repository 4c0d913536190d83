/**
 * Running a build, stage by stage and step by step, the way moby's classic builder does it and with the same
 * results: every step after FROM makes an image whose parent is the image before it, so the next build finds the
 * step again by its parent and what it did (see {@code build.cache}).
 *
 * <p>{@link dev.berth.runtime.build.steps.StageBuild} walks a stage's instructions; each instruction kind has one
 * class that only <em>plans</em> its step (what it will record in the image's history and what its result depends
 * on), and {@link dev.berth.runtime.build.steps.StepRunner} decides whether the cache has it or it must run, then
 * commits. Metadata steps (ENV, LABEL, CMD, …) change only the config; RUN runs a real container through the
 * engine's container services (same runtime, networks and limits as {@code docker run}); COPY, ADD and WORKDIR write
 * into an overlay of the current image ({@link dev.berth.runtime.build.steps.BuildRoot}) without a container. A
 * step's changes are the overlay's upper directory, committed as a layer like {@code docker commit} does.
 */
package dev.berth.runtime.build.steps;
