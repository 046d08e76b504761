package news.comment;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.comment.article.PublishedArticles;
import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;

/**
 * What comment-service exercises before it takes traffic (the kit's warm-up): the comments of the newest articles
 * its replica holds as published (read from the store as a reader's first read of them is), the comments of an
 * article no one wrote about, and a comment without a token and one with a token no issuer signed, both refused (401)
 * before anything is stored. The last runs the token check (the issuer's key set fetched, the signature checked),
 * which a reader's first comment would otherwise pay for under load. On a fresh platform the replica may still be
 * empty when the warm-up starts; it looks again every {@value #LOOK_AGAIN} rounds until it is not.
 */
@Configuration(proxyBeanMethods = false)
class ReaderWarmUp {

    static final int ARTICLES = 10;
    static final int LOOK_AGAIN = 20;

    @Bean
    WarmUpRequests readerRequests(PublishedArticles articles) {
        List<String> newest = new ArrayList<>();
        return round -> {
            if (newest.isEmpty() && round % LOOK_AGAIN == 0) {
                newest.addAll(articles.newestPublished(ARTICLES));
            }
            String unknown = WarmUpRequests.unknownArticleId(round);
            String read = newest.isEmpty() ? unknown : newest.get(round % newest.size());
            return List.of(
                    WarmUpRequest.get("/api/articles/" + read + "/comments?limit=20"),
                    WarmUpRequest.get("/api/articles/" + unknown + "/comments"),
                    WarmUpRequest.post("/api/articles/" + unknown + "/comments", "{\"body\":\"warm-up\"}"),
                    WarmUpRequest.post("/api/articles/" + unknown + "/comments", "{\"body\":\"warm-up\"}")
                            .withUnverifiableToken());
        };
    }
}
