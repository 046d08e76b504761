package news.article.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import news.kit.Sections;

/**
 * What an editor asks the newsroom list for: articles of any status or of one, of every section or of one, and whose
 * title has a word starting with each word of {@code q} ({@link TitleWords}). Every broken parameter is reported, each
 * by name.
 */
record NewsroomQuery(Optional<Status> status, Optional<String> section, List<String> words) {

    static final int Q_MAX = 200;
    static final int WORDS_MAX = 8;
    static final String STATUSES = Arrays.stream(Status.values()).map(Status::wire).collect(Collectors.joining(", "));

    NewsroomQuery {
        words = List.copyOf(words);
    }

    /** The query, or everything wrong with its parameters. */
    record Parsed(Optional<NewsroomQuery> query, List<Violation> violations) {
    }

    static Parsed parse(String status, String section, String q, Sections sections) {
        List<Violation> violations = new ArrayList<>();
        Optional<Status> wanted = status(status, violations);
        Optional<String> inSection = ListParameters.section(section, sections, violations);
        List<String> words = words(q, violations);
        if (!violations.isEmpty()) {
            return new Parsed(Optional.empty(), List.copyOf(violations));
        }
        return new Parsed(Optional.of(new NewsroomQuery(wanted, inSection, words)), List.of());
    }

    /**
     * A short digest of the query that its cursors carry, so that a cursor is accepted only by the query that handed
     * it out: paging on with another status, section or search would skip or repeat articles.
     */
    String scope() {
        String plain = status.map(Status::wire).orElse("*") + "\n" + section.orElse("*") + "\n"
                + String.join(" ", words);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return "n" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Optional<Status> status(String value, List<Violation> violations) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("all")) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        Optional<Status> status = Arrays.stream(Status.values()).filter(s -> s.wire().equals(wanted)).findFirst();
        if (status.isEmpty()) {
            violations.add(new Violation("status", "must be one of " + STATUSES + " (or left out for all)"));
        }
        return status;
    }

    private static List<String> words(String q, List<Violation> violations) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        if (q.codePointCount(0, q.length()) > Q_MAX) {
            violations.add(new Violation("q", "is at most " + Q_MAX + " characters"));
            return List.of();
        }
        List<String> words = TitleWords.of(q);
        if (words.isEmpty()) {
            violations.add(new Violation("q", "needs a letter or a digit to search titles for"));
        } else if (words.size() > WORDS_MAX) {
            violations.add(new Violation("q", "is at most " + WORDS_MAX + " words"));
        }
        return words;
    }
}
