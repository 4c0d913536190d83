package dev.berth.app.files;

/** Where the browser reads: a container and the directory it starts in; closing releases what was set up for it. */
public interface FileSource extends AutoCloseable {

    String containerId();

    /** The directory shown first, and the highest one can go ("/" for a container, the mount point for a volume). */
    String root();

    /** A name for titles and suggested file names. */
    String label();

    @Override
    void close();

    /** A container's own filesystem, from "/". */
    static FileSource container(String id, String name) {
        return new FileSource() {
            public String containerId() {
                return id;
            }

            public String root() {
                return "/";
            }

            public String label() {
                return name;
            }

            public void close() {
                // Nothing was set up for it.
            }
        };
    }
}
