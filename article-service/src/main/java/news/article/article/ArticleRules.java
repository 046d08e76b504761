package news.article.article;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import news.kit.Sections;

/**
 * The limits of article content. Every broken rule is reported, each naming its field, so an editor fixes a form
 * in one round. Text is trimmed and its length counted in Unicode code points, as JSON Schema counts.
 */
final class ArticleRules {

    static final int TITLE_MAX = 200;
    static final int SOURCE_MAX = 200;
    static final int NAME_MAX = 200;
    static final int EMAIL_MAX = 254;
    static final int PARAGRAPHS_MAX = 200;
    static final int PARAGRAPH_MAX = 10_000;
    static final int TAGS_MAX = 10;
    static final int TAG_MAX = 50;

    /** Close to the HTML living standard's e-mail rule: a local part, an @ and a dotted host name. */
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private ArticleRules() {
    }

    /** The checked content, or the list of everything wrong with the input. */
    record Checked(Optional<ArticleContent> content, List<Violation> violations) {
    }

    static Checked check(ArticleInput input, Sections sections) {
        List<Violation> violations = new ArrayList<>();
        String title = text(input.title(), "title", TITLE_MAX, violations);
        String source = text(input.source(), "source", SOURCE_MAX, violations);
        String section = section(input.section(), sections, violations);
        Byline byline = byline(input, violations);
        List<String> body = body(input.body(), violations);
        List<String> tags = tags(input.tags(), violations);
        if (!violations.isEmpty()) {
            return new Checked(Optional.empty(), List.copyOf(violations));
        }
        return new Checked(Optional.of(new ArticleContent(title, section, source, byline, body, tags)), List.of());
    }

    private static String text(String value, String field, int max, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        String trimmed = value.strip();
        int length = length(trimmed);
        if (length == 0) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (length > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters (got " + length + ")"));
        }
        return trimmed;
    }

    private static String section(String value, Sections sections, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation("section", value == null ? "is required" : "must not be blank"));
            return null;
        }
        Optional<String> canonical = sections.canonical(value);
        if (canonical.isEmpty()) {
            violations.add(new Violation("section", "is not a section of the site; use one of "
                    + String.join(", ", sections.sections())));
        }
        return canonical.orElse(null);
    }

    private static Byline byline(ArticleInput input, List<Violation> violations) {
        if (!input.bylineGiven()) {
            violations.add(new Violation("byline", "is required"));
            return null;
        }
        String name = text(input.bylineName(), "byline.name", NAME_MAX, violations);
        String email = input.bylineEmail() == null ? null : input.bylineEmail().strip();
        if (email == null) {
            violations.add(new Violation("byline.email", "is required"));
        } else if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            violations.add(new Violation("byline.email", "must be a valid e-mail address"));
        }
        return new Byline(name, email);
    }

    private static List<String> body(List<String> paragraphs, List<Violation> violations) {
        if (paragraphs == null) {
            violations.add(new Violation("body", "is required"));
            return List.of();
        }
        if (paragraphs.isEmpty() || paragraphs.size() > PARAGRAPHS_MAX) {
            violations.add(new Violation("body", "must have 1 to " + PARAGRAPHS_MAX + " paragraphs (got "
                    + paragraphs.size() + ")"));
            return List.of();
        }
        List<String> body = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            body.add(text(paragraphs.get(i), "body[" + i + "]", PARAGRAPH_MAX, violations));
        }
        return body;
    }

    private static List<String> tags(List<String> given, List<Violation> violations) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > TAGS_MAX) {
            violations.add(new Violation("tags", "must have at most " + TAGS_MAX + " tags (got " + given.size() + ")"));
            return List.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String tag = text(given.get(i), "tags[" + i + "]", TAG_MAX, violations);
            if (tag != null && !tag.isEmpty()) {
                tags.putIfAbsent(tag.toLowerCase(Locale.ROOT), tag);
            }
        }
        return List.copyOf(tags.values());
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
