package news.ranking.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import news.kit.cloudevents.CloudEvent;
import news.ranking.TestEvents;
import news.ranking.it.IsolatedTopics;
import news.ranking.it.StandaloneRanking;
import news.ranking.it.StartedStreams;
import news.testsupport.TestInfrastructure;

/**
 * On the real broker: the shares a reader made today are remembered through a restart that loses the local state, so
 * the instance that takes over restores them from the reader log's changelog and a repeat share still does not count.
 */
class SharesRepeatRuleSurvivesARestartTest {

    private static final String ARTICLE = "navy-restart-1";

    @TempDir
    Path firstState;
    @TempDir
    Path secondState;

    @RegisterExtension
    final StartedStreams started = new StartedStreams();

    private KafkaStreams streams;

    @Test
    void aReadersRepeatShareOfTheDayDoesNotCountAfterARestartFromTheChangelog() {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        IsolatedTopics topics = IsolatedTopics.createFresh(bootstrap, "shares");
        String run = topics.prefix();
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));

        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            send(producer, topics.topics().articleEvents(), TestEvents.article(ARTICLE, "Navy", "Title", true,
                    day.minus(Duration.ofHours(2)), false, null, 1));
            send(producer, topics.topics().articleShares(), TestEvents.share(ARTICLE, "Navy", "alice",
                    day.plus(Duration.ofHours(9))));
        }
        streams = started.start(bootstrap, run, firstState, topics);
        awaitCounts(1, 0);
        streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(20)));

        streams = started.start(bootstrap, run, secondState, topics);
        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            send(producer, topics.topics().articleShares(), TestEvents.share(ARTICLE, "Navy", "alice",
                    day.plus(Duration.ofHours(15))));
            send(producer, topics.topics().articleShares(), TestEvents.share(ARTICLE, "Navy", "bob",
                    day.plus(Duration.ofHours(15))));
            send(producer, topics.topics().articleViews(), TestEvents.view(ARTICLE, "Navy", "carol", false,
                    day.plus(Duration.ofHours(15))));
        }
        awaitCounts(2, 1);
    }

    /**
     * Waits for the view that was sent last (so every share before it in the article's partition has been judged),
     * then checks the shares.
     */
    private void awaitCounts(long shares, long views) {
        Awaitility.await("Must-Reads counts of " + ARTICLE).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(250)).ignoreExceptions().untilAsserted(() -> {
                    long[] counts = mustReadsCounts();
                    assertThat(counts[0]).as("views").isEqualTo(views);
                    assertThat(counts[2]).as("shares").isGreaterThanOrEqualTo(shares);
                });
        assertThat(mustReadsCounts()[2]).as("shares").isEqualTo(shares);
    }

    private long[] mustReadsCounts() {
        return StandaloneRanking.candidates(streams).get("must-reads|all|" + ARTICLE).counts();
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, CloudEvent event) {
        ProducerRecord<String, byte[]> record = event.toRecord(topic);
        producer.send(new ProducerRecord<>(record.topic(), null, System.currentTimeMillis(), record.key(),
                record.value(), record.headers()));
    }
}
