package news.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

import news.launcher.Http;
import news.launcher.Layout;
import news.launcher.ManagedProcess;
import news.launcher.Ports;
import news.launcher.observability.AlertWebhook;
import news.launcher.observability.LocalObservability;
import news.testsupport.RepositoryFiles;
import news.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards and alerts against a running platform, as an SRE would use them: {@code infra/platform up} (the
 * launcher jar, its fixed ports), Debian's Prometheus 2.42 and Alertmanager with the repository's
 * {@code prometheus-local.yml} and {@code alertmanager-local.yml} ({@link LocalObservability}), traffic from
 * {@code infra/platform simulate} plus page reads. Then every dashboard query, every alert expression and every
 * recording rule is evaluated by Prometheus: none may fail, and every panel over the services' metrics must have data
 * (panels over the exporters of metrics.yaml have none locally: the local runtime has no exporter). Last,
 * ranking-service is killed while readers keep viewing: its NewsServiceDown alert and the readers' NewsRankingsStale
 * (the lists they are served stopped) must fire in Alertmanager and reach the webhook.
 * <p>
 * Fixed ports and minutes of run time: only with {@code -Plive-dashboards}, with nothing else running on the machine;
 * skipped, saying why, where Prometheus or Alertmanager is not installed.
 */
@Tag("live-dashboards")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveDashboardsTest {

    static final Duration TRAFFIC = Duration.ofSeconds(150);
    static final String PROMETHEUS = "http://127.0.0.1:" + LocalObservability.PROMETHEUS_PORT;
    static final String ALERTMANAGER = "http://127.0.0.1:" + LocalObservability.ALERTMANAGER_PORT;

    static Path root;
    static Path data;
    static Layout layout;
    static ManagedProcess platform;
    static LocalObservability observability;
    static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void platformPrometheusAndAlertmanager() throws Exception {
        root = RepositoryFiles.root();
        Assumptions.assumeTrue(LocalObservability.Tools.find(System.getenv()).isPresent(),
                "the live dashboard test needs Debian's prometheus and prometheus-alertmanager: " + LocalObservability.MISSING);
        data = root.resolve("infra/system-tests/target/live-dashboards");
        FileSystemUtils.deleteRecursively(data);
        Files.createDirectories(data);
        Map<String, String> env = new LinkedHashMap<>(System.getenv());
        env.put("NEWS_DATA_DIR", data.toString());
        env.remove("KAFKA_BOOTSTRAP_SERVERS");
        env.remove("MONGODB_URI");
        layout = new Layout(root, data, env);
        assertThat(layout.missingBuildOutputs()).as("build first: ./mvnw -B -DskipTests package").isEmpty();
        List<Integer> busy = new ArrayList<>();
        for (Layout.Service s : Layout.SERVICES) {
            for (int port : List.of(layout.port(s), layout.managementPort(s))) {
                if (!Ports.isFree(port)) {
                    busy.add(port);
                }
            }
        }
        assertThat(busy).as("ports the platform needs are taken (another infra/platform up?)").isEmpty();

        platform = new ManagedProcess("platform", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx96m", "-Dnews.root=" + root, "-jar", root.resolve("infra/launcher/target/launcher.jar").toString(), "up"),
                Map.of("NEWS_DATA_DIR", data.toString()), data.resolve("platform-up.log"));
        platform.start();
        await("infra/platform up: every service ready").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    assertThat(platform.isAlive()).as("infra/platform up runs; see " + platform.logFile()).isTrue();
                    return Layout.SERVICES.stream().allMatch(s -> Http.status("http://127.0.0.1:" + layout.managementPort(s)
                            + "/actuator/health/readiness") == 200)
                            && Files.readString(platform.logFile()).contains("News platform is up");
                });
        observability = new LocalObservability(layout, new PrintStream(Files.newOutputStream(data.resolve("observe.log")),
                true, StandardCharsets.UTF_8));
        observability.start();
    }

    @AfterAll
    static void stopEverything() {
        if (observability != null) {
            observability.close();
        }
        if (platform != null) {
            platform.stop(Duration.ofSeconds(90));
        }
        if (!figures.isEmpty()) {
            figures.forEach(f -> System.out.println("[live-dashboards] " + f));
            try {
                Files.write(root.resolve("infra/system-tests/target/live-dashboards.txt"), figures);
            } catch (IOException ignored) {
                // the figures were printed
            }
        }
    }

    @Test
    @Order(1)
    void prometheus242ScrapesEveryServiceAndEveryPanelQueryAlertAndRuleEvaluates() throws Exception {
        await("Prometheus scrapes the four management ports").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> query("up == 1").path("data").path("result").size() == 4);
        ManagedProcess simulate = simulate(TRAFFIC, 80);
        simulate.start();
        int pages = readPages(simulate);
        assertThat(query("up == 1").path("data").path("result").size()).as("every target still scraped").isEqualTo(4);
        assertThat(query("up{job=\"gateway\"}").path("data").path("result")).isNotEmpty();

        Set<String> exporterMetrics = exporterMetrics();
        int panelQueries = 0;
        int panelQueriesWithData = 0;
        List<String> failures = new ArrayList<>();
        List<String> emptyPanels = new ArrayList<>();
        int panels = 0;
        int panelsExpected = 0;
        int panelsWithData = 0;
        for (JsonNode panel : dashboard().path("panels")) {
            if (panel.path("type").asString().equals("row")) {
                continue;
            }
            panels++;
            boolean infrastructure = false;
            boolean hasData = false;
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asString();
                infrastructure |= exporterMetrics.stream().anyMatch(expr::contains);
                String promql = expr.replace("$__rate_interval", "1m").replace("$__interval", "15s")
                        .replace("$__range", "5m").replace("$application", ".*");
                JsonNode answer = query(promql);
                panelQueries++;
                if (!"success".equals(answer.path("status").asString())) {
                    failures.add(panel.path("title").asString() + ": " + promql + " -> " + answer);
                } else if (!answer.path("data").path("result").isEmpty()) {
                    panelQueriesWithData++;
                    hasData = true;
                }
            }
            if (hasData) {
                panelsWithData++;
            }
            if (!infrastructure) {
                panelsExpected++;
                if (!hasData) {
                    emptyPanels.add(panel.path("title").asString());
                }
            }
        }
        int alertExpressions = 0;
        int alertsWithData = 0;
        int rules = 0;
        int rulesWithData = 0;
        for (Map<String, Object> rule : rules()) {
            JsonNode answer = query(String.valueOf(rule.get("expr")));
            if (!"success".equals(answer.path("status").asString())) {
                failures.add(rule + " -> " + answer);
                continue;
            }
            boolean data = !answer.path("data").path("result").isEmpty();
            if (rule.containsKey("alert")) {
                alertExpressions++;
                alertsWithData += data ? 1 : 0;
            } else {
                rules++;
                rulesWithData += data ? 1 : 0;
            }
        }
        JsonNode ruleHealth = get(PROMETHEUS + "/api/v1/rules");
        List<String> unhealthy = new ArrayList<>();
        ruleHealth.path("data").path("groups").forEach(g -> g.path("rules").forEach(r -> {
            if (!"ok".equals(r.path("health").asString())) {
                unhealthy.add(r.path("name").asString() + ": " + r.path("lastError").asString());
            }
        }));
        figures.add(String.format("page reads during the traffic: %d", pages));
        figures.add(String.format("dashboard: %d panels, %d queries evaluated, %d queries with data, %d panels with data;"
                + " %d panels over the services' metrics, all with data: %s", panels, panelQueries, panelQueriesWithData,
                panelsWithData, panelsExpected, emptyPanels.isEmpty()));
        figures.add(String.format("alerts.yml: %d alert expressions evaluated (%d returned series now), %d recording rules"
                + " evaluated (%d with data); rules Prometheus evaluates itself: %s unhealthy", alertExpressions,
                alertsWithData, rules, rulesWithData, unhealthy.size()));

        assertThat(failures).as("queries Prometheus 2.42 refused").isEmpty();
        assertThat(unhealthy).as("rules with an evaluation error").isEmpty();
        assertThat(emptyPanels).as("panels over the services' metrics without data").isEmpty();
        assertThat(rulesWithData).as("every SLO's error ratio is recorded").isEqualTo(rules);
    }

    @Test
    @Order(2)
    void rankingServiceKilledPagesThroughAlertmanagerToTheWebhook() throws Exception {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("platform.state"))) {
            state.load(in);
        }
        long pid = Long.parseLong(state.getProperty("ranking-service.pid"));
        // readers keep viewing: the lists they are served go stale, which the staleness alert is for
        ManagedProcess readers = simulate(Duration.ofMinutes(6), 20);
        readers.start();
        Instant killed = Instant.now();
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        AlertWebhook.Notified page = await("NewsServiceDown of ranking-service at the webhook").atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(1)).until(() -> observability.webhook().received().stream()
                        .filter(n -> n.label("alertname").equals("NewsServiceDown") && n.label("service").equals("ranking-service")
                                && n.status().equals("firing")).findFirst().orElse(null), n -> n != null);
        JsonNode active = get(ALERTMANAGER + "/api/v2/alerts?filter=" + URLEncoder.encode("alertname=\"NewsServiceDown\"",
                StandardCharsets.UTF_8));
        assertThat(active.toString()).contains("ranking-service").contains("\"state\":\"active\"");
        assertThat(page.receiver()).isEqualTo("page");
        assertThat(page.label("severity")).isEqualTo("page");
        figures.add(String.format("ranking-service killed: %s reached the webhook (/%s, severity %s, \"%s\") %d s later",
                page.label("alertname"), page.receiver(), page.label("severity"), page.summary(),
                Duration.between(killed, page.at()).toSeconds()));

        try {
            AlertWebhook.Notified stale = await("NewsRankingsStale at the webhook").atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> observability.webhook().received().stream()
                            .filter(n -> n.label("alertname").equals("NewsRankingsStale") && n.status().equals("firing"))
                            .findFirst().orElse(null), n -> n != null);
            assertThat(stale.receiver()).isEqualTo("page");
            assertThat(stale.label("service")).isEqualTo("gateway");
            figures.add(String.format("ranking-service killed, readers viewing 20/s: %s reached the webhook (/%s, \"%s\")"
                    + " %d s later", stale.label("alertname"), stale.receiver(), stale.summary(),
                    Duration.between(killed, stale.at()).toSeconds()));
        } finally {
            readers.stop(Duration.ofSeconds(10));
        }
    }

    private static ManagedProcess simulate(Duration duration, int viewsPerSecond) {
        return new ManagedProcess("simulate", List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-Xmx128m", "-Dnews.root=" + root, "-jar",
                root.resolve("infra/launcher/target/launcher.jar").toString(), "simulate", "--views-per-second",
                Integer.toString(viewsPerSecond), "--duration", duration.toSeconds() + "s", "--comments", "0.02",
                "--shares", "0.05"), Map.of("NEWS_DATA_DIR", data.toString()), data.resolve("simulate-" + viewsPerSecond
                + ".log"));
    }

    /** Page reads as a frontend makes them, 10 a second while {@code running}: home and article pages. */
    private static int readPages(ManagedProcess running) throws Exception {
        JsonNode articles = Api.get("http://127.0.0.1:8080/api/articles?limit=20").json();
        List<String> ids = new ArrayList<>();
        articles.path("items").forEach(a -> ids.add(a.path("id").asString()));
        assertThat(ids).as("demo content loaded").isNotEmpty();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ScheduledExecutorService reader = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            reader.scheduleAtFixedRate(() -> {
                int n = reads.getAndIncrement();
                String path = n % 5 == 0 ? "/api/pages/home" : "/api/pages/article/" + ids.get(n % ids.size());
                int status = Api.get("http://127.0.0.1:8080" + path).status();
                if (status != 200) {
                    refused.add(path + " -> " + status);
                }
            }, 0, 100, java.util.concurrent.TimeUnit.MILLISECONDS);
            await("simulate ends by itself").atMost(TRAFFIC.plusSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !running.isAlive());
        } finally {
            reader.shutdownNow();
        }
        assertThat(refused).as("page reads answered otherwise than 200").isEmpty();
        return reads.get();
    }

    private static JsonNode query(String promql) throws Exception {
        return get(PROMETHEUS + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    private static JsonNode get(String url) {
        return TestHttp.json(new TestHttp(url).get(""));
    }

    private static JsonNode dashboard() throws IOException {
        return TestHttp.JSON.readTree(Files.readString(root.resolve("infra/observability/grafana/dashboards/news-platform.json")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> alerts = new Yaml().load(Files.readString(root.resolve("infra/observability/alerts.yml")));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> exporterMetrics() throws IOException {
        Map<String, Object> manifest = new Yaml().load(Files.readString(root.resolve("infra/observability/metrics.yaml")));
        Set<String> names = new LinkedHashSet<>();
        ((Map<String, List<String>>) manifest.get("exporters")).values().forEach(names::addAll);
        return names;
    }

}
