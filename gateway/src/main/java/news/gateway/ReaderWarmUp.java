package news.gateway;

import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;
import news.gateway.readmodel.ArticleCatalog;
import news.gateway.readmodel.Headline;

/**
 * What the gateway exercises before it takes traffic (the kit's warm-up): the pages and routed calls of a reader,
 * each read-only or refused downstream. Pages, article reads and comments are those of the newest articles the
 * gateway knows (which also fills its page cache); a view goes to a well-formed, unknown article id, one per round,
 * and is answered 404 by article-service: nothing is counted. Each round comes from its own made-up client address,
 * as a new reader would, so no round meets the per-address limits and no reader's budget is touched. The first
 * round is repeated while the services behind answer 5xx (still starting), up to the warm-up's wait. A comment with a
 * token no issuer signed runs the gateway's token check (the issuer's key set fetched, the signature checked) and is
 * refused there (401), so that a reader's first comment does not pay for it under load.
 */
@Configuration(proxyBeanMethods = false)
class ReaderWarmUp {

    static final int ARTICLES = 10;

    @Bean
    WarmUpRequests readerRequests(ArticleCatalog catalog) {
        return round -> {
            String unknown = WarmUpRequests.unknownArticleId(round);
            List<Headline> newest = catalog.newest(Optional.empty(), ARTICLES, id -> false);
            String read = newest.isEmpty() ? unknown : newest.get(round % newest.size()).id();
            String address = WarmUpRequests.madeUpClientAddress(round);
            return List.of(
                    WarmUpRequest.get("/api/pages/home"),
                    WarmUpRequest.get("/api/pages/article/" + read),
                    WarmUpRequest.get("/api/articles/" + read),
                    WarmUpRequest.post("/api/articles/" + unknown + "/views", "{}"),
                    WarmUpRequest.get("/api/articles/" + read + "/comments"),
                    WarmUpRequest.post("/api/articles/" + unknown + "/comments", "{\"body\":\"warm-up\"}")
                            .withUnverifiableToken(),
                    // a list not computed yet (a fresh platform) is answered 503 by ranking-service itself
                    WarmUpRequest.get("/api/rankings/popular-now?section=all&limit=6").unawaited())
                    .stream().map(r -> r.header("X-Forwarded-For", address)).toList();
        };
    }
}
