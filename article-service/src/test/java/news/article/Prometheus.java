package news.article;

import java.util.Map;

import news.testsupport.TestHttp;

/** Reads one sample from the service's {@code /actuator/prometheus}. */
final class Prometheus {

    private Prometheus() {
    }

    /** The value of the sample with this name whose labels include all of {@code labels}; 0 when there is none. */
    static double value(TestHttp actuator, String name, Map<String, String> labels) {
        String body = actuator.get("/actuator/prometheus").body();
        double sum = 0;
        for (String line : body.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = labels.entrySet().stream()
                    .allMatch(e -> line.contains(e.getKey() + "=\"" + e.getValue() + "\""));
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
