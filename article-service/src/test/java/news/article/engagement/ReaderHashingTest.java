package news.article.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import news.testsupport.StartupRefusals;

/**
 * Outside the kit's development switch the service does not start without a secret reader hash key, and says which
 * setting to set; a development run hashes with the public development key.
 */
class ReaderHashingTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ReaderProperties.class)
    @Import(ReaderHashing.class)
    static class Hashing {
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Hashing.class);

    @Test
    void withoutAKeyOutsideTheDevelopmentSwitchTheServiceRefusesToStartNamingTheSetting() {
        StartupRefusals.assertSecretRequired(runner, "news.readers.hash-key", "NEWS_READERS_HASH_KEY");
    }

    @Test
    void aShortKeyTheDevelopmentKeyAndARotationUnderAnHourAreRefusedNamingTheSetting() {
        StartupRefusals.assertSecretRefused(runner, "news.readers.hash-key", "short-but-secret");
        StartupRefusals.assertSecretRefused(runner, "news.readers.hash-key", ReaderHasher.DEVELOPMENT_KEY);
        runner.withPropertyValues("news.readers.hash-key=" + ReaderHasherTest.KEY, "news.readers.hash-key-rotation=10m")
                .run(context -> assertThat(StartupRefusals.refusal(context.getStartupFailure()).getName())
                        .isEqualTo("news.readers.hash-key-rotation"));
    }

    @Test
    void aDevelopmentRunWithoutAKeyHashesWithThePublicDevelopmentKey() {
        runner.withPropertyValues("news.security.development=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ReaderHasher.class).ofReader("r")).isEqualTo(
                    new ReaderHasher(ReaderHasher.DEVELOPMENT_KEY, java.time.Duration.ofDays(1),
                            java.time.Clock.systemUTC()).ofReader("r"));
        });
    }

    @Test
    void aKeyAndItsRotationAreTakenFromTheSettings() {
        runner.withPropertyValues("news.readers.hash-key=" + ReaderHasherTest.KEY, "news.readers.hash-key-rotation=6h")
                .run(context -> assertThat(context.getBean(ReaderHasher.class).ofReader("r")).isEqualTo(
                        new ReaderHasher(ReaderHasherTest.KEY, java.time.Duration.ofHours(6),
                                java.time.Clock.systemUTC()).ofReader("r")));
    }
}
