package dev.berth.app.xray;

import dev.berth.app.engine.BerthFeatures;
import dev.berth.app.engine.Engine;
import dev.berth.app.engine.EngineException;
import dev.berth.app.engine.XRayReport;
import dev.berth.app.support.Async;
import dev.berth.app.support.Format;
import dev.berth.app.support.I18n;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the X-ray tab for one container: asks the engine whether it has Berth's X-ray at all, then for the
 * container's X-ray, and turns raw numbers into sentences ("512 MB of 1 GB", "no limit").
 */
public final class XRayViewModel {
    private final Supplier<Engine> engine;
    private final Async async;
    private final ReadOnlyObjectWrapper<XRayStatus> status = new ReadOnlyObjectWrapper<>(this, "status",
            XRayStatus.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<XRayReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private String containerId;

    public XRayViewModel(Supplier<Engine> engine, Async async) {
        this.engine = engine;
        this.async = async;
    }

    /** The outcome of one background load. */
    private record Outcome(XRayStatus status, XRayReport report, String message) {}

    /** X-rays {@code id} (a container ID or name). */
    public void load(String id) {
        containerId = id;
        status.set(XRayStatus.LOADING);
        message.set("");
        async.run(() -> fetch(id), this::apply, error -> {
            report.set(null);
            message.set(error);
            status.set(XRayStatus.FAILED);
        });
    }

    /** X-rays the same container again (processes come and go, usage changes). */
    public void refresh() {
        if (containerId != null) {
            load(containerId);
        }
    }

    private Outcome fetch(String id) {
        Engine e = engine.get();
        BerthFeatures features = e.berthFeatures();
        if (!features.has("xray")) {
            String name;
            try {
                name = e.version().display();
            } catch (EngineException unknown) {
                name = I18n.t("xray.thisEngine");
            }
            return new Outcome(XRayStatus.UNAVAILABLE, null, I18n.t("xray.unavailable", name));
        }
        try {
            return new Outcome(XRayStatus.READY, e.xray(id), "");
        } catch (EngineException ex) {
            if (ex.status() == 409) {
                return new Outcome(XRayStatus.NOT_RUNNING, null, I18n.t("xray.notRunning"));
            }
            throw ex;
        }
    }

    private void apply(Outcome o) {
        report.set(o.report());
        message.set(o.message());
        status.set(o.status());
    }

    public ReadOnlyObjectProperty<XRayStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why there is no X-ray (unavailable, not running, failed), in plain words; empty when there is one. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<XRayReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The first process: PID 1 inside, some other number on the host. */
    public XRayReport.Process initProcess() {
        XRayReport r = report.get();
        if (r == null || r.processes().isEmpty()) {
            return null;
        }
        return r.processes().stream().filter(p -> p.hostPid() == r.hostPid()).findFirst()
                .orElse(r.processes().getFirst());
    }

    /** How many image layers lie under the container (overlay lower dirs). */
    public int lowerLayerCount() {
        return report.get() == null ? 0 : report.get().overlay().lowers().size();
    }

    /** Namespaces of the container that are not the host's. */
    public long isolatedNamespaceCount() {
        return report.get() == null ? 0 : report.get().namespaces().stream().filter(n -> !n.shared()).count();
    }

    /** "2.1 MB of 48 MB" or "2.1 MB (no limit)". */
    public String memoryText() {
        XRayReport.Cgroup c = report.get().cgroup();
        return c.memoryLimitBytes() > 0
                ? I18n.t("xray.ofLimit", Format.memory(c.memoryUsageBytes()), Format.memory(c.memoryLimitBytes()))
                : I18n.t("xray.noLimitUsing", Format.memory(c.memoryUsageBytes()));
    }

    /** Memory used as a share of the limit (0..1), or -1 without a limit. */
    public double memoryShare() {
        XRayReport.Cgroup c = report.get().cgroup();
        return c.memoryLimitBytes() > 0 ? Math.min(1, (double) c.memoryUsageBytes() / c.memoryLimitBytes()) : -1;
    }

    /** "at most 0.5 CPUs (50000 µs every 100000 µs)" or "no limit"; shares/weight follow. */
    public String cpuText() {
        XRayReport.Cgroup c = report.get().cgroup();
        String quota = c.cpuQuotaMicros() > 0 && c.cpuPeriodMicros() > 0
                ? I18n.t("xray.cpuQuota",
                        String.format(Locale.ROOT, "%.2f", (double) c.cpuQuotaMicros() / c.cpuPeriodMicros()),
                        c.cpuQuotaMicros(), c.cpuPeriodMicros())
                : I18n.t("xray.noLimit");
        String weight = I18n.t(c.version().equals("v2") ? "xray.cpuWeight" : "xray.cpuShares", c.cpuShares());
        return c.cpuShares() > 0 ? quota + " · " + weight : quota;
    }

    /** "3 of at most 100" or "3 (no limit)". */
    public String pidsText() {
        XRayReport.Cgroup c = report.get().cgroup();
        return c.pidsMax() > 0 ? I18n.t("xray.pidsOf", c.pidsCurrent(), c.pidsMax())
                : I18n.t("xray.noLimitUsing", Long.toString(c.pidsCurrent()));
    }

    /** "root (uid 0, gid 0)". */
    public String userText() {
        XRayReport.Security s = report.get().security();
        String who = s.user().isBlank() ? "uid " + s.uid() : s.user();
        return I18n.t("xray.userIds", who, s.uid(), s.gid());
    }

    /** Capabilities the kernel knows that this container's processes do not hold (CAP_SYS_ADMIN…). */
    public List<String> missingCapabilities() {
        List<String> granted = report.get().security().capEffective();
        return CapabilityCatalog.ALL.stream().filter(c -> !granted.contains(c)).toList();
    }

    /** The seccomp mode in words: a filter means a BPF program checks every system call. */
    public String seccompText() {
        String mode = report.get().security().seccomp();
        return switch (mode) {
            case "filter" -> I18n.t("xray.seccompFilter");
            case "disabled" -> I18n.t("xray.seccompDisabled");
            case "strict" -> I18n.t("xray.seccompStrict");
            default -> mode;
        };
    }
}
