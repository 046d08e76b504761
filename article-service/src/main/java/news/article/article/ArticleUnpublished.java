package news.article.article;

/** A published article was withdrawn; it leaves every list at once. */
record ArticleUnpublished(ArticleSnapshot snapshot) implements ArticleEvent {
    @Override
    public String type() {
        return "news.article.unpublished";
    }
}
