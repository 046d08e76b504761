package news.kit.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Runs {@link TokenTrust#check} before any bean exists, so a misconfigured service stops with the setting to fix
 * rather than with a missing decoder bean.
 */
public class TokenTrustCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final Logger log = LoggerFactory.getLogger(TokenTrustCheck.class);

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        TokenTrust.check(environment);
        if (TokenTrust.development(environment)) {
            log.warn("Development run ({}=true): trusting tokens of {}. Production sets {} and leaves the switch off.",
                    TokenTrust.DEVELOPMENT, environment.getProperty(TokenTrust.ISSUER_URI), TokenTrust.ISSUER_URI);
        }
    }
}
