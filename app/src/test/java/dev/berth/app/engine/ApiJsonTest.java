package dev.berth.app.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    @Test
    void diskUsageSumsLikeDockerSystemDf() throws Exception {
        DiskUsage d = ApiJson.diskUsage(
                json("""
                        {'LayersSize': 10000,
                         'Images': [{'Size': 6000, 'SharedSize': 2000, 'Containers': 0}, {'Size': 4000, 'SharedSize': 2000, 'Containers': 2}],
                         'Containers': [{'SizeRw': 30, 'State': 'running'}, {'SizeRw': 70, 'State': 'exited'}],
                         'Volumes': [{'UsageData': {'Size': 500, 'RefCount': 1}}, {'UsageData': {'Size': 200, 'RefCount': 0}},
                                     {'UsageData': {'Size': -1, 'RefCount': 0}}],
                         'BuildCache': [{'Size': 9, 'InUse': false}, {'Size': 5, 'InUse': true}]}"""));
        assertEquals(new DiskUsage.Category(2, 1, 10000, 4000), d.images());
        assertEquals(new DiskUsage.Category(2, 1, 100, 70), d.containers());
        assertEquals(new DiskUsage.Category(3, 1, 700, 200), d.volumes(), "size -1 means not computed");
        assertEquals(new DiskUsage.Category(2, 1, 14, 9), d.buildCache());
    }

    @Test
    void imagePruneEstimateCountsUnusedUnsharedBytes() throws Exception {
        var df = json("""
                {'Images': [{'RepoTags': [], 'Size': 6000, 'SharedSize': 2000, 'Containers': 0},
                            {'RepoTags': ['<none>:<none>'], 'Size': 300, 'SharedSize': -1, 'Containers': 0},
                            {'RepoTags': ['app:1'], 'Size': 4000, 'SharedSize': 2000, 'Containers': 0},
                            {'RepoTags': [], 'Size': 900, 'SharedSize': 0, 'Containers': 1},
                            {'RepoTags': ['web:2'], 'Size': 5000, 'SharedSize': 0, 'Containers': 3}]}""");
        assertEquals(4000 + 300, ApiJson.imageReclaim(df, true), "untagged and unused only; -1 means not computed");
        assertEquals(4000 + 300 + 2000, ApiJson.imageReclaim(df, false), "every unused image");
    }

    @Test
    void emptyDfOfAFreshEngine() throws Exception {
        DiskUsage d = ApiJson.diskUsage(
                json("{'LayersSize': 0, 'Images': [], 'Containers': [], 'Volumes': [], 'BuildCache': null}"));
        assertEquals(0, d.totalBytes());
    }

    @Test
    void cpuPercentIsTheShareOfSystemTimeTimesCpus() throws Exception {
        ContainerLoad l = ApiJson.load("c1",
                json("""
                        {'cpu_stats': {'cpu_usage': {'total_usage': 300000000}, 'system_cpu_usage': 2000000000, 'online_cpus': 2},
                         'precpu_stats': {'cpu_usage': {'total_usage': 100000000}, 'system_cpu_usage': 1000000000},
                         'memory_stats': {'usage': 5000000, 'limit': 100000000, 'stats': {'inactive_file': 1000000}}}"""));
        assertEquals(40.0, l.cpuPercent(), 1e-9);
        assertEquals(4_000_000, l.memoryBytes());
        assertEquals(100_000_000, l.memoryLimitBytes());
    }

    @Test
    void historyComesOldestFirst() throws Exception {
        List<ImageLayers.HistoryEntry> h = ApiJson.history(
                json("""
                        [{'Created': 20, 'CreatedBy': 'CMD [\\'sh\\']', 'Size': 0}, {'Created': 10, 'CreatedBy': 'ADD x /', 'Size': 7}]"""));
        assertEquals("ADD x /", h.getFirst().createdBy());
        assertEquals(7, h.getFirst().size());
    }

    @Test
    void xrayAndInfoBodiesParse() throws Exception {
        XRayReport r = ApiJson.xray(
                json("""
                        {'id': 'c1', 'name': 'web', 'image': 'busybox', 'hostPid': 42, 'future': 'ignored',
                         'processes': [{'hostPid': 42, 'containerPid': 1, 'hostPpid': 40, 'name': 'sh', 'cmdline': 'sh', 'uid': 0}],
                         'namespaces': [{'type': 'pid', 'inode': 5, 'hostInode': 4, 'shared': false}],
                         'cgroup': {'version': 'v2', 'path': '/berth/c1', 'memoryLimitBytes': 0, 'memoryUsageBytes': 1,
                                    'cpuQuotaMicros': -1, 'cpuPeriodMicros': 100000, 'cpuShares': 100,
                                    'cpuWeightScale': 'weight', 'pidsMax': 0, 'pidsCurrent': 1},
                         'overlay': {'merged': '/m', 'upperDir': '/u', 'workDir': '/w', 'mounted': true,
                                     'lowers': [{'position': 0, 'lowerDir': '/l', 'diffId': 'sha256:a', 'chainId': 'sha256:a', 'sizeBytes': 3}],
                                     'changes': [{'path': '/x', 'kind': 'added'}], 'changesTruncated': false},
                         'security': {'uid': 0, 'gid': 0, 'user': 'root', 'configuredUser': '', 'capEffective': ['CAP_KILL'],
                                      'capBounding': ['CAP_KILL'], 'seccomp': 'filter', 'noNewPrivs': false}}"""));
        assertEquals(1, r.processes().getFirst().containerPid());
        assertEquals("sha256:a", r.overlay().lowers().getFirst().diffId());
        BerthFeatures f = ApiJson.berthFeatures(json("{'Name': 'berthd', 'Version': '0.1', 'Features': ['xray']}"));
        assertTrue(f.has("xray"));
        assertTrue(!BerthFeatures.none().has("xray"));
    }
}
