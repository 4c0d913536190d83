package dev.berth.app.details;

import dev.berth.app.engine.Engine;
import dev.berth.app.support.Async;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a tab of a container's page gets: the container, the engine (and its address, for commands a person runs
 * elsewhere), the app's executors, whether the theme is dark, and a way to start a local process.
 */
public record DetailContext(String containerId, String containerName, String image, boolean running,
        Supplier<Engine> engine, Async async, Supplier<String> engineUri, boolean darkTheme,
        Consumer<List<String>> processLauncher) {}
