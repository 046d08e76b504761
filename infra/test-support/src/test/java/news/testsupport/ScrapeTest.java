package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ScrapeTest {

    @Test
    void readsNamesLabelsWithSpacesAndEscapesAndValuesAndSkipsComments() {
        Scrape scrape = Scrape.of("""
                # HELP up whether up
                # TYPE up gauge
                up 1.0
                news_events_published_total{application="article-service",topic="news.article-views",type="a b"} 42.0
                odd{application="x",note="say \\"hi\\""} 3 1700000000000
                broken{application="x"} NaNish
                """);

        assertThat(scrape.names()).containsExactly("up", "news_events_published_total", "odd", "broken");
        assertThat(scrape.samples().get(0).labels()).isEmpty();
        assertThat(scrape.samples().get(0).value()).isEqualTo(1.0);
        assertThat(scrape.samples().get(1).labels()).isEqualTo(Map.of("application", "article-service",
                "topic", "news.article-views", "type", "a b"));
        assertThat(scrape.samples().get(1).value()).isEqualTo(42.0);
        assertThat(scrape.samples().get(2).labels()).containsEntry("note", "say \\\"hi\\\"");
        assertThat(scrape.samples().get(2).value()).isEqualTo(3.0);
        assertThat(scrape.samples().get(3).value()).isNaN();
    }
}
