-- The KPIs of a period read the clocks and surveys of the period's cases by time (README decision 79).
create index sla_clock_started_ix on sla_clock (started_at);
create index survey_offered_ix on survey (offered_at);
