package news.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Alertmanager everywhere the platform runs: alertmanager.yml (compose, Kubernetes) and alertmanager-local.yml (the
 * local runtime) are valid for amtool, route pages and tickets to their receivers grouped by alert and service, and
 * every Prometheus configuration sends its alerts to the Alertmanager of its variant.
 */
class AlertmanagerConfigTest {

    @ParameterizedTest
    @ValueSource(strings = {"alertmanager.yml", "alertmanager-local.yml"})
    void amtoolAcceptsTheConfiguration(String file) {
        Promtool.Result result = Amtool.run(Observability.DIR, "check-config", file);

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("SUCCESS").contains("2 receivers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alertmanager.yml", "alertmanager-local.yml"})
    @SuppressWarnings("unchecked")
    void pagesGoOnCallAndTicketsToTheTicketQueueGroupedByAlertAndService(String file) {
        assertThat(route(file, "severity=page", "service=ranking-service", "alertname=NewsServiceDown")).isEqualTo("on-call");
        assertThat(route(file, "severity=ticket", "service=gateway", "alertname=NewsPagesDegraded")).isEqualTo("tickets");
        assertThat(route(file, "alertname=Unlabelled")).as("anything else is a ticket").isEqualTo("tickets");
        Map<String, Object> config = Observability.yaml(Observability.DIR.resolve(file));
        assertThat((List<String>) Observability.at(config, "route", "group_by")).containsExactly("alertname", "service");
    }

    @Test
    void everyAlertCarriesTheLabelsTheRoutingTreeMatches() {
        Observability.alerts().forEach((name, rule) -> {
            assertThat((String) Observability.at(rule, "labels", "severity")).as(name).isIn("page", "ticket");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPrometheusSendsItsAlertsToTheAlertmanagerOfItsVariant() {
        Map<String, String> expected = Map.of("prometheus.yml", "alertmanager:9093", "prometheus-k8s.yml", "alertmanager:9093",
                "prometheus-local.yml", "localhost:9095");
        expected.forEach((file, target) -> {
            Map<String, Object> config = Observability.yaml(Observability.DIR.resolve(file));
            List<Map<String, Object>> managers = Observability.at(config, "alerting", "alertmanagers");
            assertThat(String.valueOf(managers)).as(file).contains(target);
        });
        String local = Observability.read(Observability.DIR.resolve("alertmanager-local.yml"));
        assertThat(local).contains("http://127.0.0.1:9096/page", "http://127.0.0.1:9096/ticket");
    }

    /** The receiver amtool's routing test picks for an alert with these labels. */
    private static String route(String file, String... labels) {
        List<String> arguments = new java.util.ArrayList<>(List.of("config", "routes", "test", "--config.file=" + file));
        arguments.addAll(List.of(labels));
        Promtool.Result result = Amtool.run(Observability.DIR, arguments.toArray(String[]::new));
        assertThat(result.ok()).as(result.output()).isTrue();
        return result.output().lines().filter(l -> !l.isBlank() && !l.startsWith("Warning:")).findFirst().orElse("").trim();
    }
}
