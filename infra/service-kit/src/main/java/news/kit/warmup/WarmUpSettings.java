package news.kit.warmup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code news.warm-up.*}: how long a service exercises its own request paths before it takes traffic.
 *
 * @param enabled             off only where start-up time matters more than the first minute (the test suites)
 * @param rounds              how many times the service's {@link WarmUpRequests} are sent, at most
 * @param limit               the most time the rounds may take; the warm-up ends at whichever comes first
 * @param waitForDependencies how long the first round is repeated while one of its awaited requests answers 500 or
 *                            above (a gateway whose services are still starting), so that the rounds exercise the
 *                            path that succeeds, not the one that fails
 */
@ConfigurationProperties("news.warm-up")
public record WarmUpSettings(@DefaultValue("true") boolean enabled,
                             @DefaultValue("400") int rounds,
                             @DefaultValue("20s") Duration limit,
                             @DefaultValue("60s") Duration waitForDependencies) {
}
