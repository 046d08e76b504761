package news.article.article;

import java.security.SecureRandom;

import news.contracts.ContractNames;

/** Article ids: 12 random base-62 characters (71 bits), short enough for URLs, never guessable in order. */
final class ArticleIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArticleIds() {
    }

    static String next() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /** Whether a path segment can be an article id at all; anything else is answered 404 without a look-up. */
    static boolean plausible(String id) {
        return id != null && ContractNames.ID.matcher(id).matches();
    }
}
