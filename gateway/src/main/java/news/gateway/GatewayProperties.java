package news.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Collections;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything the gateway needs to know that is not code ({@code news.gateway.*}); {@code application.yml} maps the
 * environment variables onto it. Each default is written once: beside its environment variable in
 * {@code application.yml} where there is one, else here.
 *
 * @param services       where the services behind the gateway listen
 * @param pages          page assembly: part timeouts, caches, list sizes, HTTP caching
 * @param circuitBreaker one breaker per service, all with these settings
 * @param readModels     the topics the gateway's read models follow
 * @param cors           the web frontends allowed to call the API from another origin
 * @param rateLimit      per-client budget of anonymous write requests (by client address), for the whole platform
 *                       (all instances together); a client address also pays for writes whose credentials fail
 * @param accountLimit   per-account budget of signed-in write requests (by token subject), one for readers and a
 *                       larger one for editors, for the whole platform like {@code rateLimit}
 * @param readLimit      per-client budget of the reads the gateway cannot answer from its caches or read models:
 *                       article pages it has to assemble (two service calls) and every routed read
 * @param instances      the most gateway instances that ever run at once (in Kubernetes the HPA's {@code maxReplicas}):
 *                       each instance enforces {@code 1 / instances} of the write budget, so that together they never
 *                       allow a client more than the budget
 * @param trustedProxies CIDR ranges of proxies in front of the gateway whose {@code X-Forwarded-For} is believed;
 *                       loopback by default, like the services (local tools such as {@code infra/platform simulate}
 *                       speak for many clients); add the load balancer's range in production
 */
@ConfigurationProperties("news.gateway")
public record GatewayProperties(@DefaultValue Services services,
                                @DefaultValue Pages pages,
                                @DefaultValue CircuitBreaker circuitBreaker,
                                @DefaultValue ReadModels readModels,
                                @DefaultValue Cors cors,
                                @DefaultValue RateLimit rateLimit,
                                @DefaultValue AccountLimit accountLimit,
                                @DefaultValue RateLimit readLimit,
                                int instances,
                                List<String> trustedProxies) {

    public GatewayProperties {
        if (instances < 1) {
            throw new IllegalArgumentException("news.gateway.instances (NEWS_GATEWAY_INSTANCES) is " + instances
                    + ": set it to the most gateway instances that run at once (the autoscaler's maximum), at least 1.");
        }
        roomForEveryInstance("news.gateway.rate-limit.capacity (NEWS_WRITE_RATE_CAPACITY)", rateLimit, instances);
        roomForEveryInstance("news.gateway.account-limit.reader.capacity (NEWS_READER_WRITE_RATE_CAPACITY)",
                accountLimit.reader(), instances);
        roomForEveryInstance("news.gateway.account-limit.editor.capacity (NEWS_EDITOR_WRITE_RATE_CAPACITY)",
                accountLimit.editor(), instances);
    }

    /** A burst shared by all instances must leave each of them room for one request. */
    private static void roomForEveryInstance(String setting, RateLimit limit, int instances) {
        if (limit.capacity() < instances) {
            throw new IllegalArgumentException(setting + " is " + limit.capacity() + ", fewer than news.gateway.instances"
                    + " (NEWS_GATEWAY_INSTANCES), " + instances + ": the burst is shared by all instances and each needs"
                    + " room for one request. Raise the capacity to at least " + instances
                    + " or lower the instance count.");
        }
    }

    public record Services(URI article,
                           URI comment,
                           URI ranking,
                           @DefaultValue("250ms") Duration connectTimeout) {
    }

    /**
     * @param articleTimeout       how long a page waits for article-service
     * @param commentsTimeout      how long a page waits for comment-service
     * @param commentsLimit        comments on the first page of comments
     * @param commentMaxLength     the longest comment, in code points (the product's comment box: 300)
     * @param listSize             headlines per list
     * @param freshFor             how long an assembled page is served as it is before it is rebuilt in the background
     * @param staleFor             how long an assembled page may still be served (while a rebuild runs) before a
     *                             request waits for a new one
     * @param partsFreshFor        how long a fetched article or comment page is taken as it is into rebuilt pages
     *                             while no event says it changed (news.article-events, news.comment-events); zero
     *                             fetches both with every rebuild
     * @param lastGoodFor          how long the last good article and comments stay available when a service fails
     * @param lastGoodSize         the most bytes (as the services sent them) each of the two last-good caches holds,
     *                             articles and comment pages (the catalog stands in for a published article anyway)
     * @param notFoundFor          how long an article id article-service answered 404 for is answered 404 without
     *                             asking again (sooner once the read model sees the article published)
     * @param notFoundEntries      how many such ids are remembered
     * @param cacheSize            the most bytes of assembled pages kept
     * @param maxAge               {@code Cache-Control: max-age} of pages and lists
     * @param staleWhileRevalidate {@code Cache-Control: stale-while-revalidate} of pages and lists
     * @param homeRankings         the ranking lists of the home page: its name in the page's {@code lists} to the
     *                             list's name on {@code news.rankings}, in the page's priority order
     */
    public record Pages(Duration articleTimeout,
                        Duration commentsTimeout,
                        @DefaultValue("20") int commentsLimit,
                        @DefaultValue("300") int commentMaxLength,
                        @DefaultValue("6") int listSize,
                        Duration freshFor,
                        Duration staleFor,
                        @DefaultValue("30s") Duration partsFreshFor,
                        @DefaultValue("6h") Duration lastGoodFor,
                        @DefaultValue("16MB") DataSize lastGoodSize,
                        @DefaultValue("30s") Duration notFoundFor,
                        @DefaultValue("10000") int notFoundEntries,
                        @DefaultValue("32MB") DataSize cacheSize,
                        Duration maxAge,
                        Duration staleWhileRevalidate,
                        Map<String, String> homeRankings) {

        public Pages {
            homeRankings = homeRankings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(homeRankings));
        }
    }

    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
                                 @DefaultValue("20") int slidingWindowSize,
                                 @DefaultValue("10") int minimumNumberOfCalls,
                                 @DefaultValue("5s") Duration waitInOpenState,
                                 @DefaultValue("3") int permittedCallsInHalfOpenState) {
    }

    /**
     * @param bootstrapServers the broker ({@code spring.kafka.bootstrap-servers}, as every client of the platform)
     * @param articleEvents    the topic of article snapshots ({@code news.topics.article-events}, as every service)
     * @param rankings         the topic of the ranking lists ({@code news.topics.rankings}, as every service)
     * @param commentEvents    the topic of comment events ({@code news.topics.comment-events}, as every service):
     *                         read from its end, to know whose comments changed
     * @param seenEventIds     how many recent {@code ce_id}s are remembered to drop redeliveries
     */
    public record ReadModels(String bootstrapServers,
                             String articleEvents,
                             String rankings,
                             String commentEvents,
                             @DefaultValue("100000") int seenEventIds) {
    }

    public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
    }

    /**
     * @param reader the budget of an account with the reader role (or no role the gateway knows)
     * @param editor the budget of an account with the editor role: saving, autosave, publishing and picking from one
     *               newsroom address must never meet the anonymous budget
     */
    public record AccountLimit(RateLimit reader, RateLimit editor) {
    }

    /**
     * @param capacity  requests a client may send in a burst
     * @param refill    requests a client regains every {@code period}
     * @param period    the refill period
     * @param clients   how many client addresses are tracked at once
     */
    public record RateLimit(long capacity,
                            long refill,
                            Duration period,
                            @DefaultValue("100000") int clients) {
    }
}
