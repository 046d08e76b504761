package news.ranking.topology;

import news.ranking.events.InboundEvent;

/**
 * What the per-article stages hand each other after reading: one sealed type, and every stage implements
 * {@link Cases}, so a new kind does not compile until every stage says what it does with it.
 */
sealed interface Flow {

    <R> R accept(Cases<R> cases);

    /** One method per kind. */
    interface Cases<R> {
        R event(Event event);

        R counted(Counted counted);

        R uncounted(Uncounted uncounted);

        R counts(Counts counts);
    }

    /** An event as read, still to be judged by the stages after. */
    record Event(InboundEvent event) implements Flow, ReadStage.Outcome {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.event(this);
        }
    }

    /** One more of a measure (an index of {@code ListKinds#measures()}) for an article, at its event time. */
    record Counted(String articleId, int measure, long time) implements Flow {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.counted(this);
        }
    }

    /** One less of a measure, counted earlier at {@code time}: a removed comment. */
    record Uncounted(String articleId, int measure, long time) implements Flow {
        @Override
        public <R> R accept(Cases<R> cases) {
            return cases.uncounted(this);
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
            return cases.counts(this);
        }
    }
}
