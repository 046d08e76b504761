package news.article.article;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The editor behind a request, from the bearer token's {@code sub} and {@code name} claims. The security rules let
 * only editors' tokens reach the calls that use it.
 */
final class EditorIdentity {

    static final String NAME_CLAIM = "name";

    private EditorIdentity() {
    }

    /** @param token the request's token, as {@link AuthenticationPrincipal} hands it to a controller */
    static Editor of(Jwt token) {
        if (token == null) {
            throw ArticleProblems.unnamedEditor("the request carries no bearer token");
        }
        try {
            return Editor.of(token.getSubject(), token.getClaimAsString(NAME_CLAIM));
        } catch (IllegalArgumentException e) {
            throw ArticleProblems.unnamedEditor(e.getMessage());
        }
    }
}
