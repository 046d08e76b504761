package news.ranking.topology;

import static news.ranking.topology.RankingDriver.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import news.ranking.rules.RankedList;
import news.testsupport.CloudEventAssertions;
import news.testsupport.TopicProbe;
import tools.jackson.databind.json.JsonMapper;

/** What reaches {@code news.rankings}: every change of a list, at most once per second per key, by the contract. */
class PublicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final RankingDriver ranking = new RankingDriver();

    @AfterEach
    void close() {
        ranking.close();
    }

    @Test
    void everyConfiguredListIsPublishedOnceAtStartEvenWhenEmpty() {
        ranking.clockAt(START.plusSeconds(1));

        Map<String, Long> keys = ranking.published().stream()
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(keys).as("3 lists x (7 sections + all)").hasSize(24).containsEntry("popular-now|all", 1L)
                .containsEntry("must-reads|Air Force", 1L).containsEntry("popular-now|North Korea", 1L)
                .containsEntry("most-shared|all", 1L);
        assertThat(ranking.published()).allSatisfy(CloudEventAssertions::assertFollowsContract);
    }

    @Test
    void publishedListsFollowTheContract() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.pick("army-1", "Army", START.minus(Duration.ofHours(2)), START.minus(Duration.ofMinutes(1)));
        ranking.views("navy-1", 2, START);
        ranking.share("army-1", "alice", START);
        ranking.clockAt(START.plusSeconds(1));
        ranking.clockAt(START.plusSeconds(3));

        List<ConsumerRecord<String, byte[]>> records = ranking.published();
        assertThat(records).isNotEmpty();
        records.forEach(CloudEventAssertions::assertFollowsContract);
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("news.ranking.updated");
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/ranking-service");
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(record.key());
            RankedList list = JSON.readValue(record.value(), RankedList.class);
            assertThat(list.list() + "|" + list.section()).isEqualTo(record.key());
            assertThat(TopicProbe.header(record, "ce_time")).isEqualTo(list.computedAt());
        }
        assertThat(records.stream().map(r -> TopicProbe.header(r, "ce_id")).distinct()).hasSameSizeAs(records);
        ConsumerRecord<String, byte[]> popular = last(records, "popular-now|all");
        assertThat(new String(popular.value(), StandardCharsets.UTF_8))
                .contains("{\"articleId\":\"navy-1\",\"title\":\"Title of navy-1\",\"section\":\"Navy\","
                        + "\"publishedAt\":\"2026-11-25T09:00:00.000Z\",\"score\":2,\"fallback\":false}");
    }

    @Test
    void aChangingListIsPublishedAtMostOncePerSecondAndItsLastStateAlwaysGetsOut() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.clockAt(START.plusSeconds(1));
        int before = published("popular-now|all").size();

        for (int i = 0; i < 40; i++) {
            ranking.view("navy-1", "reader-" + i, START.plusSeconds(2).plusMillis(100L * i));
        }
        ranking.clockAt(START.plusSeconds(10));
        ranking.clockAt(START.plusSeconds(12));

        List<ConsumerRecord<String, byte[]>> changes = published("popular-now|all").subList(before,
                published("popular-now|all").size());
        assertThat(changes).as("views for 4 s, then quiet").hasSizeBetween(2, 7);
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).timestamp() - changes.get(i - 1).timestamp()).isGreaterThanOrEqualTo(1000);
        }
        RankedList last = JSON.readValue(changes.get(changes.size() - 1).value(), RankedList.class);
        assertThat(last.entries().get(0).score()).isEqualTo(40L);
        assertThat(last.entries()).isEqualTo(ranking.popularNow("all").entries());
    }

    @Test
    void anUnchangedListIsNotPublishedAgain() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.views("navy-1", 1, START);
        ranking.clockAt(START.plusSeconds(2));
        ranking.clockAt(START.plusSeconds(4));
        int before = published("popular-now|all").size();

        ranking.clockAt(START.plusSeconds(30));

        assertThat(published("popular-now|all")).hasSize(before);
        assertThat(ranking.popularNow("all").computedAt()).as("computed when its counts last changed")
                .isEqualTo("2026-11-25T10:00:02.000Z");
    }

    @Test
    void freshnessIsMeasuredFromTheViewToThePopularNowListThatCountsIt() {
        ranking.publish("navy-1", "Navy", START.minus(Duration.ofHours(1)));
        ranking.view("navy-1", "alice", START.minusMillis(300));

        ranking.clockAt(START);

        Timer freshness = ranking.meters.find("news.ranking.freshness").timer();
        assertThat(freshness.count()).isEqualTo(1);
        assertThat(freshness.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isBetween(300.0, 1000.0);
    }

    private List<ConsumerRecord<String, byte[]>> published(String key) {
        return ranking.published().stream().filter(r -> r.key().equals(key)).toList();
    }

    private static ConsumerRecord<String, byte[]> last(List<ConsumerRecord<String, byte[]>> records, String key) {
        List<ConsumerRecord<String, byte[]>> matching = records.stream().filter(r -> r.key().equals(key)).toList();
        return matching.get(matching.size() - 1);
    }
}
