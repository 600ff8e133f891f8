package io.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Authentication and authorization as each role meets them: API, engine REST, Tasklist, Modeler deploys. */
class SecurityIT extends IntegrationTestSupport {
  @Autowired
  ObjectMapper json;
  @Autowired
  RepositoryService repository;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtime;

  private static HttpHeaders as(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "admin".equals(user) ? "admin" : DEMO_PASSWORD);
    return headers;
  }

  @Test
  void everyStaffEndpointNeedsAuthentication() throws Exception {
    for (String path : List.of("/api/mail/failures", "/actuator/metrics", "/engine-rest/task", "/engine-rest/user",
        "/engine-rest/process-instance")) {
      assertThat(get(path, new HttpHeaders()).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    ResponseEntity<String> api = get("/api/mail/failures", new HttpHeaders());
    assertThat(api.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(api.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    HttpHeaders wrongPassword = new HttpHeaders();
    wrongPassword.setBasicAuth("paula", "wrong"); // a user no other test needs: Camunda delays logins after a failure
    assertThat(get("/engine-rest/task", wrongPassword).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/mail/failures", wrongPassword).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // Pages never trigger the browser's own login box: only API clients get the Basic challenge.
    ResponseEntity<String> welcome = get("/camunda-welcome", new HttpHeaders());
    assertThat(welcome.getStatusCode()).isNotEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/some/page.html", new HttpHeaders()).getHeaders().getFirst("WWW-Authenticate")).isNull();
    // The SOPs linked from the task forms are for staff.
    ResponseEntity<String> sop = get("/sop/cases/review-case.md", as("anna"));
    assertThat(sop.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(sop.getHeaders().getContentType().toString()).startsWith("text/plain");
    assertThat(sop.getBody()).contains("Review case");
    assertThat(get("/sop/cases/review-case.md", new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // A browser gets it as a page; without a login, a page that says so, and no login box of the browser's own.
    HttpHeaders browser = as("anna");
    browser.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> page = get("/sop/cases/review-case.md", browser);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains("<h1>", "<table>", "Review case").doesNotContain("| ---");
    HttpHeaders stranger = new HttpHeaders();
    stranger.setAccept(List.of(MediaType.TEXT_HTML));
    ResponseEntity<String> signIn = get("/sop/cases/review-case.md", stranger);
    assertThat(signIn.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(signIn.getHeaders().getFirst("WWW-Authenticate")).isNull();
    assertThat(signIn.getBody()).contains("Please sign in", "/camunda/app/tasklist/");
    assertThat(get("/sop/../application.yaml", browser).getStatusCode().is4xxClientError()).isTrue();
    // What a customer must reach stays public.
    assertThat(get("/contact.html", new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/actuator/health", new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  /** The status page's address carries the case's token: no Referer leaves with it, and only our scripts run. */
  private static HttpHeaders from(String address, HttpHeaders headers) {
    headers.set("X-Forwarded-For", address); // as our reverse proxy reports the client (trusted: loopback)
    return headers;
  }

  @Test
  void guessingPasswordsStopsTheGuesserNeverTheColleague() {
    HttpHeaders wrong = new HttpHeaders();
    wrong.setBasicAuth("chris", "not-his-password");
    for (int i = 0; i < 10; i++)
      assertThat(get("/engine-rest/task", from("203.0.113.50", wrong)).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<String> stopped = get("/engine-rest/task", from("203.0.113.50", wrong));
    assertThat(stopped.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(stopped.getHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(get("/api/mail/outbox", from("203.0.113.50", as("tara"))).getStatusCode())
        .as("even the right password waits at that address").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    // A second address guesses on: more wrong passwords for chris than the engine's own lock would take (10) ...
    for (int i = 0; i < 5; i++)
      get("/engine-rest/task", from("203.0.113.51", wrong));
    // ... and chris, at his desk, works as ever: his account was never locked.
    assertThat(get("/engine-rest/task", from("198.51.100.20", as("chris"))).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void thePublicIntakeTakesTwentyNewCasesAMinuteFromOneAddress() {
    String body = """
        {"channel":"WEB_FORM","customer":{"email":"%s"},"subject":"Flood","message":"Hello"}""";
    for (int i = 0; i < 20; i++)
      assertThat(post("/api/cases", body.formatted(uniqueEmail("flood")), from("203.0.113.60", json()))
          .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    ResponseEntity<String> refused = post("/api/cases", body.formatted(uniqueEmail("flood")),
        from("203.0.113.60", json()));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(refused.getBody()).contains("Too many new cases");
    assertThat(post("/api/cases", body.formatted(uniqueEmail("flood")), from("203.0.113.61", json())).getStatusCode())
        .as("another customer is not held up").isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void theCustomerPagesRunOnlyOurScriptsAndSendNoReferrer() throws Exception {
    for (String page : List.of("/", "/contact.html", "/status.html?case=SC-2026-000001&token=abc")) {
      ResponseEntity<String> response = get(page, new HttpHeaders());
      assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
      assertThat(response.getHeaders().getFirst("Referrer-Policy")).as(page).isEqualTo("no-referrer");
      assertThat(response.getHeaders().getFirst("Content-Security-Policy")).as(page)
          .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
    }
    // The Camunda webapps keep their own policy.
    ResponseEntity<String> tasklist = get("/camunda/app/tasklist/", new HttpHeaders());
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).doesNotContain("default-src 'none'");
    assertThat(tasklist.getHeaders().getFirst("Referrer-Policy")).isNull();
  }

  @Test
  void eachGroupSeesOnlyItsOwnWorkInTasklist() throws Exception {
    ResponseEntity<String> created = post("/api/cases", """
        {"channel":"CHAT","customer":{"email":"%s"},"subject":"Blender jar cracked","message":"Can I buy a new jar?"}"""
        .formatted(uniqueEmail("li")), json());
    String number = json.readTree(created.getBody()).get("caseNumber").asText();
    String taskId = taskOf(number, "UserTask_ReviewCase", "anna").orElseThrow();

    // The warehouse neither lists nor opens a customer-care task; the team lead and auditor see it.
    assertThat(taskOf(number, "UserTask_ReviewCase", "walter")).isEmpty();
    assertThat(get("/engine-rest/task/" + taskId, as("walter")).getStatusCode().is4xxClientError()).isTrue();
    assertThat(taskOf(number, "UserTask_ReviewCase", "tara")).contains(taskId);
    // The auditor reads but cannot work it.
    assertThat(post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"audrey\"}", jsonAs("audrey"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    // The Camunda Form renders for the agent: the deployed form of the task is the review form.
    ResponseEntity<String> form = get("/engine-rest/task/" + taskId + "/deployed-form", as("anna"));
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode schema = json.readTree(form.getBody());
    assertThat(schema.get("id").asText()).isEqualTo("review-case");
    assertThat(form.getBody()).contains("firstAnswer", "requestType", "priority");
    // Its fields are prefilled from variables of the same name.
    JsonNode vars = json.readTree(get("/engine-rest/task/" + taskId + "/form-variables", as("anna")).getBody());
    assertThat(vars.get("caseNumber").get("value").asText()).isEqualTo(number);
    assertThat(vars.get("subject").get("value").asText()).isEqualTo("Blender jar cracked");

    // Tasklist filters: each group has its own (listed first, with case number, customer and subject), team leads see all.
    JsonNode crmFilter =
        StreamSupport.stream(json.readTree(get("/engine-rest/filter", as("anna")).getBody()).spliterator(),
            false).filter(f -> f.get("name").asText().startsWith("Customer care")).findFirst().orElseThrow();
    assertThat(crmFilter.get("properties").get("priority").asInt()).isNegative();
    assertThat(crmFilter.get("properties").get("variables").toString()).contains("caseNumber", "subject");
    assertThat(filters("anna")).contains("My tasks", "Customer care (CRM front end)").doesNotContain("Warehouse");
    assertThat(filters("walter")).contains("My tasks", "Warehouse").doesNotContain("Customer care (CRM front end)");
    assertThat(filters("tara")).contains("All open tasks", "Warehouse", "Customer care (CRM front end)");
    assertThat(filters("audrey")).isEmpty();

    // Tasklist names the groups ("Customer care (CRM front end)", not crm-frontend) for every member of staff.
    assertThat(json.readTree(get("/engine-rest/group?id=crm-frontend", as("walter")).getBody()).get(0).get("name")
        .asText()).isEqualTo("Customer care (CRM front end)");
    // Team leads look colleagues up to reassign a task, and do reassign it; a work group looks up nobody else.
    assertThat(json.readTree(get("/engine-rest/user?id=chris", as("tara")).getBody())).hasSize(1);
    assertThat(json.readTree(get("/engine-rest/user?id=chris", as("walter")).getBody())).isEmpty();
    assertThat(post("/engine-rest/task/" + taskId + "/assignee", "{\"userId\":\"chris\"}", jsonAs("tara"))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(json.readTree(get("/engine-rest/task/" + taskId, as("chris")).getBody()).get("assignee").asText())
        .isEqualTo("chris");

    // A case's process instance: its candidate group reads it (its cards and forms); another work group does not.
    assertThat(json.readTree(get("/engine-rest/process-instance?businessKey=" + number, as("anna")).getBody()))
        .hasSize(1);
    assertThat(json.readTree(get("/engine-rest/process-instance?businessKey=" + number, as("walter")).getBody()))
        .isEmpty();
  }

  @Test
  void auditorsTraceHistoryButChangeNothing() throws Exception {
    assertThat(get("/engine-rest/history/process-instance?processDefinitionKey=service-case", as("audrey"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(get("/engine-rest/history/process-instance/count", as("audrey")).getBody())
        .get("count").asInt()).isPositive();
    assertThat(post("/engine-rest/process-definition/key/service-case/start", "{}", jsonAs("audrey"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(json.readTree(get("/engine-rest/history/process-instance/count", as("walter")).getBody())
        .get("count").asInt()).isZero();
  }

  @Test
  void onlyAProcessOwnerDeploysFromModeler() throws Exception {
    // A case already running when the new version arrives.
    String running = json.readTree(post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"email":"%s"},"subject":"Before deploy","message":"Hello"}"""
        .formatted(uniqueEmail("v1")), json()).getBody()).get("caseNumber").asText();
    String runningDefinition = runtime.createProcessInstanceQuery().processInstanceBusinessKey(running)
        .singleResult().getProcessDefinitionId();
    int before = (int) repository.createProcessDefinitionQuery().processDefinitionKey("service-case").count();
    String model = new ClassPathResource("processes/cases/service-case.bpmn").getContentAsString(StandardCharsets.UTF_8)
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"1-modeler\"");

    assertThat(deploy(model, as("anna")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy(model, as("tara")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(deploy(model, new HttpHeaders()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("service-case").count())
        .isEqualTo(before);

    ResponseEntity<String> deployed = deploy(model, as("otto"));
    assertThat(deployed.getStatusCode()).isEqualTo(HttpStatus.OK);
    var latest = repository.createProcessDefinitionQuery().processDefinitionKey("service-case").latestVersion()
        .singleResult();
    assertThat(latest.getVersion()).isEqualTo(before + 1);
    assertThat(latest.getVersionTag()).isEqualTo("1-modeler");
    // New cases run on the new version.
    ResponseEntity<String> created = post("/api/cases", """
        {"channel":"WEB_FORM","customer":{"email":"%s"},"subject":"After deploy","message":"Hello"}"""
        .formatted(uniqueEmail("v2")), json());
    String number = json.readTree(created.getBody()).get("caseNumber").asText();
    assertThat(get("/engine-rest/process-instance?businessKey=" + number + "&processDefinitionId=" + latest.getId(),
        as("tara")).getBody()).contains(number);
    // The running case keeps its version and still completes on it.
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(running).singleResult()
        .getProcessDefinitionId()).isEqualTo(runningDefinition).isNotEqualTo(latest.getId());
    claimAndComplete(taskOf(running, "UserTask_ReviewCase", "anna").orElseThrow(), "anna", Map.of(
        "requestType", "INFORMATION", "priority", "LOW", "firstAnswer",
        "Thanks, here is the information you asked for."));
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "CLOSED".equals(
        jdbc.queryForObject("select status from aftersales.service_case where case_number = ?", String.class,
            running)));
  }

  /**
   * The attack from issue 8: a model whose expression calls the identity service made its deployer a Camunda
   * administrator once a case passed it. The deployment check refuses it over REST with each violation, and
   * nothing is stored.
   */
  @Test
  void aModelThatWouldRunCodeIsRefusedWithItsViolations() throws Exception {
    long deployments = repository.createDeploymentQuery().count();
    String evil = new ClassPathResource("processes/cases/service-case.bpmn").getContentAsString(StandardCharsets.UTF_8)
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"evil\"")
        .replace("${closeCaseDelegate}", "${identityService}")
        .replaceFirst("<bpmn:extensionElements>", java.util.regex.Matcher.quoteReplacement(
            "<bpmn:extensionElements><camunda:executionListener expression=\"${execution.processEngineServices"
                + ".identityService.createMembership('otto','camunda-admin')}\" event=\"start\" />"));

    ResponseEntity<String> refused = deploy(evil, as("otto"));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(refused.getBody());
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    assertThat(body.get("message").asText()).contains("deployment check refused", "2 violations");
    JsonNode errors = body.get("details").get("service-case.bpmn").get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("message").asText()).contains("execution.processEngineServices is not allowed");
    assertThat(errors.get(0).get("line").asInt()).isPositive();
    assertThat(errors.get(1).get("message").asText()).contains("camunda:delegateExpression=\"${identityService}\"");
    assertThat(errors.get(1).get("mainElementId").asText()).isEqualTo("ServiceTask_CloseCase");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(engineIdentity.createUserQuery().memberOfGroup("camunda-admin").userId("otto").count()).isZero();

    String script = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="t">
          <bpmn:process id="evil-script" isExecutable="true">
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F" sourceRef="Start" targetRef="Script" />
            <bpmn:scriptTask id="Script" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
          </bpmn:process>
        </bpmn:definitions>""";
    ResponseEntity<String> scripted = deploy(script, as("otto"));
    assertThat(scripted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(scripted.getBody()).contains("scripts are not allowed");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("evil-script").count()).isZero();

    // The documented helper bean passes: business time in a timer.
    String helper = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
          <bpmn:process id="business-time-check" isExecutable="true" camunda:historyTimeToLive="P3650D">
            <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition id="T">
              <bpmn:timeDate>${businessTime.due('warehouse', 'P2D')}</bpmn:timeDate>
            </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" /><bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>""";
    ResponseEntity<String> allowed = deploy(helper, as("otto"));
    assertThat(allowed.getStatusCode()).as(allowed.getBody()).isEqualTo(HttpStatus.OK);
    String started = runtime.startProcessInstanceByKey("business-time-check").getId();
    java.util.Date due = managementJobDue(started);
    assertThat(due).isAfter(new java.util.Date());
    runtime.deleteProcessInstance(started, "check done");
  }

  @Autowired
  org.camunda.bpm.engine.ManagementService management;

  private java.util.Date managementJobDue(String processInstanceId) {
    return management.createJobQuery().processInstanceId(processInstanceId).singleResult().getDuedate();
  }

  @Test
  void theWebappsLogStaffInWithTheirGroupsApplications() {
    // Without the webapp's CSRF token a login is refused, and the refusal is not masked as a 401.
    HttpHeaders bare = new HttpHeaders();
    bare.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    assertThat(rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
        new HttpEntity<>("username=anna&password=demo", bare), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(login("anna", "tasklist")).isEqualTo(HttpStatus.OK);
    assertThat(login("anna", "cockpit")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(login("audrey", "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(login("otto", "cockpit")).isEqualTo(HttpStatus.OK);
    assertThat(login("walter", "admin")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(login("admin", "admin")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theAdminSetupEndpointCreatesNoAdministratorEvenWithoutDirectMembers() throws Exception {
    // CVE-2026-77226: Camunda's setup counts only direct members of camunda-admin. Take the admin out of the
    // group (the engine still treats the user as administrator through its admin-user configuration).
    org.camunda.bpm.engine.IdentityService identity = engineIdentity;
    identity.deleteMembership("admin", "camunda-admin");
    try {
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();
      ResponseEntity<String> page = get("/camunda/app/admin/", new HttpHeaders());
      String xsrf = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
          .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';'))).findFirst().orElse("");
      String cookies = String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
          .map(c -> c.substring(0, c.indexOf(';'))).toList());
      String body = """
          {"profile":{"id":"mallory","firstName":"M","lastName":"M","email":"m@example.com"},
           "credentials":{"password":"Mallory-2026!"}}""";
      for (String path : List.of("/camunda/api/admin/setup/default/user/create",
          "/camunda/api/admin/setup/default/user/create/", "/camunda/api/admin/setup/default/user/create?x=1",
          "/camunda/api/admin/./setup/default/user/create", "/camunda/api/admin/x/../setup/default/user/create",
          "/camunda/api/admin/setup/default/user/create;jsessionid=1", "/camunda/api/admin/%73etup/default/user/create",
          "/camunda/api//admin/setup/default/user/create")) {
        HttpHeaders headers = json();
        headers.set(HttpHeaders.COOKIE, cookies);
        headers.set("X-XSRF-TOKEN", xsrf);
        ResponseEntity<String> answer = rest.exchange(java.net.URI.create(rest.getRootUri() + path), HttpMethod.POST,
            new HttpEntity<>(body, headers), String.class);
        assertThat(answer.getStatusCode().is4xxClientError()).as(path + ": " + answer).isTrue();
      }
      assertThat(identity.createUserQuery().userId("mallory").count()).as("administrator created").isZero();
      assertThat(identity.createGroupQuery().groupMember("mallory").count()).isZero();
    } finally {
      identity.createMembership("admin", "camunda-admin");
    }
  }

  @Autowired
  org.camunda.bpm.engine.IdentityService engineIdentity;

  /** Logs in as the webapp's login page does: with the session and XSRF cookie it got from the app page. */
  private HttpStatus login(String user, String app) {
    ResponseEntity<String> page = get("/camunda/app/" + app + "/", new HttpHeaders());
    List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
        .map(c -> c.substring(0, c.indexOf(';'))).toList();
    String xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
        .substring("XSRF-TOKEN=".length());
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
    headers.set("X-XSRF-TOKEN", xsrf);
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", user);
    form.add("password", "admin".equals(user) ? "admin" : DEMO_PASSWORD);
    return HttpStatus.valueOf(rest.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class).getStatusCode().value());
  }

  private ResponseEntity<String> deploy(String model, HttpHeaders auth) {
    HttpHeaders headers = new HttpHeaders(auth);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "service-case from Modeler");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "true");
    parts.add("data", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() { return "service-case.bpmn"; }
    });
    return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(parts, headers),
        String.class);
  }

  private List<String> filters(String user) throws Exception {
    JsonNode list = json.readTree(get("/engine-rest/filter", as(user)).getBody());
    return StreamSupport.stream(list.spliterator(), false).map(f -> f.get("name").asText()).toList();
  }
}
