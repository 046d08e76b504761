package news.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * A {@code /actuator/prometheus} page read as samples, and the metrics {@code infra/observability/metrics.yaml}
 * requires of a service: the names its dashboards and alert rules query.
 */
public record Scrape(List<Sample> samples) {

    public record Sample(String name, Map<String, String> labels) {
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static Scrape of(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            String name = line.substring(0, brace >= 0 && brace < space ? brace : space);
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0 && brace < space) {
                Matcher matcher = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
                while (matcher.find()) {
                    labels.put(matcher.group(1), matcher.group(2));
                }
            }
            samples.add(new Sample(name, labels));
        }
        return new Scrape(samples);
    }

    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** The sample names infra/observability/metrics.yaml lists for this service and for every service. */
    @SuppressWarnings("unchecked")
    public static List<String> required(String service) {
        Path manifest = Path.of("..", "infra", "observability", "metrics.yaml");
        try (InputStream in = Files.newInputStream(manifest)) {
            Map<String, Object> services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("services");
            List<String> required = new ArrayList<>();
            for (String key : List.of("every-service", service)) {
                for (Object entry : (List<Object>) services.get(key)) {
                    required.add(entry instanceof Map<?, ?> metric ? String.valueOf(metric.get("name")) : String.valueOf(entry));
                }
            }
            return required;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + manifest.toAbsolutePath(), e);
        }
    }
}
