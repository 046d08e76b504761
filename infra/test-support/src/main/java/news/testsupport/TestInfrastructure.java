package news.testsupport;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import news.contracts.TopicCatalog;
import news.launcher.Topics;

/**
 * The broker and store shared by all integration tests of one JVM, started on first use and stopped when the JVM
 * ends. Every topic of the contract's topic list exists before the first test runs.
 */
public final class TestInfrastructure {

    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    public static final String MONGO_IMAGE = "mongo:8.0";

    private static final Supplier<Boolean> DOCKER = once(() -> {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    });
    private static final Supplier<String> EMBEDDED_KAFKA = once(() -> {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "auto.create.topics.enable", "false",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        Topics.ensure(broker.getBrokersAsString(), TopicCatalog.load(), (short) 1);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
        return broker.getBrokersAsString();
    });
    private static final Supplier<String> EMBEDDED_MONGO = once(() -> {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
    });
    private static final Supplier<KafkaContainer> KAFKA_CONTAINER = once(() -> {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        Topics.ensure(container.getBootstrapServers(), TopicCatalog.load(), (short) 1);
        return container;
    });
    private static final Supplier<MongoDBContainer> MONGO_CONTAINER = once(() -> {
        MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
        container.start();
        return container;
    });

    private TestInfrastructure() {
    }

    public static boolean dockerAvailable() {
        return DOCKER.get();
    }

    /** Bootstrap servers of the shared broker, for tests that produce or consume directly. */
    public static String kafkaBootstrapServers() {
        return kafkaBootstrapServers(InfrastructureMode.DEFAULT);
    }

    public static String mongoUri() {
        return mongoUri(InfrastructureMode.DEFAULT);
    }

    static String kafkaBootstrapServers(InfrastructureMode requested) {
        return requested.resolve() == InfrastructureMode.CONTAINERS ? kafkaContainer().getBootstrapServers()
                : EMBEDDED_KAFKA.get();
    }

    static String mongoUri(InfrastructureMode requested) {
        return requested.resolve() == InfrastructureMode.CONTAINERS ? mongoContainer().getConnectionString()
                : EMBEDDED_MONGO.get();
    }

    static KafkaContainer kafkaContainer() {
        return KAFKA_CONTAINER.get();
    }

    static MongoDBContainer mongoContainer() {
        return MONGO_CONTAINER.get();
    }

    /** {@code start} runs on the first call only, whichever thread makes it; every call answers what it made. */
    private static <T> Supplier<T> once(Supplier<T> start) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = start.get();
                }
                return made;
            }
        };
    }
}
