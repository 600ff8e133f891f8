package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

/** One mail per group member with an address, named by case, occasion and person, so an occasion never mails twice. */
class StaffMailTest {
  private final Outbox outbox = mock(Outbox.class);
  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final StaffMail mail = new StaffMail(outbox, identity,
      InboundMailProcessorTest.settings("service@aftersales.local", "inbox@aftersales.local"));

  private static User lead(String id, String email) {
    User user = mock(User.class);
    when(user.getId()).thenReturn(id);
    when(user.getEmail()).thenReturn(email);
    return user;
  }

  @Test
  void everyTeamLeadWithAnAddressGetsOneMailNamedByTheOccasion() {
    List<User> leads = List.of(lead("tara", "tara@x.example"), lead("tom", null), lead("tim", " "),
        lead("t.o/m", "tom@x.example"));
    when(identity.createUserQuery().memberOfGroup("team-lead").list()).thenReturn(leads);
    int sent =
        mail.send(List.of("team-lead"), 7L, "SC-2026-000007", "sla-breach-3", "Resolution breached", "Look at it.");
    assertThat(sent).isEqualTo(2);
    verify(outbox).enqueue("<SC-2026-000007.sla-breach-3.tara@aftersales.local>", 7L, "tara@x.example",
        "[SC-2026-000007] Resolution breached", "Look at it.", null);
    verify(outbox).enqueue("<SC-2026-000007.sla-breach-3.t.om@aftersales.local>", 7L, "tom@x.example",
        "[SC-2026-000007] Resolution breached", "Look at it.", null);
  }

  @Test
  void aMemberOfTwoGroupsGetsOneMail() {
    User otto = lead("otto", "otto@x.example");
    when(identity.createUserQuery().memberOfGroup("process-owner").list()).thenReturn(List.of(otto));
    List<User> suppliers = List.of(otto, lead("simon", "simon@x.example"));
    when(identity.createUserQuery().memberOfGroup("supplier-management").list()).thenReturn(suppliers);
    assertThat(mail.send(List.of("process-owner", "supplier-management"), 7L, "SC-2026-000007", "quality-1",
        "Recurring problem", "x")).isEqualTo(2);
  }

  @Test
  void noTeamLeadNoMail() {
    when(identity.createUserQuery().memberOfGroup("team-lead").list()).thenReturn(List.of());
    assertThat(mail.send(List.of("team-lead"), 7L, "SC-2026-000007", "sla-warning-3", "First reply at risk", "x"))
        .isZero();
    verify(outbox, never()).enqueue(anyString(), any(), anyString(), anyString(), anyString(), any());
  }
}
