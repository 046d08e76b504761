package news.systemtests;

import java.util.List;
import java.util.Map;

import news.testsupport.Scrape;
import news.testsupport.Scrape.Sample;

/** Reads a service's {@code /actuator/prometheus} page: the sum of a metric's samples whose labels match. */
final class Metrics {

    private final List<Sample> samples;

    private Metrics(List<Sample> samples) {
        this.samples = samples;
    }

    static Metrics of(SystemStack.Service service) {
        Api.Answer answer = Api.get(service.managementUrl("/actuator/prometheus"));
        if (answer.status() != 200) {
            throw new IllegalStateException(service.name + " /actuator/prometheus: " + answer);
        }
        return parse(answer.body());
    }

    static Metrics parse(String text) {
        // samples without a number are none the tests read
        return new Metrics(Scrape.of(text).samples().stream().filter(s -> !Double.isNaN(s.value())).toList());
    }

    /** Sum over the samples of {@code name} whose labels include {@code labels} (pairs of name, value). */
    double sum(String name, String... labels) {
        double sum = 0;
        for (Sample s : samples) {
            if (s.name().equals(name) && matches(s.labels(), labels)) {
                sum += s.value();
            }
        }
        return sum;
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
