package news.contracts;

/**
 * An event type carried on a topic and the file name of its payload schema under {@code contracts/schemas}.
 */
public record EventSpec(String type, String schema) {
}
