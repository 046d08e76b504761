package news.ranking.events;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import news.ranking.events.InboundEvent.ArticleViewed;

/**
 * The common case of {@code news.article-views}, read in one pass over the bytes instead of through a JSON tree, a
 * regular expression per field and a general date-time parser (which together cost as much as the rest of a view's
 * processing): a flat JSON object whose required fields are strings of the schema's form, with the event time written
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hh:mm)}. It only says yes: anything else, valid or not, comes back
 * {@code null} and {@link EventReader} reads it the general way, which also explains what is wrong. So a view this
 * class reads is one the general reader reads to the same event (shown by {@code ViewParserTest}).
 */
final class ViewParser {

    private static final int MAX_ID = 64;
    private static final int READER_HASH = 64;
    private static final int MAX_SECTION = 60;

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
        if (articleId == null || !isId(articleId) || section == null || !isText(section, MAX_SECTION)
                || readerHash == null || !isReaderHash(readerHash) || agent == null) {
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
        long time = viewedAt == null ? Long.MIN_VALUE : epochMillis(viewedAt);
        return time == Long.MIN_VALUE ? null : new ArticleViewed(articleId, readerHash, bot, time);
    }

    /** {@code ^[A-Za-z0-9_-]{1,64}$}. */
    static boolean isId(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_ID) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[0-9a-f]{64}$}. */
    static boolean isReaderHash(String value) {
        if (value.length() != READER_HASH) {
            return false;
        }
        for (int i = 0; i < READER_HASH; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isText(String value, int maxCodePoints) {
        return !value.isEmpty() && value.codePointCount(0, value.length()) <= maxCodePoints;
    }

    /**
     * Epoch milliseconds of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)}, as {@code OffsetDateTime.parse} gives them,
     * or {@link Long#MIN_VALUE} for any other form or an impossible date, which the general parser then judges.
     */
    static long epochMillis(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < length && i - start < 9 && isDigit(text.charAt(i))) {
                nanos = nanos * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || i < length && isDigit(text.charAt(i))) {
                return Long.MIN_VALUE;
            }
            for (int scale = i - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == length - 1 && text.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == length - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
            int hours = digits(text, i + 1, 2);
            int minutes = digits(text, i + 4, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
                return Long.MIN_VALUE;
            }
            offsetSeconds = (text.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return Long.MIN_VALUE;
        }
        try {
            long seconds = LocalDateTime.of(year, month, day, hour, minute, second)
                    .toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds));
            return seconds * 1000 + nanos / 1_000_000;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
