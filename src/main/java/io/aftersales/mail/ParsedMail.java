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
    List<String> referencedIds) {

  private static final Session SESSION = Session.getInstance(new Properties());

  /** The ledger key: the Message-ID, or a hash of the bytes for a message without one. */
  static String ledgerKey(byte[] raw) {
    try {
      String id = new MimeMessage(SESSION, new ByteArrayInputStream(raw)).getMessageID();
      if (id != null && !id.isBlank()) return id.trim();
    } catch (MessagingException e) {
      // fall through: unreadable headers still get a stable key
    }
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Best-effort sender and subject for the ledger, also for messages that fail to parse. */
  static String[] headline(byte[] raw) {
    try {
      MimeMessage m = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
      Address[] from = m.getFrom();
      return new String[] {from == null || from.length == 0 ? null : from[0].toString(), m.getSubject()};
    } catch (MessagingException e) {
      return new String[] {null, null};
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
      String text = textOf(m);
      if (text == null) throw new UnreadableMailException("no readable text part");
      List<String> refs = new ArrayList<>();
      addIds(refs, m.getHeader("In-Reply-To", " "));
      addIds(refs, m.getHeader("References", " "));
      String subject = m.getSubject() == null || m.getSubject().isBlank() ? "(no subject)" : m.getSubject().trim();
      String messageId = m.getMessageID();
      String key = messageId != null && !messageId.isBlank() ? messageId.trim() : ledgerKey(raw);
      return new ParsedMail(key, sender.getAddress(), sender.getPersonal(), subject, text.strip(), refs);
    } catch (MessagingException | IOException | RuntimeException e) {
      throw new UnreadableMailException(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static void addIds(List<String> into, String header) {
    if (header == null) return;
    for (String token : header.split("\\s+")) {
      if (token.startsWith("<") && token.endsWith(">")) into.add(token);
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
        String nested = body.isMimeType("multipart/*") ? textOf(body) : null;
        if (nested != null) return nested;
        if (body.isMimeType("text/html") && html == null) html = htmlToText(contentString(body));
      }
      return html;
    }
    if (part.isMimeType("text/html")) return htmlToText(contentString(part));
    return null;
  }

  private static String contentString(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof String s) return s;
    return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static String htmlToText(String html) {
    return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "")
        .replaceAll("(?i)<br\\s*/?>|</p>", "\n")
        .replaceAll("<[^>]+>", "")
        .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
  }

  static class UnreadableMailException extends Exception {
    UnreadableMailException(String message) {
      super(message);
    }
  }
}
