package dev.berth.runtime.api.networks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.runtime.api.http.ApiServer;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.api.http.ServerIdentity;
import dev.berth.runtime.common.Json;
import dev.berth.runtime.events.Event;
import dev.berth.runtime.events.EventBus;
import dev.berth.runtime.network.EndpointRequest;
import dev.berth.runtime.network.NetworkConfig;
import dev.berth.runtime.network.NetworkConnector;
import dev.berth.runtime.network.NetworkService;
import dev.berth.runtime.network.ipam.Cidr;
import dev.berth.runtime.network.ipam.SubnetPicker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real docker CLI against {@link NetworkRoutes} served on a unix socket, with the network service on the host (root). */
class NetworkApiIT {
    @TempDir
    Path dir;
    EventBus events = new EventBus();
    NetworkService service;
    ApiServer server;
    Path socket;

    @BeforeEach
    void start() throws Exception {
        service = NetworkService.onHost(new NetworkConfig(dir.resolve("data"), "berthapi0",
                dev.berth.runtime.network.ipam.BridgeAddress.firstHostOf(Cidr.parse("10.195.0.0/16")),
                List.of(new SubnetPicker.Pool(Cidr.parse("10.194.0.0/16"), 24)), 53, Path.of("/etc/resolv.conf")),
                events);
        service.start();
        Router r = new Router();
        // The CLI only needs _ping to negotiate the version before network commands. "Connection: close" makes it send
        // the real request on a fresh connection: api.http (branch api, ApiConnection.maybeFinish) can strand the body
        // of a request that arrives on a kept-alive connection before the previous exchange is marked done.
        dev.berth.runtime.api.http.Handler ping = (req, res) -> {
            res.header("Connection", "close");
            res.text(200, "text/plain", "OK");
        };
        r.add("GET", "/_ping", ping);
        r.add("HEAD", "/_ping", ping);
        new NetworkRoutes(service, NetworkConnector.attachmentsOf(service), Clock.systemUTC()).register(r);
        server = new ApiServer(r, new ServerIdentity("Berth", "test"));
        socket = dir.resolve("api.sock");
        server.listen(socket);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        for (var v : service.list()) {
            v.containers().keySet().forEach(service::detach);
            if (!v.network().builtin()) {
                service.remove(v.network().id());
            }
        }
        var bridge = service.inspect("bridge").network();
        service.close();
        docker0Safe(List.of("ip", "link", "delete", "dev", bridge.bridge()));
        dev.berth.testkit.EngineRules.remove(dir.resolve("data"));
    }

    private static void docker0Safe(List<String> argv) throws Exception {
        if (!argv.contains("docker0")) {
            exec(argv);
        }
    }

    private String docker(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker", "-H", "unix://" + socket));
        argv.addAll(List.of(args));
        return exec(argv);
    }

    private static ProcessBuilder cli(List<String> argv) {
        return new ProcessBuilder(argv).redirectErrorStream(true);
    }

    private static String exec(List<String> argv) throws Exception {
        Process p = cli(argv).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timeout: " + argv);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError(argv + " exited " + p.exitValue() + ": " + out);
        }
        return out;
    }

    @Test
    void dockerCliManagesNetworks() throws Exception {
        String id = docker("network", "create", "--subnet", "10.194.77.0/24", "--gateway", "10.194.77.254",
                "--ip-range", "10.194.77.128/25", "--label", "team=a", "--internal",
                "-o", "com.docker.network.bridge.name=berthapi1", "apinet").strip();
        assertEquals(64, id.length());
        docker("network", "create", "--label", "team=b", "apinet2");

        String ls = docker("network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Scope}}");
        assertTrue(ls.contains("apinet bridge local") && ls.contains("bridge bridge local")
                && ls.contains("host host local") && ls.contains("none null local"), ls);
        assertEquals("apinet\n", docker("network", "ls", "--filter", "label=team=a", "--format", "{{.Name}}"));
        assertEquals(List.of("bridge", "host", "none"),
                docker("network", "ls", "--filter", "type=builtin", "--format", "{{.Name}}")
                        .lines().sorted().toList());
        assertEquals("apinet2\n", docker("network", "ls", "--filter", "name=net2", "--format", "{{.Name}}"));

        JsonNode inspect = Json.MAPPER.readTree(docker("network", "inspect", "apinet")).get(0);
        assertEquals(id, inspect.get("Id").asText());
        assertTrue(inspect.get("Internal").asBoolean());
        assertEquals("10.194.77.0/24", inspect.at("/IPAM/Config/0/Subnet").asText());
        assertEquals("10.194.77.254", inspect.at("/IPAM/Config/0/Gateway").asText());
        assertEquals("10.194.77.128/25", inspect.at("/IPAM/Config/0/IPRange").asText());
        assertEquals("a", inspect.at("/Labels/team").asText());
        exec(List.of("ip", "link", "show", "dev", "berthapi1"));

        // A "container" on the network shows in inspect; the CLI can connect and disconnect it by name.
        service.attach("c".repeat(64), "webapp", null, List.of(EndpointRequest.of("apinet2")));
        docker("network", "connect", "--alias", "api", "--ip", "10.194.77.200", "apinet", "webapp");
        JsonNode containers = Json.MAPPER.readTree(docker("network", "inspect", "apinet")).get(0).get("Containers");
        assertEquals("10.194.77.200/24", containers.get("c".repeat(64)).get("IPv4Address").asText());
        assertEquals("webapp", containers.get("c".repeat(64)).get("Name").asText());
        String rmBusy = execFailing("network", "rm", "apinet");
        assertTrue(rmBusy.contains("active endpoints"), rmBusy);
        docker("network", "disconnect", "apinet", "webapp");
        assertTrue(Json.MAPPER.readTree(docker("network", "inspect", "apinet")).get(0).get("Containers").isEmpty());
        assertEquals("apinet\n", docker("network", "ls", "--filter", "dangling=true", "--format", "{{.Name}}"));

        String dup = execFailing("network", "create", "apinet");
        assertTrue(dup.contains("already exists"), dup);
        String builtin = execFailing("network", "rm", "host");
        assertTrue(builtin.contains("pre-defined"), builtin);
        String missing = execFailing("network", "inspect", "nope");
        assertTrue(missing.toLowerCase().contains("not found"), missing);

        String pruned = docker("network", "prune", "-f", "--filter", "label=team=a");
        assertTrue(pruned.contains("apinet"), pruned);
        assertNotEquals("", docker("network", "ls", "-q", "--filter", "name=apinet2"));
        service.detach("c".repeat(64));
        docker("network", "rm", "apinet2");
        assertEquals(List.of("bridge", "host", "none"),
                docker("network", "ls", "--format", "{{.Name}}").lines().sorted().toList());

        List<String> actions = events.history(0, Long.MAX_VALUE).stream().filter(e -> e.type().equals("network"))
                .map(Event::action).toList();
        assertTrue(actions.containsAll(List.of("create", "connect", "disconnect", "destroy", "prune")),
                actions.toString());
    }

    private String execFailing(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker", "-H", "unix://" + socket));
        argv.addAll(List.of(args));
        Process p = cli(argv).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue(), "expected failure: " + argv);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
