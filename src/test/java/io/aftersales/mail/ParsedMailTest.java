package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ParsedMailTest {

  private static ParsedMail parse(String headers, String body) throws Exception {
    String raw = "Message-ID: <m1@example.com>\r\nFrom: Maria <maria@example.com>\r\nTo: service@aftersales.local\r\n"
        + "Subject: Test\r\nMIME-Version: 1.0\r\n" + headers + "\r\n" + body + "\r\n";
    return ParsedMail.parse(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void htmlOnlyMailReadsAsAPersonWroteIt() throws Exception {
    ParsedMail mail = parse("Content-Type: text/html; charset=UTF-8\r\n",
        """
            <html><head><style>p{color:red}</style></head><body><p>Der Topf &quot;KW-PAN-28&quot; kostet 49&nbsp;&euro;.
            <!-- note: internal --></p><p>Viele Gr&uuml;&szlig;e<br>Maria &amp; Paul</p><script>alert(1)</script></body></html>""");
    assertThat(mail.text()).contains("Der Topf \"KW-PAN-28\" kostet 49 €.").contains("Viele Grüße\nMaria & Paul")
        .doesNotContain("note").doesNotContain("-->").doesNotContain("&quot;", "&euro;", "&uuml;", "&nbsp;")
        .doesNotContain("alert").doesNotContain("color");
    assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.PERSONAL);
  }

  @Test
  void autoRepliesBulkMailAndBouncesAreToldApart() throws Exception {
    assertThat(parse("Auto-Submitted: auto-replied\r\nContent-Type: text/plain\r\n", "I am out of office.").kind())
        .isEqualTo(ParsedMail.Kind.AUTO_REPLY);
    assertThat(parse("Auto-Submitted: no\r\nContent-Type: text/plain\r\n", "A person.").kind())
        .isEqualTo(ParsedMail.Kind.PERSONAL);
    assertThat(parse("X-Autoreply: yes\r\nContent-Type: text/plain\r\n", "Away.").kind())
        .isEqualTo(ParsedMail.Kind.AUTO_REPLY);
    assertThat(parse("Precedence: bulk\r\nContent-Type: text/plain\r\n", "Newsletter").kind())
        .isEqualTo(ParsedMail.Kind.BULK);
    assertThat(parse("List-Id: <offers.example.com>\r\nContent-Type: text/plain\r\n", "List").kind())
        .isEqualTo(ParsedMail.Kind.BULK);
    assertThat(parse("Return-Path: <>\r\nContent-Type: text/plain\r\n", "Undeliverable").kind())
        .isEqualTo(ParsedMail.Kind.BOUNCE);
  }

  @Test
  void aDeliveryReportNamesTheMessageThatBounced() throws Exception {
    String raw = """
        Message-ID: <dsn1@mx.example.com>\r
        From: Mail Delivery System <MAILER-DAEMON@mx.example.com>\r
        To: service@aftersales.local\r
        Subject: Undelivered Mail Returned to Sender\r
        MIME-Version: 1.0\r
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r
        \r
        --b\r
        Content-Type: text/plain\r
        \r
        The mail could not be delivered: mailbox unknown.\r
        --b\r
        Content-Type: message/delivery-status\r
        \r
        Reporting-MTA: dns; mx.example.com\r
        \r
        Final-Recipient: rfc822; nobody@example.com\r
        Action: failed\r
        Status: 5.1.1\r
        --b\r
        Content-Type: text/rfc822-headers\r
        \r
        Message-ID: <SC-2026-000042.acknowledgement.1@aftersales.local>\r
        Subject: [SC-2026-000042] Kettle\r
        --b--\r
        """;
    ParsedMail mail = ParsedMail.parse(raw.getBytes(StandardCharsets.UTF_8));
    assertThat(mail.kind()).isEqualTo(ParsedMail.Kind.BOUNCE);
    assertThat(mail.referencedIds()).contains("<SC-2026-000042.acknowledgement.1@aftersales.local>")
        .doesNotContain("<dsn1@mx.example.com>");
  }

  @Test
  void anHtmlTableKeepsARowPerLine() {
    assertThat(ParsedMail.htmlToText("<h1>Order</h1><table><tr><td>KW-PAN-28</td><td>49 &euro;</td></tr>"
        + "<tr><td>SP-LID-28</td><td>12 &euro;</td></tr></table><p>Thanks</p>"))
        .isEqualTo("Order\nKW-PAN-28 49 €\nSP-LID-28 12 €\n\nThanks");
  }

  @Test
  void theFilesOfAPersonsMailAreEveryPartButItsText() throws Exception {
    String photo = java.util.Base64.getMimeEncoder().encodeToString(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff});
    String body = "--b\r\nContent-Type: multipart/alternative; boundary=\"a\"\r\n\r\n"
        + "--a\r\nContent-Type: text/plain\r\n\r\nSee the photo.\r\n"
        + "--a\r\nContent-Type: text/html\r\n\r\n<p>See the photo.</p>\r\n--a--\r\n"
        + "--b\r\nContent-Type: image/jpeg\r\nContent-Disposition: inline; filename=\"=?UTF-8?Q?Delle_gro=C3=9F.jpg?=\"\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n" + photo + "\r\n"
        + "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"notes.txt\"\r\n\r\n"
        + "attached text\r\n"
        + "--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: forwarded\r\n\r\nold\r\n--b--";
    ParsedMail mail = parse("Content-Type: multipart/mixed; boundary=\"b\"\r\n", body);
    assertThat(mail.text()).isEqualTo("See the photo.");
    assertThat(mail.files()).extracting(ParsedMail.File::name).containsExactly("Delle groß.jpg", "notes.txt");
    assertThat(mail.files().get(0).bytes()).containsExactly((byte) 0xff, (byte) 0xd8, (byte) 0xff);
    // An automatic reply's files are not the customer's: none kept.
    assertThat(parse("Auto-Submitted: auto-replied\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n", body)
        .files()).isEmpty();
    // A plain text mail has none.
    assertThat(parse("Content-Type: text/plain\r\n", "Hello").files()).isEmpty();
  }

  @Test
  void aMailOfManyPartsGivesAtMostItsFirstTwentyFiles() throws Exception {
    StringBuilder body = new StringBuilder("--b\r\nContent-Type: text/plain\r\n\r\nMany.\r\n");
    for (int i = 0; i < 30; i++) {
      body.append("--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"f").append(i)
          .append(".pdf\"\r\n\r\n%PDF-").append(i).append("\r\n");
    }
    body.append("--b--");
    ParsedMail mail = parse("Content-Type: multipart/mixed; boundary=\"b\"\r\n", body.toString());
    assertThat(mail.files()).hasSize(ParsedMail.MAX_FILES);
    assertThat(mail.files().get(19).name()).isEqualTo("f19.pdf");
  }
}
