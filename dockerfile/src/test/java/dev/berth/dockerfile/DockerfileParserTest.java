package dev.berth.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

    @Test
    void keywordsArgumentsAndLineNumbers() {
        ParsedDockerfile f = DockerfileParser.parse("""
                FROM busybox AS base

                # a comment
                run echo hi
                """);
        assertEquals(2, f.nodes().size());
        Node run = f.nodes().get(1);
        assertEquals("run", run.keyword());
        assertEquals("echo hi", run.args());
        assertEquals("run echo hi", run.original());
        assertEquals(4, run.startLine());
        assertEquals('\\', f.escape());
    }

    @Test
    void continuationsJoinLinesAndSkipCommentsInside() {
        ParsedDockerfile f = DockerfileParser.parse("""
                FROM busybox
                RUN echo a \\
                # inside the continuation
                    && echo b \\
                \t
                    && echo c
                ENV X=1
                """);
        Node run = f.nodes().get(1);
        assertEquals("echo a     && echo b     && echo c", run.args());
        assertEquals(2, run.startLine());
        assertEquals(6, run.endLine());
        assertEquals(7, f.nodes().get(2).startLine());
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("empty continuation line")), f.warnings().toString());
    }

    @Test
    void escapeDirectiveChangesTheContinuationCharacter() {
        ParsedDockerfile f = DockerfileParser.parse("""
                # escape=`
                FROM busybox
                RUN dir c:\\ `
                    /w
                """);
        assertEquals('`', f.escape());
        assertEquals("dir c:\\     /w", f.nodes().get(1).args());
    }

    @Test
    void directivesOnlyCountAtTheTop() {
        ParsedDockerfile f = DockerfileParser.parse("""
                # syntax=docker/dockerfile:1.7
                # escape=\\
                FROM busybox
                # escape=`
                RUN echo \\
                  ok
                """);
        assertEquals("docker/dockerfile:1.7", f.syntax());
        assertEquals('\\', f.escape());
        assertEquals("echo   ok", f.nodes().get(1).args());
        assertTrue(f.warnings().getFirst().contains("not used"));
    }

    @Test
    void aDirectiveAfterABlankLineIsAComment() {
        ParsedDockerfile f = DockerfileParser.parse("\n# syntax=x\nFROM a\n");
        assertNull(f.syntax());
    }

    @Test
    void duplicateAndInvalidEscapeDirectivesAreErrors() {
        assertThrows(DockerfileSyntaxException.class,
                () -> DockerfileParser.parse("# escape=`\n# escape=\\\nFROM a\n"));
        DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class,
                () -> DockerfileParser.parse("# escape=x\nFROM a\n"));
        assertTrue(e.getMessage().contains("invalid escape token"), e.getMessage());
    }

    @Test
    void heredocsTakeTheLinesUpToTheirDelimiter() {
        ParsedDockerfile f = DockerfileParser.parse("""
                FROM busybox
                RUN <<EOF
                echo one
                  echo two
                EOF
                COPY <<-"A" <<B /dest/
                \tfirst
                \tA
                second $X
                B
                CMD ["x"]
                """);
        Node run = f.nodes().get(1);
        assertEquals(List.of(new Heredoc("EOF", "echo one\n  echo two\n", true, -1)), run.heredocs());
        assertEquals(5, run.endLine());
        Node copy = f.nodes().get(2);
        assertEquals(2, copy.heredocs().size());
        assertEquals(new Heredoc("A", "first\n", false, -1), copy.heredocs().get(0));
        assertEquals(new Heredoc("B", "second $X\n", true, -1), copy.heredocs().get(1));
        assertEquals("cmd", f.nodes().get(3).keyword());
    }

    @Test
    void heredocMarkersInQuotesOrOtherInstructionsAreText() {
        ParsedDockerfile f = DockerfileParser.parse("""
                FROM busybox
                RUN echo "<<EOF"
                ENV A=<<EOF
                """);
        assertTrue(f.nodes().get(1).heredocs().isEmpty());
        assertTrue(f.nodes().get(2).heredocs().isEmpty());
        assertEquals(3, f.nodes().size());
    }

    @Test
    void anUnterminatedHeredocNamesItsLine() {
        DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class,
                () -> DockerfileParser.parse("FROM a\nRUN <<EOF\necho\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("unterminated heredoc"), e.getMessage());
    }

    @Test
    void crlfLineEndsAndAByteOrderMarkAreAccepted() {
        ParsedDockerfile f = DockerfileParser.parse("\uFEFFFROM a\r\nRUN x \\\r\n y\r\n");
        assertEquals("x  y", f.nodes().get(1).args());
    }

    @Test
    void anEmptyDockerfileIsAnError() {
        assertThrows(DockerfileSyntaxException.class, () -> DockerfileParser.parse("# only a comment\n\n"));
    }

    @Test
    void sizeAndInstructionCountAreBounded() {
        String huge = "FROM a\nRUN " + "x".repeat(DockerfileParser.MAX_BYTES) + "\n";
        assertTrue(assertThrows(DockerfileSyntaxException.class, () -> DockerfileParser.parse(huge)).getMessage()
                .contains("MiB"));
        String many = "FROM a\n" + "ENV A=1\n".repeat(DockerfileParser.MAX_INSTRUCTIONS + 1);
        DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class, () -> DockerfileParser.parse(many));
        assertTrue(e.getMessage().contains("at most " + DockerfileParser.MAX_INSTRUCTIONS), e.getMessage());
        assertFalse(DockerfileParser.parse("FROM a\n" + "ENV A=1\n".repeat(100)).nodes().isEmpty());
    }

    @Test
    void aLongLineParses() {
        String line = "RUN echo " + "y".repeat(1024 * 1024);
        assertEquals(1024 * 1024 + 5, DockerfileParser.parse("FROM a\n" + line + "\n").nodes().get(1).args().length());
    }
}
