package news.gateway.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import news.gateway.readmodel.ArticleSnapshot;
import news.gateway.readmodel.Headline;

/** The JSON shapes of the page API (docs/product.md), in the order the contract lists their fields. */
final class PageJson {

    private PageJson() {
    }

    record Article(String id, String slug, String title, String section, String source, Byline byline,
                   List<String> body, List<String> tags, boolean editorPick, Instant publishedAt,
                   Instant updatedAt) {

        static Article of(ArticleSnapshot s) {
            return new Article(s.articleId(), s.slug(), s.title(), s.section(), s.source(),
                    s.byline() == null ? null : new Byline(s.byline().name(), s.byline().email()), s.body(),
                    s.tags() == null ? List.of() : s.tags(), s.editorPick(), s.publishedAt(), s.updatedAt());
        }
    }

    record Byline(String name, String email) {
    }

    record Comments(long count, int maxLength, List<Comment> items, String next) {

        static Comments none(int maxLength) {
            return new Comments(0, maxLength, List.of(), null);
        }
    }

    record Comment(String id, String articleId, Author author, String text, String postedAt) {
    }

    record Author(String id, String name) {
    }

    record ArticleLists(List<Headline> latestStories, List<Headline> justIn, List<Headline> popularNow,
                        List<Headline> mustReads) {
    }

    /** The article page without {@code generatedAt}: what its ETag is computed over. */
    record ArticlePage(Article article, Comments comments, ArticleLists lists, List<String> degraded) {
    }

    record SectionLatest(String section, List<Headline> latest) {
    }

    /** The home page without {@code generatedAt}: {@code lists} are Just In, then the ranked lists in page order. */
    record HomePage(Map<String, List<Headline>> lists, List<SectionLatest> sections, List<String> degraded) {
    }
}
