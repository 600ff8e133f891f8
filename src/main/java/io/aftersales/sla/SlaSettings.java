package io.aftersales.sla;

import io.aftersales.shared.IsoDurations;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.sla.*}: the SLA policies toward the customer, tried in order (the first whose conditions all hold
 * applies; an empty condition holds for every case), and the share of a target after which the team leads are warned.
 * Targets are ISO 8601 durations in business time of the policy's calendar (days are open days, hours open hours), or
 * calendar time with {@code calendar: none}. A wrong value fails the start-up.
 */
@ConfigurationProperties("aftersales.sla")
record SlaSettings(@DefaultValue("75") int warningPercent, List<Policy> policies) {
  /** The policy every case falls back to when none is configured or none matches (domain.md's defaults). */
  static final Policy STANDARD = new Policy("standard", Set.of(), Set.of(), Set.of(), Set.of(), "PT1H", "P1D", "P5D",
      null);

  /** Calendar name meaning "calendar time": the clock runs day and night. */
  static final String CALENDAR_TIME = "none";

  SlaSettings {
    if (warningPercent < 1 || warningPercent > 100) {
      throw new IllegalArgumentException("aftersales.sla.warning-percent must be 1 to 100: " + warningPercent);
    }
    policies = policies == null || policies.isEmpty() ? List.of(STANDARD) : List.copyOf(policies);
  }

  /**
   * One policy: when it applies (priorities, source channels, sales channels, request types; empty = any) and its
   * targets. {@code calendar}: a business calendar's name, blank for the default one, {@code none} for calendar time.
   */
  record Policy(String name, Set<String> priorities, Set<String> sourceChannels, Set<String> salesChannels,
      Set<String> requestTypes, String firstReply, String nextReply, String resolution, String calendar) {
    Policy {
      if (name == null || name.isBlank() || name.length() > 60) {
        throw new IllegalArgumentException(
            "aftersales.sla.policies: every policy needs a name of at most 60 characters");
      }
      priorities = upper(priorities);
      sourceChannels = upper(sourceChannels);
      salesChannels = upper(salesChannels);
      requestTypes = upper(requestTypes);
      IsoDurations.checked("aftersales.sla.policies." + name + ".first-reply", firstReply);
      IsoDurations.checked("aftersales.sla.policies." + name + ".next-reply", nextReply);
      IsoDurations.checked("aftersales.sla.policies." + name + ".resolution", resolution);
      calendar = calendar == null || calendar.isBlank() ? null : calendar.strip();
    }

    boolean appliesTo(SlaMetric.CaseProfile c) {
      return holds(priorities, c.priority()) && holds(sourceChannels, c.sourceChannel())
          && holds(salesChannels, c.salesChannel()) && holds(requestTypes, c.requestType());
    }

    String target(SlaMetric metric) {
      return switch (metric) {
        case FIRST_REPLY -> firstReply;
        case NEXT_REPLY -> nextReply;
        case RESOLUTION -> resolution;
        case OLA -> throw new IllegalArgumentException("an OLA's target is its step's, not a policy's");
      };
    }

    private static boolean holds(Set<String> allowed, String value) {
      return allowed.isEmpty() || value != null && allowed.contains(value.toUpperCase());
    }

    private static Set<String> upper(Set<String> values) {
      return values == null
          ? Set.of()
          : values.stream().map(v -> v.strip().toUpperCase())
              .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
  }

  /** The policy of a case: the first that applies, else {@link #STANDARD}. */
  Policy policyFor(SlaMetric.CaseProfile profile) {
    return policies.stream().filter(p -> p.appliesTo(profile)).findFirst().orElse(STANDARD);
  }
}
