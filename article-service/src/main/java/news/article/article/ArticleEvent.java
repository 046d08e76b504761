package news.article.article;

/**
 * What happened to the public state of an article, as {@code news.article-events} carries it. Each event holds the
 * full snapshot after the change, so a consumer can rebuild every article from the topic alone.
 */
sealed interface ArticleEvent permits ArticlePublished, ArticleUpdated, ArticleUnpublished {

    ArticleSnapshot snapshot();

    /** The {@code ce_type} of the event. */
    String type();
}
