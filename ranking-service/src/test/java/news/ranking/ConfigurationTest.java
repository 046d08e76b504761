package news.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import news.ranking.rules.Activity;
import news.ranking.rules.ListKind;
import news.ranking.rules.ListKinds;
import news.ranking.rules.Measure;
import news.ranking.rules.ReaderRepeat;
import news.contracts.TopicCatalog;
import news.contracts.TopicSpec;

/** The configuration in {@code application.yml} against the contract and against itself. */
class ConfigurationTest {

    private final RankingTestConfig config = RankingTestConfig.defaults();

    @Test
    void theTopicsAreTheContractsTopicsAndTheirDeadLetterTopicsExist() {
        TopicCatalog catalog = TopicCatalog.load();
        RankingTopics topics = config.topics();

        for (String input : topics.inputs()) {
            TopicSpec spec = catalog.topic(input);
            assertThat(spec.consumers()).as("consumers of %s", input).contains("ranking-service");
            assertThat(spec.partitions()).as("co-partitioned inputs").isEqualTo(6);
            assertThat(catalog.topic(RankingTopics.deadLetterTopic(input)).partitions()).isEqualTo(6);
        }
        assertThat(catalog.topic(topics.rankings()).producers()).containsExactly("ranking-service");
    }

    @Test
    void theDefaultsAreThoseOfDesignSection5() {
        RankingProperties properties = config.properties();

        ListKinds kinds = properties.listKinds();
        Measure views = kinds.measures().get(kinds.measureIndex("views"));
        assertThat(views.activity()).isEqualTo(Activity.VIEW);
        assertThat(views.oncePerReader()).isEqualTo(Duration.ofMinutes(30));
        assertThat(views.repeat()).isEqualTo(ReaderRepeat.WITHIN_INTERVAL);
        Measure shares = kinds.measures().get(kinds.measureIndex("shares"));
        assertThat(shares.activity()).isEqualTo(Activity.SHARE);
        assertThat(shares.oncePerReader()).as("one share per reader, article and UTC day").isEqualTo(Duration.ofDays(1));
        assertThat(shares.repeat()).isEqualTo(ReaderRepeat.SAME_PERIOD);
        ListKind popularNow = kinds.bySlug("popular-now").orElseThrow();
        assertThat(popularNow.window()).isEqualTo(Duration.ofMinutes(60));
        assertThat(popularNow.measures()).containsExactly("views");
        assertThat(popularNow.ages()).isFalse();
        ListKind mustReads = kinds.bySlug("must-reads").orElseThrow();
        assertThat(mustReads.window()).isEqualTo(Duration.ofDays(7));
        assertThat(mustReads.measures()).containsExactly("views", "comments", "shares");
        assertThat(mustReads.weights()).containsExactly(1, 5, 10);
        assertThat(mustReads.ageOffsetHours()).isEqualTo(2);
        assertThat(mustReads.ageExponent()).isEqualTo(1.5);
        assertThat(mustReads.editorPicksFirst()).isTrue();
        assertThat(mustReads.recomputeInterval()).isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(properties.maxListSize()).isEqualTo(50);
        assertThat(properties.publishInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void settingsThatWouldBreakTheContractAreRefusedAtStart() {
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.max-list-size", "51")).properties())
                .hasRootCauseMessage("news.ranking.max-list-size must be 1 to 50");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.publish-interval", "500ms")).properties())
                .rootCause().hasMessageContaining("at least 1s");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.lists.popular-now.bucket", "7s"))
                .properties()).rootCause().hasMessageContaining("multiple of its bucket");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.dedupe-retention", "1d"))
                .properties()).rootCause().hasMessageContaining("at least the window + bucket of must-reads");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.lists.popular-now.counts.likes", "1"))
                .properties()).rootCause().hasMessageContaining("unknown measure 'likes'");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.measures.views.once-per-reader", ""))
                .properties()).rootCause().hasMessageContaining("views have no id of their own");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.measures.shares.once-per-reader", ""))
                .properties()).rootCause().hasMessageContaining("repeat needs once-per-reader");
    }
}
