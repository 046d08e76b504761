package news.comment.comment;

import java.util.Objects;

/**
 * What a comment's text must be: plain text of 1 to {@value #MAX_CODE_POINTS} Unicode code points once leading and
 * trailing white space is trimmed, no control character other than a line feed, no unpaired surrogate, and no blocked
 * word. The accepted text is stored exactly as returned: it is never interpreted or rewritten as HTML.
 */
final class CommentTextPolicy {

    static final int MAX_CODE_POINTS = 300;

    private final BlockedWords blockedWords;

    CommentTextPolicy(BlockedWords blockedWords) {
        this.blockedWords = Objects.requireNonNull(blockedWords);
    }

    /**
     * @return the text to store: the input without leading and trailing white space
     * @throws RuleViolation naming the first rule the text breaks
     */
    String accept(String raw) {
        if (raw == null) {
            throw new RuleViolation(Rule.TEXT_MISSING, "Field 'text' is required: the comment as plain text.");
        }
        String text = trim(raw);
        if (!hasVisibleCharacter(text)) {
            throw new RuleViolation(Rule.TEXT_EMPTY,
                    "The comment is empty: it needs at least one character that is not white space.");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_CODE_POINTS) {
            throw new RuleViolation(Rule.TEXT_TOO_LONG, "The comment has " + length
                    + " characters (Unicode code points, after trimming); at most " + MAX_CODE_POINTS + " are allowed.");
        }
        eachCodePoint(text, (position, cp) -> {
            if (Character.getType(cp) == Character.SURROGATE) {
                throw new RuleViolation(Rule.TEXT_INVALID_CHARACTER, "Character " + position
                        + " is an unpaired UTF-16 surrogate (" + codePoint(cp) + "), which is not text.");
            }
            if (cp != '\n' && Character.getType(cp) == Character.CONTROL) {
                throw new RuleViolation(Rule.TEXT_CONTROL_CHARACTER, "Character " + position + " is the control character "
                        + codePoint(cp) + "; the only control character allowed is the line feed (U+000A).");
            }
        });
        blockedWords.firstIn(text).ifPresent(word -> {
            throw new RuleViolation(Rule.TEXT_BLOCKED_WORD,
                    "The comment contains the blocked word '" + word + "'; rephrase it without that word.");
        });
        return text;
    }

    /** What a policy checks of one code point, at its position (1 for the first) in the text. */
    @FunctionalInterface
    interface CodePointCheck {
        void check(int position, int codePoint);
    }

    /** Checks every code point of {@code text} in order; an unpaired surrogate is a code point of its own. */
    static void eachCodePoint(String text, CodePointCheck check) {
        int position = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            check.check(++position, text.codePointAt(i));
        }
    }

    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && isSpace(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** Something a reader can see: not white space and not an invisible format character such as U+200B. */
    private static boolean hasVisibleCharacter(String text) {
        return text.codePoints().anyMatch(cp -> !isSpace(cp) && Character.getType(cp) != Character.FORMAT);
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
