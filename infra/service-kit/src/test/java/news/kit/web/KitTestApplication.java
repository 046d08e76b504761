package news.kit.web;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.mongodb.client.MongoClient;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import news.kit.security.NewsSecurity;
import news.kit.tracing.CurrentTrace;

/** A minimal servlet service wired with the kit, to prove the kit's behaviour over real HTTP. */
@SpringBootApplication
public class KitTestApplication {

    record Draft(@NotBlank String title, @Size(max = 2) List<String> tags) {
    }

    @RestController
    static class Endpoints {

        private final CurrentTrace trace;
        private final MongoClient client;
        private final MongoTemplate template;

        Endpoints(CurrentTrace trace, MongoClient client, MongoTemplate template) {
            this.trace = trace;
            this.client = client;
            this.template = template;
        }

        /** A read through the driver itself, as the services' stores do. */
        @GetMapping("/stored/driver/{id}")
        Map<String, Object> storedByDriver(@PathVariable String id) {
            Document found = client.getDatabase("kit").getCollection("drafts").find(new Document("_id", id)).first();
            return Map.of("found", found != null);
        }

        /** A write through Spring Data, whose exceptions are Spring's translations of the driver's. */
        @PostMapping("/stored/template")
        Map<String, Object> storedByTemplate(@RequestBody Draft draft) {
            template.insert(new Document("title", draft.title()), "drafts");
            return Map.of("title", draft.title());
        }

        @GetMapping("/trace")
        Map<String, Object> trace() {
            String traceparent = trace.traceparent();
            return Map.of("traceparent", traceparent == null ? "none" : traceparent);
        }

        @PostMapping("/drafts")
        Map<String, Object> create(@Valid @RequestBody Draft draft) {
            return Map.of("title", draft.title());
        }

        @PostMapping("/editor/drafts")
        Map<String, Object> editorOnly(@RequestBody Draft draft) {
            return Map.of("title", draft.title());
        }

        @GetMapping("/drafts/{id}")
        Map<String, Object> get(@PathVariable String id) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No draft " + id);
        }

        @GetMapping("/search")
        Map<String, Object> search(@RequestParam(defaultValue = "") String q) {
            return Map.of("q", q);
        }

        @GetMapping("/boom")
        Map<String, Object> boom() {
            throw new IllegalStateException("secret internals");
        }
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http, JwtAuthenticationConverter converter) throws Exception {
        return NewsSecurity.apply(http, converter)
                .authorizeHttpRequests(a -> a.requestMatchers("/editor/**").hasRole("editor").anyRequest().permitAll())
                .build();
    }
}
