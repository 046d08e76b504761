package news.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.gateway.GatewayApplication;
import news.gateway.support.Downstream;
import news.gateway.support.Downstream.Reply;
import news.testsupport.TestInfrastructure;
import news.testsupport.TestIssuer;

/**
 * The write budget is the platform's, not each instance's: two gateways configured as the two instances of a
 * platform ({@code news.gateway.instances=2}), in one JVM with the same services behind them, and one client whose
 * writes alternate between them (as a load balancer spreads them) gets the budget accepted, not twice the budget.
 */
class InstancesShareTheWriteBudgetTest {

    private static final Logger log = LoggerFactory.getLogger(InstancesShareTheWriteBudgetTest.class);
    /** The burst of one client on the whole platform; the refill (one an hour) adds nothing during the test. */
    private static final int BUDGET = 6;
    private static final int INSTANCES = 2;

    private static final Downstream ARTICLE_SERVICE = Downstream.start("article-service");
    private static final Downstream COMMENT_SERVICE = Downstream.start("comment-service");
    private static final Downstream RANKING_SERVICE = Downstream.start("ranking-service");
    private static final List<ConfigurableApplicationContext> GATEWAYS = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        for (int i = 0; i < INSTANCES; i++) {
            GATEWAYS.add(gateway(BUDGET, INSTANCES));
        }
    }

    @AfterAll
    static void stop() {
        GATEWAYS.forEach(ConfigurableApplicationContext::close);
        List.of(ARTICLE_SERVICE, COMMENT_SERVICE, RANKING_SERVICE).forEach(Downstream::close);
    }

    @Test
    void aClientAlternatingBetweenTwoInstancesGetsThePlatformBudgetNotTwice() {
        String path = "/api/articles/shared-budget/views";
        ARTICLE_SERVICE.on("POST " + path, Reply.status(202));
        int sent = 4 * BUDGET;
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < sent; i++) {
            EntityExchangeResult<byte[]> answer = client(GATEWAYS.get(i % INSTANCES), "198.51.100.7").post().uri(path)
                    .exchange().expectBody().returnResult();
            if (answer.getStatus().value() == 202) {
                accepted++;
            } else {
                assertThat(answer.getStatus().value()).isEqualTo(429);
                assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
                refused++;
            }
        }
        log.info("one client alternating over {} instances: {} of {} writes accepted, {} refused; platform budget {}",
                INSTANCES, accepted, sent, refused, BUDGET);

        assertThat(accepted).as("writes accepted across both instances").isEqualTo(BUDGET);
        assertThat(ARTICLE_SERVICE.received("POST " + path)).hasSize(BUDGET);
    }

    /** The price of dividing the budget: a client whose writes all reach one instance gets that instance's share. */
    @Test
    void aClientOnOneInstanceOnlyGetsThatInstancesShare() {
        String path = "/api/articles/one-instance/views";
        ARTICLE_SERVICE.on("POST " + path, Reply.status(202));
        WebTestClient client = client(GATEWAYS.get(0), "198.51.100.8");
        for (int i = 0; i < BUDGET / INSTANCES; i++) {
            client.post().uri(path).exchange().expectStatus().isAccepted();
        }
        client.post().uri(path).exchange().expectStatus().isEqualTo(429);
        client(GATEWAYS.get(1), "198.51.100.8").post().uri(path).exchange().expectStatus().isAccepted();
    }

    @Test
    void aBurstSmallerThanTheInstanceCountRefusesToStartNamingBothSettings() {
        assertThatThrownBy(() -> gateway(INSTANCES - 1, INSTANCES).close()).rootCause()
                .hasMessageContaining("NEWS_WRITE_RATE_CAPACITY").hasMessageContaining("NEWS_GATEWAY_INSTANCES");
    }

    private static ConfigurableApplicationContext gateway(int budget, int instances) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                // Each of these gateways runs on Netty resources of its own. With the default (Reactor Netty's
                // JVM-wide loops), closing one of them disposes those loops under every other gateway of this JVM,
                // the cached contexts of the other test classes included: their management servers then refuse
                // connections.
                .initializers(context -> ((GenericApplicationContext) context).registerBean(
                        ReactorResourceFactory.class, InstancesShareTheWriteBudgetTest::ownNettyResources))
                .run(
                "--server.port=0",
                "--management.server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.shared().issuer(),
                "--news.gateway.services.article=" + ARTICLE_SERVICE.url(),
                "--news.gateway.services.comment=" + COMMENT_SERVICE.url(),
                "--news.gateway.services.ranking=" + RANKING_SERVICE.url(),
                "--news.gateway.trusted-proxies=127.0.0.1/32",
                "--news.gateway.rate-limit.capacity=" + budget,
                "--news.gateway.rate-limit.refill=1",
                "--news.gateway.rate-limit.period=1h",
                "--news.gateway.instances=" + instances,
                // started outside a Spring test context, so without test-support's defaults: the warm-up's made-up
                // addresses include this test's clients, and its rounds would spend their budgets
                "--news.warm-up.enabled=false");
    }

    private static ReactorResourceFactory ownNettyResources() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway, String clientAddress) {
        return WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("X-Forwarded-For", clientAddress)
                .build();
    }
}
