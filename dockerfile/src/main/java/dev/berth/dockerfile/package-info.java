/**
 * The Dockerfile as a format, shared by the engine (which builds) and the app (which offers a build's targets and
 * applies {@code .dockerignore} to the folder it sends). This package is its syntax, and nothing of its meaning: {@link dev.berth.dockerfile.DockerfileParser}
 * turns the text into one {@link dev.berth.dockerfile.Node} per instruction.
 *
 * <p>A Dockerfile is read in three layers, as BuildKit's frontend reads it. First the parser directives at the very
 * top ({@code # syntax=…}, {@code # escape=…}), which must come before any other line, blank lines included. Then
 * logical lines: comments dropped, lines ending in the escape character joined with the next (comment lines inside
 * such a continuation are skipped too). Last, for {@code RUN}, {@code COPY} and {@code ADD}, here-documents: a word
 * {@code <<EOF} (or {@code <<-EOF}, {@code <<"EOF"}) takes the raw lines after the instruction up to the line
 * {@code EOF} as a body. What the arguments mean — flags, JSON or shell form, variables — is decided later, in
 * {@code dev.berth.dockerfile.instructions}, so the parser stays a pure function of the text with golden tests.
 */
package dev.berth.dockerfile;
