package news.ranking.query;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import news.kit.Sections;
import news.ranking.RankingProperties;
import news.ranking.rules.ListKey;
import news.ranking.rules.ListKind;
import news.ranking.rules.ListKinds;

/**
 * {@code GET /api/rankings/{list}?section=all&limit=6} for every configured list: the stored list, cut to
 * {@code limit}, answered by whichever instance owns it. 400 for an unknown list or section or a limit outside
 * 1..{@code news.ranking.max-list-size}; 503 with {@code Retry-After} while the list cannot be answered yet.
 */
@RestController
@Tag(name = "rankings", description = "The ranked lists: Popular Now, Must-Reads and any other configured list")
class RankingController {

    private final ListLocator locator;
    private final Forwarder forwarder;
    private final Sections sections;
    private final int maxLimit;
    private final ListKinds kinds;

    RankingController(ListLocator locator, Forwarder forwarder, Sections sections, RankingProperties properties) {
        this.locator = locator;
        this.forwarder = forwarder;
        this.sections = sections;
        this.maxLimit = properties.maxListSize();
        this.kinds = properties.listKinds();
    }

@Operation(summary = "A ranked list of a section or of all",
        description = "The list as last computed, best first, cut to limit (1 to 50, default 6): the same JSON news.rankings carries. 400 names an unknown list or section; 503 with Retry-After while the list is moving between instances or not computed yet.")
    @GetMapping(path = "/api/rankings/{list}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@PathVariable String list, @RequestParam(defaultValue = ListKey.ALL) String section,
                           @RequestParam(defaultValue = "6") String limit,
                           @RequestHeader(name = Forwarder.FORWARDED, required = false) String forwarded) {
        ListKey key = ListKey.of(kind(list), section(section));
        int size = limit(limit);
        ListLocator.Location location = locator.locate(key);
        if (location instanceof ListLocator.Here here) {
            if (here.list() == null) {
                throw new ListUnavailable("The list " + key + " has not been computed yet.");
            }
            return ResponseEntity.ok(here.list().list().limitedTo(size));
        }
        if (location instanceof ListLocator.There there) {
            if (forwarded != null) {
                throw new ListUnavailable("The list " + key + " is moving between instances.");
            }
            return forwarder.forward(there, key, size);
        }
        throw new ListUnavailable("The list " + key + " cannot be answered yet: "
                + ((ListLocator.NotReady) location).reason() + ".");
    }

    private ListKind kind(String list) {
        return kinds.bySlug(list).orElseThrow(() -> badRequest(
                "Unknown list '" + list + "': use " + kinds.slugs() + "."));
    }

    private String section(String section) {
        if (section.trim().toLowerCase(Locale.ROOT).equals(ListKey.ALL)) {
            return ListKey.ALL;
        }
        return sections.canonical(section).orElseThrow(() -> badRequest("Unknown section '" + section
                + "': use all or one of " + String.join(", ", sections.sections()) + "."));
    }

    private int limit(String limit) {
        int value;
        try {
            value = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > maxLimit) {
            throw badRequest("limit must be a whole number from 1 to " + maxLimit + "; got '" + limit + "'.");
        }
        return value;
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
