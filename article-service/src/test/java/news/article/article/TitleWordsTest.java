package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TitleWordsTest {

    @Test
    void aTitleIsFoldedToLowerCaseWordsWithoutAccentsOrApostrophesEachOnce() {
        assertThat(TitleWords.of("Défense Chief's \u201Cnew\u201D plan: the NEW plan, 2027\u20132030"))
                .containsExactly("defense", "chiefs", "new", "plan", "the", "2027", "2030");
    }

    @Test
    void lettersOfOtherScriptsStayWholeWords() {
        assertThat(TitleWords.of("북한, 동해상으로 탄도미사일 발사")).containsExactly("북한", "동해상으로", "탄도미사일", "발사");
        assertThat(TitleWords.of("ＦＵＬＬＷＩＤＴＨ Ｆ-35")).containsExactly("fullwidth", "f", "35");
    }

    @Test
    void aTitleWithoutLettersOrDigitsHasNoWords() {
        assertThat(TitleWords.of(" \u2014 !!! ... ")).isEmpty();
    }

    @Test
    void prefixPatternsAreLeftAnchoredPlainWordsSoAnIndexCanServeThem() {
        assertThat(TitleWords.prefixPatterns(TitleWords.of("Navy MINEHUNTER"))).containsExactly("^navy", "^minehunter");
        assertThatThrownBy(() -> TitleWords.prefixPatterns(List.of(".*"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TitleWords.prefixPatterns(List.of(""))).isInstanceOf(IllegalArgumentException.class);
    }
}
