package news.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import news.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reference web page in headless Chromium against a running stack ({@code infra/platform up}): lists and
 * comments render, user text stays text, the comment box stops at 300 characters, the skip link moves focus to the
 * main content, axe-core finds no serious or critical violation (the provider's sign-in page too), the degraded note
 * shows, Alice signs in from the comment box and comments, Eve removes her comment. Takes the screenshots
 * of {@code docs/screenshots/}. Skips, saying why, where Chromium, chromedriver, axe-core or the stack is missing.
 */
@ExtendWith(ReferencePageBrowserTest.Prerequisites.class)
@Timeout(120)
class ReferencePageBrowserTest extends BrowserTest {

    private static final JsonMapper JSON = TestHttp.JSON;

    private static String articleId;

    /** Skips the whole class, with the reason in the report, when something the test needs is missing. */
    static class Prerequisites implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Chromium.prerequisites("ReferencePageBrowserTest", () -> articleId != null
                    || (articleId = anArticleWithFullLists()) != null ? null : "No running stack at " + BASE_URL
                    + " with an article page whose four lists have headlines: start one with infra/platform up (or"
                    + " pass -Dnews.browser.base-url=...)");
        }
    }

    @Test
    void theHomePageShowsItsListsAndSectionsAndPassesAxe() throws IOException {
        driver.get(BASE_URL + "/");
        awaitItems("#justIn li a");
        awaitItems("#popularNow li a");
        awaitItems("#mustReads li a");
        awaitItems("#mostShared li a");
        assertThat(driver.findElement(By.id("mostShared-heading")).getText()).isEqualTo("Most Shared");
        awaitItems("#sections .list-box");

        chromium.assertNoSeriousAccessibilityViolations("home page");
        chromium.screenshot("home.png");
    }

    @Test
    void theArticlePageShowsTheArticleTheFourListsAndTheCommentsAndPassesAxe() throws IOException {
        openArticle();

        assertThat(text("#section-label")).isNotBlank();
        assertThat(text("#source")).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#body p"))).isNotEmpty();
        assertThat(driver.findElement(By.id("byline-email")).getAttribute("href")).startsWith("mailto:");
        for (String list : List.of("latestStories", "justIn", "popularNow", "mustReads")) {
            assertThat(driver.findElements(By.cssSelector("#" + list + " li a"))).as(list).hasSizeBetween(1, 6);
        }
        assertThat(text("#comments-heading")).matches("Comments \\d+");
        assertThat(driver.findElements(By.cssSelector(".share-links a, .share-links button")))
                .extracting(WebElement::getText).containsExactly("Facebook", "X", "KakaoTalk", "E-mail", "Copy link");

        chromium.assertNoSeriousAccessibilityViolations("article page");
        chromium.screenshot("article.png");
    }

    @Test
    void aCommentWithMarkupIsShownAsLiteralTextAndRunsNothing() throws Exception {
        String markup = "<img src=x onerror=alert(1)>";
        postComment(articleId, "bob", "Bob", markup);

        Awaitility.await("the comment from the page API").atMost(WAIT)
                .pollInterval(Duration.ofSeconds(2)).until(() -> {
                    openArticle();
                    return driver.findElements(By.cssSelector("#comment-list .comment-text")).stream()
                            .anyMatch(e -> e.getText().equals(markup));
                });
        assertNothingRan();
    }

    /**
     * Alice, signed out, starts a comment; the box offers "Sign in to comment"; she signs in on the provider's page
     * and comes back to the same article with her text kept; her comment appears under her name with a Remove
     * button; a reload keeps her signed in; after "Sign out" the box asks to sign in again.
     */
    @Test
    void aliceSignsInFromTheCommentBoxCommentsStaysSignedInAndSignsOut() throws IOException {
        driver.manage().deleteAllCookies();
        openArticle();
        assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isTrue();
        String text = "Signed in for real " + System.nanoTime();
        WebElement box = driver.findElement(By.id("comment-text"));
        box.click();
        box.sendKeys(text);
        WebElement offer = driver.findElement(By.id("comment-sign-in-link"));
        assertThat(offer.isDisplayed()).isTrue();
        assertThat(offer.getText()).isEqualTo("Sign in to comment");

        offer.click();
        Awaitility.await("the provider's sign-in page").atMost(WAIT).until(() -> driver.getCurrentUrl().contains("/login")
                && !driver.findElements(By.id("username")).isEmpty());
        chromium.assertNoSeriousAccessibilityViolations("sign-in page");
        chromium.screenshot("sign-in.png");
        driver.findElement(By.id("username")).sendKeys("alice");
        driver.findElement(By.id("password")).sendKeys("news-demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();

        Awaitility.await("back on the same article, signed in").atMost(WAIT).ignoreExceptions().until(() ->
                driver.getCurrentUrl().startsWith(BASE_URL + "/article/" + articleId)
                        && text("#account-name").equals("Alice Park"));
        awaitLoaded();
        assertThat(driver.findElement(By.id("comment-text")).getAttribute("value")).as("the typed text, kept")
                .isEqualTo(text);
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();

        driver.findElement(By.id("comment-submit")).click();
        Awaitility.await("the posted comment").atMost(WAIT).until(() -> text("#comment-status")
                .equals("Your comment is posted."));
        WebElement mine = driver.findElement(By.cssSelector("#comment-list li"));
        assertThat(mine.findElement(By.cssSelector(".comment-meta strong")).getText()).isEqualTo("Alice Park");
        assertThat(mine.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        assertThat(mine.findElement(By.cssSelector(".comment-remove")).isDisplayed()).as("her own comment").isTrue();
        chromium.assertNoSeriousAccessibilityViolations("article page, signed in");
        chromium.screenshot("article-signed-in.png");

        driver.navigate().refresh();
        awaitLoaded();
        Awaitility.await("still signed in after a reload").atMost(WAIT).ignoreExceptions()
                .until(() -> text("#account-name").equals("Alice Park"));
        assertThat(driver.findElements(By.cssSelector("#comment-list li")).stream()
                .filter(li -> !li.findElement(By.cssSelector(".comment-meta strong")).getText().equals("Alice Park"))
                .map(li -> li.findElement(By.cssSelector(".comment-remove")).isDisplayed()).toList())
                .as("no Remove button on other readers' comments").doesNotContain(true);
        // the page (cached by the gateway for a few seconds) lists her comment once it has been assembled again
        Awaitility.await("her own comment, after a reload: the page asked comment-service who she is")
                .atMost(WAIT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                    driver.navigate().refresh();
                    awaitLoaded();
                    return driver.findElements(By.cssSelector("#comment-list li")).stream()
                            .filter(li -> li.findElement(By.cssSelector(".comment-text")).getText().equals(text))
                            .anyMatch(li -> li.findElement(By.cssSelector(".comment-remove")).isDisplayed());
                });

        driver.findElement(By.id("sign-out")).click();
        Awaitility.await("signed out, back on the site").atMost(WAIT).ignoreExceptions().until(() ->
                driver.getCurrentUrl().startsWith(BASE_URL) && driver.findElement(By.id("sign-in")).isDisplayed());
        openArticle();
        driver.findElement(By.id("comment-text")).click();
        assertThat(driver.findElement(By.id("comment-sign-in-link")).isDisplayed()).as("asks to sign in again").isTrue();
        assertThat(driver.findElement(By.id("sign-in")).isDisplayed()).isTrue();
    }

    /** Eve, an editor, sees a Remove button on every comment and removes Alice's. */
    @Test
    void eveRemovesAlicesComment() throws Exception {
        String commentId = postComment(articleId, "alice", "Alice Park", "Remove me, editor " + System.nanoTime());
        driver.manage().deleteAllCookies();
        openArticle();
        driver.findElement(By.id("sign-in")).click();
        Awaitility.await("the provider's sign-in page").atMost(WAIT).until(() -> !driver.findElements(By.id("username"))
                .isEmpty());
        driver.findElement(By.id("username")).sendKeys("eve");
        driver.findElement(By.id("password")).sendKeys("news-demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        Awaitility.await("back, signed in as Eve").atMost(WAIT).ignoreExceptions().until(() ->
                driver.getCurrentUrl().startsWith(BASE_URL + "/article/") && text("#account-name").equals("Eve Moreau"));
        Awaitility.await("Alice's comment with a Remove button").atMost(WAIT).pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions().until(() -> {
                    openArticle();
                    return driver.findElement(By.cssSelector("#comment-" + commentId + " .comment-remove")).isDisplayed();
                });
        assertThat(driver.findElements(By.cssSelector("#comment-list .comment-remove")))
                .as("an editor may remove every comment").allMatch(WebElement::isDisplayed);
        int before = Integer.parseInt(text("#comment-count"));

        driver.findElement(By.cssSelector("#comment-" + commentId + " .comment-remove")).click();

        Awaitility.await("the comment gone").atMost(WAIT).until(() -> driver.findElements(
                By.id("comment-" + commentId)).isEmpty());
        assertThat(text("#comment-status")).isEqualTo("The comment is removed.");
        assertThat(text("#comment-count")).isEqualTo(String.valueOf(before - 1));
        Awaitility.await("gone from the comments API").atMost(WAIT).until(() -> !Chromium.PLATFORM.get("/api/articles/"
                + articleId + "/comments?limit=50").body().contains("\"" + commentId + "\""));
        driver.findElement(By.id("sign-out")).click();
        Awaitility.await("signed out").atMost(WAIT).ignoreExceptions()
                .until(() -> driver.findElement(By.id("sign-in")).isDisplayed());
    }

    @Test
    void theCommentCounterStopsAt300Characters() {
        openArticle();
        WebElement box = driver.findElement(By.id("comment-text"));
        box.clear();
        box.sendKeys("a".repeat(350));

        assertThat(box.getAttribute("value")).hasSize(300);
        assertThat(text("#comment-counter")).isEqualTo("300 / 300");
        box.sendKeys(Keys.BACK_SPACE);
        assertThat(text("#comment-counter")).isEqualTo("299 / 300");
    }

    @Test
    void theSkipLinkMovesFocusToTheMainContent() {
        openArticle();
        ((JavascriptExecutor) driver).executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = driver.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to main content");
        assertThat(skip.isDisplayed()).as("visible when focused").isTrue();

        skip.sendKeys(Keys.ENTER);

        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).as("the next stop is inside main")
                .isEqualTo("section-label");
        WebElement home = driver.findElement(By.cssSelector(".skip-links a[href='/']"));
        assertThat(home.getAttribute("textContent")).isEqualTo("Skip to main page");
    }

    @Test
    void aPageLoadPostsOneViewAndTheShareLinksPostTheShare() {
        // Count the page's own POSTs before its script runs; the requests still go to the stack.
        Map<String, Object> script = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "(function () { window.__posts = []; var fetchOriginal = window.fetch;"
                + " window.fetch = function (input, init) {"
                + " if (init && init.method === 'POST') { window.__posts.push(String(input) + ' ' + init.body); }"
                + " return fetchOriginal(input, init); }; })();"));
        try {
            openArticle();
            driver.findElement(By.id("share-link")).click();
            Awaitility.await("the share status").atMost(WAIT).until(() -> !text("#share-status").isEmpty());

            @SuppressWarnings("unchecked")
            List<String> posts = (List<String>) ((JavascriptExecutor) driver).executeScript("return window.__posts;");
            assertThat(posts).filteredOn(p -> p.contains("/views")).hasSize(1);
            assertThat(posts).filteredOn(p -> p.contains("/shares")).containsExactly(
                    "/api/articles/" + articleId + "/shares {\"channel\":\"link\"}");
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier",
                    script.get("identifier")));
        }
        String url = BASE_URL + "/article/" + articleId;
        assertThat(driver.findElement(By.id("share-facebook")).getAttribute("href"))
                .startsWith("https://www.facebook.com/sharer/sharer.php?u=").contains(articleId);
        assertThat(driver.findElement(By.id("share-x")).getAttribute("href")).startsWith("https://x.com/intent/post?url=");
        assertThat(driver.findElement(By.id("share-kakaotalk")).getAttribute("href")).contains(articleId);
        assertThat(driver.findElement(By.id("share-email")).getAttribute("href")).startsWith("mailto:?subject=")
                .contains(java.net.URLEncoder.encode(url, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void aDegradedPageShowsAVisibleNote() {
        // Before the page's own script runs, mark the comments degraded in the page API's answer, as the gateway
        // does when comment-service is down (the stack here is healthy, and stays so for the other tests).
        Map<String, Object> script = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "(function () { var fetchOriginal = window.fetch; window.fetch = function (input, init) {"
                + " return fetchOriginal(input, init).then(function (response) {"
                + " if (String(input).indexOf('/api/pages/article/') < 0) { return response; }"
                + " return response.json().then(function (page) { page.degraded = ['comments'];"
                + " return new Response(JSON.stringify(page), {status: 200,"
                + " headers: {'Content-Type': 'application/json'}}); }); }); }; })();"));
        try {
            openArticle();
            WebElement note = driver.findElement(By.id("degraded-note"));
            assertThat(note.isDisplayed()).isTrue();
            assertThat(note.getText()).contains("the comments");
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier",
                    script.get("identifier")));
        }
        openArticle();
        assertThat(driver.findElement(By.id("degraded-note")).isDisplayed()).as("no note on a healthy page").isFalse();
    }

    /** Posts a comment through the gateway as an API client would, with a token of the platform's provider. */
    private static String postComment(String article, String subject, String name, String text) throws Exception {
        HttpResponse<String> posted = Chromium.postComment(article, Chromium.token(subject, name, "reader"), text);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return JSON.readTree(posted.body()).path("id").asString();
    }

    private static void openArticle() {
        driver.get(BASE_URL + "/article/" + articleId);
        awaitLoaded();
    }

    private static void awaitLoaded() {
        Awaitility.await("the article page filled").atMost(WAIT).ignoreExceptions().until(() ->
                "false".equals(driver.findElement(By.id("main")).getAttribute("aria-busy"))
                        && driver.findElements(By.cssSelector("#mustReads li")).size() > 0);
    }

    private static void awaitItems(String css) {
        Awaitility.await(css).atMost(WAIT).ignoreExceptions()
                .until(() -> !driver.findElements(By.cssSelector(css)).isEmpty());
    }

    private static void assertNothingRan() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.cssSelector("#comment-list img"))).isEmpty();
    }

    /**
     * An article whose page has headlines in all four lists (with the demo content's 31 articles in 7 sections,
     * Latest Stories has at most 4).
     */
    private static String anArticleWithFullLists() {
        try {
            HttpResponse<String> home = Chromium.PLATFORM.get("/api/pages/home");
            if (home.statusCode() != 200) {
                return null;
            }
            JsonNode lists = JSON.readTree(home.body()).path("lists");
            for (String list : List.of("justIn", "popularNow", "mustReads")) {
                for (JsonNode headline : lists.path(list)) {
                    String id = headline.path("id").asString();
                    HttpResponse<String> page = Chromium.PLATFORM.get("/api/pages/article/" + id);
                    if (page.statusCode() == 200 && full(JSON.readTree(page.body()).path("lists"))) {
                        return id;
                    }
                }
            }
            return null;
        } catch (IllegalStateException noAnswer) { // TestHttp: the connection failed
            return null;
        }
    }

    private static boolean full(JsonNode lists) {
        return List.of("latestStories", "justIn", "popularNow", "mustReads").stream()
                .allMatch(l -> lists.path(l).size() > 0);
    }
}
