package dev.berth.dockerfile.fuzz;

import dev.berth.dockerfile.DockerfileException;
import dev.berth.dockerfile.DockerfileParser;
import dev.berth.dockerfile.Node;
import dev.berth.dockerfile.ParsedDockerfile;
import dev.berth.dockerfile.ignore.DockerIgnore;
import dev.berth.dockerfile.instructions.InstructionParser;
import dev.berth.dockerfile.shell.ShellLex;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.dockerfile.ignore.PathGlob;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Dockerfiles, shell words and .dockerignore files as a build context can hold them. */
class DockerfileFuzzTest {
    @Provide
    Arbitrary<String> dockerfiles() {
        Arbitrary<String> keyword = Arbitraries.of("FROM", "RUN", "COPY", "ADD", "ENV", "ARG", "LABEL", "CMD",
                "ENTRYPOINT", "WORKDIR", "USER", "EXPOSE", "VOLUME", "HEALTHCHECK", "ONBUILD", "SHELL", "STOPSIGNAL",
                "MAINTAINER", "from", "run", "# syntax=docker/dockerfile:1", "# escape=`", "# escape=\\", "#", "");
        Arbitrary<String> word = Arbitraries.of("busybox", "AS", "base", "--from=base", "--mount=type=cache,target=/c",
                "--chown=1:1", "--platform=$BUILDPLATFORM", "<<EOF", "<<-EOT", "EOF", "EOT", "\\", "`", "\"", "'", "[",
                "]", "[\"sh\",", "\"-c\"]", "$X", "${X:-y}", "${X:+z}", "${X", "a=b", "a=\"b c\"", "/app", "..",
                "CMD", "NONE", "--interval=1s", "0", "-1", "99999999999999999999", "\t", "\u00e9");
        Arbitrary<String> line = net.jqwik.api.Combinators.combine(keyword, word.list().ofMaxSize(6))
                .as((k, words) -> k + " " + String.join(" ", words));
        Arbitrary<String> shaped = line.list().ofMaxSize(12).map(l -> String.join("\n", l));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, shaped),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)));
    }

    @Property(seed = Fuzzing.SEED)
    void aDockerfileParsesIntoInstructionsOrIsRefused(@ForAll("dockerfiles") String text) {
        ParsedDockerfile parsed;
        try {
            parsed = DockerfileParser.parse(text);
        } catch (DockerfileException refused) {
            return;
        }
        for (Node node : parsed.nodes()) {
            try {
                InstructionParser.parse(node, parsed.escape());
            } catch (DockerfileException refused) {
                // an instruction the build would refuse with its line number
            }
        }
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("ab $\\{}:-+?\"'`=\t\n".toCharArray()).ofMaxLength(60);
    }

    @Property(seed = Fuzzing.SEED)
    void shellWordsExpandOrAreRefused(@ForAll("words") String text) {
        ShellLex lex = new ShellLex('\\');
        Map<String, String> env = Map.of("a", "1", "b", "");
        try {
            lex.words(text, env::get);
            lex.word(text, env::get);
        } catch (DockerfileException refused) {
            // an unterminated quote or a bad substitution
        }
    }

    @Provide
    Arbitrary<String> ignores() {
        return Arbitraries.strings().withChars("ab*?![]\\/.\n#- ^".toCharArray()).ofMaxLength(80);
    }

    @Property(seed = Fuzzing.SEED)
    void aDockerignoreParsesAndMatchesOrIsRefused(@ForAll("ignores") String text, @ForAll("ignores") String path) {
        DockerIgnore ignore;
        try {
            ignore = DockerIgnore.parse(text);
        } catch (DockerfileException refused) {
            return;
        }
        ignore.mayIncludeBelow(path.replace("\n", ""));
    }

    /** Found by the fuzzer: a set Go's filepath.Match refuses escaped as a PatternSyntaxException (a 500, not a 400). */
    @Example
    void badSetsAreSyntaxErrorsInWords() {
        for (String bad : new String[]{"[]", "[!]", "a[^]b", "[z-a]"}) {
            DockerfileException e = assertThrows(DockerfileException.class, () -> DockerIgnore.parse(bad), bad);
            assertEquals("syntax error in pattern \"" + bad + "\"", e.getMessage());
        }
    }

    /** Sets mean what they mean in Go: ranges, negation, escapes; no regex classes such as \\d or &&. */
    @Example
    void setsMatchAsGosFilepathMatch() {
        assertEquals(true, PathGlob.compile("[a-c]x").matcher("bx").matches());
        assertEquals(false, PathGlob.compile("[!a-c]x").matcher("bx").matches());
        assertEquals(true, PathGlob.compile("[\\d]").matcher("d").matches());
        assertEquals(false, PathGlob.compile("[\\d]").matcher("1").matches());
        assertEquals(true, PathGlob.compile("[&&a]").matcher("&").matches());
        assertEquals(true, PathGlob.compile("[a-]").matcher("-").matches());
        assertEquals(true, PathGlob.compile("[[]").matcher("[").matches());
    }
}
