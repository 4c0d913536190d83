package dev.berth.app.images;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.ImageReferences;
import dev.berth.app.engine.ImageSummary;
import dev.berth.app.support.Async;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import dev.berth.app.support.ResourceListViewModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** State and commands of the Images page. "In use" means some container, running or not, was created from it. */
public final class ImagesViewModel extends ResourceListViewModel<ImageRow> {
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final javafx.beans.property.ReadOnlyStringWrapper reveal = new javafx.beans.property.ReadOnlyStringWrapper(
            this, "reveal", "");
    private String pendingReveal = "";
    private int revealTries;
    private final FilteredList<ImageRow> visible = new FilteredList<>(items());
    /** One read-only view for every caller (a view per call would drop listeners when collected). */
    private final ObservableList<ImageRow> visibleView = FXCollections.unmodifiableObservableList(visible);

    public ImagesViewModel(Supplier<Engine> engine, Async async) {
        super(engine, async);
        search.addListener((o, a, b) -> {
            String needle = b == null ? "" : b.strip().toLowerCase(Locale.ROOT);
            visible.setPredicate(r -> needle.isEmpty() || r.repository().toLowerCase(Locale.ROOT).contains(needle)
                    || r.tag().toLowerCase(Locale.ROOT).contains(needle) || r.id().contains(needle));
        });
    }

    @Override
    protected List<ImageRow> load(Engine e) {
        List<ImageSummary> images = e.listImages();
        Set<String> used = e.listContainers().stream().map(ContainerSummary::imageId).collect(Collectors.toSet());
        List<ImageRow> rows = new ArrayList<>();
        for (ImageSummary i : images) {
            boolean inUse = used.contains(i.id());
            if (i.repoTags().isEmpty()) {
                rows.add(new ImageRow(i.id(), ImageRow.NONE, ImageRow.NONE, i.created(), i.size(), inUse));
            }
            for (String repoTag : i.repoTags()) {
                ImageReferences.Split s = ImageReferences.split(repoTag);
                rows.add(new ImageRow(i.id(), s.repository(), s.tag(), i.created(), i.size(), inUse));
            }
        }
        rows.sort(Comparator.comparing(ImageRow::dangling).thenComparing(ImageRow::repository)
                .thenComparing(ImageRow::tag));
        return rows;
    }

    /**
     * Reloads and, once the rows are there, asks the page to select the image {@code imageId} (a build just made it):
     * {@link #revealProperty()} carries the ID until the view took it.
     */
    public void reveal(String imageId) {
        search.set("");
        pendingReveal = imageId;
        revealTries = 0;
        refresh();
    }

    /** The image the page should select after the last reload, or empty. */
    public javafx.beans.property.ReadOnlyStringProperty revealProperty() {
        return reveal.getReadOnlyProperty();
    }

    @Override
    protected void afterLoad() {
        if (pendingReveal.isEmpty()) {
            return;
        }
        // A reload that was already under way when the build finished comes back without the new image; the one
        // queued after it has it. Reveal on the load that shows the image (a few tries, then give up).
        String wanted = pendingReveal.replace("sha256:", "");
        boolean there = items().stream().anyMatch(r -> r.id().replace("sha256:", "").startsWith(wanted)
                || wanted.startsWith(r.id().replace("sha256:", "")));
        if (there || ++revealTries >= 3) {
            reveal.set("");
            reveal.set(there ? pendingReveal : "");
            pendingReveal = "";
            revealTries = 0;
        }
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The rows matching the search. */
    public ObservableList<ImageRow> visibleRows() {
        return visibleView;
    }

    /** Removes the rows' tags (or, for untagged images, the images). Images in use are refused by the engine. */
    public void remove(List<ImageRow> rows) {
        if (rows.isEmpty()) {
            setError(I18n.t("images.nothingSelected"));
            return;
        }
        commandEach(rows, ImageRow::reference, (e, r) -> e.removeImage(r.reference(), false));
    }

    /** Adds {@code newReference} (e.g. "myapp:1.0") to the image of {@code row}. */
    public void tag(ImageRow row, String newReference) {
        ImageReferences.Split target;
        try {
            target = ImageReferences.split(newReference);
        } catch (IllegalArgumentException e) {
            setError(e.getMessage());
            return;
        }
        if (target.tag().startsWith("sha256:")) {
            setError(I18n.t("images.tagNoDigest"));
            return;
        }
        command(e -> e.tagImage(row.id(), target.repository(), target.tag()),
                I18n.t("images.tagged", target.repository() + ":" + target.tag()));
    }

    /** Asks the engine how much a prune would free, then hands the bytes to {@code then} (to put in the question). */
    public void estimatePrune(boolean danglingOnly, java.util.function.Consumer<Long> then) {
        dismissMessages();
        async.run(() -> engine.get().imagePruneEstimate(danglingOnly), then, this::setError);
    }

    /** Prunes dangling images, or with {@code danglingOnly == false} all unused ones; tells how much was freed. */
    public void prune(boolean danglingOnly) {
        dismissMessages();
        async.run(() -> engine.get().pruneImages(danglingOnly), result -> {
            setNotice(I18n.t("prune.reclaimed", Format.bytes(result.spaceReclaimed())));
            refresh();
        }, message -> {
            setError(message);
            refresh();
        });
    }
}
