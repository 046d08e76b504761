package news.article.article;

import news.contracts.ContractNames;

/** A draft or unpublished article became visible to readers. */
record ArticlePublished(ArticleSnapshot snapshot) implements ArticleEvent {
    @Override
    public String type() {
        return ContractNames.ARTICLE_PUBLISHED;
    }
}
