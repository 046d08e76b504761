package news.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * How a service refuses to start on a bad setting: Boot's "Invalid value ... for configuration property ...", naming
 * the setting, with how to fix it as the action, and never the value itself (a secret must not reach a log).
 */
public final class StartupRefusals {

    private StartupRefusals() {
    }

    /**
     * Outside the development switch the context does not start without the secret {@code property}, and says to set
     * {@code environmentVariable} to a key {@code openssl rand} makes.
     */
    public static void assertSecretRequired(ApplicationContextRunner runner, String property, String environmentVariable) {
        runner.run(context -> {
            assertThat(context).hasFailed();
            InvalidConfigurationPropertyValueException refusal = refusal(context.getStartupFailure());
            assertThat(refusal.getName()).isEqualTo(property);
            assertThat(refusal.getReason()).contains(environmentVariable).contains("openssl rand");
        });
    }

    /** The context does not start with {@code property} set to {@code secret}, and the refusal does not print it. */
    public static void assertSecretRefused(ApplicationContextRunner runner, String property, String secret) {
        runner.withPropertyValues(property + "=" + secret).run(context -> {
            InvalidConfigurationPropertyValueException refusal = refusal(context.getStartupFailure());
            assertThat(refusal.getName()).isEqualTo(property);
            assertThat(refusal.getMessage()).as("the key itself is never printed").doesNotContain(secret);
        });
    }

    /** The refusal among the causes of a start-up failure. */
    public static InvalidConfigurationPropertyValueException refusal(Throwable failure) {
        assertThat(failure).as("a start-up failure").isNotNull();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigurationPropertyValueException refusal) {
                return refusal;
            }
        }
        throw new AssertionError("no InvalidConfigurationPropertyValueException in " + failure, failure);
    }
}
