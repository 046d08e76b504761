package news.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

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
        Map<String, Object> job = ((List<Map<String, Object>>) config("prometheus-k8s.yml").get("scrape_configs")).get(0);
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
                    .contains("prometheus.io/scrape: \"true\"").contains("prometheus.io/path: /actuator/prometheus");
        }
    }

    @ParameterizedTest
    @FieldSource("CONFIGS")
    void promtoolAcceptsTheConfigurationAndItsRules(String file) {
        Promtool.Result result = Promtool.run(Observability.DIR, "check", "config", file);

        assumeFalse(!result.ok() && result.output().contains("field kubernetes_sd_configs not found"),
                "this promtool is built without Kubernetes service discovery (Debian's is): " + result.output());
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS: 1 rule files found");
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
