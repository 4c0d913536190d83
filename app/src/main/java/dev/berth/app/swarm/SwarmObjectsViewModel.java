package dev.berth.app.swarm;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.swarm.SwarmObject;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.support.ResourceListViewModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The swarm's secrets or its configs: listed by name, created from text, removed. Their data is never shown. */
public final class SwarmObjectsViewModel extends ResourceListViewModel<SwarmObject> {
    /** The names moby accepts for secrets and configs. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9])?");

    /** Which of the two this list holds. */
    public enum Kind {
        SECRET, CONFIG
    }

    private final Kind kind;

    public SwarmObjectsViewModel(Supplier<Engine> engine, Async async, Kind kind) {
        super(engine, async);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    protected List<SwarmObject> load(Engine e) {
        return kind == Kind.SECRET ? e.swarm().secrets() : e.swarm().configs();
    }

    /** Creates one from {@code text} (UTF-8). */
    public void create(String name, String text) {
        String n = name == null ? "" : name.strip();
        if (!NAME.matcher(n).matches()) {
            setError(I18n.t("swarm.object.badName", n));
            return;
        }
        byte[] data = (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
        if (data.length == 0) {
            setError(I18n.t("swarm.object.empty"));
            return;
        }
        command(e -> {
            if (kind == Kind.SECRET) {
                e.swarm().createSecret(n, data);
            } else {
                e.swarm().createConfig(n, data);
            }
        }, I18n.t("swarm.object.created", n));
    }

    public void remove(List<SwarmObject> objects) {
        if (objects.isEmpty()) {
            setError(I18n.t("swarm.nothingSelected"));
            return;
        }
        commandEach(objects, SwarmObject::name, (e, o) -> {
            if (kind == Kind.SECRET) {
                e.swarm().removeSecret(o.id());
            } else {
                e.swarm().removeConfig(o.id());
            }
        });
    }
}
