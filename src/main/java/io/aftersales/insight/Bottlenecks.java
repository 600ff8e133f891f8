package io.aftersales.insight;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where the time goes inside a procedure: per model version and step, how many times it ran and how long (median,
 * average, 90th percentile; for a person's step also how long it waited to be taken and how long it was worked on),
 * from the engine's history of a period; with the step's department and a heat level for the diagram, so the slowest
 * step shows at once and two versions of an SOP can be compared.
 */
@Service
@Transactional(readOnly = true)
class Bottlenecks {
  /** The procedures whose steps are measured (the service case and its procedures). */
  static final Set<String> PROCEDURES = Set.of("service-case", "return-handling", "warranty-claim",
      "spare-part-request", "outside-system-handoff", "supplier-claim", "quality-investigation");

  private final NamedParameterJdbcTemplate jdbc;
  private final RepositoryService repository;

  Bottlenecks(NamedParameterJdbcTemplate jdbc, RepositoryService repository) {
    this.jdbc = jdbc;
    this.repository = repository;
  }

  record Step(int version, String activityId, String name, String type, String department, long count,
      Double medianMinutes, Double averageMinutes, Double p90Minutes, Double waitingMinutes, Double workingMinutes,
      int heat) {}

  record Report(String procedure, List<Integer> versions, Integer version, String xml, List<Step> steps) {}

  Report of(String procedure, Integer version, KpiQuery period) {
    if (procedure == null || !PROCEDURES.contains(procedure)) {
      throw io.aftersales.shared.Problems.badRequest("procedure", "one of " + new java.util.TreeSet<>(PROCEDURES));
    }
    MapSqlParameterSource p = new MapSqlParameterSource("key", procedure)
        .addValue("from", Timestamp.from(period.start())).addValue("to", Timestamp.from(period.end()));
    Map<String, double[]> waits = new HashMap<>();
    jdbc.query("""
        select d.version_, t.task_def_key_,
               avg(extract(epoch from (coalesce(c.taken, t.end_time_) - t.start_time_))) / 60,
               avg(extract(epoch from (t.end_time_ - coalesce(c.taken, t.end_time_)))) / 60
          from public.act_hi_taskinst t join public.act_re_procdef d on d.id_ = t.proc_def_id_
          left join lateral (select min(o.timestamp_) as taken from public.act_hi_op_log o
                              where o.task_id_ = t.id_ and o.operation_type_ in ('Claim', 'Assign')) c on true
         where d.key_ = :key and t.end_time_ is not null and t.start_time_ >= :from and t.start_time_ < :to
         group by d.version_, t.task_def_key_""", p, rs -> {
      waits.put(rs.getInt(1) + "/" + rs.getString(2), new double[]{rs.getDouble(3), rs.getDouble(4)});
    });
    List<Step> raw = jdbc.query("""
        select d.version_, a.act_id_, max(a.act_name_), max(a.act_type_), count(*),
               percentile_cont(0.5) within group (order by a.duration_) / 60000.0,
               avg(a.duration_) / 60000.0,
               percentile_cont(0.9) within group (order by a.duration_) / 60000.0
          from public.act_hi_actinst a join public.act_re_procdef d on d.id_ = a.proc_def_id_
         where d.key_ = :key and a.end_time_ is not null and a.start_time_ >= :from and a.start_time_ < :to
           and a.act_type_ not in ('startEvent', 'noneEndEvent', 'exclusiveGateway', 'parallelGateway',
                                   'sequenceFlow', 'subProcess', 'multiInstanceBody')
         group by d.version_, a.act_id_ order by d.version_, a.act_id_""", p, (rs, i) -> {
      double[] w = waits.get(rs.getInt(1) + "/" + rs.getString(2));
      return new Step(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), null, rs.getLong(5),
          round(rs.getDouble(6)), round(rs.getDouble(7)), round(rs.getDouble(8)), w == null ? null : round(w[0]),
          w == null ? null : round(w[1]), 0);
    });
    List<Integer> versions = raw.stream().map(Step::version).distinct().sorted().toList();
    Integer shown = version != null ? version : versions.isEmpty() ? null : versions.get(versions.size() - 1);
    ProcessDefinition definition = shown == null
        ? repository.createProcessDefinitionQuery().processDefinitionKey(procedure).latestVersion().singleResult()
        : repository.createProcessDefinitionQuery().processDefinitionKey(procedure).processDefinitionVersion(shown)
            .singleResult();
    if (definition == null) throw io.aftersales.shared.Problems.notFound(procedure + " version " + version);
    Map<String, String> departments = new HashMap<>();
    for (UserTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class)) {
      departments.put(task.getId(), task.getCamundaCandidateGroups());
    }
    double slowest = raw.stream().filter(s -> s.version() == definition.getVersion() && s.medianMinutes() != null)
        .mapToDouble(Step::medianMinutes).max().orElse(0);
    List<Step> steps = new ArrayList<>();
    for (Step s : raw) {
      int heat = s.version() != definition.getVersion() || slowest <= 0 || s.medianMinutes() == null
          ? 0
          : (int) Math.ceil(5 * s.medianMinutes() / slowest);
      steps.add(new Step(s.version(), s.activityId(), s.name(), s.type(),
          s.version() == definition.getVersion() ? departments.get(s.activityId()) : null, s.count(),
          s.medianMinutes(), s.averageMinutes(), s.p90Minutes(), s.waitingMinutes(), s.workingMinutes(), heat));
    }
    String xml;
    try (var in = repository.getProcessModel(definition.getId())) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Report(procedure, versions, definition.getVersion(), xml, steps);
  }

  private static Double round(double minutes) {
    return Math.round(minutes * 100) / 100.0;
  }
}
