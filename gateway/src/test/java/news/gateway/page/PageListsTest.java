package news.gateway.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import news.gateway.readmodel.Headline;

class PageListsTest {

    @Test
    void theCurrentArticleNeverAppearsInItsOwnLists() {
        Map<String, List<Headline>> lists = PageLists.compose(candidates(
                "popularNow", "cur a b", "justIn", "cur c d"), "cur", 6);

        assertThat(ids(lists.get("popularNow"))).containsExactly("a", "b");
        assertThat(ids(lists.get("justIn"))).containsExactly("c", "d");
    }

    @Test
    void aHeadlineGoesToTheFirstListInPriorityOrderThatWantsIt() {
        Map<String, List<Headline>> lists = PageLists.compose(candidates(
                "popularNow", "a b c",
                "mustReads", "b c d e f",
                "latestStories", "a d e g h i",
                "justIn", "a b c d e f g h i j k l"), null, 3);

        assertThat(ids(lists.get("popularNow"))).containsExactly("a", "b", "c");
        assertThat(ids(lists.get("mustReads"))).containsExactly("d", "e", "f");
        assertThat(ids(lists.get("latestStories"))).containsExactly("g", "h", "i");
        assertThat(ids(lists.get("justIn"))).containsExactly("j", "k", "l");
    }

    @Test
    void aListShortOfUniqueCandidatesIsToppedUpFromItsOwnCandidatesInItsOwnOrder() {
        Map<String, List<Headline>> lists = PageLists.compose(candidates(
                "popularNow", "a b c",
                "mustReads", "b x c a"), null, 3);

        assertThat(ids(lists.get("popularNow"))).containsExactly("a", "b", "c");
        assertThat(ids(lists.get("mustReads"))).as("x alone is unique; b and c fill it up, in must-reads order")
                .containsExactly("b", "x", "c");
    }

    @Test
    void listsNeverRepeatAHeadlineAndNeverExceedTheirSize() {
        Map<String, List<Headline>> lists = PageLists.compose(candidates(
                "popularNow", "a a b b c c d e f g h",
                "justIn", "a a a"), null, 6);

        assertThat(ids(lists.get("popularNow"))).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(ids(lists.get("justIn"))).containsExactly("a");
    }

    @Test
    void emptyCandidatesGiveEmptyLists() {
        Map<String, List<Headline>> lists = PageLists.compose(candidates("popularNow", "", "justIn", "a"), "a", 6);

        assertThat(lists.get("popularNow")).isEmpty();
        assertThat(lists.get("justIn")).isEmpty();
    }

    private static Map<String, List<Headline>> candidates(String... namesAndIds) {
        Map<String, List<Headline>> candidates = new LinkedHashMap<>();
        for (int i = 0; i < namesAndIds.length; i += 2) {
            candidates.put(namesAndIds[i], Arrays.stream(namesAndIds[i + 1].split(" ")).filter(s -> !s.isEmpty())
                    .map(id -> new Headline(id, "Title " + id, "Army", Instant.EPOCH)).toList());
        }
        return candidates;
    }

    private static List<String> ids(List<Headline> headlines) {
        return headlines.stream().map(Headline::id).toList();
    }
}
