package news.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * One real Kafka broker in KRaft mode (combined broker and controller) in a JVM of its own, started from the
 * Kafka jars. Its storage is formatted on first start and kept in {@code dataDir}, so a restart finds its topics
 * and records again.
 */
public final class KafkaBroker {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String classpath;
    private final List<String> jvmOptions;
    private final ManagedProcess process;

    /**
     * @param classpath  class path holding {@code kafka.Kafka} and its dependencies
     * @param jvmOptions e.g. {@code -Xmx512m}
     */
    public KafkaBroker(Path dataDir, int port, int controllerPort, String classpath, List<String> jvmOptions,
                       Path logFile) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
        this.jvmOptions = List.copyOf(jvmOptions);
        List<String> command = new ArrayList<>(javaCommand());
        command.add("kafka.Kafka");
        command.add(serverProperties().toString());
        this.process = new ManagedProcess("kafka", command, Map.of(), logFile);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Formats the storage if this is the first start, starts the broker and waits until it answers. */
    public void start(Duration timeout) {
        writeServerProperties();
        if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
            format();
        }
        process.start();
        awaitReady(timeout);
    }

    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with code " + process.exitCode()
                        + "; see " + process.logFile());
            }
            if (Ports.isListening(port)) {
                try (Admin admin = Admin.create(Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception e) {
                    last = new IllegalStateException(e.getMessage(), e);
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("The Kafka broker did not become ready within " + timeout.toSeconds()
                + " s; see " + process.logFile(), last);
    }

    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }

    private void format() {
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", serverProperties().toString()));
        ManagedProcess formatter = new ManagedProcess("kafka-storage-format", command, Map.of(),
                process.logFile().resolveSibling("kafka-format.log"));
        formatter.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (formatter.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        if (formatter.isAlive() || formatter.exitCode() != 0) {
            formatter.kill();
            throw new IllegalStateException("Formatting the Kafka storage in " + dataDir + " failed; see "
                    + formatter.logFile());
        }
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // own session: a Ctrl-C meant for the launcher does not reach the broker
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    /**
     * What every single-node broker of ours is, whatever its listeners: broker and controller in one node (the
     * controller listener is {@code CONTROLLER} on {@code controllerPort}), one replica of every internal topic, six
     * partitions for a topic created without a count, and no topic created by a client's mere use of it.
     */
    public static Properties singleNodeSettings(int controllerPort, Path logDirs) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("log.dirs", logDirs.toString());
        props.put("num.partitions", "6");
        props.put("auto.create.topics.enable", "false");
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private void writeServerProperties() {
        Properties props = singleNodeSettings(controllerPort, dataDir.resolve("logs"));
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.retention.check.interval.ms", "60000");
        try {
            Files.createDirectories(dataDir);
            try (var out = Files.newBufferedWriter(serverProperties())) {
                props.store(out, "written by news.launcher.KafkaBroker; regenerated on every start");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
