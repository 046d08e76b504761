package news.ranking.topology;

/**
 * The running counts of one article, kept equal to the sum of its live buckets: counted views of the Popular Now
 * window, and views, comments and shares of the Must-Reads window.
 *
 * @param pendingViewAt event time of the oldest counted view not yet emitted to the lists, 0 when none
 */
record Counters(long popularNowViews, long views, long comments, long shares, long pendingViewAt) {

    static final Counters ZERO = new Counters(0, 0, 0, 0, 0);

    Counters plus(Activity activity, long popularNow, long mustReads) {
        return new Counters(popularNowViews + popularNow,
                views + (activity == Activity.VIEW ? mustReads : 0),
                comments + (activity == Activity.COMMENT ? mustReads : 0),
                shares + (activity == Activity.SHARE ? mustReads : 0),
                pendingViewAt);
    }

    Counters minus(BucketCounts popularNow, BucketCounts mustReads) {
        return new Counters(popularNowViews - popularNow.views(), views - mustReads.views(),
                comments - mustReads.comments(), shares - mustReads.shares(), pendingViewAt);
    }

    Counters withPendingView(long viewedAt) {
        return new Counters(popularNowViews, views, comments, shares,
                pendingViewAt == 0 ? viewedAt : Math.min(pendingViewAt, viewedAt));
    }

    Counters emitted() {
        return new Counters(popularNowViews, views, comments, shares, 0);
    }

    boolean isEmpty() {
        return equals(ZERO);
    }

    /** What a view, a share or a comment adds to. */
    enum Activity {
        VIEW, SHARE, COMMENT
    }
}
