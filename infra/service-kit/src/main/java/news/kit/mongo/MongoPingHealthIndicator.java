package news.kit.mongo;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import com.mongodb.client.MongoClient;

/**
 * UP when the store answers {@code ping}. Boot's own indicator sends {@code hello} to every database, which the
 * embedded server does not know, so it would report a healthy store as DOWN.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;
    private final String database;

    public MongoPingHealthIndicator(MongoClient client, String database) {
        super("MongoDB health check failed");
        this.client = client;
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document pong = client.getDatabase(database).runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database).withDetail("ok", pong.get("ok"));
    }
}
