package news.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventContractsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventContracts contracts = EventContracts.load();

    static List<String> eventTypes() {
        return List.copyOf(EventContracts.load().types());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theDocumentedExampleOfEveryEventTypeIsValid(String type) {
        assertThat(contracts.validate(type, example(type))).isEmpty();
    }

    @Test
    void coversEveryEventTypeOfTheDesign() {
        assertThat(contracts.types()).containsExactlyInAnyOrder(
                "news.article.published", "news.article.updated", "news.article.unpublished",
                "news.article.viewed", "news.article.shared", "news.comment.posted", "news.comment.removed",
                "news.ranking.updated");
    }

    @Test
    void rejectsAViewWithoutItsTimestamp() {
        List<String> errors = errorsOf("news.article.viewed", n -> n.remove("viewedAt"));
        assertThat(errors).singleElement().asString().contains("viewedAt");
    }

    @Test
    void rejectsARawReaderIdInPlaceOfTheHash() {
        assertThat(errorsOf("news.article.viewed", n -> n.put("readerHash", "alice@example.com"))).isNotEmpty();
    }

    @Test
    void rejectsAMalformedTimestampBecauseFormatsAreAsserted() {
        assertThat(errorsOf("news.article.shared", n -> n.put("sharedAt", "yesterday"))).isNotEmpty();
    }

    @Test
    void rejectsAnUnknownShareChannelAndAnUnknownAgent() {
        assertThat(errorsOf("news.article.shared", n -> n.put("channel", "myspace"))).isNotEmpty();
        assertThat(errorsOf("news.article.viewed", n -> n.put("agent", "robot"))).isNotEmpty();
    }

    @Test
    void rejectsAWrongTypeAndAnUndeclaredField() {
        assertThat(errorsOf("news.article.published", n -> n.put("version", "3"))).isNotEmpty();
        assertThat(errorsOf("news.comment.removed", n -> n.put("removedBy", "editor-1"))).isNotEmpty();
    }

    /** Additive evolution: a newer producer's field is accepted by readers and refused in a producer's own output. */
    @ParameterizedTest
    @MethodSource("eventTypes")
    void aFieldTheContractDoesNotNameIsAcceptedByReadersAndRefusedInAProducersOutput(String type) {
        String withNewField = mutate(type, n -> n.put("addedInALaterVersion", "x"));
        assertThat(EventContracts.forReaders().validate(type, withNewField)).isEmpty();
        assertThat(contracts.validate(type, withNewField)).singleElement().asString()
                .contains("addedInALaterVersion");
    }

    @Test
    void nestedObjectsAreOpenForReadersAndClosedForProducersToo() {
        String withNewEditorField = mutate("news.article.published",
                n -> ((ObjectNode) n.get("updatedBy")).put("email", "eve@example.org"));
        assertThat(EventContracts.forReaders().validate("news.article.published", withNewEditorField)).isEmpty();
        assertThat(contracts.validate("news.article.published", withNewEditorField)).isNotEmpty();
    }

    @Test
    void countsCommentLengthInCodePointsSo300EmojiPassAnd301Fail() {
        String emoji = "\uD83D\uDEA2"; // one code point, two UTF-16 units
        assertThat(errorsOf("news.comment.posted", n -> n.put("text", emoji.repeat(300)))).isEmpty();
        assertThat(errorsOf("news.comment.posted", n -> n.put("text", emoji.repeat(301)))).isNotEmpty();
        assertThat(errorsOf("news.comment.posted", n -> n.put("text", "가".repeat(300)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"news.article.published", "news.article.updated", "news.article.unpublished"})
    void anArticleSnapshotWrittenBeforeEditorsWereNamedIsStillValid(String type) {
        assertThat(errorsOf(type, n -> n.remove(List.of("updatedBy", "publishedBy")))).isEmpty();
    }

    @Test
    void anArticleFirstPublishedBeforeEditorsWereNamedHasNoFirstPublisher() {
        assertThat(errorsOf("news.article.updated", n -> n.putNull("publishedBy"))).isEmpty();
    }

    @Test
    void anEditorIsASubjectAndANameAndNothingElse() {
        String published = "news.article.published";
        assertThat(errorsOf(published, n -> ((ObjectNode) n.get("updatedBy")).remove("sub"))).isNotEmpty();
        assertThat(errorsOf(published, n -> ((ObjectNode) n.get("updatedBy")).put("name", ""))).isNotEmpty();
        assertThat(errorsOf(published, n -> ((ObjectNode) n.get("publishedBy")).put("email", "e@x.org"))).isNotEmpty();
        assertThat(errorsOf(published, n -> n.put("updatedBy", "eve"))).isNotEmpty();
        assertThat(errorsOf(published, n -> n.putNull("updatedBy"))).isNotEmpty();
    }

    @Test
    void reportsANonJsonPayloadInsteadOfThrowing() {
        assertThat(contracts.validate("news.article.viewed", "not json")).singleElement().asString()
                .contains("not JSON");
    }

    @Test
    void refusesAnUnknownEventType() {
        assertThatThrownBy(() -> contracts.validate("news.article.liked", "{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("news.article.liked");
    }

    /** What the producers' contract says of the example event of {@code type} after {@code change}. */
    private List<String> errorsOf(String type, Consumer<ObjectNode> change) {
        return contracts.validate(type, mutate(type, change));
    }

    private static String mutate(String type, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) JSON.readTree(example(type));
        change.accept(node);
        return JSON.writeValueAsString(node);
    }

    private static String example(String type) {
        try (InputStream in = TopicCatalog.resource("contracts/examples/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
