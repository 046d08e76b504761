package news.comment.comment;

/** The article is unknown or not published (any more), so it takes no comments; answered with 404. */
final class ArticleNotOpen extends RuntimeException {

    ArticleNotOpen(String articleId) {
        super("There is no published article '" + articleId + "' to comment on.", null, false, false);
    }
}
