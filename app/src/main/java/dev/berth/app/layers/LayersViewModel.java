package dev.berth.app.layers;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.ImageLayers;
import dev.berth.app.engine.ImageSummary;
import dev.berth.app.support.Async;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the layers view: every image's layers (read once per refresh), the chosen image's history as rows, and
 * the sharing picture of all images.
 */
public final class LayersViewModel {
    private final Supplier<Engine> engine;
    private final Async async;
    private final ObservableList<ImageChoice> images = FXCollections.observableArrayList();
    private final ObjectProperty<ImageChoice> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<LayerRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SharingMap> sharing = new ReadOnlyObjectWrapper<>(this, "sharing",
            new SharingMap(Map.of()));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private Map<String, ImageLayers> byLabel = Map.of();
    private String wanted;

    public LayersViewModel(Supplier<Engine> engine, Async async) {
        this.engine = engine;
        this.async = async;
        selected.addListener((o, a, b) -> showRows());
    }

    /** What one load brings back: the picker's entries and each image's layers by label. */
    private record Loaded(List<ImageChoice> choices, Map<String, ImageLayers> layers) {}

    /** Reads every image's layers; selects {@code imageId} afterwards when given (else keeps the selection). */
    public void open(String imageId) {
        wanted = imageId;
        refresh();
    }

    public void refresh() {
        loading.set(true);
        error.set("");
        async.run(this::load, loaded -> {
            byLabel = loaded.layers();
            String keep = wanted != null ? wanted : selected.get() == null ? null : selected.get().id();
            wanted = null;
            images.setAll(loaded.choices());
            sharing.set(new SharingMap(byLabel));
            selected.set(images.stream().filter(c -> c.id().equals(keep)).findFirst()
                    .orElse(images.isEmpty() ? null : images.getFirst()));
            showRows();
            loading.set(false);
        }, message -> {
            error.set(message);
            loading.set(false);
        });
    }

    private Loaded load() {
        Engine e = engine.get();
        List<ImageChoice> choices = new ArrayList<>();
        Map<String, ImageLayers> layers = new LinkedHashMap<>();
        List<ImageSummary> all = new ArrayList<>(e.listImages());
        all.sort(Comparator.comparing((ImageSummary i) -> i.repoTags().isEmpty()).thenComparing(i -> label(i)));
        for (ImageSummary i : all) {
            String label = label(i);
            choices.add(new ImageChoice(i.id(), label));
            layers.put(label, e.imageLayers(i.id()));
        }
        return new Loaded(choices, layers);
    }

    private static String label(ImageSummary i) {
        return i.repoTags().isEmpty() ? Format.shortId(i.id()) : i.repoTags().getFirst();
    }

    private void showRows() {
        ImageChoice c = selected.get();
        ImageLayers l = c == null ? null : byLabel.get(c.label());
        rows.setAll(l == null ? List.of() : LayerHistory.rows(l, sharing.get()));
        summary.set(l == null ? "" : I18n.t("layers.count", layerCount(), rows.size()));
    }

    /** "5 layers from 8 instructions" for the chosen image; empty when none is chosen. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<ImageChoice> images() {
        return images;
    }

    public ObjectProperty<ImageChoice> selectedProperty() {
        return selected;
    }

    /** The chosen image's history, newest first; rows with number 0 made no layer. */
    public ObservableList<LayerRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** How many layers the chosen image has. */
    public long layerCount() {
        return rows.stream().filter(r -> !r.empty()).count();
    }

    public ReadOnlyObjectProperty<SharingMap> sharingProperty() {
        return sharing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** "Sharing saves 5.2 MB: apart these 3 images would take 12 MB, together they take 6.8 MB." */
    public String savingsText() {
        SharingMap s = sharing.get();
        if (s.sharedLayers().isEmpty()) {
            return I18n.t("layers.noSharing", images.size(), Format.bytes(s.onDisk()));
        }
        return I18n.t("layers.savings", Format.bytes(s.saved()), images.size(), Format.bytes(s.withoutSharing()),
                Format.bytes(s.onDisk()), s.sharedLayers().size());
    }

    /** "shared with nginx:1, app:2" for a row, or empty. */
    public String sharedWithText(LayerRow row) {
        if (row.empty() || row.sharedBy() < 2) {
            return "";
        }
        String self = selected.get() == null ? "" : selected.get().label();
        return String.join(", ", sharing.get().users(row.chainId()).stream().filter(u -> !u.equals(self)).toList());
    }
}
