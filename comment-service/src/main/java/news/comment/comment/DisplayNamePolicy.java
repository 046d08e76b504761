package news.comment.comment;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the display name shown beside a comment may be. It comes from the token's {@code name} claim, which the
 * reader sets at the identity provider, so it is checked like any other input: 1 to {@value #MAX_CODE_POINTS}
 * Unicode code points after trimming; no control or format character (Unicode Cc and Cf: bidi overrides and
 * isolates, zero-width characters, the soft hyphen), line or paragraph separator, or unpaired surrogate, which could
 * hide, reorder or fake what readers see; and not one of the {@link #RESERVED} names nor the site's name, so a reader
 * cannot pose as the newsroom. Reserved names are compared after NFKC normalisation (full-width and other
 * compatibility forms fold to plain letters), ignoring case, spaces and punctuation: {@code ＡＤＭＩＮ},
 * {@code ad-min} and {@code admın} (dotless i) are all {@code Admin}.
 */
final class DisplayNamePolicy {

    static final int MAX_CODE_POINTS = 60;
    static final List<String> RESERVED = List.of("Editors", "Editor", "Admin", "Administrator", "Moderator", "Staff");

    private final List<String> reserved;
    private final Set<String> reservedKeys;

    /** @param siteName the site's name, reserved as well; null or blank: only {@link #RESERVED} */
    DisplayNamePolicy(String siteName) {
        this.reserved = Stream.concat(RESERVED.stream(),
                siteName == null || siteName.isBlank() ? Stream.empty() : Stream.of(siteName.strip())).toList();
        this.reservedKeys = reserved.stream().map(DisplayNamePolicy::comparable).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param raw the token's {@code name} claim
     * @return the name to store and show (trimmed), or empty when the token has no name (null or only white space)
     * @throws RuleViolation naming the first rule the name breaks
     */
    Optional<String> accept(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = CommentTextPolicy.trim(raw);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_CODE_POINTS) {
            throw new RuleViolation(Rule.NAME_TOO_LONG, "Your display name (the name of your account) has " + length
                    + " characters; at most " + MAX_CODE_POINTS + " are allowed. Shorten it in your account settings.");
        }
        CommentTextPolicy.eachCodePoint(name, (position, cp) -> {
            if (invisible(cp)) {
                throw new RuleViolation(Rule.NAME_CONTROL_CHARACTER, "Character " + position
                        + " of your display name is " + String.format("U+%04X", cp) + ", a control, format or"
                        + " separator character that can hide or reorder text; remove it in your account settings.");
            }
        });
        String key = comparable(name);
        if (reservedKeys.contains(key)) {
            String which = reserved.stream().filter(r -> comparable(r).equals(key)).findFirst().orElseThrow();
            throw new RuleViolation(Rule.NAME_RESERVED, "The display name '" + which + "' is reserved for the newsroom"
                    + " and the site; choose another name in your account settings.");
        }
        return Optional.of(name);
    }

    /** The name shown for an author whose token has no name: "Reader" and the start of the author id, never the subject. */
    static String fallback(String authorId) {
        return "Reader " + authorId.substring(0, Math.min(6, authorId.length()));
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** NFKC, then letters and digits only, case-folded (upper then lower, so that dotless and dotted i meet). */
    static String comparable(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }
}
