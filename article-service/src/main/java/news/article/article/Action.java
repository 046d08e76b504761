package news.article.article;

import java.util.Locale;

/** What a change did to an article, as its history names it; spelled in lower case in JSON and the store. */
enum Action {
    CREATED, EDITED, PUBLISHED, UNPUBLISHED, PICKED, UNPICKED;

    String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a spelling that is not an action */
    static Action fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
