package news.article.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import news.article.article.ArticleJson.EditorArticle;
import news.article.article.ArticleJson.History;
import news.article.article.ArticleJson.NewsroomItem;
import news.article.article.ArticleJson.Page;
import news.kit.Sections;
import news.kit.web.ApiDocs;

/**
 * The newsroom's reads (role {@code editor}, enforced in {@code WebSecurity}): every article whatever its status,
 * drafts included, with its version and editors, and its history. Answers are {@code Cache-Control: no-store}: they
 * hold unpublished text and must never be kept by a shared cache. Changes go through the editor API.
 */
@RestController
@RequestMapping(path = "/api/newsroom/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "newsroom", description = "Editors' view of every article, drafts included (role editor)")
@SecurityRequirement(name = ApiDocs.BEARER)
@ApiResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
@ApiResponse(responseCode = "403", description = "The token does not carry the role editor", content = @Content(
        mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
class NewsroomController {

    private static final CacheControl PRIVATE = CacheControl.noStore();

    private final Articles articles;
    private final Sections sections;
    private final ArticleProperties properties;

    NewsroomController(Articles articles, Sections sections, ArticleProperties properties) {
        this.articles = articles;
        this.sections = sections;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "Articles of any status, newest change first",
            description = "Drafts, published and unpublished articles, by updatedAt then id, newest first. `q` finds "
                    + "titles that have, for every word of `q`, a word starting with it, ignoring case, accents and "
                    + "apostrophes (`q=def min` finds \"Défense ministry ...\"). `next` is the cursor of the following "
                    + "page, null on the last one; it is valid only with the same status, section and q. An article "
                    + "changed while you page moves to the front and is not repeated further down.")
    @ApiResponse(responseCode = "200", description = "A page of articles")
    @ApiResponse(responseCode = "400", description = "Unknown status or section, q longer than 200 characters or "
            + "8 words or without a letter or digit, limit out of range, or a cursor of another list or query",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<Page<NewsroomItem>> list(
            @Parameter(description = "Only articles in this status; all when absent",
                    schema = @Schema(allowableValues = {"draft", "published", "unpublished"}))
            @RequestParam(required = false) String status,
            @Parameter(description = "Only this section, in any case or slug form (`air-force`); all when absent")
            @RequestParam(required = false) String section,
            @Parameter(description = "Words the title must have words starting with (at most 8 words, 200 characters)")
            @RequestParam(required = false) String q,
            @Parameter(description = "Page size, 1 to news.articles.max-page-size (50); news.articles.default-page-size"
                    + " (20) when absent")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The `next` of the previous page of the same query")
            @RequestParam(required = false) String cursor) {
        List<Violation> violations = new ArrayList<>();
        NewsroomQuery.Parsed parsed = NewsroomQuery.parse(status, section, q, sections);
        violations.addAll(parsed.violations());
        int size = ListParameters.limit(limit, properties, violations);
        Optional<Cursor> after = parsed.query()
                .flatMap(query -> ListParameters.cursor(cursor, query.scope(), violations));
        if (!violations.isEmpty()) {
            throw ArticleProblems.invalid(violations);
        }
        Articles.Page page = articles.newestChanges(parsed.query().orElseThrow(), after, size);
        return ResponseEntity.ok().cacheControl(PRIVATE).body(new Page<>(
                page.items().stream().map(NewsroomItem::of).toList(), page.next().map(Cursor::encode).orElse(null)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One article in any status, as editors see it",
            description = "With `version` (also the ETag: send it as If-Match to change the article), `createdBy`, "
                    + "`publishedBy` and `updatedBy` (who changed it last).")
    @ApiResponse(responseCode = "200", description = "The article")
    @ApiResponse(responseCode = "404", description = "No article has this id", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<EditorArticle> article(@PathVariable String id) {
        Article article = articles.find(id).orElseThrow(() -> ArticleProblems.editorNotFound(id));
        return ResponseEntity.ok().cacheControl(PRIVATE).eTag(Long.toString(article.version()))
                .body(EditorArticle.of(article));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Who changed the article, what and when, newest first",
            description = "The latest news.articles.history-size (100) changes as the article records them: version, "
                    + "action (created, edited, published, unpublished, picked, unpicked), the content fields an "
                    + "edit changed, the status after it, the editor and the time. `complete` is false when older "
                    + "changes are not listed.")
    @ApiResponse(responseCode = "200", description = "The history")
    @ApiResponse(responseCode = "404", description = "No article has this id", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ResponseEntity<History> history(@PathVariable String id) {
        Articles.History history = articles.history(id).orElseThrow(() -> ArticleProblems.editorNotFound(id));
        return ResponseEntity.ok().cacheControl(PRIVATE).eTag(Long.toString(history.version()))
                .body(History.of(history));
    }
}
