/**
 * A container's log: followed from the engine, kept as parsed {@link dev.berth.app.logs.LogEntry} values (ANSI
 * color codes turned into styled spans once, on arrival), filtered by stream and search in a {@code FilteredList}
 * and shown in a virtualized {@code ListView}, so only the visible rows have nodes and 100,000 lines stay fast.
 */
package dev.berth.app.logs;
