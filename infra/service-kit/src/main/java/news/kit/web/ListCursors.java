package news.kit.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.contracts.ContractNames;

/**
 * The one form of the platform's page cursors (article lists, the newsroom's lists, comment pages): keyset paging
 * after the last item of the previous page, by its time in the list's order and then its id, plus an optional scope
 * naming the query the cursor belongs to, so that a list refuses another list's cursor. Base64url of
 * {@code c1.<epoch millis>.<id>[.<scope>]}; opaque to clients, who hand back the {@code next} value unchanged.
 */
public final class ListCursors {

    /** A decoded cursor: the last item's time and id, and the scope (empty when none). */
    public record Position(Instant at, String id, String scope) {
    }

    private static final int MAX_TOKEN_LENGTH = 200;
    private static final Pattern FORM =
            Pattern.compile("c1\\.(-?[0-9]{1,19})\\.(" + ContractNames.ID_PATTERN + ")(?:\\.([A-Za-z0-9_-]{1,32}))?");

    private ListCursors() {
    }

    /** The cursor after the item at {@code at} with {@code id}; {@code scope} empty for a list without one. */
    public static String encode(Instant at, String id, String scope) {
        String plain = "c1." + at.toEpochMilli() + "." + id + (scope.isEmpty() ? "" : "." + scope);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor of this form, of any list; empty for anything else (null, too long, not Base64url, another form). */
    public static Optional<Position> decode(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            Matcher m = FORM.matcher(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (!m.matches()) {
                return Optional.empty();
            }
            return Optional.of(new Position(Instant.ofEpochMilli(Long.parseLong(m.group(1))), m.group(2),
                    m.group(3) == null ? "" : m.group(3)));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
