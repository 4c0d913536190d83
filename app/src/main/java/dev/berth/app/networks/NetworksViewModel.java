package dev.berth.app.networks;

import dev.berth.app.engine.Engine;
import dev.berth.app.engine.NetworkSpec;
import dev.berth.app.engine.NetworkSummary;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.support.ResourceListViewModel;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** State and commands of the Networks page. */
public final class NetworksViewModel extends ResourceListViewModel<NetworkSummary> {
    private static final Pattern NETWORK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public NetworksViewModel(Supplier<Engine> engine, Async async) {
        super(engine, async);
    }

    @Override
    protected List<NetworkSummary> load(Engine e) {
        return e.listNetworks().stream()
                .sorted(Comparator.comparing(NetworkSummary::builtIn).reversed().thenComparing(NetworkSummary::name))
                .toList();
    }

    /** Creates a bridge network; {@code subnet} may be blank for an engine-chosen one. */
    public void create(String name, String subnet, boolean internal) {
        String n = name == null ? "" : name.strip();
        String s = subnet == null ? "" : subnet.strip();
        if (!NETWORK_NAME.matcher(n).matches()) {
            setError(I18n.t("networks.badName", n));
            return;
        }
        if (!s.isEmpty() && !Subnets.valid(s)) {
            setError(I18n.t("networks.badSubnet", s));
            return;
        }
        command(e -> e.createNetwork(new NetworkSpec(n, s, internal)), I18n.t("networks.created", n));
    }

    /** Removes the networks; the built-in bridge, host and none are refused here with a reason. */
    public void remove(List<NetworkSummary> rows) {
        if (rows.isEmpty()) {
            setError(I18n.t("networks.nothingSelected"));
            return;
        }
        List<NetworkSummary> builtIn = rows.stream().filter(NetworkSummary::builtIn).toList();
        if (!builtIn.isEmpty()) {
            setError(I18n.t("networks.builtIn", builtIn.getFirst().name()));
            return;
        }
        commandEach(rows, NetworkSummary::name, (e, n) -> e.removeNetwork(n.id()));
    }
}
