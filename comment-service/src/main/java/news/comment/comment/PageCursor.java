package news.comment.comment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.contracts.ContractNames;

/**
 * Where the next page starts: after the comment with this {@code postedAt} and id, in newest-first order. Clients
 * see it only as an opaque string and hand it back unchanged.
 */
record PageCursor(Instant postedAt, String id) {

    private static final Pattern FORM = Pattern.compile("c1:(-?\\d{1,19}):(" + ContractNames.ID_PATTERN + ")");

    static PageCursor after(CommentDocument last) {
        return new PageCursor(last.postedAt, last.id);
    }

    String encode() {
        String plain = "c1:" + postedAt.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws RuleViolation when the value is not a cursor this service handed out */
    static PageCursor decode(String cursor) {
        try {
            Matcher m = FORM.matcher(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (m.matches()) {
                return new PageCursor(Instant.ofEpochMilli(Long.parseLong(m.group(1))), m.group(2));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            // fall through: not a cursor of ours
        }
        throw new RuleViolation(Rule.CURSOR_INVALID,
                "Parameter 'cursor' is not a cursor of this API: pass the 'next' value of the previous page unchanged.");
    }
}
