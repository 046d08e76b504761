package news.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import news.kit.warmup.WarmUpRequest;
import news.kit.warmup.WarmUpRequests;
import news.testsupport.TestHttp;

/** ranking-service's warm-up asks for every configured list, each answered (200) or not computed yet (503). */
class ReaderWarmUpTest extends RealBrokerTest {

    @Autowired
    List<WarmUpRequests> warmUps;

    @Autowired
    RankingProperties properties;

    @Test
    void aRoundAsksForEveryConfiguredListAndNeverWaitsForOne() {
        assertThat(warmUps).hasSize(1);
        List<WarmUpRequest> round = warmUps.get(0).round(0);

        assertThat(round).extracting(WarmUpRequest::path).containsExactlyElementsOf(properties.listKinds().all()
                .stream().map(kind -> "/api/rankings/" + kind.slug() + "?section=all&limit=6").toList());
        assertThat(round).noneMatch(WarmUpRequest::awaited);
        TestHttp http = TestHttp.local(port);
        assertThat(round).extracting(r -> http.get(r.path())).extracting(HttpResponse::statusCode)
                .allMatch(status -> status == 200 || status == 503);
    }
}
