package dev.berth.dockerfile.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.dockerfile.DockerfileException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShellLexTest {
    private final ShellLex lex = new ShellLex('\\');
    private final Map<String, String> vars = new HashMap<>(
            Map.of("A", "alpha", "EMPTY", "", "SP", "x y", "PATHV", "/usr/local/bin/tool.tar.gz"));

    private String word(String text) {
        return lex.word(text, vars::get);
    }

    @Test
    void plainAndBracedVariables() {
        assertEquals("alpha", word("$A"));
        assertEquals("alpha-1", word("${A}-1"));
        assertEquals("", word("$UNSET"));
        assertEquals("$", word("$"));
        assertEquals("a$-b", word("a$-b"));
        assertEquals("alphaz", word("${A}z"));
    }

    @Test
    void defaultsAndAlternatives() {
        assertEquals("alpha", word("${A:-d}"));
        assertEquals("d", word("${UNSET:-d}"));
        assertEquals("d", word("${EMPTY:-d}"));
        assertEquals("", word("${EMPTY-d}"));
        assertEquals("d", word("${UNSET-d}"));
        assertEquals("alt", word("${A:+alt}"));
        assertEquals("", word("${EMPTY:+alt}"));
        assertEquals("alt", word("${EMPTY+alt}"));
        assertEquals("nested alpha", word("${UNSET:-nested $A}"));
        assertEquals("alpha", word("${A:?must be set}"));
        DockerfileException e = assertThrows(DockerfileException.class, () -> word("${UNSET:?must be set}"));
        assertEquals("UNSET: must be set", e.getMessage());
    }

    @Test
    void prefixAndSuffixRemoval() {
        assertEquals("local/bin/tool.tar.gz", word("${PATHV#/usr/}"));
        assertEquals("tool.tar.gz", word("${PATHV##*/}"));
        assertEquals("/usr/local/bin/tool.tar", word("${PATHV%.*}"));
        assertEquals("/usr/local/bin/tool", word("${PATHV%%.*}"));
    }

    @Test
    void quotesAndEscapes() {
        assertEquals("alpha and $A", word("\"$A and \\$A\""));
        assertEquals("$A", word("'$A'"));
        assertEquals("a b", word("a\\ b"));
        assertEquals("x\\y", word("\"x\\y\""));
        assertEquals("say \"hi\"", word("say\\ \\\"hi\\\""));
        assertThrows(DockerfileException.class, () -> word("'open"));
        assertThrows(DockerfileException.class, () -> word("\"open"));
        assertThrows(DockerfileException.class, () -> word("${A"));
        assertThrows(DockerfileException.class, () -> word("${A:x}"));
    }

    @Test
    void wordsSplitAtUnquotedBlanksAndExpansions() {
        assertEquals(List.of("80", "443"), lex.words("80 \t 443", vars::get));
        assertEquals(List.of("x", "y", "z"), lex.words("$SP z", vars::get));
        assertEquals(List.of("x y", "z"), lex.words("\"$SP\" z", vars::get));
        assertEquals(List.of("", "a"), lex.words("'' a", vars::get));
    }

    @Test
    void theBacktickEscapeOfWindowsDockerfiles() {
        ShellLex windows = new ShellLex('`');
        assertEquals("c:\\dir $", windows.word("c:\\dir `$", vars::get));
    }

    @Test
    void heredocBodiesExpandVariablesButKeepQuotes() {
        assertEquals("it's alpha, \"quoted\" $A\n", lex.heredoc("it's $A, \"quoted\" \\$A\n", vars::get));
    }

    @Test
    void explodingExpansionIsABoundedError() {
        Map<String, String> env = new HashMap<>();
        env.put("X", "x".repeat(1024));
        for (int i = 0; i < 20; i++) {
            String doubled;
            try {
                doubled = lex.word("$X$X", env::get);
            } catch (DockerfileException e) {
                assertTrue(e.getMessage().contains("KiB"), e.getMessage());
                return;
            }
            env.put("X", doubled);
        }
        throw new AssertionError("the expansion never hit its bound");
    }
}
