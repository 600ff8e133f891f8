package io.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftersales.IntegrationTestSupport;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * CVE-2026-109432, tried from outside as every staff role: a JUEL expression smuggled into a task query
 * ({@code orQueries} at any depth, a filter's extending query, a stored filter) must be refused with a 400
 * problem+json naming the field, and never evaluated. The expression would run {@code touch <marker>} on the
 * server; each test proves the marker was not created.
 */
class QueryExpressionGuardIT extends IntegrationTestSupport {
  /** One user per staff group (not paula: another test locks her out with a wrong password). */
  static final List<String> STAFF = List.of("walter", "anna", "tara", "audrey", "otto", "finn", "lisa", "simon");
  /** Who works tasks in Tasklist (process owners too: they decide a recurring problem's containment). */
  static final List<String> TASKLIST_USERS = List.of("walter", "anna", "tara", "finn", "lisa", "simon", "otto");

  static Path markers;
  final List<Path> planted = new ArrayList<>();

  @Autowired
  ObjectMapper json;
  @Autowired
  FilterService filterService;
  @Autowired
  TaskService taskService;

  @BeforeAll
  static void markerDirectory() throws IOException {
    markers = Files.createTempDirectory("cve-2026-109432-");
  }

  @AfterAll
  static void noExpressionEverRan() throws Exception {
    Thread.sleep(500); // Runtime.exec runs asynchronously: give a command that did start time to leave its file
    try (var files = Files.list(markers)) {
      assertThat(files.toList()).as("commands run on the server").isEmpty();
    }
  }

  /** An expression that runs a command on the server if it is ever evaluated. */
  private String exploit() {
    Path marker = markers.resolve(UUID.randomUUID().toString());
    planted.add(marker);
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch "
        + marker + "')}";
  }

  private String orQuery(String field, String expression) {
    return "{\"orQueries\":[{\"" + field + "\":\"" + expression + "\"}]}";
  }

  private void assertRefused(ResponseEntity<String> response, String field, String what) throws Exception {
    assertThat(response.getStatusCode()).as(what + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).as(what).hasToString("application/problem+json");
    JsonNode problem = json.readTree(response.getBody());
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("errors").get(0).get("field").asText()).as(what).isEqualTo(field);
    assertThat(problem.get("message").asText()).as("Camunda clients show 'message'").isNotBlank();
    for (Path marker : planted)
      assertThat(marker).as(what).doesNotExist();
  }

  @Test
  void engineRestTaskQueriesRefuseExpressionsInOrQueriesForEveryStaffGroup() throws Exception {
    for (String user : STAFF) {
      HttpHeaders auth = jsonAs(user);
      assertRefused(post("/engine-rest/task", orQuery("dueAfterExpression", exploit()), auth),
          "orQueries[0].dueAfterExpression", user + " POST /task");
      assertRefused(post("/engine-rest/task?firstResult=0&maxResults=15", orQuery("assigneeExpression", exploit()),
          auth), "orQueries[0].assigneeExpression", user + " POST /task (page)");
      assertRefused(post("/engine-rest/task/count", orQuery("candidateGroupExpression", exploit()), auth),
          "orQueries[0].candidateGroupExpression", user + " POST /task/count");
      // An or-query inside an or-query.
      assertRefused(post("/engine-rest/task", "{\"orQueries\":[{\"nameLike\":\"%Review%\",\"orQueries\":[{"
          + "\"followUpBeforeExpression\":\"" + exploit() + "\"}]}]}", auth),
          "orQueries[0].orQueries[0].followUpBeforeExpression", user + " nested orQueries");
      // GET takes the same query as URL parameters.
      String param = URLEncoder.encode("[{\"dueBeforeExpression\":\"" + exploit() + "\"}]", StandardCharsets.UTF_8);
      ResponseEntity<String> viaGet = rest.exchange(java.net.URI.create(rest.getRootUri()
          + "/engine-rest/task?orQueries=" + param), HttpMethod.GET, new HttpEntity<>(auth), String.class);
      assertRefused(viaGet, "orQueries", user + " GET /task");
      ResponseEntity<String> countViaGet = rest.exchange(java.net.URI.create(rest.getRootUri()
          + "/engine-rest/task/count?orQueries=" + param), HttpMethod.GET, new HttpEntity<>(auth), String.class);
      assertRefused(countViaGet, "orQueries", user + " GET /task/count");
    }
    // The same queries without expressions still answer: the guard refuses expressions, not or-queries.
    ResponseEntity<String> plain = post("/engine-rest/task",
        "{\"orQueries\":[{\"nameLike\":\"%Review%\"},{\"candidateGroup\":\"crm-frontend\"}]}", jsonAs("anna"));
    assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void filtersRefuseExpressionsInTheExtendingQuery() throws Exception {
    String myTasks = filterService.createFilterQuery().filterName(IdentitySetup.MY_TASKS_FILTER).singleResult().getId();
    for (String user : STAFF) {
      HttpHeaders auth = jsonAs(user);
      for (String call : List.of("list", "list?firstResult=0&maxResults=15", "count", "singleResult")) {
        ResponseEntity<String> response = post("/engine-rest/filter/" + myTasks + "/" + call,
            orQuery("dueAfterExpression", exploit()), auth);
        if (TASKLIST_USERS.contains(user)) {
          assertRefused(response, "orQueries[0].dueAfterExpression", user + " filter " + call);
        } else { // auditors and process owners read no Tasklist filter: refused before the query is looked at
          assertThat(response.getStatusCode().is4xxClientError()).as(user + " filter " + call).isTrue();
        }
      }
      if (TASKLIST_USERS.contains(user)) {
        assertRefused(post("/engine-rest/filter/" + myTasks + "/list", "{\"dueAfterExpression\":\"" + exploit()
            + "\"}", auth), "dueAfterExpression", user + " filter list, top level");
      }
    }
    // Tasklist's own stored filter still runs its stored ${currentUser()} with a user's search on top.
    ResponseEntity<String> search = post("/engine-rest/filter/" + myTasks + "/list",
        "{\"orQueries\":[{\"nameLike\":\"%Review%\"},{\"nameLike\":\"%Resolve%\"}]}", jsonAs("anna"));
    assertThat(search.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void storedFiltersHoldOnlyTheCurrentUserAndDateFunctions() throws Exception {
    HttpHeaders admin = jsonAs("admin");
    long before = filterService.createFilterQuery().count();
    assertRefused(post("/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":"
        + orQuery("dueAfterExpression", exploit()) + "}", admin), "query.orQueries[0].dueAfterExpression",
        "create with or-query");
    assertRefused(post("/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":{"
        + "\"assigneeExpression\":\"" + exploit() + "\"}}", admin), "query.assigneeExpression", "create, top level");
    // A user without the right to create filters is refused too, before anything is evaluated.
    assertThat(post("/engine-rest/filter/create", "{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":{"
        + "\"assigneeExpression\":\"" + exploit() + "\"}}", jsonAs("tara")).getStatusCode().is4xxClientError())
        .isTrue();
    assertThat(filterService.createFilterQuery().count()).isEqualTo(before);

    // What Tasklist's filter dialog offers is allowed: the current user, their groups, dates relative to now.
    ResponseEntity<String> allowed = post("/engine-rest/filter/create", """
        {"resourceType":"Task","name":"Due soon (test)","query":{"assigneeExpression":"${currentUser()}",
         "dueBeforeExpression":"${ dateTime().plusDays(2) }",
         "orQueries":[{"candidateGroupsExpression":"${currentUserGroups()}","followUpAfterExpression":"${now()}"}]}}""",
        admin);
    assertThat(allowed.getStatusCode()).as(allowed.getBody()).isEqualTo(HttpStatus.OK);
    String id = json.readTree(allowed.getBody()).get("id").asText();
    try {
      assertThat(post("/engine-rest/filter/" + id + "/list", "{}", admin).getStatusCode()).isEqualTo(HttpStatus.OK);
      // An update cannot slip an expression in.
      HttpHeaders headers = jsonAs("admin");
      ResponseEntity<String> update = rest.exchange("/engine-rest/filter/" + id, HttpMethod.PUT, new HttpEntity<>(
          "{\"resourceType\":\"Task\",\"name\":\"Due soon (test)\",\"query\":" + orQuery("dueAfterExpression",
              exploit()) + "}",
          headers), String.class);
      assertRefused(update, "query.orQueries[0].dueAfterExpression", "update");
      assertThat(filterService.getFilter(id).getQuery().toString()).doesNotContain("Runtime");
    } finally {
      filterService.deleteFilter(id);
    }
  }

  @Test
  void aStoredFilterWrittenPastTheApiIsStillNeverEvaluated() throws Exception {
    // As if a filter had been stored before this guard existed: written straight into the engine's table.
    String id = filterService.saveFilter(filterService.newTaskFilter("legacy (test)")
        .setQuery(taskService.createTaskQuery().taskName("x"))).getId();
    String query = jdbc.queryForObject("select query_ from act_ru_filter where id_ = ?", String.class, id);
    String exploit = exploit();
    jdbc.update("update act_ru_filter set query_ = ? where id_ = ?", query.substring(0, query.lastIndexOf('}'))
        + ",\"orQueries\":[{\"dueAfterExpression\":\"" + exploit + "\"}]}", id);
    try {
      ResponseEntity<String> list = post("/engine-rest/filter/" + id + "/list", "{}", jsonAs("admin"));
      assertRefused(list, "query", "a stored filter with an expression in its or-query");
    } finally {
      filterService.deleteFilter(id);
    }
  }

  @Test
  void theWebappsOwnEngineApiRefusesThemToo() throws Exception {
    String myTasks = filterService.createFilterQuery().filterName(IdentitySetup.MY_TASKS_FILTER).singleResult().getId();
    for (String user : STAFF) {
      HttpHeaders session = webappSession(user, TASKLIST_USERS.contains(user) ? "tasklist" : "cockpit");
      assertRefused(post("/camunda/api/engine/engine/default/task", orQuery("dueAfterExpression", exploit()), session),
          "orQueries[0].dueAfterExpression", user + " webapp /task");
      assertRefused(post("/camunda/api/engine/engine/default/task/count", orQuery("ownerExpression", exploit()),
          session), "orQueries[0].ownerExpression", user + " webapp /task/count");
      ResponseEntity<String> filterList = post("/camunda/api/engine/engine/default/filter/" + myTasks
          + "/list?firstResult=0&maxResults=15", orQuery("dueAfterExpression", exploit()), session);
      if (TASKLIST_USERS.contains(user)) {
        assertRefused(filterList, "orQueries[0].dueAfterExpression", user + " webapp filter list");
      } else {
        assertThat(filterList.getStatusCode()).as(user + " webapp filter list").isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
    // Tasklist's own calls still work: its filter, with a search on top.
    HttpHeaders anna = webappSession("anna", "tasklist");
    ResponseEntity<String> list = post("/camunda/api/engine/engine/default/filter/" + myTasks + "/list",
        "{\"orQueries\":[{\"nameLike\":\"%Review%\"}]}", anna);
    assertThat(list.getStatusCode()).as(list.getBody()).isEqualTo(HttpStatus.OK);
  }
}
