package news.gateway.readmodel;

import java.time.Instant;

/** One entry of a headline list as pages show it (the page API): {@code {id, title, section, publishedAt}}. */
public record Headline(String id, String title, String section, Instant publishedAt) {
}
