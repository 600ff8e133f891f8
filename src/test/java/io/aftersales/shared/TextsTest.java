package io.aftersales.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void anExcerptIsWholeWhenShortAndPointsToTheThreadWhenNot() {
    assertThat(Texts.excerpt(null)).isNull();
    assertThat(Texts.excerpt("short")).isEqualTo("short");
    String exact = "a".repeat(Texts.EXCERPT_LENGTH);
    assertThat(Texts.excerpt(exact)).isSameAs(exact);
    String excerpt = Texts.excerpt("a".repeat(Texts.EXCERPT_LENGTH + 1));
    assertThat(excerpt).hasSize(Texts.EXCERPT_LENGTH).startsWith("aaa")
        .endsWith("the full text is on the case thread)");
  }

  @Test
  void storableTextHasNoNulAndShortenedTextIsMarked() {
    assertThat(Texts.storable("a\u0000b\u0000")).isEqualTo("ab");
    assertThat(Texts.storable("plain")).isEqualTo("plain");
    assertThat(Texts.storable(null)).isNull();
    assertThat(Texts.shorten("abcdef", 4)).isEqualTo("abc\u2026");
    assertThat(Texts.shorten("abcd", 4)).isEqualTo("abcd");
    assertThat(Texts.shorten(null, 4)).isNull();
  }

  @Test
  void jsonTextWithControlCharactersIsRefusedButLineBreaksAndTabsAreNot() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule().addDeserializer(String.class,
        new StrictJson.Text()));
    assertThat(json.readValue("\"line\\nbreak\\ttab\\r\"", String.class)).isEqualTo("line\nbreak\ttab\r");
    for (String bad : new String[]{"\"nul\\u0000\"", "\"bell\\u0007\"", "\"del\\u007f\""}) {
      assertThatThrownBy(() -> json.readValue(bad, String.class)).isInstanceOf(JsonMappingException.class)
          .hasMessageContaining(StrictJson.TEXT_RULE);
    }
  }

  @Test
  void datesOutsideWhatTheBusinessAndTheDatabaseHoldAreInvalid() {
    DateRange.Check check = new DateRange.Check();
    assertThat(check.isValid(null, null)).isTrue();
    assertThat(check.isValid(LocalDate.of(1900, 1, 1), null)).isTrue();
    assertThat(check.isValid(LocalDate.of(2999, 12, 31), null)).isTrue();
    assertThat(check.isValid(LocalDate.of(1899, 12, 31), null)).isFalse();
    assertThat(check.isValid(LocalDate.of(3000, 1, 1), null)).isFalse();
    assertThat(check.isValid(LocalDate.of(-4800, 1, 1), null)).isFalse();
  }

  @Test
  void aCutNeverSplitsASurrogatePair() {
    String emoji = "ab\uD83D\uDE00cd";
    assertThat(Texts.cut(emoji, 3)).isEqualTo("ab");
    assertThat(Texts.cut(emoji, 4)).isEqualTo("ab\uD83D\uDE00");
    assertThat(Texts.cut(emoji, 2)).isEqualTo("ab");
    assertThat(Texts.cut("\uD83D\uDE00", 1)).isEmpty();
    assertThat(Texts.cut("abc", 0)).isEmpty();
    assertThat(Texts.cut("abc", 3)).isEqualTo("abc");
    assertThat(Texts.cut(null, 3)).isNull();
  }

  @Test
  void shortenedTextAndExcerptsKeepEmojiWhole() {
    assertThat(Texts.shorten("ab\uD83D\uDE00cd", 4)).isEqualTo("ab\u2026");
    assertThat(Texts.shorten("abcde", 5)).isEqualTo("abcde");
    assertThat(Texts.shorten("abcdef", 5)).isEqualTo("abcd\u2026").hasSize(5);
    String marker = " [...] (shortened: the full text is on the case thread)";
    int keep = Texts.EXCERPT_LENGTH - marker.length();
    String text = "a".repeat(keep - 1) + "\uD83D\uDE00" + "b".repeat(100);
    assertThat(Texts.excerpt(text)).isEqualTo("a".repeat(keep - 1) + marker);
  }

  @Test
  void aNulAtTheStartIsRemovedToo() {
    assertThat(Texts.storable("\u0000abc")).isEqualTo("abc");
    assertThat(Texts.storable("")).isEmpty();
  }

  @Test
  void controlCharactersAtTheEdgesOfTheAllowedRange() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule().addDeserializer(String.class,
        new StrictJson.Text()));
    assertThat(json.readValue("\" \\u007e~\"", String.class)).isEqualTo(" ~~");
    assertThatThrownBy(() -> json.readValue("\"\\u001f\"", String.class)).isInstanceOf(JsonMappingException.class);
    assertThat(json.readValue("{\"a\":null}", java.util.Map.class)).containsEntry("a", null);
    assertThat(json.readValue("\"\\u00e9\\u0080\"", String.class)).isEqualTo("\u00e9\u0080");
  }

  @Test
  void theStrictTextRuleIsPartOfTheApplicationsJson() throws Exception {
    org.springframework.http.converter.json.Jackson2ObjectMapperBuilder builder =
        new org.springframework.http.converter.json.Jackson2ObjectMapperBuilder();
    new StrictJson().strictValues().customize(builder);
    ObjectMapper json = builder.build();
    record Named(String name) {}
    assertThatThrownBy(() -> json.readValue("{\"name\":\"a\\u0000\"}", Named.class))
        .isInstanceOf(JsonMappingException.class).hasMessageContaining(StrictJson.TEXT_RULE);
    assertThat(json.readValue("{\"name\":\"a\\tb\"}", Named.class).name()).isEqualTo("a\tb");
  }
}
