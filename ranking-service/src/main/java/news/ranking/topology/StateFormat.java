package news.ranking.topology;

/**
 * The format version every state store value of this service starts with (one byte), so that a change of what a
 * store keeps is a new version the code can recognise instead of bytes it misreads. A value of a version this build
 * does not read stops the task with a message that says what to do (README: "State formats").
 * <ul>
 *   <li>1: every store as in the first release (candidates, articles and lists as JSON);</li>
 *   <li>2: candidates in a binary layout ({@link CandidateLayout}); every other store as in format 1.</li>
 * </ul>
 */
final class StateFormat {

    /** The format of every store value written by this build. */
    static final byte CURRENT = 2;

    /** The format whose candidates are JSON. */
    static final byte JSON_VALUES = 1;

    /** The oldest format this build reads. */
    static final byte OLDEST = 1;

    private StateFormat() {
    }

    /** Checks the version byte of a stored value of {@code store}. */
    static void check(byte version, String store) {
        if (version < OLDEST || version > CURRENT) {
            throw new IllegalStateException("The store " + store + " holds a value of state format " + version
                    + ", and this build reads formats " + OLDEST + " to " + CURRENT + ". Reset the application and "
                    + "replay its input (ranking-service README, \"State formats\") or run a build that reads format "
                    + version + ".");
        }
    }
}
