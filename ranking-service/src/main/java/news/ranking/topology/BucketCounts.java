package news.ranking.topology;

/** What one time bucket of one article holds. Popular Now buckets use only {@code views}. */
record BucketCounts(int views, int comments, int shares) {

    static final BucketCounts ZERO = new BucketCounts(0, 0, 0);

    BucketCounts plus(Counters.Activity activity, int delta) {
        return switch (activity) {
            case VIEW -> new BucketCounts(views + delta, comments, shares);
            case COMMENT -> new BucketCounts(views, comments + delta, shares);
            case SHARE -> new BucketCounts(views, comments, shares + delta);
        };
    }

    BucketCounts add(BucketCounts other) {
        return new BucketCounts(views + other.views, comments + other.comments, shares + other.shares);
    }

    boolean isEmpty() {
        return views == 0 && comments == 0 && shares == 0;
    }
}
