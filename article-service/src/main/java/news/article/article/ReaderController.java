package news.article.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import news.article.article.ArticleJson.EditorArticle;
import news.article.article.ArticleJson.Page;
import news.article.article.ArticleJson.ReaderArticle;
import news.article.article.ArticleJson.Summary;
import news.kit.Sections;

/**
 * The reader API: published articles by id, by slug and newest first. An editor's token also shows drafts and
 * unpublished articles by id or slug, in the editor's shape; lists show published articles to everybody. The
 * newsroom ({@link NewsroomController}) is where editors list and read articles of every status.
 */
@RestController
@Tag(name = "articles", description = "Published articles as readers see them; no token needed")
@RequestMapping(path = "/api/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class ReaderController {

    private final Articles articles;
    private final PublishedArticles published;
    private final Sections sections;
    private final ArticleProperties properties;

    ReaderController(Articles articles, PublishedArticles published, Sections sections, ArticleProperties properties) {
        this.articles = articles;
        this.published = published;
        this.sections = sections;
        this.properties = properties;
    }

@Operation(summary = "One article by id",
        description = "A published article to everybody (404 otherwise); an editor's token also sees drafts and unpublished articles, in the editor's shape. The version is the ETag.")
    @GetMapping("/{id}")
    ResponseEntity<?> byId(@PathVariable String id, Authentication authentication) {
        if (!isEditor(authentication)) {
            PublishedArticles.ReaderCopy copy = published.readerCopy(id)
                    .orElseThrow(() -> ArticleProblems.notFound(id));
            return ResponseEntity.ok().eTag(Long.toString(copy.version())).body(copy.article());
        }
        return show(articles.find(id), authentication, () -> ArticleProblems.notFound(id));
    }

@Operation(summary = "One article by its slug",
        description = "The same answer as by id, found by the slug of its URL.")
    @GetMapping("/by-slug/{slug}")
    ResponseEntity<?> bySlug(@PathVariable String slug, Authentication authentication) {
        return show(articles.findBySlug(slug), authentication, () -> ArticleProblems.slugNotFound(slug));
    }

@Operation(summary = "Published articles, newest first",
        description = "Optionally of one section; limit (1 to the configured maximum) and the cursor of the previous page's next field page through them. 400 names an unknown section, a bad limit or cursor.")
    @GetMapping
    Page<Summary> newest(@RequestParam(required = false) String section, @RequestParam(required = false) Integer limit,
                         @RequestParam(required = false) String cursor) {
        List<Violation> violations = new ArrayList<>();
        Optional<String> canonical = ListParameters.section(section, sections, violations);
        int size = ListParameters.limit(limit, properties, violations);
        Optional<Cursor> after = ListParameters.cursor(cursor, "", violations);
        if (!violations.isEmpty()) {
            throw ArticleProblems.invalid(violations);
        }
        Articles.Page page = articles.newest(canonical, after, size);
        return new Page<>(page.items().stream().map(Summary::of).toList(),
                page.next().map(Cursor::encode).orElse(null));
    }

    private static ResponseEntity<?> show(Optional<Article> found, Authentication authentication,
                                          Supplier<RuntimeException> notFound) {
        boolean editor = isEditor(authentication);
        Article article = found.filter(a -> editor || a.isPublished()).orElseThrow(notFound);
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(Long.toString(article.version()));
        return editor ? ok.body(EditorArticle.of(article)) : ok.body(ReaderArticle.of(article));
    }

    private static boolean isEditor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_editor".equals(a.getAuthority()));
    }
}
