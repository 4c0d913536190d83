package dev.berth.app.details;

import dev.berth.app.engine.ContainerSummary;
import dev.berth.app.engine.Engine;
import dev.berth.app.support.Async;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Application;

/**
 * The open container pages, one per container, kept until closed: going back to the list and opening the same
 * container again shows the same page, with its terminals and logs as they were.
 */
public final class ContainerDetailsPages {
    private final Supplier<Engine> engine;
    private final Async async;
    private final Supplier<String> engineUri;
    private final List<DetailTabProvider> providers;
    private final Map<String, ContainerDetailsPage> open = new LinkedHashMap<>();

    public ContainerDetailsPages(Supplier<Engine> engine, Async async, Supplier<String> engineUri,
            List<DetailTabProvider> providers) {
        this.engine = engine;
        this.async = async;
        this.engineUri = engineUri;
        this.providers = List.copyOf(providers);
    }

    /**
     * The page of {@code c}, made on first use. {@code show} puts a page on screen; {@code back} returns to the list.
     */
    public ContainerDetailsPage open(ContainerSummary c, Consumer<ContainerDetailsPage> show, Runnable back) {
        ContainerDetailsPage page = open.computeIfAbsent(c.id(), id -> new ContainerDetailsPage(
                new DetailContext(id, c.name(), c.image(), c.state().equals("running"), engine, async, engineUri,
                        darkTheme(), ContainerDetailsPages::launch),
                providers, back, () -> {
                    close(id);
                    back.run();
                }));
        show.accept(page);
        return page;
    }

    /** Closes one container's page. */
    public void close(String containerId) {
        ContainerDetailsPage page = open.remove(containerId);
        if (page != null) {
            page.dispose();
        }
    }

    /** Closes every page (the connection changed or the window goes). */
    public void closeAll() {
        List.copyOf(open.keySet()).forEach(this::close);
    }

    private static boolean darkTheme() {
        String css = Application.getUserAgentStylesheet();
        return css != null && css.toLowerCase(java.util.Locale.ROOT).contains("dark");
    }

    /** Starts a local process (the external terminal), detached from ours. */
    private static void launch(List<String> argv) {
        try {
            new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + argv.getFirst() + ": " + e.getMessage(), e);
        }
    }
}
