package news.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rendered resources of one kustomization, with the look-ups the checks need. */
record Manifests(String name, List<Map<String, Object>> resources) {

    static Manifests render(String relative) {
        return new Manifests(relative, Kustomize.render(Repository.K8S.resolve(relative)));
    }

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(Yaml.at(r, "metadata.name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(this.name + " has no " + kind + " " + name));
    }

    /** The Deployment or StatefulSet of that name. */
    Optional<Map<String, Object>> workload(String name) {
        return find("Deployment", name).or(() -> find("StatefulSet", name));
    }

    static Map<String, Object> container(Map<String, Object> workload, String name) {
        return Yaml.maps(workload, "spec.template.spec.containers").stream()
                .filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name + " in " + Yaml.at(workload, "metadata.name")));
    }

    static Map<String, Object> podLabels(Map<String, Object> workload) {
        return Yaml.map(workload, "spec.template.metadata.labels");
    }

    /** True when every label of the selector is on the pods. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
    }

    /** The Services whose selector picks the workload's pods. */
    List<Map<String, Object>> servicesOf(Map<String, Object> workload) {
        Map<String, Object> labels = podLabels(workload);
        return ofKind("Service").stream().filter(s -> selects(Yaml.map(s, "spec.selector"), labels)).toList();
    }

    /** The value a container sees for an env var: a literal, or the key of a ConfigMap of these resources. */
    Optional<String> envValue(Map<String, Object> container, String variable) {
        for (Map<String, Object> env : Yaml.maps(container, "env")) {
            if (!variable.equals(env.get("name"))) {
                continue;
            }
            if (env.containsKey("value")) {
                return Optional.of(String.valueOf(env.get("value")));
            }
            String configMap = Yaml.string(env, "valueFrom.configMapKeyRef.name");
            String key = Yaml.string(env, "valueFrom.configMapKeyRef.key");
            if (configMap != null) {
                return Optional.ofNullable(Yaml.string(get("ConfigMap", configMap), "data." + key));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    static List<String> envNames(Map<String, Object> container) {
        return Yaml.maps(container, "env").stream().map(e -> String.valueOf(e.get("name"))).toList();
    }

    static Optional<Map<String, Object>> env(Map<String, Object> container, String variable) {
        return Yaml.maps(container, "env").stream().filter(e -> variable.equals(e.get("name"))).findFirst();
    }

    /** Every {@code ${NAME}} placeholder in the files of the ConfigMaps mounted into the container. */
    Set<String> placeholdersInMountedConfig(Map<String, Object> workload, Map<String, Object> container) {
        Set<String> names = new LinkedHashSet<>();
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        for (String configMap : mountedConfigMaps(workload, container)) {
            // a ConfigMap made outside these manifests (a CA bundle) holds no Spring configuration
            find("ConfigMap", configMap).map(c -> Yaml.map(c, "data")).orElse(Map.of()).values().forEach(text -> {
                Matcher m = placeholder.matcher(String.valueOf(text));
                while (m.find()) {
                    names.add(m.group(1));
                }
            });
        }
        return names;
    }

    static List<String> mountedConfigMaps(Map<String, Object> workload, Map<String, Object> container) {
        List<String> mounted = new ArrayList<>();
        Set<Object> mountNames = new LinkedHashSet<>();
        Yaml.maps(container, "volumeMounts").forEach(m -> mountNames.add(m.get("name")));
        for (Map<String, Object> volume : Yaml.maps(workload, "spec.template.spec.volumes")) {
            if (mountNames.contains(volume.get("name")) && Yaml.at(volume, "configMap.name") != null) {
                mounted.add(Yaml.string(volume, "configMap.name"));
            }
        }
        return mounted;
    }

    static Optional<String> mountPathOf(Map<String, Object> container, String volume) {
        return Yaml.maps(container, "volumeMounts").stream().filter(m -> volume.equals(m.get("name")))
                .map(m -> String.valueOf(m.get("mountPath"))).findFirst();
    }
}
