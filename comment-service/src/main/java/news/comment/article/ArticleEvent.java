package news.comment.article;

import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.contracts.ContractNames;

/**
 * The part of an article snapshot event this service needs: which article, whether it is published, and its version.
 * Other fields are ignored, as the contract asks of consumers, so additive changes to the snapshot never break us.
 */
record ArticleEvent(String ceId, String type, String articleId, String status, long version) {

    static final Set<String> TYPES = ContractNames.ARTICLE_EVENT_TYPES;
    static final String PUBLISHED = "published";
    private static final Set<String> STATUSES = Set.of(PUBLISHED, "unpublished");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    boolean published() {
        return PUBLISHED.equals(status);
    }

    /**
     * Reads one record of {@code news.article-events}.
     *
     * @throws UnprocessableEvent with a short reason when the record does not follow the contract
     */
    static ArticleEvent read(String ceId, String ceType, byte[] payload) {
        if (ceType == null || ceType.isBlank()) {
            throw new UnprocessableEvent("ce_type header is missing");
        }
        if (!TYPES.contains(ceType)) {
            throw new UnprocessableEvent("unknown ce_type '" + abbreviate(ceType) + "'");
        }
        if (ceId == null || ceId.isBlank()) {
            throw new UnprocessableEvent("ce_id header is missing");
        }
        if (payload == null || payload.length == 0) {
            throw new UnprocessableEvent("payload is empty");
        }
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new UnprocessableEvent("payload is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new UnprocessableEvent("payload is not a JSON object");
        }
        String articleId = requiredString(json, "articleId");
        if (!ContractNames.ID.matcher(articleId).matches()) {
            throw new UnprocessableEvent("$.articleId: does not match ^[A-Za-z0-9_-]+$ (1 to 64 characters)");
        }
        String status = requiredString(json, "status");
        if (!STATUSES.contains(status)) {
            throw new UnprocessableEvent("$.status: must be published or unpublished");
        }
        JsonNode version = json.get("version");
        if (version == null || version.isNull()) {
            throw new UnprocessableEvent("$.version: is missing but it is required");
        }
        if (!version.isIntegralNumber() || !version.canConvertToLong() || version.longValue() < 1) {
            throw new UnprocessableEvent("$.version: must be an integer of at least 1");
        }
        return new ArticleEvent(ceId, ceType, articleId, status, version.longValue());
    }

    private static String requiredString(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new UnprocessableEvent("$." + field + ": is missing but it is required");
        }
        if (!value.isString()) {
            throw new UnprocessableEvent("$." + field + ": must be a string");
        }
        return value.stringValue();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
