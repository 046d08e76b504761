package news.systemtests;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a service's {@code /actuator/prometheus} page: the sum of a metric's samples whose labels match. */
final class Metrics {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Metrics(List<Sample> samples) {
        this.samples = samples;
    }

    static Metrics of(SystemStack.Service service) {
        Api.Answer answer = Api.get(service.url("/actuator/prometheus"));
        if (answer.status() != 200) {
            throw new IllegalStateException(service.name + " /actuator/prometheus: " + answer);
        }
        return parse(answer.body());
    }

    static Metrics parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name;
            Map<String, String> labels = new LinkedHashMap<>();
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                String body = line.substring(brace + 1, line.lastIndexOf('}'));
                for (String pair : body.split(",(?=[a-zA-Z_]+=\")")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        labels.put(pair.substring(0, eq), pair.substring(eq + 2, pair.length() - 1));
                    }
                }
            } else {
                name = line.substring(0, space);
            }
            try {
                samples.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1))));
            } catch (NumberFormatException ignored) {
                // a sample with a timestamp or an odd value: not one the tests read
            }
        }
        return new Metrics(samples);
    }

    /** Sum over the samples of {@code name} whose labels include {@code labels} (pairs of name, value). */
    double sum(String name, String... labels) {
        double sum = 0;
        for (Sample s : samples) {
            if (s.name.equals(name) && matches(s.labels, labels)) {
                sum += s.value;
            }
        }
        return sum;
    }

    List<Sample> all(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).toList();
    }

    private static boolean matches(Map<String, String> actual, String... wanted) {
        for (int i = 0; i < wanted.length; i += 2) {
            if (!wanted[i + 1].equals(actual.get(wanted[i]))) {
                return false;
            }
        }
        return true;
    }
}
