package news.comment;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;

/**
 * What comment-service exercises before it takes traffic (the kit's warm-up): the comments of an article no one
 * wrote about, and a comment without a token and one with a token no issuer signed, both refused (401) before anything
 * is stored. The second runs the token check (the issuer's key set fetched, the signature checked), which a reader's
 * first comment would otherwise pay for under load.
 */
@Configuration(proxyBeanMethods = false)
class ReaderWarmUp {

    @Bean
    WarmUpRequests readerRequests() {
        return round -> {
            String unknown = WarmUpRequests.unknownArticleId(round);
            return List.of(
                    WarmUpRequest.get("/api/articles/" + unknown + "/comments"),
                    WarmUpRequest.post("/api/articles/" + unknown + "/comments", "{\"body\":\"warm-up\"}"),
                    WarmUpRequest.post("/api/articles/" + unknown + "/comments", "{\"body\":\"warm-up\"}")
                            .header("Authorization", "Bearer " + WarmUpRequests.unverifiableBearerToken()));
        };
    }
}
