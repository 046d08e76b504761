package news.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;

/** SnakeYAML with YAML merge keys ({@code <<: *anchor}) and dotted-path access for the checks. */
final class Yaml {

    private Yaml() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document instanceof Map<?, ?> map) {
                documents.add((Map<String, Object>) map);
            }
        }
        return documents;
    }

    static List<Map<String, Object>> documents(Path file) {
        try {
            return documents(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> document(Path file) {
        List<Map<String, Object>> documents = documents(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    /** The value at a dotted path ({@code spec.template.spec}); null when any step is missing. */
    static Object at(Object root, String path) {
        Object current = root;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String path) {
        Object value = at(root, path);
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object root, String path) {
        Object value = at(root, path);
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object root, String path) {
        return list(root, path).stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    static String string(Object root, String path) {
        Object value = at(root, path);
        return value == null ? null : value.toString();
    }

    private static org.yaml.snakeyaml.Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(200);
        return new org.yaml.snakeyaml.Yaml(options);
    }
}
