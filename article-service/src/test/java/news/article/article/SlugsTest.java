package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Navy commissions third Aegis destroyer | navy-commissions-third-aegis-destroyer
            '  K9 howitzers: 24 more, 2027!  '     | k9-howitzers-24-more-2027
            Navy\u2019s new frigate                | navys-new-frigate
            Défense aérienne à Séoul               | defense-aerienne-a-seoul
            """)
    void aSlugIsTheTitleInLowerCaseAsciiWordsJoinedByHyphens(String title, String slug) {
        assertThat(Slugs.base(title)).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"북한 미사일", "!!!"})
    void aTitleWithoutLatinLettersOrDigitsFallsBackToArticle(String title) {
        assertThat(Slugs.base(title)).isEqualTo("article");
    }

    @Test
    void longTitlesAreCutAtAWordBoundary() {
        String slug = Slugs.base("word ".repeat(100));
        assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_BASE);
        assertThat(slug).endsWith("word").doesNotEndWith("-");
        assertThat(Slugs.plausible(slug + "-12")).isTrue();
    }

    @Test
    void theFirstFreeSuffixIsTaken() {
        assertThat(Slugs.firstFree("a", Set.of())).isEqualTo("a");
        assertThat(Slugs.firstFree("a", Set.of("a"))).isEqualTo("a-2");
        assertThat(Slugs.firstFree("a", Set.of("a", "a-2", "a-4"))).isEqualTo("a-3");
    }

    @Test
    void onlyWellFormedSlugsArePlausible() {
        for (String good : List.of("a", "a-2", "navy-commissions-destroyer")) {
            assertThat(Slugs.plausible(good)).as(good).isTrue();
        }
        for (String bad : List.of("", "A", "a--b", "-a", "a-", "a b", "$where", "a".repeat(221))) {
            assertThat(Slugs.plausible(bad)).as(bad).isFalse();
        }
    }
}
