package news.kit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sections of the site ({@code news.sections}, one list for every service; {@code NEWS_SECTIONS} overrides
 * it). Clients may name a section in any case or as a slug: {@code Air Force}, {@code air force}, {@code air-force}.
 */
@ConfigurationProperties("news")
public record Sections(List<String> sections) {

    public Sections {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** The configured spelling of a section, or empty when the site has no such section. */
    public Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = normalize(name);
        return sections.stream().filter(s -> normalize(s).equals(wanted)).findFirst();
    }

    public static String slug(String section) {
        return normalize(section);
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "-");
    }
}
