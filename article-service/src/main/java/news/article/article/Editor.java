package news.article.article;

import java.util.Objects;

/**
 * Who made a change: the editor's stable subject ({@code sub}) and display name, as the bearer token names them. The
 * subject is kept as given (OpenID Connect allows at most 255 characters); the name is for people and is cut to
 * {@value #NAME_MAX} code points, falling back to the subject when the token carries none.
 */
record Editor(String sub, String name) {

    static final int SUB_MAX = 255;
    static final int NAME_MAX = 200;

    Editor {
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(name, "name");
    }

    /**
     * @throws IllegalArgumentException when the subject is missing or longer than {@value #SUB_MAX} characters
     */
    static Editor of(String sub, String name) {
        if (sub == null || sub.isBlank()) {
            throw new IllegalArgumentException("the token has no sub claim to name the editor by");
        }
        if (sub.codePointCount(0, sub.length()) > SUB_MAX) {
            throw new IllegalArgumentException("the token's sub claim is longer than " + SUB_MAX + " characters");
        }
        String display = name == null || name.isBlank() ? sub : name.strip();
        if (display.codePointCount(0, display.length()) > NAME_MAX) {
            display = display.substring(0, display.offsetByCodePoints(0, NAME_MAX));
        }
        return new Editor(sub, display);
    }
}
