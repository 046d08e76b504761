package news.article.article;

/** Who wrote the article and how to reach them. */
record Byline(String name, String email) {
}
