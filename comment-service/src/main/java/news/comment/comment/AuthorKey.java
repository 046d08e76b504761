package news.comment.comment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import news.kit.security.TokenTrust;

/**
 * The {@link AuthorPseudonyms} of this instance. Outside the kit's development switch ({@code news.security.development})
 * the service refuses to start without a secret key: with a public one, anyone reading comment pages or
 * {@code news.comment-events} could test guessed account ids against the author ids.
 */
@Configuration(proxyBeanMethods = false)
class AuthorKey {

    private static final Logger log = LoggerFactory.getLogger(AuthorKey.class);

    @Bean
    AuthorPseudonyms authorPseudonyms(CommentProperties properties, Environment environment) {
        String key = properties.authorKey();
        boolean development = TokenTrust.development(environment);
        if (key == null || key.isBlank()) {
            if (!development) {
                throw new InvalidConfigurationPropertyValueException(CommentProperties.AUTHOR_KEY, "(not set)",
                        "Comment author ids are pseudonyms that need a secret key. Set NEWS_COMMENTS_AUTHOR_KEY ("
                                + CommentProperties.AUTHOR_KEY + ") to at least " + AuthorPseudonyms.MIN_KEY_LENGTH
                                + " random characters, e.g. the output of `openssl rand -base64 32`, from a secret"
                                + " (docs/deploy.md), and keep it: another key gives every reader a new author id."
                                + " Only development runs (" + TokenTrust.DEVELOPMENT + "=true, set by infra/platform"
                                + " up and tests) use the public development key.");
            }
            log.warn("{} is not set: development run, comment author ids use the PUBLIC development key; anyone can"
                    + " test account ids against them. Production sets NEWS_COMMENTS_AUTHOR_KEY from a secret.",
                    CommentProperties.AUTHOR_KEY);
            key = AuthorPseudonyms.DEVELOPMENT_KEY;
        } else if (key.length() < AuthorPseudonyms.MIN_KEY_LENGTH) {
            throw new InvalidConfigurationPropertyValueException(CommentProperties.AUTHOR_KEY, "(" + key.length()
                    + " characters, not shown)", "The comment author key is too short to stay secret: use at least "
                    + AuthorPseudonyms.MIN_KEY_LENGTH + " random characters (`openssl rand -base64 32`).");
        } else if (key.equals(AuthorPseudonyms.DEVELOPMENT_KEY) && !development) {
            throw new InvalidConfigurationPropertyValueException(CommentProperties.AUTHOR_KEY, "(the development key)",
                    "The development key is public: set NEWS_COMMENTS_AUTHOR_KEY to a secret of your own.");
        }
        return new AuthorPseudonyms(key);
    }
}
