package dev.berth.dockerfile.ignore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DockerIgnoreTest {

    @Test
    void patternsExceptionsAndTheLastMatch() {
        DockerIgnore ignore = DockerIgnore.parse("""
                # comment
                  *.log
                /build
                **/node_modules
                docs/**/*.md
                !docs/**/KEEP.md
                secret?.txt
                """);
        assertTrue(ignore.ignored("app.log"));
        assertFalse(ignore.ignored("sub/app.log"), "* stays in one path element");
        assertTrue(ignore.ignored("build"));
        assertTrue(ignore.ignored("build/out/x.class"), "a matched directory excludes its contents");
        assertTrue(ignore.ignored("node_modules/a.js"));
        assertTrue(ignore.ignored("web/ui/node_modules/a.js"));
        assertTrue(ignore.ignored("docs/a/b/c.md"));
        assertTrue(ignore.ignored("docs/c.md"), "** matches no directory too");
        assertFalse(ignore.ignored("docs/a/KEEP.md"));
        assertTrue(ignore.ignored("secret1.txt"));
        assertFalse(ignore.ignored("secret10.txt"));
        assertFalse(ignore.ignored("src/Main.java"));
    }

    @Test
    void exceptionsOrderMatters() {
        DockerIgnore ignore = DockerIgnore.parse("*\n!src\nsrc/gen\n");
        assertTrue(ignore.ignored("README"));
        assertFalse(ignore.ignored("src/Main.java"));
        assertTrue(ignore.ignored("src/gen/X.java"));
    }

    @Test
    void cleaning() {
        assertEquals("a/c", PathGlob.clean("./a/b/../c/"));
        assertEquals(".", PathGlob.clean(""));
        assertEquals("../x", PathGlob.clean("../x"));
        assertEquals("/x", PathGlob.clean("/../x"));
        assertTrue(DockerIgnore.parse("./a/../Dockerfile\n").ignored("Dockerfile"));
        assertTrue(DockerIgnore.none().isEmpty());
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(DockerIgnore.parse("a+b(1).txt\n").ignored("a+b(1).txt"));
        assertFalse(DockerIgnore.parse("a.txt\n").ignored("abtxt"));
        assertTrue(DockerIgnore.parse("[ab].txt\n").ignored("b.txt"));
        assertFalse(DockerIgnore.parse("[!ab].txt\n").ignored("b.txt"));
    }
}
