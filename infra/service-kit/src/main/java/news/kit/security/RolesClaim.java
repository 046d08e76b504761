package news.kit.security;

import java.util.Collection;
import java.util.List;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The token's roles claim (Boot's {@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name}, {@code roles}
 * by default) as authorities: {@code ["editor"]} becomes {@code ROLE_editor}, so rules say {@code hasRole("editor")}.
 * Stricter than Boot's own converter on purpose: only a JSON array of strings grants anything (a plain string, a
 * nested array or a number grants nothing, and never fails the request).
 */
public final class RolesClaim implements Converter<Jwt, Collection<GrantedAuthority>> {

    public static final String CLAIM_SETTING = "spring.security.oauth2.resourceserver.jwt.authorities-claim-name";

    private final String claim;

    public RolesClaim(String claim) {
        this.claim = claim;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return authorities(jwt.getClaims());
    }

    /** The same mapping for any set of claims, e.g. a signed-in user's ID token and user info. */
    public Collection<GrantedAuthority> authorities(java.util.Map<String, Object> claims) {
        if (!(claims.get(claim) instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().filter(String.class::isInstance).map(String.class::cast)
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
