package io.aftersales.desk;

import io.aftersales.cases.CaseSearch;
import io.aftersales.security.CaseReaders;
import io.aftersales.shared.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/desk/...} for staff (HTTP basic or the Tasklist/Cockpit session): a case at a glance, its diagrams,
 * the case of a task, and the search. A case the user may not read answers 404, like an unknown one.
 */
@RestController
@RequestMapping("/api/desk")
class DeskController {
  private final CaseDesk desk;
  private final CaseSearch search;
  private final CaseReaders readers;

  DeskController(CaseDesk desk, CaseSearch search, CaseReaders readers) {
    this.desk = desk;
    this.search = search;
    this.readers = readers;
  }

  /** A case found, with its open tasks (each opens in Tasklist). */
  record Hit(CaseSearch.Found found, List<CaseDesk.OpenTask> tasks) {}

  /** Whatever a person has at hand, in one box: case number, RMA, order, tracking number, email or name. */
  @GetMapping("/search")
  List<Hit> find(@RequestParam(name = "q") String query, Authentication staff) {
    if (query.isBlank()) throw Problems.badRequest("q", "type a case number, RMA, order, tracking number or customer");
    if (query.length() > 320) throw Problems.badRequest("q", "at most 320 characters");
    return search.find(query, null, null).stream().filter(found -> readers.mayRead(staff, found.caseNumber()))
        .map(found -> new Hit(found, desk.openTasks(found.caseNumber()))).toList();
  }

  @GetMapping("/cases/{number}")
  CaseDesk.Desk view(@PathVariable String number, Authentication staff) {
    readable(number, staff);
    return desk.of(number).orElseThrow(() -> Problems.notFound("Case " + number));
  }

  @GetMapping("/cases/{number}/diagrams/{processInstanceId}")
  CaseDesk.Diagram diagram(@PathVariable String number, @PathVariable String processInstanceId,
      Authentication staff) {
    readable(number, staff);
    return desk.diagram(number, processInstanceId).orElseThrow(() -> Problems.notFound("Process " + processInstanceId));
  }

  /** For Tasklist's "Case" tab: which case a task belongs to. */
  @GetMapping("/tasks/{taskId}")
  Map<String, String> caseOfTask(@PathVariable String taskId, Authentication staff) {
    String number = desk.caseOfTask(taskId).orElseThrow(() -> Problems.notFound("Task " + taskId));
    readable(number, staff);
    return Map.of("caseNumber", number);
  }

  private void readable(String number, Authentication staff) {
    if (!readers.mayRead(staff, number)) throw Problems.notFound("Case " + number);
  }
}
