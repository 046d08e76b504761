package news.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
    /** The platform's times: UTC, always three fraction digits. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

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
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("news.article-events", article,
                ("{\"articleId\":\"" + article + "\",\"version\":3}").getBytes(UTF_8));
        headers(record, ceId, "news.article.updated", article);
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
                ProducerRecord<String, byte[]> list = new ProducerRecord<>("news.rankings", "popular-now|all",
                        ("{\"list\":\"popular-now\",\"section\":\"all\",\"computedAt\":\"2026-11-25T09:45:01.000Z\","
                                + "\"run\":\"" + run + "\",\"version\":\"" + version + "\"}").getBytes(UTF_8));
                headers(list, UUID.randomUUID().toString(), "news.ranking.updated", "popular-now|all");
                producer.send(list).get();
            }
            producer.send(new ProducerRecord<>("news.rankings", "popular-now|Navy",
                    ("{\"list\":\"popular-now\",\"section\":\"Navy\",\"run\":\"" + run + "\"}").getBytes(UTF_8))).get();
        }

        List<String> lines = run("popular-now-all");

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("popular-now|all\t").contains(run).contains("\"version\":\"newer\"");
    }

    private static List<String> run(String recipe) throws IOException, InterruptedException {
        String script = String.join("\n", DocRecipes.recipe(DocRecipes.ANALYTICS, recipe));
        assertThat(script).as("the recipe names the local broker, which the test replaces").contains(DOCUMENTED_BROKER);
        Path out = Files.createTempFile("kcat-recipe", ".out");
        Path err = Files.createTempFile("kcat-recipe", ".err");
        try {
            Process process = new ProcessBuilder("bash", "-c", "set -o pipefail\n"
                    + script.replace(DOCUMENTED_BROKER, TestInfrastructure.kafkaBootstrapServers()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("recipe '" + recipe + "' did not end within 90 s: " + Files.readString(err));
            }
            assertThat(process.exitValue()).as("exit code of recipe '%s'; stderr: %s", recipe, Files.readString(err))
                    .isZero();
            return Files.readAllLines(out).stream().filter(l -> !l.isEmpty()).toList();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> view(String article, String ceId, Instant viewedAt, String agent,
                                                       String tag) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("news.article-views", article,
                ("{\"articleId\":\"" + article + "\",\"section\":\"Navy\",\"readerHash\":\"" + "ab".repeat(32)
                        + "\",\"agent\":\"" + agent + "\",\"viewedAt\":\"" + TIME.format(viewedAt) + "\",\"tag\":\"" + tag
                        + "\"}")
                        .getBytes(UTF_8));
        headers(record, ceId, "news.article.viewed", article);
        return record;
    }

    private static void headers(ProducerRecord<String, byte[]> record, String ceId, String type, String subject) {
        record.headers()
                .add("ce_specversion", "1.0".getBytes(UTF_8))
                .add("ce_id", ceId.getBytes(UTF_8))
                .add("ce_type", type.getBytes(UTF_8))
                .add("ce_source", "/article-service".getBytes(UTF_8))
                .add("ce_time", TIME.format(Instant.now()).getBytes(UTF_8))
                .add("ce_subject", subject.getBytes(UTF_8))
                .add("content-type", "application/json".getBytes(UTF_8));
    }
}
