package news.article.engagement;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Tells crawlers from people by their User-Agent: a view is a bot's when any configured pattern (a Java regular
 * expression, case-insensitive, found anywhere in the header) matches. Decisions are remembered per User-Agent,
 * since a site sees few distinct ones and the pattern list is long. A missing User-Agent matches nothing.
 */
final class BotDetector {

    /** Longer headers are judged by their beginning; no crawler hides its name past it. */
    static final int MAX_INSPECTED = 512;

    private final Pattern pattern;
    private final Cache<String, Boolean> decisions = Caffeine.newBuilder().maximumSize(10_000).build();

    BotDetector(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            this.pattern = null;
            return;
        }
        StringBuilder any = new StringBuilder();
        for (String p : patterns) {
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("news.readers.bot-patterns: '" + p + "' is not a regular expression: "
                        + e.getDescription(), e);
            }
            any.append(any.isEmpty() ? "" : "|").append("(?:").append(p).append(')');
        }
        this.pattern = Pattern.compile(any.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    boolean isBot(String userAgent) {
        if (pattern == null || userAgent == null || userAgent.isBlank()) {
            return false;
        }
        String inspected = userAgent.length() > MAX_INSPECTED ? userAgent.substring(0, MAX_INSPECTED) : userAgent;
        return decisions.get(inspected, ua -> pattern.matcher(ua).find());
    }
}
