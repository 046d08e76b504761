package news.comment.comment;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * New comment ids: the posting time in milliseconds as {@value #TIME_DIGITS} base-62 digits, then {@value #RANDOM_DIGITS}
 * random ones (71 bits), all of {@code [0-9A-Za-z]}, the contract's id pattern. The digits are in ASCII order, so ids
 * sort as they were made: the store adds each new comment at the end of its {@code _id} index instead of into a
 * random page of it, as MongoDB's own ObjectIds do (what that saves: comment-service's README, "What it owns"). The
 * random part keeps ids of the same millisecond apart and unguessable.
 */
final class CommentIds {

    static final int TIME_DIGITS = 8;  // 62^8 ms after 1970: into the year 8888
    static final int RANDOM_DIGITS = 12;
    static final int LENGTH = TIME_DIGITS + RANDOM_DIGITS;
    private static final char[] DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final RandomGenerator random;

    CommentIds() {
        this(new SecureRandom());
    }

    /** With a random source of the caller's (tests, benchmarks); the service uses a {@link SecureRandom}. */
    CommentIds(RandomGenerator random) {
        this.random = random;
    }

    /** A new id for a comment posted at {@code epochMillis} (≥ 0). */
    String next(long epochMillis) {
        if (epochMillis < 0) {
            throw new IllegalArgumentException("a comment's time is after 1970: " + epochMillis);
        }
        char[] id = new char[LENGTH];
        long time = epochMillis;
        for (int i = TIME_DIGITS - 1; i >= 0; i--) {
            id[i] = DIGITS[(int) (time % DIGITS.length)];
            time /= DIGITS.length;
        }
        for (int i = TIME_DIGITS; i < LENGTH; i++) {
            id[i] = DIGITS[random.nextInt(DIGITS.length)];
        }
        return new String(id);
    }
}
