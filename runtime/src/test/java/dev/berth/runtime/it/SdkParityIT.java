package dev.berth.runtime.it;

import dev.berth.testkit.ProcessRunner;
import dev.berth.testkit.CommandResult;
import dev.berth.testkit.BerthdExtension;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Docker API as an SDK reads it: docker-py (Debian's python3-docker) against berthd, one case per place where
 * berthd answered differently from dockerd (issue 19). The script is ours (src/test/resources/sdk/parity.py).
 */
class SdkParityIT {

    @RegisterExtension
    static BerthdExtension berthd = new BerthdExtension().withImage("sdk/busybox:1");

    private static String image;
    private static Path script;

    @BeforeAll
    static void setUp() throws IOException {
        image = berthd.image();
        assertEquals(0, berthd.docker("pull", image).exitCode());
        script = berthd.tempDir().resolve("parity.py");
        try (InputStream in = SdkParityIT.class.getResourceAsStream("/sdk/parity.py")) {
            Files.write(script, in.readAllBytes());
        }
    }

    private static String sdk(String scenario) {
        CommandResult r = ProcessRunner.run(List.of("/usr/bin/python3", script.toString(), scenario, image),
                Map.of("DOCKER_HOST", "unix://" + berthd.socket()), null, Duration.ofMinutes(2));
        assertEquals(0, r.exitCode(), () -> scenario + ":\n" + r.stdout() + r.stderr() + "\n" + berthd.log());
        return r.stdout();
    }

    @Test
    void leavingASwarmOnANodeOutsideOneIsA503AsOnDockerd() {
        String out = sdk("swarm_leave");
        assertTrue(out.contains("forced leave: nothing to leave"), out);
        assertTrue(out.contains("status 503 This node is not part of a swarm"), out);
        // and the manager endpoints, through the CLI
        CommandResult nodes = berthd.docker("node", "ls");
        assertTrue(nodes.stderr().contains("This node is not a swarm manager"), nodes.stderr());
    }

    @Test
    void theDefaultLogDriverIsJsonFileAndAnUnknownOneIsRefusedAtCreate() {
        String out = sdk("default_log_driver");
        assertTrue(out.contains("output hello from berth"), out);
        assertTrue(out.contains("type json-file"), out);
        assertTrue(out.contains("refused 400 logger: no log driver named 'no-such-driver' is registered"), out);
    }

    @Test
    void aContainerThatRestartsIsRestartingAsSoonAsWaitReturns() {
        String out = sdk("restart_after_wait");
        assertTrue(out.contains("refused 10 of 10"), out);
    }

    @Test
    void aVolumeSubpathMountsOnlyThatDirectoryAndNeverLeadsOut() {
        String out = sdk("volume_subpath");
        assertTrue(out.contains("app/conf: listing x inside"), out);
        assertTrue(out.contains("missing: refused 400"), out);
        assertTrue(out.contains("symlink out: refused 400"), out);
        assertTrue(out.contains("dotdot: refused 400"), out);
    }

    @Test
    void anIpv6NetworkGivesStaticAndNextAddressesThatReachEachOtherAndResolve() {
        String out = sdk("ipv6");
        assertTrue(out.contains("enabled True 2001:389::/64"), out);
        assertTrue(out.contains("static 2001:389::f00d 2001:389::f00d 64 2001:389::ffff"), out);
        assertTrue(out.contains("next 2001:389::1\n"), out); // the range starts at the subnet's base, which is skipped
        assertTrue(out.contains("inside True"), out);
        assertTrue(out.contains("ping 0"), out);
        assertTrue(out.contains("aaaa True"), out);
        assertTrue(out.contains("connect 2001:389::beef 2001:389::beef"), out);
        assertTrue(out.contains("v6 on v4 refused 400"), out);
    }

    @Test
    void aLegacyLinkSetsVariablesAndHostsShowsInPsAndCanBeRemoved() {
        String out = sdk("legacy_links");
        for (String want : List.of("MY_DB_NAME=/parity-web/my-db", "MY_DB_ENV_FOO=1", "MY_DB_PORT=tcp://",
                "MY_DB_PORT_5432_TCP_PORT=5432")) {
            assertTrue(out.contains("env " + want + " True"), out);
        }
        assertTrue(out.contains("hosts has alias True"), out);
        assertTrue(out.contains("names ['/parity-db', '/parity-web/my-db']"), out);
        assertTrue(out.contains("inspect links ['/parity-db:/parity-web/my-db']"), out);
        assertTrue(out.contains("names after rm --link ['/parity-db']"), out);
        assertTrue(out.contains("missing link refused 404"), out);
    }

    @Test
    void linksOnAUserNetworkAreEchoedAndResolveForTheirContainerOnly() {
        String out = sdk("network_links");
        assertTrue(out.contains("create links ['parity-upstream:bar']"), out);
        assertTrue(out.contains("bar resolves to upstream True"), out);
        assertTrue(!out.contains("bar from another container 0"), out);
        assertTrue(out.contains("connect links ['parity-upstream:baz'] ['169.254.8.8']"), out);
        assertTrue(out.contains("baz resolves to upstream True"), out);
    }

    @Test
    void aBuildShowsStderrInRedAndCacheFromTrustsOnlyTheNamedImages() {
        String out = sdk("build_stderr_and_cache_from");
        assertTrue(out.contains("stderr red True"), out);
        assertTrue(out.contains("from parity/cache1 3"), out);
        assertTrue(out.contains("from nosuchtag 0"), out);
        assertTrue(out.contains("no cache_from 3"), out);
    }

    @Test
    void forcedRemovalOfOneTagLeavesTheOtherTags() {
        assertTrue(sdk("remove_one_of_two_tags").contains("tags parity/two:a"), sdk("remove_one_of_two_tags"));
    }

    @Test
    void aLoadOfGarbageAnswersItsErrorInTheStream() {
        String out = sdk("load_garbage");
        assertTrue(out.contains("load error in the stream"), out);
        assertEquals(200, berthd.http("GET", "/_ping").status());
    }

    @Test
    void execOutputIsFramedByTheStartRequestAndLowerCaseDetachKeysAreRead() {
        String out = sdk("exec_framing_and_keys");
        assertTrue(out.contains("output b'framed\\r\\n'"), out);
        assertTrue(out.contains("detach keys refused 400"), out);
    }

    @Test
    void attachWithLogsAndNoStreamToAnExitedContainerSendsTheLogAndCloses() {
        String out = sdk("attach_logs_of_exited");
        assertTrue(out.contains("attached b'said before\\n'"), out);
    }

    @Test
    void aContainerThatHasJustExitedIsCommittedWithPause() {
        String out = sdk("commit_just_exited");
        assertTrue(out.contains("committed 5 of 5"), out);
    }

    @Test
    void registryDataNamesTheManifestDigestAndItsPlatforms() {
        String repoDigest = berthd.docker("inspect", "--format", "{{index .RepoDigests 0}}", image).stdout().strip();
        String out = sdk("registry_data");
        assertTrue(out.contains("digest " + repoDigest.substring(repoDigest.indexOf('@') + 1)),
                out + " / " + repoDigest);
        assertTrue(out.contains("amd64 True"), out);
    }

    @Test
    void aNetworkNameWithASpaceIsAcceptedAsByDockerd() {
        String out = sdk("network_with_a_space");
        assertTrue(out.contains("network test 01"), out);
    }

    @Test
    void aHealthcheckReadsStartingAsSoonAsStartAnswers() {
        String out = sdk("health_right_after_start");
        assertTrue(out.contains("health starting starting starting starting starting"), out);
    }

    @Test
    void aCreatedContainerListsItsNetworksWithWhatTheRequestSaid() {
        String out = sdk("networks_after_create");
        assertTrue(out.contains("created True 172.31.250.9 1"), out);
        assertTrue(out.contains("started True 172.31.250.9 1"), out);
    }

    @Test
    void aChosenMacAddressIsTheInterfaces() {
        String out = sdk("mac_address");
        assertTrue(out.contains("mac 02:42:ac:11:00:0a") && out.contains("inside 02:42:ac:11:00:0a"), out);
    }
}
