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
}
