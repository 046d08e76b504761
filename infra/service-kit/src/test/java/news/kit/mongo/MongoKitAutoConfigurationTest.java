package news.kit.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.mongodb.MongoClientSettings;

/** The kit's store timeouts reach every client of the driver, the reactive one of the gateway included. */
class MongoKitAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoKitAutoConfiguration.class));

    @Test
    void withoutTheSynchronousDriverTheTimeoutsStillApply() {
        runner.withClassLoader(new FilteredClassLoader(com.mongodb.client.MongoClient.class))
                .withPropertyValues("news.mongo.timeouts.server-selection=700ms")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(MongoPingHealthIndicator.class);
                    MongoClientSettings.Builder settings = MongoClientSettings.builder();
                    context.getBean(MongoClientSettingsBuilderCustomizer.class).customize(settings);
                    assertThat(settings.build().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                            .isEqualTo(700);
                    assertThat(settings.build().getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
                            .isEqualTo(2000);
                });
    }
}
