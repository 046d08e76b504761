package news.article.article;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.contracts.ContractNames;

/**
 * Where the next page of a newest-first list starts: after the last article of the previous page, by its time in
 * the list's order ({@code publishedAt} for readers, {@code updatedAt} in the newsroom) and then its id. Keyset
 * paging: an article that becomes newer while a client pages is newer than every cursor, so it never shifts the
 * pages that follow (no duplicates, no gaps). {@code scope} names the query the cursor belongs to (empty for the
 * reader list), so that a list refuses the cursor of another list or query. Opaque to clients.
 */
record Cursor(Instant at, String id, String scope) {

    private static final Pattern FORM =
            Pattern.compile("c1\\.(-?[0-9]{1,19})\\.(" + ContractNames.ID_PATTERN + ")(?:\\.([A-Za-z0-9_-]{1,32}))?");

    String encode() {
        String plain = "c1." + at.toEpochMilli() + "." + id + (scope.isEmpty() ? "" : "." + scope);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor this service handed out, of any list; empty for anything else. */
    static Optional<Cursor> decode(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            Matcher m = FORM.matcher(plain);
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(Instant.ofEpochMilli(Long.parseLong(m.group(1))), m.group(2),
                    m.group(3) == null ? "" : m.group(3)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
