-- The PMG evidence per place and with national agreements in the regions they lie in (area pmg,
-- 20261203010100/…0200; docs/DATA.md "Evidencia PMG"). Fixtures of 2024 in regions 91 and 92,
-- every figure counted by hand, several also by direct SQL.
begin;
\ir helpers/access.psql
select plan(34);

-- ── The regional part of a national commitment's cost (the workspace's costByRegion rule) ───────
select is(private.regional_cost_share(3000000, array['08101', '08102', '13101'], '08'), 2000000::bigint,
  'a cost splits by comunas: two of three in 08');
select is(private.regional_cost_share(3000000, array['08101', '08102', '13101'], '13'), 1000000::bigint,
  'and one of three in 13');
select is(
  array[private.regional_cost_share(10, array['05101', '05102', '13101'], '05'),
        private.regional_cost_share(10, array['05101', '05102', '13101'], '13')],
  array[7, 3]::bigint[], 'whole pesos by the largest remainder (6,67 → 7 and 3,33 → 3), adding up to the cost');
select is(
  array[private.regional_cost_share(1, array['13101', '05101', '08101'], '05'),
        private.regional_cost_share(1, array['13101', '05101', '08101'], '08'),
        private.regional_cost_share(1, array['13101', '05101', '08101'], '13')],
  array[1, 0, 0]::bigint[], 'equal remainders go to the lower region code');
select is(private.regional_cost_share(4, array['08101', '08101', '13101'], '08'), 2::bigint,
  'a comuna listed twice counts once');
select is(
  array[private.regional_cost_share(500, '{}', '08'), private.regional_cost_share(500, array['13101'], '08')],
  array[0, 0]::bigint[], 'no part in a region where none of its comunas lies');
select is(private.regional_cost_share(null, array['08101'], '08'), null, 'no estimate, no part');

-- ── Fixtures ─────────────────────────────────────────────────────────────────────────────────────
select tests.create_territory();
insert into public.institutions (name, acronym, kind, level, region_code, commune_code) values
  ('Gobierno Regional Norte', null, 'regional_government', 'regional', '91', null),
  ('Gobierno Regional Sur', null, 'regional_government', 'regional', '92', null),
  ('Municipalidad Noroeste', null, 'municipality', 'communal', '91', '91101'),
  ('Municipalidad Noreste', null, 'municipality', 'communal', '91', '91102'),
  ('Secretaría Técnica Norte', null, 'council_secretariat', 'regional', '91', null),
  ('Dirección Nacional de Prueba', 'DNP', 'service', 'national', null, null);
create function tests.institution(name text) returns bigint language sql as $$
  select id from public.institutions i where i.name = institution.name;
$$;
create function tests.agreement(title text) returns bigint language sql as $$
  select id from public.agreements a where a.title = agreement.title;
$$;
create function tests.commitment(title text) returns bigint language sql as $$
  select id from public.commitments c where c.title = commitment.title;
$$;
grant execute on all functions in schema tests to anon, authenticated, service_role;
select tests.create_user('admin', 'admin');
select tests.create_user('secretariat', 'secretariat', '91');

insert into public.agreements (kind, title, problem, signed_on, region_code) values
  ('working_group', 'Mesa norte', 'Caminos rurales', '2024-02-01', '91'),
  ('cooperation_agreement', 'Convenio nacional', 'Agua potable rural', '2024-01-15', null),
  ('memorandum_of_understanding', 'Nacional sin comunas', 'Conectividad digital', '2024-03-01', null);
insert into public.agreement_parties (agreement_id, institution_id, role) values
  (tests.agreement('Mesa norte'), tests.institution('Gobierno Regional Norte'), 'signatory'),
  (tests.agreement('Mesa norte'), tests.institution('Municipalidad Noroeste'), 'implementer'),
  (tests.agreement('Convenio nacional'), tests.institution('Dirección Nacional de Prueba'), 'coordinator'),
  (tests.agreement('Convenio nacional'), tests.institution('Gobierno Regional Norte'), 'signatory'),
  (tests.agreement('Convenio nacional'), tests.institution('Gobierno Regional Sur'), 'signatory'),
  (tests.agreement('Nacional sin comunas'), tests.institution('Dirección Nacional de Prueba'), 'signatory');
insert into public.agreement_communes (agreement_id, commune_code) values
  (tests.agreement('Mesa norte'), '91101'), (tests.agreement('Convenio nacional'), '91102');
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on, estimated_cost_clp)
select tests.agreement(a), t, tests.institution('Dirección Nacional de Prueba'), 'territorio', d::date, c
from (values
  ('Mesa norte', 'Norte a tiempo', '2024-06-30', 1000000),
  ('Mesa norte', 'Norte vencido', '2024-09-30', 2000000),
  ('Mesa norte', 'Norte sin comuna', '2024-08-01', 400000),
  ('Convenio nacional', 'Nacional repartido', '2024-05-01', 3000000),
  ('Convenio nacional', 'Nacional del sur', '2024-07-01', 1000001),
  ('Convenio nacional', 'Nacional sin comuna', '2024-07-01', 500)
) as v (a, t, d, c);
insert into public.commitment_communes (commitment_id, commune_code) values
  (tests.commitment('Norte a tiempo'), '91101'), (tests.commitment('Norte vencido'), '91101'),
  (tests.commitment('Nacional repartido'), '91101'), (tests.commitment('Nacional repartido'), '91102'),
  (tests.commitment('Nacional repartido'), '92101'), (tests.commitment('Nacional del sur'), '92101');
update public.commitments set progress = 100, status = 'fulfilled' where title in ('Norte a tiempo', 'Nacional repartido');
update public.commitment_progress set changed_at = '2024-04-01 12:00-03'
where commitment_id in (tests.commitment('Norte a tiempo'), tests.commitment('Nacional repartido')) and status = 'fulfilled';

insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity)
values ('91', 'Cartera trimestral [lugares]', tests.institution('Secretaría Técnica Norte'), 'portal', 'quarterly');
insert into public.information_flow_recipients (flow_id, institution_id)
select f.id, tests.institution(name) from public.information_flows f,
  unnest(array['Gobierno Regional Norte', 'Municipalidad Noroeste']) as name
where f.information = 'Cartera trimestral [lugares]';
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
select '91', t, 'report', s::public.publication_status, p::timestamptz, f.id, d::date
from public.information_flows f, (values
  ('T1', 'published', '2024-03-30 10:00-03', '2024-03-31'),
  ('T2', 'published', '2024-07-05 10:00-04', '2024-06-30'),
  ('T3', 'draft', null, '2024-09-30')
) as v (t, s, p, d)
where f.information = 'Cartera trimestral [lugares]';
insert into public.acknowledgements (publication_id, institution_id)
select p.id, tests.institution('Municipalidad Noroeste') from public.publications p where p.title = 'T1';
insert into public.acknowledgements (publication_id, institution_id)
select p.id, tests.institution('Gobierno Regional Norte') from public.publications p where p.title in ('T1', 'T2');

select tests.authenticate_as('admin');
create temporary table evidence on commit drop as
  select r as region, public.pmg_evidence(2024, r) as e from unnest(array['91', '92', null]) r;
grant select on evidence to authenticated;
select tests.clear_authentication();
create function tests.e(region text) returns jsonb language sql as $$
  select e from evidence where region is not distinct from e.region;
$$;
grant execute on function tests.e(text) to authenticated;
select tests.authenticate_as('admin');

-- ── National agreements in the regions they lie in ───────────────────────────────────────────────
select is(
  array[tests.e('91') -> '1.1' ->> 'agreements', tests.e('92') -> '1.1' ->> 'agreements'],
  array['2', '1'], '1.1: a national agreement counts in every region of its comunas (91 and 92)');
select is((tests.e(null) -> '1.1' ->> 'agreements')::int,
  (select count(*)::int from public.agreements where signed_on <= '2024-12-31' and (ends_on is null or ends_on >= '2024-01-01')),
  '1.1: and once in the country (direct SQL)');
select is((select jsonb_agg(p ->> 'title' order by p ->> 'title') from jsonb_array_elements(tests.e('91') -> '1.1' -> 'problems') p),
  '["Convenio nacional", "Mesa norte"]', '1.1: its problem is among the region''s');
select is((select jsonb_agg(r order by r ->> 'region_code') from jsonb_array_elements(tests.e(null) -> '1.1' -> 'by_region') r
   where r ->> 'region_code' in ('91', '92')),
  '[{"agreements": 2, "region_code": "91"}, {"agreements": 1, "region_code": "92"}]',
  '1.1: by region, a national agreement under each region it lies in');
select is((select (r ->> 'agreements')::int from jsonb_array_elements(tests.e(null) -> '1.1' -> 'by_region') r
   where r ->> 'region_code' is null),
  (select count(*)::int from public.agreements a
   where a.region_code is null and a.signed_on <= '2024-12-31' and (a.ends_on is null or a.ends_on >= '2024-01-01')
     and not exists (select 1 from public.agreement_communes ac where ac.agreement_id = a.id)
     and not exists (select 1 from public.commitments c join public.commitment_communes cc on cc.commitment_id = c.id
                     where c.agreement_id = a.id)),
  '1.1: and one without comunas under none (direct SQL)');
select is(array[tests.e('91') -> '1.1' ->> 'regions', tests.e('92') -> '1.1' ->> 'regions'], array['1', '1'],
  '1.1: a region''s part has its one region with problems identified');
select is((tests.e('91') -> '1.2' ->> 'institutions')::int,
  (select count(distinct institution_id)::int from public.agreement_parties
   where agreement_id in (tests.agreement('Mesa norte'), tests.agreement('Convenio nacional'))),
  '1.2: the national agreement''s parties are articulated in the region too (direct SQL)');
select is(array[tests.e('92') -> '1.2' ->> 'communes_covered', tests.e('92') -> '1.2' ->> 'communes_total'],
  array['1', '3'], '1.2: comunas covered count only the region''s own (92101 of 92''s three)');
select is(tests.e('92') -> '1.2' -> 'covered_communes', '["92101"]', '1.2: and list only them');
select is(array[tests.e('91') -> '1.3' ->> 'formal_agreements', tests.e('92') -> '1.3' ->> 'formal_agreements'],
  array['2', '1'], '1.3: the national agreement is a formal agreement of both regions');
select is(
  array[tests.e('91') -> '1.3' ->> 'commitments_scheduled', tests.e('91') -> '1.3' ->> 'commitments_due',
        tests.e('91') -> '1.3' ->> 'fulfilled_on_time', tests.e('91') -> '1.3' ->> 'overdue'],
  array['4', '4', '2', '2'],
  '1.3: of its commitments, the region counts those concerning its comunas (not the south''s, not those without a comuna)');
select is((tests.e('91') -> '1.3' ->> 'estimated_cost_clp')::bigint, 5400000::bigint,
  '1.3: the region''s own commitments whole, the national one''s part by comunas (3 400 000 + 2 000 000)');
select is((tests.e('92') -> '1.3' ->> 'estimated_cost_clp')::bigint, 2000001::bigint,
  '1.3: the other region gets the rest of it (1 000 000 + 1 000 001)');
select is((tests.e(null) -> '1.3' ->> 'estimated_cost_clp')::bigint,
  (select coalesce(sum(c.estimated_cost_clp), 0)::bigint from public.commitments c join public.agreements a on a.id = c.agreement_id
   where a.signed_on <= '2024-12-31' and (a.ends_on is null or a.ends_on >= '2024-01-01')
     and (select count(*) from public.agreement_parties ap where ap.agreement_id = a.id) >= 2
     and c.due_on between '2024-01-01' and '2024-12-31' and c.status <> 'cancelled'),
  'the country counts every formal agreement''s commitment whole (direct SQL)');
select is(
  (tests.e('91') -> '1.3' ->> 'estimated_cost_clp')::bigint + (tests.e('92') -> '1.3' ->> 'estimated_cost_clp')::bigint + 500,
  (select sum(estimated_cost_clp)::bigint from public.commitments
   where agreement_id in (tests.agreement('Mesa norte'), tests.agreement('Convenio nacional'))),
  'every peso counts once: the regions'' parts plus the national commitment without comunas make the whole');

-- ── Places: comunas of a region's part, regions of the country's ─────────────────────────────────
select is(tests.e('91') -> '1.1' -> 'places',
  '[{"code": "91101", "agreements": 2}, {"code": "91102", "agreements": 1}]',
  '1.1: agreements per comuna (the comunas they list or their commitments concern)');
select is(tests.e('91') -> '1.1' -> 'places',
  (select jsonb_agg(jsonb_build_object('code', code, 'agreements', n) order by code) from (
     select code, count(distinct agreement_id) as n from (
       select agreement_id, commune_code as code from public.agreement_communes
       union select c.agreement_id, cc.commune_code from public.commitments c
             join public.commitment_communes cc on cc.commitment_id = c.id) x
     where left(code, 2) = '91' group by code) y),
  '1.1: per comuna as direct SQL counts them');
select is((select jsonb_agg(p order by p ->> 'code') from jsonb_array_elements(tests.e(null) -> '1.1' -> 'places') p
   where p ->> 'code' in ('91', '92')),
  '[{"code": "91", "agreements": 2}, {"code": "92", "agreements": 1}]',
  '1.1: the country''s map is per region');
select is(tests.e('91') -> '1.3' -> 'places',
  '[{"due": 3, "code": "91101", "on_time": 2, "overdue": 1, "scheduled": 3, "on_time_rate": 0.6667},
    {"due": 1, "code": "91102", "on_time": 1, "overdue": 0, "scheduled": 1, "on_time_rate": 1.0000}]',
  '1.3: per comuna, the scheduled commitments concerning it, due, on time, overdue');
select is((select jsonb_agg(p -> 'scheduled' order by p ->> 'code') from jsonb_array_elements(tests.e('91') -> '1.3' -> 'places') p),
  (select jsonb_agg(n order by code) from (
     select cc.commune_code as code, count(*) as n from public.commitment_communes cc
     join public.commitments c on c.id = cc.commitment_id
     where left(cc.commune_code, 2) = '91' and c.due_on between '2024-01-01' and '2024-12-31'
     group by cc.commune_code) x),
  '1.3: scheduled per comuna as direct SQL counts them');
select is((select jsonb_agg(jsonb_build_array(p ->> 'code', p -> 'scheduled') order by p ->> 'code') from jsonb_array_elements(tests.e(null) -> '1.3' -> 'places') p
   where p ->> 'code' in ('91', '92')),
  '[["91", 4], ["92", 2]]',
  '1.3: per region in the country''s part (a regional agreement''s commitment without comuna in its region)');
select is(tests.e('91') -> '2.1' -> 'places',
  '[{"due": 3, "code": "91101", "on_time": 1, "receipts": 1, "delivered": 2, "punctuality": 0.3333}]',
  '2.1: per comuna of a receiving municipality: periods due, on time, delivered, its own receipts');
select is((select jsonb_build_array(count(*), count(*) filter (where d.delivered_on_time)) from public.flow_deliveries d
   join public.information_flow_recipients r on r.flow_id = d.flow_id
   join public.institutions i on i.id = r.institution_id
   where i.commune_code = '91101' and d.due_on between '2024-01-01' and '2024-12-31'),
  (select jsonb_build_array(p -> 'due', p -> 'on_time') from jsonb_array_elements(tests.e('91') -> '2.1' -> 'places') p
   where p ->> 'code' = '91101'),
  '2.1: as direct SQL counts the municipality''s deliveries');
select is((select jsonb_agg(jsonb_build_array(p ->> 'code', p -> 'due', p -> 'on_time', p -> 'receipts')) from jsonb_array_elements(tests.e(null) -> '2.1' -> 'places') p
   where p ->> 'code' in ('91', '92')),
  '[["91", 3, 1, null]]', '2.1: per region in the country''s part, the region''s own flows');
select is(jsonb_array_length(tests.e('92') -> '2.1' -> 'places'), 0, 'no deliveries, no places');

-- ── As the region's secretariat, and frozen ──────────────────────────────────────────────────────
select tests.authenticate_as('secretariat');
select is(public.pmg_evidence(2024, '91') - 'as_of', tests.e('91') - 'as_of',
  'the secretariat previews the same evidence of its part, national agreements and places included');
select tests.clear_authentication();
insert into public.pmg_evaluations (institution_id, year, requirement_code, region_code)
values (tests.institution('Dirección Nacional de Prueba'), 2024, '1.1', '91');
select tests.authenticate_as('admin');
update public.pmg_evaluations set status = 'final' where year = 2024 and region_code = '91';
select tests.clear_authentication();
insert into public.commitment_communes (commitment_id, commune_code)
values (tests.commitment('Norte sin comuna'), '91102');
select tests.authenticate_as('admin');
select is(
  (select array[evidence -> '1.3' -> 'places' -> 1 ->> 'scheduled', public.pmg_evidence(2024, '91') -> '1.3' -> 'places' -> 1 ->> 'scheduled']
   from public.pmg_evaluations where year = 2024 and region_code = '91'),
  array['1', '2'], 'a final evaluation keeps its places: a later data change does not redraw its map');
select tests.clear_authentication();

select * from finish();
rollback;
