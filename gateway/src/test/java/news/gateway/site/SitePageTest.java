package news.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The site's pages are put together once from their own file and the shared parts in {@code site/parts/}: each page,
 * as served, is one whole document with the shared head, masthead and account once, its own content, every id once
 * and every id it refers to present, and no include marker or placeholder left. A mistake in a page or a part stops
 * the start and names the file.
 */
class SitePageTest {

    /** Each page, and a piece of content that only it has. */
    private static final Map<String, String> PAGES = Map.of(
            "index.html", "<h1>Front page</h1>",
            "article.html", "<form id=\"comment-form\"",
            "newsroom.html", "<form id=\"filters\"",
            "newsroom-editor.html", "<form id=\"editor\"",
            "newsroom-comments.html", "<ol id=\"moderation-list\"",
            "newsroom-forbidden.html", "Your account is a reader's",
            "newsroom-sign-in.html", "id=\"door-sign-in\"");

    private static final Pattern ID = Pattern.compile(" id=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile(" (?:for|aria-labelledby|aria-describedby)=\"([^\"]+)\"");

    @Test
    void everyPageIsOneDocumentWithTheSharedPartsOnceAndItsOwnContent() {
        PAGES.forEach((name, own) -> {
            String html = served(name);
            assertThat(html).as(name).startsWith("<!doctype html>\n<html lang=\"en\">\n<head>\n")
                    .endsWith("</body>\n</html>\n").contains(own)
                    .doesNotContain("<!--#").doesNotContain("{{").doesNotContain("}}");
            for (String once : List.of("<html", "<head>", "</head>", "<title>", "<body ", "</body>", "</html>",
                    "<link rel=\"stylesheet\" href=\"/assets/site.css\">",
                    "<script src=\"/assets/news.js\" defer></script>", "<nav class=\"skip-links\"",
                    "<header class=\"masthead\">", "<main id=\"main\"")) {
                assertThat(count(html, once)).as(name + ": " + once).isEqualTo(1);
            }
            PAGES.forEach((other, theirs) -> {
                if (!other.equals(name)) {
                    assertThat(html).as(name + " has the content of " + other).doesNotContain(theirs);
                }
            });
            List<String> ids = all(ID, html);
            assertThat(ids).as(name + ": ids").doesNotHaveDuplicates();
            for (String references : all(REFERENCE, html)) {
                assertThat(ids).as(name + ": what " + references + " refers to").contains(references.split(" "));
            }
        });
    }

    @Test
    void theReaderPagesShareTheirMastheadHeadlinesAndFooter() {
        for (String name : List.of("index.html", "article.html")) {
            String html = served(name);
            assertThat(html).as(name).contains("<script src=\"/assets/site.js\" defer></script>")
                    .doesNotContain("newsroom.js").doesNotContain("newsroom.css")
                    .contains("<p class=\"tagline\">").contains("<footer class=\"site-footer\">");
            assertThat(count(html, "<a id=\"sign-in\"")).as(name).isEqualTo(1);
            assertThat(count(html, "<span id=\"signed-in\" hidden>")).as(name).isEqualTo(1);
            assertThat(count(html, "<section class=\"list-box\"")).as(name).isEqualTo(4);
            assertThat(html).as(name).contains("<ol id=\"justIn\" class=\"headlines\"></ol>")
                    .contains("<h2 id=\"mustReads-heading\">Must-Reads</h2>");
        }
        assertThat(served("index.html")).contains("<title>Defense News</title>", "<body data-page=\"home\">",
                "<ol id=\"mostShared\" class=\"headlines\"></ol>", "one call to <code>/api/pages/home</code>.");
        assertThat(served("article.html")).contains("<title>Article · Defense News</title>",
                "<body data-page=\"article\">", "<ol id=\"latestStories\" class=\"headlines\"></ol>",
                "one call to <code>/api/pages/article/{id}</code>.");
    }

    @Test
    void theNewsroomPagesShareTheirHeadMenuAccountAndDialogAndMarkTheirOwnMenuEntry() {
        Map<String, String> current = Map.of("newsroom.html", "/newsroom", "newsroom-editor.html", "/newsroom/new",
                "newsroom-comments.html", "/newsroom/comments");
        for (String name : List.of("newsroom.html", "newsroom-editor.html", "newsroom-comments.html",
                "newsroom-forbidden.html", "newsroom-sign-in.html")) {
            String html = served(name);
            assertThat(html).as(name).contains("<link rel=\"stylesheet\" href=\"/assets/newsroom.css\">",
                    "<script src=\"/assets/newsroom.js\" defer></script>", "class=\"newsroom\">",
                    " · Newsroom · Defense News</title>").doesNotContain("site.js").doesNotContain("id=\"sign-in\"");
            boolean workspace = current.containsKey(name);
            assertThat(count(html, "<nav class=\"newsroom-nav\"")).as(name).isEqualTo(workspace ? 1 : 0);
            assertThat(count(html, "<dialog id=\"confirm\"")).as(name).isEqualTo(workspace ? 1 : 0);
            assertThat(count(html, "<span id=\"signed-in\" hidden>")).as(name)
                    .isEqualTo(name.equals("newsroom-sign-in.html") ? 0 : 1);
            assertThat(all(Pattern.compile("<a href=\"([^\"]+)\" aria-current=\"page\">"), html)).as(name)
                    .isEqualTo(workspace ? List.of(current.get(name)) : List.of());
        }
        assertThat(served("newsroom-editor.html")).contains("<input id=\"edit-title\" name=\"title\" type=\"text\"",
                "<label for=\"edit-source\">Source</label>", "<p id=\"error-source\" class=\"field-error\" hidden>");
    }

    @Test
    void aPartIncludesOtherPartsAndPassesItsValuesOn() {
        SiteIncludes site = new SiteIncludes(Map.of(
                "page.html", "<!--#include outer title=\"Home\" -->\n<p>own</p>\n",
                "parts/outer.html", "<h1>{{title}}</h1>\n  <!--#include inner text=\"{{title}} · Site\" -->\n",
                "parts/inner.html", "<nav><a href=\"/\">Home</a><a href=\"/a\">A</a></nav>\n<p>{{text}}</p>\n")::get);

        assertThat(site.page("page.html")).isEqualTo(
                "<h1>Home</h1>\n<nav><a href=\"/\">Home</a><a href=\"/a\">A</a></nav>\n<p>Home · Site</p>\n<p>own</p>\n");

        SiteIncludes menu = new SiteIncludes(Map.of("page.html", "<!--#include inner text=\"x\" current=\"/a\" -->",
                "parts/inner.html", "<nav><a href=\"/\">Home</a><a href=\"/a\">A</a></nav>\n<p>{{text}}</p>\n")::get);
        assertThat(menu.page("page.html"))
                .isEqualTo("<nav><a href=\"/\">Home</a><a href=\"/a\" aria-current=\"page\">A</a></nav>\n<p>x</p>\n");
    }

    @Test
    void aMistakeInAPageOrAPartNamesTheFile() {
        assertThatThrownBy(() -> page("<!--#include nothing -->\n", "x"))
                .hasMessage("page.html includes parts/nothing.html, which is missing");
        assertThatThrownBy(() -> page("<!--#include part -->\n", "<p>{{text}}</p>\n"))
                .hasMessage("parts/part.html needs a value for {{text}}, which page.html does not give in its include"
                        + " marker");
        assertThatThrownBy(() -> page("<!--#include part text=\"a\" txt=\"b\" -->\n", "<p>{{text}}</p>\n"))
                .hasMessage("page.html gives parts/part.html [txt], which it has no placeholder for");
        assertThatThrownBy(() -> page("<!--#include part current=\"/b\" -->\n", "<a href=\"/a\">A</a>\n"))
                .hasMessage("page.html names /b as current, but parts/part.html does not have exactly one link"
                        + " <a href=\"/b\">");
        assertThatThrownBy(() -> page("<!--#include part -->\n", "<!--#include part -->\n"))
                .hasMessageContaining("a part includes itself");
        assertThatThrownBy(() -> page("<p><!--#include part --></p>\n", "x"))
                .hasMessageStartingWith("page.html has an include marker or a {{placeholder}} left");
        assertThatThrownBy(() -> page("<!--#include part text=a -->\n", "{{text}}"))
                .hasMessageStartingWith("page.html has an include marker or a {{placeholder}} left");
        assertThatThrownBy(() -> new SitePage("no-such-page.html"))
                .hasMessageStartingWith("The site's page site/no-such-page.html cannot be put together:"
                        + " no-such-page.html is missing");
    }

    private static String page(String page, String part) {
        return new SiteIncludes(Map.of("page.html", page, "parts/part.html", part)::get).page("page.html");
    }

    /** What the gateway serves for the page: the same object and bytes as the routes and the newsroom's door. */
    private static String served(String name) {
        SitePage page = switch (name) {
            case "newsroom-sign-in.html" -> SitePage.NEWSROOM_SIGN_IN;
            case "newsroom-forbidden.html" -> SitePage.NEWSROOM_FORBIDDEN;
            default -> new SitePage(name);
        };
        return new String(page.html(), StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
