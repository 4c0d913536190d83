package dev.berth.app.stats;

import dev.berth.app.engine.StatsSample;

/** One running container in the overview: its name and latest sample ({@code null} until the first arrives). */
public record OverviewRow(String id, String name, StatsSample sample) {}
