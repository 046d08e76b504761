package news.kit.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * The one rule for a service's secret keys (reader hashes, comment author ids): outside the development switch
 * ({@link TokenTrust#DEVELOPMENT}) a key must be set, long enough and not the public development key, or the service
 * refuses to start naming the setting and how to make a key; a development run without one uses the public key, with
 * a warning. The key itself is never printed.
 *
 * @param property       the property, e.g. {@code news.readers.hash-key}
 * @param variable       its environment variable, e.g. {@code NEWS_READERS_HASH_KEY}
 * @param purpose        what the key is for, as a sentence start: "Reader hashes need a secret key."
 * @param developmentKey the public key of development runs
 * @param minLength      the fewest characters a key may have
 */
public record SecretKeys(String property, String variable, String purpose, String developmentKey, int minLength) {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    /** The key to use: {@code configured} when it passes, the development key in a development run without one. */
    public String require(String configured, Environment environment) {
        boolean development = TokenTrust.development(environment);
        if (configured == null || configured.isBlank()) {
            if (!development) {
                throw new InvalidConfigurationPropertyValueException(property, "(not set)", purpose + " Set " + variable
                        + " (" + property + ") to at least " + minLength + " random characters, e.g. the output of"
                        + " `openssl rand -base64 32`, from a secret (docs/deploy.md), and keep it. Only development"
                        + " runs (" + TokenTrust.DEVELOPMENT + "=true, set by infra/platform up and tests) use the"
                        + " public development key.");
            }
            log.warn("{} is not set: development run, using the PUBLIC development key; anyone can recompute what it"
                    + " keys. Production sets {} from a secret.", property, variable);
            return developmentKey;
        }
        if (configured.length() < minLength) {
            throw new InvalidConfigurationPropertyValueException(property, "(" + configured.length()
                    + " characters, not shown)", "The key is too short to stay secret: use at least " + minLength
                    + " random characters (`openssl rand -base64 32`) in " + variable + ".");
        }
        if (configured.equals(developmentKey) && !development) {
            throw new InvalidConfigurationPropertyValueException(property, "(the development key)",
                    "The development key is public: set " + variable + " to a secret of your own.");
        }
        return configured;
    }
}
