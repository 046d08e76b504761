package news.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import news.contracts.TopicCatalog;

/**
 * {@code infra/platform up}: starts the broker and the store (unless external ones are given), the local identity
 * provider, the four services,
 * waits for readiness with visible progress, loads demo content into an empty store (as soon as article-service is
 * ready, while the others warm up), prints the URLs, and on
 * SIGTERM or Ctrl-C stops what it started: services first, then the identity provider, broker and store.
 */
final class LocalRuntime {

    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Layout layout;
    private final PrintStream out;
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private ManagedProcess mongo;
    private ManagedProcess identity;
    private LocalIdentity localIdentity;
    private final CountDownLatch stopped = new CountDownLatch(1);

    LocalRuntime(Layout layout, PrintStream out) {
        this.layout = layout;
        this.out = out;
    }

    int up() throws Exception {
        long started = System.nanoTime();
        List<String> missing = layout.missingBuildOutputs();
        if (!missing.isEmpty()) {
            out.println("The build outputs are missing: " + missing + ". Run ./mvnw -B -DskipTests package first"
                    + " (infra/platform up does it for you when started through the script).");
            return 1;
        }
        String busy = busyPorts();
        if (busy != null) {
            out.println(busy);
            return 1;
        }
        Files.createDirectories(layout.logs());
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "platform-shutdown"));

        localIdentity = LocalIdentity.of(layout);
        out.printf("Starting the identity provider (OpenID Connect) on %s, signing key in %s%n", localIdentity.issuer(),
                layout.root().relativize(localIdentity.folder()));
        identity = new ManagedProcess("identity", javaCommand(List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
                "-Xss512k", Layout.FIRST_TIER_JIT, "-jar", runnableCopy("identity", layout.identityJar()).toString())),
                identityEnvironment(), layout.log("identity"));
        // started first: it comes up while the broker and the store do, and the gateway needs it to start
        identity.start();

        String bootstrap = layout.externalKafka();
        if (bootstrap == null) {
            out.printf("Starting Kafka (KRaft) on 127.0.0.1:%d, data in %s%n", layout.kafkaPort(),
                    layout.root().relativize(layout.data().resolve("kafka")));
            kafka = new KafkaBroker(layout.data().resolve("kafka"), layout.kafkaPort(), layout.kafkaControllerPort(),
                    layout.kafkaClasspath(), List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                    Layout.FIRST_TIER_JIT,
                    "-Dlog4j2.configurationFile=" + layout.kafkaLogConfig()), layout.log("kafka"));
            kafka.start(Duration.ofSeconds(90));
            bootstrap = kafka.bootstrapServers();
        } else {
            out.println("Using the external Kafka at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        List<String> created = Topics.ensure(bootstrap, TopicCatalog.load(), (short) 1);
        out.println(created.isEmpty() ? "Topics: all " + TopicCatalog.load().topics().size() + " present"
                : "Topics: created " + created.size() + " from infra/contracts/topics.yaml");

        String mongoUri = layout.externalMongo();
        if (mongoUri == null) {
            out.printf("Starting the MongoDB-compatible store on 127.0.0.1:%d, data in %s%n", layout.mongoPort(),
                    layout.root().relativize(layout.data().resolve("mongo")));
            mongo = new ManagedProcess("mongo", javaCommand(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                    Layout.FIRST_TIER_JIT, "-cp",
                    layout.mongoClasspath(), "news.localmongo.LocalMongoStore", "--port", "" + layout.mongoPort(),
                    "--file", layout.data().resolve("mongo/store.mv").toString())), Map.of(), layout.log("mongo"));
            mongo.start();
            awaitPort(mongo, layout.mongoPort(), Duration.ofSeconds(30));
            mongoUri = "mongodb://127.0.0.1:" + layout.mongoPort();
        } else {
            out.println("Using the external MongoDB at " + redact(mongoUri) + " (MONGODB_URI)");
        }

        awaitIdentity(Duration.ofSeconds(60));
        for (Layout.Service service : Layout.SERVICES) {
            ManagedProcess process = new ManagedProcess(service.name(), javaCommand(concat(layout.serviceJvmOptions(),
                    List.of("-jar", runnableCopy(service.name(), layout.serviceJar(service.name())).toString()))),
                    serviceEnvironment(service, bootstrap, mongoUri), layout.log(service.name()));
            services.put(service.name(), process);
        }
        services.values().forEach(ManagedProcess::start);
        writeState(bootstrap, mongoUri);
        // the demo content goes in as soon as article-service is ready, while the other services still warm up, so
        // that their warm-ups read real articles and pages (the kit's news.kit.warmup)
        if (!awaitReadiness(started, () -> new DemoContent(layout, out).loadIfEmpty(
                "http://127.0.0.1:" + layout.port(Layout.SERVICES.get(0)), localIdentity.mint()))) {
            return 1;
        }
        printUrls(started, bootstrap, mongoUri);
        watchChildren();
        stopped.await();
        return 0;
    }

    /**
     * Runs each service from a copy of its jar, so that rebuilding a module while the platform runs does not pull
     * classes out from under the running service.
     */
    private Path runnableCopy(String name, Path jar) throws IOException {
        Path copy = layout.data().resolve("run").resolve(name + ".jar");
        Files.createDirectories(copy.getParent());
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private java.net.URI gatewayUrl() {
        return java.net.URI.create("http://localhost:" + layout.port(Layout.SERVICES.get(3)));
    }

    private Map<String, String> identityEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(localIdentity.providerEnvironment(layout.identityPort(), gatewayUrl()));
        env.put("SERVER_ADDRESS", layout.bindAddress());
        return env;
    }

    private Map<String, String> serviceEnvironment(Layout.Service service, String bootstrap, String mongoUri) {
        Map<String, String> env = new LinkedHashMap<>();
        env.putAll(layout.listening(service));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("MONGODB_URI", mongoUri);
        env.put("NEWS_RANKING_STATE_DIR", layout.data().resolve("ranking").toString());
        for (Layout.Service other : Layout.SERVICES) {
            env.put(other.name().replace('-', '_').toUpperCase() + "_URL", "http://127.0.0.1:" + layout.port(other));
        }
        env.putAll(localIdentity.serviceEnvironment());
        if (service.name().equals("gateway")) {
            env.put("NEWS_GATEWAY_CLIENT_SECRET", localIdentity.gatewaySecret());
        }
        return env;
    }

    private boolean awaitReadiness(long started, Runnable whenArticleServiceReady) throws InterruptedException {
        boolean tty = System.console() != null;
        boolean articleServiceReady = false;
        Map<String, String> shown = new LinkedHashMap<>();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            Map<String, String> states = new LinkedHashMap<>();
            boolean allReady = true;
            String identityState = !identity.isAlive() ? "exited"
                    : Http.status(localIdentity.issuer() + "/.well-known/openid-configuration") == 200 ? "ready"
                    : "starting";
            states.put("identity", identityState);
            allReady &= identityState.equals("ready");
            if (identityState.equals("exited")) {
                return exited(identity);
            }
            for (Layout.Service service : Layout.SERVICES) {
                ManagedProcess process = services.get(service.name());
                String state;
                if (!process.isAlive()) {
                    state = "exited";
                } else {
                    int status = Http.status("http://127.0.0.1:" + layout.managementPort(service)
                            + "/actuator/health/readiness");
                    state = status == 200 ? "ready" : status < 0 ? "starting" : "not ready";
                }
                states.put(service.name(), state);
                allReady &= state.equals("ready");
                if (state.equals("exited")) {
                    return exited(process);
                }
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            String line = String.format("[%3d s] ", seconds) + states.entrySet().stream()
                    .map(e -> e.getKey() + " " + symbol(e.getValue())).reduce((a, b) -> a + "   " + b).orElse("");
            if (tty) {
                out.print("\r" + line);
            } else if (!states.equals(shown)) {
                out.println(line);
            }
            shown = states;
            if (!articleServiceReady && "ready".equals(states.get(Layout.SERVICES.get(0).name()))) {
                if (tty) {
                    out.println();
                }
                whenArticleServiceReady.run();
                articleServiceReady = true;
            }
            if (allReady) {
                if (tty) {
                    out.println();
                }
                return true;
            }
            if (System.nanoTime() > deadline) {
                out.println();
                out.println("Not ready after " + READY_TIMEOUT.toSeconds() + " s: " + states
                        + ". See infra/platform logs <service>.");
                return false;
            }
            Thread.sleep(500);
        }
    }

    private void awaitIdentity(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String discovery = localIdentity.issuer() + "/.well-known/openid-configuration";
        while (Http.status(discovery) != 200) {
            if (!identity.isAlive()) {
                exited(identity);
                throw new IllegalStateException("the identity provider exited during start-up");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the identity provider did not answer " + discovery + " within "
                        + timeout.toSeconds() + " s; see " + identity.logFile());
            }
            Thread.sleep(200);
        }
    }

    private boolean exited(ManagedProcess process) {
        out.println();
        out.printf("%s exited during start-up (exit code %s). Last lines of %s:%n", process.name(),
                process.exitCode(), layout.root().relativize(process.logFile()));
        tail(process.logFile(), 25).forEach(line -> out.println("  | " + line));
        return false;
    }

    private static String symbol(String state) {
        return switch (state) {
            case "ready" -> "✔";
            case "exited" -> "✘";
            case "not ready" -> "…(not ready)";
            default -> "…";
        };
    }

    private void printUrls(long started, String bootstrap, String mongoUri) {
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        int gateway = layout.port(Layout.SERVICES.get(3));
        out.println();
        out.printf("News platform is up after %d s. Data lives in %s%n", seconds, layout.data());
        out.printf("  Reference site        http://localhost:%d/%n", gateway);
        out.printf("  Home page API         http://localhost:%d/api/pages/home%n", gateway);
        out.printf("  Popular Now           http://localhost:%d/api/rankings/popular-now?section=all&limit=6%n", gateway);
        for (Layout.Service service : Layout.SERVICES) {
            out.printf("  %-20s  http://localhost:%d/  health http://localhost:%d/actuator/health  (metrics:"
                    + " /actuator/prometheus)%n", service.name(), layout.port(service), layout.managementPort(service));
        }
        out.printf("  Identity provider     %s  (discovery: /.well-known/openid-configuration)%n",
                localIdentity.issuer());
        out.printf("  Kafka                 %s%n", bootstrap);
        out.printf("  MongoDB               %s%n", redact(mongoUri));
        out.println("Sign in on the site as alice (reader, Alice Park) or eve (editor, Eve Moreau), password news-demo.");
        out.println("API token: infra/platform token --role editor --sub eve   Logs: infra/platform logs <name>");
        out.println("Press Ctrl-C to stop everything.");
    }

    private void watchChildren() {
        Thread watcher = new Thread(() -> {
            Map<String, Boolean> reported = new LinkedHashMap<>();
            while (stopped.getCount() > 0) {
                all().forEach(p -> {
                    if (!p.isAlive() && reported.putIfAbsent(p.name(), true) == null && stopped.getCount() > 0) {
                        out.printf("%n%s stopped unexpectedly (exit code %s); see %s%n", p.name(), p.exitCode(),
                                layout.root().relativize(p.logFile()));
                    }
                });
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "platform-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private List<ManagedProcess> all() {
        List<ManagedProcess> all = new ArrayList<>(services.values());
        if (identity != null) {
            all.add(identity);
        }
        if (kafka != null) {
            all.add(kafka.process());
        }
        if (mongo != null) {
            all.add(mongo);
        }
        return all;
    }

    /** Services first (the gateway before the others), then broker and store; exits 0. */
    void shutdown() {
        if (stopped.getCount() == 0) {
            return;
        }
        stopped.countDown();
        out.println();
        out.println("Stopping the platform...");
        ManagedProcess gateway = services.get("gateway");
        if (gateway != null) {
            gateway.stop(Duration.ofSeconds(25));
        }
        List<Thread> stopping = new ArrayList<>();
        services.values().stream().filter(p -> p != gateway).forEach(p -> {
            Thread t = new Thread(() -> p.stop(Duration.ofSeconds(25)));
            t.start();
            stopping.add(t);
        });
        stopping.forEach(LocalRuntime::join);
        if (identity != null) {
            identity.stop(Duration.ofSeconds(15));
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.stop(Duration.ofSeconds(15));
        }
        try {
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException ignored) {
            // a stale state file only makes `status` report processes as not running
        }
        out.println("Stopped: " + String.join(", ", all().stream().map(ManagedProcess::name).toList()) + ".");
        out.flush();
        Runtime.getRuntime().halt(0);
    }

    private String busyPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (layout.externalKafka() == null) {
            ports.put("Kafka (KAFKA_PORT)", layout.kafkaPort());
            ports.put("Kafka controller (KAFKA_CONTROLLER_PORT)", layout.kafkaControllerPort());
        }
        if (layout.externalMongo() == null) {
            ports.put("MongoDB store (MONGODB_PORT)", layout.mongoPort());
        }
        ports.put("identity provider (IDENTITY_PORT)", layout.identityPort());
        Layout.SERVICES.forEach(s -> ports.put(s.name() + " (" + s.portVariable() + ")", layout.port(s)));
        Layout.SERVICES.forEach(s -> ports.put(s.name() + " management (" + s.managementPortVariable() + ")",
                layout.managementPort(s)));
        List<String> busy = ports.entrySet().stream().filter(e -> !Ports.isFree(e.getValue()))
                .map(e -> "port " + e.getValue() + " for " + e.getKey()).toList();
        if (busy.isEmpty()) {
            return null;
        }
        return "Cannot start: " + String.join(", ", busy) + (busy.size() == 1 ? " is" : " are")
                + " already in use.\nStop what listens there (see: ss -ltnp), or run `infra/platform stop` if an"
                + " earlier run is still alive, or choose other ports with the variables named above.";
    }

    private void writeState(String bootstrap, String mongoUri) throws IOException {
        Properties state = new Properties();
        state.setProperty("launcher.pid", "" + ProcessHandle.current().pid());
        state.setProperty("kafka.bootstrap", bootstrap);
        state.setProperty("mongodb.uri", redact(mongoUri));
        if (kafka != null) {
            state.setProperty("kafka.pid", "" + kafka.process().pid());
        }
        if (mongo != null) {
            state.setProperty("mongo.pid", "" + mongo.pid());
        }
        state.setProperty("identity.pid", "" + identity.pid());
        state.setProperty("identity.issuer", localIdentity.issuer().toString());
        for (Layout.Service service : Layout.SERVICES) {
            state.setProperty(service.name() + ".port", "" + layout.port(service));
            state.setProperty(service.name() + ".management-port", "" + layout.managementPort(service));
            state.setProperty(service.name() + ".pid", "" + services.get(service.name()).pid());
        }
        try (var writer = Files.newBufferedWriter(layout.stateFile())) {
            state.store(writer, "infra/platform up; deleted on a clean stop");
        }
    }

    private void awaitPort(ManagedProcess process, int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Ports.isListening(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited (code " + process.exitCode() + "); see "
                        + process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(process.name() + " did not listen on port " + port + " within "
                        + timeout.toSeconds() + " s; see " + process.logFile());
            }
            Thread.sleep(100);
        }
    }

    static List<String> javaCommand(List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // own session: Ctrl-C reaches the launcher only, which stops in order
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        return command;
    }

    static List<String> tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]+@", "//***@");
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
