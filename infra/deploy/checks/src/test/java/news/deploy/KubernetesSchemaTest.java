package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rendered resource of every kustomization is valid against the schema of its kind (built-in kinds: Kubernetes
 * 1.30 API; Strimzi 1.0.1, Prometheus Operator v0.89.0 and MongoDB Controllers for Kubernetes 1.10.0 for the custom
 * ones), unknown fields refused; what {@code kubeconform -strict} would check, with no cluster and no download.
 * Rendering needs kubectl or kustomize (KubernetesManifestsTest says which); without one this is skipped.
 */
class KubernetesSchemaTest {

    private static final KubernetesSchemas SCHEMAS = KubernetesSchemas.load();

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local", "overlays/production"})
    void everyResourceIsValidAgainstTheSchemaOfItsKind(String overlay) {
        Manifests manifests = KubernetesManifestsTest.rendered(overlay);
        Map<String, List<String>> invalid = new LinkedHashMap<>();
        int checked = 0;
        for (Map<String, Object> resource : manifests.resources()) {
            List<String> errors = SCHEMAS.validate(resource);
            if (!errors.isEmpty()) {
                invalid.put(resource.get("kind") + " " + Yaml.at(resource, "metadata.name"), errors);
            }
            checked++;
        }
        assertThat(invalid).as("%s: %d resources checked", overlay, checked).isEmpty();
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void theSchemasRefuseAnUnknownFieldAWrongTypeAndAnUnknownKind() {
        Manifests production = KubernetesManifestsTest.rendered("overlays/production");
        Map<String, Object> deployment = copy(production.get("Deployment", "gateway"));
        Map<String, Object> container = Manifests.container(deployment, "gateway");
        container.put("livenessProbes", container.get("livenessProbe"));
        assertThat(SCHEMAS.validate(deployment)).anyMatch(e -> e.contains("livenessProbes"));

        Map<String, Object> kafka = copy(production.get("Kafka", "news-kafka"));
        Yaml.map(kafka, "spec.kafka").put("metricConfig", Yaml.map(kafka, "spec.kafka.metricsConfig"));
        assertThat(SCHEMAS.validate(kafka)).anyMatch(e -> e.contains("metricConfig"));

        Map<String, Object> hpa = copy(production.ofKind("HorizontalPodAutoscaler").get(0));
        Yaml.map(hpa, "spec").put("minReplicas", "three");
        assertThat(SCHEMAS.validate(hpa)).anyMatch(e -> e.contains("minReplicas"));

        Map<String, Object> resources = copy(production.get("Deployment", "gateway"));
        Yaml.map(Manifests.container(resources, "gateway"), "resources.requests").put("memory", List.of("1Gi"));
        assertThat(SCHEMAS.validate(resources)).isNotEmpty();

        Map<String, Object> old = copy(production.get("KafkaNodePool", "dual-role"));
        old.put("apiVersion", "kafka.strimzi.io/v1beta2");
        assertThat(SCHEMAS.validate(old)).containsExactly("no schema for kafka.strimzi.io/v1beta2 KafkaNodePool");
    }

    /** A deep copy, so that a broken resource leaves the shared rendering alone. */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return value;
    }
}
