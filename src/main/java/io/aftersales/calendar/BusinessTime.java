package io.aftersales.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The helper bean {@code businessTime} for models (timer and due-date expressions; README decision 72, and
 * {@code DeploymentCheckPlugin.HELPER_BEANS}): a process owner writes {@code ${businessTime.due('PT4H')}} for four
 * business hours of the default calendar, {@code ${businessTime.due('warehouse', 'P2D')}} for two of the warehouse's
 * open days, and a plain {@code P2D} for two calendar days — so each model says which it means. Counted from the
 * engine's clock (the one timers use). Every public method here is callable from a deployed model: it only computes
 * dates.
 */
@Component("businessTime")
public class BusinessTime {
  private final BusinessCalendars calendars;

  public BusinessTime(BusinessCalendars calendars) {
    this.calendars = calendars;
  }

  /** Now plus a business duration of the default calendar (e.g. a timer's due date). */
  public Date due(String isoDuration) {
    return due(null, isoDuration);
  }

  /** Now plus a business duration of the named calendar. */
  public Date due(String calendar, String isoDuration) {
    return Date.from(calendars.get(calendar).plus(ClockUtil.getCurrentTime().toInstant(), isoDuration));
  }
}
