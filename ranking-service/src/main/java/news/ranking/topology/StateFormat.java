package news.ranking.topology;

/**
 * The format version every state store value of this service starts with (one byte), so that a change of what a
 * store keeps is a new version the code can recognise instead of bytes it misreads. A value of a version this build
 * does not read stops the task with a message that says what to do (README: "State formats").
 */
final class StateFormat {

    /** The format of every store value written by this build. */
    static final byte CURRENT = 1;

    private StateFormat() {
    }

    /** Checks the version byte of a stored value of {@code store}. */
    static void check(byte version, String store) {
        if (version != CURRENT) {
            throw new IllegalStateException("The store " + store + " holds a value of state format " + version
                    + ", and this build reads format " + CURRENT + ". Reset the application and replay its input "
                    + "(ranking-service README, \"State formats\") or run a build that reads format " + version + ".");
        }
    }
}
