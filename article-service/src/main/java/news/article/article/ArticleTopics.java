package news.article.article;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The topic this feature writes ({@code news.topics.article-events}). */
@ConfigurationProperties("news.topics")
record ArticleTopics(String articleEvents) {

    ArticleTopics {
        Objects.requireNonNull(articleEvents, "news.topics.article-events");
    }
}
