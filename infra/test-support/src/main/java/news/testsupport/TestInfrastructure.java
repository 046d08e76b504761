package news.testsupport;

import java.util.Map;

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

    private static EmbeddedKafkaKraftBroker embeddedKafka;
    private static MongoServer embeddedMongo;
    private static String embeddedMongoUri;
    private static KafkaContainer kafkaContainer;
    private static MongoDBContainer mongoContainer;
    private static Boolean docker;

    private TestInfrastructure() {
    }

    public static synchronized boolean dockerAvailable() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                docker = false;
            }
        }
        return docker;
    }

    /** Bootstrap servers of the shared broker, for tests that produce or consume directly. */
    public static String kafkaBootstrapServers() {
        return kafkaBootstrapServers(InfrastructureMode.DEFAULT);
    }

    public static String mongoUri() {
        return mongoUri(InfrastructureMode.DEFAULT);
    }

    static synchronized String kafkaBootstrapServers(InfrastructureMode requested) {
        if (requested.resolve() == InfrastructureMode.CONTAINERS) {
            return kafkaContainer().getBootstrapServers();
        }
        if (embeddedKafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.brokerProperties(Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "auto.create.topics.enable", "false",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            Topics.ensure(broker.getBrokersAsString(), TopicCatalog.load(), (short) 1);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
            embeddedKafka = broker;
        }
        return embeddedKafka.getBrokersAsString();
    }

    static synchronized String mongoUri(InfrastructureMode requested) {
        if (requested.resolve() == InfrastructureMode.CONTAINERS) {
            return mongoContainer().getConnectionString();
        }
        if (embeddedMongo == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            embeddedMongoUri = "mongodb://127.0.0.1:" + server.getLocalAddress().getPort();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-shutdown"));
            embeddedMongo = server;
        }
        return embeddedMongoUri;
    }

    static synchronized KafkaContainer kafkaContainer() {
        if (kafkaContainer == null) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            Topics.ensure(container.getBootstrapServers(), TopicCatalog.load(), (short) 1);
            kafkaContainer = container;
        }
        return kafkaContainer;
    }

    static synchronized MongoDBContainer mongoContainer() {
        if (mongoContainer == null) {
            MongoDBContainer container = new MongoDBContainer(MONGO_IMAGE);
            container.start();
            mongoContainer = container;
        }
        return mongoContainer;
    }
}
