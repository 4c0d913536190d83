package dev.berth.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.app.engine.RunSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerRunLineTest {
    @Test
    void everyOptionBecomesItsFlag() {
        RunSpec spec = new RunSpec("nginx:1.27", "web", List.of(new RunSpec.PublishedPort("", 8080, 80, "tcp"),
                new RunSpec.PublishedPort("127.0.0.1", 0, 53, "udp")), List.of("GREETING=hello world"),
                List.of(new RunSpec.Mount("data", "/data", false), new RunSpec.Mount("/srv", "/srv", true)),
                List.of("sh", "-c", "echo it's"), new RunSpec.RestartPolicy(RunSpec.RestartPolicy.Kind.ON_FAILURE, 3),
                false, "backend");
        assertEquals("docker run -d --name web -p 8080:80 -p 127.0.0.1::53/udp -e 'GREETING=hello world' "
                + "-v data:/data -v /srv:/srv:ro --restart on-failure:3 --network backend nginx:1.27 sh -c "
                + "'echo it'\\''s'", DockerRunLine.of(spec));
    }

    @Test
    void theSimplestRunIsShort() {
        RunSpec spec = new RunSpec("busybox", "", List.of(new RunSpec.PublishedPort("", 0, 80, "tcp")), List.of(),
                List.of(), List.of(), RunSpec.RestartPolicy.NO, true, "");
        assertEquals("docker run -d -p 80 --rm busybox", DockerRunLine.of(spec));
        assertEquals("''", dev.berth.app.support.ShellQuote.quote(""));
        assertEquals("'a;b'", dev.berth.app.support.ShellQuote.quote("a;b"));
    }
}
