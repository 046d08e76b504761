package news.article.article;

import java.util.List;

/** What an editor writes: valid by construction when it comes out of {@link ArticleRules#check}. */
record ArticleContent(String title, String section, String source, Byline byline, List<String> body,
                      List<String> tags) {

    ArticleContent {
        body = List.copyOf(body);
        tags = List.copyOf(tags);
    }
}
