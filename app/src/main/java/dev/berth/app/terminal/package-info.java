/**
 * A terminal into a container: {@code docker exec -it} over the Engine API's hijacked stream, shown in JediTermFX
 * (JetBrains' JediTerm terminal emulator on a JavaFX canvas). The emulator does the VT100/xterm work (colors,
 * the alternate screen that vim, top and less use, UTF-8 and wide Hangul cells); {@link
 * dev.berth.app.terminal.ExecTtyConnector} joins it to an {@link dev.berth.app.engine.ExecSession}, so keystrokes
 * go to the container and a pane resize becomes an exec resize. Several sessions live as tabs in a {@link
 * dev.berth.app.terminal.TerminalsViewModel}, which outlives the view so sessions survive switching pages.
 */
package dev.berth.app.terminal;
