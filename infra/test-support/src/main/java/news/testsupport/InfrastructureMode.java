package news.testsupport;

/** Where integration tests get their broker and store from. */
public enum InfrastructureMode {

    /** Follow the {@code news.test.infra} system property ({@code embedded} unless set). */
    DEFAULT,

    /** An in-process KRaft broker and the in-process mongo-java-server: needs only a JDK. */
    EMBEDDED,

    /** {@code apache/kafka} and {@code mongo} images through Testcontainers: needs Docker, skipped without it. */
    CONTAINERS;

    public static final String PROPERTY = "news.test.infra";

    InfrastructureMode resolve() {
        if (this != DEFAULT) {
            return this;
        }
        String value = System.getProperty(PROPERTY, "embedded").trim();
        return switch (value.isEmpty() ? "embedded" : value) {
            case "embedded" -> EMBEDDED;
            case "containers" -> CONTAINERS;
            default -> throw new IllegalArgumentException(
                    "-D" + PROPERTY + "=" + value + " is not a mode: use embedded or containers");
        };
    }
}
