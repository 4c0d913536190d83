package dev.berth.app.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.app.engine.Engine;
import dev.berth.app.support.Async;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Inspect: loads a container's JSON and its image's JSON, and offers the selected one as a tree filtered by the
 * search and as pretty-printed raw text.
 */
public final class InspectViewModel {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Which document is shown. */
    public enum Subject { CONTAINER, IMAGE }

    private final Supplier<Engine> engine;
    private final Async async;
    private final String containerId;
    private final ObjectProperty<Subject> subject = new SimpleObjectProperty<>(Subject.CONTAINER);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<JsonTree> tree = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper raw = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private JsonNode container;
    private JsonNode image;

    public InspectViewModel(Supplier<Engine> engine, Async async, String containerId) {
        this.engine = engine;
        this.async = async;
        this.containerId = containerId;
        subject.addListener((o, a, b) -> show());
        search.addListener((o, a, b) -> show());
    }

    /** Loads both documents (the image is the one the container was created from, by ID). */
    public void load() {
        async.run(() -> {
            JsonNode c = JSON.readTree(engine.get().inspectContainerJson(containerId));
            String imageId = c.path("Image").asText("");
            JsonNode i = imageId.isEmpty() ? JSON.createObjectNode()
                    : JSON.readTree(engine.get().inspectImageJson(imageId));
            return new JsonNode[]{c, i};
        }, docs -> {
            container = docs[0];
            image = docs[1];
            error.set("");
            show();
        }, error::set);
    }

    private void show() {
        JsonNode doc = subject.get() == Subject.IMAGE ? image : container;
        if (doc == null) {
            return;
        }
        try {
            raw.set(JSON.writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            raw.set(doc.toString());
        }
        String rootName = subject.get() == Subject.IMAGE ? "image" : "container";
        tree.set(JsonTree.of(rootName, doc).filter(search.get()));
    }

    public ObjectProperty<Subject> subjectProperty() {
        return subject;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<JsonTree> treeProperty() {
        return tree.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rawProperty() {
        return raw.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
