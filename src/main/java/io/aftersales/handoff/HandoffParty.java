package io.aftersales.handoff;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A procedure that hands work off through {@code outside-system-handoff}: implemented by the procedure's
 * service, found by the key of the calling process. Both methods get the calling procedure's variables (its
 * record ids and facts); both run in the hand-off's transaction and must be idempotent, as a retried job calls
 * them again.
 */
public interface HandoffParty {
  /** Key of the procedure model whose call activities hand off through this party, e.g. return-handling. */
  String procedure();

  /** What the person must book: reference, instructions, and for a refund its amount and sales channel. */
  HandoffRequest describe(HandoffKind kind, VariableScope procedure);

  /**
   * The person has done it: record it on the procedure's record (guarded transition) and queue the customer's
   * mail for {@code stepId}.
   */
  void handedOff(HandoffKind kind, VariableScope procedure, HandedOff done, String stepId);
}
