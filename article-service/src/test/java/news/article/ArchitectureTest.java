package news.article;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.springframework.beans.factory.annotation.Autowired;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The feature boundaries of the service, checked on every build. */
@AnalyzeClasses(packages = "news.article", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String DOMAIN = "news\\.article\\.(article\\.(Article|ArticleContent|ArticleInput|ArticleRules"
            + "|ArticleSnapshot|ArticleEvent|ArticlePublished|ArticleUpdated|ArticleUnpublished|Byline|Cursor"
            + "|ExpectedVersion|Slugs|Status|Violation|Editor|Action|HistoryEntry|TitleWords|NewsroomQuery|ListParameters)|engagement\\.(BotDetector|ReaderHasher|ShareChannel"
            + "|ArticleViewed|ArticleShared))(\\$.*)?";

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles = slices().matching("news.article.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theArticleFeatureKnowsNothingOfEngagement = noClasses()
            .that().resideInAPackage("news.article.article..")
            .should().dependOnClassesThat().resideInAPackage("news.article.engagement..");

    @ArchTest
    static final ArchRule engagementUsesOnlyThePublishedArticleLookup = noClasses()
            .that().resideInAPackage("news.article.engagement..")
            .should().dependOnClassesThat(resideInAPackage("news.article.article..")
                    .and(not(simpleNameStartingWith("PublishedArticle"))));

    @ArchTest
    static final ArchRule theDomainIsPlainJava = noClasses().that().haveNameMatching(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "jakarta.servlet..", "tools.jackson..", "io.micrometer..");

    @ArchTest
    static final ArchRule onlyTheStoreAndTheRelayTouchMongoDb = noClasses()
            .that().resideInAPackage("news.article..")
            .and().doNotHaveSimpleName("ArticleStore").and().doNotHaveSimpleName("ArticleDocument")
            .and().doNotHaveSimpleName("ArticleOutboxConfiguration")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..");

    @ArchTest
    static final ArchRule featuresArePackagePrivateExceptTheLookup = classes()
            .that().resideInAnyPackage("news.article.article..", "news.article.engagement..").and().arePublic()
            .should().haveSimpleNameStartingWith("PublishedArticle");

    @ArchTest
    static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class);
}
