package dev.berth.app.shell;

import dev.berth.app.widgets.Icons;

/** The sidebar's pages, in order, with their title key and icon. */
enum PageId {
    CONTAINERS("nav.containers", Icons.CONTAINER), IMAGES("nav.images", Icons.IMAGE), VOLUMES("nav.volumes",
            Icons.VOLUME), NETWORKS("nav.networks", Icons.NETWORK), SWARM("nav.swarm", Icons.SWARM), DASHBOARD(
                    "nav.dashboard",
                    Icons.DASHBOARD), SETTINGS("nav.settings", Icons.SETTINGS);

    final String titleKey;
    final String icon;

    PageId(String titleKey, String icon) {
        this.titleKey = titleKey;
        this.icon = icon;
    }
}
