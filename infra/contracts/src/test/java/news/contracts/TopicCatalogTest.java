package news.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TopicCatalogTest {

    private final TopicCatalog catalog = TopicCatalog.load();

    @Test
    void listsEveryTopicOfTheDesignWithItsDeadLetterTopic() {
        assertThat(catalog.topics()).extracting(TopicSpec::name).contains(
                "news.article-events", "news.article-views", "news.article-shares", "news.comment-events",
                "news.rankings", "news.article-events.dlq", "news.article-views.dlq", "news.article-shares.dlq",
                "news.comment-events.dlq");
        catalog.topics().stream().filter(t -> t.dlq() != null).forEach(topic -> {
            assertThat(topic.dlq()).isEqualTo(topic.name() + ".dlq");
            TopicSpec dlq = catalog.topic(topic.dlq());
            assertThat(dlq.deadLetterOf()).isEqualTo(topic.name());
            assertThat(dlq.partitions())
                    .as("a dead letter keeps the partition of its record, so %s needs as many partitions", dlq.name())
                    .isGreaterThanOrEqualTo(topic.partitions());
        });
    }

    @Test
    void articleKeyedTopicsAreCoPartitionedSoRankingCanJoinThemWithoutRepartitioning() {
        Set<Integer> partitionCounts = catalog.topics().stream()
                .filter(t -> !t.isDeadLetterTopic() && "articleId".equals(t.key()))
                .map(TopicSpec::partitions).collect(Collectors.toSet());
        assertThat(partitionCounts).hasSize(1);
    }

    @Test
    void stateTopicsAreCompactedAndEventStreamsAreRetainedLongerThanTheMustReadsWindow() {
        assertThat(catalog.topic("news.article-events").isCompacted()).isTrue();
        assertThat(catalog.topic("news.rankings").isCompacted()).isTrue();
        long sevenDays = 7L * 24 * 3600 * 1000;
        for (String stream : new String[] {"news.article-views", "news.article-shares", "news.comment-events"}) {
            assertThat(Long.parseLong(catalog.topic(stream).config().get("retention.ms"))).isGreaterThan(sevenDays);
        }
    }

    @Test
    void everyEventTypeBelongsToExactlyOneTopicAndFollowsTheNamingRule() {
        assertThat(catalog.topicOfType("news.article.viewed")).map(TopicSpec::name).contains("news.article-views");
        assertThat(catalog.topicOfType("news.ranking.updated")).map(TopicSpec::name).contains("news.rankings");
        assertThat(catalog.topicOfType("news.article.deleted")).isEmpty();
        catalog.topics().stream().flatMap(t -> t.events().stream())
                .forEach(e -> assertThat(e.type()).matches("news\\.[a-z]+\\.[a-z]+"));
    }
}
