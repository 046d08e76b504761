package news.comment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Feature packages, one-way dependencies, and text rules that need nothing but the JDK. */
@AnalyzeClasses(packages = "news.comment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCycles =
            slices().matching("news.comment.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theReplicaAndTheRateLimitsKnowNothingOfComments = noClasses()
            .that().resideInAnyPackage("news.comment.article..", "news.comment.ratelimit..")
            .should().dependOnClassesThat().resideInAPackage("news.comment.comment..");

    @ArchTest
    static final ArchRule theTextRulesArePlainJava = classes()
            .that().haveSimpleNameStartingWith("CommentTextPolicy").or().haveSimpleName("BlockedWords")
            .or().haveSimpleName("Rule").or().haveSimpleName("RuleViolation").or().haveSimpleName("PageCursor")
            .or().haveSimpleName("DisplayNamePolicy")
            // and the platform's one cursor form, plain Java too
            .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..", "news.comment.comment..")
                    .or(JavaClass.Predicates.belongToAnyOf(news.kit.web.ListCursors.class)));

    @ArchTest
    static final ArchRule onlyTheFeaturesPublicApiIsPublic = classes()
            .that().resideInAnyPackage("news.comment.comment..", "news.comment.article..")
            .and().arePublic()
            .should().haveSimpleName("PublishedArticles");

    @ArchTest
    static final ArchRule onlyTheStoreAndTheDocumentOfTheCommentFeatureKnowMongo = noClasses()
            .that().resideInAPackage("news.comment.comment..").and().doNotHaveSimpleName("CommentStore")
            .and().doNotHaveSimpleName("CommentDocument").and().doNotHaveSimpleName("CommentConfiguration")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.data.mongodb..");
}
