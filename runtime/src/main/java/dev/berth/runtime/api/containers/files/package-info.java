/** HTTP side of container files: archive (docker cp), changes (docker diff), export and commit. */
package dev.berth.runtime.api.containers.files;
