package news.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kcat recipes of docs/analytics.md, taken from the document and run with bash against a real broker (the
 * document's {@code 127.0.0.1:9092} replaced by the test broker's address). Skipped, saying why, without kcat.
 */
class KcatRecipesTest {

    private static final String DOCUMENTED_BROKER = "127.0.0.1:9092";

    @BeforeAll
    static void kcatIsInstalled() {
        assumeTrue(RepositoryFiles.tool("kcat").isPresent(), "kcat is not installed (Debian package kcat; .ci/run installs it when it can): "
                + "the kcat recipes of docs/analytics.md are not run");
    }

    @Test
    void theViewsOfTheLastHourAreSelectedByViewedAtOncePerCeIdWithoutBots() throws Exception {
        String article = "kc" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String counted = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(view(article, counted, now.minus(10, ChronoUnit.MINUTES), "human", "first")).get();
            producer.send(view(article, counted, now.minus(10, ChronoUnit.MINUTES), "human", "first")).get(); // redelivery
            // sent now, but viewed two hours ago: its record time is in the hour, its event time is not
            producer.send(view(article, UUID.randomUUID().toString(), now.minus(2, ChronoUnit.HOURS), "human", "old")).get();
            producer.send(view(article, UUID.randomUUID().toString(), now.minus(5, ChronoUnit.MINUTES), "bot", "bot")).get();
            ProducerRecord<String, byte[]> withoutId = view(article, "none", now, "human", "no-id");
            withoutId.headers().remove("ce_id");
            producer.send(withoutId).get();
            producer.send(view(article, UUID.randomUUID().toString(), now.minus(1, ChronoUnit.MINUTES), "human", "second")).get();
        }

        List<String> lines = run("views-last-hour").stream().filter(l -> l.contains(article)).toList();

        assertThat(lines).as("the redelivery once, neither the old view nor the bot nor the record without ce_id")
                .hasSize(2)
                .anyMatch(l -> l.contains("\"tag\":\"first\"")).anyMatch(l -> l.contains("\"tag\":\"second\""));
    }

    @Test
    void theArticleSnapshotsComeWithTheirKeyAndHeaders() throws Exception {
        String article = "kc" + UUID.randomUUID().toString().substring(0, 8);
        String ceId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = CloudEventRecords.of("news.article-events", article, ceId,
                "news.article.updated", "/article-service", Instant.now(),
                "{\"articleId\":\"" + article + "\",\"version\":3}");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record).get();
        }

        List<String> lines = run("article-snapshots");

        int at = lines.indexOf(lines.stream().filter(l -> l.startsWith("key=" + article + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line 'key=" + article + " ...' in " + lines)));
        assertThat(lines.get(at)).contains("ce_id=" + ceId).contains("ce_type=news.article.updated");
        assertThat(lines.get(at + 1)).isEqualTo("{\"articleId\":\"" + article + "\",\"version\":3}");
    }

    @Test
    void theCurrentPopularNowIsTheLastRecordOfItsKey() throws Exception {
        String run = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (String version : List.of("older", "newer")) {
                // the same computedAt twice, as after a restart: the offset decides which is current
                producer.send(CloudEventRecords.of("news.rankings", "popular-now|all", UUID.randomUUID().toString(),
                        "news.ranking.updated", "/ranking-service", Instant.now(),
                        "{\"list\":\"popular-now\",\"section\":\"all\",\"computedAt\":\"2026-11-25T09:45:01.000Z\","
                                + "\"run\":\"" + run + "\",\"version\":\"" + version + "\"}")).get();
            }
            producer.send(new ProducerRecord<>("news.rankings", "popular-now|Navy",
                    ("{\"list\":\"popular-now\",\"section\":\"Navy\",\"run\":\"" + run + "\"}").getBytes(UTF_8))).get();
        }

        List<String> lines = run("popular-now-all");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("popular-now|all\t").contains(run).contains("\"version\":\"newer\"");
    }

    private static List<String> run(String recipe) throws Exception {
        String script = String.join("\n", DocRecipes.recipe(DocRecipes.ANALYTICS, recipe));
        assertThat(script).as("the recipe names the local broker, which the test replaces").contains(DOCUMENTED_BROKER);
        ToolRun ran = ToolRun.of(Duration.ofSeconds(90), List.of("bash", "-c", "set -o pipefail\n"
                + script.replace(DOCUMENTED_BROKER, TestInfrastructure.kafkaBootstrapServers())));
        assertThat(ran.exit()).as("exit code of recipe '%s'; stderr: %s", recipe, ran.err()).isZero();
        return ran.out().lines().filter(l -> !l.isEmpty()).toList();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> view(String article, String ceId, Instant viewedAt, String agent,
                                                       String tag) {
        return CloudEventRecords.of("news.article-views", article, ceId, "news.article.viewed", "/article-service",
                Instant.now(), "{\"articleId\":\"" + article + "\",\"section\":\"Navy\",\"readerHash\":\""
                        + "ab".repeat(32) + "\",\"agent\":\"" + agent + "\",\"viewedAt\":\""
                        + TestEvent.TIME.format(viewedAt) + "\",\"tag\":\"" + tag + "\"}");
    }
}
