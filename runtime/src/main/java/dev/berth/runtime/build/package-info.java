/**
 * {@code docker build}: the request as moby's ImageBuildOptions, the builder that builds the target stage and the stages it
 * needs, and the error a failed step carries (with the exit code of a failing RUN).
 */
package dev.berth.runtime.build;
