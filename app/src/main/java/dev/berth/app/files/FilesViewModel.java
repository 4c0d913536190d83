package dev.berth.app.files;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.FileEntry;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Browses a {@link FileSource}: the current directory's entries (from the archive API), going into directories
 * and symlinks to directories, up (never above the source's root), downloading a file or folder into a local folder
 * and uploading a local file into the current directory.
 */
public final class FilesViewModel implements AutoCloseable {
    private final Supplier<Engine> engine;
    private final Async async;
    private final FileSource source;
    private final ObservableList<FileEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private long generation;

    public FilesViewModel(Supplier<Engine> engine, Async async, FileSource source) {
        this.engine = engine;
        this.async = async;
        this.source = source;
        path.set(source.root());
    }

    /** Lists {@code dir} and makes it current (when listing works). */
    public void go(String dir) {
        String target = PathNames.normalize(dir);
        if (!PathNames.within(target, source.root())) {
            target = source.root();
        }
        String wanted = target;
        long gen = ++generation;
        busy.set(true);
        async.run(() -> {
            try (InputStream tar = engine.get().getArchive(source.containerId(), wanted)) {
                return ArchiveListing.children(tar);
            }
        }, list -> {
            if (gen == generation) {
                busy.set(false);
                path.set(wanted);
                entries.setAll(list);
                error.set("");
            }
        }, message -> {
            if (gen == generation) {
                busy.set(false);
                error.set(message);
            }
        });
    }

    public void refresh() {
        go(path.get());
    }

    /** Opens a directory, or a symlink when its target is a directory. */
    public void open(FileEntry entry) {
        String full = PathNames.child(path.get(), entry.name());
        if (entry.isDirectory()) {
            go(full);
        } else if (entry.type() == FileEntry.Type.SYMLINK) {
            String target = PathNames.resolveLink(path.get(), entry.linkTarget());
            async.run(() -> engine.get().statPath(source.containerId(), target), stat -> {
                if (stat.isDirectory()) {
                    go(target);
                } else {
                    notice.set(I18n.t("files.linkTo", target));
                }
            }, error::set);
        }
    }

    public void up() {
        if (!path.get().equals(source.root())) {
            go(PathNames.parent(path.get()));
        }
    }

    /** Downloads {@code entry} of the current directory into {@code folder}. */
    public void download(FileEntry entry, Path folder) {
        String full = PathNames.child(path.get(), entry.name());
        busy.set(true);
        async.run(() -> {
            try (InputStream tar = engine.get().getArchive(source.containerId(), full)) {
                return ArchiveTransfer.extract(tar, folder);
            }
        }, files -> {
            busy.set(false);
            notice.set(I18n.t("files.downloaded", full, folder.resolve(entry.name()).toString()));
        }, message -> {
            busy.set(false);
            error.set(message);
        });
    }

    /** Uploads a local file into the current directory. */
    public void upload(Path file) {
        String dir = path.get();
        busy.set(true);
        async.run(() -> {
            Path tar = Files.createTempFile("berth-upload-", ".tar");
            try {
                try (OutputStream out = Files.newOutputStream(tar)) {
                    ArchiveTransfer.packFile(file, out);
                }
                try (InputStream in = Files.newInputStream(tar)) {
                    engine.get().putArchive(source.containerId(), dir, in);
                }
            } finally {
                Files.deleteIfExists(tar);
            }
            return file.getFileName().toString();
        }, name -> {
            busy.set(false);
            notice.set(I18n.t("files.uploaded", name, dir));
            refresh();
        }, message -> {
            busy.set(false);
            error.set(message);
        });
    }

    public void dismissMessages() {
        error.set("");
        notice.set("");
    }

    public ObservableList<FileEntry> entries() {
        return entries;
    }

    public ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public FileSource source() {
        return source;
    }

    /** The path segments from the root, for a breadcrumb. */
    public List<String> crumbs() {
        return PathNames.segments(path.get());
    }

    /** Releases the source (a volume's helper container is removed). */
    @Override
    public void close() {
        generation++;
        async.background().execute(source::close);
    }
}
