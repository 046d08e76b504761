package news.ranking.rules;

/** What a reader does that the lists count. */
public enum Activity {
    VIEW, SHARE, COMMENT
}
