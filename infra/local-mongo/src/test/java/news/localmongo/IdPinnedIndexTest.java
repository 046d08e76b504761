package news.localmongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/** Conditional writes that pin an {@code _id}: served by the {@code _id} index, with the same answers as a scan. */
class IdPinnedIndexTest {

    @TempDir
    Path dir;
    private LocalMongoStore store;
    private MongoClient client;
    private MongoCollection<Document> docs;

    @BeforeEach
    void start() throws Exception {
        store = LocalMongoStore.start(dir.resolve("store.mv"), "127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + store.port());
        docs = client.getDatabase("news_test").getCollection("docs");
        docs.insertMany(IntStream.range(0, 50)
                .mapToObj(i -> new Document("_id", "d" + i).append("version", i).append("outboxSize", i % 2)).toList());
    }

    @AfterEach
    void stop() {
        client.close();
        store.stop();
    }

    @Test
    void theServicesConditionalWritesFindTheirDocumentAndOnlyWhenEveryConditionHolds() {
        long lookups = IdPinnedIndex.pinnedLookups();
        assertThat(docs.updateOne(and(eq("_id", "d7"), lt("version", 8)), Updates.set("seen", true))
                .getModifiedCount()).isEqualTo(1);
        assertThat(IdPinnedIndex.pinnedLookups()).as("served by the _id index, not a scan").isGreaterThan(lookups);
        assertThat(docs.updateOne(and(eq("_id", "d7"), lt("version", 7)), Updates.set("seen", false))
                .getModifiedCount()).as("the version condition fails").isZero();
        assertThat(docs.find(eq("_id", "d7")).first().getBoolean("seen")).isTrue();

        Document claimed = docs.findOneAndUpdate(
                and(eq("_id", "d9"), and(gt("outboxSize", 0), or(exists("leaseUntil", false), eq("leaseUntil", null)))),
                Updates.set("leaseUntil", 1), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertThat(claimed).isNotNull().extracting(d -> d.get("leaseUntil")).isEqualTo(1);
        assertThat(docs.findOneAndUpdate(and(eq("_id", "d9"), exists("leaseUntil", false)), Updates.set("x", 1)))
                .as("leased already").isNull();
        assertThat(docs.findOneAndUpdate(and(eq("_id", "d8"), gt("outboxSize", 0)), Updates.set("x", 1)))
                .as("nothing pending").isNull();

        assertThat(docs.find(new Document("$and", List.of(new Document("_id", "d1"), new Document("_id", "d2")))))
                .as("two different ids: nothing").isEmpty();
        assertThat(docs.find(in("_id", "d1", "d2", "nope")).map(d -> d.getString("_id"))).containsExactlyInAnyOrder("d1", "d2");
        assertThat(docs.find(gt("version", 47)).map(d -> d.getString("_id"))).containsExactlyInAnyOrder("d48", "d49");
    }

    @Test
    void aConditionalUpsertInsertsWhenTheIdIsNewAndRefusesAnOlderVersion() {
        docs.updateOne(and(eq("_id", "new"), lt("version", 3)), Updates.set("version", 3), new UpdateOptions().upsert(true));
        assertThat(docs.find(eq("_id", "new")).first().getInteger("version")).isEqualTo(3);

        docs.updateOne(and(eq("_id", "new"), lt("version", 5)), Updates.set("version", 5), new UpdateOptions().upsert(true));
        assertThat(docs.find(eq("_id", "new")).first().getInteger("version")).isEqualTo(5);
        assertThat(docs.countDocuments(eq("_id", "new"))).isEqualTo(1);
    }

    @Test
    void theIndexTakesQueriesThatPinOneIdAndLeavesTheOthersToAScan() {
        var pinned = List.of(
                doc("_id", "a").append("version", doc("$lt", 5)),
                doc("$and", List.of(doc("_id", "a"), doc("leaseOwner", "o"))),
                doc("$and", List.of(doc("$and", List.of(doc("_id", "a"), doc("status", "visible"))))));
        var notPinned = List.of(
                doc("_id", doc("$gt", "a")),
                doc("status", "visible"),
                doc("$or", List.of(doc("_id", "a"), doc("_id", "b"))),
                doc("_id", List.of("a", "b")));
        pinned.forEach(query -> assertThat(IdPinnedIndex.pinnedId(query)).as(query.toString()).isEqualTo("a"));
        notPinned.forEach(query -> assertThat(IdPinnedIndex.pinnedId(query)).as(query.toString()).isNull());
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }
}
