/**
 * Words and variables as a Dockerfile writes them: {@link dev.berth.dockerfile.shell.ShellLex} expands
 * {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:+alt}}, {@code ${VAR:?msg}}, {@code ${VAR#pat}},
 * {@code ${VAR%pat}} and removes quotes and escapes the way BuildKit's {@code shell/lex.go} does (a small shell
 * word grammar, not a shell); {@link dev.berth.dockerfile.shell.RawWords} splits text into words without
 * changing them. Every expansion is bounded, so a Dockerfile that doubles a variable in each of a thousand ARGs is a
 * clear error, not an engine out of memory.
 */
package dev.berth.dockerfile.shell;
