package news.comment.comment;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import news.kit.cloudevents.CloudEvent;
import news.kit.outbox.Outbox;

/**
 * The {@code comments} collection. Every change is one document write that also carries its event: an insert with
 * the posted event already in the outbox, or one update that removes the comment and appends the removed event.
 */
@Component
class CommentStore implements InitializingBean {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("postedAt"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    CommentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Newest first per article (listing and counting visible comments), across articles (moderation), per author. */
    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(CommentDocument.class);
        indexes.createIndex(new Index().named("article_newest_first")
                .on("articleId", Sort.Direction.ASC).on("status", Sort.Direction.ASC)
                .on("postedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
        indexes.createIndex(new Index().named("visible_newest_first")
                .on("status", Sort.Direction.ASC).on("postedAt", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
        indexes.createIndex(new Index().named("author_newest_first")
                .on("author.id", Sort.Direction.ASC).on("postedAt", Sort.Direction.DESC));
    }

    void insert(CommentDocument comment) {
        mongo.insert(comment);
    }

    Optional<CommentDocument> find(String id) {
        Query byId = query(where("_id").is(id));
        byId.fields().exclude(Outbox.EVENTS);
        return Optional.ofNullable(mongo.findOne(byId, CommentDocument.class));
    }

    /** Up to {@code limit} visible comments of the article, newest first, after the cursor when one is given. */
    List<CommentDocument> page(String articleId, PageCursor after, int limit) {
        return find(visibleOf(articleId), after, limit);
    }

    private List<CommentDocument> find(Criteria criteria, PageCursor after, int limit) {
        if (after != null) {
            criteria = criteria.orOperator(where("postedAt").lt(after.postedAt()),
                    where("postedAt").is(after.postedAt()).and("_id").lt(after.id()));
        }
        Query page = query(criteria).with(NEWEST_FIRST).limit(limit);
        page.fields().exclude(Outbox.EVENTS);
        return mongo.find(page, CommentDocument.class);
    }

    /** Up to {@code limit} visible comments of every article, newest first, after the cursor when one is given. */
    List<CommentDocument> newest(PageCursor after, int limit) {
        return find(where("status").is(CommentDocument.VISIBLE), after, limit);
    }

    long countVisible(String articleId) {
        return mongo.count(query(visibleOf(articleId)), CommentDocument.class);
    }

    /**
     * Marks a visible comment removed and appends its event, in one update.
     *
     * @return false when the comment was not visible (any more): nothing changed, no event
     */
    boolean remove(String id, String removedBy, Instant removedAt, CloudEvent event) {
        Update update = new Update().set("status", CommentDocument.REMOVED).set("removedBy", removedBy)
                .set("removedAt", removedAt);
        Outbox.append(update, event);
        return mongo.updateFirst(query(where("_id").is(id).and("status").is(CommentDocument.VISIBLE)), update,
                CommentDocument.class).getModifiedCount() == 1;
    }

    private static Criteria visibleOf(String articleId) {
        return where("articleId").is(articleId).and("status").is(CommentDocument.VISIBLE);
    }
}
