package news.ranking.events;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import news.contracts.ContractNames;

/**
 * The forms of the contract's fields, checked the same way by the general {@link EventReader} and the one-pass
 * {@link ViewParser}: identifiers and reader hashes by their character classes (what the schemas' patterns say,
 * without a regular expression per field), texts by their length in code points, and event times in their common
 * fixed form.
 */
final class Forms {

    /** The schemas' pattern for ids, as error messages quote it; {@link #isId} checks it. */
    static final String ID_PATTERN = "^" + ContractNames.ID_PATTERN + "$";
    /** The schemas' pattern for reader hashes, as error messages quote it; {@link #isReaderHash} checks it. */
    static final String READER_HASH_PATTERN = "^[0-9a-f]{64}$";
    /** Longest section name, in code points. */
    static final int MAX_SECTION = 60;

    private static final int MAX_ID = ContractNames.ID_MAX_LENGTH;
    private static final int READER_HASH = 64;

    private Forms() {
    }

    /** {@link #ID_PATTERN}, without a regular expression. */
    static boolean isId(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_ID) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code ^[0-9a-f]{64}$}. */
    static boolean isReaderHash(String value) {
        if (value.length() != READER_HASH) {
            return false;
        }
        for (int i = 0; i < READER_HASH; i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** 1 to {@code maxCodePoints} code points. */
    static boolean isText(String value, int maxCodePoints) {
        return !value.isEmpty() && value.codePointCount(0, value.length()) <= maxCodePoints;
    }

    /**
     * Epoch milliseconds of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm)}, as {@code OffsetDateTime.parse} gives them,
     * or {@link Long#MIN_VALUE} for any other form or an impossible date, which the general parser then judges.
     */
    static long epochMillis(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < length && i - start < 9 && isDigit(text.charAt(i))) {
                nanos = nanos * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || i < length && isDigit(text.charAt(i))) {
                return Long.MIN_VALUE;
            }
            for (int scale = i - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == length - 1 && text.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == length - 6 && (text.charAt(i) == '+' || text.charAt(i) == '-') && text.charAt(i + 3) == ':') {
            int hours = digits(text, i + 1, 2);
            int minutes = digits(text, i + 4, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
                return Long.MIN_VALUE;
            }
            offsetSeconds = (text.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return Long.MIN_VALUE;
        }
        try {
            long seconds = LocalDateTime.of(year, month, day, hour, minute, second)
                    .toEpochSecond(ZoneOffset.ofTotalSeconds(offsetSeconds));
            return seconds * 1000 + nanos / 1_000_000;
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
