package news.kit.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import news.kit.web.KitTestApplication;

/** The warm-up over real HTTP: its rounds reach the service before readiness says ready, as configured. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {KitTestApplication.class, WarmUpTest.Probe.class},
        properties = {"news.warm-up.enabled=true", "news.warm-up.rounds=30"})
class WarmUpTest {

    static final int DEPENDENCY_FAILURES = 3;

    @Autowired
    Probe probe;

    @Autowired
    ApplicationAvailability availability;

    @Test
    void everyRoundReachedTheServiceBeforeItSaidReady() {
        // the first round is sent again while the "dependency" answers 503, then the 29 rounds after it
        assertThat(probe.readiness).hasSize(1 + DEPENDENCY_FAILURES + 29);
        assertThat(Set.copyOf(probe.readiness)).containsExactly(ReadinessState.REFUSING_TRAFFIC);
        assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
    }

    @Test
    void eachRoundSendsItsOwnHeadersAndBody() {
        assertThat(probe.addresses).hasSize(probe.readiness.size());
        assertThat(Set.copyOf(probe.addresses)).hasSize(30); // one address per round number, 0 to 29
        assertThat(probe.bodies).hasSize(probe.readiness.size()).allMatch(body -> body.equals(Map.of("warm", "up")));
    }

    @Test
    void aDisabledWarmUpSendsNothing() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        WarmUpRequests requests = round -> {
            asked.incrementAndGet();
            return List.of(WarmUpRequest.get("/nothing"));
        };
        new WarmUp(null, null, List.of(requests), new WarmUpSettings(false, 10, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).run(null);
        assertThat(asked).hasValue(0);
    }

    @Test
    void madeUpClientAddressesAreDocumentationAddressesThatRepeatOnlyAfter762Rounds() {
        List<String> addresses = IntStream.range(0, 762).mapToObj(WarmUpRequests::madeUpClientAddress).toList();
        assertThat(Set.copyOf(addresses)).hasSize(762);
        assertThat(addresses).allMatch(a -> a.matches("(192\\.0\\.2|198\\.51\\.100|203\\.0\\.113)\\.([1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-4])"));
        assertThat(WarmUpRequests.madeUpClientAddress(762)).isEqualTo(addresses.get(0));
        assertThat(addresses.stream().collect(Collectors.groupingBy(a -> a.substring(0, a.lastIndexOf('.')),
                Collectors.counting()))).containsOnly(Map.entry("192.0.2", 254L), Map.entry("198.51.100", 254L),
                Map.entry("203.0.113", 254L));
    }

    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class Probe {

        final List<ReadinessState> readiness = new CopyOnWriteArrayList<>();
        final List<String> addresses = new CopyOnWriteArrayList<>();
        final List<Map<String, String>> bodies = new CopyOnWriteArrayList<>();
        final AtomicInteger dependencyCalls = new AtomicInteger();
        private final ApplicationAvailability availability;

        Probe(ApplicationAvailability availability) {
            this.availability = availability;
        }

        @Bean
        WarmUpRequests probeRounds() {
            return round -> List.of(
                    WarmUpRequest.post("/warm-up/probe", "{\"warm\":\"up\"}")
                            .header("X-Test-Address", WarmUpRequests.madeUpClientAddress(round)),
                    WarmUpRequest.get("/warm-up/dependency"));
        }

        @PostMapping("/warm-up/probe")
        void probe(@RequestHeader("X-Test-Address") String address, @RequestBody Map<String, String> body) {
            readiness.add(availability.getReadinessState());
            addresses.add(address);
            bodies.add(body);
        }

        @GetMapping("/warm-up/dependency")
        ResponseEntity<Void> dependency() {
            return ResponseEntity.status(dependencyCalls.incrementAndGet() <= DEPENDENCY_FAILURES
                    ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK).build();
        }
    }
}
