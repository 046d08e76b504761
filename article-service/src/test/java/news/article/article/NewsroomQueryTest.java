package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import news.kit.Sections;

class NewsroomQueryTest {

    static final Sections SECTIONS = new Sections(List.of("Views", "Army", "Navy", "Air Force"));

    @Test
    void everyParameterIsOptionalAndStatusAndSectionComeInAnyCase() {
        NewsroomQuery all = parse(null, null, null);
        assertThat(all.status()).isEmpty();
        assertThat(all.section()).isEmpty();
        assertThat(all.words()).isEmpty();
        assertThat(parse("all", "all", "  ").status()).isEmpty();

        NewsroomQuery query = parse(" Draft ", "air-force", "Défense MINISTRY's");
        assertThat(query.status()).contains(Status.DRAFT);
        assertThat(query.section()).contains("Air Force");
        assertThat(query.words()).containsExactly("defense", "ministrys");
    }

    @Test
    void everyBrokenParameterIsReportedByName() {
        NewsroomQuery.Parsed parsed = NewsroomQuery.parse("archived", "Space Force", "q".repeat(10 * 1024), SECTIONS);
        assertThat(parsed.query()).isEmpty();
        assertThat(parsed.violations()).extracting(Violation::field).containsExactly("status", "section", "q");
        assertThat(parsed.violations().get(0).message()).contains("draft, published, unpublished");
    }

    @Test
    void aSearchNeedsALetterOrDigitAndAtMostEightWordsOf200Characters() {
        assertThat(violations("!!! \u2014 ...")).singleElement().asString().contains("letter or a digit");
        assertThat(violations("a b c d e f g h i")).singleElement().asString().contains("8 words");
        assertThat(violations("a b c d e f g h")).isEmpty();
        assertThat(violations("x".repeat(200))).isEmpty();
        assertThat(violations("x".repeat(201))).singleElement().asString().contains("200 characters");
        assertThat(violations("\uD83D\uDEA2".repeat(200))).singleElement().asString().contains("letter or a digit");
    }

    @Test
    void theScopeOfACursorDiffersWithEveryParameterAndNotWithTheirSpelling() {
        String scope = parse("draft", "Navy", "navy mine").scope();
        assertThat(scope).matches("n[A-Za-z0-9_-]{12}");
        assertThat(parse("DRAFT", "navy", "Navy  MINE").scope()).isEqualTo(scope);
        assertThat(List.of(parse("published", "Navy", "navy mine").scope(), parse(null, "Navy", "navy mine").scope(),
                parse("draft", "Army", "navy mine").scope(), parse("draft", null, "navy mine").scope(),
                parse("draft", "Navy", "navy").scope(), parse("draft", "Navy", null).scope()))
                .doesNotContain(scope).doesNotHaveDuplicates();
    }

    private static NewsroomQuery parse(String status, String section, String q) {
        NewsroomQuery.Parsed parsed = NewsroomQuery.parse(status, section, q, SECTIONS);
        assertThat(parsed.violations()).isEmpty();
        return parsed.query().orElseThrow();
    }

    private static List<Violation> violations(String q) {
        return NewsroomQuery.parse(null, null, q, SECTIONS).violations();
    }

    @Test
    void aQueryOfNothingButSpacesIsNoSearch() {
        assertThat(NewsroomQuery.parse(null, null, "   ", SECTIONS).query().map(NewsroomQuery::words))
                .isEqualTo(Optional.of(List.of()));
    }
}
