package dev.berth.app.details;

import dev.berth.app.support.I18n;
import java.util.List;
import java.util.function.Function;

/** The tabs every container page has: Terminal, Logs, Stats, Files, Inspect. */
public final class StandardTabs {
    private StandardTabs() {}

    public static List<DetailTabProvider> all() {
        return List.of(
                provider("terminal", "details.tab.terminal", TerminalTab::new),
                provider("logs", "details.tab.logs", LogsTab::new),
                provider("stats", "details.tab.stats", StatsTab::new),
                provider("files", "details.tab.files", FilesTab::new),
                provider("inspect", "details.tab.inspect", InspectTab::new));
    }

    /** A provider from an id, a message key for the title and a constructor. */
    public static DetailTabProvider provider(String id, String titleKey, Function<DetailContext, DetailTab> make) {
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
