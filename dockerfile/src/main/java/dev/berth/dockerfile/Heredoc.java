package dev.berth.dockerfile;

/**
 * One here-document of an instruction.
 *
 * @param name    the delimiter word ({@code EOF} in {@code <<EOF}), also the file name a COPY heredoc gets
 * @param content the body, each line ending in a newline, as written (tabs already stripped for {@code <<-})
 * @param expand  false when the delimiter was quoted ({@code <<"EOF"}): the body is then taken literally
 * @param fd      the file descriptor written before {@code <<}, or -1 (stdin)
 */
public record Heredoc(String name, String content, boolean expand, int fd) {}
