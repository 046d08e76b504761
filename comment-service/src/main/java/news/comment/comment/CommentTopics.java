package news.comment.comment;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The topic comment events go to: {@code news.topics.comment-events}, named once for every service in the kit
 * defaults ({@code NEWS_TOPIC_COMMENT_EVENTS}).
 */
@ConfigurationProperties("news.topics")
record CommentTopics(String commentEvents) {

    CommentTopics {
        Objects.requireNonNull(commentEvents, "news.topics.comment-events");
    }
}
