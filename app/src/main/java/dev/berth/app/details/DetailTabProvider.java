package dev.berth.app.details;

/**
 * Makes one kind of tab for a container's page (Terminal, Logs, … or an X-ray). Implement it in your own package
 * and pass it to {@link ContainerDetailsPages}; tabs appear in the order of the provider list.
 */
public interface DetailTabProvider {

    /** A stable id ("terminal", "logs", "xray"), used as the tab's node id ({@code tab-<id>}). */
    String id();

    /** The tab's label in the current language. */
    String title();

    /** Builds the tab for one container; called once per page, on the FX thread. */
    DetailTab create(DetailContext context);
}
