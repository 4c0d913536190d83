package dev.berth.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRulesTest {
    @Test
    void aPackageWithoutItsCommentIsNamed(@TempDir Path src) throws IOException {
        Files.createDirectories(src.resolve("a/b"));
        Files.writeString(src.resolve("a/A.java"), "package a; class A {}");
        Files.writeString(src.resolve("a/package-info.java"), "/** A. */ package a;");
        Files.writeString(src.resolve("a/b/B.java"), "package a.b; class B {}");
        assertEquals(List.of(src.resolve("a/b")), SourceRules.packagesWithoutComment(src));
    }

    @Test
    void aFileOverTheLimitIsNamedAndOneAtItIsNot(@TempDir Path src) throws IOException {
        Files.createDirectories(src.resolve("a"));
        Files.writeString(src.resolve("a/Long.java"), "x\n".repeat(401));
        Files.writeString(src.resolve("a/Fits.java"), "x\n".repeat(400));
        assertEquals(List.of("a/Long.java"), SourceRules.filesLongerThan(src, 400));
    }
}
