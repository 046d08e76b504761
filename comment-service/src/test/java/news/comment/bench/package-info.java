/**
 * Tools for the comment-read benchmark of {@code comment-service/bench}: seeding an article with many comments
 * straight into the store, and a self-contained server on the embedded broker and store. Not tests.
 */
package news.comment.bench;
