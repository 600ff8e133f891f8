package io.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
