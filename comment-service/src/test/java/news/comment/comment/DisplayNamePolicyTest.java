package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DisplayNamePolicyTest {

    final DisplayNamePolicy policy = new DisplayNamePolicy("The Defence Desk");

    @ParameterizedTest
    @ValueSource(strings = {"Editors", "Editor", "Admin", "Administrator", "Moderator", "Staff", "editors", "ADMIN",
            " Admin\u3000", "Ａｄｍｉｎ", "Ad-min", "A.D.M.I.N.", "admın", "ADMİN", "Moder ator", "ｓｔａｆｆ",
            "The Defence Desk", "the defence desk", "TheDefenceDesk", "The  Defence-Desk!"})
    void reservedNamesAreRefusedWhateverTheirCaseWidthSpacingOrPunctuation(String name) {
        assertThatThrownBy(() -> policy.accept(name)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo(Rule.NAME_RESERVED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Eve\u202Egnp", "Eve\u202D", "Ann\u2066x\u2069", "a\u200Fb", "Bob\u200B", "Zo\u00AD\u00EB",
            "nul\u0000", "bell\u0007", "tab\tname", "new\nline", "del\u007F", "c1\u0085", "line\u2028sep",
            "para\u2029sep", "bom\uFEFF", "half \uD83D", "tag\uDB40\uDC41"})
    void controlFormatAndSeparatorCharactersAndUnpairedSurrogatesAreRefused(String name) {
        assertThatThrownBy(() -> policy.accept(name)).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo(Rule.NAME_CONTROL_CHARACTER));
    }

    @Test
    void aNameIsAtMost60CodePointsAfterTrimming() {
        assertThat(policy.accept("  " + "x".repeat(60) + "  ")).contains("x".repeat(60));
        assertThat(policy.accept("😀".repeat(60))).contains("😀".repeat(60));
        assertThatThrownBy(() -> policy.accept("x".repeat(61))).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.rule()).isEqualTo(Rule.NAME_TOO_LONG));
    }

    @ParameterizedTest
    @ValueSource(strings = {"  Zoë Editor ", "김민지", "Staff Sgt. Jones", "O'Brien-Ｓｍｉｔｈ"})
    void ordinaryNamesAreKeptTrimmedAndUnchanged(String name) {
        assertThat(policy.accept(name)).contains(name.strip());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = " \u00A0 ")
    void noNameIsNoName(String name) {
        assertThat(policy.accept(name)).isEmpty();
    }

    @Test
    void withoutASiteNameOnlyTheFixedNamesAreReserved() {
        DisplayNamePolicy noSite = new DisplayNamePolicy("");
        assertThat(noSite.accept("The Defence Desk")).contains("The Defence Desk");
        assertThatThrownBy(() -> noSite.accept("Editors")).isInstanceOf(RuleViolation.class);
    }
}
