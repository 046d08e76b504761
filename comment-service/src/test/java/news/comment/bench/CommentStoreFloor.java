package news.comment.bench;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import news.comment.comment.BenchmarkIds;
import news.kit.outbox.Outbox;

/**
 * The store's floor under a comment post: what the store alone does for one post, sent by {@code threads} clients as
 * fast as it answers, with no service in between. {@code insert} is the post's own write (the comment with its event in
 * the outbox); {@code post} adds the outbox relay's two writes for it (claim by {@code _id} with a lease, release by
 * {@code _id} and lease owner), the store work every post costs. Writes into a scratch collection of comment-service's
 * database, dropped before and after, so the platform's comments stay as they were. The comments' ids are made as
 * comment-service makes them ({@code ordered}, {@link BenchmarkIds}: they sort by time), or wholly random ({@code random}:
 * the service's ids before, for comparison).
 * <pre>java ... news.comment.bench.CommentStoreFloor mongodb://127.0.0.1:27017 post 64 20 20 ordered</pre>
 * (URI, mode, threads, warm-up seconds, counted seconds, ids)
 */
public final class CommentStoreFloor {

    static final String COLLECTION = "store_floor";
    private static final String TEXT = "A floor comment: 잘 읽었습니다. Good to see the third ship finally in service 👍";

    private CommentStoreFloor() {
    }

    public static void main(String[] args) throws InterruptedException {
        String uri = args.length > 0 ? args[0] : "mongodb://127.0.0.1:27017";
        String mode = args.length > 1 ? args[1] : "post";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        Duration warmUp = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 20);
        Duration counted = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 20);
        String ids = args.length > 5 ? args[5] : "ordered";
        if (!mode.equals("insert") && !mode.equals("post")) {
            System.err.println("mode is insert or post, not '" + mode + "'");
            System.exit(2);
        }
        boolean ordered = ids.equals("ordered");
        if (!ordered && !ids.equals("random")) {
            System.err.println("ids are ordered or random, not '" + ids + "'");
            System.exit(2);
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase(CommentSeed.DATABASE).getCollection(COLLECTION);
            collection.drop();
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("articleId", "status"),
                    Indexes.descending("postedAt", "_id")));
            collection.createIndex(Indexes.ascending(Outbox.SIZE));
            Result warm = run(collection, mode, ordered, threads, warmUp);
            System.out.printf("warm-up %ds: %d %s/s%n", warmUp.toSeconds(), Math.round(warm.perSecond()), mode);
            Result result = run(collection, mode, ordered, threads, counted);
            System.out.printf("store floor (%s, %d clients, %ds, %s ids): %d %ss/s, p50 %.2f ms, p99 %.2f ms, errors %d%n",
                    mode, threads, counted.toSeconds(), ids, Math.round(result.perSecond()), mode,
                    result.latency.getValueAtPercentile(50) / 1000.0,
                    result.latency.getValueAtPercentile(99) / 1000.0, result.errors);
            collection.drop();
        }
    }

    record Result(long done, long errors, long nanos, Histogram latency) {
        double perSecond() {
            return done * 1e9 / nanos;
        }
    }

    static Result run(MongoCollection<Document> collection, String mode, boolean ordered, int threads,
                      Duration duration)
            throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        long[] done = new long[threads];
        long[] errors = new long[threads];
        Histogram[] latencies = new Histogram[threads];
        List<Thread> workers = new ArrayList<>();
        String owner = "floor-" + ProcessHandle.current().pid();
        for (int t = 0; t < threads; t++) {
            int slot = t;
            latencies[t] = new Histogram(60_000_000L, 3);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        one(collection, mode, ordered, owner);
                        done[slot]++;
                    } catch (RuntimeException e) {
                        errors[slot]++;
                    }
                    latencies[slot].recordValue(Math.min((System.nanoTime() - start) / 1000, 60_000_000L));
                }
            }, "floor-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long nanos = System.nanoTime() - started;
        Histogram all = new Histogram(60_000_000L, 3);
        long sum = 0;
        long failed = 0;
        for (int t = 0; t < threads; t++) {
            all.add(latencies[t]);
            sum += done[t];
            failed += errors[t];
        }
        return new Result(sum, failed, nanos, all);
    }

    /** One post's store work: the insert, and for {@code post} the relay's claim and release of it. */
    static void one(MongoCollection<Document> collection, String mode, boolean ordered, String owner) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String id = ordered
                ? BenchmarkIds.next(random, System.currentTimeMillis())
                : Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String articleId = "floor-article-" + random.nextInt(300);
        Date now = new Date();
        Document event = new Document("ceId", id + "-posted").append("type", "news.comment.posted")
                .append("source", "/comment-service").append("subject", id).append("time", now)
                .append("payload", "{\"commentId\":\"" + id + "\",\"articleId\":\"" + articleId
                        + "\",\"authorId\":\"floorAuthor\",\"text\":\"" + TEXT + "\",\"postedAt\":\"" + now.toInstant()
                        + "\"}")
                .append("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        collection.insertOne(new Document("_id", id).append("articleId", articleId)
                .append("author", new Document("_id", "floorAuthor").append("name", "Floor Reader")
                        .append("subject", "floor-reader"))
                .append("text", TEXT).append("postedAt", now).append("status", "visible")
                .append(Outbox.EVENTS, List.of(event)).append(Outbox.SIZE, 1));
        if (mode.equals("insert")) {
            return;
        }
        Document claimed = collection.findOneAndUpdate(
                and(eq("_id", id), gt(Outbox.SIZE, 0), or(exists(Outbox.LEASE_UNTIL, false),
                        eq(Outbox.LEASE_UNTIL, null), lt(Outbox.LEASE_UNTIL, now))),
                Updates.combine(Updates.set(Outbox.LEASE_UNTIL, new Date(now.getTime() + 30_000)),
                        Updates.set(Outbox.LEASE_OWNER, owner)),
                new FindOneAndUpdateOptions().projection(Projections.include(Outbox.EVENTS))
                        .returnDocument(ReturnDocument.AFTER));
        if (claimed == null) {
            throw new IllegalStateException("the comment just written was not claimed");
        }
        collection.updateOne(and(eq("_id", id), eq(Outbox.LEASE_OWNER, owner)), Updates.combine(
                Updates.unset(Outbox.LEASE_UNTIL), Updates.unset(Outbox.LEASE_OWNER),
                Updates.pullByFilter(new Document(Outbox.EVENTS, new Document("ceId",
                        new Document("$in", List.of(id + "-posted"))))),
                Updates.inc(Outbox.SIZE, -1)));
    }
}
