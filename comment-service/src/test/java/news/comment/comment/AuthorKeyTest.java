package news.comment.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Outside the kit's development switch the service does not start without a secret author key, and says which
 * setting to set and how; a development run uses the public development key.
 */
class AuthorKeyTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CommentProperties.class)
    @Import(AuthorKey.class)
    static class Keyed {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Keyed.class);

    @Test
    void withoutAKeyOutsideTheDevelopmentSwitchTheServiceRefusesToStartNamingTheSetting() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            InvalidConfigurationPropertyValueException refusal = refusal(context.getStartupFailure());
            assertThat(refusal.getName()).isEqualTo("news.comments.author-key");
            assertThat(refusal.getReason()).contains("NEWS_COMMENTS_AUTHOR_KEY").contains("openssl rand");
        });
    }

    @Test
    void aShortKeyAndThePublicDevelopmentKeyAreRefusedWithoutPrintingTheKey() {
        runner.withPropertyValues("news.comments.author-key=short-but-secret").run(context -> {
            InvalidConfigurationPropertyValueException refusal = refusal(context.getStartupFailure());
            assertThat(refusal.getName()).isEqualTo("news.comments.author-key");
            assertThat(refusal.getMessage()).doesNotContain("short-but-secret");
        });
        runner.withPropertyValues("news.comments.author-key=" + AuthorPseudonyms.DEVELOPMENT_KEY).run(context ->
                assertThat(refusal(context.getStartupFailure()).getName()).isEqualTo("news.comments.author-key"));
    }

    @Test
    void theKeyIsReadFromTheEnvironmentVariable() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("NEWS_COMMENTS_AUTHOR_KEY", AuthorPseudonymsTest.KEY)));
        CommentProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                .bind("news.comments", CommentProperties.class).get();
        assertThat(properties.authorKey()).isEqualTo(AuthorPseudonymsTest.KEY);
    }

    @Test
    void aDevelopmentRunWithoutAKeyUsesThePublicDevelopmentKey() {
        runner.withPropertyValues("news.security.development=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(AuthorPseudonyms.class).of("r"))
                    .isEqualTo(new AuthorPseudonyms(AuthorPseudonyms.DEVELOPMENT_KEY).of("r"));
        });
    }

    private static InvalidConfigurationPropertyValueException refusal(Throwable failure) {
        assertThat(failure).as("a start-up failure").isNotNull();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationPropertyValueException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("no InvalidConfigurationPropertyValueException in " + failure, failure);
    }
}
