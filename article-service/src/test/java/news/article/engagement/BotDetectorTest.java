package news.article.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The bot patterns this service ships with (application.yml), against real User-Agent strings. */
class BotDetectorTest {

    static final BotDetector SHIPPED = new BotDetector(shippedPatterns());

    @Test
    void theCommonCrawlersAreBots() {
        for (String ua : List.of(
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/131.0.6778.69 Safari/537.36",
                "Googlebot-Image/1.0",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
                "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
                "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
                "Mozilla/5.0 (compatible; SemrushBot/7~bl; +http://www.semrush.com/bot.html)",
                "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
                "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
                "Twitterbot/1.0",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
                "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)",
                "CCBot/2.0 (https://commoncrawl.org/faq/)",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
                "curl/8.5.0",
                "python-requests/2.32.3",
                "Go-http-client/1.1",
                "NewsAggregatorCrawler/3.2",
                "my-little-spider",
                "FeedFetcher bot")) {
            assertThat(SHIPPED.isBot(ua)).as(ua).isTrue();
        }
    }

    @Test
    void browsersAndInAppBrowsersArePeople() {
        for (String ua : List.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
                "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 14; SM-S918N) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 KAKAOTALK 10.4.5",
                "Mozilla/5.0 (Linux; Android 13; SM-A536N Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.144 Mobile Safari/537.36 NAVER(inapp; search; 2000; 12.1.6)")) {
            assertThat(SHIPPED.isBot(ua)).as(ua).isFalse();
        }
    }

    @Test
    void aMissingUserAgentIsNoEvidenceOfABot() {
        assertThat(SHIPPED.isBot(null)).isFalse();
        assertThat(SHIPPED.isBot("")).isFalse();
    }

    @Test
    void patternsAreCaseInsensitiveRegularExpressionsAndBrokenOnesAreRefusedAtStartUp() {
        BotDetector detector = new BotDetector(List.of("examplebot", "^probe/\\d+"));
        assertThat(detector.isBot("Mozilla/5.0 (compatible; ExampleBot)")).isTrue();
        assertThat(detector.isBot("probe/2")).isTrue();
        assertThat(detector.isBot("a probe/2")).isFalse();
        assertThatThrownBy(() -> new BotDetector(List.of("(unclosed"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("news.readers.bot-patterns");
        assertThat(new BotDetector(List.of()).isBot("Googlebot")).isFalse();
    }

    @SuppressWarnings("unchecked")
    static List<String> shippedPatterns() {
        try (InputStream in = BotDetectorTest.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> news = (Map<String, Object>) yaml.get("news");
            Map<String, Object> readers = (Map<String, Object>) news.get("readers");
            return (List<String>) readers.get("bot-patterns");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
