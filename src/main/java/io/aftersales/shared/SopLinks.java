package io.aftersales.shared;

/**
 * Where the SOP of a user task is served: {@code processes/returns/return-handling.bpmn} with
 * {@code camunda:formRef="inspect-returned-item"} → {@code /sop/returns/inspect-returned-item.md} (the chain of names).
 */
public final class SopLinks {
  private SopLinks() {}

  /** The SOP page of a task, or null when the model's resource or the task's form is unknown. */
  public static String of(String modelResourceName, String formRef) {
    if (modelResourceName == null || formRef == null) return null;
    String path = modelResourceName.replace('\\', '/');
    int processes = path.lastIndexOf("processes/");
    if (processes >= 0) path = path.substring(processes + "processes/".length());
    int slash = path.lastIndexOf('/');
    if (slash > 0) return "/sop/" + path.substring(0, slash) + "/" + formRef + ".md";
    // Deployed from Modeler without its folder: the SOP is wherever a page of that name is.
    try {
      for (var page : new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
          .getResources("classpath*:static/sop/*/" + formRef + ".md")) {
        String url = page.getURL().toString();
        return url.substring(url.lastIndexOf("/sop/"));
      }
    } catch (java.io.IOException e) {
      return null;
    }
    return null;
  }

  /** The SOP page of each user task of a deployed model version, by task id (tasks without a form have none). */
  public static java.util.Map<String, String> ofModel(org.camunda.bpm.engine.RepositoryService repository,
      org.camunda.bpm.engine.repository.ProcessDefinition definition) {
    java.util.Map<String, String> sops = new java.util.LinkedHashMap<>();
    for (var task : repository.getBpmnModelInstance(definition.getId())
        .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)) {
      String link = of(definition.getResourceName(), task.getCamundaFormRef());
      if (link != null) sops.put(task.getId(), link);
    }
    return sops;
  }
}
