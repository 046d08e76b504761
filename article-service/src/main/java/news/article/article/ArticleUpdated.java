package news.article.article;

/** A published article changed: its content or its editor pick. */
record ArticleUpdated(ArticleSnapshot snapshot) implements ArticleEvent {
    @Override
    public String type() {
        return "news.article.updated";
    }
}
