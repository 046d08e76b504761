package news.article;

import org.springframework.test.context.TestPropertySource;

/** The corpus of {@link ViewAnswersCorpus} with the views fast path switched off: the reference answers. */
@ArticleServiceTest
@TestPropertySource(properties = "news.engagement.fast-path=false")
class ViewFullPathTest extends ViewAnswersCorpus {
}
