package news.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import news.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * What the browser tests share: where Chromium, chromedriver, axe-core and the stack are, a headless Chromium with a
 * fresh profile, the axe-core check and the screenshots of {@code docs/screenshots/}.
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("news.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("news.browser.chromedriver", "/usr/bin/chromedriver"));
    static final String BASE_URL = System.getProperty("news.browser.base-url", "http://localhost:8080");
    static final Path SCREENSHOTS = Path.of(System.getProperty("news.browser.screenshots", "../docs/screenshots"));
    static final Path AXE = Path.of(System.getProperty("news.browser.axe",
            "src/test/browser/node_modules/axe-core/axe.min.js"));
    /** The running platform, through its gateway, as an API client of it. */
    static final TestHttp PLATFORM = new TestHttp(BASE_URL);

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Chromium, chromedriver or axe-core missing, as a sentence with the fix; null when all are there. */
    static String missingTools() {
        if (!Files.isExecutable(CHROMIUM)) {
            return "No Chromium at " + CHROMIUM + ": apt-get install -y chromium";
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            return "No chromedriver at " + CHROMEDRIVER + ": apt-get install -y chromium-driver";
        }
        if (!Files.isReadable(AXE)) {
            return "No axe-core at " + AXE.toAbsolutePath() + ": cd gateway/src/test/browser && npm ci";
        }
        return null;
    }

    static Chromium start() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1800));
        Files.createDirectories(SCREENSHOTS);
        return new Chromium(driver, profile);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    void assertNoSeriousAccessibilityViolations(String what) throws IOException {
        JavascriptExecutor js = driver;
        js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); }, function (e) { done('ERROR ' + e); });");
        assertThat(result.toString()).doesNotStartWith("ERROR");
        List<String> serious = new ArrayList<>();
        List<String> minor = new ArrayList<>();
        for (JsonNode violation : TestHttp.json(result.toString())) {
            String line = violation.path("impact").asString() + " " + violation.path("id").asString() + ": "
                    + violation.path("help").asString() + " (" + violation.path("nodes").size() + " nodes)";
            String impact = violation.path("impact").asString();
            (impact.equals("serious") || impact.equals("critical") ? serious : minor).add(line);
        }
        System.out.println("axe-core on the " + what + ": " + serious.size() + " serious/critical, " + minor
                + " minor/moderate");
        assertThat(serious).as("serious or critical axe-core violations on the " + what).isEmpty();
    }

    void screenshot(String name) throws IOException {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** A token of the running platform's own provider (it reads the key from {@code .data/identity}). */
    static String token(String subject, String name, String role) {
        Path root = Path.of("..").toAbsolutePath().normalize();
        return news.launcher.LocalIdentity.of(new news.launcher.Layout(root, root.resolve(".data"), Map.of()))
                .mint().mint(subject, name, role, Duration.ofMinutes(30));
    }

    /** Posts a comment through the gateway with a token of the platform's provider; the answer as it came. */
    static HttpResponse<String> postComment(String articleId, String token, String text) {
        return PLATFORM.post("/api/articles/" + articleId + "/comments", token, Map.of("text", text));
    }

    /**
     * Whether a browser test class can run: the tools there and {@code stackProblem} (why the running stack will not
     * do, or null) null; otherwise disabled, with the reason in the report and on stderr.
     */
    static ConditionEvaluationResult prerequisites(String test, Supplier<String> stackProblem) {
        String missing = missingTools();
        if (missing == null) {
            missing = stackProblem.get();
        }
        if (missing != null) {
            System.err.println(test + " skipped: " + missing);
            return ConditionEvaluationResult.disabled(missing);
        }
        return ConditionEvaluationResult.enabled("Chromium, chromedriver, axe-core and a stack at " + BASE_URL);
    }
}
