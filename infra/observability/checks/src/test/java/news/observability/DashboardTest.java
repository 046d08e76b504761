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
    void everyDashboardIsWellFormedAndEveryPanelQueriesTheDataSourceVariableAndHonoursTheServiceVariable() {
        assertThat(Observability.dashboards()).isNotEmpty();
        Set<String> uids = new HashSet<>();
        for (Path file : Observability.dashboards()) {
            JsonNode dashboard = Observability.json(file);
            assertThat(uids.add(dashboard.path("uid").asString())).as("unique uid " + file).isTrue();
            assertThat(dashboard.path("title").asString()).isNotBlank();
            Map<String, JsonNode> variables = new java.util.LinkedHashMap<>();
            dashboard.path("templating").path("list").forEach(v -> variables.put(v.path("name").asString(), v));
            assertThat(variables.get("datasource")).as("a data source variable, so the dashboard works with any"
                    + " Prometheus data source").isNotNull();
            assertThat(variables.get("datasource").path("type").asString()).isEqualTo("datasource");
            assertThat(variables.get("datasource").path("query").asString()).isEqualTo("prometheus");
            assertThat(variables.get("application").path("datasource").path("uid").asString()).isEqualTo("${datasource}");
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as("unique panel id in " + file).isTrue();
                if (panel.path("type").asString().equals("row")) {
                    continue;
                }
                String title = panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo("${datasource}");
                assertThat(panel.path("targets")).as(title).isNotEmpty();
                panel.path("targets").forEach(target -> {
                    assertThat(target.path("expr").asString()).as(title).isNotBlank().contains("$application");
                    assertThat(target.path("datasource").path("uid").asString()).as(title).isEqualTo("${datasource}");
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
