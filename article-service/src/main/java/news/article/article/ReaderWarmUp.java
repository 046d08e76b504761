package news.article.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;

/**
 * What article-service exercises before it takes traffic (the kit's warm-up): a reader's requests, each read-only or
 * refused. The newest published articles are read as readers read them (none on an empty store); views and shares go
 * to a well-formed, unknown article id, one per round, which misses the readers' cache as a new article does and is
 * answered 404: nothing is counted.
 */
@Configuration(proxyBeanMethods = false)
class ReaderWarmUp {

    static final int ARTICLES = 10;

    @Bean
    WarmUpRequests readerRequests(Articles articles) {
        List<String> newest = new ArrayList<>();
        return round -> {
            if (round == 0 && newest.isEmpty()) {
                articles.newest(Optional.empty(), Optional.empty(), ARTICLES).items().forEach(a -> newest.add(a.id()));
            }
            String unknown = WarmUpRequests.unknownArticleId(round);
            String read = newest.isEmpty() ? unknown : newest.get(round % newest.size());
            return List.of(
                    WarmUpRequest.get("/api/articles?limit=" + ARTICLES),
                    WarmUpRequest.get("/api/articles/" + read),
                    WarmUpRequest.post("/api/articles/" + unknown + "/views", "{}"),
                    WarmUpRequest.post("/api/articles/" + unknown + "/shares", "{\"channel\":\"link\"}"));
        };
    }
}
