package news.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * Grafana gets its data source and the dashboards from grafana/provisioning (compose mounts infra/observability/grafana
 * at /etc/news/grafana); each dashboard is well formed and every query is valid PromQL (promtool).
 */
class DashboardTest {

    private static final String MOUNT = "/etc/news/grafana";

    @Test
    @SuppressWarnings("unchecked")
    void theProvisioningPointsAtThePrometheusOfTheStackAndAtTheDashboardsFolder() {
        Map<String, Object> datasources = Observability.yaml(Observability.GRAFANA.resolve(
                "provisioning/datasources/prometheus.yml"));
        Map<String, Object> prometheus = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        assertThat(prometheus).containsEntry("uid", "prometheus").containsEntry("type", "prometheus")
                .containsEntry("url", "http://prometheus:9090");

        Map<String, Object> providers = Observability.yaml(Observability.GRAFANA.resolve(
                "provisioning/dashboards/news-platform.yml"));
        String path = Observability.at(((List<Map<String, Object>>) providers.get("providers")).get(0), "options", "path");
        assertThat(path).isEqualTo(MOUNT + "/dashboards");
        assertThat(Observability.GRAFANA.resolve(path.substring(MOUNT.length() + 1))).isDirectory();
        assertThat(Observability.read(Observability.ROOT.resolve("infra/deploy/compose.yaml")))
                .contains("../observability/grafana:" + MOUNT + ":ro", "GF_PATHS_PROVISIONING: " + MOUNT + "/provisioning");
    }

    @Test
    void everyDashboardIsWellFormedAndQueriesTheProvisionedDataSource() {
        assertThat(Observability.dashboards()).isNotEmpty();
        Set<String> uids = new HashSet<>();
        for (Path file : Observability.dashboards()) {
            JsonNode dashboard = Observability.json(file);
            assertThat(uids.add(dashboard.path("uid").asString())).as("unique uid " + file).isTrue();
            assertThat(dashboard.path("title").asString()).isNotBlank();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as("unique panel id in " + file).isTrue();
                if (panel.path("type").asString().equals("row")) {
                    continue;
                }
                assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
                        .isEqualTo("prometheus");
                assertThat(panel.path("targets")).as(panel.path("title").asString()).isNotEmpty();
                panel.path("targets").forEach(target -> {
                    assertThat(target.path("expr").asString()).as(panel.path("title").asString()).isNotBlank();
                    assertThat(target.path("datasource").path("uid").asString()).isEqualTo("prometheus");
                });
            }
        }
    }

    @Test
    void everyQueryIsValidPromQl(@TempDir Path dir) throws IOException {
        Promtool.assumeInstalled();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (Path file : Observability.dashboards()) {
            for (String query : Observability.queries(Observability.json(file))) {
                if (query.startsWith("label_values(")) {
                    continue;
                }
                String promql = query.replace("$__rate_interval", "5m").replace("$__range", "1h")
                        .replace("$__interval", "1m").replace("$application", ".*");
                rules.append("      - record: dashboard:query_").append(++n).append("\n        expr: '")
                        .append(promql.replace("'", "''")).append("'\n");
            }
        }
        Files.writeString(dir.resolve("queries.yml"), rules);

        Promtool.Result result = Promtool.run(dir, "check", "rules", "queries.yml");

        assertThat(result.ok()).as(result.output() + "\n" + rules).isTrue();
        assertThat(result.output()).contains("SUCCESS: " + n + " rules found");
    }
}
