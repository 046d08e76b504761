package news.article.article;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a title, folded for search: lower case, accents and apostrophes dropped ({@code "Défense Chief's"} →
 * {@code defense}, {@code chiefs}), split at everything that is not a letter or a digit of any script, each word
 * once. Every article stores its title's words, and a title search asks for articles that have, for every word of
 * the query, a word starting with it. That needs no text index: a left-anchored regular expression without options
 * on an indexed array of plain words is an index range scan on MongoDB, and the embedded store evaluates the same
 * query correctly (it only scans).
 */
final class TitleWords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TitleWords() {
    }

    static List<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(fold(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }

    /**
     * The regular expressions that find titles with a word starting with each of {@code words}. The words come from
     * {@link #of}, letters and digits only, so nothing in them needs quoting.
     */
    static List<String> prefixPatterns(List<String> words) {
        List<String> patterns = new ArrayList<>(words.size());
        for (String word : words) {
            if (word.isEmpty() || SEPARATORS.matcher(word).find()) {
                throw new IllegalArgumentException("not a folded word: " + word);
            }
            patterns.add("^" + word);
        }
        return patterns;
    }

    /** Compatibility forms and accents taken apart, accents dropped, the rest (Hangul syllables too) put together. */
    private static String fold(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String composed = Normalizer.normalize(bare, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return APOSTROPHES.matcher(composed).replaceAll("");
    }
}
