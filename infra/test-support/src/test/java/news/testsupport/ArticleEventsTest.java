package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import news.contracts.ContractNames;
import news.contracts.EventContracts;

/** The shared event fixtures write what the contract says: payloads valid with every object closed, every header. */
class ArticleEventsTest {

    private static final EventContracts STRICT = EventContracts.load();
    private static final Instant AT = Instant.parse("2026-11-25T09:30:00.120Z");

    static Stream<TestEvent> events() {
        return Stream.of(
                ArticleEvents.snapshot("navy-1").event(),
                ArticleEvents.snapshot("navy-1").published(true, 2).editorPick(true, AT).with("tags", List.of("destroyer")).event(),
                ArticleEvents.snapshot("navy-1").editorPick(true, null).event(),
                ArticleEvents.snapshot("Navy_1").published(false, 3).at(ArticleEvents.PUBLISHED_AT, AT).event(),
                EngagementEvents.view("navy-1", "Navy", "alice", true, AT),
                EngagementEvents.share("navy-1", "Navy", "alice", AT),
                EngagementEvents.commentPosted("c-1", "navy-1", AT),
                EngagementEvents.commentRemoved("c-1", "navy-1", AT));
    }

    @ParameterizedTest
    @MethodSource("events")
    void payloadsFollowTheirSchemaWithEveryObjectClosed(TestEvent event) {
        assertThat(STRICT.validate(event.type(), event.json())).as(event.json()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void recordsCarryTheCloudEventsHeadersOfTheContract(TestEvent event) {
        ProducerRecord<String, byte[]> record = event.record("news.article-events");
        Map<String, String> headers = Stream.of(record.headers().toArray()).collect(Collectors.toMap(Header::key,
                h -> new String(h.value(), StandardCharsets.UTF_8)));
        assertThat(event.json()).contains("\"articleId\":\"" + record.key() + "\"");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(event.json());
        assertThat(headers).containsEntry("ce_specversion", "1.0").containsEntry("ce_id", event.id())
                .containsEntry("ce_type", event.type()).containsEntry("ce_subject", record.key())
                .containsEntry("content-type", "application/json")
                .containsEntry("ce_dataschema", ContractNames.DATA_SCHEMAS.get(event.type()));
        assertThat(headers.get("ce_time")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(headers.get("ce_source"))
                .isEqualTo(event.type().startsWith("news.comment.") ? "/comment-service" : "/article-service");
    }

    @ParameterizedTest
    @MethodSource("events")
    void eachEventHasAnIdOfItsOwn(TestEvent event) {
        assertThat(event.id()).isNotEqualTo(event.withId("other").id());
        assertThat(events().map(TestEvent::id)).doesNotContain(event.id());
    }

    @Test
    void aSnapshotRefusesAFieldItsSchemaDoesNotName() {
        assertThatThrownBy(() -> ArticleEvents.snapshot("a").with("subtitle", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subtitle");
    }

    @Test
    void aSnapshotsTypeFollowsItsStatusAndVersion() {
        assertThat(ArticleEvents.snapshot("a").type()).isEqualTo(ContractNames.ARTICLE_PUBLISHED);
        assertThat(ArticleEvents.snapshot("a").published(true, 2).type()).isEqualTo(ContractNames.ARTICLE_UPDATED);
        assertThat(ArticleEvents.snapshot("a").published(false, 1).type()).isEqualTo(ContractNames.ARTICLE_UNPUBLISHED);
        assertThat(ArticleEvents.snapshot("a").payload()).containsEntry("editorPick", false)
                .containsEntry("editorPickedAt", null);
        assertThat(ArticleEvents.snapshot("a").editorPick(true, AT).payload()).containsEntry("editorPick", true)
                .containsEntry("editorPickedAt", AT.toString());
    }
}
