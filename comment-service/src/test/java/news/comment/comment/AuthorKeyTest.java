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
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import news.testsupport.StartupRefusals;

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
        StartupRefusals.assertSecretRequired(runner, "news.comments.author-key", "NEWS_COMMENTS_AUTHOR_KEY");
    }

    @Test
    void aShortKeyAndThePublicDevelopmentKeyAreRefusedWithoutPrintingTheKey() {
        StartupRefusals.assertSecretRefused(runner, "news.comments.author-key", "short-but-secret");
        StartupRefusals.assertSecretRefused(runner, "news.comments.author-key", AuthorPseudonyms.DEVELOPMENT_KEY);
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
}
