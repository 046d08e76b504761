package news.comment.comment;

import java.util.List;

/** The JSON shapes of the comment API (docs/product.md). */
final class CommentViews {

    private CommentViews() {
    }

    /** {@code {id, articleId, author:{id,name}, text, postedAt}}; the text exactly as stored, plain text. */
    record CommentView(String id, String articleId, AuthorView author, String text, String postedAt) {

        static CommentView of(CommentDocument doc, AuthorPseudonyms pseudonyms) {
            return new CommentView(doc.id, doc.articleId, AuthorView.of(doc.author, pseudonyms), doc.text,
                    doc.postedAt.toString());
        }
    }

    /**
     * {@code id} is the author's pseudonym, never the token subject: a comment stored before pseudonyms (subject in
     * {@code id}, and as the name when the token had none) gets its pseudonym and fallback name here.
     */
    record AuthorView(String id, String name) {

        static AuthorView of(CommentDocument.Author author, AuthorPseudonyms pseudonyms) {
            if (!author.legacy()) {
                return new AuthorView(author.id(), author.name());
            }
            String id = pseudonyms.of(author.id());
            boolean nameIsSubject = author.name() == null || author.name().equals(author.id());
            return new AuthorView(id, nameIsSubject ? DisplayNamePolicy.fallback(id) : author.name());
        }
    }

    /** {@code {count, maxLength, items, next}}: {@code next} is null on the last page. */
    record CommentPage(long count, int maxLength, List<CommentView> items, String next) {
    }

    /** {@code {items, next}}: the moderation queue, comments of every article newest first; {@code next} as above. */
    record ModerationPage(List<CommentView> items, String next) {
    }
}
