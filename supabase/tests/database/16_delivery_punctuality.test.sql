-- Delivery punctuality: which period a delivery delivers (publications.due_on), and what
-- flow_deliveries derives from it when read — on time or late on Chile's calendar, days late,
-- receipts expected and given — under the caller's RLS.
begin;
\ir helpers/access.psql
select plan(32);

insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I'), ('98', 'Otra región de prueba', 'II');
insert into public.provinces (code, region_code, name) values ('991', '99', 'Provincia de prueba');
insert into public.communes (code, province_code, region_code, name) values ('99101', '991', '99', 'Comuna de prueba');
insert into public.institutions (name, kind, level, region_code, province_code, commune_code) values
  ('Gobierno Regional de Prueba', 'regional_government', 'regional', '99', null, null),
  ('Delegación Presidencial Provincial de Prueba', 'provincial_delegation', 'provincial', '99', '991', null),
  ('Municipalidad de Prueba', 'municipality', 'communal', '99', null, '99101'),
  ('Secretaría Técnica de Prueba', 'council_secretariat', 'regional', '99', null, null),
  ('Gobierno Regional de Otra Prueba', 'regional_government', 'regional', '98', null, null);
select tests.create_user('secretariat', 'secretariat', '99');
select tests.create_user('gore', 'gore', '99');
select tests.create_user('secretariat98', 'secretariat', '98');
select tests.create_user('gore98', 'gore', '98');
select tests.create_user('nomember');

create function tests.institution(name text) returns bigint language sql as $$
  select id from public.institutions i where i.name = institution.name;
$$;
create function tests.publication(title text) returns bigint language sql as $$
  select id from public.publications p where p.title = publication.title;
$$;
create function tests.flow() returns bigint language sql as $$
  select id from public.information_flows where information = 'Avance mensual de la cartera [prueba]';
$$;
grant execute on all functions in schema tests to anon, authenticated, service_role;

insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity)
values ('99', 'Avance mensual de la cartera [prueba]', tests.institution('Secretaría Técnica de Prueba'), 'portal', 'monthly');
insert into public.information_flow_recipients (flow_id, institution_id)
select tests.flow(), tests.institution(name)
from unnest(array['Gobierno Regional de Prueba', 'Delegación Presidencial Provincial de Prueba', 'Municipalidad de Prueba']) as name;

-- ── The column and its rules ────────────────────────────────────────────────────────────────
select col_type_is('public', 'publications', 'due_on', 'date', 'a publication records the due date of the period it delivers');
select has_index('public', 'publications', 'publications_flow_id_due_on_idx', array['flow_id', 'due_on'],
  'deliveries are indexed by flow and period');
select throws_ok(
  format($$insert into public.publications (region_code, title, kind, flow_id) values ('99', 'Sin período', 'report', %s)$$, tests.flow()),
  '23514', 'new row for relation "publications" violates check constraint "publications_due_on_with_flow_only"',
  'a delivery must say which period it delivers'
);
select throws_ok(
  $$insert into public.publications (region_code, title, kind, due_on) values ('99', 'Sin flujo', 'report', '2026-03-10')$$,
  '23514', 'new row for relation "publications" violates check constraint "publications_due_on_with_flow_only"',
  'a publication that delivers no flow has no due date'
);
select lives_ok(
  $$insert into public.publications (region_code, title, kind) values ('99', 'Boletín sin flujo', 'bulletin')$$,
  'a publication without flow needs no due date'
);

-- Deliveries of the flow, one per period, at fixed instants. 2026-03-11 02:30 UTC is still
-- 10 March in Chile (UTC-3 in summer): on time there, though the UTC date is the 11th.
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
select '99', v.title, 'report', v.status::public.publication_status, v.published_at::timestamptz, tests.flow(), v.due_on::date
from (values
  ('Marzo, el último día en Chile', 'published', '2026-03-11 02:30:00+00', '2026-03-10'),
  ('Abril, cinco días tarde', 'published', '2026-04-20 15:00:00+00', '2026-04-15'),
  ('Mayo, antes de plazo', 'archived', '2026-05-05 15:00:00+00', '2026-05-10'),
  ('Enero, nunca entregada', 'draft', null, '2026-01-10'),
  ('Período futuro, en preparación', 'draft', null, '2099-01-10'),
  ('Período futuro, programada', 'scheduled', '2099-01-05 15:00:00+00', '2099-02-10')
) as v (title, status, published_at, due_on);

select throws_ok(
  format($$insert into public.publications (region_code, title, kind, flow_id, due_on) values ('99', 'Abril otra vez', 'report', %s, '2026-04-15')$$, tests.flow()),
  '23505', 'duplicate key value violates unique constraint "publications_one_delivery_per_period"',
  'a period has at most one live delivery'
);
select lives_ok(
  format($$insert into public.publications (region_code, title, kind, flow_id, due_on) values ('99', 'Mayo corregido', 'report', %s, '2026-05-10')$$, tests.flow()),
  'an archived delivery leaves its period free for a correction'
);
delete from public.publications where title = 'Mayo corregido';

-- ── Derived punctuality ─────────────────────────────────────────────────────────────────────
select is(
  (select c.reloptions from pg_class c where c.oid = 'public.flow_deliveries'::regclass),
  array['security_invoker=true'], 'flow_deliveries runs with the caller''s permissions and RLS'
);
select results_eq(
  $$select title, delivered, delivered_on, delivered_on_time, days_late
    from public.flow_deliveries where flow_id = tests.flow() and due_on < '2099-01-01' and delivered order by due_on$$,
  $$values ('Marzo, el último día en Chile', true, '2026-03-10'::date, true, 0),
           ('Abril, cinco días tarde', true, '2026-04-20'::date, false, 5),
           ('Mayo, antes de plazo', true, '2026-05-05'::date, true, 0)$$,
  'delivered on time when public by the due date on Chile''s calendar; late by the days past it'
);
select results_eq(
  $$select delivered, delivered_on_time, days_late from public.flow_deliveries where title = 'Enero, nunca entregada'$$,
  $$values (false, false, (now() at time zone 'America/Santiago')::date - '2026-01-10'::date)$$,
  'an undelivered period past due is already late, by the days so far'
);
select results_eq(
  $$select title, delivered, delivered_on_time, days_late from public.flow_deliveries where due_on > '2099-01-01' order by due_on$$,
  $$values ('Período futuro, en preparación', false, null::boolean, 0), ('Período futuro, programada', false, null::boolean, 0)$$,
  'a period not yet due and not yet public is undecided'
);
select is(
  (select count(*)::int from public.flow_deliveries where title = 'Boletín sin flujo'),
  0, 'publications that deliver no flow are not deliveries'
);

-- ── Receipts ────────────────────────────────────────────────────────────────────────────────
insert into public.acknowledgements (publication_id, institution_id) values
  (tests.publication('Abril, cinco días tarde'), tests.institution('Gobierno Regional de Prueba')),
  (tests.publication('Abril, cinco días tarde'), tests.institution('Municipalidad de Prueba')),
  (tests.publication('Marzo, el último día en Chile'), tests.institution('Gobierno Regional de Prueba'));
select results_eq(
  $$select title, recipients_expected, recipients_acknowledged from public.flow_deliveries
    where flow_id = tests.flow() and due_on < '2026-06-01' order by due_on$$,
  $$values ('Enero, nunca entregada', 3::bigint, 0::bigint),
           ('Marzo, el último día en Chile', 3::bigint, 1::bigint),
           ('Abril, cinco días tarde', 3::bigint, 2::bigint),
           ('Mayo, antes de plazo', 3::bigint, 0::bigint)$$,
  'each delivery counts the flow''s recipients and the receipts it got'
);

-- ── Under RLS ───────────────────────────────────────────────────────────────────────────────
-- Also a public delivery in region 98, which region 99's users may read as a publication but whose
-- flow (and so recipients) they may not.
insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity)
values ('98', 'Flujo de otra región [prueba]', tests.institution('Gobierno Regional de Otra Prueba'), 'email', 'monthly');
insert into public.information_flow_recipients (flow_id, institution_id)
select id, tests.institution('Gobierno Regional de Otra Prueba') from public.information_flows where information = 'Flujo de otra región [prueba]';
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
select '98', 'Entrega de otra región', 'report', 'published', '2026-04-01 15:00:00+00', id, '2026-04-10'
from public.information_flows where information = 'Flujo de otra región [prueba]';

select tests.authenticate_as_anon();
select throws_ok(
  $$select count(*) from public.flow_deliveries$$,
  '42501', 'permission denied for view flow_deliveries',
  'anonymous visitors do not read deliveries (recipients and receipts are internal)'
);
select tests.authenticate_as('nomember');
select is_empty($$select 1 from public.flow_deliveries$$, 'a user without membership reads none');

select tests.authenticate_as('gore');
select set_eq(
  $$select title from public.flow_deliveries$$,
  array['Marzo, el último día en Chile', 'Abril, cinco días tarde', 'Mayo, antes de plazo', 'Período futuro, programada'],
  'the regional government reads its region''s deliveries, not drafts'
);
select is(
  (select title from public.publications where title = 'Entrega de otra región'),
  'Entrega de otra región', 'it reads another region''s public delivery as a publication'
);
select is_empty(
  $$select 1 from public.flow_deliveries where title = 'Entrega de otra región'$$,
  'but not as a delivery: it does not read that flow nor its recipients'
);
select results_eq(
  $$select delivered_on_time, days_late, recipients_expected, recipients_acknowledged from public.flow_deliveries where title = 'Abril, cinco días tarde'$$,
  $$values (false, 5, 3::bigint, 2::bigint)$$,
  'and sees the same punctuality and receipts as the secretariat'
);

select tests.authenticate_as('gore98');
select set_eq(
  $$select title from public.flow_deliveries$$, array['Entrega de otra región'],
  'another region''s government reads only its own region''s deliveries'
);

select tests.authenticate_as('secretariat');
select set_eq(
  $$select title from public.flow_deliveries$$,
  array['Enero, nunca entregada', 'Marzo, el último día en Chile', 'Abril, cinco días tarde', 'Mayo, antes de plazo',
        'Período futuro, en preparación', 'Período futuro, programada'],
  'the secretariat reads its region''s deliveries, drafts included'
);
select throws_ok(
  $$update public.flow_deliveries set due_on = '2026-04-30' where title = 'Abril, cinco días tarde'$$,
  '55000', 'cannot update view "flow_deliveries"',
  'the view is read only: punctuality cannot be edited, only the publication'
);
select throws_ok(
  format($$update public.publications set due_on = null where id = %s$$, tests.publication('Abril, cinco días tarde')),
  '23514', 'new row for relation "publications" violates check constraint "publications_due_on_with_flow_only"',
  'nor can the secretariat drop the period of a delivery'
);
-- Moving a late delivery to a later period would report it on time: once public, its period is
-- fixed (issue 8: punctuality cannot be self-reported; see 17_integrity for the rule itself).
select throws_ok(
  format($$update public.publications set due_on = '2026-04-25' where id = %s$$, tests.publication('Abril, cinco días tarde')),
  '23514', 'El flujo y el período que entregó una publicación ya pública no se pueden cambiar.',
  'nor move a public delivery to another period'
);
select results_eq(
  $$select delivered_on_time, days_late from public.flow_deliveries where title = 'Abril, cinco días tarde'$$,
  $$values (false, 5)$$,
  'so its punctuality stays what it was'
);

select tests.authenticate_as('secretariat98');
select set_eq(
  $$select title from public.flow_deliveries$$, array['Entrega de otra región'],
  'another region''s secretariat reads only its own region''s deliveries'
);
select tests.clear_authentication();

-- ── Without its flow, a publication has no period ───────────────────────────────────────────
select lives_ok(
  format('update public.publications set flow_id = null where id = %s', tests.publication('Período futuro, programada')),
  'a publication detached from its flow'
);
select is(
  (select due_on from public.publications where title = 'Período futuro, programada'), null::date,
  'loses its period with it'
);
select tests.authenticate_as('secretariat');
select lives_ok(
  format('delete from public.information_flows where id = %s', tests.flow()),
  'the secretariat deletes a flow with deliveries'
);
select tests.clear_authentication();
select is(
  (select count(*)::int from public.publications where region_code = '99' and (flow_id is not null or due_on is not null)),
  0, 'its deliveries stay as publications, with neither flow nor period'
);
select is(
  (select count(*)::int from public.publications where title in ('Marzo, el último día en Chile', 'Abril, cinco días tarde', 'Mayo, antes de plazo')),
  3, 'and none of them is lost'
);
select is(
  (select count(*)::int from public.flow_deliveries where region_code = '99'),
  0, 'nor listed as deliveries any more'
);

select * from finish();
rollback;
