package news.comment.comment;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, taken from the verified bearer token only: {@code sub} is the id, the {@code name} claim the
 * display name (the id when the token has no name), role {@code editor} may remove any comment.
 */
record Commenter(String id, String name, boolean editor) {

    static final int MAX_ID_LENGTH = 128;

    static Commenter of(Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
        String name = jwt.getClaimAsString("name");
        boolean editor = authorities.stream().anyMatch(a -> "ROLE_editor".equals(a.getAuthority()));
        return new Commenter(jwt.getSubject(), name == null || name.isBlank() ? jwt.getSubject() : name.strip(), editor);
    }

    boolean usable() {
        return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
    }
}
