/** The Containers page: every container, grouped by compose project, with bulk start/stop/restart/remove. */
package dev.berth.app.containers;
