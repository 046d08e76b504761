package news.launcher.observability;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import news.launcher.Http;
import news.launcher.Layout;
import news.launcher.ManagedProcess;
import news.launcher.Ports;

/**
 * Prometheus (9090), Alertmanager (9095; 9093 is the local Kafka controller's) and the alert webhook (9096) for the
 * local runtime, all on 127.0.0.1, with the repository's configurations: prometheus-local.yml scrapes the services'
 * management ports 9080-9083 and evaluates alerts.yml, alertmanager-local.yml routes pages and tickets to the webhook.
 * Their data lives under the data folder ({@code prometheus/}, {@code alertmanager/}), their logs with the others.
 */
public final class LocalObservability implements AutoCloseable {

    public static final int PROMETHEUS_PORT = 9090;
    public static final int ALERTMANAGER_PORT = 9095;
    public static final int WEBHOOK_PORT = 9096;
    static final Duration READY_LIMIT = Duration.ofSeconds(60);

    /** The two binaries: {@code PROMETHEUS} / {@code ALERTMANAGER}, else Debian's names on the PATH. */
    public record Tools(Path prometheus, Path alertmanager) {

        public static Optional<Tools> find(Map<String, String> env) {
            Optional<Path> prometheus = configured(env, "PROMETHEUS").or(() -> onPath(env, "prometheus"));
            Optional<Path> alertmanager = configured(env, "ALERTMANAGER")
                    .or(() -> onPath(env, "prometheus-alertmanager")).or(() -> onPath(env, "alertmanager"));
            return prometheus.isPresent() && alertmanager.isPresent()
                    ? Optional.of(new Tools(prometheus.get(), alertmanager.get())) : Optional.empty();
        }

        private static Optional<Path> configured(Map<String, String> env, String variable) {
            String value = env.get(variable);
            return value == null || value.isBlank() ? Optional.empty()
                    : Optional.of(Path.of(value.trim())).filter(Files::isExecutable);
        }

        private static Optional<Path> onPath(Map<String, String> env, String name) {
            for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (!dir.isBlank() && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }

    public static final String MISSING = "Prometheus and Alertmanager are needed: apt-get install prometheus"
            + " prometheus-alertmanager (Debian), or set PROMETHEUS and ALERTMANAGER to their binaries.";

    private final Layout layout;
    private final PrintStream out;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private AlertWebhook webhook;

    public LocalObservability(Layout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    public Path prometheusConfig() {
        return layout.root().resolve("infra/observability/prometheus-local.yml");
    }

    public Path alertmanagerConfig() {
        return layout.root().resolve("infra/observability/alertmanager-local.yml");
    }

    /** Starts the webhook, Alertmanager and Prometheus, and waits until both answer ready. */
    public void start() throws IOException, InterruptedException {
        Tools tools = Tools.find(layout.env()).orElseThrow(() -> new IllegalStateException(MISSING));
        List<String> busy = new ArrayList<>();
        for (int port : List.of(PROMETHEUS_PORT, ALERTMANAGER_PORT, WEBHOOK_PORT)) {
            if (!Ports.isFree(port)) {
                busy.add(Integer.toString(port));
            }
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("port " + String.join(", ", busy) + " already in use (Prometheus 9090,"
                    + " Alertmanager 9095, alert webhook 9096): stop what listens there (ss -ltnp)");
        }
        Files.createDirectories(layout.logs());
        webhook = new AlertWebhook(WEBHOOK_PORT, out, layout.log("alerts"));
        ManagedProcess alertmanager = new ManagedProcess("alertmanager", List.of(tools.alertmanager().toString(),
                "--config.file=" + alertmanagerConfig(), "--storage.path=" + layout.data().resolve("alertmanager"),
                "--web.listen-address=127.0.0.1:" + ALERTMANAGER_PORT, "--cluster.listen-address="), Map.of(),
                layout.log("alertmanager"));
        ManagedProcess prometheus = new ManagedProcess("prometheus", List.of(tools.prometheus().toString(),
                "--config.file=" + prometheusConfig(), "--storage.tsdb.path=" + layout.data().resolve("prometheus"),
                "--storage.tsdb.retention.time=2d", "--web.listen-address=127.0.0.1:" + PROMETHEUS_PORT), Map.of(),
                layout.log("prometheus"));
        for (ManagedProcess process : List.of(alertmanager, prometheus)) {
            processes.add(process);
            process.start();
        }
        awaitReady(alertmanager, "http://127.0.0.1:" + ALERTMANAGER_PORT + "/-/ready");
        awaitReady(prometheus, "http://127.0.0.1:" + PROMETHEUS_PORT + "/-/ready");
    }

    public AlertWebhook webhook() {
        return webhook;
    }

    public void printUrls() {
        out.printf("  Prometheus            http://localhost:%d/  (alerts: /alerts, targets: /targets)%n", PROMETHEUS_PORT);
        out.printf("  Alertmanager          http://localhost:%d/%n", ALERTMANAGER_PORT);
        out.printf("  Alert webhook         notifications print here and go to %s%n",
                layout.root().relativize(layout.log("alerts")));
    }

    /** {@code infra/platform observe}: runs until Ctrl-C or SIGTERM, then stops what it started. */
    public int runUntilStopped() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            stopped.countDown();
        }, "observability-shutdown"));
        start();
        out.println("Observing the local platform (its services' management ports 9080-9083):");
        printUrls();
        out.println("Press Ctrl-C to stop Prometheus and Alertmanager.");
        stopped.await();
        return 0;
    }

    private void awaitReady(ManagedProcess process, String url) throws InterruptedException {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (Http.status(url) != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited (code " + process.exitCode() + "); see "
                        + process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(process.name() + " not ready within " + READY_LIMIT.toSeconds()
                        + " s; see " + process.logFile());
            }
            Thread.sleep(250);
        }
    }

    @Override
    public void close() {
        ManagedProcess.stopAll(processes, Duration.ofSeconds(10));
        processes.clear();
        if (webhook != null) {
            webhook.close();
            webhook = null;
        }
    }
}
