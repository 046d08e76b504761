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
    static final ArticleContent EDITED = new ArticleContent("Title, corrected", "Navy", "Defense Wire",
            new Byline("Mina Park", "mina@example.com"), List.of("Para."), List.of("tag"));

    @Test
    void aDraftIsCreatedSilentlyAtVersionOne() {
        Article.Change created = Article.create("a1", "title", CONTENT, false, false, T0);
        assertThat(created.event()).isEmpty();
        assertThat(created.article().status()).isEqualTo(Status.DRAFT);
        assertThat(created.article().version()).isEqualTo(1);
        assertThat(created.article().publishedAt()).isNull();
    }

    @Test
    void anArticleCreatedPublishedIsAnnouncedAtVersionOne() {
        Article.Change created = Article.create("a1", "title", CONTENT, true, true, T0);
        assertThat(created.event()).containsInstanceOf(ArticlePublished.class);
        ArticleSnapshot snapshot = created.event().orElseThrow().snapshot();
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.publishedAt()).isEqualTo(T0);
        assertThat(snapshot.editorPickedAt()).isEqualTo(T0);
        assertThat(snapshot.status()).isEqualTo("published");
    }

    @Test
    void everyChangeRaisesTheVersionByOneAndOnlyPublicChangesAreEvents() {
        Article draft = Article.create("a1", "title", CONTENT, false, false, T0).article();
        Article.Change edited = draft.edit(EDITED, T0.plusSeconds(1));
        assertThat(edited.article().version()).isEqualTo(2);
        assertThat(edited.event()).isEmpty();

        Article.Change published = edited.article().publish(T0.plusSeconds(2));
        assertThat(published.event()).containsInstanceOf(ArticlePublished.class);
        Article.Change picked = published.article().pick(true, T0.plusSeconds(3));
        assertThat(picked.event()).containsInstanceOf(ArticleUpdated.class);
        Article.Change unpublished = picked.article().unpublish(T0.plusSeconds(4));
        assertThat(unpublished.event()).containsInstanceOf(ArticleUnpublished.class);
        Article.Change editedWhileWithdrawn = unpublished.article().edit(CONTENT, T0.plusSeconds(5));
        assertThat(editedWhileWithdrawn.event()).isEmpty();

        assertThat(List.of(published, picked, unpublished, editedWhileWithdrawn))
                .extracting(c -> c.article().version()).containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void unpublishingKeepsTheFirstPublicationTimeAndRepublishingDoesToo() {
        Article published = Article.create("a1", "title", CONTENT, true, false, T0).article();
        Article unpublished = published.unpublish(T0.plusSeconds(60)).article();
        ArticleSnapshot withdrawn = unpublished.snapshot();
        assertThat(withdrawn.status()).isEqualTo("unpublished");
        assertThat(withdrawn.publishedAt()).isEqualTo(T0);
        assertThat(withdrawn.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(unpublished.publish(T0.plusSeconds(120)).article().publishedAt()).isEqualTo(T0);
    }

    @Test
    void unpickingClearsThePickTime() {
        Article picked = Article.create("a1", "title", CONTENT, true, true, T0).article();
        Article unpicked = picked.pick(false, T0.plusSeconds(1)).article();
        assertThat(unpicked.editorPick()).isFalse();
        assertThat(unpicked.editorPickedAt()).isNull();
    }

    @Test
    void commandsThatChangeNothingRaiseNoVersionAndNoEvent() {
        Article published = Article.create("a1", "title", CONTENT, true, false, T0).article();
        for (Article.Change change : List.of(published.publish(T0), published.pick(false, T0), published.edit(CONTENT, T0))) {
            assertThat(change.changed()).isFalse();
            assertThat(change.event()).isEmpty();
            assertThat(change.article()).isSameAs(published);
        }
    }

    @Test
    void aDraftCannotBeUnpublishedAndHasNoPublicSnapshot() {
        Article draft = Article.create("a1", "title", CONTENT, false, false, T0).article();
        assertThatThrownBy(() -> draft.unpublish(T0)).isInstanceOf(Article.StateConflict.class);
        assertThatThrownBy(draft::snapshot).isInstanceOf(IllegalStateException.class);
    }
}
