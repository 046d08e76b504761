/**
 * Reader comments: posting (plain text of 1 to 300 code points, author taken from the bearer token only), reading
 * newest first with an opaque cursor, removal by the author or an editor, and the {@code news.comment.posted} /
 * {@code news.comment.removed} events, written into each comment document's outbox in the same single write that
 * changes the comment. The text rules are plain Java ({@link news.comment.comment.CommentTextPolicy}).
 */
package news.comment.comment;
