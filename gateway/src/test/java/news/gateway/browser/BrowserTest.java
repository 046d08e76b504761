package news.gateway.browser;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/** One headless Chromium per browser test class, started before its first test and closed after its last. */
abstract class BrowserTest {

    static final String BASE_URL = Chromium.BASE_URL;
    static final Duration WAIT = Duration.ofSeconds(30);

    static Chromium chromium;
    static ChromeDriver driver;

    @BeforeAll
    static void startBrowser() throws IOException {
        chromium = Chromium.start();
        driver = chromium.driver;
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    static String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }
}
