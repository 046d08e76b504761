package news.article.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

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
        runner.run(context -> {
            assertThat(context).hasFailed();
            InvalidConfigurationPropertyValueException refusal = refusal(context.getStartupFailure());
            assertThat(refusal.getName()).isEqualTo("news.readers.hash-key");
            assertThat(refusal.getReason()).contains("NEWS_READERS_HASH_KEY").contains("openssl rand");
        });
    }

    @Test
    void aShortKeyTheDevelopmentKeyAndARotationUnderAnHourAreRefusedNamingTheSetting() {
        runner.withPropertyValues("news.readers.hash-key=short-but-secret").run(context -> {
            InvalidConfigurationPropertyValueException refusal = refusal(context.getStartupFailure());
            assertThat(refusal.getName()).isEqualTo("news.readers.hash-key");
            assertThat(refusal.getMessage()).as("the key itself is never printed").doesNotContain("short-but-secret");
        });
        runner.withPropertyValues("news.readers.hash-key=" + ReaderHasher.DEVELOPMENT_KEY).run(context ->
                assertThat(refusal(context.getStartupFailure()).getName()).isEqualTo("news.readers.hash-key"));
        runner.withPropertyValues("news.readers.hash-key=" + ReaderHasherTest.KEY, "news.readers.hash-key-rotation=10m")
                .run(context -> assertThat(refusal(context.getStartupFailure()).getName())
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

    /** The refusal Boot prints as "Invalid value ... for configuration property ...", with its reason as the action. */
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
