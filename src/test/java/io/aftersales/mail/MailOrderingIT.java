package io.aftersales.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftersales.IntegrationTestSupport;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reader only records; jobs make the cases. Proven here: a reply never overtakes the mail it answers
 * (even when the original's first attempts fail), a failing mail is retried by itself before a person is
 * asked, and one failing mail does not hold up other customers' mail.
 */
class MailOrderingIT extends IntegrationTestSupport {
  @Autowired
  MailboxPoller poller;

  private static String messageId() {
    return "<" + UUID.randomUUID() + "@ordering.example.com>";
  }

  private String ledger(String messageId, String column) {
    return jdbc.queryForObject("select " + column + " from aftersales.inbound_mail where ledger_key = ?", String.class,
        messageId);
  }

  @Test
  void aReplyWaitsForTheMailItAnswersAndJoinsItsCase() throws Exception {
    String customer = uniqueEmail("ordering");
    String other = uniqueEmail("bystander");
    String marker = "Mixer grinds " + UUID.randomUUID().toString().substring(0, 6);
    String original = messageId();
    String reply = messageId();
    String unrelated = messageId();
    deliverToServiceMailbox(rawMail(original, customer, marker, "The mixer grinds loudly.", Map.of()));
    deliverToServiceMailbox(rawMail(reply, customer, "Re: " + marker, "Also: it smells burnt.",
        Map.of("In-Reply-To", original)));
    deliverToServiceMailbox(rawMail(unrelated, other, "Toaster", "The toaster does not brown.", Map.of()));
    // The original's case cannot be written twice (a database hiccup), then can: the job retries it.
    jdbc.execute("create sequence if not exists aftersales.ordering_fault_seq");
    jdbc.execute("""
        create or replace function aftersales.refuse_first_tries() returns trigger language plpgsql as $$
        begin if new.subject = '%s' and nextval('aftersales.ordering_fault_seq') <= 2
          then raise exception 'injected outage of the case table'; end if; return new; end $$""".formatted(marker));
    jdbc.execute("drop trigger if exists refuse_first_tries on aftersales.service_case");
    jdbc.execute("create trigger refuse_first_tries before insert on aftersales.service_case"
        + " for each row execute function aftersales.refuse_first_tries()");
    try {
      assertThat(settle(poller.poll())).isGreaterThanOrEqualTo(3);
    } finally {
      jdbc.execute("drop trigger if exists refuse_first_tries on aftersales.service_case");
    }

    assertThat(ledger(original, "status")).isEqualTo("PROCESSED");
    assertThat(ledger(reply, "status")).isEqualTo("PROCESSED");
    String number = ledger(original, "case_number");
    // Without the ordering the reply, processed first, would have found no case and opened its own.
    assertThat(ledger(reply, "case_number")).isEqualTo(number);
    assertThat(count("select count(*) from aftersales.service_case c join aftersales.customer u on u.id = c.customer_id"
        + " where u.email = ?", customer)).isEqualTo(1);
    assertThat(jdbc.queryForList("select m.body from aftersales.case_message m join aftersales.service_case c"
        + " on c.id = m.case_id where c.case_number = ? and m.direction = 'INBOUND' order by m.id", String.class,
        number))
        .containsExactly("The mixer grinds loudly.", "Also: it smells burnt.");
    // The other customer's mail was not held up by the failing one: it became a case before the original did.
    assertThat(jdbc.queryForObject("select (select processed_at from aftersales.inbound_mail where ledger_key = ?)"
        + " < (select processed_at from aftersales.inbound_mail where ledger_key = ?)", Boolean.class, unrelated,
        original)).isTrue();
    // The attempts that failed are in the job log an auditor reads.
    assertThat(count("select count(*) from act_hi_job_log where job_exception_msg_ like"
        + " '%injected outage of the case table%'")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aMailThatKeepsFailingIsListedForTheTeamLeadsAfterItsAttempts() throws Exception {
    String id = messageId();
    String marker = "Kettle always fails " + UUID.randomUUID().toString().substring(0, 6);
    deliverToServiceMailbox(rawMail(id, uniqueEmail("always"), marker, "It leaks.", Map.of()));
    jdbc.execute("""
        create or replace function aftersales.refuse_always() returns trigger language plpgsql as $$
        begin if new.subject = '%s' then raise exception 'injected permanent refusal'; end if; return new; end $$"""
        .formatted(marker));
    jdbc.execute("drop trigger if exists refuse_always on aftersales.service_case");
    jdbc.execute("create trigger refuse_always before insert on aftersales.service_case"
        + " for each row execute function aftersales.refuse_always()");
    try {
      settle(poller.poll());
    } finally {
      jdbc.execute("drop trigger if exists refuse_always on aftersales.service_case");
    }
    assertThat(ledger(id, "status")).isEqualTo("FAILED");
    assertThat(ledger(id, "error")).contains("injected permanent refusal");
    assertThat(count("select count(*) from act_ru_job where handler_type_ = 'aftersales-inbound-mail'"
        + " and handler_cfg_ = (select id::text from aftersales.inbound_mail where ledger_key = ?)", id)).isZero();
    assertThat(get("/api/mail/failures", jsonAs("tara")).getBody()).contains(marker);

    // The cause fixed, a team lead retries: it becomes a case in the background and leaves the list.
    String mailId = jdbc.queryForObject("select id::text from aftersales.inbound_mail where ledger_key = ?",
        String.class, id);
    var retry = post("/api/mail/failures/" + mailId + "/retry", "", jsonAs("tara"));
    assertThat(retry.getStatusCode().value()).isEqualTo(202);
    settle(0);
    assertThat(ledger(id, "status")).isEqualTo("PROCESSED");
    assertThat(get("/api/mail/failures", jsonAs("tara")).getBody()).doesNotContain(marker);
  }
}
