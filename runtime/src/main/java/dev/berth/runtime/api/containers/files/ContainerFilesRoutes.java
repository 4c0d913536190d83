package dev.berth.runtime.api.containers.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.runtime.api.Routes;
import dev.berth.runtime.api.http.Router;
import dev.berth.runtime.container.files.Change;
import dev.berth.runtime.container.files.CommitRequest;
import dev.berth.runtime.container.files.ContainerArchive;
import dev.berth.runtime.container.files.ContainerCommitter;
import dev.berth.runtime.container.files.ContainerFileServices;
import dev.berth.runtime.container.files.ContainerFilesystem;
import dev.berth.runtime.container.files.PathStat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Registers {@code /containers/{id}/archive} (HEAD, GET, PUT), {@code /changes}, {@code /export} and {@code POST /commit}. */
public final class ContainerFilesRoutes implements Routes {
    private static final String TAR = "application/x-tar";

    private final ContainerArchive archive;
    private final ContainerFilesystem filesystem;
    private final ContainerCommitter committer;

    public ContainerFilesRoutes(ContainerFileServices files) {
        this.archive = files.archive();
        this.filesystem = files.filesystem();
        this.committer = files.committer();
    }

    @Override
    public void register(Router r) {
        r.add("HEAD", "/containers/{id}/archive", (req, res) -> {
            PathStat st = archive.stat(req.pathParam("id"), req.query("path"));
            res.header(PathStat.HEADER, st.headerValue());
            res.status(200);
        });
        r.add("GET", "/containers/{id}/archive",
                (req, res) -> archive.read(req.pathParam("id"), req.query("path"), st -> {
                    res.header(PathStat.HEADER, st.headerValue());
                    return res.stream(200, TAR);
                }));
        r.add("PUT", "/containers/{id}/archive", (req, res) -> {
            archive.extract(req.pathParam("id"), req.query("path"), req.queryBool("noOverwriteDirNonDir", false),
                    req.queryBool("copyUIDGID", false), req.body());
            res.status(200);
        });
        r.add("GET", "/containers/{id}/changes", (req, res) -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Change c : filesystem.changes(req.pathParam("id"))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("Path", c.path());
                m.put("Kind", c.kind());
                out.add(m);
            }
            res.json(200, out);
        });
        r.add("GET", "/containers/{id}/export",
                (req, res) -> filesystem.export(req.pathParam("id"), () -> res.stream(200, TAR)));
        r.add("POST", "/commit", (req, res) -> {
            ObjectNode config = req.bodyJson(ObjectNode.class);
            var id = committer.commit(new CommitRequest(req.query("container"), req.query("repo"), req.query("tag"),
                    req.query("comment"), req.query("author"), req.queryBool("pause", true), req.queryAll("changes"),
                    config));
            res.json(201, Map.of("Id", id.toString()));
        });
    }
}
