package dev.berth.runtime.container.xray;

/**
 * One namespace of the container's first process: its type (pid, net, mnt…), the inode that names it, and the inode
 * of the same type for berthd itself (the host). {@code shared} is true when both are the same namespace, i.e. the
 * container is not isolated in this respect (e.g. the user namespace without userns remapping).
 */
public record NamespaceEntry(String type, long inode, long hostInode, boolean shared) {}
