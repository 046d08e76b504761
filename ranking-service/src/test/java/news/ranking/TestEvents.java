package news.ranking;

import java.time.Instant;

import news.kit.cloudevents.CloudEvent;
import news.testsupport.ArticleEvents;
import news.testsupport.EngagementEvents;
import news.testsupport.TestEvent;

/**
 * The shared event fixtures of test-support ({@link ArticleEvents}, {@link EngagementEvents}) as this service's
 * {@link CloudEvent}s, for tests of the topology and of the running service.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** An article snapshot; {@code editorPickedAt} may be null. */
    public static CloudEvent article(String articleId, String section, String title, boolean published,
                                     Instant publishedAt, boolean editorPick, Instant editorPickedAt, long version) {
        return of(ArticleEvents.snapshot(articleId).titled(title, section).published(published, version)
                .at(publishedAt, publishedAt).editorPick(editorPick, editorPickedAt).event());
    }

    public static CloudEvent view(String articleId, String section, String reader, boolean bot, Instant viewedAt) {
        return of(EngagementEvents.view(articleId, section, reader, bot, viewedAt));
    }

    public static CloudEvent share(String articleId, String section, String reader, Instant sharedAt) {
        return of(EngagementEvents.share(articleId, section, reader, sharedAt));
    }

    public static CloudEvent commentPosted(String commentId, String articleId, Instant postedAt) {
        return of(EngagementEvents.commentPosted(commentId, articleId, postedAt));
    }

    public static CloudEvent commentRemoved(String commentId, String articleId, Instant removedAt) {
        return of(EngagementEvents.commentRemoved(commentId, articleId, removedAt));
    }

    public static String readerHash(String reader) {
        return EngagementEvents.readerHash(reader);
    }

    private static CloudEvent of(TestEvent event) {
        return new CloudEvent(event.id(), event.type(), event.source(), event.subject(), event.time(), event.json(),
                null);
    }
}
