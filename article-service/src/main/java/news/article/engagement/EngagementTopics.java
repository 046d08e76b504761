package news.article.engagement;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The topics this feature writes ({@code news.topics.article-views}, {@code news.topics.article-shares}). */
@ConfigurationProperties("news.topics")
record EngagementTopics(String articleViews, String articleShares) {

    EngagementTopics {
        Objects.requireNonNull(articleViews, "news.topics.article-views");
        Objects.requireNonNull(articleShares, "news.topics.article-shares");
    }
}
