package news.ranking.events;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import news.ranking.events.InboundEvent.ArticleViewed;

/**
 * The common case of {@code news.article-views}, read in one pass over the bytes instead of through a JSON tree, a
 * regular expression per field and a general date-time parser (which together cost as much as the rest of a view's
 * processing): a flat JSON object whose required fields are strings of the schema's form ({@link Forms}), with the
 * event time in the fixed form {@link Forms#epochMillis} reads. It only says yes: anything else, valid or not, comes back
 * {@code null} and {@link EventReader} reads it the general way, which also explains what is wrong. So a view this
 * class reads is one the general reader reads to the same event (shown by {@code ViewParserTest}).
 */
final class ViewParser {

    private final JsonMapper json;

    ViewParser(JsonMapper json) {
        this.json = json;
    }

    /** The view, or {@code null} when the payload is not the plain common case. */
    ArticleViewed parse(byte[] value) {
        String articleId = null;
        String section = null;
        String readerHash = null;
        String agent = null;
        String viewedAt = null;
        try (JsonParser p = json.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken token = p.nextToken();
                boolean string = token == JsonToken.VALUE_STRING;
                switch (name) {
                    case "articleId" -> articleId = string ? p.getString() : null;
                    case "section" -> section = string ? p.getString() : null;
                    case "readerHash" -> readerHash = string ? p.getString() : null;
                    case "agent" -> agent = string ? p.getString() : null;
                    case "viewedAt" -> viewedAt = string ? p.getString() : null;
                    default -> {
                        p.skipChildren();
                        continue;
                    }
                }
                if (!string) {
                    return null;
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
        } catch (JacksonException e) {
            return null;
        }
        if (articleId == null || !Forms.isId(articleId) || section == null
                || !Forms.isText(section, Forms.MAX_SECTION) || readerHash == null || !Forms.isReaderHash(readerHash)
                || agent == null) {
            return null;
        }
        boolean bot;
        if (agent.equals("bot")) {
            bot = true;
        } else if (agent.equals("human")) {
            bot = false;
        } else {
            return null;
        }
        long time = viewedAt == null ? Long.MIN_VALUE : Forms.epochMillis(viewedAt);
        return time == Long.MIN_VALUE ? null : new ArticleViewed(articleId, readerHash, bot, time);
    }
}
