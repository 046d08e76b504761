package news.testsupport;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * What the services may rely on in the embedded MongoDB-wire server, proved through the real driver, and what they
 * must not (see infra/README.md).
 */
class EmbeddedMongoTest {

    private static MongoClient client;
    private static MongoCollection<Document> collection;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        collection = client.getDatabase("test-support").getCollection("probe-" + UUID.randomUUID());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void aUniqueIndexRefusesASecondDocumentWithTheSameKey() {
        collection.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
        collection.insertOne(new Document("_id", "a").append("slug", "same"));

        assertThatThrownBy(() -> collection.insertOne(new Document("_id", "b").append("slug", "same")))
                .isInstanceOf(MongoWriteException.class);
        assertThat(collection.countDocuments(eq("slug", "same"))).isEqualTo(1);
    }

    @Test
    void aConditionalFindOneAndUpdateChangesStateAndAppendsToAnArrayInOneWrite() {
        collection.insertOne(new Document("_id", "v").append("version", 1).append("pending", new java.util.ArrayList<>()));

        Document after = collection.findOneAndUpdate(Filters.versionIs("v", 1),
                Updates.combine(Updates.inc("version", 1), Updates.push("pending", new Document("ceId", "e1"))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        Document stale = collection.findOneAndUpdate(Filters.versionIs("v", 1), Updates.inc("version", 1));

        assertThat(after.getInteger("version")).isEqualTo(2);
        assertThat(after.getList("pending", Document.class)).extracting(d -> d.getString("ceId")).containsExactly("e1");
        assertThat(stale).as("a write against a stale version matches nothing").isNull();
    }

    @Test
    void multiDocumentTransactionsAreNotAvailableSoNoServiceMayUseThem() {
        assertThatThrownBy(() -> {
            try (var session = client.startSession()) {
                session.startTransaction();
                collection.insertOne(session, new Document("_id", "tx"));
                session.commitTransaction();
            }
        }).isInstanceOf(MongoException.class);
    }

    private static final class Filters {
        static org.bson.conversions.Bson versionIs(String id, int version) {
            return com.mongodb.client.model.Filters.and(eq("_id", id), eq("version", version));
        }
    }
}
