/**
 * {@code .dockerignore}: which files of a folder a build leaves out. The docker CLI (and the app) apply it when they
 * make a context; the engine applies it only to the Dockerfile and {@code .dockerignore} themselves. Patterns follow
 * moby's {@code patternmatcher}, not {@code .gitignore}: {@code *} stays in one path element, {@code **} crosses
 * them, {@code !} re-includes, the last matching pattern decides.
 */
package dev.berth.dockerfile.ignore;
