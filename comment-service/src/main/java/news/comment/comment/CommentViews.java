package news.comment.comment;

import java.util.List;

/** The JSON shapes of the comment API (docs/product.md). */
final class CommentViews {

    private CommentViews() {
    }

    /** {@code {id, articleId, author:{id,name}, text, postedAt}}; the text exactly as stored, plain text. */
    record CommentView(String id, String articleId, AuthorView author, String text, String postedAt) {

        static CommentView of(CommentDocument doc) {
            return new CommentView(doc.id, doc.articleId, new AuthorView(doc.author.id(), doc.author.name()), doc.text,
                    doc.postedAt.toString());
        }
    }

    record AuthorView(String id, String name) {
    }

    /** {@code {count, maxLength, items, next}}: {@code next} is null on the last page. */
    record CommentPage(long count, int maxLength, List<CommentView> items, String next) {
    }

    /** {@code {items, next}}: the moderation queue, comments of every article newest first; {@code next} as above. */
    record ModerationPage(List<CommentView> items, String next) {
    }
}
