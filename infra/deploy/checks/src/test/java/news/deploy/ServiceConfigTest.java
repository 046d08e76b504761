package news.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The reader of the services' configuration must tell a variable a service reads from one it ignores. */
class ServiceConfigTest {

    @Test
    void placeholdersRelaxedPropertiesAndBoundRecordsAreRead() {
        ServiceConfig article = ServiceConfig.named("article-service");
        assertThat(article.port()).isEqualTo(8081);
        assertThat(List.of("NEWS_READERS_HASH_KEY", "NEWS_READERS_HASH_KEY_ROTATION", "KAFKA_BOOTSTRAP_SERVERS",
                "SERVER_PORT", "NEWS_SECTIONS", "SPRING_MONGODB_URI", "NEWS_ARTICLES_MAX_PAGE_SIZE", "NEWS_OUTBOX_LEASE",
                "NEWS_WEB_TRUSTEDPROXIES")).allMatch(article::reads);
        assertThat(ServiceConfig.named("comment-service").reads("NEWS_WEB_TRUSTEDPROXIES")).isTrue();
        assertThat(ServiceConfig.named("gateway").reads("NEWS_TRUSTED_PROXIES")).isTrue();
    }

    @Test
    void theTrustedProxiesPropertiesAreBoundAndSetByTheirVariables() {
        ServiceConfig.TRUSTED_PROXIES.forEach((name, property) -> {
            ServiceConfig service = ServiceConfig.named(name);
            assertThat(service.binds(property)).as("%s binds %s", name, property).isTrue();
            assertThat(service.variablesFor(property)).as(name).isNotEmpty()
                    .allMatch(service::reads);
        });
        assertThat(ServiceConfig.named("gateway").variablesFor("news.gateway.trusted-proxies"))
                .contains("NEWS_TRUSTED_PROXIES");
        assertThat(ServiceConfig.named("article-service").variablesFor("news.web.trusted-proxies"))
                .containsExactlyInAnyOrder("NEWS_WEB_TRUSTEDPROXIES", "NEWS_WEB_TRUSTED_PROXIES");
        assertThat(ServiceConfig.named("article-service").binds("news.web.trusted-proxy")).isFalse();
    }

    @Test
    void variablesNoServiceReadsAreNotRead() {
        ServiceConfig article = ServiceConfig.named("article-service");
        assertThat(article.reads("NEWS_ARTICLE_SALT")).isFalse();
        assertThat(article.reads("NEWS_SECTION")).isFalse();
        assertThat(article.reads("ARTICLE_SERVICE_URL")).isFalse();
        assertThat(ServiceConfig.named("ranking-service").reads("SPRING_MONGODB_URI")).isFalse();
        assertThat(ServiceConfig.named("ranking-service").reads("NEWS_RANKING_STATE_DIR")).isTrue();
        assertThat(ServiceConfig.named("ranking-service").reads("NEWS_RANKING_MAX_LIST_SIZE")).isTrue();
        assertThat(ServiceConfig.named("gateway").reads("RANKING_SERVICE_URL")).isTrue();
        assertThat(ServiceConfig.named("gateway").reads("NEWS_READERS_HASH_KEY")).isFalse();
        assertThat(ServiceConfig.named("comment-service").reads("NEWS_COMMENTS_AUTHOR_KEY")).isTrue();
        assertThat(ServiceConfig.named("comment-service").reads("NEWS_SITE_NAME")).isTrue();
        assertThat(article.reads("NEWS_COMMENTS_AUTHOR_KEY")).isFalse();
        assertThat(article.reads("NEWS_READER_HASH_SALT")).isFalse();
    }
}
