package news.article.article;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import news.article.article.ArticleJson.CreateRequest;
import news.article.article.ArticleJson.EditorArticle;
import news.article.article.ArticleJson.EditorPickRequest;
import news.article.article.ArticleJson.UpdateRequest;
import news.kit.tracing.CurrentTrace;

/**
 * The editor API (role {@code editor}, enforced in {@code WebSecurity}). Every answer is the article as editors
 * see it, with its version as {@code ETag}; send it back as {@code If-Match} to change the article safely. Every
 * change records the editor named by the token.
 */
@RestController
@Tag(name = "editing", description = "Creating, changing, publishing, unpublishing and picking articles (role editor)")
@RequestMapping(path = "/api/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class EditorController {

    private final Articles articles;
    private final CurrentTrace trace;

    EditorController(Articles articles, CurrentTrace trace) {
        this.articles = articles;
        this.trace = trace;
    }

@Operation(summary = "Create an article, as a draft or published",
        description = "Title, section, source, byline, body and tags; publish and editorPick make it public or picked at once. 201 with Location and the version as ETag; 400 names every invalid field. A publication emits news.article.published.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EditorArticle> create(@RequestBody CreateRequest body, @AuthenticationPrincipal Jwt token) {
        Article created = articles.create(body.input(), Boolean.TRUE.equals(body.publish()),
                Boolean.TRUE.equals(body.editorPick()), EditorIdentity.of(token), trace.traceparent());
        return ResponseEntity.created(URI.create("/api/articles/" + created.id()))
                .eTag(Long.toString(created.version()))
                .body(EditorArticle.of(created));
    }

@Operation(summary = "Change an article's text, section or tags",
        description = "Send the version you edited as If-Match (or in the body): 412 or 409 with the current version when someone else saved first. A change of a published article emits news.article.updated.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EditorArticle> update(@PathVariable String id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @RequestBody UpdateRequest body, @AuthenticationPrincipal Jwt token) {
        return answer(articles.update(id, body.input(), expected(ifMatch, body.version()), EditorIdentity.of(token),
                trace.traceparent()));
    }

@Operation(summary = "Publish an article",
        description = "Makes a draft or unpublished article public; publishedAt and publishedBy are kept from its first publication. Emits news.article.published; publishing a published article changes nothing.")
    @PostMapping("/{id}/publish")
    ResponseEntity<EditorArticle> publish(@PathVariable String id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @AuthenticationPrincipal Jwt token) {
        return answer(articles.publish(id, expected(ifMatch, null), EditorIdentity.of(token), trace.traceparent()));
    }

@Operation(summary = "Take an article down",
        description = "Removes it from every page and list at once; it stays stored and can be published again. Emits news.article.unpublished.")
    @PostMapping("/{id}/unpublish")
    ResponseEntity<EditorArticle> unpublish(@PathVariable String id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @AuthenticationPrincipal Jwt token) {
        return answer(articles.unpublish(id, expected(ifMatch, null), EditorIdentity.of(token), trace.traceparent()));
    }

@Operation(summary = "Pick or unpick an article for Must-Reads",
        description = "editorPick true puts a published article first in Must-Reads (newest pick first), false takes it out. Emits news.article.updated for a published article.")
    @PutMapping(path = "/{id}/editor-pick", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<EditorArticle> editorPick(@PathVariable String id,
                                             @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @RequestBody EditorPickRequest body, @AuthenticationPrincipal Jwt token) {
        if (body.editorPick() == null) {
            throw ArticleProblems.invalid("editorPick", "is required (true or false)");
        }
        return answer(articles.pick(id, body.editorPick(), expected(ifMatch, null), EditorIdentity.of(token),
                trace.traceparent()));
    }

    private static ResponseEntity<EditorArticle> answer(Article article) {
        return ResponseEntity.ok().eTag(Long.toString(article.version())).body(EditorArticle.of(article));
    }

    private static ExpectedVersion expected(String ifMatch, Long bodyVersion) {
        try {
            return ExpectedVersion.of(ifMatch, bodyVersion);
        } catch (IllegalArgumentException e) {
            throw ArticleProblems.invalid("If-Match", e.getMessage());
        }
    }
}
