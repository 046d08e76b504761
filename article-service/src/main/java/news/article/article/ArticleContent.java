package news.article.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What an editor writes: valid by construction when it comes out of {@link ArticleRules#check}. */
record ArticleContent(String title, String section, String source, Byline byline, List<String> body,
                      List<String> tags) {

    ArticleContent {
        body = List.copyOf(body);
        tags = List.copyOf(tags);
    }

    /** The names of the fields that differ in {@code other}, in the order of the API. */
    List<String> fieldsChangedIn(ArticleContent other) {
        List<String> changed = new ArrayList<>();
        differs(changed, "title", title, other.title);
        differs(changed, "section", section, other.section);
        differs(changed, "source", source, other.source);
        differs(changed, "byline", byline, other.byline);
        differs(changed, "body", body, other.body);
        differs(changed, "tags", tags, other.tags);
        return List.copyOf(changed);
    }

    private static void differs(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
