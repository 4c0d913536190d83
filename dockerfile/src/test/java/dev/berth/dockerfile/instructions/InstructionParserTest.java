package dev.berth.dockerfile.instructions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.dockerfile.DockerfileParser;
import dev.berth.dockerfile.DockerfileSyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionParserTest {

    private static Instruction second(String line) {
        return BuildPlan.of(DockerfileParser.parse("FROM busybox\n" + line + "\n")).stages().getFirst().instructions()
                .getFirst();
    }

    private static String error(String line) {
        return assertThrows(DockerfileSyntaxException.class, () -> second(line)).getMessage();
    }

    @Test
    void execAndShellForms() {
        Instruction.Run run = assertInstanceOf(Instruction.Run.class, second("RUN [\"echo\", \"a b\"]"));
        assertEquals(new Instruction.Command(List.of("echo", "a b"), false), run.command());
        Instruction.Cmd cmd = assertInstanceOf(Instruction.Cmd.class, second("CMD echo $HOME"));
        assertEquals(new Instruction.Command(List.of("echo $HOME"), true), cmd.command());
        Instruction.Entrypoint notJson = assertInstanceOf(Instruction.Entrypoint.class,
                second("ENTRYPOINT [not json]"));
        assertTrue(notJson.command().shellForm());
    }

    @Test
    void runFlags() {
        Instruction.Run run = assertInstanceOf(Instruction.Run.class,
                second("RUN --mount=type=cache,target=/c --mount=type=tmpfs,target=/t --network=none make"));
        assertEquals(List.of("type=cache,target=/c", "type=tmpfs,target=/t"), run.mounts());
        assertEquals("none", run.network());
        assertEquals(List.of("make"), run.command().args());
        assertTrue(error("RUN --network=bridge x").contains("unsupported network mode"));
        assertTrue(error("RUN --security=insecure x").contains("not allowed"));
        assertTrue(error("RUN --frob x").contains("unknown flag: --frob"));
    }

    @Test
    void envLabelAndArgPairs() {
        Instruction.Env env = assertInstanceOf(Instruction.Env.class, second("ENV A=1 B=\"two words\" C=x\\ y"));
        assertEquals(List.of(new Instruction.KeyValue("A", "1"), new Instruction.KeyValue("B", "\"two words\""),
                new Instruction.KeyValue("C", "x\\ y")), env.pairs());
        Instruction.Env legacy = assertInstanceOf(Instruction.Env.class, second("ENV NAME the rest of it"));
        assertEquals(List.of(new Instruction.KeyValue("NAME", "the rest of it")), legacy.pairs());
        Instruction.Arg arg = assertInstanceOf(Instruction.Arg.class, second("ARG A B=2"));
        assertEquals(List.of(new Instruction.KeyValue("A", null), new Instruction.KeyValue("B", "2")), arg.args());
        assertTrue(error("ENV A=1 B").contains("can't find = in \"B\""));
        assertTrue(error("LABEL").contains("requires at least one argument"));
    }

    @Test
    void copyAndAdd() {
        Instruction.Copy copy = assertInstanceOf(Instruction.Copy.class,
                second("COPY --from=build --chown=app:app --chmod=0755 --link a b /dst/"));
        assertEquals(List.of("a", "b"), copy.sources());
        assertEquals("/dst/", copy.dest());
        assertEquals("build", copy.from());
        assertEquals("app:app", copy.chown());
        assertEquals("0755", copy.chmod());
        assertTrue(copy.link());
        Instruction.Copy json = assertInstanceOf(Instruction.Copy.class, second("ADD [\"a b.txt\", \"/x/\"]"));
        assertTrue(json.add());
        assertEquals(List.of("a b.txt"), json.sources());
        assertTrue(error("COPY onlyone").contains("requires at least two arguments"));
        assertTrue(error("ADD --from=x a b").contains("unknown flag: --from"));
    }

    @Test
    void healthcheckForms() {
        Instruction.Healthcheck none = assertInstanceOf(Instruction.Healthcheck.class, second("HEALTHCHECK NONE"));
        assertNull(none.test());
        Instruction.Healthcheck shell = assertInstanceOf(Instruction.Healthcheck.class,
                second("HEALTHCHECK --interval=5s --retries=3 CMD curl -f http://localhost/"));
        assertEquals(List.of("CMD-SHELL", "curl -f http://localhost/"), shell.test());
        assertEquals("5s", shell.interval());
        assertEquals("3", shell.retries());
        Instruction.Healthcheck exec = assertInstanceOf(Instruction.Healthcheck.class,
                second("HEALTHCHECK CMD [\"true\"]"));
        assertEquals(List.of("CMD", "true"), exec.test());
        assertTrue(error("HEALTHCHECK RUN x").contains("Unknown type"));
        assertTrue(error("HEALTHCHECK --interval=1s NONE").contains("takes no arguments"));
    }

    @Test
    void shellNeedsJson() {
        assertEquals(List.of("/bin/bash", "-c"),
                assertInstanceOf(Instruction.Shell.class, second("SHELL [\"/bin/bash\", \"-c\"]")).shell());
        assertTrue(error("SHELL /bin/bash -c").contains("JSON form"));
    }

    @Test
    void onbuildRefusesWhatDockerRefuses() {
        assertEquals("RUN echo hi",
                assertInstanceOf(Instruction.OnBuild.class, second("ONBUILD RUN echo hi")).trigger());
        assertTrue(error("ONBUILD ONBUILD RUN x").contains("isn't allowed"));
        assertTrue(error("ONBUILD FROM x").contains("FROM isn't allowed as an ONBUILD trigger"));
        assertTrue(error("ONBUILD MAINTAINER x").contains("isn't allowed"));
        assertTrue(error("ONBUILD FROBNICATE x").contains("unknown instruction: FROBNICATE"));
    }

    @Test
    void unknownInstructionsNameTheirLine() {
        DockerfileSyntaxException e = assertThrows(DockerfileSyntaxException.class,
                () -> BuildPlan.of(DockerfileParser.parse("FROM a\n\nRUN x\nFROBNICATE y\n")));
        assertEquals("dockerfile parse error on line 4: unknown instruction: FROBNICATE", e.getMessage());
        assertEquals(4, e.line());
    }

    @Test
    void fromForms() {
        BuildPlan plan = BuildPlan.of(DockerfileParser.parse("""
                ARG V=1
                FROM --platform=$BUILDPLATFORM img:$V AS Build
                RUN x
                FROM scratch
                COPY --from=build /a /a
                """));
        assertEquals(1, plan.globalArgs().size());
        assertEquals(2, plan.stages().size());
        Stage build = plan.stages().getFirst();
        assertEquals("build", build.name());
        assertEquals("img:$V", build.from().image());
        assertEquals("$BUILDPLATFORM", build.from().platform());
        assertEquals(build, plan.stage("BUILD"));
        assertEquals(build, plan.stage("0"));
        assertEquals(plan.stages().get(1), plan.target(null));
        assertEquals(build, plan.target("build"));
        assertThrows(RuntimeException.class, () -> plan.target("nope"));
        assertTrue(assertThrows(DockerfileSyntaxException.class,
                () -> BuildPlan.of(DockerfileParser.parse("FROM a AS 1x\n")))
                .getMessage().contains("invalid name for build stage"));
        assertTrue(
                assertThrows(DockerfileSyntaxException.class, () -> BuildPlan.of(DockerfileParser.parse("FROM a b\n")))
                        .getMessage().contains("either one or three arguments"));
        assertTrue(assertThrows(DockerfileSyntaxException.class,
                () -> BuildPlan.of(DockerfileParser.parse("FROM a AS x\nFROM b AS x\n")))
                .getMessage().contains("duplicate name x"));
        assertTrue(assertThrows(DockerfileSyntaxException.class,
                () -> BuildPlan.of(DockerfileParser.parse("RUN x\nFROM a\n")))
                .getMessage().contains("no build stage in current context"));
        assertFalse(plan.stages().get(1).instructions().isEmpty());
    }
}
