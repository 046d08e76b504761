package news.comment.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The consuming side of the contract: the examples of infra/contracts are read, broken records are named. */
class ArticleEventTest {

    @Test
    void readsTheContractExamplesOfEveryArticleEventType() throws IOException {
        ArticleEvent published = ArticleEvent.read("id-1", "news.article.published", example("news.article.published"));
        assertThat(published).isEqualTo(new ArticleEvent("id-1", "news.article.published", "a7Yq3kPz9WmX", "published", 2));
        assertThat(published.published()).isTrue();

        ArticleEvent updated = ArticleEvent.read("id-2", "news.article.updated", example("news.article.updated"));
        assertThat(updated.version()).isEqualTo(3);
        assertThat(updated.published()).isTrue();

        ArticleEvent unpublished = ArticleEvent.read("id-3", "news.article.unpublished", example("news.article.unpublished"));
        assertThat(unpublished.version()).isEqualTo(4);
        assertThat(unpublished.published()).isFalse();
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        byte[] json = """
                {"articleId":"a1","status":"published","version":7,"somethingNew":{"x":1}}""".getBytes(StandardCharsets.UTF_8);
        assertThat(ArticleEvent.read("id", "news.article.updated", json).version()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            id | news.article.published | not json at all | payload is not JSON
            id | news.article.published | [1,2]           | payload is not a JSON object
            id | news.article.published | ``              | payload is empty
            id | news.article.deleted   | {}              | unknown ce_type 'news.article.deleted'
            id |                        | {}              | ce_type header is missing
               | news.article.published | {}              | ce_id header is missing
            id | news.article.published | {"status":"published","version":1} | $.articleId: is missing but it is required
            id | news.article.published | {"articleId":"a b","status":"published","version":1} \
                                                          | $.articleId: does not match ^[A-Za-z0-9_-]+$ (1 to 64 characters)
            id | news.article.published | {"articleId":"a1","status":"draft","version":1} \
                                                          | $.status: must be published or unpublished
            id | news.article.published | {"articleId":"a1","status":"published"} | $.version: is missing but it is required
            id | news.article.published | {"articleId":"a1","status":"published","version":"2"} \
                                                          | $.version: must be an integer of at least 1
            id | news.article.published | {"articleId":"a1","status":"published","version":0} \
                                                          | $.version: must be an integer of at least 1
            """)
    void namesWhatIsWrongWithARecordItCannotUse(String ceId, String type, String payload, String reason) {
        assertThatThrownBy(() -> ArticleEvent.read(ceId, type, payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnprocessableEvent.class).hasMessage(reason);
    }

    static byte[] example(String type) throws IOException {
        try (InputStream in = ArticleEventTest.class.getClassLoader()
                .getResourceAsStream("contracts/examples/" + type + ".json")) {
            assertThat(in).as("contract example of %s", type).isNotNull();
            return in.readAllBytes();
        }
    }
}
