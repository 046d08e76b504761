package news.systemtests;

/**
 * Short (default {@code ./mvnw verify}) or long ({@code -Psystem-long}, which sets {@code news.system.suite=long}):
 * the same tests with bigger counts and longer faults, plus the soak.
 */
final class Suite {

    static final boolean LONG = "long".equals(System.getProperty("news.system.suite"));
    static final String NAME = LONG ? "long" : "short";

    private Suite() {
    }

    static int pick(int shortValue, int longValue) {
        return LONG ? longValue : shortValue;
    }
}
