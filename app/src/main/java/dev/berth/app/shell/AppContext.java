package dev.berth.app.shell;

import dev.berth.app.containers.ContainersViewModel;
import dev.berth.app.engine.Connection;
import dev.berth.app.engine.ConnectionCatalog;
import dev.berth.app.engine.Engine;
import dev.berth.app.images.ImagesViewModel;
import dev.berth.app.images.PullViewModel;
import dev.berth.app.localengine.LocalEngineController;
import dev.berth.app.networks.NetworksViewModel;
import dev.berth.app.run.RunViewModel;
import dev.berth.app.settings.AppSettings;
import dev.berth.app.settings.SettingsViewModel;
import dev.berth.app.support.Async;
import dev.berth.app.support.I18n;
import dev.berth.app.volumes.VolumesViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every ViewModel of the window, built once and kept across language switches (views are rebuilt, state is not).
 * Engine events reach the pages from here: a batch touching containers reloads Containers, Images (in-use) and
 * Volumes (used-by); images reload Images; and so on.
 */
public final class AppContext {
    private final AppSettings settings;
    private final Async async;
    private final Map<String, String> env;
    private final Path home;
    private final ShellViewModel shell;
    private final ContainersViewModel containers;
    private final ImagesViewModel images;
    private final VolumesViewModel volumes;
    private final NetworksViewModel networks;
    private final SettingsViewModel settingsVm;
    private final dev.berth.app.settings.SignInViewModel signIn;
    private final dev.berth.app.dashboard.DashboardViewModel dashboard;
    private final dev.berth.app.swarm.SwarmViewModel swarm;
    private final List<Connection> sessionConnections = new ArrayList<>();
    private volatile String berthUri = Connection.BERTH_DEFAULT_URI;
    private final NotificationCenter notifications = new NotificationCenter(java.time.Clock.systemUTC());

    public AppContext(AppSettings settings, Async async, Function<Connection, Engine> connector,
            LocalEngineController localEngine, Map<String, String> env, Path home, Duration eventWindow) {
        this.settings = settings;
        this.async = async;
        this.env = env;
        this.home = home;
        this.shell = new ShellViewModel(connector, async, localEngine, eventWindow, this::engineChanged);
        shell.setSshSettings(dev.berth.app.engine.ssh.SshSettings.forUser(env, home));
        this.containers = new ContainersViewModel(shell::engine, async,
                () -> shell.currentProperty().get() == null ? "localhost" : shell.currentProperty().get().portHost());
        this.images = new ImagesViewModel(shell::engine, async);
        this.volumes = new VolumesViewModel(shell::engine, async);
        this.networks = new NetworksViewModel(shell::engine, async);
        this.settingsVm = new SettingsViewModel(settings, dev.berth.app.settings.LoginItem.forThisApp(env, home));
        this.signIn = new dev.berth.app.settings.SignInViewModel(shell::engine, async,
                dev.berth.app.credentials.DockerConfigFile.forUser(env, home));
        this.dashboard = new dev.berth.app.dashboard.DashboardViewModel(shell::engine, async);
        this.swarm = new dev.berth.app.swarm.SwarmViewModel(shell::engine, async);
        settingsVm.userConnections().addListener((javafx.collections.ListChangeListener<Connection>) c -> rediscover());
        shell.currentProperty().addListener((o, a, b) -> {
            if (b != null) {
                settings.setSelectedConnection(b.uri());
            }
        });
        wireNotifications();
    }

    /**
     * What deserves a notification: a failed action on any page (the page's message bar says it too, but the person
     * may have moved on), a container that died unexpectedly, and the engine going away while connected.
     */
    private void wireNotifications() {
        for (var page : List.of(containers, images, volumes, networks)) {
            page.errorProperty().addListener((o, a, b) -> {
                if (!b.isBlank()) {
                    notifications.post(Notice.Level.ERROR, I18n.t("notify.actionFailed"), b);
                }
            });
        }
        CrashWatcher crashes = new CrashWatcher(java.time.Clock.systemUTC(),
                c -> async.ui()
                        .execute(() -> notifications.post(Notice.Level.ERROR,
                                I18n.t(c.outOfMemory() ? "notify.oom" : "notify.crashed", c.name()),
                                I18n.t("notify.exitCode", c.exitCode()))));
        shell.addEventListener(crashes);
        shell.stateProperty().addListener((o, a, b) -> {
            if (a == EngineState.CONNECTED && b == EngineState.UNREACHABLE && !shell.stopRequested()) {
                notifications.post(Notice.Level.WARNING, I18n.t("notify.engineGone"),
                        shell.engineErrorProperty().get());
            }
        });
    }

    public NotificationCenter notifications() {
        return notifications;
    }

    /** A Run dialog's state for {@code image} (may be empty); a started container reloads Containers and says so. */
    public RunViewModel newRun(String image) {
        return new RunViewModel(shell::engine, async, image, name -> {
            notifications.post(Notice.Level.SUCCESS, I18n.t("run.started", name), "");
            containers.refresh();
        });
    }

    /**
     * Finds the connections and connects to: {@code preferredUri} if given (added as a user connection when
     * unknown), else the one chosen last time, else the Berth engine.
     */
    public void start(String preferredUri) {
        if (preferredUri != null && !preferredUri.isBlank()) {
            // Given on the command line for this run only; not saved with the user's connections.
            sessionConnections.add(new Connection(Connection.shortName(preferredUri), Connection.Kind.USER,
                    preferredUri));
        }
        rediscover();
        String want = preferredUri != null && !preferredUri.isBlank() ? preferredUri : settings.selectedConnection();
        Connection pick = shell.connections().stream().filter(c -> c.uri().equals(want)).findFirst()
                .orElse(shell.connections().getFirst());
        shell.connect(pick);
        shell.refreshLocalEngine();
    }

    private void rediscover() {
        List<Connection> user = new ArrayList<>(settingsVm.userConnections());
        user.addAll(sessionConnections);
        shell.setConnections(ConnectionCatalog.discover(env, home, user, berthUri));
    }

    /** The Berth engine's address (natively or in the Berth VM); set before {@link #start(String)}. */
    public void setBerthUri(String uri) {
        berthUri = uri;
    }

    /**
     * The app now runs the Berth engine at {@code uri} (Settings → Engine switched between native and the VM):
     * the connection list follows, and the app moves to that engine.
     */
    public void useLocalEngine(String uri) {
        berthUri = uri;
        rediscover();
        shell.connections().stream().filter(Connection::isLocalBerth).findFirst().ifPresent(shell::connect);
        shell.refreshLocalEngine();
    }

    private void engineChanged(Set<String> types) {
        if (shell.stateProperty().get() == EngineState.UNREACHABLE) {
            List.of(containers, images, volumes, networks).forEach(dev.berth.app.support.ResourceListViewModel::clear);
            dashboard.clear();
            swarm.clear();
            return;
        }
        dashboard.engineChanged();
        swarm.engineChanged(types);
        if (ShellViewModel.concerns(types, "container")) {
            containers.refresh();
        }
        if (ShellViewModel.concerns(types, "image") || ShellViewModel.concerns(types, "container")) {
            images.refresh();
        }
        if (ShellViewModel.concerns(types, "volume") || ShellViewModel.concerns(types, "container")) {
            volumes.refresh();
        }
        if (ShellViewModel.concerns(types, "network")) {
            networks.refresh();
        }
    }

    /** A new pull whose success reloads the Images page and posts a notification. */
    public PullViewModel newPull() {
        PullViewModel[] pull = new PullViewModel[1];
        pull[0] = new PullViewModel(shell::engine, async, () -> {
            images.refresh();
            notifications.post(Notice.Level.SUCCESS, I18n.t("notify.pulled", pull[0].referenceProperty().get().strip()),
                    pull[0].statusProperty().get());
        });
        pull[0].errorProperty().addListener((o, a, b) -> {
            if (!b.isBlank()) {
                notifications.post(Notice.Level.ERROR, I18n.t("notify.pullFailed",
                        pull[0].referenceProperty().get().strip()), b);
            }
        });
        return pull[0];
    }

    /**
     * A build window's state: its recent builds are kept with the settings, and a finished build reloads Images,
     * selects the new image there and posts a notification.
     */
    public dev.berth.app.builds.BuildViewModel newBuild() {
        dev.berth.app.builds.RecentBuilds recents = new dev.berth.app.builds.RecentBuilds(settings::recentBuilds,
                settings::setRecentBuilds);
        return new dev.berth.app.builds.BuildViewModel(shell::engine, async, recents, id -> {
            images.reveal(id);
            notifications.post(Notice.Level.SUCCESS, I18n.t("notify.built"), id);
        }, java.time.Clock.systemUTC());
    }

    /** A push of {@code reference} whose end (done or failed) posts a notification. */
    public dev.berth.app.images.PushViewModel newPush(String reference) {
        dev.berth.app.images.PushViewModel[] push = new dev.berth.app.images.PushViewModel[1];
        push[0] = new dev.berth.app.images.PushViewModel(shell::engine, async, reference,
                () -> notifications.post(Notice.Level.SUCCESS, I18n.t("notify.pushed", reference),
                        push[0].statusProperty().get()));
        push[0].errorProperty().addListener((o, a, b) -> {
            if (!b.isBlank()) {
                notifications.post(Notice.Level.ERROR, I18n.t("notify.pushFailed", reference), b);
            }
        });
        return push[0];
    }

    public AppSettings settings() {
        return settings;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public ContainersViewModel containers() {
        return containers;
    }

    public ImagesViewModel images() {
        return images;
    }

    public dev.berth.app.swarm.SwarmViewModel swarm() {
        return swarm;
    }

    /** A log window's state for one service of the swarm. */
    public dev.berth.app.swarm.ServiceLogsViewModel newServiceLogs() {
        return new dev.berth.app.swarm.ServiceLogsViewModel(shell::engine, async);
    }

    public VolumesViewModel volumes() {
        return volumes;
    }

    public NetworksViewModel networks() {
        return networks;
    }

    public dev.berth.app.settings.SignInViewModel signIn() {
        return signIn;
    }

    public dev.berth.app.dashboard.DashboardViewModel dashboard() {
        return dashboard;
    }

    /** A fresh layers view state (each layers window has its own). */
    public dev.berth.app.layers.LayersViewModel newLayers() {
        return new dev.berth.app.layers.LayersViewModel(shell::engine, async);
    }

    /** A fresh X-ray state for one container tab. */
    public dev.berth.app.xray.XRayViewModel newXRay() {
        return new dev.berth.app.xray.XRayViewModel(shell::engine, async);
    }

    public SettingsViewModel settingsViewModel() {
        return settingsVm;
    }
}
