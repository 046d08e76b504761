package news.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import news.kit.cloudevents.CloudEvent;
import news.ranking.it.IsolatedTopics;
import news.ranking.rules.RankedEntry;
import news.ranking.rules.RankedList;
import news.testsupport.CloudEventAssertions;
import news.testsupport.OperabilityChecks;
import news.testsupport.TestInfrastructure;
import news.testsupport.TopicProbe;

/**
 * The running service on the contract's topics of the real broker: events in, {@code news.rankings} and the query
 * API out, dead letters, metrics.
 */
class RankingsOnTheRealBrokerTest extends RealBrokerTest {

    @Test
    void viewsOnTheContractTopicsReachTheQueryApiAndNewsRankingsByTheContract() throws Exception {
        String article = "real-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (TopicProbe rankings = TopicProbe.tail("news.rankings");
             KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap())) {
            producer.send(TestEvents.article(article, "Policy", "Real broker article", true,
                    now.minus(Duration.ofMinutes(10)), false, null, 1).toRecord("news.article-events"));
            for (int i = 0; i < 3; i++) {
                producer.send(TestEvents.view(article, "Policy", "reader-" + i, false, now).toRecord(
                        "news.article-views"));
            }
            producer.send(TestEvents.view(article, "Policy", "crawler", true, now).toRecord("news.article-views"));
            producer.flush();

            Awaitility.await("the article in Popular Now of its section").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                        var response = OperabilityChecks.get(port, "/api/rankings/popular-now?section=policy&limit=50");
                        assertThat(response.statusCode()).isEqualTo(200);
                        RankedList list = JSON.readValue(response.body(), RankedList.class);
                        assertThat(list.section()).isEqualTo("Policy");
                        assertThat(list.entries()).contains(new RankedEntry(article, "Real broker article", "Policy",
                                news.ranking.rules.Times.format(now.minus(Duration.ofMinutes(10)).toEpochMilli()),
                                3L, false));
                    });

            List<ConsumerRecord<String, byte[]>> published = rankings.await(record ->
                    record.key().equals("popular-now|Policy") && TopicProbe.value(record).contains(article)
                            && TopicProbe.value(record).contains("\"score\":3,"), 1, Duration.ofSeconds(30));
            assertThat(rankings.seen()).isNotEmpty().allSatisfy(CloudEventAssertions::assertFollowsContract);
            assertThat(TopicProbe.header(published.get(0), "ce_subject")).isEqualTo("popular-now|Policy");
        }
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicInItsOriginalPartition() throws Exception {
        String article = "poison-" + UUID.randomUUID().toString().substring(0, 8);
        CloudEvent view = TestEvents.view(article, "Navy", "alice", false, Instant.now());
        ProducerRecord<String, byte[]> valid = view.toRecord("news.article-views");
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>("news.article-views", null, valid.timestamp(),
                valid.key(), "{\"articleId\":".getBytes(StandardCharsets.UTF_8), valid.headers());
        try (TopicProbe deadLetters = TopicProbe.tail("news.article-views.dlq");
             KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap())) {
            RecordMetadata sent = producer.send(poison).get();

            ConsumerRecord<String, byte[]> letter = deadLetters.await(TopicProbe.withKey(article), 1,
                    Duration.ofSeconds(60)).get(0);

            assertThat(letter.partition()).isEqualTo(sent.partition());
            assertThat(letter.value()).isEqualTo(poison.value());
            assertThat(TopicProbe.header(letter, "ce_id")).isEqualTo(view.id());
            assertThat(TopicProbe.header(letter, "x-dlq-reason")).startsWith("payload is not JSON");
            assertThat(TopicProbe.header(letter, "x-dlq-original-topic")).isEqualTo("news.article-views");
            assertThat(TopicProbe.header(letter, "x-dlq-original-partition")).isEqualTo("" + sent.partition());
            assertThat(TopicProbe.header(letter, "x-dlq-original-offset")).isEqualTo("" + sent.offset());
            assertThat(TopicProbe.header(letter, "x-dlq-consumer")).isEqualTo("ranking-service");
        }
        assertThat(OperabilityChecks.get(managementPort, "/actuator/prometheus").body())
                .containsPattern("news_ranking_dlq_total\\{[^}]*reason=\"not-json\"[^}]*topic=\"news.article-views\"");
    }

    @Test
    void theServiceReportsItsOwnAndKafkaStreamsMetricsAndItsStreamsState() {
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap())) {
            producer.send(TestEvents.article("metrics-" + UUID.randomUUID().toString().substring(0, 8), "Army",
                    "Counted", true, Instant.now(), false, null, 1).toRecord("news.article-events"));
        }

        // news_events_consumed_total exists from the start (KnownRankingSeries) and a list's counter from its first
        // publication, one publish interval after the article reached the lists: wait for both, not for the name alone
        Awaitility.await("the article event counted and a list published").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(OperabilityChecks.get(managementPort, "/actuator/prometheus").body())
                        .containsPattern("news_events_consumed_total\\{[^}]*topic=\"news.article-events\"[^}]*} [1-9]")
                        .contains("news_ranking_late_views_total", "news_ranking_freshness_seconds_bucket",
                                "news_ranking_lists_published_total", "kafka_stream_thread_process_total"));
        String readiness = OperabilityChecks.get(managementPort, "/actuator/health/readiness").body();
        assertThat(readiness).contains("\"rankingStreams\":{\"details\":{\"state\":\"RUNNING\",\"runningOnce\":true},"
                + "\"status\":\"UP\"}");
    }

    @Test
    void badQueriesAreProblemDetails() {
        var response = OperabilityChecks.get(port, "/api/rankings/most-read?section=all");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("Unknown list 'most-read'");
    }

    private static String bootstrap() {
        return TestInfrastructure.kafkaBootstrapServers();
    }
}
