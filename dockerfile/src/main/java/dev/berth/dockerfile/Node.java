package dev.berth.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * One instruction as written: its keyword and the rest of its logical line, before any meaning is given to them.
 *
 * @param keyword   the instruction name in lower case ({@code run}, {@code copy}, …)
 * @param args      everything after the keyword on the logical line, continuations joined, trimmed
 * @param original  the logical line as written, continuations joined (what {@code Step N/M :} shows)
 * @param heredocs  the here-documents that follow the line, in order
 * @param startLine the first line of the instruction, counting from 1
 * @param endLine   the last line, heredoc bodies included
 */
public record Node(String keyword, String args, String original, List<Heredoc> heredocs, int startLine, int endLine) {
    public Node {
        heredocs = List.copyOf(heredocs);
    }

    /** The keyword as Docker prints it, e.g. {@code RUN}. */
    public String upperKeyword() {
        return keyword.toUpperCase(Locale.ROOT);
    }
}
