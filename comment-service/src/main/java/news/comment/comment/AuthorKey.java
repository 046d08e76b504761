package news.comment.comment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import news.kit.security.SecretKeys;

/**
 * The {@link AuthorPseudonyms} of this instance. Outside the kit's development switch ({@code news.security.development})
 * the service refuses to start without a secret key: with a public one, anyone reading comment pages or
 * {@code news.comment-events} could test guessed account ids against the author ids.
 */
@Configuration(proxyBeanMethods = false)
class AuthorKey {

    private static final SecretKeys KEY = new SecretKeys(CommentProperties.AUTHOR_KEY, "NEWS_COMMENTS_AUTHOR_KEY",
            "Comment author ids are pseudonyms that need a secret key (another key gives every reader a new author id).",
            AuthorPseudonyms.DEVELOPMENT_KEY, AuthorPseudonyms.MIN_KEY_LENGTH);

    @Bean
    AuthorPseudonyms authorPseudonyms(CommentProperties properties, Environment environment) {
        return new AuthorPseudonyms(KEY.require(properties.authorKey(), environment));
    }
}
