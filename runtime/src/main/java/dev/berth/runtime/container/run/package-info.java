/**
 * What a start needs on disk: the overlay root, the engine-managed /etc files, the working directory, user lookup
 * in the container's own passwd and group, paths resolved inside the root, and the OCI options of its config.json.
 */
package dev.berth.runtime.container.run;
