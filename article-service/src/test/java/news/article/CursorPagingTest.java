package news.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import news.testsupport.ServiceClient;
import tools.jackson.databind.JsonNode;

/** Keyset paging: a reader paging through a section sees every article once, whatever editors publish meanwhile. */
@ArticleServiceTest
class CursorPagingTest {

    @ServiceClient
    Api api;

    record Item(String id, Instant publishedAt) {
    }

    @Test
    void pagingSeesEveryEarlierArticleExactlyOnceInOrderWhileOthersArePublishedConcurrently() throws Exception {
        for (int i = 0; i < 12; i++) {
            api.publishedArticle("Defense Industry");
        }
        List<Item> before = allOf("Defense%20Industry");
        assertThat(before).hasSizeGreaterThanOrEqualTo(12);

        ExecutorService writer = Executors.newSingleThreadExecutor();
        AtomicBoolean paging = new AtomicBoolean(true);
        List<String> publishedMeanwhile = Collections.synchronizedList(new ArrayList<>());
        Future<?> writing = writer.submit(() -> {
            while (paging.get() && publishedMeanwhile.size() < 40) {
                publishedMeanwhile.add(api.publishedArticle("Defense Industry").path("id").asString());
            }
        });
        List<Item> seen = new ArrayList<>();
        try {
            String cursor = null;
            do {
                JsonNode page = page("Defense%20Industry", 5, cursor);
                page.path("items").forEach(i -> seen.add(item(i)));
                cursor = page.path("next").isNull() ? null : page.path("next").asString();
                publishedMeanwhile.add(api.publishedArticle("Defense Industry").path("id").asString());
            } while (cursor != null);
        } finally {
            paging.set(false);
            writing.get();
            writer.shutdown();
        }

        List<String> seenIds = seen.stream().map(Item::id).toList();
        assertThat(new HashSet<>(seenIds)).as("no article twice").hasSameSizeAs(seenIds);
        assertThat(seen).as("newest first by publishedAt, then id").isSortedAccordingTo(newestFirst());
        assertThat(seenIds).as("every article published before paging began")
                .containsAll(before.stream().map(Item::id).toList());
        assertThat(publishedMeanwhile).isNotEmpty();
    }

    @Test
    void anArticleUnpublishedWhilePagingDropsOutWithoutShiftingTheOthers() {
        for (int i = 0; i < 6; i++) {
            api.publishedArticle("Views");
        }
        List<Item> before = allOf("Views");
        JsonNode first = page("Views", 3, null);
        List<Item> seen = new ArrayList<>();
        first.path("items").forEach(i -> seen.add(item(i)));
        String withdrawn = before.get(4).id();
        assertThat(api.post("/api/articles/" + withdrawn + "/unpublish", Api.EDITOR, null).statusCode()).isEqualTo(200);

        String cursor = first.path("next").asString();
        while (cursor != null) {
            JsonNode page = page("Views", 3, cursor);
            page.path("items").forEach(i -> seen.add(item(i)));
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        }

        List<String> expected = before.stream().map(Item::id).filter(id -> !id.equals(withdrawn)).toList();
        assertThat(seen.stream().map(Item::id).toList()).containsExactlyElementsOf(expected);
    }

    private List<Item> allOf(String section) {
        List<Item> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = page(section, 50, cursor);
            page.path("items").forEach(i -> items.add(item(i)));
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null);
        return items;
    }

    private JsonNode page(String section, int limit, String cursor) {
        HttpResponse<String> response = api.get("/api/articles?section=" + section + "&limit=" + limit
                + (cursor == null ? "" : "&cursor=" + cursor));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = Api.json(response);
        assertThat(page.path("items").size()).isLessThanOrEqualTo(limit);
        return page;
    }

    private static Item item(JsonNode node) {
        return new Item(node.path("id").asString(), Instant.parse(node.path("publishedAt").asString()));
    }

    private static Comparator<Item> newestFirst() {
        return Comparator.comparing(Item::publishedAt).thenComparing(Item::id).reversed();
    }
}
