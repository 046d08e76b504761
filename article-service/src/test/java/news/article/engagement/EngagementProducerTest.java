package news.article.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.article.ArticleServiceTest;

/**
 * The producer of views and shares may block a request for only a few milliseconds, so it must never have to fetch a
 * topic's metadata on the request path: it keeps the metadata of idle topics (the client's default forgets a topic
 * after 5 idle minutes, and a share after a quiet spell would then wait for metadata, time out and be dropped after
 * its 202).
 */
@ArticleServiceTest
class EngagementProducerTest {

    @Autowired
    EngagementEvents events;

    @Test
    void blocksRequestsBrieflyAndKeepsTheMetadataOfIdleTopicsForADay() {
        var config = events.producerConfiguration();

        assertThat(Long.parseLong(String.valueOf(config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)))).isLessThanOrEqualTo(100);
        assertThat(Long.parseLong(String.valueOf(config.get(ProducerConfig.METADATA_MAX_IDLE_CONFIG))))
                .isGreaterThanOrEqualTo(Duration.ofDays(1).toMillis());
    }
}
