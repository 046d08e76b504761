package news.article.article;

import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.article.article.ArticleJson.EditorArticle;
import news.article.article.ArticleJson.Page;
import news.article.article.ArticleJson.ReaderArticle;
import news.article.article.ArticleJson.Summary;
import news.kit.Sections;

/**
 * The reader API: published articles by id, by slug and newest first. An editor's token also shows drafts and
 * unpublished articles by id or slug, in the editor's shape; lists show published articles to everybody.
 */
@RestController
@RequestMapping(path = "/api/articles", produces = MediaType.APPLICATION_JSON_VALUE)
class ReaderController {

    private final Articles articles;
    private final Sections sections;
    private final ArticleProperties properties;

    ReaderController(Articles articles, Sections sections, ArticleProperties properties) {
        this.articles = articles;
        this.sections = sections;
        this.properties = properties;
    }

    @GetMapping("/{id}")
    ResponseEntity<?> byId(@PathVariable String id, Authentication authentication) {
        return show(articles.find(id), authentication, () -> ArticleProblems.notFound(id));
    }

    @GetMapping("/by-slug/{slug}")
    ResponseEntity<?> bySlug(@PathVariable String slug, Authentication authentication) {
        return show(articles.findBySlug(slug), authentication, () -> ArticleProblems.slugNotFound(slug));
    }

    @GetMapping
    Page newest(@RequestParam(required = false) String section, @RequestParam(required = false) Integer limit,
                @RequestParam(required = false) String cursor) {
        Optional<String> canonical = Optional.empty();
        if (section != null && !section.isBlank() && !section.equalsIgnoreCase("all")) {
            canonical = sections.canonical(section);
            if (canonical.isEmpty()) {
                throw ArticleProblems.invalid("section", "is not a section of the site; use one of "
                        + String.join(", ", sections.sections()) + " (or leave it out for all)");
            }
        }
        int size = limit == null ? properties.defaultPageSize() : limit;
        if (size < 1 || size > properties.maxPageSize()) {
            throw ArticleProblems.invalid("limit", "must be between 1 and " + properties.maxPageSize());
        }
        Optional<Cursor> after = Optional.empty();
        if (cursor != null && !cursor.isEmpty()) {
            after = Cursor.decode(cursor);
            if (after.isEmpty()) {
                throw ArticleProblems.invalid("cursor", "is not a cursor this service handed out; "
                        + "use the 'next' value of the previous page");
            }
        }
        Articles.Page page = articles.newest(canonical, after, size);
        return new Page(page.items().stream().map(Summary::of).toList(),
                page.next().map(Cursor::encode).orElse(null));
    }

    private static ResponseEntity<?> show(Optional<Article> found, Authentication authentication,
                                          java.util.function.Supplier<RuntimeException> notFound) {
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
