package dev.berth.app.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Volume;
import java.util.ArrayList;
import java.util.List;

/** Translations between the app's records and docker-java's models for running containers and reading stats. */
final class RunCommands {
    private RunCommands() {}

    /** The create command {@code docker run -d} would send for {@code spec}. */
    static CreateContainerCmd create(DockerClient client, RunSpec spec) {
        CreateContainerCmd cmd = client.createContainerCmd(spec.image());
        if (!spec.name().isBlank()) {
            cmd.withName(spec.name());
        }
        if (!spec.env().isEmpty()) {
            cmd.withEnv(spec.env());
        }
        if (!spec.command().isEmpty()) {
            cmd.withCmd(spec.command());
        }
        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        for (RunSpec.PublishedPort p : spec.ports()) {
            ExposedPort port = new ExposedPort(p.containerPort(), InternetProtocol.parse(p.protocol()));
            exposed.add(port);
            bindings.bind(port, new Ports.Binding(p.hostIp().isBlank() ? null : p.hostIp(),
                    p.hostPort() == 0 ? null : Integer.toString(p.hostPort())));
        }
        List<Bind> binds = new ArrayList<>();
        for (RunSpec.Mount m : spec.mounts()) {
            binds.add(new Bind(m.source(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw));
        }
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(bindings)
                .withBinds(binds)
                .withRestartPolicy(restart(spec.restart()))
                .withAutoRemove(spec.autoRemove());
        if (!spec.network().isBlank()) {
            host.withNetworkMode(spec.network());
        }
        if (!exposed.isEmpty()) {
            cmd.withExposedPorts(exposed);
        }
        return cmd.withHostConfig(host);
    }

    private static RestartPolicy restart(RunSpec.RestartPolicy p) {
        return switch (p.kind()) {
            case NO -> RestartPolicy.noRestart();
            case ALWAYS -> RestartPolicy.alwaysRestart();
            case UNLESS_STOPPED -> RestartPolicy.unlessStoppedRestart();
            case ON_FAILURE -> RestartPolicy.onFailureRestart(p.maxRetries());
        };
    }

    /** One stats sample in the CLI's terms (see {@link ContainerStats#compute}). */
    static ContainerStats toStats(Statistics s) {
        var cpu = s.getCpuStats();
        var pre = s.getPreCpuStats();
        var mem = s.getMemoryStats();
        long inactive = 0;
        if (mem != null && mem.getStats() != null) {
            Long v2 = mem.getStats().getInactiveFile();
            Long v1 = mem.getStats().getTotalInactiveFile();
            inactive = v2 != null ? v2 : v1 != null ? v1 : 0;
        }
        return ContainerStats.compute(
                cpu == null || cpu.getCpuUsage() == null ? 0 : nz(cpu.getCpuUsage().getTotalUsage()),
                pre == null || pre.getCpuUsage() == null ? 0 : nz(pre.getCpuUsage().getTotalUsage()),
                cpu == null ? 0 : nz(cpu.getSystemCpuUsage()),
                pre == null ? 0 : nz(pre.getSystemCpuUsage()),
                cpu == null ? 1 : onlineCpus(cpu),
                mem == null ? 0 : nz(mem.getUsage()), inactive, mem == null ? 0 : nz(mem.getLimit()));
    }

    /** {@code online_cpus}, or the length of {@code percpu_usage} on engines that do not send it (as the CLI does). */
    private static long onlineCpus(com.github.dockerjava.api.model.CpuStatsConfig cpu) {
        if (cpu.getOnlineCpus() != null && cpu.getOnlineCpus() > 0) {
            return cpu.getOnlineCpus();
        }
        var per = cpu.getCpuUsage() == null ? null : cpu.getCpuUsage().getPercpuUsage();
        return per == null || per.isEmpty() ? 1 : per.size();
    }

    private static long nz(Long l) {
        return l == null ? 0 : l;
    }
}
