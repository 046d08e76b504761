package news.ranking.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.kafka.common.header.Headers;

import news.kit.cloudevents.CloudEventHeaders;
import news.ranking.RankingProperties;
import news.ranking.RankingTopics;
import news.ranking.events.InboundEvent.ArticleChanged;
import news.ranking.events.InboundEvent.ArticleShared;
import news.ranking.events.InboundEvent.ArticleViewed;
import news.ranking.events.InboundEvent.CommentPosted;
import news.ranking.events.InboundEvent.CommentRemoved;
import news.ranking.events.Unreadable.Category;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.contracts.ContractNames;

/**
 * Reads a record of one of the four input topics as the contract describes it ({@code infra/contracts}): CloudEvents
 * headers, a known {@code ce_type} for the topic, a JSON payload with the required fields of its schema in the right
 * form, and a key equal to the payload's {@code articleId} (the record must sit in its article's partition, where that
 * article's state is). Anything else comes back {@link Unreadable} with a reason a person can act on. Fields the
 * service does not use are not checked beyond being present; unknown fields are ignored (changes are additive).
 */
public final class EventReader {

    static final String PUBLISHED = ContractNames.ARTICLE_PUBLISHED;
    static final String UPDATED = ContractNames.ARTICLE_UPDATED;
    static final String UNPUBLISHED = ContractNames.ARTICLE_UNPUBLISHED;
    static final String VIEWED = ContractNames.ARTICLE_VIEWED;
    static final String SHARED = ContractNames.ARTICLE_SHARED;
    static final String POSTED = ContractNames.COMMENT_POSTED;
    static final String REMOVED = ContractNames.COMMENT_REMOVED;

    private static final Set<String> AGENTS = Set.of("human", "bot");
    private static final Set<String> CHANNELS = Set.of("facebook", "x", "kakaotalk", "email", "link");
    private static final Set<String> STATUSES = Set.of("published", "unpublished");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Map<String, Set<String>> typesByTopic;
    private final ViewParser views;
    private final RankingTopics topics;
    private final RankingProperties.Events limits;

    public EventReader(RankingTopics topics, RankingProperties.Events limits) {
        this(topics, limits, true);
    }

    /** {@code fastViews}: read the common form of a view in one pass ({@link ViewParser}); off only to compare. */
    EventReader(RankingTopics topics, RankingProperties.Events limits, boolean fastViews) {
        this.views = fastViews ? new ViewParser(JSON) : null;
        this.topics = topics;
        this.limits = limits;
        this.typesByTopic = Map.of(
                topics.articleEvents(), Set.of(PUBLISHED, UPDATED, UNPUBLISHED),
                topics.articleViews(), Set.of(VIEWED),
                topics.articleShares(), Set.of(SHARED),
                topics.commentEvents(), Set.of(POSTED, REMOVED));
    }

    public Read read(String topic, byte[] key, byte[] value, Headers headers) {
        Set<String> types = typesByTopic.get(topic);
        if (types == null) {
            return Read.unreadable(Category.UNKNOWN_TYPE, "topic " + topic + " is not an input of this service");
        }
        String type = CloudEventHeaders.text(headers, CloudEventHeaders.TYPE);
        if (type == null || type.isBlank()) {
            return Read.unreadable(Category.MISSING_HEADER, "ce_type header is missing");
        }
        if (!types.contains(type)) {
            return Read.unreadable(Category.UNKNOWN_TYPE,
                    "ce_type '" + abbreviate(type) + "' is not an event type of " + topic);
        }
        String id = CloudEventHeaders.text(headers, CloudEventHeaders.ID);
        if (id == null || id.isBlank()) {
            return Read.unreadable(Category.MISSING_HEADER, "ce_id header is missing");
        }
        if (value == null) {
            return Read.unreadable(Category.INVALID, "payload is missing (null value)");
        }
        int limit = topic.equals(topics.articleEvents()) ? limits.maxArticleBytes() : limits.maxEventBytes();
        if (value.length > limit) {
            return Read.unreadable(Category.TOO_LARGE,
                    "payload is " + value.length + " bytes, more than the limit of " + limit);
        }
        if (views != null && type.equals(VIEWED)) {
            ArticleViewed view = views.parse(value);
            if (view != null) {
                return keyed(view, key);
            }
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(value);
        } catch (JacksonException e) {
            return Read.unreadable(Category.NOT_JSON, "payload is not JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (payload == null || !payload.isObject()) {
            return Read.unreadable(Category.INVALID, "payload is not a JSON object");
        }
        InboundEvent event;
        try {
            event = switch (type) {
                case PUBLISHED, UPDATED, UNPUBLISHED -> article(payload);
                case VIEWED -> view(payload);
                case SHARED -> share(id, payload);
                case POSTED -> commentPosted(payload);
                case REMOVED -> new CommentRemoved(id(payload, "commentId"), id(payload, "articleId"),
                        time(payload, "removedAt"));
                default -> throw new IllegalStateException(type);
            };
        } catch (Invalid e) {
            return Read.unreadable(Category.INVALID, e.getMessage());
        }
        return keyed(event, key);
    }

    /** The event, when the record sits under its article's key. */
    private static Read keyed(InboundEvent event, byte[] key) {
        String recordKey = key == null ? null : new String(key, StandardCharsets.UTF_8);
        if (!event.articleId().equals(recordKey)) {
            return Read.unreadable(Category.KEY_MISMATCH, recordKey == null ? "record key is missing"
                    : "record key '" + abbreviate(recordKey) + "' is not the payload's articleId '"
                    + event.articleId() + "'");
        }
        return Read.of(event);
    }

    private static ArticleChanged article(JsonNode p) {
        String articleId = id(p, "articleId");
        requiredPresent(p, "slug", "source", "byline", "body", "tags", "updatedAt");
        String title = text(p, "title", 200);
        String section = text(p, "section", 60);
        boolean editorPick = bool(p, "editorPick");
        String status = oneOf(p, "status", STATUSES);
        long publishedAt = time(p, "publishedAt");
        JsonNode pickedAt = p.get("editorPickedAt");
        long editorPickedAt = pickedAt == null || pickedAt.isNull() ? 0 : time(p, "editorPickedAt");
        JsonNode version = p.get("version");
        if (version == null) {
            throw missing("version");
        }
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
            throw new Invalid("$.version: must be an integer of at least 1");
        }
        return new ArticleChanged(articleId, title, section, status.equals("published"), publishedAt, editorPick,
                editorPickedAt, version.longValue());
    }

    private static ArticleViewed view(JsonNode p) {
        String articleId = id(p, "articleId");
        text(p, "section", Forms.MAX_SECTION);
        String readerHash = readerHash(p);
        String agent = oneOf(p, "agent", AGENTS);
        return new ArticleViewed(articleId, readerHash, agent.equals("bot"), time(p, "viewedAt"));
    }

    private static ArticleShared share(String ceId, JsonNode p) {
        String articleId = id(p, "articleId");
        text(p, "section", Forms.MAX_SECTION);
        oneOf(p, "channel", CHANNELS);
        String readerHash = readerHash(p);
        return new ArticleShared(ceId, articleId, readerHash, time(p, "sharedAt"));
    }

    private static CommentPosted commentPosted(JsonNode p) {
        String commentId = id(p, "commentId");
        String articleId = id(p, "articleId");
        requiredPresent(p, "authorId", "text");
        return new CommentPosted(commentId, articleId, time(p, "postedAt"));
    }

    private static void requiredPresent(JsonNode p, String... fields) {
        for (String field : fields) {
            if (p.get(field) == null) {
                throw missing(field);
            }
        }
    }

    private static String id(JsonNode p, String field) {
        return matching(p, field, Forms::isId, Forms.ID_PATTERN);
    }

    private static String readerHash(JsonNode p) {
        return matching(p, "readerHash", Forms::isReaderHash, Forms.READER_HASH_PATTERN);
    }

    private static String matching(JsonNode p, String field, Predicate<String> form, String pattern) {
        String value = string(p, field);
        if (!form.test(value)) {
            throw new Invalid("$." + field + ": does not match the pattern " + pattern);
        }
        return value;
    }

    private static String text(JsonNode p, String field, int maxLength) {
        String value = string(p, field);
        if (!Forms.isText(value, maxLength)) {
            throw new Invalid("$." + field + ": must be 1 to " + maxLength + " characters long");
        }
        return value;
    }

    private static String oneOf(JsonNode p, String field, Set<String> allowed) {
        String value = string(p, field);
        if (!allowed.contains(value)) {
            throw new Invalid("$." + field + ": does not have a value in the enumeration "
                    + allowed.stream().sorted().toList());
        }
        return value;
    }

    private static boolean bool(JsonNode p, String field) {
        return present(p, field, JsonNode::isBoolean, "boolean").booleanValue();
    }

    private static long time(JsonNode p, String field) {
        String value = string(p, field);
        long common = Forms.epochMillis(value);
        if (common != Long.MIN_VALUE) {
            return common;
        }
        try {
            return OffsetDateTime.parse(value).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new Invalid("$." + field + ": '" + abbreviate(value) + "' is not an RFC 3339 date-time");
        }
    }

    private static String string(JsonNode p, String field) {
        return present(p, field, JsonNode::isString, "string").stringValue();
    }

    /** The field, which must be there and of the JSON type {@code expected}. */
    private static JsonNode present(JsonNode p, String field, Predicate<JsonNode> type, String expected) {
        JsonNode node = p.get(field);
        if (node == null) {
            throw missing(field);
        }
        if (!type.test(node)) {
            throw new Invalid("$." + field + ": " + kind(node) + " found, " + expected + " expected");
        }
        return node;
    }

    private static String kind(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static Invalid missing(String field) {
        return new Invalid("$." + field + ": is missing but it is required");
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return abbreviate(newline < 0 ? message : message.substring(0, newline));
    }

    /** A payload that breaks its schema; cheap, because poison records may come in floods. */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
