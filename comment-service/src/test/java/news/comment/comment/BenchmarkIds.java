package news.comment.comment;

import java.util.random.RandomGenerator;

/** Comment ids as comment-service makes them ({@link CommentIds}), for the bench tools in another package. */
public final class BenchmarkIds {

    private BenchmarkIds() {
    }

    public static String next(RandomGenerator random, long epochMillis) {
        return new CommentIds(random).next(epochMillis);
    }
}
