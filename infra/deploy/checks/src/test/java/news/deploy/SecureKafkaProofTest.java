package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.FileSystemUtils;

import news.contracts.TopicCatalog;
import news.launcher.Http;
import news.launcher.KafkaBroker;
import news.launcher.Layout;
import news.launcher.ManagedProcess;
import news.launcher.Ports;
import news.testsupport.StartedProcesses;
import news.testsupport.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production Kafka security, exercised: a real KRaft broker that only speaks SASL_SSL with SCRAM-SHA-512 and
 * enforces ACLs (StandardAuthorizer, no ACL = denied), the SCRAM users and the ACLs of
 * {@code overlays/production/kafka/users.yaml}, and the services started with the production client configuration
 * ({@code client-security.yml}, only its CA path pointed at this test's certificate) and nothing but their own
 * principal. An article written through article-service, viewed and commented on, reaches Popular Now and Must-Reads:
 * every Kafka path of article-service, comment-service and ranking-service works with exactly those ACLs, and a
 * write outside them is refused. Runs with {@code -Pscale-out}; needs the jars of the three services,
 * {@code infra/local-kafka} and {@code infra/local-mongo}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecureKafkaProofTest {

    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final String STORE_PASSWORD = "changeit-" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();
    private final Map<String, String> passwords = new HashMap<>();

    private Layout layout;
    private Path work;
    private Path caCertificate;
    private String bootstrap;
    private int article;
    private int comment;
    private int ranking;

    @BeforeAll
    void startSecureBrokerWithUsersAndAcls() throws Exception {
        layout = new Layout(Repository.ROOT, Repository.ROOT.resolve("infra/deploy/checks/target/secure-kafka"), Map.of());
        List<String> missing = layout.missingBuildOutputs().stream().filter(m -> !m.startsWith("gateway")).toList();
        assertThat(missing).as("build first: ./mvnw -B -DskipTests package -pl "
                + "infra/local-kafka,infra/local-mongo,article-service,comment-service,ranking-service").isEmpty();
        work = layout.data();
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work.resolve("logs"));
        createCertificate();
        startBroker();
        try (Admin admin = Admin.create(clientProperties("admin", ADMIN_PASSWORD))) {
            List<NewTopic> topics = TopicCatalog.load().topics().stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1).configs(t.config())).toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            List<UserScramCredentialUpsertion> users = new ArrayList<>();
            for (ServiceConfig service : ServiceConfig.all()) {
                passwords.put(service.name(), UUID.randomUUID().toString());
                users.add(new UserScramCredentialUpsertion(service.name(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), passwords.get(service.name())));
            }
            admin.alterUserScramCredentials(new ArrayList<>(users)).all().get(30, TimeUnit.SECONDS);
            List<AclBinding> acls = aclsOfTheProductionOverlay();
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            System.out.printf("[secure-kafka] SASL_SSL broker %s: %d topics, %d SCRAM users, %d ACLs from users.yaml%n",
                    bootstrap, topics.size(), users.size(), acls.size());
        }
    }

    @Test
    @Order(1)
    void theServicesWorkOverSaslSslWithOnlyTheirOwnAcls() throws Exception {
        int mongoPort = Ports.freePort();
        ManagedProcess mongo = new ManagedProcess("mongo", List.of(java(), "-Xmx256m", "-cp", layout.mongoClasspath(),
                "news.localmongo.LocalMongoStore", "--port", "" + mongoPort, "--file", work.resolve("mongo/store.mv").toString()),
                Map.of(), work.resolve("logs/mongo.log"));
        started.add(mongo);
        mongo.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> Ports.isListening(mongoPort));
        String mongoUri = "mongodb://127.0.0.1:" + mongoPort;

        ranking = start("ranking-service", Map.of());
        article = start("article-service", Map.of("MONGODB_URI", mongoUri));
        comment = start("comment-service", Map.of("MONGODB_URI", mongoUri));
        awaitReady(article, comment, ranking);

        String editor = TestTokens.bearer(TestTokens.editor("alice"));
        HttpResponse<String> created = post(article, "/api/articles", """
                {"title": "Secure pipeline article", "section": "Navy", "source": "Deploy Check",
                 "byline": {"name": "Deploy Check", "email": "deploy.check@example.com"},
                 "body": ["Written over SASL_SSL."], "tags": ["security"], "publish": true}""", editor);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String articleId = json.readTree(created.body()).get("id").asString();
        for (int i = 0; i < 7; i++) {
            HttpResponse<String> view = post(article, "/api/articles/" + articleId + "/views", "{}",
                    TestTokens.bearer(TestTokens.reader("reader-" + i)));
            assertThat(view.statusCode()).isEqualTo(202);
        }
        String reader = TestTokens.bearer(TestTokens.reader("bob"));
        await("comment-service learns the article from news.article-events").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(post(comment,
                        "/api/articles/" + articleId + "/comments", "{\"text\": \"Read over TLS.\"}", reader).statusCode())
                        .isEqualTo(201));

        await("the views and the comment reach the rankings").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    JsonNode popular = entry(get(ranking, "/api/rankings/popular-now?section=all&limit=50"), articleId);
                    assertThat(popular).as("in Popular Now").isNotNull();
                    assertThat(popular.get("score").asLong()).isEqualTo(7);
                    JsonNode must = entry(get(ranking, "/api/rankings/must-reads?section=all&limit=50"), articleId);
                    assertThat(must).as("in Must-Reads").isNotNull();
                    assertThat(must.get("fallback").asBoolean()).isFalse();
                });
        System.out.printf("[secure-kafka] article %s: written by article-service, 7 views and a comment counted by"
                + " ranking-service, all over SASL_SSL with SCRAM-SHA-512 and the production ACLs%n", articleId);
    }

    @Test
    @Order(2)
    void aWriteOutsideAServicesAclsIsRefused() {
        Map<String, Object> config = new HashMap<>(clientProperties("article-service", passwords.get("article-service")));
        config.put("max.block.ms", 10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("news.rankings", "popular-now|all",
                    "{}".getBytes(StandardCharsets.UTF_8))).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> unknown = new HashMap<>(clientProperties("article-service", "not-the-password"));
        unknown.put("max.block.ms", 10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(unknown, new StringSerializer(),
                new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("news.article-views", "x",
                    "{}".getBytes(StandardCharsets.UTF_8))).get(20, TimeUnit.SECONDS)).isNotNull();
        }
    }

    /** The gateway's read models over SASL_SSL: its consumer takes {@code spring.kafka.properties.*} like the others. */
    @Test
    @Order(3)
    void theGatewayReadModelsCatchUpOverSaslSsl() throws Exception {
        int gateway = start("gateway", Map.of("RANKING_SERVICE_URL", "http://127.0.0.1:" + ranking,
                "ARTICLE_SERVICE_URL", "http://127.0.0.1:" + article, "COMMENT_SERVICE_URL", "http://127.0.0.1:" + comment));
        awaitReady(gateway);
        assertThat(get(gateway, "/api/pages/home")).contains("Secure pipeline article");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private List<AclBinding> aclsOfTheProductionOverlay() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Map<String, Object> user : Yaml.documents(Repository.K8S.resolve("overlays/production/kafka/users.yaml"))) {
            String principal = "User:" + Yaml.string(user, "metadata.name");
            for (Map<String, Object> acl : Yaml.maps(user, "spec.authorization.acls")) {
                ResourceType type = switch (Yaml.string(acl, "resource.type")) {
                    case "topic" -> ResourceType.TOPIC;
                    case "group" -> ResourceType.GROUP;
                    case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                    case "cluster" -> ResourceType.CLUSTER;
                    default -> throw new IllegalArgumentException(String.valueOf(acl));
                };
                PatternType pattern = "prefix".equals(Yaml.string(acl, "resource.patternType")) ? PatternType.PREFIXED
                        : PatternType.LITERAL;
                String name = type == ResourceType.CLUSTER ? "kafka-cluster" : Yaml.string(acl, "resource.name");
                for (Object operation : Yaml.list(acl, "operations")) {
                    AclOperation op = AclOperation.fromString(operation.toString()
                            .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
                    assertThat(op).as(operation.toString()).isNotEqualTo(AclOperation.UNKNOWN);
                    bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                            new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW)));
                }
            }
        }
        return bindings;
    }

    /** The management (Actuator) port of each service port started here. */
    private final Map<Integer, Integer> managementPorts = new java.util.concurrent.ConcurrentHashMap<>();

    /** The production client configuration as it is, but for the CA path, which is this test's certificate. */
    private int start(String name, Map<String, String> extra) throws IOException {
        ServiceConfig service = ServiceConfig.named(name);
        Path config = work.resolve("config-" + name);
        Files.createDirectories(config);
        Files.writeString(config.resolve("application.yml"), Repository.read(
                Repository.K8S.resolve("overlays/production/client-security.yml"))
                .replace("/etc/news/kafka-ca/ca.crt", caCertificate.toString()));
        int port = Ports.freePort();
        Map<String, String> env = new LinkedHashMap<>(extra);
        int managementPort = Ports.freePort();
        managementPorts.put(port, managementPort);
        env.put("SERVER_PORT", "" + port);
        env.put("MANAGEMENT_SERVER_PORT", "" + managementPort);
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", news.testsupport.TestIssuer.shared().issuer());
        env.put("KAFKA_SASL_USERNAME", name);
        env.put("KAFKA_SASL_PASSWORD", passwords.get(name));
        env.put("SPRING_CONFIG_ADDITIONAL_LOCATION", "optional:file:" + config + "/");
        if (service.reads("NEWS_RANKING_STATE_DIR")) {
            env.put("NEWS_RANKING_STATE_DIR", work.resolve("ranking-state").toString());
        }
        if (service.reads("NEWS_READERS_HASH_KEY")) {
            env.put("NEWS_READERS_HASH_KEY", "secure-kafka-proof-reader-hash-key-of-this-run");
        }
        if (service.reads("NEWS_COMMENTS_AUTHOR_KEY")) {
            env.put("NEWS_COMMENTS_AUTHOR_KEY", "secure-kafka-proof-comment-author-key-of-this-run");
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(layout.serviceJvmOptions());
        command.addAll(List.of("-jar", layout.serviceJar(service.module()).toString()));
        ManagedProcess process = new ManagedProcess(name, command, env, work.resolve("logs/" + name + ".log"));
        started.add(process);
        process.start();
        return port;
    }

    private void awaitReady(int... ports) {
        await("readiness").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (ManagedProcess p : started) {
                assertThat(p.isAlive()).as(p.name() + " runs; see " + p.logFile()).isTrue();
            }
            for (int port : ports) {
                assertThat(Http.status("http://127.0.0.1:" + managementPorts.get(port) + "/actuator/health/readiness"))
                        .as("port " + port).isEqualTo(200);
            }
        });
    }

    private JsonNode entry(String list, String articleId) {
        if (list == null) {
            return null;
        }
        for (JsonNode entry : json.readTree(list).get("entries")) {
            if (entry.get("articleId").asString().equals(articleId)) {
                return entry;
            }
        }
        return null;
    }

    private void createCertificate() throws Exception {
        Path keystore = work.resolve("broker.p12");
        caCertificate = work.resolve("ca.crt");
        run(List.of(keytool(), "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "3", "-keystore",
                keystore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD));
        run(List.of(keytool(), "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-file", caCertificate.toString()));
    }

    private void startBroker() throws Exception {
        int port = Ports.freePort();
        int controller = Ports.freePort();
        bootstrap = "127.0.0.1:" + port;
        Properties p = KafkaBroker.singleNodeSettings(controller, work.resolve("kafka/logs"));
        p.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
                        + ADMIN_PASSWORD + "\";");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", work.resolve("broker.p12").toString());
        p.put("ssl.keystore.password", STORE_PASSWORD);
        p.put("ssl.key.password", STORE_PASSWORD);
        p.put("ssl.truststore.type", "PEM"); // the broker is a client of itself on the SASL_SSL listener
        p.put("ssl.truststore.location", caCertificate.toString());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        // the broker reaches its own controller over the PLAINTEXT controller listener as ANONYMOUS
        p.put("super.users", "User:admin;User:ANONYMOUS");
        p.put("allow.everyone.if.no.acl.found", "false");
        Path properties = work.resolve("kafka/server.properties");
        Files.createDirectories(properties.getParent());
        try (var out = Files.newBufferedWriter(properties)) {
            p.store(out, "SecureKafkaProofTest");
        }
        List<String> kafkaJava = List.of(java(), "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + layout.kafkaLogConfig(), "-cp", layout.kafkaClasspath());
        List<String> format = new ArrayList<>(kafkaJava);
        format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                properties.toString(), "--add-scram", "SCRAM-SHA-512=[name=admin,password=" + ADMIN_PASSWORD + "]"));
        run(format);
        List<String> command = new ArrayList<>(kafkaJava);
        command.addAll(List.of("kafka.Kafka", properties.toString()));
        ManagedProcess broker = new ManagedProcess("kafka", command, Map.of(), work.resolve("logs/kafka.log"));
        started.add(broker);
        broker.start();
        await("the SASL_SSL broker answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().untilAsserted(() -> {
                    assertThat(broker.isAlive()).as("the broker runs; see " + broker.logFile()).isTrue();
                    try (Admin admin = Admin.create(clientProperties("admin", ADMIN_PASSWORD))) {
                        assertThat(admin.describeCluster().nodes().get(5, TimeUnit.SECONDS)).isNotEmpty();
                    }
                });
    }

    /** The client settings of client-security.yml, for the test's own admin and producers. */
    private Map<String, Object> clientProperties(String user, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.location", caCertificate.toString());
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 20_000);
        return config;
    }

    private HttpResponse<String> post(int port, String path, String body, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) deploy-check")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(int port, String path) {
        return Http.bodyIfOk("http://127.0.0.1:" + port + path, Map.of());
    }

    private void run(List<String> command) throws Exception {
        Path log = work.resolve("logs/commands.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command.subList(0, Math.min(3, command.size())))
                + " failed; see " + log).isZero();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

}
