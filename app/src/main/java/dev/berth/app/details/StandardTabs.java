package dev.berth.app.details;

import dev.berth.app.files.FileSource;
import dev.berth.app.files.FilesView;
import dev.berth.app.files.FilesViewModel;
import dev.berth.app.inspect.InspectView;
import dev.berth.app.inspect.InspectViewModel;
import dev.berth.app.logs.LogsView;
import dev.berth.app.logs.LogsViewModel;
import dev.berth.app.support.I18n;
import dev.berth.app.terminal.TerminalsView;
import dev.berth.app.terminal.TerminalsViewModel;
import java.util.List;
import java.util.function.Function;
import javafx.scene.Node;

/** The tabs every container page has: Terminal, Logs, Stats, Files, Inspect. */
public final class StandardTabs {
    private StandardTabs() {}

    public static List<DetailTabProvider> all() {
        return List.of(
                provider("terminal", "details.tab.terminal", ctx -> {
                    var vm = new TerminalsViewModel(ctx.engine(), ctx.async(), ctx.containerId(), ctx.containerName(),
                            ctx.engineUri(), ctx.processLauncher());
                    var view = new TerminalsView(vm, ctx.darkTheme());
                    return new DetailTab() {
                        public Node root() {
                            return view.root();
                        }

                        public void shown() {
                            if (vm.sessions().isEmpty() && ctx.running()) {
                                vm.open();
                            }
                        }

                        public void close() {
                            vm.close();
                        }
                    };
                }),
                provider("logs", "details.tab.logs", ctx -> {
                    var vm = new LogsViewModel(ctx.engine(), ctx.async(), ctx.containerId());
                    var view = new LogsView(vm, ctx.containerName());
                    vm.reload();
                    return new DetailTab() {
                        public Node root() {
                            return view.root();
                        }

                        public void focusSearch() {
                            view.focusSearch();
                        }

                        public void close() {
                            vm.close();
                        }
                    };
                }),
                provider("stats", "details.tab.stats", StatsTab::new),
                provider("files", "details.tab.files", ctx -> {
                    var vm = new FilesViewModel(ctx.engine(), ctx.async(),
                            FileSource.container(ctx.containerId(), ctx.containerName()));
                    var view = new FilesView(vm);
                    return new DetailTab() {
                        private boolean loaded;

                        public Node root() {
                            return view.root();
                        }

                        public void shown() {
                            if (!loaded) {
                                loaded = true;
                                vm.refresh();
                            }
                        }

                        public void close() {
                            vm.close();
                        }
                    };
                }),
                provider("inspect", "details.tab.inspect", ctx -> {
                    var vm = new InspectViewModel(ctx.engine(), ctx.async(), ctx.containerId());
                    var view = new InspectView(vm);
                    return new DetailTab() {
                        public Node root() {
                            return view.root();
                        }

                        public void shown() {
                            vm.load();
                        }
                    };
                }));
    }

    private static DetailTabProvider provider(String id, String titleKey, Function<DetailContext, DetailTab> make) {
        return new DetailTabProvider() {
            public String id() {
                return id;
            }

            public String title() {
                return I18n.t(titleKey);
            }

            public DetailTab create(DetailContext context) {
                return make.apply(context);
            }
        };
    }
}
