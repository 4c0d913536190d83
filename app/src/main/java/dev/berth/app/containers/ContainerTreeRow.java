package dev.berth.app.containers;

import dev.berth.app.engine.ContainerSummary;

/** A line of the containers tree: a compose project heading or a container. */
sealed interface ContainerTreeRow {
    /** Stable identity used to keep expansion and selection across reloads. */
    String key();

    /** A compose project with its containers underneath. */
    record Project(ContainerGroup group) implements ContainerTreeRow {
        public String key() {
            return "project:" + group.project();
        }
    }

    /** One container. */
    record Container(ContainerSummary summary) implements ContainerTreeRow {
        public String key() {
            return summary.id();
        }
    }
}
