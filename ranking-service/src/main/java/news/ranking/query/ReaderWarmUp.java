package news.ranking.query;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;
import news.ranking.RankingProperties;

/**
 * What ranking-service exercises before it takes traffic (the kit's warm-up): every configured list, as the home page
 * asks for it. A list not computed yet (a fresh platform, no views) is answered 503, an answer of its own: the
 * warm-up does not wait for it.
 */
@Configuration(proxyBeanMethods = false)
class ReaderWarmUp {

    @Bean
    WarmUpRequests readerRequests(RankingProperties properties) {
        List<WarmUpRequest> lists = properties.listKinds().all().stream()
                .map(kind -> WarmUpRequest.get("/api/rankings/" + kind.slug() + "?section=all&limit=6").unawaited())
                .toList();
        return round -> lists;
    }
}
