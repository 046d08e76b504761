package news.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/**
 * The three Prometheus configurations scrape the four services at {@code /actuator/prometheus} with the service as
 * the job (what alerts.yml and the dashboard rely on) and load alerts.yml; each is what its environment needs.
 */
class PrometheusConfigTest {

    static final List<String> CONFIGS = Observability.PROMETHEUS_CONFIGS;

    @ParameterizedTest
    @FieldSource("CONFIGS")
    void loadsTheAlertRules(String file) {
        assertThat((List<String>) Observability.at(config(file), "rule_files")).containsExactly("alerts.yml");
    }

    @Test
    void theComposeStackIsScrapedByTheNamesInfraDeployGivesItsServices() {
        Map<String, Object> jobs = jobs("prometheus.yml");
        jobs.keySet().retainAll(Observability.SERVICES);

        assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(Observability.SERVICES);
        jobs.values().forEach(job -> assertThat((String) Observability.at(job, "metrics_path"))
                .isEqualTo("/actuator/prometheus"));
        assertThat(dns(jobs.get("article-service"))).isEqualTo(Map.of("names", List.of("article-service"),
                "type", "A", "port", 9081));
        assertThat(dns(jobs.get("comment-service"))).isEqualTo(Map.of("names", List.of("comment-service"),
                "type", "A", "port", 9082));
        assertThat(targets(jobs.get("ranking-service"))).containsExactly("ranking-service-1:9083",
                "ranking-service-2:9083");
        assertThat(targets(jobs.get("gateway"))).containsExactly("gateway-1:9080", "gateway-2:9080");
        assertThat(Observability.read(Observability.ROOT.resolve("infra/deploy/compose.yaml")))
                .contains("../observability/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                        "../observability/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    @Test
    void theLocalRuntimeIsScrapedOnItsDefaultManagementPorts() {
        Map<String, Object> jobs = jobs("prometheus-local.yml");

        assertThat(jobs.keySet()).containsExactlyInAnyOrderElementsOf(Observability.SERVICES);
        assertThat(targets(jobs.get("gateway"))).containsExactly("localhost:9080");
        assertThat(targets(jobs.get("article-service"))).containsExactly("localhost:9081");
        assertThat(targets(jobs.get("comment-service"))).containsExactly("localhost:9082");
        assertThat(targets(jobs.get("ranking-service"))).containsExactly("localhost:9083");
        jobs.values().forEach(job -> assertThat((String) Observability.at(job, "metrics_path"))
                .isEqualTo("/actuator/prometheus"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesPodsAreFoundByTheAnnotationsOfTheManifestsAndTheirNameIsTheJob() {
        Map<String, Object> job = (Map<String, Object>) jobs("prometheus-k8s.yml").get("news-platform");
        List<Map<String, Object>> relabel = (List<Map<String, Object>>) job.get("relabel_configs");

        assertThat(relabel).anySatisfy(r -> {
            assertThat(r.get("source_labels")).isEqualTo(List.of("__meta_kubernetes_pod_label_app_kubernetes_io_name"));
            assertThat(r.get("regex")).isEqualTo(String.join("|", Observability.SERVICES));
            assertThat(r.get("action")).isEqualTo("keep");
        });
        assertThat(relabel).anySatisfy(r -> {
            assertThat(r.get("source_labels")).isEqualTo(List.of("__meta_kubernetes_pod_label_app_kubernetes_io_name"));
            assertThat(r.get("target_label")).isEqualTo("job");
        });
        for (String service : Observability.SERVICES) {
            String manifest = Observability.read(Observability.ROOT.resolve("infra/deploy/k8s/base/" + service + ".yaml"));
            assertThat(manifest).as(service).contains("app.kubernetes.io/name: " + service)
                    .contains("prometheus.io/scrape: \"true\"").contains("prometheus.io/path: /actuator/prometheus")
                    .contains("prometheus.io/port: \"" + (9080 + List.of("gateway", "article-service", "comment-service",
                            "ranking-service").indexOf(service)) + "\"");
        }
    }

    @ParameterizedTest
    @FieldSource("CONFIGS")
    void promtoolAcceptsTheConfigurationAndItsRules(String file, @TempDir Path dir) throws java.io.IOException {
        String text = Observability.read(Observability.DIR.resolve(file));
        if (text.contains("kubernetes_sd_configs")) {
            // Debian's promtool is built without Kubernetes discovery: check everything else of the file (relabel rules,
            // alerting, rule files) with file discovery in its place, which every promtool has
            text = text.replaceAll("kubernetes_sd_configs:\\n(\\s+)- role: pod", "file_sd_configs:\n$1- files: [pods.json]");
            assertThat(text).doesNotContain("kubernetes_sd_configs");
        }
        java.nio.file.Files.writeString(dir.resolve(file), text);
        java.nio.file.Files.copy(Observability.ALERTS, dir.resolve("alerts.yml"));

        Promtool.Result result = Promtool.run(dir, "check", "config", file);

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: 1 rule files found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theExportersAreScrapedUnderTheJobNamesOfMetricsYamlWhereTheyRun() {
        assertThat(jobs("prometheus.yml").keySet()).contains("kafka-exporter", "mongodb-exporter");
        assertThat(jobs("prometheus-k8s.yml").keySet()).contains("kafka", "kafka-exporter", "mongodb-exporter");
        assertThat(jobs("prometheus-local.yml").keySet()).as("the local runtime has no exporter")
                .containsExactlyInAnyOrderElementsOf(Observability.SERVICES);
        java.util.Set<String> exporterJobs = Observability.exporters().keySet();
        assertThat(jobs("prometheus-k8s.yml").keySet()).containsAll(exporterJobs);
    }

    private static Map<String, Object> config(String file) {
        return Observability.yaml(Observability.DIR.resolve(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> jobs(String file) {
        Map<String, Object> jobs = new LinkedHashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config(file).get("scrape_configs")) {
            jobs.put(String.valueOf(job.get("job_name")), job);
        }
        return jobs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dns(Object job) {
        return ((List<Map<String, Object>>) Observability.at(job, "dns_sd_configs")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(Object job) {
        return (List<String>) ((List<Map<String, Object>>) Observability.at(job, "static_configs")).get(0).get("targets");
    }
}
