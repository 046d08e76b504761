package news.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SectionsTest {

    private final Sections sections = new Sections(List.of("Views", "Air Force", "Defense Industry"));

    @Test
    void findsTheConfiguredSpellingWhateverTheCaseOrSlugForm() {
        assertThat(sections.canonical("air force")).contains("Air Force");
        assertThat(sections.canonical("AIR-FORCE")).contains("Air Force");
        assertThat(sections.canonical("defense_industry")).contains("Defense Industry");
        assertThat(sections.canonical("Views")).contains("Views");
    }

    @Test
    void anUnknownSectionIsEmpty() {
        assertThat(sections.canonical("Sports")).isEmpty();
        assertThat(sections.canonical(null)).isEmpty();
        assertThat(sections.canonical("")).isEmpty();
    }
}
