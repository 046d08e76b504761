package news.article.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArticleTest {

    static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    static final ArticleContent CONTENT = new ArticleContent("Title", "Navy", "Defense Wire",
            new Byline("Mina Park", "mina@example.com"), List.of("Para."), List.of("tag"));
    static final Editor EVE = new Editor("eve", "Eve Moreau");
    static final Editor SAM = new Editor("sam", "Sam Okafor");
    static final ArticleContent EDITED = new ArticleContent("Title, corrected", "Navy", "Defense Wire",
            new Byline("Mina Park", "mina@example.com"), List.of("Para."), List.of("tag"));

    @Test
    void aDraftIsCreatedSilentlyAtVersionOne() {
        Article.Change created = Article.create("a1", "title", CONTENT, false, false, EVE, T0);
        assertThat(created.event()).isEmpty();
        assertThat(created.article().status()).isEqualTo(Status.DRAFT);
        assertThat(created.article().version()).isEqualTo(1);
        assertThat(created.article().publishedAt()).isNull();
    }

    @Test
    void anArticleCreatedPublishedIsAnnouncedAtVersionOne() {
        Article.Change created = Article.create("a1", "title", CONTENT, true, true, EVE, T0);
        assertThat(created.event()).containsInstanceOf(ArticlePublished.class);
        ArticleSnapshot snapshot = created.event().orElseThrow().snapshot();
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.publishedAt()).isEqualTo(T0);
        assertThat(snapshot.editorPickedAt()).isEqualTo(T0);
        assertThat(snapshot.status()).isEqualTo("published");
    }

    @Test
    void everyChangeRaisesTheVersionByOneAndOnlyPublicChangesAreEvents() {
        Article draft = Article.create("a1", "title", CONTENT, false, false, EVE, T0).article();
        Article.Change edited = draft.edit(EDITED, EVE, T0.plusSeconds(1));
        assertThat(edited.article().version()).isEqualTo(2);
        assertThat(edited.event()).isEmpty();

        Article.Change published = edited.article().publish(EVE, T0.plusSeconds(2));
        assertThat(published.event()).containsInstanceOf(ArticlePublished.class);
        Article.Change picked = published.article().pick(true, EVE, T0.plusSeconds(3));
        assertThat(picked.event()).containsInstanceOf(ArticleUpdated.class);
        Article.Change unpublished = picked.article().unpublish(EVE, T0.plusSeconds(4));
        assertThat(unpublished.event()).containsInstanceOf(ArticleUnpublished.class);
        Article.Change editedWhileWithdrawn = unpublished.article().edit(CONTENT, EVE, T0.plusSeconds(5));
        assertThat(editedWhileWithdrawn.event()).isEmpty();

        assertThat(List.of(published, picked, unpublished, editedWhileWithdrawn))
                .extracting(c -> c.article().version()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void unpublishingKeepsTheFirstPublicationTimeAndRepublishingDoesToo() {
        Article published = Article.create("a1", "title", CONTENT, true, false, EVE, T0).article();
        Article unpublished = published.unpublish(EVE, T0.plusSeconds(60)).article();
        ArticleSnapshot withdrawn = unpublished.snapshot();
        assertThat(withdrawn.status()).isEqualTo("unpublished");
        assertThat(withdrawn.publishedAt()).isEqualTo(T0);
        assertThat(withdrawn.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(unpublished.publish(EVE, T0.plusSeconds(120)).article().publishedAt()).isEqualTo(T0);
    }

    @Test
    void unpickingClearsThePickTime() {
        Article picked = Article.create("a1", "title", CONTENT, true, true, EVE, T0).article();
        Article unpicked = picked.pick(false, EVE, T0.plusSeconds(1)).article();
        assertThat(unpicked.editorPick()).isFalse();
        assertThat(unpicked.editorPickedAt()).isNull();
    }

    @Test
    void commandsThatChangeNothingRaiseNoVersionAndNoEvent() {
        Article published = Article.create("a1", "title", CONTENT, true, false, EVE, T0).article();
        for (Article.Change change : List.of(published.publish(EVE, T0), published.pick(false, EVE, T0), published.edit(CONTENT, EVE, T0))) {
            assertThat(change.changed()).isFalse();
            assertThat(change.event()).isEmpty();
            assertThat(change.entry()).isEmpty();
            assertThat(change.article()).isSameAs(published);
        }
    }

    @Test
    void aDraftCannotBeUnpublishedAndHasNoPublicSnapshot() {
        Article draft = Article.create("a1", "title", CONTENT, false, false, EVE, T0).article();
        assertThatThrownBy(() -> draft.unpublish(EVE, T0)).isInstanceOf(Article.StateConflict.class);
        assertThatThrownBy(draft::snapshot).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyChangeNamesItsEditorAndTheFirstPublicationKeepsItsEditorForGood() {
        Article.Change created = Article.create("a1", "title", CONTENT, false, false, EVE, T0);
        assertThat(created.article().createdBy()).isEqualTo(EVE);
        assertThat(created.article().updatedBy()).isEqualTo(EVE);
        assertThat(created.article().publishedBy()).isNull();

        Article.Change published = created.article().publish(SAM, T0.plusSeconds(1));
        assertThat(published.article().publishedBy()).isEqualTo(SAM);
        assertThat(published.event().orElseThrow().snapshot().updatedBy()).isEqualTo(SAM);
        assertThat(published.event().orElseThrow().snapshot().publishedBy()).isEqualTo(SAM);

        Article.Change unpublished = published.article().unpublish(EVE, T0.plusSeconds(2));
        assertThat(unpublished.event().orElseThrow().snapshot().updatedBy()).isEqualTo(EVE);
        Article.Change republished = unpublished.article().publish(EVE, T0.plusSeconds(3));
        ArticleSnapshot snapshot = republished.event().orElseThrow().snapshot();
        assertThat(snapshot.updatedBy()).isEqualTo(EVE);
        assertThat(snapshot.publishedBy()).isEqualTo(SAM);
        assertThat(snapshot.publishedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(republished.article().createdBy()).isEqualTo(EVE);
    }

    @Test
    void eachChangeHasAHistoryEntrySayingWhoDidWhatAndWhen() {
        Article.Change created = Article.create("a1", "title", CONTENT, true, false, EVE, T0);
        ArticleContent retitled = new ArticleContent("Title, corrected", "Army", "Defense Wire",
                new Byline("Mina Park", "mina@example.com"), List.of("Para."), List.of("tag"));
        Article.Change edited = created.article().edit(retitled, SAM, T0.plusSeconds(1));
        Article.Change picked = edited.article().pick(true, EVE, T0.plusSeconds(2));
        Article.Change unpicked = picked.article().pick(false, SAM, T0.plusSeconds(3));
        Article.Change unpublished = unpicked.article().unpublish(EVE, T0.plusSeconds(4));

        assertThat(List.of(created, edited, picked, unpicked, unpublished)).extracting(c -> c.entry().orElseThrow())
                .containsExactly(
                        new HistoryEntry(1, Action.CREATED, List.of(), Status.PUBLISHED, EVE, T0),
                        new HistoryEntry(2, Action.EDITED, List.of("title", "section"), Status.PUBLISHED, SAM,
                                T0.plusSeconds(1)),
                        new HistoryEntry(3, Action.PICKED, List.of(), Status.PUBLISHED, EVE, T0.plusSeconds(2)),
                        new HistoryEntry(4, Action.UNPICKED, List.of(), Status.PUBLISHED, SAM, T0.plusSeconds(3)),
                        new HistoryEntry(5, Action.UNPUBLISHED, List.of(), Status.UNPUBLISHED, EVE,
                                T0.plusSeconds(4)));
    }

    @Test
    void anEditorIsNamedByTheTokensSubjectAndNameWithinTheLimitsOfTheContract() {
        assertThat(Editor.of("eve", "  Eve Moreau ")).isEqualTo(EVE);
        assertThat(Editor.of("svc-42", null)).isEqualTo(new Editor("svc-42", "svc-42"));
        assertThat(Editor.of("svc-42", " ")).isEqualTo(new Editor("svc-42", "svc-42"));
        String longName = "\uD83D\uDEA2".repeat(Editor.NAME_MAX + 5);
        assertThat(Editor.of("eve", longName).name().codePointCount(0, Editor.of("eve", longName).name().length()))
                .isEqualTo(Editor.NAME_MAX);
        assertThatThrownBy(() -> Editor.of(null, "Eve")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Editor.of(" ", "Eve")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Editor.of("x".repeat(Editor.SUB_MAX + 1), "Eve"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255");
    }
}
