package news.comment.comment;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, taken from the verified bearer token only: {@code sub} is the account id (kept inside the service:
 * it decides who may remove a comment and is never shown, see {@link AuthorPseudonyms}), the {@code name} claim the
 * display name as the token has it (null without one; {@link DisplayNamePolicy} checks it), role {@code editor} may
 * remove any comment.
 */
record Commenter(String subject, String name, boolean editor) {

    static final int MAX_SUBJECT_LENGTH = 128;

    static Commenter of(Jwt jwt, Collection<? extends GrantedAuthority> authorities) {
        boolean editor = authorities.stream().anyMatch(a -> "ROLE_editor".equals(a.getAuthority()));
        return new Commenter(jwt.getSubject(), jwt.getClaimAsString("name"), editor);
    }

    boolean usable() {
        return subject != null && !subject.isBlank() && subject.length() <= MAX_SUBJECT_LENGTH;
    }
}
