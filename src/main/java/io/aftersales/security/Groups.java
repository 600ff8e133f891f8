package io.aftersales.security;

import java.util.List;

/** The Camunda groups, one per role; ids are the lane and candidate-group names in the models. */
public final class Groups {
  public static final String CRM_FRONTEND = "crm-frontend";
  public static final String TEAM_LEAD = "team-lead";
  public static final String WAREHOUSE = "warehouse";
  public static final String LOGISTICS = "logistics";
  public static final String SUPPLIER_MANAGEMENT = "supplier-management";
  public static final String PURCHASING = "purchasing";
  public static final String FINANCE = "finance";
  public static final String PROCESS_OWNER = "process-owner";
  public static final String AUDITOR = "auditor";

  /** Groups whose members work tasks in Tasklist (process owners decide a recurring problem's containment). */
  public static final List<String> TASK_WORKERS =
      List.of(CRM_FRONTEND, TEAM_LEAD, WAREHOUSE, LOGISTICS, SUPPLIER_MANAGEMENT, PURCHASING, FINANCE, PROCESS_OWNER);

  /** The back-office departments: each step offered to one of them has a turnaround (OLA) the case records. */
  public static final List<String> BACK_OFFICE =
      List.of(WAREHOUSE, LOGISTICS, SUPPLIER_MANAGEMENT, PURCHASING, FINANCE);

  public static final List<String> ALL = List.of(CRM_FRONTEND, TEAM_LEAD, WAREHOUSE, LOGISTICS, SUPPLIER_MANAGEMENT,
      PURCHASING, FINANCE, PROCESS_OWNER, AUDITOR);

  private Groups() {}

  static String displayName(String groupId) {
    return switch (groupId) {
      case CRM_FRONTEND -> "Customer care (CRM front end)";
      case TEAM_LEAD -> "Team leads";
      case WAREHOUSE -> "Warehouse";
      case LOGISTICS -> "Logistics / shipping";
      case SUPPLIER_MANAGEMENT -> "Supplier management";
      case PURCHASING -> "Purchasing";
      case FINANCE -> "Finance";
      case PROCESS_OWNER -> "Process owners";
      case AUDITOR -> "Auditors";
      default -> groupId;
    };
  }
}
