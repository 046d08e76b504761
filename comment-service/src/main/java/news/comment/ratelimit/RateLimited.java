package news.comment.ratelimit;

/** A rate limit is used up; the caller may try again after {@link #retryAfterSeconds()}. Answered with 429. */
public final class RateLimited extends RuntimeException {

    private final String scope;
    private final long retryAfterSeconds;

    RateLimited(String scope, long retryAfterSeconds) {
        super(("author".equals(scope) ? "You have posted" : "Your address has posted")
                + " too many comments in a short time; try again in " + retryAfterSeconds + " s.", null, false, false);
        this.scope = scope;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@code author} or {@code client}. */
    public String scope() {
        return scope;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
