/**
 * Docker's legacy container links ({@code --link name:alias} on the default bridge): who links to whom, the
 * environment and host names a link gives, and removing one. Decision: links are read from the containers'
 * {@code HostConfig.Links} each time rather than kept in a graph of their own, so there is nothing to repair after a
 * crash; a link follows its target by name, as the CLI shows it.
 */
package dev.berth.runtime.container.links;
