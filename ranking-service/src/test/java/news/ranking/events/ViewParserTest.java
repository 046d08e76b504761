package news.ranking.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import news.ranking.RankingTestConfig;
import news.ranking.TestEvents;
import news.ranking.events.InboundEvent.ArticleViewed;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-pass view reader against the general one: over generated payloads, valid and broken in every way the
 * schema allows or forbids, both give the same answer, and the common forms really take the one-pass way.
 */
class ViewParserTest {

    private static final String TOPIC = "news.article-views";
    private static final String HASH = TestEvents.readerHash("alice");

    private final RankingTestConfig config = RankingTestConfig.defaults();
    private final EventReader fast = new EventReader(config.topics(), config.properties().events(), true);
    private final EventReader general = new EventReader(config.topics(), config.properties().events(), false);
    private final ViewParser parser = new ViewParser(JsonMapper.builder().build());

    @Test
    void theViewsProducersWriteAreReadInOnePass() {
        Instant at = Instant.parse("2026-11-25T09:30:00.123Z");
        String json = TestEvents.view("navy-1", "Navy", "alice", false, at).json();

        assertThat(parser.parse(bytes(json))).isEqualTo(new ArticleViewed("navy-1", HASH, false, at.toEpochMilli()));
        assertThat(parser.parse(bytes(json.replace("\"human\"", "\"bot\"")))).extracting(ArticleViewed::bot)
                .isEqualTo(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T09:30:00Z", "2026-11-25T09:30:00.1Z", "2026-11-25T09:30:00.123456789Z",
            "2026-11-25T18:30:00+09:00", "2026-11-25T04:00:00.5-05:30", "2024-02-29T23:59:59.999+18:00",
            "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "2026-11-25T09:30:00-00:00"})
    void theCommonTimeFormsAreReadAsTheGeneralParserReadsThem(String text) {
        assertThat(Forms.epochMillis(text)).isEqualTo(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T09:30Z", "2026-11-25t09:30:00Z", "2026-11-25T09:30:00z", "2026-02-30T00:00:00Z",
            "2026-11-25T24:00:00Z", "2026-11-25T09:30:60Z", "2026-11-25T09:30:00.Z", "2026-11-25T09:30:00.1234567891Z",
            "2026-11-25T09:30:00+0900", "2026-11-25T09:30:00+09", "2026-11-25T09:30:00+18:01", "2026-11-25 09:30:00Z",
            "2026-11-25T09:30:00+09:00:30", "+2026-11-25T09:30:00Z", "2026-11-25T09:30:00Z ", ""})
    void anyOtherTimeFormIsLeftToTheGeneralParser(String text) {
        assertThat(Forms.epochMillis(text)).isEqualTo(Long.MIN_VALUE);
    }

    @Property(tries = 3000)
    void anyTimeInTheCommonFormIsReadAsTheGeneralParserReadsIt(@ForAll("times") String text) {
        long fastMillis = Forms.epochMillis(text);
        Long generalMillis;
        try {
            generalMillis = OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            generalMillis = null;
        }
        if (fastMillis != Long.MIN_VALUE) {
            assertThat(generalMillis).as(text).isEqualTo(fastMillis);
        }
    }

    @Property(tries = 5000)
    void anyPayloadGetsTheAnswerOfTheGeneralReader(@ForAll("payloads") String payload) {
        byte[] value = bytes(payload);
        byte[] key = bytes("navy-1");

        assertThat(fast.read(TOPIC, key, value, headers())).as(payload)
                .isEqualTo(general.read(TOPIC, key, value, headers()));
    }

    @Property(tries = 500)
    void aPlainValidViewIsAlwaysReadInOnePass(@ForAll("plainViews") String payload) {
        assertThat(parser.parse(bytes(payload))).as(payload).isNotNull();
    }

    @Provide
    Arbitrary<String> times() {
        return Arbitraries.randomValue(ViewParserTest::time);
    }

    @Provide
    Arbitrary<String> plainViews() {
        return Arbitraries.randomValue(random -> {
            List<String> fields = new ArrayList<>(List.of(
                    field("articleId", quoted("a" + Long.toString(random.nextLong() >>> 1, 36))),
                    field("section", quoted(random.nextBoolean() ? "Navy" : "국방 Defence")),
                    field("readerHash", quoted(TestEvents.readerHash("r" + random.nextInt()))),
                    field("agent", quoted(random.nextBoolean() ? "human" : "bot")),
                    field("viewedAt", quoted(Instant.ofEpochMilli(1_700_000_000_000L
                            + random.nextInt(Integer.MAX_VALUE)).toString()))));
            Collections.shuffle(fields, random);
            return "{" + String.join(",", fields) + "}";
        });
    }

    @Provide
    Arbitrary<String> payloads() {
        return Arbitraries.randomValue(ViewParserTest::payload);
    }

    /** A view payload with each part, at random, as producers write it or broken in one of many ways. */
    private static String payload(Random random) {
        if (random.nextInt(40) == 0) {
            return pick(random, "", "[]", "null", "\"view\"", "{", "{}", "{\"articleId\":\"navy-1\"", "42",
                    "{\"articleId\":\"navy-1\",}", "\uFEFF{}");
        }
        List<String> fields = new ArrayList<>();
        maybeAdd(random, fields, "articleId", pick(random, quoted("navy-1"), quoted("navy-1"), quoted("navy-1"),
                quoted("navy-2"), quoted(""), quoted("x".repeat(64)), quoted("x".repeat(65)), quoted("navy 1"),
                quoted("navy\\u002d1"), quoted("navy-1\\n"), quoted("navé-1")));
        maybeAdd(random, fields, "section", pick(random, quoted("Navy"), quoted("Navy"), quoted(""),
                quoted("가".repeat(60)), quoted("가".repeat(61)), quoted("🚢".repeat(60)), quoted("🚢".repeat(61)),
                quoted(" "), quoted("N\\u0061vy"), quoted("\\ud83d\\udea2")));
        maybeAdd(random, fields, "readerHash", pick(random, quoted(HASH), quoted(HASH), quoted(HASH.toUpperCase()),
                quoted(HASH.substring(1)), quoted(HASH + "0"), quoted(HASH.replace('a', 'g')),
                quoted(HASH.substring(0, 63) + "\\u0061")));
        maybeAdd(random, fields, "agent", pick(random, quoted("human"), quoted("bot"), quoted("Human"),
                quoted("robot"), quoted(""), quoted("hum\\u0061n")));
        maybeAdd(random, fields, "viewedAt", quoted(time(random)));
        if (random.nextInt(4) == 0) {
            fields.add(field(pick(random, "referrer", "extra", "articleid", "viewedat"),
                    pick(random, quoted("x"), "1", "null", "{\"a\":[1,{\"b\":2}]}", "[[],[{}]]", "true")));
        }
        if (random.nextInt(6) == 0 && !fields.isEmpty()) {
            fields.add(fields.get(random.nextInt(fields.size())));
        }
        Collections.shuffle(fields, random);
        String json = "{" + String.join(random.nextInt(10) == 0 ? " , " : ",", fields) + "}";
        if (random.nextInt(20) == 0) {
            json += pick(random, " ", "\n", " {}", "x", "]", "// c", "{\"a\":1}");
        }
        return json;
    }

    private static void maybeAdd(Random random, List<String> fields, String name, String value) {
        int roll = random.nextInt(30);
        if (roll == 0) {
            return;
        }
        fields.add(field(name, roll == 1 ? pick(random, "null", "1", "true", "{}", "[\"x\"]", "1.5e3") : value));
    }

    private static String time(Random random) {
        Instant instant = Instant.ofEpochSecond(random.nextLong() % 8_000_000_000L, random.nextInt(1_000_000_000));
        String text = instant.toString();
        if (text.startsWith("-") || text.startsWith("+")) {
            return text;
        }
        String date = text.substring(0, 10);
        String clock = text.substring(11, 19);
        String fraction = "";
        int digits = random.nextInt(12);
        if (digits > 0) {
            fraction = "." + String.format("%09d", instant.getNano()) + "7";
            fraction = fraction.substring(0, Math.min(fraction.length(), digits + 1));
        }
        String offset = pick(random, "Z", "Z", "+09:00", "-05:30", "+00:00", "-00:00", "+18:00", "+18:30",
                "+19:00", "-12:60", "z", "+0900", "+09", "", "+09:00:00");
        String separator = pick(random, "T", "T", "T", "T", "t", " ");
        String form = date + separator + clock + fraction + offset;
        return switch (random.nextInt(12)) {
            case 0 -> form.replace(date, date.substring(0, 8) + pick(random, "00", "29", "30", "31", "32"));
            case 1 -> form.replace(clock, pick(random, "24:00:00", "23:60:00", "23:59:60", "9:30:00", "09:30"));
            case 2 -> form.replace(date, pick(random, "2024-02-29", "2023-02-29", "2026-13-01", "2026-00-10"));
            default -> form;
        };
    }

    private static String field(String name, String value) {
        return "\"" + name + "\":" + value;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RecordHeaders headers() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", bytes("news.article.viewed"));
        headers.add("ce_id", bytes("5f0c1f2e-0000-4000-8000-000000000001"));
        return headers;
    }
}
