package news.comment.bench;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import news.comment.CommentServiceApplication;
import news.testsupport.TestInfrastructure;

/**
 * comment-service on the embedded broker and the in-memory store of the tests, with one article seeded with many
 * comments: a benchmark target that needs nothing but a JDK. Prints {@code READY} and the middle cursor, then runs
 * until killed. Args: port (8082), article id (bench-article), comments (10000).
 */
public final class CommentReadBenchServer {

    private CommentReadBenchServer() {
    }

    public static void main(String[] args) {
        String port = args.length > 0 ? args[0] : "8082";
        String articleId = args.length > 1 ? args[1] : "bench-article";
        int comments = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String kafka = TestInfrastructure.kafkaBootstrapServers();
        String mongo = TestInfrastructure.mongoUri();
        Map.of("server.port", port,
                "spring.kafka.bootstrap-servers", kafka,
                "spring.cloud.stream.kafka.binder.brokers", kafka,
                "spring.mongodb.uri", mongo,
                "logging.level.root", "WARN").forEach(System::setProperty);
        ConfigurableApplicationContext context = SpringApplication.run(CommentServiceApplication.class);
        try (MongoClient client = MongoClients.create(mongo)) {
            String middle = CommentSeed.seed(client.getDatabase(CommentSeed.DATABASE), articleId, comments);
            System.out.println("MIDDLE_CURSOR=" + middle);
        }
        System.out.println("READY http://127.0.0.1:" + port + "/api/articles/" + articleId + "/comments?limit=20");
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
    }
}
