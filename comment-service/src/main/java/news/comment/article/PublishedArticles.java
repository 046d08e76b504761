package news.comment.article;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.result.UpdateResult;

/** Which articles take comments: those whose latest known snapshot is published. */
@Component
public class PublishedArticles {

    private final MongoTemplate mongo;
    private final Clock clock;

    PublishedArticles(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public boolean acceptsComments(String articleId) {
        ArticleReplica article = mongo.findById(articleId, ArticleReplica.class);
        return article != null && ArticleEvent.PUBLISHED.equals(article.status);
    }

    /**
     * Keeps the event's state when its version is higher than the one held, in one conditional upsert.
     *
     * @return true when the replica changed; false for a redelivered, repeated or older snapshot
     */
    boolean apply(ArticleEvent event) {
        Update update = new Update().set("status", event.status()).set("version", event.version())
                .set("lastEventId", event.ceId()).set("lastEventType", event.type()).set("appliedAt", clock.instant());
        try {
            UpdateResult result = mongo.upsert(
                    query(where("_id").is(event.articleId()).and("version").lt(event.version())), update,
                    ArticleReplica.class);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException e) {
            return false; // the article exists with this version or a higher one
        }
    }
}
