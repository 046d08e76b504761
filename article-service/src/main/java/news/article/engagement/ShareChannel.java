package news.article.engagement;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The "Share it on..." links of the article page. */
enum ShareChannel {
    FACEBOOK, X, KAKAOTALK, EMAIL, LINK;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ShareChannel> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.wire().equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst();
    }

    static String all() {
        return Arrays.stream(values()).map(ShareChannel::wire).collect(Collectors.joining(", "));
    }
}
