package news.comment.comment;

/** Only a comment's author or an editor may remove it; answered with 403. */
final class NotAllowedToRemove extends RuntimeException {

    NotAllowedToRemove(String commentId) {
        super("Only the author of comment '" + commentId + "' or an editor may remove it.", null, false, false);
    }
}
