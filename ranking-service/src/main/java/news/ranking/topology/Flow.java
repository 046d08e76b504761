package news.ranking.topology;

import java.util.function.Function;

import news.ranking.events.InboundEvent;

/**
 * What the per-article stages hand each other after reading: one sealed type, and every stage says what it does with
 * each kind in its {@link Cases}.
 */
sealed interface Flow {

    <R> R accept(Cases<R> cases);

    /**
     * What to do with each kind: one function per kind, so a new kind is a new component and does not compile until
     * every place that builds one says what it does with it.
     */
    record Cases<R>(Function<Event, R> event, Function<Counted, R> counted, Function<Counts, R> counts) {
    }

    /** An event as read, still to be judged by the stages after. */
    record Event(InboundEvent event) implements Flow, ReadStage.Outcome {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.event().apply(this);
        }
    }

    /**
     * One more ({@code delta} 1) of a measure (an index of {@code ListKinds#measures()}) for an article, at its event
     * time; or one less ({@code delta} -1) of one counted earlier at {@code time}: a removed comment.
     */
    record Counted(String articleId, int measure, long time, int delta) implements Flow {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.counted().apply(this);
        }
    }

    /**
     * An article's counts changed: its counts per list (in the order of {@code ListKinds#all()}, each in the order of
     * the list's measures), which lists changed, and per list the event time of the oldest activity not yet emitted
     * (0: none).
     */
    record Counts(String articleId, long[][] counts, boolean[] changed, long[] pendingAt) implements Flow {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.counts().apply(this);
        }
    }
}
