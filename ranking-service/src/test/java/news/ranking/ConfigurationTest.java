package news.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

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

        assertThat(properties.popularNow().window()).isEqualTo(Duration.ofMinutes(60));
        assertThat(properties.popularNow().repeatViewInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(properties.mustReads().window()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.mustReads().commentWeight()).isEqualTo(5);
        assertThat(properties.mustReads().shareWeight()).isEqualTo(10);
        assertThat(properties.mustReads().ageOffsetHours()).isEqualTo(2);
        assertThat(properties.mustReads().ageExponent()).isEqualTo(1.5);
        assertThat(properties.mustReads().recomputeInterval()).isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(properties.maxListSize()).isEqualTo(50);
        assertThat(properties.publishInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void settingsThatWouldBreakTheContractAreRefusedAtStart() {
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.max-list-size", "51")).properties())
                .hasRootCauseMessage("news.ranking.max-list-size must be 1 to 50");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.publish-interval", "500ms")).properties())
                .rootCause().hasMessageContaining("at least 1s");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.popular-now.bucket", "7s")).properties())
                .rootCause().hasMessageContaining("multiple of its bucket");
        assertThatThrownBy(() -> RankingTestConfig.with(Map.of("news.ranking.must-reads.dedupe-retention", "1d"))
                .properties()).rootCause().hasMessageContaining("at least window + bucket");
    }
}
