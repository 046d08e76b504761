package news.article.article;

/** One broken rule: which field (as a JSON path like {@code body[3]}) and what is wrong with it. */
record Violation(String field, String message) {
}
