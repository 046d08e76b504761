package news.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where everything of the local runtime is: the repository, the one data folder, the jars, and the ports (the defaults
 * of docs/product.md, each overridable by an environment variable).
 */
public record Layout(Path root, Path data, Map<String, String> env) {

    public static final String VERSION = "0.1.0-SNAPSHOT";

    public static Layout fromEnvironment() {
        Map<String, String> env = System.getenv();
        Path root = Path.of(env.getOrDefault("NEWS_ROOT", System.getProperty("news.root", "."))).toAbsolutePath().normalize();
        Path data = env.containsKey("NEWS_DATA_DIR") ? Path.of(env.get("NEWS_DATA_DIR")).toAbsolutePath()
                : root.resolve(".data");
        return new Layout(root, data, env);
    }

    /** A service of the platform with its port variable and default port. */
    public record Service(String name, String portVariable, int defaultPort) {

        public String managementPortVariable() {
            return portVariable.replace("_PORT", "_MANAGEMENT_PORT");
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("article-service", "ARTICLE_SERVICE_PORT", 8081),
            new Service("comment-service", "COMMENT_SERVICE_PORT", 8082),
            new Service("ranking-service", "RANKING_SERVICE_PORT", 8083),
            new Service("gateway", "GATEWAY_PORT", 8080));

    public int port(Service service) {
        return intEnv(service.portVariable(), service.defaultPort());
    }

    /** Actuator's port of a service: {@code <SERVICE>_MANAGEMENT_PORT}, by default its port + 1000 (9080-9083). */
    public int managementPort(Service service) {
        return intEnv(service.managementPortVariable(), port(service) + 1000);
    }

    /**
     * The address the services' and the identity provider's HTTP ports listen on: {@code NEWS_BIND_ADDRESS}, by
     * default 127.0.0.1, so a developer's platform is not reachable from the network unless they say so. Actuator
     * stays on 127.0.0.1 whatever this says.
     */
    public String bindAddress() {
        String address = blankToNull(env.get("NEWS_BIND_ADDRESS"));
        return address == null ? "127.0.0.1" : address.trim();
    }

    /** Where a service listens: its port and Actuator's, and the addresses they bind to (Spring Boot's variables). */
    public Map<String, String> listening(Service service) {
        Map<String, String> listening = new java.util.LinkedHashMap<>();
        listening.put("SERVER_PORT", Integer.toString(port(service)));
        listening.put("SERVER_ADDRESS", bindAddress());
        listening.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort(service)));
        listening.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        return listening;
    }

    public int kafkaPort() {
        return intEnv("KAFKA_PORT", 9092);
    }

    public int kafkaControllerPort() {
        return intEnv("KAFKA_CONTROLLER_PORT", 9093);
    }

    public int mongoPort() {
        return intEnv("MONGODB_PORT", 27017);
    }

    /** The local identity provider's port (IDENTITY_PORT); its issuer is {@code http://localhost:<port>}. */
    public int identityPort() {
        return intEnv("IDENTITY_PORT", 9000);
    }

    public Path identityJar() {
        return root.resolve("infra/identity/target/identity-" + VERSION + ".jar");
    }

    public String externalKafka() {
        return blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"));
    }

    public String externalMongo() {
        return blankToNull(env.get("MONGODB_URI"));
    }

    public Path logs() {
        return data.resolve("logs");
    }

    public Path log(String process) {
        return logs().resolve(process + ".log");
    }

    public Path stateFile() {
        return data.resolve("platform.state");
    }

    public Path serviceJar(String service) {
        return root.resolve(service).resolve("target").resolve(service + "-" + VERSION + ".jar");
    }

    public String kafkaClasspath() {
        return root.resolve("infra/local-kafka/target/lib") + "/*";
    }

    public Path kafkaLogConfig() {
        return root.resolve("infra/local-kafka/log4j2.xml");
    }

    public String mongoClasspath() {
        Path module = root.resolve("infra/local-mongo/target");
        return module.resolve("local-mongo-" + VERSION + ".jar") + ":" + module.resolve("lib") + "/*";
    }

    public Path demoArticles() {
        return root.resolve("infra/demo/articles.json");
    }

    /**
     * The JIT option of every JVM the local runtime starts (services, broker, store, identity provider): the first
     * tier (C1) only. The platform starts on one small machine all at once, and the optimising compilers of every JVM
     * took the cores from the requests for minutes (docs/benchmarks.md, "Right after start").
     */
    public static final String FIRST_TIER_JIT = "-XX:TieredStopAtLevel=1";

    /**
     * The services' JVM options, NEWS_JAVA_OPTS="..." replacing them all: by default with the first JIT tier only
     * ({@link #FIRST_TIER_JIT}). The container images run with the JVM's defaults, full JIT: one service per machine.
     */
    public List<String> serviceJvmOptions() {
        String opts = env.get("NEWS_JAVA_OPTS");
        return opts == null || opts.isBlank()
                ? List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-Xss512k", FIRST_TIER_JIT)
                : List.of(opts.trim().split("\\s+"));
    }

    public List<String> missingBuildOutputs() {
        List<Path> needed = new java.util.ArrayList<>();
        SERVICES.forEach(s -> needed.add(serviceJar(s.name())));
        needed.add(root.resolve("infra/local-kafka/target/lib"));
        needed.add(root.resolve("infra/local-mongo/target/local-mongo-" + VERSION + ".jar"));
        needed.add(identityJar());
        return needed.stream().filter(p -> !Files.exists(p)).map(p -> root.relativize(p).toString()).toList();
    }

    private int intEnv(String name, int defaultValue) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(name + "=" + value + " is not a port number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
