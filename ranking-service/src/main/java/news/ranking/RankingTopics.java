package news.ranking;

import java.util.List;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topics this service reads and writes ({@code news.topics.*}, named once in {@code application.yml}; the
 * binder's bindings refer to the same properties). Dead letters go to {@code <topic>.dlq}, as the contract says.
 */
@ConfigurationProperties("news.topics")
public record RankingTopics(String articleEvents, String articleViews, String articleShares, String commentEvents,
                            String rankings) {

    public static final String DLQ_SUFFIX = ".dlq";

    public RankingTopics {
        Objects.requireNonNull(articleEvents, "news.topics.article-events");
        Objects.requireNonNull(articleViews, "news.topics.article-views");
        Objects.requireNonNull(articleShares, "news.topics.article-shares");
        Objects.requireNonNull(commentEvents, "news.topics.comment-events");
        Objects.requireNonNull(rankings, "news.topics.rankings");
    }

    /** The four article-keyed, co-partitioned input topics. */
    public List<String> inputs() {
        return List.of(articleEvents, articleViews, articleShares, commentEvents);
    }

    public static String deadLetterTopic(String topic) {
        return topic + DLQ_SUFFIX;
    }
}
