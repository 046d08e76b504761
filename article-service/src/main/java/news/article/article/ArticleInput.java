package news.article.article;

import java.util.List;

/** Article content as a client sent it: any field may be missing or wrong until {@link ArticleRules} checked it. */
record ArticleInput(String title, String section, String source, String bylineName, String bylineEmail,
                    boolean bylineGiven, List<String> body, List<String> tags) {
}
