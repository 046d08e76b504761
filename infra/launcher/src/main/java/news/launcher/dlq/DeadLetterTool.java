package news.launcher.dlq;

import java.util.List;

import news.launcher.UsageException;

/**
 * The dead-letter command on its own, for an operations host that reaches a production cluster:
 * <pre>
 * java -cp infra/launcher/target/launcher.jar news.launcher.dlq.DeadLetterTool \
 *     --bootstrap-server news-kafka-kafka-bootstrap:9093 --command-config dlq-replay.properties list
 * </pre>
 * ({@code launcher.jar} finds its libraries in {@code lib/} beside it; copy both.) Without {@code --bootstrap-server},
 * {@code KAFKA_BOOTSTRAP_SERVERS} is used. Exit codes as {@link DeadLetterCommand}.
 */
public final class DeadLetterTool {

    private DeadLetterTool() {
    }

    public static void main(String[] args) {
        int code;
        try {
            String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
            code = DeadLetterCommand.run(List.of(args), bootstrap, System.out);
        } catch (UsageException e) {
            System.err.println(e.getMessage());
            System.err.print(DeadLetterCommand.USAGE);
            code = 2;
        } catch (RuntimeException e) {
            System.err.println("dlq: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }
}
