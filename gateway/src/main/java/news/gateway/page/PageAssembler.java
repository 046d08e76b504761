package news.gateway.page;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import news.contracts.ContractNames;
import news.gateway.GatewayProperties;
import news.gateway.edge.Correlation;
import news.gateway.readmodel.ArticleCatalog;
import news.gateway.readmodel.ArticleSnapshot;
import news.gateway.readmodel.Headline;
import news.gateway.readmodel.RankingList;
import news.gateway.readmodel.Rankings;
import news.kit.Sections;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts pages together: the article and comment parts in parallel, the lists from the read models under the page
 * rules, {@code degraded} naming what is stale or empty, and the whole rendered once into bytes. Never fails: what
 * cannot be assembled becomes a 404 or 503 problem page.
 */
class PageAssembler {

    private static final Logger log = LoggerFactory.getLogger(PageAssembler.class);

    static final String ARTICLE = "article";
    static final String COMMENTS = "comments";
    static final String LATEST_STORIES = "latestStories";
    static final String JUST_IN = "justIn";
    static final String POPULAR_NOW = "popularNow";
    static final String MUST_READS = "mustReads";

    private final PageParts parts;
    private final UnknownArticles unknown;
    private final ArticleCatalog catalog;
    private final Rankings rankings;
    private final BooleanSupplier catalogCaughtUp;
    private final Sections sections;
    private final GatewayProperties.Pages settings;
    private final JsonMapper json;
    private final PageMetrics metrics;
    private final Clock clock;
    private final String pageCacheControl;
    private final String notFoundCacheControl;

    PageAssembler(PageParts parts, UnknownArticles unknown, ArticleCatalog catalog, Rankings rankings, BooleanSupplier catalogCaughtUp,
                  Sections sections, GatewayProperties.Pages settings, JsonMapper json, PageMetrics metrics,
                  Clock clock) {
        this.parts = parts;
        this.unknown = unknown;
        this.catalog = catalog;
        this.rankings = rankings;
        this.catalogCaughtUp = catalogCaughtUp;
        this.sections = sections;
        this.settings = settings;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
        this.pageCacheControl = "public, max-age=" + settings.maxAge().toSeconds() + ", stale-while-revalidate="
                + settings.staleWhileRevalidate().toSeconds();
        this.notFoundCacheControl = "public, max-age=" + settings.maxAge().toSeconds();
    }

    Mono<RenderedPage> article(String id, Correlation correlation) {
        String instance = "/api/pages/article/" + id;
        if (!ContractNames.ID.matcher(id).matches() || unknown.contains(id)) {
            return Mono.just(notFound(id));
        }
        Observation assembly = metrics.assembling("article", correlation);
        return Mono.zip(parts.article(id, correlation), parts.comments(id, correlation))
                .map(p -> articlePage(id, instance, p.getT1(), p.getT2(), assembly))
                .onErrorResume(failure -> {
                    log.error("Assembling {} failed", instance, failure);
                    assembly.error(failure);
                    return Mono.just(unavailable(instance, assembly));
                })
                .contextWrite(context -> context.put(ObservationThreadLocalAccessor.KEY, assembly));
    }

    private RenderedPage articlePage(String id, String instance, PageParts.ArticlePart article,
                                     PageParts.CommentsPart comments, Observation assembly) {
        if (article.found() == PageParts.Found.NOT_FOUND) {
            parts.forget(id);
            metrics.assembled(assembly, "not_found");
            return notFound(id);
        }
        if (article.found() == PageParts.Found.UNAVAILABLE) {
            return unavailable(instance, assembly);
        }
        List<String> degraded = new ArrayList<>();
        if (article.degraded()) {
            degraded.add(ARTICLE);
        }
        if (comments.degraded()) {
            degraded.add(COMMENTS);
        }
        Map<String, List<Headline>> candidates = new LinkedHashMap<>();
        candidates.put(POPULAR_NOW, ranked(Rankings.POPULAR_NOW, POPULAR_NOW, degraded));
        candidates.put(MUST_READS, ranked(Rankings.MUST_READS, MUST_READS, degraded));
        candidates.put(LATEST_STORIES, catalog.newest(Optional.of(article.article().section()), pool(), id::equals));
        candidates.put(JUST_IN, catalog.newest(Optional.empty(), pool(), id::equals));
        if (!catalogCaughtUp.getAsBoolean()) {
            degraded.add(LATEST_STORIES);
            degraded.add(JUST_IN);
        }
        Map<String, List<Headline>> lists = PageLists.compose(candidates, id, settings.listSize());
        PageJson.ArticlePage page = new PageJson.ArticlePage(article.article(), comments.comments(),
                new PageJson.ArticleLists(lists.get(LATEST_STORIES), lists.get(JUST_IN), lists.get(POPULAR_NOW),
                        lists.get(MUST_READS)), List.copyOf(degraded));
        metrics.assembled(assembly, degraded.isEmpty() ? "ok" : "degraded");
        metrics.degraded(degraded);
        return RenderedPage.page(json.writeValueAsBytes(page), now(), pageCacheControl);
    }

    /** The home page needs no service: it is all read models. */
    Mono<RenderedPage> home(Correlation correlation) {
        return Mono.fromSupplier(() -> homePage(metrics.assembling("home", correlation)));
    }

    private RenderedPage homePage(Observation assembly) {
        List<String> degraded = new ArrayList<>();
        Map<String, List<Headline>> candidates = new LinkedHashMap<>();
        settings.homeRankings().forEach((part, list) -> candidates.put(part, ranked(list, part, degraded)));
        candidates.put(JUST_IN, catalog.newest(Optional.empty(), pool(), id -> false));
        boolean caughtUp = catalogCaughtUp.getAsBoolean();
        if (!caughtUp) {
            degraded.add(JUST_IN);
        }
        Map<String, List<Headline>> lists = PageLists.compose(candidates, null, settings.listSize());
        List<PageJson.SectionLatest> latest = sections.sections().stream()
                .map(s -> new PageJson.SectionLatest(s, catalog.newest(Optional.of(s), settings.listSize(), id -> false)))
                .toList();
        if (!caughtUp) {
            degraded.add("sections");
        }
        Map<String, List<Headline>> homeLists = new LinkedHashMap<>();
        homeLists.put(JUST_IN, lists.get(JUST_IN));
        settings.homeRankings().keySet().forEach(part -> homeLists.put(part, lists.get(part)));
        PageJson.HomePage page = new PageJson.HomePage(homeLists, latest, List.copyOf(degraded));
        metrics.assembled(assembly, degraded.isEmpty() ? "ok" : "degraded");
        metrics.degraded(degraded);
        return RenderedPage.page(json.writeValueAsBytes(page), now(), pageCacheControl);
    }

    /**
     * A ranking list as headlines, site-wide ({@code all}): entries the catalog knows unpublished are dropped, titles
     * and dates come from the catalog when it knows the article. A list ranking-service never published is empty
     * and degraded.
     */
    private List<Headline> ranked(String list, String part, List<String> degraded) {
        Optional<RankingList> ranking = rankings.list(list, Rankings.ALL);
        if (ranking.isEmpty()) {
            degraded.add(part);
            return List.of();
        }
        List<Headline> headlines = new ArrayList<>(ranking.get().entries().size());
        for (RankingList.Entry entry : ranking.get().entries()) {
            Optional<ArticleSnapshot> known = catalog.find(entry.articleId());
            if (known.isEmpty()) {
                headlines.add(new Headline(entry.articleId(), entry.title(), entry.section(), entry.publishedAt()));
            } else if (known.get().published()) {
                headlines.add(known.get().headline());
            }
        }
        return headlines;
    }

    private int pool() {
        // enough for this list even when the three others took all their headlines from the same candidates
        return settings.listSize() * 4;
    }

    private RenderedPage notFound(String id) {
        return RenderedPage.articleNotFound(id, notFoundCacheControl);
    }

    private RenderedPage unavailable(String instance, Observation assembly) {
        metrics.assembled(assembly, "unavailable");
        return RenderedPage.problem(HttpStatus.SERVICE_UNAVAILABLE, "article-service cannot be reached and the "
                + "gateway has no copy of this article yet. Retry shortly.", instance, "no-store",
                Long.toString(Math.max(1, settings.freshFor().toSeconds())));
    }

    private Instant now() {
        return clock.instant();
    }
}
