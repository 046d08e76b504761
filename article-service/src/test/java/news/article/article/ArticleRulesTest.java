package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.kit.Sections;

class ArticleRulesTest {

    static final Sections SECTIONS = new Sections(List.of("Views", "Army", "Navy", "Air Force", "Defense Industry",
            "North Korea", "Policy"));

    static ArticleInput valid() {
        return new ArticleInput("Navy commissions destroyer", "Navy", "Defense Wire", "Mina Park",
                "mina.park@example.com", true, List.of("One.", "Two."), List.of("destroyer"));
    }

    static ArticleInput with(String title, String section, String email, List<String> body, List<String> tags) {
        return new ArticleInput(title, section, "Defense Wire", "Mina Park", email, true, body, tags);
    }

    @Test
    void validContentIsTrimmedAndItsSectionSpelledAsConfigured() {
        ArticleRules.Checked checked = ArticleRules.check(new ArticleInput("  Title  ", "air-force", " Wire ",
                " Mina ", " mina@example.com ", true, List.of(" Para. "), null), SECTIONS);

        assertThat(checked.violations()).isEmpty();
        ArticleContent content = checked.content().orElseThrow();
        assertThat(content.title()).isEqualTo("Title");
        assertThat(content.section()).isEqualTo("Air Force");
        assertThat(content.source()).isEqualTo("Wire");
        assertThat(content.byline()).isEqualTo(new Byline("Mina", "mina@example.com"));
        assertThat(content.body()).containsExactly("Para.");
        assertThat(content.tags()).isEmpty();
    }

    @Test
    void limitsAreInclusive() {
        List<String> tenTags = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenTags.add("t".repeat(49) + i);
        }
        ArticleRules.Checked checked = ArticleRules.check(with("t".repeat(200), "Army", "a@example.com",
                Collections.nCopies(200, "p".repeat(10_000)), tenTags), SECTIONS);
        assertThat(checked.violations()).isEmpty();
    }

    @Test
    void oneOverEachLimitIsAViolationNamingItsField() {
        assertThat(fields(with("t".repeat(201), "Army", "a@example.com", List.of("p"), null))).containsExactly("title");
        assertThat(fields(with("t", "Army", "a@example.com", Collections.nCopies(201, "p"), null))).containsExactly("body");
        assertThat(fields(with("t", "Army", "a@example.com", List.of("p", "p".repeat(10_001)), null)))
                .containsExactly("body[1]");
        assertThat(fields(with("t", "Army", "a@example.com", List.of("p"), Collections.nCopies(11, "x"))))
                .containsExactly("tags");
        assertThat(fields(with("t", "Army", "a@example.com", List.of("p"), List.of("x".repeat(51)))))
                .containsExactly("tags[0]");
    }

    @Test
    void lengthsAreCountedInCodePointsNotUtf16Units() {
        String twoHundredEmoji = "\uD83D\uDEA2".repeat(200);
        assertThat(fields(with(twoHundredEmoji, "Army", "a@example.com", List.of("p"), null))).isEmpty();
        assertThat(fields(with(twoHundredEmoji + "!", "Army", "a@example.com", List.of("p"), null))).containsExactly("title");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ArticleInput input = new ArticleInput(" ", "Space", null, null, "nope", true, List.of(), null);
        assertThat(fields(input)).containsExactlyInAnyOrder("title", "section", "source", "byline.name",
                "byline.email", "body");
    }

    @Test
    void missingFieldsAreRequired() {
        ArticleInput input = new ArticleInput(null, null, null, null, null, false, null, null);
        assertThat(ArticleRules.check(input, SECTIONS).violations()).extracting(Violation::message).containsOnly("is required");
        assertThat(fields(input)).containsExactlyInAnyOrder("title", "section", "source", "byline", "body");
    }

    @Test
    void unknownSectionsAreNamedWithTheChoices() {
        ArticleRules.Checked checked = ArticleRules.check(with("t", "Marines", "a@example.com", List.of("p"), null),
                SECTIONS);
        assertThat(checked.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("section");
            assertThat(v.message()).contains("Views, Army, Navy, Air Force, Defense Industry, North Korea, Policy");
        });
    }

    @Test
    void emailAddressesNeedALocalPartAndADottedDomain() {
        for (String good : List.of("a@example.com", "first.last+tag@sub.example.co.kr", "o'brien@example.org")) {
            assertThat(fields(with("t", "Army", good, List.of("p"), null))).as(good).isEmpty();
        }
        for (String bad : List.of("", "plain", "@example.com", "a@", "a@example", "a b@example.com", "a@exa mple.com",
                "a@-example.com", "x".repeat(65) + "@example.com", "a@" + "d".repeat(250) + ".com")) {
            assertThat(fields(with("t", "Army", bad, List.of("p"), null))).as(bad).containsExactly("byline.email");
        }
    }

    @Test
    void repeatedTagsAreKeptOnceInTheirFirstSpelling() {
        ArticleContent content = ArticleRules.check(with("t", "Army", "a@example.com", List.of("p"),
                List.of("Drones", "drones", " DRONES ", "radar")), SECTIONS).content().orElseThrow();
        assertThat(content.tags()).containsExactly("Drones", "radar");
    }

    private static List<String> fields(ArticleInput input) {
        return ArticleRules.check(input, SECTIONS).violations().stream().map(Violation::field).toList();
    }
}
