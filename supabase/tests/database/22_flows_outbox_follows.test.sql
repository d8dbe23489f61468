-- Area flows (issue 9 §2–4): due dates from the periodicity, the flow advanced by its deliveries,
-- the periods' states on the desk, the e-mail outbox (queued by the database, claimed and recorded
-- by the service role only), contacts, the recipients' inbox, follows and what a follower is told.
begin;
\ir helpers/access.psql
select plan(51);

select tests.create_territory();
insert into public.institutions (name, kind, level, region_code, commune_code) values
  ('Gobierno Regional de Prueba Norte', 'regional_government', 'regional', '91', null),
  ('Gobierno Regional de Prueba Sur', 'regional_government', 'regional', '92', null),
  ('Municipalidad de Prueba Norte', 'municipality', 'communal', '91', '91101'),
  ('Secretaría Técnica de Prueba Norte', 'council_secretariat', 'regional', '91', null);

create function tests.institution(name text) returns bigint language sql as $$
  select id from public.institutions i where i.name = institution.name;
$$;
create function tests.today() returns date language sql as $$
  select (now() at time zone 'America/Santiago')::date;
$$;
create function tests.flow(information text) returns bigint language sql as $$
  select id from public.information_flows f where f.information = flow.information;
$$;
create function tests.as_service_role() returns void language plpgsql as $$
begin
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', json_build_object('role', 'service_role')::text, true);
  perform set_config('role', 'service_role', true);
end;
$$;
grant execute on all functions in schema tests to anon, authenticated, service_role;

select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('gore', 'gore', '91');
select tests.create_user('muni', 'gore', '91', tests.institution('Municipalidad de Prueba Norte'));
select tests.create_user('gore92', 'gore', '92');

-- ── Due dates from the periodicity ──────────────────────────────────────────────────────────
select is(
  array(select public.flow_due_dates('monthly', '2026-01-31', '2026-05-31')),
  array['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']::date[],
  'monthly periods count from the anchor: the 31st comes back after February'
);
select is(
  array(select public.flow_due_dates('fortnightly', '2026-01-05', '2026-02-15')),
  array['2026-01-05', '2026-01-19', '2026-02-02']::date[],
  'fortnightly periods are 14 days apart, up to the given date'
);
select is(
  array(select public.flow_due_dates('quarterly', '2026-01-15', '2026-12-31')),
  array['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15']::date[],
  'quarterly periods'
);
select is(
  array(select public.flow_due_dates('once', '2026-03-01', '2030-01-01')),
  array['2026-03-01']::date[],
  'a flow of periodicity once has one period'
);
select is(
  array(select public.flow_due_dates('weekly', '2026-03-01', '2026-02-01')),
  array[]::date[],
  'no period before the first'
);

-- ── The flow's next due date is the database's ──────────────────────────────────────────────
insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity, first_due_on)
values
  ('91', 'Cartera mensual [prueba]', tests.institution('Secretaría Técnica de Prueba Norte'), 'email', 'monthly', '2026-01-10'),
  ('91', 'Informe único [prueba]', tests.institution('Secretaría Técnica de Prueba Norte'), 'portal', 'once', '2026-02-01');
insert into public.information_flow_recipients (flow_id, institution_id)
select tests.flow('Cartera mensual [prueba]'), tests.institution(n)
from unnest(array['Gobierno Regional de Prueba Norte', 'Municipalidad de Prueba Norte']) n;
insert into public.information_flow_recipients (flow_id, institution_id)
values (tests.flow('Informe único [prueba]'), tests.institution('Gobierno Regional de Prueba Norte'));

select is((select next_due_on from public.information_flows where id = tests.flow('Cartera mensual [prueba]')),
  '2026-01-10'::date, 'a new flow is next due on its first period');

select tests.authenticate_as('secretariat');
update public.information_flows set next_due_on = '2030-01-01' where id = tests.flow('Cartera mensual [prueba]');
select tests.clear_authentication();
select is((select next_due_on from public.information_flows where id = tests.flow('Cartera mensual [prueba]')),
  '2026-01-10'::date, 'a client cannot set the next due date: the schedule decides');

-- Contacts of the recipients, for the e-mail flow.
insert into public.contacts (institution_id, name, email) values
  (tests.institution('Gobierno Regional de Prueba Norte'), 'Ana', 'Ana@GoreNorte.invalid'),
  (tests.institution('Gobierno Regional de Prueba Norte'), 'Beto', 'beto@gorenorte.invalid'),
  (tests.institution('Municipalidad de Prueba Norte'), 'Carla', 'carla@muninorte.invalid');

select tests.authenticate_as('secretariat');
insert into public.publications (region_code, title, kind, status, flow_id, due_on)
values ('91', 'Enero en preparación [prueba]', 'report', 'draft', tests.flow('Cartera mensual [prueba]'), '2026-01-10');
select tests.clear_authentication();
select is((select next_due_on from public.information_flows where id = tests.flow('Cartera mensual [prueba]')),
  '2026-01-10'::date, 'a delivery in draft does not advance the flow');
select is((select count(*)::int from public.email_outbox), 0, 'a draft sends nothing');

select tests.authenticate_as('secretariat');
update public.publications set status = 'published' where title = 'Enero en preparación [prueba]';
select tests.clear_authentication();
select is((select next_due_on from public.information_flows where id = tests.flow('Cartera mensual [prueba]')),
  '2026-02-10'::date, 'publishing the delivery of a period advances the flow to the next period');
select is(
  array(select to_address || ':' || status from public.email_outbox order by to_address),
  array['ana@gorenorte.invalid:queued', 'beto@gorenorte.invalid:queued', 'carla@muninorte.invalid:queued'],
  'publishing a delivery of an e-mail flow queues one message per contact of each recipient institution'
);

select tests.authenticate_as('secretariat');
update public.publications set summary = 'Corregido' where title = 'Enero en preparación [prueba]';
select tests.clear_authentication();
select is((select count(*)::int from public.email_outbox), 3, 'editing what is already public sends nothing again');

-- Scheduling the next period advances the flow too, and queues its mail for the publication time.
select tests.authenticate_as('secretariat');
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
values ('91', 'Febrero programada [prueba]', 'report', 'scheduled', now() + interval '3 days',
        tests.flow('Cartera mensual [prueba]'), '2026-02-10');
select tests.clear_authentication();
select is((select next_due_on from public.information_flows where id = tests.flow('Cartera mensual [prueba]')),
  '2026-03-10'::date, 'a scheduled delivery advances the flow');
select ok(
  (select bool_and(e.next_attempt_at = p.published_at) from public.email_outbox e
   join public.publications p on p.id = e.publication_id where p.title = 'Febrero programada [prueba]'),
  'the mail of a scheduled delivery waits for its publication time'
);
-- Published now instead of at its time: its mail goes now, not at the time it was scheduled for.
savepoint published_early;
select tests.authenticate_as('secretariat');
update public.publications set status = 'published' where title = 'Febrero programada [prueba]';
select tests.clear_authentication();
select ok(
  (select bool_and(e.next_attempt_at <= now()) from public.email_outbox e
   join public.publications p on p.id = e.publication_id where p.title = 'Febrero programada [prueba]'),
  'a scheduled delivery published ahead of its time sends its mail now'
);
rollback to savepoint published_early;
select tests.authenticate_as('secretariat');
update public.publications set status = 'draft' where title = 'Febrero programada [prueba]';
select tests.clear_authentication();
select is((select next_due_on from public.information_flows where id = tests.flow('Cartera mensual [prueba]')),
  '2026-02-10'::date, 'taken back to draft, the period is owed again');
select is(
  (select count(*)::int from public.email_outbox e join public.publications p on p.id = e.publication_id
   where p.title = 'Febrero programada [prueba]'),
  0, 'taken back to draft, its messages are withdrawn'
);

-- A flow delivered once is done; one not sent by e-mail queues nothing.
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
values ('91', 'Informe único entregado [prueba]', 'report', 'published', now() - interval '1 day',
        tests.flow('Informe único [prueba]'), '2026-02-01');
select is((select next_due_on from public.information_flows where id = tests.flow('Informe único [prueba]')),
  null::date, 'a flow of periodicity once has no next due date once delivered');
select is(
  (select count(*)::int from public.email_outbox e join public.publications p on p.id = e.publication_id
   where p.title = 'Informe único entregado [prueba]'),
  0, 'a delivery of a flow not sent by e-mail queues no mail'
);

-- ── The outbox: claimed and recorded by the service role only ──────────────────────────────
select tests.authenticate_as('secretariat');
select throws_ok($$select * from public.claim_due_emails()$$, '42501', null, 'a member cannot claim the outbox');
select throws_ok($$select public.record_email_attempt(1, true)$$, '42501', null, 'nor record a send');
select is((select count(*)::int from public.email_outbox), 3, 'the secretariat reads its region''s outbox');
select throws_ok($$update public.email_outbox set status = 'sent'$$, '42501', null, 'but cannot write it');
select tests.clear_authentication();

select tests.as_service_role();
create temporary table claimed on commit drop as select * from public.claim_due_emails(10);
select is((select count(*)::int from claimed), 3, 'the sender claims the due messages of public deliveries');
select is((select count(*)::int from public.claim_due_emails(10)), 0, 'claimed messages are leased: a second sender gets none');
select is(
  public.record_email_attempt((select id from claimed where to_address = 'ana@gorenorte.invalid'), false,
    'connect ECONNREFUSED', '10 minutes', 3),
  'queued'::public.email_status, 'a failed send is queued again'
);
select is(
  public.record_email_attempt((select id from claimed where to_address = 'beto@gorenorte.invalid'), true),
  'sent'::public.email_status, 'a sent message is recorded as sent'
);
select tests.clear_authentication();
select is(
  (select (attempts, last_error, next_attempt_at > now() + interval '9 minutes')::text from public.email_outbox
   where to_address = 'ana@gorenorte.invalid'),
  '(1,"connect ECONNREFUSED",t)', 'the failure keeps its attempt count, its error and its back-off'
);
select is(
  (select (status, attempts, sent_at is not null)::text from public.email_outbox where to_address = 'beto@gorenorte.invalid'),
  '(sent,1,t)', 'the send is recorded with its time'
);
update public.email_outbox set next_attempt_at = now() - interval '1 second' where to_address = 'ana@gorenorte.invalid';
select tests.as_service_role();
select public.record_email_attempt(id, false, 'timeout', '0 seconds', 3) from public.claim_due_emails(10) where to_address = 'ana@gorenorte.invalid';
select is(
  (select public.record_email_attempt(id, false, 'timeout', '0 seconds', 3) from public.claim_due_emails(10)
   where to_address = 'ana@gorenorte.invalid'),
  'failed'::public.email_status, 'after the last attempt the message fails'
);
select is(
  (select count(*)::int from public.claim_due_emails(10) where to_address = 'ana@gorenorte.invalid'),
  0, 'a failed message is not claimed again'
);
select tests.clear_authentication();
select ok(
  exists (select 1 from public.publications where title = 'Enero en preparación [prueba]' and status = 'published'),
  'a failed send leaves the publication as it was'
);

-- ── Contacts ───────────────────────────────────────────────────────────────────────────────
select is(
  tests.refusal($$insert into public.contacts (institution_id, name, email) values (1, 'X', 'no es un correo')$$),
  '23514 contacts_email_valid', 'an address without @ and domain is refused'
);
select is(
  tests.refusal(format($$insert into public.contacts (institution_id, name, email) values (%s, 'Otra Ana', 'ANA@gorenorte.invalid')$$,
    tests.institution('Gobierno Regional de Prueba Norte'))),
  '23505 contacts_one_address_per_institution', 'an address is recorded once per institution, whatever its case'
);

-- ── Periods on the desk ─────────────────────────────────────────────────────────────────────
insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity, first_due_on)
values ('91', 'Semanal [prueba]', tests.institution('Secretaría Técnica de Prueba Norte'), 'portal', 'weekly', tests.today() - 21);
insert into public.information_flow_recipients (flow_id, institution_id)
values (tests.flow('Semanal [prueba]'), tests.institution('Gobierno Regional de Prueba Norte'));
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on) values
  ('91', 'Semana 1 a tiempo [prueba]', 'report', 'published',
   (tests.today() - 22)::timestamp at time zone 'America/Santiago' + interval '12 hours', tests.flow('Semanal [prueba]'), tests.today() - 21),
  ('91', 'Semana 2 tarde [prueba]', 'report', 'published',
   (tests.today() - 10)::timestamp at time zone 'America/Santiago' + interval '12 hours', tests.flow('Semanal [prueba]'), tests.today() - 14);

select tests.authenticate_as('secretariat');
select is(
  array(select state || ':' || days_late from public.flow_periods(tests.today() - 30, tests.today() + 10)
        where flow_id = tests.flow('Semanal [prueba]') order by due_on),
  array['delivered_on_time:0', 'delivered_late:4', 'missing:7', 'due_soon:0', 'due_soon:0'],
  'periods are on time, late, missing (with the days so far) or due within 7 days'
);
select is(
  (select count(*)::int from public.flow_periods(tests.today() - 30, tests.today() + 30) where flow_id = tests.flow('Semanal [prueba]') and state = 'upcoming'),
  3, 'later periods are upcoming'
);
select tests.authenticate_as('gore92');
select is((select count(*)::int from public.flow_periods('2026-01-01', tests.today() + 10)), 0,
  'another region''s role sees none of the region''s periods');
select tests.clear_authentication();

-- ── The inbox ───────────────────────────────────────────────────────────────────────────────
select tests.authenticate_as('gore');
select is(
  array(select title from public.inbox order by acknowledged, published_at desc),
  array['Enero en preparación [prueba]', 'Informe único entregado [prueba]', 'Semana 2 tarde [prueba]', 'Semana 1 a tiempo [prueba]'],
  'the regional government sees the public deliveries addressed to it'
);
insert into public.acknowledgements (publication_id, institution_id)
values ((select id from public.publications where title = 'Semana 2 tarde [prueba]'), tests.institution('Gobierno Regional de Prueba Norte'));
select is(
  (select array_agg(title order by acknowledged, published_at desc) from public.inbox),
  array['Enero en preparación [prueba]', 'Informe único entregado [prueba]', 'Semana 1 a tiempo [prueba]', 'Semana 2 tarde [prueba]'],
  'an acknowledged delivery moves after the unread ones'
);
select tests.authenticate_as('muni');
select is(array(select title from public.inbox), array['Enero en preparación [prueba]'],
  'a municipality user sees what is addressed to its municipality');
select tests.authenticate_as('gore92');
select is((select count(*)::int from public.inbox), 0, 'another region''s government sees nothing');
select tests.clear_authentication();

-- ── Follows and what a follower is told ─────────────────────────────────────────────────────
insert into public.projects (service_code, name, stage, status, geom)
values ('vialidad', 'Camino costero [prueba]', 'design', 'in_progress', tests.point(-99.95, -39.95));
insert into public.agreements (kind, title, problem, signed_on, region_code)
values ('cooperation_agreement', 'Convenio Norte [prueba]', 'Conectividad', '2025-01-15', '91');
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on)
values ((select id from public.agreements where title = 'Convenio Norte [prueba]'), 'Compromiso que vence [prueba]',
        tests.institution('Gobierno Regional de Prueba Norte'), 'territorio', tests.today() + 3);

select tests.authenticate_as('gore92');
insert into public.follows (user_id, kind, region_code) values (tests.user_id('gore'), 'region', '91');
select is((select user_id from public.follows), tests.user_id('gore92'),
  'a follow is the caller''s own, whoever the client names');
select tests.clear_authentication();

update public.projects set status = 'halted' where name = 'Camino costero [prueba]';
insert into public.publications (region_code, title, kind, status) values ('91', 'Borrador no visible [prueba]', 'bulletin', 'draft');

select tests.authenticate_as('gore92');
select is(
  array(select subject || ':' || change from public.my_followed_changes(now() - interval '1 hour') order by subject, change),
  array['commitment:due_soon', 'project:status', 'publication:published'],
  'a follower of a region hears of status changes, new public publications and commitments coming due'
);
select is(
  (select count(*)::int from public.my_followed_changes(now() - interval '1 hour') where title = 'Borrador no visible [prueba]'),
  0, 'never of a draft'
);
select is(
  (select old_value || ' → ' || new_value from public.my_followed_changes(now() - interval '1 hour') where subject = 'project'),
  'in_progress → halted', 'a status change says from what to what'
);
select throws_ok(
  format($$select * from private.followed_changes(%L, now() - interval '1 day')$$, tests.user_id('gore')),
  '42501', null, 'nobody reads another user''s changes'
);
select throws_ok($$select * from public.digests_due()$$, '42501', null, 'only the digest sender lists due digests');
select throws_ok(
  format($$select * from public.digest_for(%L, now() - interval '1 day')$$, tests.user_id('gore')),
  '42501', null, 'nor reads a digest'
);
select tests.authenticate_as('gore');
select is(
  array(select title from public.my_followed_changes(now() - interval '1 hour')),
  array['Compromiso que vence [prueba]'],
  'the responsible institution''s users follow its commitments without asking'
);
select tests.clear_authentication();

insert into public.digest_settings (user_id, frequency) values (tests.user_id('gore92'), 'daily');
select tests.as_service_role();
select is((select count(*)::int from public.digests_due() where user_id = tests.user_id('gore92')), 1,
  'a digest never sent is due');
select public.mark_digest_sent(tests.user_id('gore92'), now());
select is((select count(*)::int from public.digests_due() where user_id = tests.user_id('gore92')), 0,
  'once sent, the next is due a day later');
select tests.clear_authentication();

select * from finish();
rollback;
