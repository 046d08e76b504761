package news.comment.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import news.kit.web.ListCursors;

/**
 * Writes one published article and {@code n} visible comments on it straight into comment-service's database, in
 * the shape the service stores them (empty outbox: nothing to publish). Replaces earlier seeds of the same article.
 * Prints the cursor of the middle of the list, for a benchmark of a deep page.
 * <pre>java ... news.comment.bench.CommentSeed mongodb://127.0.0.1:27017 bench-article 10000</pre>
 */
public final class CommentSeed {

    public static final String DATABASE = "news_comments";

    private CommentSeed() {
    }

    public static void main(String[] args) {
        String uri = args.length > 0 ? args[0] : "mongodb://127.0.0.1:27017";
        String articleId = args.length > 1 ? args[1] : "bench-article";
        int comments = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        try (MongoClient client = MongoClients.create(uri)) {
            System.out.println("MIDDLE_CURSOR=" + seed(client.getDatabase(DATABASE), articleId, comments));
        }
    }

    /** @return the cursor after the comment in the middle of the newest-first list */
    public static String seed(MongoDatabase db, String articleId, int comments) {
        db.getCollection("article_replica").replaceOne(Filters.eq("_id", articleId),
                new Document("_id", articleId).append("status", "published").append("version", 1L)
                        .append("lastEventId", "bench-seed").append("lastEventType", "news.article.published")
                        .append("appliedAt", new Date()),
                new ReplaceOptions().upsert(true));
        var collection = db.getCollection("comments");
        collection.deleteMany(Filters.eq("articleId", articleId));
        Instant newest = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String middle = null;
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < comments; i++) {
            Instant postedAt = newest.minusSeconds(i);
            String id = String.format("bench%011d", comments - i);
            batch.add(new Document("_id", id).append("articleId", articleId)
                    .append("author", new Document("_id", String.format("benchAuthorId%09d", i % 500))
                            .append("name", "Reader " + (i % 500)).append("subject", "reader-" + (i % 500)))
                    .append("text", "Comment " + i + ": 잘 읽었습니다. Good to see the third ship finally in service 👍")
                    .append("postedAt", Date.from(postedAt)).append("status", "visible")
                    .append("outbox", List.of()).append("outboxSize", 0));
            if (i == comments / 2) {
                middle = ListCursors.encode(postedAt, id, "");
            }
            if (batch.size() == 1000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        return middle;
    }
}
