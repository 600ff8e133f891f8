package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aftersales.mail.ParsedMail.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** ParsedMail in detail: keys, kinds, threading ids, subjects and the text of every shape of body. */
class ParsedMailDetailsTest {

  private static byte[] bytes(String raw) {
    return raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String mail(String headers, String body) {
    return "Message-ID: <m1@example.com>\nFrom: Maria Rossi <maria@example.com>\nTo: service@aftersales.local\n"
        + "Subject: Kettle\nMIME-Version: 1.0\n" + headers + "\n" + body + "\n";
  }

  private static ParsedMail parse(String headers, String body) throws Exception {
    return ParsedMail.parse(bytes(mail(headers, body)));
  }

  private static Kind kind(String headers) throws Exception {
    return parse(headers + "Content-Type: text/plain\n", "text").kind();
  }

  private static String sha256(byte[] b) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  // --- ledger keys -------------------------------------------------------------------------------------

  @Test
  void theLedgerKeyIsTheMessageIdTrimmed() {
    assertThat(ParsedMail.ledgerKey(bytes("Message-ID:   <a@b.example>  \nFrom: x@y.example\n\nhi\n")))
        .isEqualTo("<a@b.example>");
  }

  @Test
  void aMessageWithoutIdIsKeyedByTheHashOfItsBytesStably() throws Exception {
    byte[] raw = bytes("From: x@y.example\nSubject: a\n\nhi\n");
    byte[] other = bytes("From: x@y.example\nSubject: b\n\nhi\n");
    assertThat(ParsedMail.ledgerKey(raw)).isEqualTo(sha256(raw)).isEqualTo(ParsedMail.ledgerKey(raw.clone()));
    assertThat(ParsedMail.ledgerKey(other)).isNotEqualTo(ParsedMail.ledgerKey(raw));
  }

  @Test
  void aBlankMessageIdIsKeyedByTheBytes() throws Exception {
    byte[] raw = bytes("Message-ID:    \nFrom: x@y.example\n\nhi\n");
    assertThat(ParsedMail.ledgerKey(raw)).isEqualTo(sha256(raw));
  }

  @Test
  void anIdOf400CharactersIsAKeyButOneOf401IsHashed() throws Exception {
    String id400 = "<" + "a".repeat(386) + "@example.com>";
    assertThat(id400).hasSize(400);
    assertThat(ParsedMail.ledgerKey(bytes("Message-ID: " + id400 + "\nFrom: x@y.example\n\nhi\n"))).isEqualTo(id400);
    String id401 = "<" + "a".repeat(387) + "@example.com>";
    byte[] raw = bytes("Message-ID: " + id401 + "\nFrom: x@y.example\n\nhi\n");
    assertThat(ParsedMail.ledgerKey(raw)).isEqualTo(sha256(id401.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(ParsedMail.ledgerKey(raw.clone()));
  }

  @Test
  void controlCharactersInTheIdAreHashed() throws Exception {
    String withTab = "<a\tb@example.com>";
    assertThat(ParsedMail.ledgerKey(bytes("Message-ID: " + withTab + "\nFrom: x@y.example\n\nhi\n")))
        .isEqualTo(sha256(withTab.getBytes(StandardCharsets.UTF_8)));
    String withDel = "<a\u007fb@example.com>";
    assertThat(ParsedMail.ledgerKey(bytes("Message-ID: " + withDel + "\nFrom: x@y.example\n\nhi\n")))
        .isEqualTo(sha256(withDel.getBytes(StandardCharsets.UTF_8)));
    // space (0x20) and '~' (0x7e) are fine
    assertThat(ParsedMail.ledgerKey(bytes("Message-ID: <a b~@example.com>\nFrom: x@y.example\n\nhi\n")))
        .isEqualTo("<a b~@example.com>");
  }

  @Test
  void parseUsesTheSameKeyAsTheLedger() throws Exception {
    String longId = "<" + "z".repeat(500) + "@example.com>";
    byte[] raw = bytes("Message-ID: " + longId + "\nFrom: maria@example.com\nContent-Type: text/plain\n\nHi\n");
    assertThat(ParsedMail.parse(raw).messageId()).isEqualTo(ParsedMail.ledgerKey(raw)).startsWith("sha256:");
    byte[] noId = bytes("From: maria@example.com\nContent-Type: text/plain\n\nHi\n");
    assertThat(ParsedMail.parse(noId).messageId()).isEqualTo(sha256(noId));
    assertThat(parse("Content-Type: text/plain\n", "Hi").messageId()).isEqualTo("<m1@example.com>");
  }

  // --- headline ---------------------------------------------------------------------------------------

  @Test
  void theHeadlineIsSenderAndSubject() {
    assertThat(ParsedMail.headline(bytes(mail("", "x")))).containsExactly("Maria Rossi <maria@example.com>", "Kettle");
    assertThat(ParsedMail.headline(bytes("Subject: only\n\nx\n"))).containsExactly(null, "only");
  }

  // --- sender -----------------------------------------------------------------------------------------

  @Test
  void aMailWithoutAUsableSenderIsUnreadable() {
    assertThatThrownBy(() -> ParsedMail.parse(bytes("Subject: x\nContent-Type: text/plain\n\nHi\n")))
        .isInstanceOf(ParsedMail.UnreadableMailException.class).hasMessage("no sender address");
    assertThatThrownBy(() -> ParsedMail.parse(bytes("From: nobody\nContent-Type: text/plain\n\nHi\n")))
        .isInstanceOf(ParsedMail.UnreadableMailException.class).hasMessage("no sender address");
    assertThatThrownBy(() -> ParsedMail.parse(bytes("From: \nContent-Type: text/plain\n\nHi\n")))
        .isInstanceOf(ParsedMail.UnreadableMailException.class).hasMessage("no sender address");
  }

  @Test
  void senderAddressAndNameAreRead() throws Exception {
    ParsedMail m = parse("Content-Type: text/plain\n", "Hi");
    assertThat(m.fromAddress()).isEqualTo("maria@example.com");
    assertThat(m.fromName()).isEqualTo("Maria Rossi");
  }

  // --- kinds ------------------------------------------------------------------------------------------

  @Test
  void bouncesAreRecognisedByEachSign() throws Exception {
    assertThat(kind("Return-Path:  <>  \n")).isEqualTo(Kind.BOUNCE);
    assertThat(kind("Return-Path: <bounces@example.com>\n")).isEqualTo(Kind.PERSONAL);
    assertThat(ParsedMail.parse(bytes("From: MAILER-DAEMON@mx.example\nContent-Type: text/plain\n\nx\n")).kind())
        .isEqualTo(Kind.BOUNCE);
    assertThat(ParsedMail.parse(bytes("From: Postmaster@mx.example\nContent-Type: text/plain\n\nx\n")).kind())
        .isEqualTo(Kind.BOUNCE);
    assertThat(ParsedMail.parse(bytes("From: postmasters@mx.example\nContent-Type: text/plain\n\nx\n")).kind())
        .isEqualTo(Kind.PERSONAL);
    assertThat(parse("Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\n",
        "--b\nContent-Type: text/plain\n\nfailed\n--b--").kind()).isEqualTo(Kind.BOUNCE);
  }

  @Test
  void aBounceOutranksAutoReplyAndBulkHeaders() throws Exception {
    assertThat(kind("Return-Path: <>\nAuto-Submitted: auto-replied\nPrecedence: bulk\n")).isEqualTo(Kind.BOUNCE);
    assertThat(kind("Auto-Submitted: auto-generated\nPrecedence: bulk\n")).isEqualTo(Kind.AUTO_REPLY);
  }

  @Test
  void autoRepliesAreRecognisedByEachHeader() throws Exception {
    assertThat(kind("Auto-Submitted: auto-generated\n")).isEqualTo(Kind.AUTO_REPLY);
    assertThat(kind("Auto-Submitted:  NO \n")).isEqualTo(Kind.PERSONAL);
    assertThat(kind("X-Autoreply: yes\n")).isEqualTo(Kind.AUTO_REPLY);
    assertThat(kind("X-Autorespond: yes\n")).isEqualTo(Kind.AUTO_REPLY);
    assertThat(kind("")).isEqualTo(Kind.PERSONAL);
  }

  @Test
  void bulkMailIsRecognisedByEachHeader() throws Exception {
    assertThat(kind("Precedence: bulk\n")).isEqualTo(Kind.BULK);
    assertThat(kind("Precedence:  List \n")).isEqualTo(Kind.BULK);
    assertThat(kind("Precedence: junk\n")).isEqualTo(Kind.BULK);
    assertThat(kind("Precedence: first-class\n")).isEqualTo(Kind.PERSONAL);
    assertThat(kind("Precedence: bulky\n")).isEqualTo(Kind.PERSONAL);
    assertThat(kind("List-Id: <news.example.com>\n")).isEqualTo(Kind.BULK);
  }

  // --- threading ----------------------------------------------------------------------------------------

  @Test
  void referencedIdsComeFromInReplyToThenReferences() throws Exception {
    ParsedMail m = parse("In-Reply-To: <r1@x>\nReferences: <r0@x>   junk <r1@x>\n <r2@x>\nContent-Type: text/plain\n",
        "Hi");
    assertThat(m.referencedIds()).containsExactly("<r1@x>", "<r0@x>", "<r1@x>", "<r2@x>");
    assertThat(parse("Content-Type: text/plain\n", "Hi").referencedIds()).isEmpty();
    assertThat(parse("In-Reply-To: r1@x <half\nContent-Type: text/plain\n", "Hi").referencedIds()).isEmpty();
  }

  @Test
  void aBounceNamesTheOriginalIdsOnceButNeverItself() throws Exception {
    String raw = """
        Message-ID: <dsn@mx.example>
        From: MAILER-DAEMON@mx.example
        In-Reply-To: <known@aftersales.local>
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Type: text/plain

        failed
        --b
        Content-Type: text/rfc822-headers

        Original-Message-ID: <orig1@aftersales.local>
        Message-ID: <known@aftersales.local>
        message-id:   <orig2@aftersales.local>
        Message-ID: <dsn@mx.example>
        X-Message-ID: <not-this@x>
        --b--
        """;
    ParsedMail m = ParsedMail.parse(bytes(raw));
    assertThat(m.kind()).isEqualTo(Kind.BOUNCE);
    assertThat(m.referencedIds()).containsExactly("<known@aftersales.local>", "<orig1@aftersales.local>",
        "<orig2@aftersales.local>");
  }

  @Test
  void aPersonalMailQuotingMessageIdsReferencesOnlyItsHeaders() throws Exception {
    ParsedMail m = parse("Content-Type: text/plain\n", "Message-ID: <quoted@x>\nhello");
    assertThat(m.referencedIds()).isEmpty();
  }

  // --- subject --------------------------------------------------------------------------------------

  @Test
  void aMissingOrBlankSubjectReadsNoSubject() throws Exception {
    assertThat(ParsedMail.parse(bytes("From: maria@example.com\nContent-Type: text/plain\n\nHi\n")).subject())
        .isEqualTo("(no subject)");
    assertThat(ParsedMail.parse(bytes("From: maria@example.com\nSubject:    \nContent-Type: text/plain\n\nHi\n"))
        .subject()).isEqualTo("(no subject)");
    assertThat(
        ParsedMail.parse(bytes("From: maria@example.com\nSubject:  Lid broken  \nContent-Type: text/plain\n\nHi\n"))
            .subject())
        .isEqualTo("Lid broken");
  }

  // --- text -------------------------------------------------------------------------------------------

  @Test
  void plainTextIsStripped() throws Exception {
    assertThat(parse("Content-Type: text/plain; charset=UTF-8\n", "\n   The lid is broken.   \n\n").text())
        .isEqualTo("The lid is broken.");
  }

  @Test
  void inAlternativesPlainTextWinsOverHtmlWhereverItIs() throws Exception {
    ParsedMail m = parse("Content-Type: multipart/alternative; boundary=\"b\"\n", """
        --b
        Content-Type: text/html; charset=UTF-8

        <p>HTML version</p>
        --b
        Content-Type: text/plain; charset=UTF-8

        Plain version
        --b--""");
    assertThat(m.text()).isEqualTo("Plain version");
  }

  @Test
  void theFirstHtmlPartIsUsedWhenThereIsNoPlainText() throws Exception {
    ParsedMail m = parse("Content-Type: multipart/alternative; boundary=\"b\"\n", """
        --b
        Content-Type: image/png
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --b
        Content-Type: text/html; charset=UTF-8

        <p>First &amp; only</p>
        --b
        Content-Type: text/html; charset=UTF-8

        <p>Second</p>
        --b--""");
    assertThat(m.text()).isEqualTo("First & only");
  }

  @Test
  void attachmentsAreNotTheText() throws Exception {
    ParsedMail m = parse("Content-Type: multipart/mixed; boundary=\"b\"\n", """
        --b
        Content-Type: text/plain; charset=UTF-8
        Content-Disposition: ATTACHMENT; filename="log.txt"

        attached log
        --b
        Content-Type: text/plain; charset=UTF-8
        Content-Disposition: inline

        The message
        --b--""");
    assertThat(m.text()).isEqualTo("The message");
  }

  @Test
  void nestedMultipartsAreSearched() throws Exception {
    ParsedMail m = parse("Content-Type: multipart/mixed; boundary=\"outer\"\n", """
        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=UTF-8

        Nested text
        --inner--
        --outer
        Content-Type: text/plain; charset=UTF-8

        later text
        --outer--""");
    assertThat(m.text()).isEqualTo("Nested text");
  }

  @Test
  void aNestedPartWithoutTextDoesNotEndTheSearch() throws Exception {
    ParsedMail m = parse("Content-Type: multipart/mixed; boundary=\"outer\"\n", """
        --outer
        Content-Type: multipart/related; boundary="inner"

        --inner
        Content-Type: image/png

        xx
        --inner--
        --outer
        Content-Type: text/plain; charset=UTF-8

        After the picture
        --outer--""");
    assertThat(m.text()).isEqualTo("After the picture");
  }

  @Test
  void aForwardedMailInsideMultipartIsRead() throws Exception {
    ParsedMail m = parse("Content-Type: multipart/mixed; boundary=\"b\"\n", """
        --b
        Content-Type: message/rfc822

        From: other@example.com
        Subject: original
        Content-Type: text/plain; charset=UTF-8

        Forwarded words
        --b--""");
    assertThat(m.text()).isEqualTo("Forwarded words");
  }

  @Test
  void aForwardedMailAsTheOnlyContentIsRead() throws Exception {
    ParsedMail m = parse("Content-Type: message/rfc822\n", """
        From: other@example.com
        Subject: original
        Content-Type: text/html; charset=UTF-8

        <div>Forwarded</div><div>html</div>""");
    assertThat(m.text()).isEqualTo("Forwarded\nhtml");
  }

  @Test
  void htmlOnlyTopLevel() throws Exception {
    assertThat(parse("Content-Type: text/html; charset=UTF-8\n", "<p>Hallo&nbsp;Welt</p>").text())
        .isEqualTo("Hallo Welt");
  }

  @Test
  void attachmentOnlyPersonalMailGetsTheNoTextNotice() throws Exception {
    String body = """
        --b
        Content-Type: image/jpeg
        Content-Disposition: attachment; filename="photo.jpg"
        Content-Transfer-Encoding: base64

        /9j/4AAQ
        --b--""";
    assertThat(parse("Content-Type: multipart/mixed; boundary=\"b\"\n", body).text()).isEqualTo(ParsedMail.NO_TEXT);
    assertThat(parse("Precedence: bulk\nContent-Type: multipart/mixed; boundary=\"b\"\n", body).text()).isEmpty();
    assertThat(parse("Content-Type: image/png\n", "xx").text()).isEqualTo(ParsedMail.NO_TEXT);
  }

  @Test
  void anUnknownCharsetIsReadAsUtf8() throws Exception {
    assertThat(parse("Content-Type: text/plain; charset=x-no-such-charset\nContent-Transfer-Encoding: 8bit\n",
        "Grüße aus Köln").text()).isEqualTo("Grüße aus Köln");
  }

  @Test
  void undeclaredUtf8IsReadAsUtf8() throws Exception {
    assertThat(parse("Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n", "Café").text()).isEqualTo("Café");
    assertThat(parse("Content-Type: text/plain; charset=US-ASCII\nContent-Transfer-Encoding: 8bit\n", "Café").text())
        .isEqualTo("Café");
    assertThat(parse("Content-Type: text/plain; charset=\"\"\nContent-Transfer-Encoding: 8bit\n", "Café").text())
        .isEqualTo("Café");
  }

  @Test
  void aDeclaredCharsetIsRespected() throws Exception {
    String raw = mail("Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: 8bit\n", "Caf\u00e9");
    // the body bytes are ISO-8859-1: é is one byte 0xE9
    byte[] b = raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(ParsedMail.parse(b).text()).isEqualTo("Café");
  }

  @Test
  void undeclaredBytesThatAreNotUtf8StayAsDeclared() throws Exception {
    byte[] b = mail("Content-Type: text/plain\nContent-Transfer-Encoding: 8bit\n", "Caf\u00e9 ok").replace("\n", "\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    String text = ParsedMail.parse(b).text();
    assertThat(text).isEqualTo("Caf\u00e9 ok"); // read as declared (JavaMail maps it to ISO-8859-1), not as UTF-8
  }

  @Test
  void brokenBase64IsDecodedAsFarAsPossible() throws Exception {
    String encoded =
        java.util.Base64.getEncoder().encodeToString("Das Gerät ist kaputt.".getBytes(StandardCharsets.UTF_8));
    ParsedMail m = parse("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n",
        encoded.substring(0, 8) + "!*" + encoded.substring(8) + "%");
    assertThat(m.text()).isEqualTo("Das Gerät ist kaputt.");
  }

  @Test
  void brokenBase64InABodyPartIsDecodedAsFarAsPossible() throws Exception {
    String encoded = java.util.Base64.getEncoder().encodeToString("Teil kaputt".getBytes(StandardCharsets.UTF_8));
    ParsedMail m = parse("Content-Type: multipart/mixed; boundary=\"b\"\n", "--b\n"
        + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n"
        + encoded.substring(0, 4) + "*!" + encoded.substring(4) + "\n--b--");
    assertThat(m.text()).isEqualTo("Teil kaputt");
  }

  @Test
  void anUnknownTransferEncodingKeepsTheBytesAsText() throws Exception {
    assertThat(
        parse("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: x-strange\n", "Größe 42").text())
        .isEqualTo("Größe 42");
  }

  @Test
  void aDeclaredCharsetIsNotOverriddenByUtf8() throws Exception {
    // UTF-8 bytes under a declared ISO-8859-1: the declaration wins (only undeclared or US-ASCII text is re-read)
    assertThat(parse("Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: 8bit\n", "Café").text())
        .isEqualTo("Caf\u00c3\u00a9");
  }

  @Test
  void anUnknownTransferEncodingInABodyPartKeepsTheBytesAsText() throws Exception {
    ParsedMail m = parse("Content-Type: multipart/mixed; boundary=\"b\"\n", "--b\n"
        + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: x-strange\n\nTeil Größe\n--b--");
    assertThat(m.text()).isEqualTo("Teil Größe");
  }

  @Test
  void htmlToTextKeepsLinesAndCollapsesBlankOnes() {
    assertThat(ParsedMail.htmlToText("<div>a</div><div>b  </div><br><br><br><br>c&nbsp;d<ul><li>e</li><li>f</li></ul>"))
        .isEqualTo("a\nb\n\nc de\nf");
    assertThat(ParsedMail.htmlToText("<h1>T</h1><h2>x</h2><p>y</p>"))
        .isEqualTo("T\nx\ny");
  }
}
