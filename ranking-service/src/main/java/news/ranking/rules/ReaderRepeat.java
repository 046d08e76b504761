package news.ranking.rules;

/**
 * What makes a reader's activity a repeat, for a measure counted once per reader: where the reader's counted activity
 * of the measure on the article must lie, relative to the new one, for the new one not to count.
 */
public enum ReaderRepeat {

    /**
     * Less than the interval before or after it (views: 30 minutes): the next one counts an interval after the last
     * counted one.
     */
    WITHIN_INTERVAL,

    /**
     * In the same period of the interval, periods aligned to the epoch, so a period of one day is the UTC day (shares
     * in Must-Reads): one counted per reader, article and period, whatever the time between two of them.
     */
    SAME_PERIOD
}
