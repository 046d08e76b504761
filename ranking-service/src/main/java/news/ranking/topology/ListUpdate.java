package news.ranking.topology;

import news.ranking.rules.Candidate;

/**
 * What the per-article stage tells the list stage about one list key: an article's current candidate, its removal,
 * or only that the key exists ({@code articleId} null), so every configured list is computed even while empty.
 */
record ListUpdate(String articleId, Candidate candidate) {

    static ListUpdate upsert(Candidate candidate) {
        return new ListUpdate(candidate.articleId(), candidate);
    }

    static ListUpdate remove(String articleId) {
        return new ListUpdate(articleId, null);
    }

    static ListUpdate touch() {
        return new ListUpdate(null, null);
    }

    boolean onlyTouches() {
        return articleId == null;
    }
}
