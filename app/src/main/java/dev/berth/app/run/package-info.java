/**
 * The Run dialog ({@code docker run -d} with a form): image, name, published ports, environment, volumes, command,
 * restart policy, {@code --rm} and network. {@link dev.berth.app.run.RunInputs} turns what a person typed into a
 * {@link dev.berth.app.engine.RunSpec} (or a plain-words problem), {@link dev.berth.app.run.DockerRunLine} shows the
 * equivalent command line, live.
 */
package dev.berth.app.run;
