package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void aSlugIsTheTitleInLowerCaseAsciiWordsJoinedByHyphens() {
        assertThat(Slugs.base("Navy commissions third Aegis destroyer")).isEqualTo("navy-commissions-third-aegis-destroyer");
        assertThat(Slugs.base("  K9 howitzers: 24 more, 2027!  ")).isEqualTo("k9-howitzers-24-more-2027");
        assertThat(Slugs.base("Navy\u2019s new frigate")).isEqualTo("navys-new-frigate");
        assertThat(Slugs.base("Défense aérienne à Séoul")).isEqualTo("defense-aerienne-a-seoul");
    }

    @Test
    void aTitleWithoutLatinLettersOrDigitsFallsBackToArticle() {
        assertThat(Slugs.base("북한 미사일")).isEqualTo("article");
        assertThat(Slugs.base("!!!")).isEqualTo("article");
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
