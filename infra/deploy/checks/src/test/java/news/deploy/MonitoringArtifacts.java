package news.deploy;

import java.nio.file.Path;

/**
 * The monitoring resources of {@code infra/deploy/k8s/monitoring} generated from {@code infra/observability}, where the
 * alert rules and the Alertmanager routing are written once: Kustomize reads only files inside its folder, so the
 * folder keeps copies, and {@link MonitoringArtifactsTest} fails when one is stale. Regenerate with {@link #REGENERATE}.
 */
final class MonitoringArtifacts {

    static final String PROMETHEUS_RULE = "k8s/monitoring/prometheus-rule.yaml";
    static final String ALERTMANAGER = "k8s/monitoring/alertmanager.yml";
    static final Path OBSERVABILITY = Repository.ROOT.resolve("infra/observability");
    static final String REGENERATE = TopicArtifacts.REGENERATE;

    private static final String GENERATED = "# GENERATED from infra/observability/%s by infra/deploy/checks (MonitoringArtifacts);"
            + " do not edit:\n#   " + REGENERATE + "\n";

    private MonitoringArtifacts() {
    }

    /** alerts.yml as the Prometheus Operator's PrometheusRule: its {@code groups} under {@code spec}, unchanged. */
    static String prometheusRule() {
        String alerts = Repository.read(OBSERVABILITY.resolve("alerts.yml"));
        String groups = alerts.substring(alerts.indexOf("\ngroups:") + 1);
        StringBuilder out = new StringBuilder(String.format(GENERATED, "alerts.yml"))
                .append("apiVersion: monitoring.coreos.com/v1\n")
                .append("kind: PrometheusRule\n")
                .append("metadata:\n")
                .append("  name: news-platform\n")
                .append("spec:\n");
        groups.lines().forEach(line -> out.append(line.isEmpty() ? "" : "  " + line).append('\n'));
        return out.toString();
    }

    /** alertmanager.yml as it is. */
    static String alertmanager() {
        return String.format(GENERATED, "alertmanager.yml") + Repository.read(OBSERVABILITY.resolve("alertmanager.yml"));
    }
}
