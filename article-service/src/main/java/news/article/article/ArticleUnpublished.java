package news.article.article;

import news.contracts.ContractNames;

/** A published article was withdrawn; it leaves every list at once. */
record ArticleUnpublished(ArticleSnapshot snapshot) implements ArticleEvent {
    @Override
    public String type() {
        return ContractNames.ARTICLE_UNPUBLISHED;
    }
}
