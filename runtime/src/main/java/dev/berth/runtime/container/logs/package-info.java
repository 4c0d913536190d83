/**
 * Size-rotated container logs with docker's {@code --log-opt max-size=S max-file=N} semantics on top of conmon.
 *
 * <p>conmon (2.1.6) writes the k8s-file log and knows only {@code --log-size-max}: when a write would pass it,
 * conmon opens {@code container.log.tmp} truncated and renames it over {@code container.log}, so the old content
 * would be gone. To keep it, berthd holds a hard link, {@code container.log.live}, to the inode conmon writes.
 * When the inode behind {@code container.log} changes, conmon rotated: the link still reaches the finished
 * file, which becomes {@code container.log.1} after {@code .1 → .2 …} shift (the oldest beyond N−1 is deleted),
 * and the link moves to the new inode ({@link dev.berth.runtime.container.logs.LogRotation}). berthd notices a
 * rotation through inotify on the container's directory, a slow stat sweep, and before every log read
 * ({@link dev.berth.runtime.container.logs.RotationWatcher}); readers go through the files oldest first.
 *
 * <p>Limit: a file is lost when conmon rotates twice before berthd relinks — while berthd is down (containers
 * keep logging), or when a container writes more than max-size faster than berthd reacts to inotify (about a
 * millisecond). Docker's json-file rotates in the writer itself and never loses a file.
 */
package dev.berth.runtime.container.logs;
