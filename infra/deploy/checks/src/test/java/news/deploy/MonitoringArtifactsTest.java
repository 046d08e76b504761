package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The Kubernetes monitoring carries exactly the alert rules and Alertmanager routing of infra/observability, and its
 * PodMonitors scrape what the other Prometheus variants scrape, under the same job names.
 */
class MonitoringArtifactsTest {

    private static final boolean REGENERATE = Boolean.getBoolean("news.deploy.regenerate");

    @Test
    void thePrometheusRuleIsTheAlertRulesOfInfraObservability() throws IOException {
        assertGenerated(MonitoringArtifacts.PROMETHEUS_RULE, MonitoringArtifacts.prometheusRule());
        Map<String, Object> rule = Yaml.document(Repository.DEPLOY.resolve(MonitoringArtifacts.PROMETHEUS_RULE));
        Map<String, Object> alerts = Yaml.document(MonitoringArtifacts.OBSERVABILITY.resolve("alerts.yml"));
        assertThat(Yaml.list(rule, "spec.groups")).isEqualTo(Yaml.list(alerts, "groups"));
    }

    @Test
    void theAlertmanagerConfigurationIsTheRoutingOfInfraObservability() throws IOException {
        assertGenerated(MonitoringArtifacts.ALERTMANAGER, MonitoringArtifacts.alertmanager());
    }

    @Test
    void podMonitorsScrapeTheServicesManagementPortsAndTheExportersUnderTheJobNamesOfTheAlerts() {
        List<Map<String, Object>> monitors = Yaml.documents(Repository.K8S.resolve("monitoring/podmonitors.yaml"));
        Map<String, Object> services = byName(monitors, "news-services");
        assertThat(Yaml.string(services, "spec.jobLabel")).isEqualTo("app.kubernetes.io/name");
        Map<String, Object> expression = Yaml.maps(services, "spec.selector.matchExpressions").get(0);
        assertThat(Yaml.list(expression, "values")).containsExactlyInAnyOrderElementsOf(
                ServiceConfig.all().stream().map(ServiceConfig::name).toList());
        Map<String, Object> endpoint = Yaml.maps(services, "spec.podMetricsEndpoints").get(0);
        assertThat(endpoint).containsEntry("port", "management").containsEntry("path", "/actuator/prometheus");
        for (String job : List.of("kafka", "kafka-exporter")) {
            Map<String, Object> relabel = Yaml.maps(Yaml.maps(byName(monitors, job), "spec.podMetricsEndpoints").get(0),
                    "relabelings").get(0);
            assertThat(relabel).containsEntry("targetLabel", "job").containsEntry("replacement", job);
        }
        assertThat(Yaml.string(byName(monitors, "mongodb-exporter"), "spec.jobLabel")).isEqualTo("app.kubernetes.io/name");
    }

    private static Map<String, Object> byName(List<Map<String, Object>> resources, String name) {
        return resources.stream().filter(r -> name.equals(Yaml.at(r, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no PodMonitor " + name));
    }

    private static void assertGenerated(String relative, String expected) throws IOException {
        Path file = Repository.DEPLOY.resolve(relative);
        if (REGENERATE) {
            Files.writeString(file, expected);
        }
        assertThat(file).as("%s is missing or stale: run %s", file, MonitoringArtifacts.REGENERATE).exists();
        assertThat(Files.readString(file)).as("%s is stale: run %s", relative, MonitoringArtifacts.REGENERATE)
                .isEqualTo(expected);
    }
}
