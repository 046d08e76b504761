package news.localmongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

class LocalMongoStoreTest {

    @Test
    void dataWrittenThroughTheRealDriverSurvivesARestartOfTheStore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("store.mv");
        LocalMongoStore first = LocalMongoStore.start(file, "127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + first.port())) {
            client.getDatabase("news_articles").getCollection("articles").insertOne(new Document("_id", "a1").append("title", "Kept"));
        } finally {
            first.stop();
        }

        LocalMongoStore second = LocalMongoStore.start(file, "127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + second.port())) {
            Document found = client.getDatabase("news_articles").getCollection("articles").find(new Document("_id", "a1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("Kept");
        } finally {
            second.stop();
        }
    }

    @Test
    void aTakenPortIsReportedByNumber(@TempDir Path dir) throws Exception {
        LocalMongoStore first = LocalMongoStore.start(dir.resolve("a.mv"), "127.0.0.1", 0);
        try {
            assertThatThrownBy(() -> LocalMongoStore.start(dir.resolve("b.mv"), "127.0.0.1", first.port()))
                    .hasMessageContaining("Port " + first.port()).hasMessageContaining("already in use");
        } finally {
            first.stop();
        }
    }
}
