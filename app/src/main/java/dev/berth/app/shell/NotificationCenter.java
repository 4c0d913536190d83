package dev.berth.app.shell;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notifications on screen (newest last) and the ones sent to the desktop while the window is hidden. Call it on
 * the UI thread. Identical notices in a row are shown once, so a burst of the same failure does not stack up.
 */
public final class NotificationCenter {
    /** How many toasts stay on screen at most; older ones give way. */
    static final int MAX_VISIBLE = 4;

    private final Clock clock;
    private final ObservableList<Notice> visible = FXCollections.observableArrayList();
    // One wrapper for all callers: an unmodifiable view listens to its source weakly, so a view made per call and
    // dropped by its caller would silently lose the listeners added to it.
    private final ObservableList<Notice> readOnlyVisible = FXCollections.unmodifiableObservableList(visible);
    private final List<Consumer<Notice>> desktopListeners = new CopyOnWriteArrayList<>();
    private final List<Notice> history = new ArrayList<>();

    public NotificationCenter(Clock clock) {
        this.clock = clock;
    }

    /** The toasts to show, oldest first. */
    public ObservableList<Notice> visible() {
        return readOnlyVisible;
    }

    /** Every notice posted, for tests and a future history view. */
    public List<Notice> history() {
        return List.copyOf(history);
    }

    /** Also hands every notice to {@code listener} (the tray shows them as desktop notifications). */
    public void addDesktopListener(Consumer<Notice> listener) {
        desktopListeners.add(listener);
    }

    public void post(Notice.Level level, String title, String detail) {
        if (title == null || title.isBlank()) {
            return;
        }
        Notice last = visible.isEmpty() ? null : visible.getLast();
        if (last != null && last.level() == level && last.title().equals(title) && last.detail().equals(detail)) {
            return;
        }
        Notice n = new Notice(level, title, detail == null ? "" : detail, clock.instant());
        history.add(n);
        visible.add(n);
        while (visible.size() > MAX_VISIBLE) {
            visible.removeFirst();
        }
        desktopListeners.forEach(l -> l.accept(n));
    }

    public void dismiss(Notice n) {
        visible.remove(n);
    }
}
