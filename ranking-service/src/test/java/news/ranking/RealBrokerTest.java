package news.ranking;

import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import news.testsupport.UseNewsInfrastructure;
import news.testsupport.Spans;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service against the shared real broker, on the contract's topics. One context for every subclass: its
 * application id and state directory are this JVM's own, so a run never meets the local state of an earlier one.
 * Ended spans are kept in this context's {@link Spans}; traced records are logged ({@code logback-test.xml}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseNewsInfrastructure
@Import(Spans.class)
public abstract class RealBrokerTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void ownState(DynamicPropertyRegistry registry) {
        registry.add("NEWS_RANKING_APPLICATION_ID", () -> "ranking-service-test-" + RUN);
        registry.add("NEWS_RANKING_STATE_DIR",
                () -> Path.of("target", "ranking-test-state", RUN).toAbsolutePath().toString());
    }
}
