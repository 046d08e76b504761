package news.ranking.topology;

import static news.ranking.topology.StateFormatRecording.AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import news.ranking.TestEvents;
import news.ranking.it.IsolatedTopics;
import news.ranking.it.StandaloneRanking;
import news.ranking.it.StartedStreams;
import news.ranking.rules.Candidate;
import news.testsupport.TestInfrastructure;

/**
 * Stored state outlives a build: the changelogs of state format 1, recorded by {@link StateFormatRecording}
 * ({@code src/test/resources/state-format-1}), restore into the current code on the real broker. The restored counts
 * reach the lists, a recorded reader's repeat view and a redelivered comment do not count, new activity counts on top.
 */
class StateFormatTest {

    @TempDir
    Path stateDir;

    @RegisterExtension
    final StartedStreams started = new StartedStreams();

    private KafkaStreams streams;

    @Test
    void aChangelogOfStateFormat1RestoresIntoThisBuild() throws Exception {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        IsolatedTopics topics = IsolatedTopics.createFresh(bootstrap, "format");
        String run = topics.prefix();
        restoreRecordedChangelogs(bootstrap, run);
        List<String> navy = StateFormatRecording.articlesOfPartitionZero("navy", 2);

        streams = started.start(bootstrap, run, stateDir, topics, StateFormatRecording.SETTINGS);

        Awaitility.await("the recorded counts in the lists").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(count("popular-now", navy.get(0))).isEqualTo(3);
                    assertThat(count("most-shared", navy.get(0))).as("erin once").isEqualTo(1);
                    assertThat(count("must-reads", navy.get(0))).as("3 views + 10 * 2 shares").isEqualTo(23);
                    assertThat(count("must-reads", navy.get(1))).as("1 view + 5 * 1 comment").isEqualTo(6);
                });

        try (KafkaProducer<String, byte[]> producer = IsolatedTopics.producer(bootstrap)) {
            producer.send(now(TestEvents.view(navy.get(0), "Navy", "alice", false, AT.plusSeconds(60))
                    .toRecord(topics.topics().articleViews())));
            producer.send(now(TestEvents.view(navy.get(0), "Navy", "zoe", false, AT.plusSeconds(60))
                    .toRecord(topics.topics().articleViews())));
            producer.send(now(TestEvents.share(navy.get(0), "Navy", "erin", AT.plusSeconds(60))
                    .toRecord(topics.topics().articleShares())));
            producer.send(now(TestEvents.commentPosted("c-1", navy.get(1), AT.plusSeconds(20))
                    .toRecord(topics.topics().commentEvents())));
        }
        Awaitility.await("new activity on top of the restored state").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(count("popular-now", navy.get(0))).as("zoe counts, alice's repeat does not")
                            .isEqualTo(4);
                    assertThat(count("must-reads", navy.get(0))).as("4 views + 10 * 3 shares: erin's shares of"
                            + " format 1 were counted by ce_id, before shares were judged per reader and day, so the"
                            + " reader log knows none of them").isEqualTo(34);
                    assertThat(count("most-shared", navy.get(0))).as("erin still once").isEqualTo(1);
                });
        assertThat(count("must-reads", navy.get(1))).as("the redelivered comment did not count").isEqualTo(6);
    }

    @Test
    void aValueOfAnotherFormatStopsWithWhatToDo() {
        assertThatThrownBy(() -> StateFormat.check((byte) 3, RankingStores.BUCKETS))
                .hasMessageContaining("ranking-buckets holds a value of state format 3")
                .hasMessageContaining("this build reads formats 1 to 2")
                .hasMessageContaining("State formats");
    }

    /** The record with the time of now: the broker refuses record times in the year 2100 (the payload keeps it). */
    private static ProducerRecord<String, byte[]> now(ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), null, System.currentTimeMillis(), record.key(), record.value(),
                record.headers());
    }

    /** Weighted engagement of the article in the list of {@code all}, from the list stage's candidates. */
    private long count(String list, String articleId) {
        Candidate candidate = StandaloneRanking.candidates(streams).get(list + "|all|" + articleId);
        long[] counts = candidate.counts();
        long[] weights = switch (list) {
            case "must-reads" -> new long[] {1, 5, 10};
            default -> new long[] {1};
        };
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i] * weights[i];
        }
        return sum;
    }

    private static void restoreRecordedChangelogs(String bootstrap, String applicationId) throws Exception {
        Map<String, List<String[]>> records = new HashMap<>();
        try (InputStream in = StateFormatTest.class.getResourceAsStream("/state-format-1/changelogs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split("\t");
                records.computeIfAbsent(fields[0], s -> new java.util.ArrayList<>()).add(fields);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(StateFormatRecording.STORES.stream()
                    .map(store -> new NewTopic(changelog(applicationId, store), 6, (short) 1)
                            .configs(Map.of("cleanup.policy", store.equals(RankingStores.ACTIVITY_LOG)
                                    ? "compact,delete" : "compact")))
                    .toList()).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            records.forEach((store, lines) -> lines.forEach(fields -> producer.send(new ProducerRecord<>(
                    changelog(applicationId, store), 0, Base64.getDecoder().decode(fields[1]),
                    fields[2].equals("-") ? null : Base64.getDecoder().decode(fields[2])))));
        }
    }

    private static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }
}
