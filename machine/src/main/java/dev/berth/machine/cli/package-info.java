/** {@code berth machine start|stop|status|logs|shell|rm} (and the hidden {@code serve}, the host process itself). */
package dev.berth.machine.cli;
