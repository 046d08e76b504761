package news.ranking;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The ranking rules and the topology are plain Java: a unit test or a TopologyTestDriver drives them without Spring. */
@AnalyzeClasses(packages = "news.ranking", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rulesKnowNeitherKafkaNorSpring = noClasses().that().resideInAPackage("news.ranking.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework..",
                    "news.ranking.topology..", "news.ranking.query..", "news.ranking.streams..");

    @ArchTest
    static final ArchRule eventsAndTopologyKnowNoSpring = noClasses().that()
            .resideInAnyPackage("news.ranking.events..", "news.ranking.topology..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..");

    @ArchTest
    static final ArchRule onlyTheWiringKnowsTheQueryApiAndTheBinder = noClasses().that()
            .resideInAnyPackage("news.ranking.rules..", "news.ranking.events..", "news.ranking.topology..")
            .should().dependOnClassesThat().resideInAnyPackage("news.ranking.query..", "news.ranking.streams..");
}
