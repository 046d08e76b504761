package news.comment.article;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest known state of one article: {@code article_replica}, one document per article id. */
@Document(ArticleReplica.COLLECTION)
class ArticleReplica {

    static final String COLLECTION = "article_replica";

    @Id
    String articleId;
    String status;
    long version;
    String lastEventId;
    String lastEventType;
    Instant appliedAt;
}
