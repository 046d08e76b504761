package news.article.article;

/** A draft or unpublished article became visible to readers. */
record ArticlePublished(ArticleSnapshot snapshot) implements ArticleEvent {
    @Override
    public String type() {
        return "news.article.published";
    }
}
