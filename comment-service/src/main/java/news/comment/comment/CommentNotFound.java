package news.comment.comment;

/** No visible comment has this id (it never existed or was removed); answered with 404. */
final class CommentNotFound extends RuntimeException {

    CommentNotFound(String commentId) {
        super("There is no comment '" + commentId + "' (it does not exist or was removed).", null, false, false);
    }
}
