package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.FileSystemUtils;

import news.contracts.EventContracts;
import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;
import news.launcher.Http;
import news.launcher.KafkaBroker;
import news.launcher.Layout;
import news.launcher.ManagedProcess;
import news.launcher.Ports;
import news.testsupport.StartedProcesses;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scale-out on real processes (the proof of docs/deploy.md). One real KRaft broker (news.launcher.KafkaBroker), the
 * topics created by the generated {@code create-topics.sh}, articles and views produced as contract-valid CloudEvents;
 * then two ranking-service JVMs that differ only in their port, and two gateway JVMs:
 * <ol>
 *   <li>both ranking instances answer every list (Popular Now and Must-Reads, all and every section) identically,
 *       and each owns part of them;</li>
 *   <li>after SIGKILL of one, the other answers the same lists from its own store within 60 s;</li>
 *   <li>both gateways answer the same home page; after SIGKILL of one, the other still does.</li>
 * </ol>
 * Needs the service jars and the broker's jars: {@code ./mvnw -B -DskipTests package -pl
 * infra/local-kafka,ranking-service,gateway} (and their dependencies installed). Runs only with {@code -Pscale-out}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutProofTest {

    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(60);
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final String FORWARDED = "X-Ranking-Forwarded";
    private static final int ARTICLES = 14;

    private final JsonMapper json = JsonMapper.builder().build();
    @RegisterExtension
    final StartedProcesses started = new StartedProcesses();
    private final ServiceConfig ranking = ServiceConfig.named("ranking-service");
    private final ServiceConfig gateway = ServiceConfig.named("gateway");
    private final List<String> sections = List.of(ServiceConfig.resolveDefault(
            ranking.properties().get("news.sections")).split("\\s*,\\s*"));

    private Path work;
    private Layout layout;
    private KafkaBroker kafka;
    private Instance rankingA;
    private Instance rankingB;
    private final Map<String, String> listsBeforeKill = new TreeMap<>();
    private final Map<String, String> ownersBeforeKill = new TreeMap<>();

    record Instance(String name, int port, int managementPort, ManagedProcess process) {
        String managementUrl(String path) {
            return "http://127.0.0.1:" + managementPort + path;
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    @BeforeAll
    void startBrokerAndProduceEvents() throws Exception {
        layout = new Layout(Repository.ROOT, Repository.ROOT.resolve("infra/deploy/checks/target/scale-out"), Map.of());
        List<String> missing = layout.missingBuildOutputs().stream()
                .filter(m -> !m.contains("article-service") && !m.contains("comment-service") && !m.contains("local-mongo"))
                .toList();
        assertThat(missing).as("build first: ./mvnw -B -DskipTests package -pl infra/local-kafka,ranking-service,gateway")
                .isEmpty();
        work = layout.data();
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work);
        kafka = new KafkaBroker(work.resolve("kafka"), Ports.freePort(), Ports.freePort(), layout.kafkaClasspath(),
                List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + layout.kafkaLogConfig()),
                work.resolve("logs/kafka.log"));
        started.add(kafka.process());
        kafka.start(Duration.ofSeconds(120));
        createTopicsWithTheGeneratedScript();
        produceArticlesAndViews();
    }

    @Test
    @Order(1)
    void twoRankingInstancesThatDifferOnlyInTheirPortAnswerEveryListIdentically() {
        rankingA = startService(ranking, "ranking-a", Map.of());
        rankingB = startService(ranking, "ranking-b", Map.of());
        awaitReady(rankingA, rankingB);

        List<String> keys = listKeys();
        await("both instances answer every list identically, with the produced views counted")
                .atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    for (String key : keys) {
                        String a = get(rankingA.url(listPath(key)), Map.of());
                        String b = get(rankingB.url(listPath(key)), Map.of());
                        assertThat(a).as("%s from A", key).isNotNull();
                        assertThat(b).as("%s: B answers as A does", key).isEqualTo(a);
                        listsBeforeKill.put(key, a);
                    }
                    assertThat(popularNowScores(listsBeforeKill.get("popular-now|all"))).as("counted views")
                            .isEqualTo(expectedPopularNowScores());
                });
        for (String key : keys) {
            ownersBeforeKill.put(key, owner(key));
        }
        System.out.printf("[scale-out] %d lists answered identically by %s and %s; owners: %s%n", keys.size(),
                rankingA.name(), rankingB.name(), ownersBeforeKill);
        assertThat(Set.copyOf(ownersBeforeKill.values())).as("the lists are split over both instances")
                .containsExactlyInAnyOrder(rankingA.name(), rankingB.name());
    }

    @Test
    @Order(2)
    void whenOneRankingInstanceIsKilledTheOtherAnswersTheSameListsWithinSixtySeconds() {
        List<String> ownedByA = ownersBeforeKill.entrySet().stream().filter(e -> e.getValue().equals(rankingA.name()))
                .map(Map.Entry::getKey).toList();
        long killedAt = System.nanoTime();
        rankingA.process().kill();
        assertThat(rankingA.process().isAlive()).isFalse();

        await("ranking-b answers every list itself, as before the kill").atMost(TAKEOVER_LIMIT)
                .pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    for (String key : listKeys()) {
                        String now = get(rankingB.url(listPath(key)), Map.of(FORWARDED, "true"));
                        assertThat(now).as("%s answered by ranking-b from its own store", key).isNotNull();
                        assertThat(sameList(key, now, listsBeforeKill.get(key))).as("%s is the same list", key).isTrue();
                    }
                });
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("[scale-out] ranking-a SIGKILLed; ranking-b answered all %d lists (%d of them owned by"
                + " ranking-a before) identically after %.1f s%n", listKeys().size(), ownedByA.size(),
                takeover.toMillis() / 1000.0);
        assertThat(takeover).isLessThan(TAKEOVER_LIMIT);
        assertThat(ownedByA).isNotEmpty();
    }

    @Test
    @Order(3)
    void twoGatewaysAnswerTheSamePageAndOneSurvivesTheOthersKill() throws Exception {
        Map<String, String> env = Map.of("RANKING_SERVICE_URL", "http://127.0.0.1:" + rankingB.port(),
                "ARTICLE_SERVICE_URL", "http://127.0.0.1:" + Ports.freePort(),
                "COMMENT_SERVICE_URL", "http://127.0.0.1:" + Ports.freePort());
        env.keySet().forEach(v -> assertThat(gateway.reads(v)).as(v).isTrue());
        Instance one = startService(gateway, "gateway-1", env);
        Instance two = startService(gateway, "gateway-2", env);
        awaitReady(one, two);

        Map<String, String> pages = new LinkedHashMap<>();
        await("both gateways answer the same home page, Popular Now included").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    String first = withoutGeneratedAt(get(one.url("/api/pages/home"), Map.of()));
                    String second = withoutGeneratedAt(get(two.url("/api/pages/home"), Map.of()));
                    assertThat(first).isNotNull().isEqualTo(second);
                    JsonNode page = json.readTree(first);
                    assertThat(page.get("degraded")).isEmpty();
                    assertThat(page.at("/lists/popularNow")).hasSizeGreaterThanOrEqualTo(6);
                    String rankingsOne = get(one.url(listPath("popular-now|all")), Map.of());
                    assertThat(rankingsOne).isEqualTo(get(two.url(listPath("popular-now|all")), Map.of()));
                    pages.put("home", first);
                });
        long killedAt = System.nanoTime();
        one.process().kill();
        assertThat(one.process().isAlive()).isFalse();
        await("gateway-2 still answers the same page").atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(withoutGeneratedAt(get(two.url("/api/pages/home"), Map.of())))
                        .isEqualTo(pages.get("home")));
        System.out.printf("[scale-out] gateway-1 SIGKILLed; gateway-2 answered the same home page %.1f s later%n",
                Duration.ofNanos(System.nanoTime() - killedAt).toMillis() / 1000.0);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void createTopicsWithTheGeneratedScript() throws Exception {
        Path wrapper = work.resolve("kafka-topics");
        Files.writeString(wrapper, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Xmx256m -Dlog4j2.configurationFile=" + layout.kafkaLogConfig() + " -cp '" + layout.kafkaClasspath()
                + "' org.apache.kafka.tools.TopicCommand \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        ProcessBuilder script = new ProcessBuilder("/bin/sh", Repository.DEPLOY.resolve(TopicArtifacts.SCRIPT).toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("logs/create-topics.log").toFile());
        script.environment().putAll(Map.of("BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "REPLICATION_FACTOR", "1",
                "KAFKA_TOPICS", wrapper.toString()));
        Process process = script.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(work.resolve("logs/create-topics.log"))).isZero();

        TopicCatalog catalog = TopicCatalog.load();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(catalog.topics().stream().map(TopicSpec::name)
                    .toList()).allTopicNames().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(catalog.topics().stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList()).all().get(30, TimeUnit.SECONDS);
            for (TopicSpec spec : catalog.topics()) {
                assertThat(topics.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
                spec.config().forEach((k, v) -> assertThat(config.get(k).value()).as(spec.name() + " " + k).isEqualTo(v));
            }
        }
        System.out.printf("[scale-out] create-topics.sh created the %d topics of topics.yaml on %s%n",
                catalog.topics().size(), kafka.bootstrapServers());
    }

    /** Articles in every section, published in the last hours; article i gets 3*(i+1) human views and some bot views. */
    private void produceArticlesAndViews() throws Exception {
        EventContracts contracts = EventContracts.load();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                String id = articleId(i);
                String section = sections.get(i % sections.size());
                ObjectNode article = json.createObjectNode();
                article.put("articleId", id).put("slug", "scale-out-article-" + i).put("title", "Scale-out article " + i)
                        .put("section", section).put("source", "Deploy Check").put("editorPick", false)
                        .putNull("editorPickedAt").put("status", "published")
                        .put("publishedAt", now.minus(ARTICLES - i, ChronoUnit.MINUTES).toString())
                        .put("updatedAt", now.minus(ARTICLES - i, ChronoUnit.MINUTES).toString()).put("version", 1);
                article.putObject("byline").put("name", "Deploy Check").put("email", "deploy.check@example.com");
                article.putArray("body").add("A paragraph written by the scale-out proof.");
                article.putArray("tags").add("scale-out");
                send(producer, contracts, "news.article-events", "news.article.published", id, article, now);
            }
            producer.flush();
            for (int i = 0; i < ARTICLES; i++) {
                for (int v = 0; v < 3 * (i + 1); v++) {
                    send(producer, contracts, "news.article-views", "news.article.viewed", articleId(i),
                            view(i, "reader-" + i + "-" + v, "human", now.minusSeconds(v)), now);
                }
                send(producer, contracts, "news.article-views", "news.article.viewed", articleId(i),
                        view(i, "crawler-" + i, "bot", now), now);
            }
            producer.flush();
        }
    }

    private ObjectNode view(int article, String reader, String agent, Instant at) throws Exception {
        ObjectNode view = json.createObjectNode();
        view.put("articleId", articleId(article)).put("section", sections.get(article % sections.size()))
                .put("readerHash", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(reader.getBytes(StandardCharsets.UTF_8))))
                .put("agent", agent).put("viewedAt", at.toString());
        return view;
    }

    private void send(KafkaProducer<String, byte[]> producer, EventContracts contracts, String topic, String type,
                      String key, ObjectNode payload, Instant time) throws Exception {
        String body = json.writeValueAsString(payload);
        assertThat(contracts.validate(type, body)).as(type + " follows its schema").isEmpty();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, body.getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", type, "ce_source", "/article-service", "ce_time", time.toString(), "ce_subject", key,
                "content-type", "application/json");
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    private static String articleId(int i) {
        return "scaleout-%02d".formatted(i);
    }

    private Map<String, Long> expectedPopularNowScores() {
        Map<String, Long> scores = new TreeMap<>();
        for (int i = 0; i < ARTICLES; i++) {
            scores.put(articleId(i), 3L * (i + 1));
        }
        return scores;
    }

    private Map<String, Long> popularNowScores(String list) throws IOException {
        Map<String, Long> scores = new TreeMap<>();
        for (JsonNode entry : json.readTree(list).get("entries")) {
            if (entry.get("articleId").asString().startsWith("scaleout-")) {
                scores.put(entry.get("articleId").asString(), entry.get("score").asLong());
            }
        }
        return scores;
    }

    /**
     * The same list: the same entries in the same order. Popular Now scores are counts and must be equal; Must-Reads
     * scores decay with the articles' age (recomputed every minute), so there the order and the ids must be equal.
     */
    private boolean sameList(String key, String now, String before) {
        JsonNode a = json.readTree(now).get("entries");
        JsonNode b = json.readTree(before).get("entries");
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).get("articleId").equals(b.get(i).get("articleId"))
                    || !a.get(i).get("fallback").equals(b.get(i).get("fallback"))
                    || key.startsWith("popular-now") && !a.get(i).get("score").equals(b.get(i).get("score"))) {
                return false;
            }
        }
        return true;
    }

    /** Which instance answers the list from its own store: the other answers 503 to a forwarded request. */
    private String owner(String key) {
        List<String> owners = new ArrayList<>();
        for (Instance instance : List.of(rankingA, rankingB)) {
            if (get(instance.url(listPath(key)), Map.of(FORWARDED, "true")) != null) {
                owners.add(instance.name());
            }
        }
        assertThat(owners).as("exactly one owner of " + key).hasSize(1);
        return owners.get(0);
    }

    private List<String> listKeys() {
        List<String> keys = new ArrayList<>();
        for (String list : List.of("popular-now", "must-reads")) {
            keys.add(list + "|all");
            sections.forEach(s -> keys.add(list + "|" + s));
        }
        return keys;
    }

    private String listPath(String key) {
        String[] parts = key.split("\\|");
        return "/api/rankings/" + parts[0] + "?section=" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8)
                + "&limit=" + ranking.valueOf("news.ranking.max-list-size");
    }

    private String withoutGeneratedAt(String page) {
        if (page == null) {
            return null;
        }
        ObjectNode node = (ObjectNode) json.readTree(page);
        node.remove("generatedAt");
        return node.toString();
    }

    /** The body of a 200, or null for anything else (503 while rebalancing, connection refused after a kill). */
    private static String get(String url, Map<String, String> headers) {
        return Http.bodyIfOk(url, headers);
    }

    /** The service jar as infra/platform runs it: only its port, the broker and (ranking) the state folder differ. */
    private Instance startService(ServiceConfig service, String name, Map<String, String> extra) {
        int port = Ports.freePort();
        Map<String, String> env = new LinkedHashMap<>(extra);
        int managementPort = Ports.freePort();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", news.testsupport.TestIssuer.shared().issuer());
        if (service.reads("NEWS_RANKING_STATE_DIR")) {
            env.put("NEWS_RANKING_STATE_DIR", work.resolve("ranking-state").toString());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(layout.serviceJvmOptions());
        command.addAll(List.of("-jar", layout.serviceJar(service.module()).toString()));
        ManagedProcess process = new ManagedProcess(name, command, env, work.resolve("logs/" + name + ".log"));
        started.add(process);
        process.start();
        return new Instance(name, port, managementPort, process);
    }

    private void awaitReady(Instance... instances) {
        await("readiness of " + List.of(instances).stream().map(Instance::name).toList()).atMost(START_LIMIT)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    for (Instance instance : instances) {
                        assertThat(instance.process().isAlive()).as(instance.name() + " is running; see "
                                + instance.process().logFile()).isTrue();
                        assertThat(get(instance.managementUrl("/actuator/health/readiness"), Map.of()))
                                .as(instance.name() + " ready").isNotNull();
                    }
                });
    }

}
