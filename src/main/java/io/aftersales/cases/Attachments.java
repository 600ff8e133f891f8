package io.aftersales.cases;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos, receipts and documents of a case, kept in our table (never in process variables), each file once per
 * case. What a file is comes from its first bytes, not from its name or the type the sender claims: JPEG, PNG, WebP,
 * HEIC and PDF, at most {@link #MAX_BYTES} each and {@link #MAX_PER_CASE} per case.
 */
@Component
public class Attachments {
  public static final int MAX_BYTES = 10 * 1024 * 1024;
  public static final int MAX_PER_CASE = 30;

  /** Where a file came from. */
  public enum Source {
    WEB_FORM, STATUS_PAGE, MAIL
  }

  /** A file to keep: its name as sent and its bytes. */
  public record Upload(String fileName, byte[] bytes) {}

  /** A kept file; {@code duplicate} when the case already had these bytes (nothing new was stored). */
  public record Stored(long id, String fileName, String contentType, int size, boolean duplicate) {}

  /** A file as listed to the customer and staff. */
  public record Listed(long id, String fileName, String contentType, int size, String source, Instant uploadedAt) {}

  public record Content(String fileName, String contentType, byte[] bytes) {}

  /** A file refused: {@code index} is its place in the upload, {@code tooLarge} decides 413 over 415. */
  public static final class Refused extends RuntimeException {
    private final int index;
    private final boolean tooLarge;

    Refused(int index, boolean tooLarge, String message) {
      super(message);
      this.index = index;
      this.tooLarge = tooLarge;
    }

    public int index() {
      return index;
    }

    public boolean tooLarge() {
      return tooLarge;
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Attachments(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The kind of file by its first bytes (magic numbers), if it is one we keep. */
  public static Optional<String> typeOf(byte[] bytes) {
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(bytes, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
      return Optional.of("image/png");
    }
    if (startsWith(bytes, 0, "RIFF".getBytes()) && startsWith(bytes, 8, "WEBP".getBytes())) {
      return Optional.of("image/webp");
    }
    if (startsWith(bytes, 4, "ftyp".getBytes()) && bytes.length >= 12) {
      String brand = new String(bytes, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
      if (List.of("heic", "heix", "mif1", "msf1", "hevc").contains(brand)) return Optional.of("image/heic");
    }
    if (startsWith(bytes, 0, "%PDF-".getBytes())) return Optional.of("application/pdf");
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
    if (bytes.length < offset + prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[offset + i] != prefix[i]) return false;
    }
    return true;
  }

  /** A name safe to show and to send back in a download: no path, no control characters, at most 200 characters. */
  static String cleanName(String name, String contentType) {
    String base = name == null ? "" : name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
    if (base.length() > 200) base = base.substring(base.length() - 200);
    if (base.isEmpty() || base.equals(".") || base.equals("..")) {
      base = "attachment." + contentType.substring(contentType.indexOf('/') + 1);
    }
    return base;
  }

  /** Checks every file before any is kept: a refused file refuses the whole upload ({@link Refused}). */
  public List<String> check(List<Upload> uploads) {
    List<String> types = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      byte[] bytes = uploads.get(i).bytes();
      if (bytes.length == 0) throw new Refused(i, false, "is empty");
      if (bytes.length > MAX_BYTES) {
        throw new Refused(i, true, "is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
      }
      int index = i;
      types.add(typeOf(bytes).orElseThrow(() -> new Refused(index, false,
          "is not a photo (JPEG, PNG, WebP, HEIC) or a PDF document")));
    }
    return types;
  }

  /**
   * Keeps the files of one upload for the case, all or none, in the caller's transaction (or its own): bytes the case
   * already has are not stored again. Refused when a file is not accepted or the case would hold more than
   * {@link #MAX_PER_CASE} files.
   */
  @Transactional
  public List<Stored> store(String caseNumber, List<Upload> uploads, Source source, String by) {
    List<String> types = check(uploads);
    Long caseId = jdbc.query("select id from aftersales.service_case where case_number = ? for update",
        rs -> rs.next() ? rs.getLong(1) : null, caseNumber);
    if (caseId == null) throw new CaseNotFoundException(caseNumber);
    int held = jdbc.queryForObject("select count(*) from aftersales.attachment where case_id = ?", Integer.class,
        caseId);
    List<Stored> stored = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      Upload upload = uploads.get(i);
      String type = types.get(i);
      String sha = sha256(upload.bytes());
      String name = cleanName(upload.fileName(), type);
      List<Long> existing = jdbc.queryForList("select id from aftersales.attachment where case_id = ? and sha256 = ?",
          Long.class, caseId, sha);
      if (!existing.isEmpty()) {
        stored.add(new Stored(existing.get(0), name, type, upload.bytes().length, true));
        continue;
      }
      if (++held > MAX_PER_CASE) {
        throw new Refused(i, false, "would be more than " + MAX_PER_CASE + " files for one case");
      }
      Long id = jdbc.queryForObject("""
          insert into aftersales.attachment (case_id, file_name, content_type, size_bytes, sha256, content, source,
                                             uploaded_by, uploaded_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, caseId, name, type, upload.bytes().length,
          sha, upload.bytes(), source.name(), by, Timestamp.from(clock.instant()));
      stored.add(new Stored(id, name, type, upload.bytes().length, false));
    }
    return stored;
  }

  /** What a mail's files came to: the files kept, and each file not kept with why. */
  public record Kept(List<Stored> stored, List<String> notKept) {}

  /**
   * A mail's files: each accepted file is kept, the others are named with why (a customer's mail is not refused for
   * one odd file, as an upload is).
   */
  @Transactional
  public Kept keepAccepted(String caseNumber, List<Upload> uploads, Source source, String by) {
    List<Upload> accepted = new ArrayList<>();
    List<String> notKept = new ArrayList<>();
    for (Upload upload : uploads) {
      try {
        check(List.of(upload));
        accepted.add(upload);
      } catch (Refused refused) {
        notKept.add(cleanName(upload.fileName(), "application/octet-stream") + " " + refused.getMessage());
      }
    }
    if (accepted.isEmpty()) return new Kept(List.of(), notKept);
    try {
      return new Kept(store(caseNumber, accepted, source, by), notKept);
    } catch (Refused tooMany) {
      accepted.forEach(upload -> notKept.add(cleanName(upload.fileName(), "application/octet-stream") + " "
          + tooMany.getMessage()));
      return new Kept(List.of(), notKept);
    }
  }

  public List<Listed> list(String caseNumber) {
    return jdbc.query("""
        select a.id, a.file_name, a.content_type, a.size_bytes, a.source, a.uploaded_at
          from aftersales.attachment a join aftersales.service_case c on c.id = a.case_id
         where c.case_number = ? order by a.uploaded_at, a.id""", (rs, n) -> new Listed(rs.getLong(1),
        rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant()), caseNumber);
  }

  public Optional<Content> content(String caseNumber, long id) {
    return jdbc.query("""
        select a.file_name, a.content_type, a.content
          from aftersales.attachment a join aftersales.service_case c on c.id = a.case_id
         where c.case_number = ? and a.id = ?""", (rs, n) -> new Content(rs.getString(1), rs.getString(2),
        rs.getBytes(3)), caseNumber, id).stream().findFirst();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
