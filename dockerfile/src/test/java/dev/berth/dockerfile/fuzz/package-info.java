/**
 * Fuzz targets (jqwik properties) for the Dockerfile, its instructions' shell words and .dockerignore: whatever a
 * build context holds is parsed or refused as a DockerfileException, quickly, never failing otherwise.
 */
package dev.berth.dockerfile.fuzz;
