/**
 * A container's own page: a header and one tab per {@link dev.berth.app.details.DetailTabProvider} — Terminal,
 * Logs, Stats, Files and Inspect built in ({@link dev.berth.app.details.StandardTabs}); more (an X-ray of the
 * container's isolation) plug in by implementing the provider and passing it to {@link
 * dev.berth.app.details.ContainerDetailsPages}. Only the selected tab of the visible page is "shown", so hidden
 * tabs stop their streams.
 */
package dev.berth.app.details;
