package news.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.util.FileSystemUtils;

import news.contracts.TopicCatalog;
import news.launcher.KafkaBroker;
import news.launcher.Layout;
import news.launcher.ManagedProcess;
import news.launcher.Ports;
import news.launcher.Topics;
import news.testsupport.RepositoryFiles;
import news.testsupport.TestIssuer;

/**
 * The whole platform as {@code infra/platform up} runs it, on free ports and under this module's {@code target/}: one
 * real KRaft broker ({@link KafkaBroker}), the local MongoDB-compatible store ({@code news.localmongo.LocalMongoStore})
 * and the four service jars, each a process of its own started with the environment the launcher gives it. Started
 * once per test JVM ({@link #shared()}) and stopped when the JUnit launcher session ends ({@link StackSession}), or by
 * a shutdown hook when the JVM ends another way. Every process it starts is written to {@code pids}, so a run that was
 * itself killed leaves nothing behind at the next start.
 * <p>
 * Differences from the platform's defaults, all through the services' documented environment variables: the
 * services trust the test JVM's {@link TestIssuer} (as a deployment trusts its identity provider), the write
 * budgets of the gateway and comment-service are raised (every test client is 127.0.0.1, and the tests send far
 * more than 30 writes a minute), the outbox lease is 10 s instead of 60 s (after a SIGKILL, events claimed by the
 * dead relay leave 10 s later; correctness does not depend on it, only the tests' waiting time), and the services
 * take traffic without their warm-up (each start, and the crash tests restart services many times, would cost the
 * suite 10-30 s on two cores; the warm-up's own tests are the kit's and the services').
 */
final class SystemStack {

    static final Duration READY_LIMIT = Duration.ofMinutes(4);
    static final List<String> SERVICE_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k");

    private static SystemStack shared;
    private static Throwable failure;

    final Path root;
    final Path run;
    private final Layout layout;
    private final List<ManagedProcess> started = new ArrayList<>();
    private KafkaBroker kafka;
    private ManagedProcess mongo;
    private int mongoPort;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final long startedAt = System.nanoTime();
    private Duration startUp;
    private String propertyArticle;

    private SystemStack(Path root) {
        this.root = root;
        this.run = root.resolve("infra/system-tests/target/system-stack");
        this.layout = new Layout(root, run, Map.of());
    }

    /** The stack of this test JVM, started at the first call. */
    static synchronized SystemStack shared() {
        if (failure != null) {
            throw new IllegalStateException("the stack did not start (see the first test's error)", failure);
        }
        if (shared == null) {
            SystemStack stack = new SystemStack(RepositoryFiles.root());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "system-stack-stop"));
            try {
                stack.start();
            } catch (RuntimeException | Error e) {
                failure = e;
                stack.stop();
                throw e;
            }
            shared = stack;
        }
        return shared;
    }

    static synchronized void stopIfStarted() {
        if (shared != null) {
            shared.stop();
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    private void start() {
        List<String> missing = layout.missingBuildOutputs();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Build the service jars first: ./mvnw -B -q -DskipTests package -pl "
                    + "article-service,comment-service,ranking-service,gateway,infra/local-kafka,infra/local-mongo,infra/identity"
                    + " (missing: " + missing + ")");
        }
        killLeftoversOfAnEarlierRun();
        try {
            FileSystemUtils.deleteRecursively(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jars = run.resolve("jars");
        copy(root.resolve("infra/local-kafka/target/lib"), jars.resolve("kafka-lib"));
        copy(root.resolve("infra/local-mongo/target/lib"), jars.resolve("mongo-lib"));
        copy(root.resolve("infra/local-mongo/target/local-mongo-" + Layout.VERSION + ".jar"), jars.resolve("local-mongo.jar"));
        for (Layout.Service s : Layout.SERVICES) {
            // run from copies: a rebuild of a service while the suite runs cannot pull classes from under it
            copy(layout.serviceJar(s.name()), jars.resolve(s.name() + ".jar"));
        }

        // Free ports are chosen, then bound by another process: on a shared machine something else may take one in
        // between. A start that fails on a taken port is retried on new ports.
        for (int attempt = 1; ; attempt++) {
            kafka = new KafkaBroker(run.resolve("kafka-" + attempt), Ports.freePort(), Ports.freePort(),
                    jars.resolve("kafka-lib") + "/*", List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-Dlog4j2.configurationFile=" + layout.kafkaLogConfig()), log("kafka"));
            remember(kafka.process());
            try {
                kafka.start(Duration.ofSeconds(120));
                break;
            } catch (IllegalStateException e) {
                kafka.process().kill();
                if (attempt == 3 || !tail(kafka.process().logFile(), 200).contains("Address already in use")) {
                    throw e;
                }
            }
        }
        Topics.ensure(kafka.bootstrapServers(), TopicCatalog.load(), (short) 1);
        for (int attempt = 1; ; attempt++) {
            mongoPort = Ports.freePort();
            mongo = new ManagedProcess("mongo", java(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                    jars.resolve("local-mongo.jar") + ":" + jars.resolve("mongo-lib") + "/*", "news.localmongo.LocalMongoStore",
                    "--port", Integer.toString(mongoPort), "--file", run.resolve("mongo/store.mv").toString())),
                    Map.of(), log("mongo"));
            remember(mongo);
            mongo.start();
            await("the store listens").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Ports.isListening(mongoPort) || !mongo.isAlive());
            if (mongo.isAlive()) {
                break;
            }
            if (attempt == 3 || !tail(mongo.logFile(), 20).contains("already in use")) {
                throw new IllegalStateException("the store exited; see " + mongo.logFile());
            }
        }

        for (int attempt = 1; ; attempt++) {
            startServices(jars);
            try {
                awaitReady(services.values().toArray(Service[]::new));
                break;
            } catch (RuntimeException e) {
                boolean taken = services.values().stream().anyMatch(s -> !s.isAlive()
                        && tail(s.process.logFile(), 200).contains("already in use"));
                services.values().forEach(s -> s.process.kill());
                if (attempt == 3 || !taken) {
                    throw e;
                }
            }
        }
        // made now, while every consumer surely works: tests that run after the poison records (the jqwik engine
        // may run after Jupiter's) comment on it without depending on comment-service reading news.article-events
        propertyArticle = Newsroom.publish(this, "Property-based comments", "Policy");
        Newsroom.awaitCommentable(this, propertyArticle);
        startUp = Duration.ofNanos(System.nanoTime() - startedAt);
        Figures.record("stack", "start-up", "%.1f s (broker, store, 4 services ready)".formatted(startUp.toMillis() / 1000.0));
        System.out.printf("[system] stack ready after %.1f s: broker %s, store %s, %s%n", startUp.toMillis() / 1000.0,
                kafka.bootstrapServers(), mongoUri(), services.values());
    }

    /** The four services on free ports, each knowing the others' addresses, as the launcher starts them. */
    private void startServices(Path jars) {
        services.clear();
        Map<String, Integer> ports = new LinkedHashMap<>();
        Layout.SERVICES.forEach(s -> ports.put(s.name(), Ports.freePort()));
        for (Layout.Service s : Layout.SERVICES) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("SERVER_PORT", Integer.toString(ports.get(s.name())));
            env.put("MANAGEMENT_SERVER_PORT", Integer.toString(Ports.freePort()));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("MONGODB_URI", mongoUri());
            env.put("NEWS_RANKING_STATE_DIR", run.resolve("ranking").toString());
            for (Layout.Service other : Layout.SERVICES) {
                env.put(other.name().replace('-', '_').toUpperCase() + "_URL", "http://127.0.0.1:" + ports.get(other.name()));
            }
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", TestIssuer.shared().issuer());
            env.putAll(testSettings(s.name()));
            services.put(s.name(), new Service(s.name(), jars.resolve(s.name() + ".jar"), ports.get(s.name()), env));
        }
        services.values().forEach(Service::start);
    }

    /** Settings the tests need that differ from the platform's defaults; see the class comment. */
    private static Map<String, String> testSettings(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("NEWS_READERS_HASH_KEY", "system-tests-reader-hash-key-at-least-32-characters");
        env.put("NEWS_WARMUP_ENABLED", "false");
        env.put("NEWS_COMMENTS_AUTHOR_KEY", "system-tests-comment-author-key-at-least-32-characters");
        switch (service) {
            case "gateway" -> {
                env.put("NEWS_WRITE_RATE_CAPACITY", "1000000");
                env.put("NEWS_WRITE_RATE_REFILL", "1000000");
                env.put("NEWS_WRITE_RATE_PERIOD", "1s");
                for (String role : List.of("READER", "EDITOR")) {
                    env.put("NEWS_" + role + "_WRITE_RATE_CAPACITY", "1000000");
                    env.put("NEWS_" + role + "_WRITE_RATE_REFILL", "1000000");
                    env.put("NEWS_" + role + "_WRITE_RATE_PERIOD", "1s");
                }
                env.put("NEWS_READ_RATE_CAPACITY", "1000000");
                env.put("NEWS_READ_RATE_REFILL", "1000000");
                env.put("NEWS_READ_RATE_PERIOD", "1s");
            }
            case "comment-service" -> {
                for (String scope : List.of("AUTHOR", "CLIENT")) {
                    env.put("NEWS_COMMENTS_RATE_" + scope + "_TOKENS", "1000000");
                    env.put("NEWS_COMMENTS_RATE_" + scope + "_PERIOD", "1s");
                    env.put("NEWS_COMMENTS_RATE_" + scope + "_BURST", "1000000");
                }
                env.put("NEWS_OUTBOX_LEASE", "10s");
            }
            case "article-service" -> env.put("NEWS_OUTBOX_LEASE", "10s");
            default -> {
            }
        }
        return env;
    }

    synchronized void stop() {
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Service service : services.values()) {
            stopping.add(CompletableFuture.runAsync(() -> service.process.stop(Duration.ofSeconds(10))));
        }
        extraServices.forEach(s -> stopping.add(CompletableFuture.runAsync(() -> s.process.stop(Duration.ofSeconds(10)))));
        stopping.forEach(CompletableFuture::join);
        if (kafka != null) {
            kafka.process().stop(Duration.ofSeconds(15));
        }
        if (mongo != null) {
            mongo.stop(Duration.ofSeconds(10));
        }
        for (ManagedProcess p : started) {
            if (p.isAlive()) {
                p.kill();
            }
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A published article comment-service knew at start-up, with one comment. */
    String propertyArticle() {
        return propertyArticle;
    }

    KafkaBroker kafka() {
        return kafka;
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    Service gateway() {
        return services.get("gateway");
    }

    Service article() {
        return services.get("article-service");
    }

    Service comment() {
        return services.get("comment-service");
    }

    Service ranking() {
        return services.get("ranking-service");
    }

    List<Service> services() {
        return List.copyOf(services.values());
    }

    /** The gateway's public address: where a real client goes. */
    String api(String path) {
        return gateway().url(path);
    }

    private final List<Service> extraServices = new ArrayList<>();

    /**
     * Another instance of a service, e.g. a fresh ranking-service with an application id of its own; {@code env}
     * overrides the stack's environment of that service.
     */
    Service startExtra(String service, String name, Map<String, String> env) {
        Service template = services.get(service);
        int port = Ports.freePort();
        Map<String, String> merged = new LinkedHashMap<>(template.env);
        merged.put("SERVER_PORT", Integer.toString(port));
        merged.put("MANAGEMENT_SERVER_PORT", Integer.toString(Ports.freePort()));
        merged.putAll(env);
        Service extra = new Service(name, template.jar, port, merged);
        extraServices.add(extra);
        extra.start();
        return extra;
    }

    void awaitReady(Service... which) {
        await("readiness of " + List.of(which)).atMost(READY_LIMIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (Service s : which) {
                        if (!s.isAlive()) {
                            throw new IllegalStateException(s.name + " exited (" + s.process.exitCode() + "); last lines of "
                                    + s.process.logFile() + ":\n" + tail(s.process.logFile(), 30));
                        }
                        org.assertj.core.api.Assertions.assertThat(Api.status(s.managementUrl("/actuator/health/readiness")))
                                .as(s.name + " ready").isEqualTo(200);
                    }
                });
    }

    /** A service process of the stack: its jar, port and environment stay the same across kills and restarts. */
    final class Service {
        final String name;
        final Path jar;
        final int port;
        final Map<String, String> env;
        final ManagedProcess process;

        Service(String name, Path jar, int port, Map<String, String> env) {
            this.name = name;
            this.jar = jar;
            this.port = port;
            this.env = Map.copyOf(env);
            List<String> args = new ArrayList<>(SERVICE_JVM);
            args.addAll(List.of("-jar", jar.toString()));
            this.process = new ManagedProcess(name, java(args), env, log(name));
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        /** Actuator's address: the management port, apart from the port clients use. */
        String managementUrl(String path) {
            return "http://127.0.0.1:" + env.get("MANAGEMENT_SERVER_PORT") + path;
        }

        void start() {
            process.start();
            remember(process);
        }

        /** SIGKILL: no shutdown hook, no flush, no leaving the consumer group, as in a crash. */
        void kill() {
            process.kill();
        }

        void stop() {
            process.stop(Duration.ofSeconds(20));
        }

        boolean isAlive() {
            return process.isAlive();
        }

        long pid() {
            return process.pid();
        }

        @Override
        public String toString() {
            return name + ":" + port;
        }
    }

    // -------------------------------------------------------------------------------------------------------------

    private Path log(String name) {
        return run.resolve("logs").resolve(name + ".log");
    }

    private static List<String> java(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        return command;
    }

    private synchronized void remember(ManagedProcess process) {
        if (!started.contains(process)) {
            started.add(process);
        }
        try {
            Files.createDirectories(pidFile().getParent());
            Files.writeString(pidFile(), process.pid() + " " + process.name() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path pidFile() {
        return run.getParent().resolve("system-stack.pids");
    }

    /** Only processes this module started (their command line names this module's run folder) are killed. */
    private void killLeftoversOfAnEarlierRun() {
        if (!Files.exists(pidFile())) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pidFile())) {
                long pid = Long.parseLong(line.split(" ")[0]);
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isPresent() && handle.get().isAlive() && handle.get().info().commandLine()
                        .map(c -> c.contains(run.toString())).orElse(false)) {
                    System.out.println("[system] killing a leftover of an earlier run: " + line);
                    handle.get().destroyForcibly();
                    handle.get().onExit().get();
                }
            }
            Files.delete(pidFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot clean up after an earlier run: " + e, e);
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void copy(Path from, Path to) {
        try {
            if (Files.isDirectory(from)) {
                Files.createDirectories(to);
                try (var files = Files.list(from)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            } else {
                Files.createDirectories(to.getParent());
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
