package news.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

import news.testsupport.RepositoryFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The files of {@code infra/observability} and of the repository the checks read. */
final class Observability {

    static final Path ROOT = RepositoryFiles.root();
    static final Path DIR = ROOT.resolve("infra/observability");
    static final Path ALERTS = DIR.resolve("alerts.yml");
    static final Path ALERT_TESTS = DIR.resolve("alerts-test.yml");
    static final Path GRAFANA = DIR.resolve("grafana");
    static final Path DASHBOARDS = GRAFANA.resolve("dashboards");
    static final Path OPERATIONS = ROOT.resolve("docs/operations.md");
    static final List<String> SERVICES = List.of("article-service", "comment-service", "ranking-service", "gateway");
    static final List<String> PROMETHEUS_CONFIGS = List.of("prometheus.yml", "prometheus-local.yml",
            "prometheus-k8s.yml");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Observability() {
    }

    static String read(Path path) {
        return RepositoryFiles.read(path);
    }

    static Map<String, Object> yaml(Path path) {
        return new Yaml().load(read(path));
    }

    static JsonNode json(Path path) {
        return JSON.readTree(read(path));
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return (T) current;
    }

    /** The dashboards provisioned from grafana/dashboards. */
    static List<Path> dashboards() {
        try (var files = Files.list(DASHBOARDS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every PromQL query of a dashboard: the panels' targets and the query variables. */
    static List<String> queries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asString());
            }
            for (JsonNode nested : panel.path("panels")) {
                nested.path("targets").forEach(target -> queries.add(target.path("expr").asString()));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asString().equals("query")) {
                JsonNode query = variable.path("query");
                queries.add(query.isObject() ? query.path("query").asString() : query.asString());
            }
        }
        return queries;
    }

    /** Every recording rule of alerts.yml: the series Prometheus records itself, by name. */
    @SuppressWarnings("unchecked")
    static Map<String, List<Map<String, Object>>> recordingRules() {
        Map<String, List<Map<String, Object>>> records = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(ALERTS).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("record")) {
                    records.computeIfAbsent(String.valueOf(rule.get("record")), r -> new ArrayList<>()).add(rule);
                }
            }
        }
        return records;
    }

    /** Every alert rule of alerts.yml, as {@code name -> rule}. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> alerts() {
        Map<String, Map<String, Object>> alerts = new java.util.LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(ALERTS).get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                if (rule.containsKey("alert")) {
                    alerts.put(String.valueOf(rule.get("alert")), rule);
                }
            }
        }
        return alerts;
    }

    /** metrics.yaml: the metric names each service must export ({@code every-service} for all of them). */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> manifest() {
        return (Map<String, List<String>>) yaml(DIR.resolve("metrics.yaml")).get("services");
    }

    /** metrics.yaml: the metric names each exporter job of the infrastructure exports. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> exporters() {
        return (Map<String, List<String>>) yaml(DIR.resolve("metrics.yaml")).get("exporters");
    }

    /** Every name metrics.yaml lists, the services' and the exporters'. */
    static Set<String> manifestNames() {
        Set<String> names = new LinkedHashSet<>();
        manifest().values().forEach(names::addAll);
        exporters().values().forEach(names::addAll);
        return names;
    }

    static Set<String> exporterNames() {
        Set<String> names = new LinkedHashSet<>();
        exporters().values().forEach(names::addAll);
        return names;
    }
}
