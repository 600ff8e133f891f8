package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.IntegrationTestSupport;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A corpus of broken and hostile mails (broken MIME, NUL, over-long headers, huge bodies, bad charsets,
 * loops, bounces, forged replies), each with its expected outcome: every one gets exactly one ledger row
 * with a final status, is flagged \Seen only then, and none is lost. Mail a person wrote opens a case
 * with its text kept; automatic mail opens nothing; what cannot be read is FAILED and listed.
 */
class HostileMailIT extends IntegrationTestSupport {
  @Autowired
  MailboxPoller poller;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, Entry> corpus = new LinkedHashMap<>();

  /** One mail of the corpus: its raw bytes, the ledger status it must reach, and a check of what it became. */
  private record Entry(String name, byte[] raw, String expected, Consumer<Map<String, Object>> check) {}

  private String sender(String name) {
    return name.replaceAll("[^a-z0-9]", "") + "." + run + "@hostile.example.com";
  }

  private String id(String name) {
    return "<" + name.replaceAll("[^a-z0-9]", "") + "." + run + "@hostile.example.com>";
  }

  private void add(String name, String expected, String raw) {
    add(name, expected, raw.getBytes(StandardCharsets.UTF_8), row -> {
    });
  }

  private void add(String name, String expected, String raw, Consumer<Map<String, Object>> check) {
    add(name, expected, raw.getBytes(StandardCharsets.UTF_8), check);
  }

  private void add(String name, String expected, byte[] raw, Consumer<Map<String, Object>> check) {
    corpus.put(name, new Entry(name, raw, expected, check));
  }

  /** A well-formed mail with a unique sender and Message-ID, and these headers and body. */
  private String mail(String name, String headers, String body) {
    return "Message-ID: " + id(name) + "\r\nFrom: " + sender(name) + "\r\nTo: " + SERVICE_MAILBOX
        + "\r\nDate: Sun, 6 Dec 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" + headers + "\r\n" + body + "\r\n";
  }

  private String plain(String name, String subject, String body) {
    return mail(name, "Subject: " + subject + "\r\nContent-Type: text/plain; charset=UTF-8\r\n", body);
  }

  private String bodyOf(Map<String, Object> row) {
    return jdbc.queryForObject("select m.body from aftersales.case_message m join aftersales.service_case c"
        + " on c.id = m.case_id where c.case_number = ? and m.direction = 'INBOUND' order by m.id limit 1",
        String.class, row.get("case_number"));
  }

  private Consumer<Map<String, Object>> bodyContains(String... parts) {
    return row -> assertThat(bodyOf(row)).contains(parts).doesNotContain("\u0000");
  }

  private void buildCorpus(String victimCase, String victimAck) {
    String big = "The pan is dented. ".repeat(270_000); // about 5 MB
    // Mail a person wrote: opens a case, text kept.
    add("plain", "PROCESSED", plain("plain", "Kettle leaks", "My kettle leaks."), bodyContains("My kettle leaks."));
    add("html only", "PROCESSED", mail("html only", "Subject: Pan\r\nContent-Type: text/html; charset=UTF-8\r\n",
        "<p>&quot;KW-PAN-28&quot; costs 49&nbsp;&euro;</p><!-- hidden note --><script>alert(1)</script>Gr&uuml;&szlig;e"),
        row -> assertThat(bodyOf(row)).contains("\"KW-PAN-28\" costs 49 €", "Grüße")
            .doesNotContain("hidden note", "alert", "&quot;"));
    add("html with style", "PROCESSED", mail("html with style", "Subject: Style\r\nContent-Type: text/html\r\n",
        "<html><head><style>p{color:red}</style><title>t</title></head><body>Hello<br>there</body></html>"),
        row -> assertThat(bodyOf(row)).contains("Hello\nthere").doesNotContain("color"));
    add("nul in body", "PROCESSED", plain("nul in body", "NUL", "before\u0000after"), bodyContains("beforeafter"));
    add("nul in subject", "PROCESSED", plain("nul in subject", "Sub\u0000ject", "Text."), bodyContains("Text."));
    add("subject 10k", "PROCESSED", plain("subject 10k", "S".repeat(10_000), "Long subject."),
        row -> assertThat(bodyOf(row)).startsWith("Subject: SSSS").contains("Long subject."));
    add("from name 2k", "PROCESSED", mail("from name 2k", "Subject: Name\r\nContent-Type: text/plain\r\n", "Hi")
        .replace("From: " + sender("from name 2k"),
            "From: \"" + "N".repeat(2_000) + "\" <" + sender("from name 2k") + ">"),
        bodyContains("Hi"));
    add("message id 2k", "PROCESSED", plain("message id 2k", "Long id", "Long id.")
        .replace(id("message id 2k"), "<" + "i".repeat(2_000) + run + "@x>"), bodyContains("Long id."));
    add("no message id", "PROCESSED", plain("no message id", "No id", "No id.").replace("Message-ID: "
        + id("no message id") + "\r\n", ""), bodyContains("No id."));
    add("empty body", "PROCESSED", plain("empty body", "Empty", ""));
    add("no subject", "PROCESSED", mail("no subject", "Content-Type: text/plain\r\n", "No subject at all."),
        bodyContains("No subject at all."));
    add("huge body", "PROCESSED", plain("huge body", "Huge", big),
        row -> assertThat(bodyOf(row)).hasSize(big.strip().length()));
    add("one long line", "PROCESSED", plain("one long line", "Line", "x".repeat(1_000_000)),
        row -> assertThat(bodyOf(row)).hasSize(1_000_000));
    add("unknown charset", "PROCESSED", mail("unknown charset", "Subject: Charset\r\nContent-Type: text/plain;"
        + " charset=x-klingon\r\n", "Plain words."), bodyContains("Plain words."));
    add("latin1 declared", "PROCESSED", concat(mail("latin1 declared", "Subject: Latin\r\nContent-Type: text/plain;"
        + " charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n", "").getBytes(StandardCharsets.US_ASCII),
        "Grüße aus Köln\r\n".getBytes(StandardCharsets.ISO_8859_1)), bodyContains("Grüße aus Köln"));
    add("invalid utf8", "PROCESSED", concat(mail("invalid utf8", "Subject: Bytes\r\nContent-Type: text/plain;"
        + " charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n", "").getBytes(StandardCharsets.US_ASCII),
        new byte[]{'o', 'k', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, ' ', 'e', 'n', 'd', '\r', '\n'}),
        bodyContains("ok", "end"));
    add("8bit header", "PROCESSED", concat(("Message-ID: " + id("8bit header") + "\r\nFrom: " + sender("8bit header")
        + "\r\nSubject: ").getBytes(StandardCharsets.US_ASCII), "Grüße".getBytes(StandardCharsets.ISO_8859_1),
        "\r\nContent-Type: text/plain\r\n\r\nBody.\r\n".getBytes(StandardCharsets.US_ASCII)), bodyContains("Body."));
    add("broken encoded word", "PROCESSED", plain("broken encoded word", "=?utf-8?B?!!!notbase64?= and =?x?Q?",
        "Encoded words."), bodyContains("Encoded words."));
    add("encoded name", "PROCESSED", plain("encoded name", "=?utf-8?Q?Gr=C3=BC=C3=9Fe?=", "Name.")
        .replace("From: " + sender("encoded name"),
            "From: =?utf-8?Q?J=C3=BCrgen_M=C3=BCller?= <" + sender("encoded name") + ">"),
        row -> assertThat(jdbc.queryForObject("select u.name from aftersales.customer u join aftersales.service_case c"
            + " on c.customer_id = u.id where c.case_number = ?", String.class, row.get("case_number")))
            .isEqualTo("Jürgen Müller"));
    add("emoji and rtl", "PROCESSED",
        plain("emoji and rtl", "=?utf-8?B?" + java.util.Base64.getEncoder().encodeToString(
            "קומקום 🫖 broken".getBytes(StandardCharsets.UTF_8)) + "?=", "שלום 🫖"),
        bodyContains("שלום 🫖"));
    add("bad base64", "PROCESSED", mail("bad base64", "Subject: B64\r\nContent-Type: text/plain\r\n"
        + "Content-Transfer-Encoding: base64\r\n", "SGVsbG8gd29ybGQ=!!!%%%not base64"), bodyContains("Hello world"));
    add("bad quoted printable", "PROCESSED", mail("bad quoted printable", "Subject: QP\r\nContent-Type: text/plain\r\n"
        + "Content-Transfer-Encoding: quoted-printable\r\n", "Caf=C3=A9 =ZZ broken=\r\nline"), bodyContains("Café"));
    add("unknown transfer encoding", "PROCESSED", mail("unknown transfer encoding", "Subject: TE\r\n"
        + "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-weird\r\n", "Still text."),
        bodyContains("Still text."));
    add("no content type", "PROCESSED", mail("no content type", "Subject: CT\r\n", "Defaults to text."),
        bodyContains("Defaults to text."));
    add("unclosed multipart", "PROCESSED", mail("unclosed multipart", "Subject: MP\r\nContent-Type: multipart/mixed;"
        + " boundary=\"b\"\r\n", "--b\r\nContent-Type: text/plain\r\n\r\nFirst part, never closed.\r\n"),
        bodyContains("First part, never closed."));
    add("attachment only", "PROCESSED", mail("attachment only", "Subject: Photo\r\nContent-Type: multipart/mixed;"
        + " boundary=\"b\"\r\n",
        "--b\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename=dent.jpg"
            + "\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQSkZJRgABAQ==\r\n--b--"),
        bodyContains("no readable text"));
    add("forwarded mail only", "PROCESSED", mail("forwarded mail only",
        "Subject: Fwd\r\nContent-Type: message/rfc822\r\n",
        "From: shop@example.com\r\nSubject: Your order\r\nContent-Type: text/plain\r\n\r\nOrder EC-100002 shipped."),
        bodyContains("Order EC-100002 shipped."));
    add("deep nesting", "PROCESSED", mail("deep nesting", "Subject: Deep\r\n" + nested(60, "Deep inside."), ""),
        bodyContains("Deep inside."));
    add("alternative", "PROCESSED", mail("alternative", "Subject: Alt\r\nContent-Type: multipart/alternative;"
        + " boundary=\"a\"\r\n",
        "--a\r\nContent-Type: text/html\r\n\r\n<b>html</b>\r\n--a\r\nContent-Type: text/plain"
            + "\r\n\r\nplain wins\r\n--a--"),
        bodyContains("plain wins"));
    add("many headers", "PROCESSED", mail("many headers", "Subject: Headers\r\n" + "X-Filler: value\r\n".repeat(1_000)
        + "Content-Type: text/plain\r\n", "Many headers."), bodyContains("Many headers."));
    add("long header line", "PROCESSED", mail("long header line", "Subject: Header\r\nX-Long: " + "h".repeat(100_000)
        + "\r\nContent-Type: text/plain\r\n", "Long header."), bodyContains("Long header."));
    add("many references", "PROCESSED", plain("many references", "Refs", "Refs.").replace("Subject: Refs",
        "References: " + "<r@x> ".repeat(500) + "\r\nSubject: Refs"), bodyContains("Refs."));
    add("self reference", "PROCESSED", plain("self reference", "Self", "Self.").replace("Subject: Self",
        "In-Reply-To: " + id("self reference") + "\r\nSubject: Self"), bodyContains("Self."));
    add("garbage date", "PROCESSED", plain("garbage date", "Date", "Date.").replace("Sun, 6 Dec 2026 10:00:00 +0000",
        "the day after tomorrow"), bodyContains("Date."));
    add("two senders", "PROCESSED", plain("two senders", "Two", "Two.").replace("From: " + sender("two senders"),
        "From: " + sender("two senders") + ", other@example.com"), bodyContains("Two."));
    add("reply-to differs", "PROCESSED", plain("reply-to differs", "RT", "RT.").replace("Subject: RT",
        "Reply-To: someone.else@example.com\r\nSubject: RT"),
        row -> assertThat(jdbc.queryForObject("select u.email from"
            + " aftersales.customer u join aftersales.service_case c on c.customer_id = u.id where c.case_number = ?",
            String.class, row.get("case_number"))).isEqualTo(sender("reply-to differs")));
    add("header injection", "PROCESSED", plain("header injection", "Hi\r\n Bcc: victim@example.com", "Injected?"),
        bodyContains("Injected?"));
    add("auto-submitted no", "PROCESSED", plain("auto-submitted no", "Person", "A person.").replace("Subject: Person",
        "Auto-Submitted: no\r\nSubject: Person"), bodyContains("A person."));
    // Not readable: kept raw and listed.
    add("no from", "FAILED",
        "Message-ID: " + id("no from") + "\r\nSubject: ?\r\nContent-Type: text/plain\r\n\r\nhi\r\n");
    add("from without at", "FAILED", plain("from without at", "X", "x").replace("From: " + sender("from without at"),
        "From: not-an-address"));
    add("from group", "FAILED", plain("from group", "X", "x").replace("From: " + sender("from group"),
        "From: undisclosed-recipients:;"));
    add("missing boundary", "FAILED", mail("missing boundary", "Subject: MB\r\nContent-Type: multipart/mixed;"
        + " boundary=\"nowhere\"\r\n", "no boundary ever appears here"));
    add("only headers", "FAILED", ("Message-ID: " + id("only headers") + "\r\nX-Nothing: at all\r\n\r\n"));
    // Automatic mail: recorded, never answered (no mail loops).
    for (String[] loop : new String[][]{{"auto-replied", "Auto-Submitted: auto-replied"},
        {"auto-generated", "Auto-Submitted: auto-generated"}, {"x-autoreply", "X-Autoreply: yes"},
        {"x-autorespond", "X-Autorespond: yes"}, {"precedence bulk", "Precedence: bulk"},
        {"precedence list", "Precedence: list"}, {"precedence junk", "Precedence: junk"},
        {"list-id", "List-Id: <news.shop.example>"}}) {
      add(loop[0], "IGNORED",
          plain(loop[0], "Auto", "Automatic.").replace("Subject: Auto", loop[1] + "\r\nSubject: Auto"));
    }
    add("own address", "IGNORED", plain("own address", "Own", "Ours.").replace("From: " + sender("own address"),
        "From: Aftersales <SERVICE@aftersales.local>"));
    add("mailer-daemon", "BOUNCED",
        plain("mailer-daemon", "Undelivered", "Gone.").replace("From: " + sender("mailer-daemon"),
            "From: MAILER-DAEMON@" + run + ".example.com"));
    add("postmaster", "BOUNCED", plain("postmaster", "Undelivered", "Gone.").replace("From: " + sender("postmaster"),
        "From: postmaster@" + run + ".example.com"));
    add("null return path", "BOUNCED", plain("null return path", "Undelivered", "Gone.").replace("Subject: Undelivered",
        "Return-Path: <>\r\nSubject: Undelivered"));
    add("delivery report", "BOUNCED", mail("delivery report", "Subject: Failure\r\nContent-Type: multipart/report;"
        + " report-type=delivery-status; boundary=\"r\"\r\n",
        "--r\r\nContent-Type: text/plain\r\n\r\nUnknown user.\r\n"
            + "--r\r\nContent-Type: message/delivery-status\r\n\r\nStatus: 5.1.1\r\n--r\r\nContent-Type: text/rfc822-headers"
            + "\r\n\r\nMessage-ID: " + victimAck + "\r\n--r--"),
        row -> assertThat(row.get("case_number")).isEqualTo(victimCase));
    // Forged replies: never join the victim's case; a case of the sender's own, linked and flagged.
    Consumer<Map<String, Object>> apart = row -> {
      assertThat(row.get("case_number")).isNotEqualTo(victimCase);
      assertThat(jdbc.queryForObject("select contact_note from aftersales.service_case where case_number = ?",
          String.class, row.get("case_number"))).contains("Sender differs").contains(victimCase);
    };
    add("forged subject", "PROCESSED", plain("forged subject", "Re: [" + victimCase + "] send it to me", "Mine now."),
        apart);
    add("forged in-reply-to", "PROCESSED", plain("forged in-reply-to", "Re: your mail", "Refund me.")
        .replace("Subject: Re", "In-Reply-To: " + victimAck + "\r\nSubject: Re"), apart);
  }

  @Test
  void everyMailOfTheCorpusEndsAsExpectedAndNoneIsLost() throws Exception {
    String victim = uniqueEmail("victim");
    String created = post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"name":"Victor","email":"%s"},"subject":"Victim kettle","message":"Leaks."}"""
        .formatted(victim), json()).getBody();
    String victimCase = created.replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
    MimeMessage ack = awaitMail(victim, victimCase, 1).get(0);
    buildCorpus(victimCase, ack.getMessageID());
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);

    List<String> keys = new ArrayList<>();
    for (Entry entry : corpus.values()) {
      appendRaw(entry.raw());
    }
    int rounds = 0;
    while (settle(poller.poll()) > 0 && rounds++ < 10) {
      // more than one batch: poll again
    }

    List<String> problems = new ArrayList<>();
    for (Entry entry : corpus.values()) {
      String key = ParsedMail.ledgerKey(entry.raw());
      keys.add(key);
      List<Map<String, Object>> rows = jdbc.queryForList("select status, case_number, error, disposition"
          + " from aftersales.inbound_mail where ledger_key = ?", key);
      if (rows.size() != 1) {
        problems.add(entry.name() + ": " + rows.size() + " ledger rows");
        continue;
      }
      Map<String, Object> row = rows.get(0);
      if (!entry.expected().equals(row.get("status"))) {
        problems.add(entry.name() + ": expected " + entry.expected() + " but " + row);
        continue;
      }
      try {
        entry.check().accept(row);
      } catch (AssertionError e) {
        problems.add(entry.name() + ": " + e.getMessage());
      }
    }
    assertThat(problems).isEmpty();
    // Every message is flagged \Seen only because its row exists: none unseen, none without a row.
    assertThat(unseenInServiceMailbox()).isZero();
    // Failures are listed for the team leads.
    String failures = get("/api/mail/failures", jsonAs("tara")).getBody();
    assertThat(failures).contains(run);
    // Nothing automatic got an answer.
    for (String name : List.of("auto-replied", "precedence bulk", "mailer-daemon", "own address")) {
      assertThat(greenMail.getReceivedMessagesForDomain(sender(name))).as(name).isEmpty();
    }
  }

  private void appendRaw(byte[] raw) throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", imapPort, SERVICE_MAILBOX, "service");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      inbox.appendMessages(new Message[]{new MimeMessage(session, new ByteArrayInputStream(raw))});
      inbox.close(false);
    }
  }

  private static String nested(int depth, String text) {
    StringBuilder headers = new StringBuilder("Content-Type: multipart/mixed; boundary=\"n0\"\r\n\r\n");
    for (int i = 0; i < depth; i++) {
      headers.append("--n").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"n").append(i + 1)
          .append("\"\r\n\r\n");
    }
    headers.append("--n").append(depth).append("\r\nContent-Type: text/plain\r\n\r\n").append(text).append("\r\n");
    for (int i = depth; i >= 0; i--)
      headers.append("--n").append(i).append("--\r\n");
    return headers.toString();
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts)
      out.writeBytes(part);
    return out.toByteArray();
  }
}
