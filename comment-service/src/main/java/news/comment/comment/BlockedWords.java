package news.comment.comment;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured blocked words ({@code news.comments.blocked-words}). Matching ignores case and compatibility forms
 * (Unicode NFKC, so full-width letters match too) and is by whole word: a blocked word counts only where the
 * characters next to it are not letters or digits, so blocking {@code ass} does not block {@code class}. An entry
 * ending in {@code *} matches as a prefix ({@code 바보*} also blocks {@code 바보야}), for languages that attach
 * endings to words.
 */
final class BlockedWords {

    private final List<Entry> entries;

    private BlockedWords(List<Entry> entries) {
        this.entries = entries;
    }

    static BlockedWords of(Collection<String> configured) {
        return new BlockedWords(configured == null ? List.of() : configured.stream()
                .filter(Objects::nonNull).map(String::strip).filter(w -> !w.isEmpty() && !w.equals("*"))
                .map(Entry::parse).toList());
    }

    static BlockedWords none() {
        return new BlockedWords(List.of());
    }

    /** The first blocked word (as configured) found in the text. */
    Optional<String> firstIn(String text) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        String normalized = normalize(text);
        return entries.stream().filter(e -> e.occursIn(normalized)).map(Entry::configured).findFirst();
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private record Entry(String configured, String word, boolean prefix) {

        static Entry parse(String configured) {
            boolean prefix = configured.endsWith("*");
            String word = normalize(prefix ? configured.substring(0, configured.length() - 1) : configured);
            return new Entry(configured, word, prefix);
        }

        boolean occursIn(String text) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                int end = at + word.length();
                boolean startsWord = at == 0 || !isWordCharacter(text.codePointBefore(at));
                boolean endsWord = prefix || end == text.length() || !isWordCharacter(text.codePointAt(end));
                if (startsWord && endsWord) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isWordCharacter(int cp) {
            return Character.isLetterOrDigit(cp);
        }
    }
}
