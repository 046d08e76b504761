package news.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import news.contracts.TopicCatalog;
import news.launcher.KafkaBroker;
import news.launcher.ManagedProcess;
import news.launcher.Ports;
import news.launcher.Topics;

/**
 * A real broker in a JVM of its own, for tests that must stop, kill, freeze or restart the broker while a service
 * keeps running (outbox and reliability tests). Fixed ports and a kept log directory: after a restart, clients
 * reconnect to the same cluster and find their topics and records again. Start-up takes a few seconds.
 */
public final class StandaloneKafka implements AutoCloseable {

    private final Path dir;
    private final KafkaBroker broker;

    private StandaloneKafka(Path dir) throws IOException {
        this.dir = dir;
        // The test class path carries logback, which logs at DEBUG without a configuration of its own.
        Path logback = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="out"/></root>
                  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
                </configuration>
                """);
        this.broker = new KafkaBroker(dir, Ports.freePort(), Ports.freePort(), System.getProperty("java.class.path"),
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dlogback.configurationFile=" + logback),
                dir.resolve("kafka.log"));
    }

    /** Starts a fresh broker with every topic of the contract's topic list. */
    public static StandaloneKafka start() {
        try {
            StandaloneKafka kafka = new StandaloneKafka(Files.createTempDirectory("standalone-kafka"));
            kafka.broker.start(Duration.ofSeconds(90));
            Topics.ensure(kafka.bootstrapServers(), TopicCatalog.load(), (short) 1);
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public ManagedProcess process() {
        return broker.process();
    }

    /** Graceful stop; {@link #restart()} brings the same broker back. */
    public void stop() {
        broker.stop();
    }

    public void restart() {
        broker.start(Duration.ofSeconds(90));
    }

    public Path logFile() {
        return dir.resolve("kafka.log");
    }

    @Override
    public void close() {
        broker.process().kill();
    }
}
