package news.article.article;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON of event payloads, independent of how the HTTP API is configured to write JSON: the contract is the schema.
 * Instants are ISO-8601 UTC strings; absent values are written as {@code null}.
 */
final class EventPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventPayloads() {
    }

    static String json(ArticleSnapshot snapshot) {
        return JSON.writeValueAsString(snapshot);
    }

    /** Bytes of the payload the content would produce once published, for the record-size limit. */
    static int bytesOf(ArticleContent content) {
        return JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8).length;
    }
}
