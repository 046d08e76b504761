package news.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * requires of a service: the names its dashboards and alert rules query. Shared by the services' observability tests
 * (run from a service module's folder, next to {@code infra/}).
 */
public record Scrape(List<Sample> samples) {

    /** One sample; {@code value} is NaN when the text holds no number. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Reads a scrape, after keeping its text in {@code target/prometheus/<service>.txt} for a look after the run. */
    public static Scrape kept(String service, String body) throws IOException {
        Path dump = Path.of("target", "prometheus", service + ".txt");
        Files.createDirectories(dump.getParent());
        Files.writeString(dump, body, StandardCharsets.UTF_8);
        return of(body);
    }

    public static Scrape of(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            boolean labelled = brace >= 0 && brace < space;
            int end = labelled ? line.lastIndexOf('}') + 1 : space;
            Map<String, String> labels = new LinkedHashMap<>();
            if (labelled) {
                Matcher matcher = LABEL.matcher(line.substring(brace, end));
                while (matcher.find()) {
                    labels.put(matcher.group(1), matcher.group(2));
                }
            }
            samples.add(new Sample(line.substring(0, labelled ? brace : space), labels, value(line.substring(end))));
        }
        return new Scrape(samples);
    }

    /** The sample's value: the first field after the name and labels (an optional timestamp follows). */
    private static double value(String rest) {
        String[] fields = rest.trim().split("\\s+");
        try {
            return Double.parseDouble(fields[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * The series {@code known-series} of infra/observability/metrics.yaml lists for this service, as written there:
     * {@code name} or {@code name{label="value",...}}: each must exist from start-up, at 0 until its first event.
     */
    @SuppressWarnings("unchecked")
    public static List<String> knownAtStartUp(String service) {
        Path manifest = Path.of("..", "infra", "observability", "metrics.yaml");
        try (InputStream in = Files.newInputStream(manifest)) {
            Map<String, Object> known = (Map<String, Object>) new Yaml().<Map<String, Object>>load(in).get("known-series");
            return ((List<Object>) known.getOrDefault(service, List.of())).stream().map(String::valueOf).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + manifest.toAbsolutePath(), e);
        }
    }

    /** True when a sample has the name and at least the labels of {@code series} ({@code name{label="value",...}}). */
    public boolean has(String series) {
        Sample wanted = of(series + " 0").samples().get(0);
        return samples.stream().anyMatch(s -> s.name().equals(wanted.name())
                && s.labels().entrySet().containsAll(wanted.labels().entrySet()));
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
