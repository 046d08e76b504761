package news.ranking.topology;

/** What the per-article stage forwards: updates for the list stage, or dead letters. */
sealed interface ActivityOutput permits ListUpdate, DeadLetter {
}
