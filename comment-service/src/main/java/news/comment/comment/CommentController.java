package news.comment.comment;

import java.net.URI;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import news.comment.comment.CommentViews.CommentPage;
import news.comment.comment.CommentViews.AuthorView;
import news.comment.comment.CommentViews.CommentView;
import news.comment.comment.CommentViews.ModerationPage;
import news.kit.tracing.CurrentTrace;
import news.kit.web.ClientAddresses;

/**
 * The comment API (docs/product.md). Reads of articles' comments are public; posting and removing need a reader or
 * editor token; the moderation queue (the newest comments of every article) is for editors.
 */
@RestController
@Tag(name = "comments", description = "Comments on published articles: read by anyone, posted by signed-in readers, removed by their author or an editor")
class CommentController {

    private final CommentService comments;
    private final ClientAddresses clientAddresses;
    private final CurrentTrace trace;

    CommentController(CommentService comments, ClientAddresses clientAddresses, CurrentTrace trace) {
        this.comments = comments;
        this.clientAddresses = clientAddresses;
        this.trace = trace;
    }

@Operation(summary = "Post a comment",
        description = "A signed-in reader's text (1 to 300 characters) on a published article; 201 with the comment, whose author is shown by display name and a pseudonym. 404 for an unknown or unpublished article, 429 past the posting limits. Emits news.comment.posted.")
    @PostMapping("/api/articles/{articleId}/comments")
    ResponseEntity<CommentView> post(@PathVariable String articleId, @RequestBody Map<String, Object> body,
                                     JwtAuthenticationToken authentication, HttpServletRequest request) {
        CommentDocument comment = comments.post(articleId, commenter(authentication), body,
                clientAddresses.clientOf(request), trace.traceparent());
        return ResponseEntity.created(URI.create("/api/comments/" + comment.id)).body(comments.view(comment));
    }

@Operation(summary = "Comments of an article, newest first",
        description = "Visible comments only; limit and the cursor of the previous page's next field page through them, count is the total.")
    @GetMapping("/api/articles/{articleId}/comments")
    CommentPage list(@PathVariable String articleId, @RequestParam(defaultValue = "20") int limit,
                     @RequestParam(required = false) String cursor) {
        return comments.list(articleId, limit, cursor);
    }

    /** Editors only ({@code WebSecurity}); never kept by a cache, so that a removed comment leaves the queue at once. */
@Operation(summary = "The moderation queue: newest comments across articles",
        description = "For editors: each comment with the article it belongs to, to remove what breaks the rules.")
    @GetMapping("/api/newsroom/comments")
    ResponseEntity<ModerationPage> moderationQueue(@RequestParam(defaultValue = "20") int limit,
                                                   @RequestParam(required = false) String cursor) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(comments.newest(limit, cursor));
    }

@Operation(summary = "One comment",
        description = "A visible comment by id; 404 for an unknown or removed one.")
    @GetMapping("/api/comments/{commentId}")
    CommentView get(@PathVariable String commentId) {
        return comments.view(comments.get(commentId));
    }

@Operation(summary = "Remove a comment",
        description = "Its author or an editor; 204, and news.comment.removed on Kafka. Removing a removed comment changes nothing.")
    @DeleteMapping("/api/comments/{commentId}")
    ResponseEntity<Void> remove(@PathVariable String commentId, JwtAuthenticationToken authentication) {
        comments.remove(commentId, commenter(authentication), trace.traceparent());
        return ResponseEntity.noContent().build();
    }

    /** A reader's own pseudonym, which only this service can make (it holds the key): never cached, never shared. */
@Operation(summary = "The caller as their comments name them",
        description = "The author id (pseudonym) and display name the caller's comments carry, so that a page can tell the caller's own comments, to offer Remove on them. name is null when the token's name is not allowed (a post then gets the reason). Needs a reader or editor token; never cached.")
    @GetMapping("/api/authors/me")
    ResponseEntity<AuthorView> me(JwtAuthenticationToken authentication) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(comments.author(commenter(authentication)));
    }

    private static Commenter commenter(JwtAuthenticationToken authentication) {
        Jwt jwt = authentication.getToken();
        Commenter commenter = Commenter.of(jwt, authentication.getAuthorities());
        if (!commenter.usable()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "The token's subject must be 1 to " + Commenter.MAX_SUBJECT_LENGTH + " characters to act on comments.");
        }
        return commenter;
    }
}
