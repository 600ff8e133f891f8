package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;

class AttachmentsTest {
  static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10};
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
  static final byte[] PDF = "%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII);
  static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII);
  static final byte[] HEIC = "\0\0\0\u0018ftypheic\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);

  private final Attachments attachments = new Attachments(null, null);

  @Test
  void aFileIsWhatItsFirstBytesSayNotWhatItsNameSays() {
    assertThat(Attachments.typeOf(JPEG)).contains("image/jpeg");
    assertThat(Attachments.typeOf(PNG)).contains("image/png");
    assertThat(Attachments.typeOf(PDF)).contains("application/pdf");
    assertThat(Attachments.typeOf(WEBP)).contains("image/webp");
    assertThat(Attachments.typeOf(HEIC)).contains("image/heic");
    assertThat(Attachments.typeOf("\0\0\0\u0018ftypmp42\0\0".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(Attachments.typeOf("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(Attachments.typeOf("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(Attachments.typeOf("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(Attachments.typeOf(new byte[]{(byte) 0xff, (byte) 0xd8})).isEmpty();
    assertThat(Attachments.typeOf(new byte[0])).isEmpty();
    // Exactly as long as the signature is enough.
    assertThat(Attachments.typeOf(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff})).contains("image/jpeg");
    assertThat(Attachments.typeOf("%PDF-".getBytes(StandardCharsets.US_ASCII))).contains("application/pdf");
    assertThat(Attachments.typeOf("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1))).contains("image/heic");
    assertThat(Attachments.typeOf("\0\0\0\u0018ftyphei".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(Attachments.typeOf("%PDF".getBytes(StandardCharsets.US_ASCII))).isEmpty();
  }

  @Test
  void aNameIsShownWithoutPathQuotesOrControlCharacters() {
    assertThat(Attachments.cleanName("C:\\Users\\me\\receipt.pdf", "application/pdf")).isEqualTo("receipt.pdf");
    assertThat(Attachments.cleanName("../../etc/passwd", "image/png")).isEqualTo("passwd");
    assertThat(Attachments.cleanName("a\"b<c>\r\nd.jpg", "image/jpeg")).isEqualTo("abcd.jpg");
    assertThat(Attachments.cleanName(null, "image/jpeg")).isEqualTo("attachment.jpeg");
    assertThat(Attachments.cleanName("..", "application/pdf")).isEqualTo("attachment.pdf");
    assertThat(Attachments.cleanName("x".repeat(300) + ".png", "image/png")).hasSize(200).endsWith(".png");
    String exactly = "y".repeat(196) + ".png";
    assertThat(Attachments.cleanName(exactly, "image/png")).isEqualTo(exactly);
  }

  @Test
  void everyFileIsCheckedBeforeAnyIsKept() {
    assertThat(attachments.check(List.of(new Attachments.Upload("a.jpg", JPEG), new Attachments.Upload("b", PDF))))
        .containsExactly("image/jpeg", "application/pdf");
    assertThatThrownBy(() -> attachments.check(List.of(new Attachments.Upload("a.jpg", JPEG),
        new Attachments.Upload("evil.exe", "MZ".getBytes(StandardCharsets.US_ASCII)))))
        .isInstanceOfSatisfying(Attachments.Refused.class, r -> {
          assertThat(r.index()).isEqualTo(1);
          assertThat(r.tooLarge()).isFalse();
          assertThat(r.getMessage()).contains("not a photo");
        });
    byte[] huge = new byte[Attachments.MAX_BYTES + 1];
    System.arraycopy(JPEG, 0, huge, 0, JPEG.length);
    assertThatThrownBy(() -> attachments.check(List.of(new Attachments.Upload("big.jpg", huge))))
        .isInstanceOfSatisfying(Attachments.Refused.class, r -> {
          assertThat(r.index()).isZero();
          assertThat(r.tooLarge()).isTrue();
          assertThat(r.getMessage()).contains("10 MB");
        });
    byte[] exactly = new byte[Attachments.MAX_BYTES];
    System.arraycopy(JPEG, 0, exactly, 0, JPEG.length);
    assertThat(attachments.check(List.of(new Attachments.Upload("max.jpg", exactly)))).containsExactly("image/jpeg");
    assertThatThrownBy(() -> attachments.check(List.of(new Attachments.Upload("empty.jpg", new byte[0]))))
        .hasMessage("is empty");
  }

  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final Attachments stored = new Attachments(jdbc,
      Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void caseHolding(Long caseId, int files, List<Long> existing) {
    java.sql.ResultSet row = mock(java.sql.ResultSet.class);
    try {
      when(row.next()).thenReturn(caseId != null);
      when(row.getLong(1)).thenReturn(caseId == null ? 0L : caseId);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    when(jdbc.query(anyString(), any(ResultSetExtractor.class), eq("SC-1")))
        .thenAnswer(call -> ((ResultSetExtractor) call.getArgument(1)).extractData(row));
    when(jdbc.queryForObject(anyString(), eq(Integer.class), eq(caseId))).thenReturn(files);
    when(jdbc.queryForList(anyString(), eq(Long.class), eq(caseId), anyString())).thenReturn(existing);
    when(jdbc.queryForObject(anyString(), eq(Long.class), any(Object[].class))).thenReturn(42L);
  }

  @Test
  void aNewFileIsKeptWithItsTypeSizeAndSource() throws Exception {
    caseHolding(7L, 0, List.of());
    List<Attachments.Stored> kept = stored.store("SC-1", List.of(new Attachments.Upload("C:\\a\\dent.jpg", JPEG)),
        Attachments.Source.STATUS_PAGE, "customer");
    assertThat(kept).containsExactly(new Attachments.Stored(42L, "dent.jpg", "image/jpeg", JPEG.length, false));
    verify(jdbc).queryForObject(org.mockito.ArgumentMatchers.contains("insert into aftersales.attachment"),
        eq(Long.class), eq(7L), eq("dent.jpg"), eq("image/jpeg"), eq(JPEG.length),
        eq(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(JPEG))),
        eq(JPEG),
        eq("STATUS_PAGE"), eq("customer"), eq(java.sql.Timestamp.from(Instant.parse("2026-12-06T10:00:00Z"))));
  }

  @Test
  void bytesTheCaseAlreadyHasAreNotKeptAgain() {
    caseHolding(7L, 1, List.of(5L));
    assertThat(stored.store("SC-1", List.of(new Attachments.Upload("again.jpg", JPEG)), Attachments.Source.MAIL, "x"))
        .containsExactly(new Attachments.Stored(5L, "again.jpg", "image/jpeg", JPEG.length, true));
    verify(jdbc, never()).queryForObject(org.mockito.ArgumentMatchers.contains("insert"), eq(Long.class),
        any(Object[].class));
  }

  @Test
  void aCaseHoldsAtMostThirtyFiles() {
    caseHolding(7L, Attachments.MAX_PER_CASE - 1, List.of());
    assertThat(stored.store("SC-1", List.of(new Attachments.Upload("last.jpg", JPEG)), Attachments.Source.MAIL, "x"))
        .hasSize(1);
    caseHolding(7L, Attachments.MAX_PER_CASE, List.of());
    assertThatThrownBy(() -> stored.store("SC-1", List.of(new Attachments.Upload("one-too-many.pdf", PDF)),
        Attachments.Source.MAIL, "x")).isInstanceOfSatisfying(Attachments.Refused.class,
            r -> assertThat(r.getMessage()).contains("more than 30 files"));
  }

  @Test
  void noCaseNoFiles() {
    caseHolding(null, 0, List.of());
    assertThatThrownBy(() -> stored.store("SC-1", List.of(new Attachments.Upload("a.jpg", JPEG)),
        Attachments.Source.MAIL, "x")).isInstanceOf(CaseNotFoundException.class);
  }

  @Test
  void aMailKeepsItsAcceptableFilesAndNamesTheOthers() {
    caseHolding(7L, 0, List.of());
    Attachments.Kept kept = stored.keepAccepted("SC-1", List.of(new Attachments.Upload("dent.jpg", JPEG),
        new Attachments.Upload("tool.exe", "MZ".getBytes(StandardCharsets.US_ASCII))), Attachments.Source.MAIL,
        "a@b.example");
    assertThat(kept.stored()).extracting(Attachments.Stored::fileName).containsExactly("dent.jpg");
    assertThat(kept.notKept()).singleElement().asString().startsWith("tool.exe is not a photo");

    Attachments.Kept none = stored.keepAccepted("SC-1", List.of(new Attachments.Upload("x.zip", "PK".getBytes(
        StandardCharsets.US_ASCII))), Attachments.Source.MAIL, "a@b.example");
    assertThat(none.stored()).isEmpty();
    assertThat(none.notKept()).hasSize(1);

    caseHolding(7L, Attachments.MAX_PER_CASE, List.of());
    Attachments.Kept full = stored.keepAccepted("SC-1", List.of(new Attachments.Upload("dent.jpg", JPEG)),
        Attachments.Source.MAIL, "a@b.example");
    assertThat(full.stored()).isEmpty();
    assertThat(full.notKept()).singleElement().asString().contains("dent.jpg", "more than 30 files");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  @Test
  void filesAreListedAndReadBackAsStored() throws Exception {
    java.sql.ResultSet row = mock(java.sql.ResultSet.class);
    when(row.getLong(1)).thenReturn(3L);
    when(row.getString(1)).thenReturn("dent.jpg");
    when(row.getString(2)).thenReturn("dent.jpg", "image/jpeg");
    when(row.getString(3)).thenReturn("image/jpeg");
    when(row.getInt(4)).thenReturn(6);
    when(row.getString(5)).thenReturn("MAIL");
    when(row.getTimestamp(6)).thenReturn(java.sql.Timestamp.from(Instant.parse("2026-12-06T10:00:00Z")));
    when(row.getBytes(3)).thenReturn(JPEG);
    when(jdbc.query(anyString(), any(org.springframework.jdbc.core.RowMapper.class), eq("SC-1")))
        .thenAnswer(call -> List.of(((org.springframework.jdbc.core.RowMapper) call.getArgument(1)).mapRow(row, 0)));
    assertThat(stored.list("SC-1")).containsExactly(new Attachments.Listed(3L, "dent.jpg", "image/jpeg", 6, "MAIL",
        Instant.parse("2026-12-06T10:00:00Z")));

    java.sql.ResultSet content = mock(java.sql.ResultSet.class);
    when(content.getString(1)).thenReturn("dent.jpg");
    when(content.getString(2)).thenReturn("image/jpeg");
    when(content.getBytes(3)).thenReturn(JPEG);
    when(jdbc.query(anyString(), any(org.springframework.jdbc.core.RowMapper.class), eq("SC-1"), eq(3L)))
        .thenAnswer(call -> List.of(((org.springframework.jdbc.core.RowMapper) call.getArgument(1)).mapRow(content,
            0)));
    Attachments.Content file = stored.content("SC-1", 3L).orElseThrow();
    assertThat(file.fileName()).isEqualTo("dent.jpg");
    assertThat(file.contentType()).isEqualTo("image/jpeg");
    assertThat(file.bytes()).isEqualTo(JPEG);
    when(jdbc.query(anyString(), any(org.springframework.jdbc.core.RowMapper.class), eq("SC-1"), eq(4L)))
        .thenReturn(List.of());
    assertThat(stored.content("SC-1", 4L)).isEmpty();
  }
}
