package news.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import news.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The newsroom in headless Chromium against a running stack ({@code infra/platform up}), driven with the keyboard:
 * Eve signs in and lands in the newsroom, writes a draft (readers never see it), previews it exactly as the article
 * page draws it, publishes it (in Just In within 2 s), picks it (it leads Must-Reads), unpublishes it (it leaves every
 * list) and undoes that; a concurrent change shows both versions; validation errors sit next to their field; she
 * removes a comment from the moderation queue; Alice, a reader, gets 403. axe-core finds no serious violation on any
 * newsroom page. Takes the newsroom screenshots of {@code docs/screenshots/}. Skips, saying why, like
 * {@link ReferencePageBrowserTest}.
 */
@ExtendWith(NewsroomBrowserTest.Prerequisites.class)
@Timeout(300)
class NewsroomBrowserTest extends BrowserTest {

    /** Skips the whole class, with the reason in the report, when something the test needs is missing. */
    static class Prerequisites implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return Chromium.prerequisites("NewsroomBrowserTest", () -> stackRuns() ? null : "No running stack at "
                    + BASE_URL + ": start one with infra/platform up (or pass -Dnews.browser.base-url=...)");
        }

        private static boolean stackRuns() {
            try {
                return Chromium.PLATFORM.get("/api/pages/home").statusCode() == 200;
            } catch (IllegalStateException noAnswer) { // TestHttp: the connection failed
                return false;
            }
        }
    }

    @Test
    void eveWritesADraftPublishesPicksAndUnpublishesItWithTheKeyboardOnly() throws Exception {
        signIn("eve", "/newsroom");
        awaitNotBusy();
        Awaitility.await("the list of articles").atMost(WAIT).until(() -> !rows().isEmpty());
        chromium.assertNoSeriousAccessibilityViolations("newsroom list");
        chromium.screenshot("newsroom-list.png");

        String word = uniqueWord();
        String title = "Corvette sea trials " + word + " begin at dawn";
        driver.get(BASE_URL + "/newsroom/new");
        awaitNotBusy();
        press(Keys.TAB);
        assertThat(active().getText()).isEqualTo("Skip to main content");
        press(Keys.ENTER);
        assertThat(active().getAttribute("id")).isEqualTo("main");
        tabTo("edit-title").sendKeys(title);
        tabTo("edit-section").sendKeys("Navy");
        tabTo("edit-source").sendKeys("Newsroom Wire");
        tabTo("edit-byline-name").sendKeys("Eve Moreau");
        tabTo("edit-byline-email").sendKeys("eve@news.example");
        tabTo("edit-body").sendKeys("The first paragraph of the trials.\n\nThe second paragraph, with <b>no</b> markup.");
        tabTo("edit-tags").sendKeys("navy, trials");

        assertThat(text("#article #title")).as("the live preview").isEqualTo(title);
        assertThat(driver.findElement(By.cssSelector("#article #section-label")).getAttribute("textContent"))
                .isEqualTo("Navy");
        assertThat(driver.findElements(By.cssSelector("#article #body p"))).extracting(WebElement::getText)
                .containsExactly("The first paragraph of the trials.", "The second paragraph, with <b>no</b> markup.");
        assertThat(text("#article #byline-name")).isEqualTo("Eve Moreau");

        tabTo("save").sendKeys(Keys.ENTER);
        Awaitility.await("saved as a draft").atMost(WAIT).until(() -> text("#action-text").startsWith("Saved as version"));
        String id = driver.getCurrentUrl().substring((BASE_URL + "/newsroom/articles/").length());
        assertThat(text("#article-state")).startsWith("Draft");
        chromium.assertNoSeriousAccessibilityViolations("newsroom editor");
        chromium.screenshot("newsroom-editor.png");

        assertThat(Chromium.PLATFORM.get("/api/pages/home").body()).as("a draft is not on the home page").doesNotContain(id);
        assertThat(Chromium.PLATFORM.get("/api/articles/" + id).statusCode()).as("nor readable by readers").isEqualTo(404);

        driver.get(BASE_URL + "/newsroom?status=draft&q=" + word);
        Awaitility.await("found by the list's search").atMost(WAIT).until(() -> rows().stream()
                .anyMatch(row -> ("row-" + id).equals(row.getAttribute("id"))));
        assertThat(rows()).hasSize(1);

        openEditor(id);
        tabTo("publish").sendKeys(Keys.ENTER);
        confirm("Publish this article?");
        Awaitility.await("published").atMost(WAIT).until(() -> text("#action-text").startsWith("Published"));
        long published = System.nanoTime();
        assertThat(text("#undo")).isEqualTo("Undo: unpublish");
        Awaitility.await("in Just In").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> ids(home().path("lists").path("justIn")).contains(id));
        System.out.printf("in Just In %d ms after the newsroom showed it published%n",
                (System.nanoTime() - published) / 1_000_000);
        String preview = (String) driver.executeScript("return document.getElementById('article').innerHTML;");

        // Popular Now and Must-Reads fill up with the newest articles while they have too few views, and a headline
        // appears in one list of the page only: the new article may be in any of them.
        Awaitility.await("on the home page").atMost(WAIT).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> {
                    driver.get(BASE_URL + "/");
                    awaitNotBusy();
                    return !driver.findElements(By.cssSelector(".headlines a[href='/article/" + id + "'],"
                            + " #main a[href='/article/" + id + "']")).isEmpty();
                });
        driver.get(BASE_URL + "/article/" + id);
        Awaitility.await("its article page").atMost(WAIT).ignoreExceptions().until(() -> text("#title").equals(title));
        assertThat(driver.executeScript("return document.getElementById('article').innerHTML;"))
                .as("the preview is drawn exactly as the article page").isEqualTo(preview);

        openEditor(id);
        tabTo("pick").sendKeys(Keys.ENTER);
        confirm("Make it an editor's pick?");
        Awaitility.await("picked").atMost(WAIT).until(() -> text("#action-text").startsWith("It is an editor's pick"));
        // the list itself: on the home page a headline shows in one list only, and Popular Now, first to claim, may
        // hold a new article while it has few views
        Awaitility.await("it leads Must-Reads").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> TestHttp.json(Chromium.PLATFORM.get("/api/rankings/must-reads").body())
                        .path("entries").path(0).path("articleId").asString().equals(id));

        tabTo("unpublish").sendKeys(Keys.ENTER);
        confirm("Unpublish this article?");
        Awaitility.await("unpublished").atMost(WAIT).until(() -> text("#action-text").startsWith("Unpublished"));
        Awaitility.await("gone from every list").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> !Chromium.PLATFORM.get("/api/pages/home").body().contains(id)
                        && !Chromium.PLATFORM.get("/api/articles?limit=50").body().contains(id));

        assertThat(text("#undo")).isEqualTo("Undo: publish again");
        tabTo("undo").sendKeys(Keys.ENTER);
        Awaitility.await("published again by the undo").atMost(WAIT)
                .until(() -> text("#action-text").startsWith("Published"));
        // still an editor's pick: back in the reader's lists, where Must-Reads may claim it before Just In does
        Awaitility.await("back in the lists").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> Chromium.PLATFORM.get("/api/pages/home").body().contains(id)
                        && Chromium.PLATFORM.get("/api/articles?limit=50").body().contains(id));
        tabTo("unpublish").sendKeys(Keys.ENTER);
        confirm("Unpublish this article?");
        Awaitility.await("unpublished again").atMost(WAIT).until(() -> text("#action-text").startsWith("Unpublished"));
    }

    @Test
    void aChangeSavedMeanwhileShowsBothVersionsAndKeepsTheEditorsText() throws Exception {
        JsonNode draft = createArticle("Their first title " + uniqueWord(), false);
        String id = draft.path("id").asString();
        signIn("eve", "/newsroom/articles/" + id);
        awaitNotBusy();
        Awaitility.await("the draft in the editor").atMost(WAIT)
                .until(() -> driver.findElement(By.id("edit-title")).getAttribute("value")
                        .equals(draft.path("title").asString()));

        String theirs = "Their newer title " + uniqueWord();
        HttpResponse<String> changed = Chromium.PLATFORM.put("/api/articles/" + id, editor("frank"), content(theirs),
                Map.of("If-Match", "\"" + draft.path("version").asLong() + "\""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        String mine = "My own title " + uniqueWord();
        WebElement title = tabTo("edit-title");
        title.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        title.sendKeys(mine);
        tabTo("save").sendKeys(Keys.ENTER);

        Awaitility.await("the conflict view").atMost(WAIT).until(() -> driver.findElement(By.id("conflict")).isDisplayed());
        assertThat(active().getAttribute("id")).isEqualTo("conflict-heading");
        assertThat(text("#conflict-mine")).contains(mine);
        assertThat(text("#conflict-theirs")).contains(theirs);
        assertThat(text("#conflict-theirs-heading")).contains("Frank");
        chromium.assertNoSeriousAccessibilityViolations("newsroom conflict view");
        chromium.screenshot("newsroom-conflict.png");

        tabTo("conflict-reload").sendKeys(Keys.ENTER);
        assertThat(driver.findElement(By.id("edit-title")).getAttribute("value")).isEqualTo(theirs);
        assertThat(text("#conflict-mine")).as("my text, still there to copy from").contains(mine);
        assertThat(text("#article #title")).isEqualTo(theirs);
    }

    @Test
    void validationErrorsAreShownNextToTheFieldTheyConcern() throws Exception {
        signIn("eve", "/newsroom/new");
        awaitNotBusy();
        tabTo("edit-title").sendKeys("A title and nothing else " + uniqueWord());
        tabTo("edit-byline-email").sendKeys("not an address");
        tabTo("save").sendKeys(Keys.ENTER);

        Awaitility.await("the field errors").atMost(WAIT)
                .until(() -> driver.findElement(By.id("error-section")).isDisplayed());
        assertThat(driver.findElement(By.id("edit-section")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(text("#error-byline-email")).contains("e-mail");
        assertThat(driver.findElement(By.id("edit-byline-email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.findElement(By.id("error-body")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("error-title")).isDisplayed()).as("the title is fine").isFalse();
        assertThat(active().getAttribute("aria-invalid")).as("the focus on the first field in error").isEqualTo("true");
        chromium.assertNoSeriousAccessibilityViolations("newsroom editor with errors");
    }

    @Test
    void eveRemovesACommentFromTheModerationQueue() throws Exception {
        JsonNode article = createArticle("Comments to moderate " + uniqueWord(), true);
        String id = article.path("id").asString();
        String text = "A comment for the moderation queue " + uniqueWord();
        String token = Chromium.token("alice", "Alice Park", "reader");
        String[] commentId = new String[1];
        Awaitility.await("the comment posted once comment-service knows the article").atMost(WAIT)
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    HttpResponse<String> posted = Chromium.postComment(id, token, text);
                    if (posted.statusCode() == 201) {
                        commentId[0] = TestHttp.json(posted.body()).path("id").asString();
                    }
                    return commentId[0] != null;
                });

        signIn("eve", "/newsroom/comments");
        awaitNotBusy();
        By item = By.id("moderation-" + commentId[0]);
        Awaitility.await("the comment in the queue, with its article's title").atMost(WAIT).ignoreExceptions()
                .until(() -> driver.findElement(item).findElement(By.cssSelector(".comment-article a")).getText()
                        .equals(article.path("title").asString()));
        assertThat(driver.findElement(item).findElement(By.cssSelector(".comment-text")).getText()).isEqualTo(text);
        chromium.assertNoSeriousAccessibilityViolations("newsroom moderation queue");
        chromium.screenshot("newsroom-comments.png");

        tabTo(driver.findElement(item).findElement(By.cssSelector(".comment-remove"))).sendKeys(Keys.ENTER);
        confirm("Remove this comment?");
        Awaitility.await("removed").atMost(WAIT).until(() -> driver.findElement(item).getText()
                .equals("Removed: the comment by Alice Park."));
        assertThat(Chromium.PLATFORM.get("/api/articles/" + id + "/comments?limit=50").body()).doesNotContain(commentId[0]);

        HttpResponse<String> unpublished = Chromium.PLATFORM.send("POST", "/api/articles/" + id + "/unpublish",
                editor("eve"), "application/json", null, Map.of("If-Match", "\"" + article.path("version").asLong() + "\""));
        assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(200);
    }

    @Test
    void aReaderIsToldTheNewsroomIsForEditorsWith403() throws Exception {
        signIn("alice", "/newsroom");
        Awaitility.await("the editors-only page").atMost(WAIT).ignoreExceptions()
                .until(() -> text("h1").equals("The newsroom is for editors"));
        assertThat(text("main")).contains("Your account is a reader's");
        Object status = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "Promise.all([fetch('/newsroom', {headers: {Accept: 'text/html'}}), fetch('/api/newsroom/articles')])"
                + ".then(function (r) { done(r[0].status + ' ' + r[1].status); });");
        assertThat(status).isEqualTo("403 403");
        chromium.assertNoSeriousAccessibilityViolations("newsroom, editors only");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Signs in on the provider's page (a fresh browser session) and waits to be back at {@code next}. */
    private static void signIn(String user, String next) {
        driver.get(BASE_URL + "/");
        driver.manage().deleteAllCookies();
        driver.get(BASE_URL + "/login?next=" + next);
        Awaitility.await("the provider's sign-in page").atMost(WAIT)
                .until(() -> !driver.findElements(By.id("username")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("news-demo");
        driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
        Awaitility.await("back at " + next).atMost(WAIT).until(() -> driver.getCurrentUrl().equals(BASE_URL + next));
    }

    private static void openEditor(String id) {
        driver.get(BASE_URL + "/newsroom/articles/" + id);
        awaitNotBusy();
        Awaitility.await("the article in the editor").atMost(WAIT).until(() -> !text("#article-state").isEmpty());
    }

    /** The confirmation dialog has the focus on Cancel; Shift+Tab and Enter confirm. */
    private static void confirm(String question) {
        Awaitility.await("the confirmation").atMost(WAIT).until(() -> driver.findElement(By.id("confirm")).isDisplayed());
        assertThat(text("#confirm-title")).isEqualTo(question);
        assertThat(active().getAttribute("id")).isEqualTo("confirm-no");
        press(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(active().getAttribute("id")).isEqualTo("confirm-yes");
        press(Keys.ENTER);
    }

    /**
     * Presses Tab, or Shift+Tab when the element comes before the focus, until the element with that id has the focus
     * (it must be reachable by keyboard).
     */
    private static WebElement tabTo(String id) {
        return tabTo(driver.findElement(By.id(id)));
    }

    private static WebElement tabTo(WebElement target) {
        boolean before = Boolean.TRUE.equals(driver.executeScript("return document.activeElement !== document.body"
                + " && !!(arguments[0].compareDocumentPosition(document.activeElement)"
                + " & Node.DOCUMENT_POSITION_FOLLOWING);", target));
        CharSequence key = before ? Keys.chord(Keys.SHIFT, Keys.TAB) : Keys.TAB;
        for (int i = 0; i < 200 && !active().equals(target); i++) {
            press(key);
        }
        assertThat(active()).as("reached with the keyboard: " + target.getAttribute("id")).isEqualTo(target);
        return target;
    }

    private static void press(CharSequence keys) {
        active().sendKeys(keys);
    }

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    private static void awaitNotBusy() {
        Awaitility.await("the page filled").atMost(WAIT).ignoreExceptions()
                .until(() -> "false".equals(driver.findElement(By.id("main")).getAttribute("aria-busy")));
    }

    private static List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#article-rows tr"));
    }

    private static JsonNode home() throws Exception {
        return TestHttp.json(Chromium.PLATFORM.get("/api/pages/home").body());
    }

    private static List<String> ids(JsonNode headlines) {
        List<String> ids = new ArrayList<>();
        headlines.forEach(h -> ids.add(h.path("id").asString()));
        return ids;
    }

    private static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private static Map<String, Object> content(String title) {
        return Map.of("title", title, "section", "Navy", "source", "Newsroom Wire",
                "byline", Map.of("name", "Frank Ode", "email", "frank@news.example"),
                "body", List.of("A paragraph written through the API."), "tags", List.of("navy"));
    }

    /** An article created through the API by an editor, as another newsroom client would. */
    private static JsonNode createArticle(String title, boolean publish) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(content(title));
        body.put("publish", publish);
        HttpResponse<String> created = Chromium.PLATFORM.post("/api/articles", editor("frank"), body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHttp.json(created);
    }

    /** A token of the editor {@code editor} (named after it) of another newsroom client. */
    private static String editor(String editor) {
        String name = Character.toUpperCase(editor.charAt(0)) + editor.substring(1);
        return Chromium.token(editor, name, "editor");
    }
}
