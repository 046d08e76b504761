package news.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every metric the dashboards and alerts use is one the services export: it is listed in metrics.yaml under a
 * service, and each service's tests require every name listed for it in its live scrape after its flows ran
 * (ObservabilityTest of article-service, comment-service, ranking-service and gateway). Checking the names here
 * against the manifest, and the manifest there against the running services, costs no extra service start.
 */
class MetricsManifestTest {

    /** Series Prometheus makes itself. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Test
    void theManifestNamesEveryServiceAndOnlyPrometheusSampleNames() {
        assertThat(Observability.manifest().keySet()).containsExactlyInAnyOrder("every-service", "article-service",
                "comment-service", "ranking-service", "gateway");
        assertThat(Observability.manifestNames()).allSatisfy(name -> assertThat(name).matches("[a-z_:][a-z0-9_:]*"));
    }

    @Test
    void theExportersOfTheInfrastructureAreNamedByTheirScrapeJobs() {
        assertThat(Observability.exporters().keySet()).containsExactlyInAnyOrder("kafka-exporter", "kafka",
                "mongodb-exporter");
        assertThat(Observability.exporterNames()).doesNotContainAnyElementsOf(Observability.manifest().values().stream()
                .flatMap(java.util.List::stream).toList());
    }

    @Test
    void everyMetricADashboardOrAnAlertUsesIsOneTheServicesOrExportersExportOrARuleRecords() {
        Map<String, Set<String>> used = used();
        Set<String> exported = Observability.manifestNames();
        Set<String> recorded = Observability.recordingRules().keySet();

        used.forEach((where, metrics) -> assertThat(metrics).as(where)
                .allSatisfy(metric -> assertThat(PROMETHEUS_OWN.contains(metric) || exported.contains(metric)
                        || recorded.contains(metric))
                        .as("%s uses %s, which no service or exporter is known to export (infra/observability/metrics.yaml)"
                                + " and no rule of alerts.yml records", where, metric).isTrue()));
    }

    @Test
    void recordedSeriesFollowTheLevelMetricOperationsNamingAndAreUsed() {
        Set<String> all = new LinkedHashSet<>();
        used().values().forEach(all::addAll);
        assertThat(Observability.recordingRules().keySet()).allSatisfy(name -> {
            assertThat(name).matches("[a-z_]+:[a-z_]+(:[a-z0-9_]+)?");
            assertThat(all).as(name + " is used by an alert or a panel").contains(name);
        });
    }

    @Test
    void everyMetricOfTheManifestIsUsedByADashboardOrAnAlert() {
        Set<String> all = new LinkedHashSet<>();
        used().values().forEach(all::addAll);

        assertThat(all).containsAll(Observability.manifestNames());
    }

    @Test
    void docsOperationsExplainsEveryMetricAndEveryAlert() {
        String operations = Observability.read(Observability.OPERATIONS);

        for (String name : Observability.manifestNames()) {
            String family = name.replaceAll("_(bucket|count|sum)$", "");
            assertThat(operations).as("docs/operations.md explains %s", family).contains("`" + family);
        }
        for (String alert : Observability.alerts().keySet()) {
            assertThat(operations).as("docs/operations.md has a runbook for %s", alert).contains("### " + alert);
        }
    }

    /** The metrics each dashboard query and each alert expression reads, by where they are used. */
    private static Map<String, Set<String>> used() {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        for (Path dashboard : Observability.dashboards()) {
            List<String> queries = Observability.queries(Observability.json(dashboard));
            for (int i = 0; i < queries.size(); i++) {
                used.put(dashboard.getFileName() + " query " + (i + 1) + ": " + queries.get(i),
                        PromQl.metrics(queries.get(i)));
            }
        }
        Observability.alerts().forEach((name, rule) ->
                used.put("alert " + name, PromQl.metrics(String.valueOf(rule.get("expr")))));
        Observability.recordingRules().forEach((name, rules) -> {
            for (int i = 0; i < rules.size(); i++) {
                used.put("recording rule " + name + " #" + (i + 1), PromQl.metrics(String.valueOf(rules.get(i).get("expr"))));
            }
        });
        return used;
    }
}
