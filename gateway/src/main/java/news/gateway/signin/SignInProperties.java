package news.gateway.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser sign-in ({@code news.gateway.sign-in.*}).
 *
 * @param sessionCookie  the name of the session cookie
 * @param sessionTimeout how long a session lives without a request
 */
@ConfigurationProperties("news.gateway.sign-in")
public record SignInProperties(@DefaultValue("NEWS_SESSION") String sessionCookie,
                               @DefaultValue("8h") Duration sessionTimeout) {
}
