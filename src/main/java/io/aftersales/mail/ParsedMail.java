package io.aftersales.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/** The parts of an inbound email a case needs, read from its raw RFC 5322 bytes. */
record ParsedMail(String messageId, String fromAddress, String fromName, String subject, String text,
    List<String> referencedIds, Kind kind, List<File> files) {

  /** A file the mail carries (attached or inline, not its text): kept with the case if it is one we accept. */
  record File(String name, byte[] bytes) {}

  /**
   * What sort of mail it is, by RFC 3834 and RFC 3464: only PERSONAL mail is answered automatically; the
   * others are recorded but never open a case or trigger a reply (no mail loops).
   */
  enum Kind {
    PERSONAL, AUTO_REPLY, BOUNCE, BULK
  }

  private static final java.util.regex.Pattern ORIGINAL_ID =
      java.util.regex.Pattern.compile("(?im)^(?:Original-)?Message-ID:\\s*(<[^<>\\s]+>)");

  static final String NO_TEXT = "(The mail has no readable text, only attachments or other content. The original"
      + " is in the service mailbox.)";

  private static final Session SESSION = Session.getInstance(new Properties());

  /** The ledger key: the Message-ID, or a hash of the bytes for a message without one. */
  static String ledgerKey(byte[] raw) {
    try {
      String id = new MimeMessage(SESSION, new ByteArrayInputStream(raw)).getMessageID();
      if (usableId(id)) return id.trim();
      // An over-long or control-character Message-ID cannot be a key: its hash is (still stable per message).
      if (id != null && !id.isBlank()) return "sha256:" + sha256(id.trim().getBytes(StandardCharsets.UTF_8));
    } catch (MessagingException e) {
      // fall through: unreadable headers still get a stable key
    }
    return "sha256:" + sha256(raw);
  }

  private static boolean usableId(String id) {
    return id != null && !id.isBlank() && id.strip().length() <= 400
        && id.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Best-effort sender and subject for the ledger, also for messages that fail to parse. */
  static String[] headline(byte[] raw) {
    try {
      MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      Address[] from = m.getFrom();
      return new String[]{from == null || from.length == 0 ? null : from[0].toString(), m.getSubject()};
    } catch (MessagingException e) {
      return new String[]{null, null};
    }
  }

  static ParsedMail parse(byte[] raw) throws UnreadableMailException {
    try {
      MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      Address[] from = m.getFrom();
      if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress sender)
          || sender.getAddress() == null || !sender.getAddress().contains("@")) {
        throw new UnreadableMailException("no sender address");
      }
      Kind kind = kindOf(m, sender.getAddress());
      String text = textOf(m);
      // A photo sent without a word is still a customer's request: the case opens, the agent reads the mailbox.
      if (text == null) text = kind == Kind.PERSONAL ? NO_TEXT : "";
      List<String> refs = new ArrayList<>();
      addIds(refs, m.getHeader("In-Reply-To", " "));
      addIds(refs, m.getHeader("References", " "));
      String subject = m.getSubject() == null || m.getSubject().isBlank() ? "(no subject)" : m.getSubject().trim();
      String messageId = m.getMessageID();
      String key = usableId(messageId) ? messageId.trim() : ledgerKey(raw);
      if (kind == Kind.BOUNCE) {
        // The bounced original's Message-ID sits in the report's attached headers, not in our headers.
        var ids = ORIGINAL_ID.matcher(new String(raw, StandardCharsets.ISO_8859_1));
        while (ids.find())
          if (!ids.group(1).equals(messageId) && !refs.contains(ids.group(1))) refs.add(ids.group(1));
      }
      List<File> files = new ArrayList<>();
      if (kind == Kind.PERSONAL) filesOf(m, files);
      return new ParsedMail(key, sender.getAddress(), sender.getPersonal(), subject, text.strip(), refs, kind, files);
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new UnreadableMailException(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Kind kindOf(MimeMessage m, String sender) throws MessagingException {
    String local = sender.substring(0, sender.indexOf('@')).toLowerCase(java.util.Locale.ROOT);
    String returnPath = m.getHeader("Return-Path", ",");
    if (m.isMimeType("multipart/report") || "<>".equals(returnPath == null ? null : returnPath.strip())
        || local.equals("mailer-daemon") || local.equals("postmaster")) {
      return Kind.BOUNCE;
    }
    String autoSubmitted = m.getHeader("Auto-Submitted", ",");
    if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")
        || m.getHeader("X-Autoreply") != null || m.getHeader("X-Autorespond") != null) {
      return Kind.AUTO_REPLY;
    }
    String precedence = m.getHeader("Precedence", ",");
    if (precedence != null && precedence.strip().toLowerCase(java.util.Locale.ROOT).matches("bulk|list|junk")
        || m.getHeader("List-Id") != null) {
      return Kind.BULK;
    }
    return Kind.PERSONAL;
  }

  private static void addIds(List<String> into, String header) {
    if (header == null) return;
    for (String token : header.split("\\s+")) {
      if (token.startsWith("<") && token.endsWith(">")) into.add(token);
    }
  }

  /** At most this many files of one mail are looked at (a mail of a thousand parts is not a customer's photos). */
  static final int MAX_FILES = 20;

  /**
   * The files of a mail: every part that is not its text (attachments, inline photos), depth-first; a part that
   * cannot be decoded is skipped rather than failing the mail.
   */
  private static void filesOf(Part part, List<File> into) throws MessagingException, IOException {
    if (into.size() >= MAX_FILES) return;
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount() && into.size() < MAX_FILES; i++)
        filesOf(multipart.getBodyPart(i), into);
      return;
    }
    boolean text = part.isMimeType("text/*") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    if (text || part.isMimeType("message/*") || part instanceof MimeMessage) return;
    try (var in = part.getInputStream()) {
      // One byte more than we keep: a larger file is refused by size, not cut.
      byte[] bytes = in.readNBytes(io.aftersales.cases.Attachments.MAX_BYTES + 1);
      String name = part.getFileName();
      if (name != null) name = jakarta.mail.internet.MimeUtility.decodeText(name);
      into.add(new File(name, bytes));
    } catch (IOException | MessagingException e) {
      // undecodable part: skipped
    }
  }

  /** text/plain wins; an HTML-only message is reduced to its text. */
  private static String textOf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) return contentString(part);
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      String html = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart body = multipart.getBodyPart(i);
        if (Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) continue;
        if (body.isMimeType("text/plain")) return contentString(body);
        String nested = body.isMimeType("multipart/*") || body.isMimeType("message/rfc822") ? textOf(body) : null;
        if (nested != null) return nested;
        if (body.isMimeType("text/html") && html == null) html = htmlToText(contentString(body));
      }
      return html;
    }
    if (part.isMimeType("text/html")) return htmlToText(contentString(part));
    // A forwarded mail as the only content: its text is the customer's message.
    if (part.isMimeType("message/rfc822") && part.getContent() instanceof Part inner) return textOf(inner);
    return null;
  }

  private static String contentString(Part part) throws MessagingException, IOException {
    Object content;
    try {
      content = part.getContent();
    } catch (java.io.UnsupportedEncodingException e) {
      // An unknown charset name: the bytes read as UTF-8 (invalid sequences become U+FFFD) beat no text.
      return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | MessagingException e) {
      // Broken base64, an unknown transfer encoding: decode what can be decoded rather than lose the text.
      return leniently(part);
    }
    if (content instanceof String s) return undeclaredCharset(part) ? utf8OrAsIs(part, s) : s;
    return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static boolean undeclaredCharset(Part part) {
    try {
      String charset = new jakarta.mail.internet.ContentType(part.getContentType()).getParameter("charset");
      return charset == null || charset.isBlank() || charset.strip().equalsIgnoreCase("us-ascii");
    } catch (MessagingException e) {
      return true;
    }
  }

  /**
   * Text without a declared charset (so US-ASCII by the standard) that is valid UTF-8 was written as UTF-8
   * by the sender's client: "Café", not "CafÃ©".
   */
  private static String utf8OrAsIs(Part part, String asDeclared) throws MessagingException, IOException {
    byte[] bytes = part.getInputStream().readAllBytes();
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return asDeclared;
    }
  }

  /** The part's bytes as sent, base64 decoded ignoring what is not base64, as UTF-8 text. */
  private static String leniently(Part part) throws MessagingException, IOException {
    byte[] raw;
    if (part instanceof jakarta.mail.internet.MimeBodyPart body) raw = body.getRawInputStream().readAllBytes();
    else if (part instanceof MimeMessage message) raw = message.getRawInputStream().readAllBytes();
    else
      throw new IOException("undecodable content");
    String encoding = part instanceof jakarta.mail.internet.MimePart mime ? mime.getEncoding() : null;
    if (encoding != null && encoding.strip().equalsIgnoreCase("base64")) {
      String alphabet = new String(raw, StandardCharsets.US_ASCII).replaceAll("[^A-Za-z0-9+/]", "");
      raw = java.util.Base64.getDecoder().decode(alphabet.substring(0, alphabet.length() / 4 * 4));
    }
    return new String(raw, StandardCharsets.UTF_8);
  }

  /** Elements after which a reader sees a new line. */
  private static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "div", "li", "tr", "h1", "h2", "h3", "h4",
      "h5", "h6", "table", "ul", "ol", "blockquote", "pre", "address");

  /**
   * Text of an HTML body as a reader sees it: entities decoded (by jsoup's parser), comments, scripts and styles
   * gone, a line per paragraph, heading, list item and table row.
   */
  static String htmlToText(String html) {
    org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(html);
    document.select("script, style, head, title").remove();
    StringBuilder text = new StringBuilder();
    org.jsoup.select.NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
      @Override
      public void head(org.jsoup.nodes.Node node, int depth) {
        if (node instanceof org.jsoup.nodes.TextNode textNode) {
          text.append(textNode.getWholeText().replaceAll("\\s+", " "));
        } else if (node.nameIs("br")) {
          text.append('\n');
        } else if (node.nameIs("td") || node.nameIs("th")) {
          text.append(' ');
        }
      }

      @Override
      public void tail(org.jsoup.nodes.Node node, int depth) {
        if (node instanceof org.jsoup.nodes.Element element && BLOCKS.contains(element.normalName())) text.append('\n');
      }
    }, document.body());
    return text.toString().replace('\u00a0', ' ').replaceAll("[ \\t\\x0B\\f\\r]*\n[ \\t\\x0B\\f\\r]*", "\n")
        .replaceAll(" {2,}", " ").replaceAll("\n{3,}", "\n\n").strip();
  }

  static class UnreadableMailException extends Exception {
    UnreadableMailException(String message) {
      super(message);
    }
  }
}
