package news.comment.comment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import news.kit.cloudevents.CloudEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happened to a comment, as published on {@code news.comment-events}: keyed and subjected by the article, so
 * an article's comment events stay in order. Payloads follow {@code comment-posted.schema.json} and
 * {@code comment-removed.schema.json} exactly.
 */
sealed interface CommentEvent permits CommentPosted, CommentRemoved {

    String SOURCE = "/comment-service";
    JsonMapper JSON = JsonMapper.builder().build();

    String type();

    String articleId();

    Instant time();

    Map<String, Object> payload();

    default CloudEvent toCloudEvent(String traceparent) {
        return new CloudEvent(UUID.randomUUID().toString(), type(), SOURCE, articleId(), time(),
                JSON.writeValueAsString(payload()), traceparent);
    }

    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
