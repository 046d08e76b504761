package news.article.article;

import news.contracts.ContractNames;

/** A published article changed: its content or its editor pick. */
record ArticleUpdated(ArticleSnapshot snapshot) implements ArticleEvent {
    @Override
    public String type() {
        return ContractNames.ARTICLE_UPDATED;
    }
}
