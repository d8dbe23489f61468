-- Integrity rules of docs/SECURITY.md ("Integrity"): references stay in the caller's scope and
-- their refusals reveal nothing hidden; who and when are set by the database; statuses move one
-- way. Each refusal is checked by its SQLSTATE and constraint name (what the app maps to a message).
-- The id helpers are security definer: they name fixtures the acting role may not see.
begin;
\ir helpers/access.psql
select plan(50);

select tests.create_territory();
insert into public.institutions (name, kind, level, region_code) values
  ('Gobierno Regional de Prueba Norte', 'regional_government', 'regional', '91'),
  ('Gobierno Regional de Prueba Sur', 'regional_government', 'regional', '92'),
  ('Secretaría Técnica de Prueba Norte', 'council_secretariat', 'regional', '91');
select tests.create_user('admin', 'admin');
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('secretariat92', 'secretariat', '92');
select tests.create_user('gore', 'gore', '91');

create function tests.institution(name text) returns bigint language sql security definer as $$
  select id from public.institutions i where i.name = institution.name;
$$;
create function tests.flow(information text) returns bigint language sql security definer as $$
  select id from public.information_flows f where f.information = flow.information;
$$;
create function tests.publication(title text) returns bigint language sql security definer as $$
  select id from public.publications p where p.title = publication.title;
$$;

insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity) values
  ('91', 'Cartera del norte', tests.institution('Secretaría Técnica de Prueba Norte'), 'portal', 'monthly'),
  ('92', 'Cartera del sur', tests.institution('Gobierno Regional de Prueba Sur'), 'portal', 'monthly'),
  (null, 'Cartera nacional', tests.institution('Gobierno Regional de Prueba Sur'), 'portal', 'yearly');
insert into public.information_flow_recipients (flow_id, institution_id) values
  (tests.flow('Cartera del norte'), tests.institution('Gobierno Regional de Prueba Norte')),
  (tests.flow('Cartera del sur'), tests.institution('Gobierno Regional de Prueba Norte'));

-- As the data pipeline would load them (the owner is trusted with history).
insert into public.publications (region_code, title, kind, status, published_at, author_id, flow_id, due_on) values
  ('91', 'Publicada', 'report', 'published', now() - interval '3 days', tests.user_id('secretariat'), null, null),
  ('91', 'Archivada', 'report', 'archived', now() - interval '30 days', tests.user_id('secretariat'), null, null),
  ('91', 'Programada futura', 'bulletin', 'scheduled', now() + interval '3 days', tests.user_id('secretariat'), null, null),
  ('91', 'Programada vencida', 'bulletin', 'scheduled', now() - interval '1 hour', tests.user_id('secretariat'), null, null),
  ('91', 'Borrador', 'memo', 'draft', null, tests.user_id('secretariat'), null, null),
  ('92', 'Borrador escondido del sur', 'report', 'draft', null, tests.user_id('secretariat92'), tests.flow('Cartera del sur'), '2026-05-10'),
  ('92', 'Entrega publicada del sur', 'report', 'published', now() - interval '1 day', tests.user_id('secretariat92'), tests.flow('Cartera del sur'), '2026-04-10'),
  ('91', 'Entrega del norte publicada', 'report', 'published', now() - interval '1 day', tests.user_id('secretariat'), tests.flow('Cartera del norte'), '2026-04-10');

-- ── 1. A delivery belongs to a flow of its own region, readable by the caller ──────────────────
select tests.authenticate_as('secretariat');
select is(
  tests.refusal(format($$insert into public.publications (region_code, title, kind, flow_id, due_on)
    values ('91', 'Entrega ajena', 'report', %s, '2026-06-10')$$, tests.flow('Cartera del sur'))),
  '23503 publications_flow_in_region',
  'the secretariat cannot deliver another region''s flow'
);
select is(
  tests.refusal(format($$insert into public.publications (region_code, title, kind, flow_id, due_on)
    values ('91', 'Entrega nacional', 'report', %s, '2026-12-31')$$, tests.flow('Cartera nacional'))),
  '23503 publications_flow_in_region',
  'nor a national flow from its region'
);
select is(
  tests.error_of(format($$insert into public.publications (region_code, title, kind, flow_id, due_on)
    values ('91', 'Período ocupado', 'report', %s, '2026-05-10')$$, tests.flow('Cartera del sur'))),
  tests.error_of($$insert into public.publications (region_code, title, kind, flow_id, due_on)
    values ('91', 'Flujo inexistente', 'report', -1, '2026-05-10')$$),
  'the refusal is the same for a period held by a hidden draft and for a flow that does not exist'
);
select is(
  tests.error_of(format($$insert into public.publications (region_code, title, kind, flow_id, due_on)
    values ('91', 'Período ocupado', 'report', %s, '2026-05-10')$$, tests.flow('Cartera del sur'))),
  tests.error_of(format($$insert into public.publications (region_code, title, kind, flow_id, due_on)
    values ('91', 'Período libre', 'report', %s, '2026-07-10')$$, tests.flow('Cartera del sur'))),
  'and the same for a held period and a free one: no 23505 tells which hidden drafts exist'
);
select is(
  tests.refusal(format($$update public.publications set flow_id = %s, due_on = '2026-08-10' where title = 'Borrador'$$,
    tests.flow('Cartera del sur'))),
  '23503 publications_flow_in_region',
  'an existing publication cannot be attached to another region''s flow either'
);
select lives_ok(
  format($$insert into public.publications (region_code, title, kind, flow_id, due_on)
    values ('91', 'Entrega propia', 'report', %s, '2026-05-10')$$, tests.flow('Cartera del norte')),
  'it delivers its own region''s flow, even for a period another region''s flow also has'
);
select tests.authenticate_as('admin');
select is(
  tests.refusal(format($$insert into public.publications (region_code, title, kind, flow_id, due_on)
    values ('91', 'Entrega cruzada', 'report', %s, '2026-09-10')$$, tests.flow('Cartera del sur'))),
  '23503 publications_flow_in_region',
  'the rule is about the publication''s region: administrators are held to it too'
);
select tests.clear_authentication();
select is(
  (select count(*)::int from public.publications where flow_id = tests.flow('Cartera del sur')), 2,
  'no foreign delivery was written'
);

-- ── 2. Who and when are the database's ──────────────────────────────────────────────────────────
select tests.authenticate_as('secretariat');
select is(
  tests.refusal(format($$insert into public.publications (region_code, title, kind, author_id)
    values ('91', 'A nombre de otro', 'report', %L)$$, tests.user_id('secretariat92'))),
  '42501 publications_author_is_caller',
  'a publication cannot be created in someone else''s name'
);
insert into public.publications (region_code, title, kind, status, published_at, created_at, updated_at)
values ('91', 'Publicada con fecha antigua', 'report', 'published', '2020-01-01', '2020-01-01', '2020-01-01');
select tests.clear_authentication();
select ok(
  (select published_at = now() and created_at = now() and updated_at = now() and author_id = tests.user_id('secretariat')
   from public.publications where title = 'Publicada con fecha antigua'),
  'published_at, created_at, updated_at and author_id of a new publication are the server''s'
);
select tests.authenticate_as('secretariat');
select is(
  tests.refusal($$update public.publications set author_id = null where title = 'Publicada'$$),
  '42501 publications_author_fixed',
  'the author cannot be changed'
);
select is(
  tests.refusal($$update public.publications set created_at = '2020-01-01' where title = 'Publicada'$$),
  '42501 publications_created_at_fixed',
  'nor the creation time'
);
select is(
  tests.refusal($$insert into public.publications (region_code, title, kind, status, published_at)
    values ('91', 'Programada en el pasado', 'report', 'scheduled', now() - interval '1 day')$$),
  '23514 publications_scheduled_in_future',
  'a publication cannot be scheduled in the past (backdated)'
);
select is(
  tests.refusal($$update public.publications set published_at = now() - interval '10 days' where title = 'Publicada'$$),
  '23514 publications_published_at_fixed',
  'the publication time of what has been public cannot be rewritten'
);
select is(
  tests.refusal(format($$update public.publications set due_on = '2026-12-10' where id = %s$$, tests.publication('Entrega del norte publicada'))),
  '23514 publications_delivery_fixed',
  'the period a public delivery delivered cannot be moved to make it look on time'
);
select is(
  tests.refusal(format($$update public.publications set flow_id = null where id = %s$$, tests.publication('Entrega del norte publicada'))),
  '23514 publications_delivery_fixed',
  'nor can the delivery be detached from its flow'
);
select is(
  tests.refusal($$update public.publications set status = 'scheduled', published_at = now() - interval '1 day' where title = 'Borrador'$$),
  '23514 publications_scheduled_in_future',
  'a draft cannot be scheduled in the past'
);
update public.publications set status = 'published', published_at = '2020-01-01' where title = 'Programada futura';
select tests.clear_authentication();
select is(
  (select published_at from public.publications where title = 'Programada futura'), now(),
  'publishing a scheduled publication early stamps the server''s time'
);

-- ── 3. Statuses move one way ────────────────────────────────────────────────────────────────────
select tests.authenticate_as('secretariat');
select is(
  tests.refusal($$update public.publications set status = 'draft' where title = 'Publicada'$$),
  '23514 publications_status_moves_forward',
  'a published publication cannot return to draft'
);
select is(
  tests.refusal($$update public.publications set status = 'scheduled', published_at = now() + interval '1 day' where title = 'Publicada'$$),
  '23514 publications_status_moves_forward',
  'nor to scheduled'
);
select is(
  tests.refusal($$update public.publications set status = 'draft' where title = 'Programada vencida'$$),
  '23514 publications_status_moves_forward',
  'a scheduled publication whose time has come is public: it cannot return to draft'
);
select is(
  tests.refusal($$update public.publications set status = 'published' where title = 'Archivada'$$),
  '23514 publications_status_moves_forward',
  'an archived publication stays archived'
);
select is(
  tests.refusal($$update public.publications set status = 'archived' where title = 'Borrador'$$),
  '23514 publications_status_moves_forward',
  'a draft that was never public is not archived (it is deleted)'
);
select lives_ok(
  $$update public.publications set status = 'archived' where title = 'Publicada'$$,
  'a published publication is archived'
);
select tests.clear_authentication();
select is(
  (select published_at from public.publications where title = 'Publicada'), now() - interval '3 days',
  'archiving keeps the time it became public'
);
insert into public.publications (region_code, title, kind, status, published_at, author_id)
values ('91', 'Programada para mañana', 'bulletin', 'scheduled', now() + interval '1 day', tests.user_id('secretariat'));
select tests.authenticate_as('secretariat');
select lives_ok(
  $$update public.publications set status = 'draft' where title = 'Programada para mañana'$$,
  'a scheduled publication still in the future returns to draft'
);
select lives_ok(
  $$update public.publications set status = 'scheduled', published_at = now() + interval '2 days' where title = 'Programada para mañana'$$,
  'and is scheduled again, for the future'
);
select results_eq(
  $$with deleted as (delete from public.publications where title in ('Publicada', 'Programada vencida') returning 1)
    select count(*)::int from deleted$$,
  array[0],
  'what has been public cannot be deleted by the secretariat'
);
select tests.clear_authentication();

-- ── Acknowledgements: by the caller, now, of what it can read; then fixed ───────────────────────
select tests.authenticate_as('gore');
select is(
  tests.refusal(format($$insert into public.acknowledgements (publication_id, institution_id, user_id)
    values (%s, %s, %L)$$, tests.publication('Entrega publicada del sur'), tests.institution('Gobierno Regional de Prueba Norte'),
    tests.user_id('admin'))),
  '42501 acknowledgements_user_is_caller',
  'a receipt cannot be acknowledged in someone else''s name'
);
select is(
  tests.error_of(format($$insert into public.acknowledgements (publication_id, institution_id)
    values (%s, %s)$$, tests.publication('Borrador escondido del sur'), tests.institution('Gobierno Regional de Prueba Norte'))),
  tests.error_of(format($$insert into public.acknowledgements (publication_id, institution_id)
    values (-1, %s)$$, tests.institution('Gobierno Regional de Prueba Norte'))),
  'acknowledging a hidden draft fails exactly like acknowledging a publication that does not exist'
);
select is(
  tests.refusal(format($$insert into public.acknowledgements (publication_id, institution_id)
    values (-1, %s)$$, tests.institution('Gobierno Regional de Prueba Norte'))),
  '23514 acknowledgements_publication_public',
  'with the error for what is not public'
);
insert into public.acknowledgements (publication_id, institution_id, acknowledged_at)
values (tests.publication('Entrega publicada del sur'), tests.institution('Gobierno Regional de Prueba Norte'), '2020-01-01');
select tests.clear_authentication();
select ok(
  (select acknowledged_at = now() and user_id = tests.user_id('gore') from public.acknowledgements
   where publication_id = tests.publication('Entrega publicada del sur')),
  'acknowledged_at and user_id are the server''s'
);
select tests.authenticate_as('admin');
select is(
  tests.refusal(format($$update public.acknowledgements set acknowledged_at = '2020-01-01' where publication_id = %s$$,
    tests.publication('Entrega publicada del sur'))),
  '42501 acknowledgements_receipt_fixed',
  'a receipt''s time cannot be changed, not even by an administrator'
);
select is(
  tests.refusal(format($$update public.acknowledgements set user_id = %L where publication_id = %s$$,
    tests.user_id('admin'), tests.publication('Entrega publicada del sur'))),
  '42501 acknowledgements_receipt_fixed',
  'nor who acknowledged it'
);
select is(
  tests.refusal(format($$insert into public.acknowledgements (publication_id, institution_id, user_id)
    values (%s, %s, %L)$$, tests.publication('Entrega publicada del sur'), tests.institution('Gobierno Regional de Prueba Norte'),
    tests.user_id('gore'))),
  '42501 acknowledgements_user_is_caller',
  'an administrator cannot acknowledge in a regional government''s name'
);
select tests.clear_authentication();

-- ── Commitments and PMG evaluations ─────────────────────────────────────────────────────────────
insert into public.agreements (kind, title, problem, signed_on, region_code)
values ('cooperation_agreement', 'Convenio del norte', 'Conectividad', '2025-01-01', '91');
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on, status, progress)
select a.id, c.title, tests.institution('Gobierno Regional de Prueba Norte'), 'territorio', '2026-12-31', c.status::public.commitment_status, c.progress
from public.agreements a, (values ('Cumplido', 'fulfilled', 100), ('Cancelado', 'cancelled', 0), ('Pendiente', 'pending', 0)) as c (title, status, progress)
where a.title = 'Convenio del norte';
create function tests.commitment(title text) returns bigint language sql security definer as $$
  select id from public.commitments c where c.title = commitment.title;
$$;

select tests.authenticate_as('admin');
select is(
  tests.refusal($$update public.commitments set status = 'pending', progress = 50 where title = 'Cumplido'$$),
  '23514 commitments_status_moves_forward',
  'a fulfilled commitment does not reopen'
);
select is(
  tests.refusal($$update public.commitments set created_at = '2020-01-01' where title = 'Pendiente'$$),
  '42501 commitments_created_at_fixed',
  'a commitment''s creation time cannot be changed'
);
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on, created_at)
select a.id, 'Nuevo', tests.institution('Gobierno Regional de Prueba Norte'), 'territorio', '2026-12-31', '2020-01-01'
from public.agreements a where a.title = 'Convenio del norte';
select tests.authenticate_as('secretariat');
select is(
  tests.refusal(format('select public.update_commitment_progress(%s, 10::smallint, null, %L)', tests.commitment('Cancelado'), 'in_progress')),
  '23514 commitments_status_moves_forward',
  'the secretariat cannot revive a cancelled commitment'
);
select lives_ok(
  format('select public.update_commitment_progress(%s, 10::smallint, null, %L)', tests.commitment('Pendiente'), 'in_progress'),
  'pending moves on to in progress'
);
select is(
  tests.refusal(format('select public.update_commitment_progress(%s, 10::smallint, null, %L)', tests.commitment('Pendiente'), 'pending')),
  '23514 commitments_status_moves_forward',
  'and not back'
);
select tests.clear_authentication();
select is(
  (select created_at from public.commitments where title = 'Nuevo'), now(),
  'a new commitment''s creation time is the server''s'
);

insert into public.pmg_evaluations (institution_id, year, requirement_code, status) values
  (tests.institution('Gobierno Regional de Prueba Norte'), 2099, '1.1', 'final'),
  (tests.institution('Gobierno Regional de Prueba Norte'), 2099, '1.2', 'draft');
select tests.authenticate_as('admin');
select lives_ok(
  $$update public.pmg_evaluations set status = 'submitted' where year = 2099 and requirement_code = '1.2'$$,
  'a draft evaluation is submitted'
);
select is(
  tests.refusal($$update public.pmg_evaluations set status = 'draft' where year = 2099 and requirement_code = '1.2'$$),
  '23514 pmg_evaluations_status_moves_forward',
  'a submitted PMG evaluation does not return to draft'
);
-- (A final one is frozen altogether: 14_pmg_evaluations.test.sql.)

-- Creation times elsewhere: fixed for every API caller (each table has a row of this test's own).
select tests.clear_authentication();
insert into public.projects (service_code, name, stage, status, geom)
values ('vialidad', 'Proyecto del norte', 'idea', 'planned', tests.point(-99.95, -39.95));
select tests.authenticate_as('admin');
select is(
  tests.refusal(format($$update public.%I set created_at = '2020-01-01' where true$$, t)),
  format('42501 %s_created_at_fixed', t),
  format('%s: the creation time cannot be changed', t)
)
from unnest(array['institutions', 'memberships', 'projects', 'agreements', 'information_flows', 'pmg_evaluations']) as t;
select tests.clear_authentication();

-- ── Trusted loaders keep their history ──────────────────────────────────────────────────────────
set local role service_role;
insert into public.publications (region_code, title, kind, status, published_at, created_at)
values ('91', 'Importada', 'report', 'published', '2024-03-01', '2024-02-01');
reset role;
select is(
  (select array[published_at, created_at] from public.publications where title = 'Importada'),
  array['2024-03-01'::timestamptz, '2024-02-01'::timestamptz],
  'the service role (imports, sample data) keeps the times it loads'
);

select * from finish();
rollback;
