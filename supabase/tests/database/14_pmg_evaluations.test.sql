-- PMG evaluations: one per institution, year and requirement, against the known requirements.
begin;
\ir helpers/access.psql
select plan(37);

insert into public.regions (code, name, roman) values ('99', 'Región de prueba', 'I');
insert into public.institutions (name, kind, level, region_code) values
  ('Dirección Regional de Vialidad de Prueba', 'service', 'regional', '99');

select results_eq(
  $$select code, name from public.pmg_requirements order by sort_order$$,
  $$values ('1.1', 'Perspectiva territorial'), ('1.2', 'Articulación territorial'), ('1.3', 'Complementariedad'),
           ('2.1', 'Información regional'), ('3', 'Informe ejecutivo')$$,
  'the five territorial requirements of the PMG, in order'
);
select lives_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code, development, recommendations, status)
    select id, 2025, '1.2', 'Participa en la mesa regional', 'Sistematizar acuerdos', 'submitted'
    from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  'an evaluation records the development achieved and recommendations'
);
select is(
  (select status::text from public.pmg_evaluations p join public.institutions i on i.id = p.institution_id
   where i.name = 'Dirección Regional de Vialidad de Prueba'),
  'submitted', 'with its status'
);
select throws_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code)
    select id, 2025, '1.2' from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  '23505', 'duplicate key value violates unique constraint "pmg_evaluations_once_per_requirement"',
  'one evaluation per institution, year and requirement'
);
select throws_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code)
    select id, 2025, '4.1' from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  '23503', 'insert or update on table "pmg_evaluations" violates foreign key constraint "pmg_evaluations_requirement_code_fkey"',
  'an unknown requirement code is refused'
);
select throws_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code)
    select id, 25, '1.1' from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  '23514', 'new row for relation "pmg_evaluations" violates check constraint "pmg_evaluations_year_plausible"',
  'a year like 25 is refused'
);
select throws_ok(
  $$insert into public.pmg_evaluations (institution_id, year, requirement_code, status)
    select id, 2025, '1.1', 'aprobada' from public.institutions where name = 'Dirección Regional de Vialidad de Prueba'$$,
  '22P02', 'invalid input value for enum pmg_evaluation_status: "aprobada"',
  'an unknown status is refused'
);


-- ── Evidence computed from the data (area pmg) ──────────────────────────────────────────────────
-- A year of fixtures in region 91, with every figure known by hand; 92 and other years must not count.
select tests.create_territory();
insert into public.institutions (name, acronym, kind, level, region_code, commune_code) values
  ('Gobierno Regional de Prueba Norte', null, 'regional_government', 'regional', '91', null),
  ('Gobierno Regional de Prueba Sur', null, 'regional_government', 'regional', '92', null),
  ('Municipalidad de Comuna Noroeste', null, 'municipality', 'communal', '91', '91101'),
  ('SEREMI de Prueba Norte', null, 'seremi', 'regional', '91', null),
  ('Secretaría Técnica de Prueba Norte', null, 'council_secretariat', 'regional', '91', null),
  ('Dirección General de Prueba', 'DGP', 'service', 'national', null, null);
create function tests.institution(name text) returns bigint language sql as $$
  select id from public.institutions i where i.name = institution.name;
$$;
create function tests.agreement(title text) returns bigint language sql as $$
  select id from public.agreements a where a.title = agreement.title;
$$;
create function tests.commitment(title text) returns bigint language sql as $$
  select id from public.commitments c where c.title = commitment.title;
$$;
create function tests.evaluation(requirement text) returns bigint language sql as $$
  select id from public.pmg_evaluations e
  where e.year = 2024 and e.requirement_code = requirement and e.region_code = '91'
    and e.institution_id = tests.institution('Dirección General de Prueba');
$$;
grant execute on all functions in schema tests to anon, authenticated, service_role;
select tests.create_user('admin', 'admin');
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('secretariat92', 'secretariat', '92');
select tests.create_user('gore', 'gore', '91');

insert into public.agreements (kind, title, problem, signed_on, ends_on, region_code) values
  ('working_group', 'Mesa costera', 'Conectividad costera', '2024-03-01', null, '91'),
  ('memorandum_of_understanding', 'Protocolo de una parte', 'Aguas lluvia', '2024-05-01', null, '91'),
  ('cooperation_agreement', 'Convenio terminado', 'Riego', '2023-01-01', '2023-12-31', '91'),
  ('working_group', 'Mesa del sur', 'Caminos', '2024-02-01', null, '92');
insert into public.agreement_parties (agreement_id, institution_id, role) values
  (tests.agreement('Mesa costera'), tests.institution('Gobierno Regional de Prueba Norte'), 'signatory'),
  (tests.agreement('Mesa costera'), tests.institution('Municipalidad de Comuna Noroeste'), 'implementer'),
  (tests.agreement('Mesa costera'), tests.institution('Dirección General de Prueba'), 'coordinator'),
  (tests.agreement('Protocolo de una parte'), tests.institution('SEREMI de Prueba Norte'), 'signatory'),
  (tests.agreement('Convenio terminado'), tests.institution('Gobierno Regional de Prueba Norte'), 'signatory'),
  (tests.agreement('Convenio terminado'), tests.institution('Dirección General de Prueba'), 'signatory'),
  (tests.agreement('Mesa del sur'), tests.institution('Gobierno Regional de Prueba Sur'), 'signatory'),
  (tests.agreement('Mesa del sur'), tests.institution('Dirección General de Prueba'), 'signatory');
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on, estimated_cost_clp)
select tests.agreement(a), t, tests.institution('Dirección General de Prueba'), 'territorio', d::date, c
from (values
  ('Mesa costera', 'A tiempo', '2024-06-30', 1000000),
  ('Mesa costera', 'Tarde', '2024-09-30', 2000000),
  ('Mesa costera', 'Vencido', '2024-11-30', 500000),
  ('Mesa costera', 'Cancelado', '2024-12-15', 9999),
  ('Mesa costera', 'Del año siguiente', '2025-03-01', 7000000),
  ('Protocolo de una parte', 'Sin contraparte', '2024-07-01', 4000000),
  ('Mesa del sur', 'En otra región', '2024-07-01', 3000000)
) as v (a, t, d, c);
update public.commitments set progress = 100, status = 'fulfilled' where title in ('A tiempo', 'Tarde');
update public.commitments set status = 'cancelled' where title = 'Cancelado';
-- When they were fulfilled, as the history recorded it (written by trigger at now()).
update public.commitment_progress set changed_at = '2024-06-01 12:00-04'
where commitment_id = tests.commitment('A tiempo') and status = 'fulfilled';
update public.commitment_progress set changed_at = '2024-10-15 12:00-03'
where commitment_id = tests.commitment('Tarde') and status = 'fulfilled';
insert into public.commitment_communes (commitment_id, commune_code) values
  (tests.commitment('A tiempo'), '91101'), (tests.commitment('Tarde'), '91102'),
  (tests.commitment('Vencido'), '91101'), (tests.commitment('En otra región'), '92101');

insert into public.information_flows (region_code, information, producer_institution_id, channel, periodicity)
values ('91', 'Cartera trimestral [prueba]', tests.institution('Secretaría Técnica de Prueba Norte'), 'portal', 'quarterly');
insert into public.information_flow_recipients (flow_id, institution_id)
select f.id, tests.institution(name) from public.information_flows f,
  unnest(array['Gobierno Regional de Prueba Norte', 'Municipalidad de Comuna Noroeste']) as name
where f.information = 'Cartera trimestral [prueba]';
insert into public.publications (region_code, title, kind, status, published_at, flow_id, due_on)
select '91', t, 'report', s::public.publication_status, p::timestamptz, f.id, d::date
from public.information_flows f, (values
  ('Primer trimestre', 'published', '2024-03-30 10:00-03', '2024-03-31'),
  ('Segundo trimestre', 'published', '2024-07-05 10:00-04', '2024-06-30'),
  ('Tercer trimestre', 'draft', null, '2024-09-30')
) as v (t, s, p, d)
where f.information = 'Cartera trimestral [prueba]';
insert into public.acknowledgements (publication_id, institution_id, user_id)
select p.id, tests.institution('Gobierno Regional de Prueba Norte'), tests.user_id('gore')
from public.publications p where p.title = 'Primer trimestre';

select tests.authenticate_as('admin');
create temporary table evidence on commit drop as select public.pmg_evidence(2024, '91') as e;
grant select on evidence to authenticated;
select is((select e -> '1.1' ->> 'agreements' from evidence), '2',
  '1.1: the agreements of the year in the region (not ended before it, not another region''s)');
select is((select jsonb_agg(p ->> 'problem' order by p ->> 'problem') from evidence, jsonb_array_elements(e -> '1.1' -> 'problems') p),
  '["Aguas lluvia", "Conectividad costera"]', '1.1: with the problems they address');
select is((select e -> '1.2' ->> 'institutions' from evidence),
  (select count(distinct ap.institution_id)::text from public.agreement_parties ap
   where ap.agreement_id in (tests.agreement('Mesa costera'), tests.agreement('Protocolo de una parte'))),
  '1.2: the institutions articulated are the distinct parties of those agreements (direct SQL)');
select is((select e -> '1.2' -> 'by_kind' from evidence),
  '[{"kind": "service", "institutions": 1}, {"kind": "regional_government", "institutions": 1}, {"kind": "municipality", "institutions": 1}, {"kind": "seremi", "institutions": 1}]',
  '1.2: by institution kind (most first, then in the kinds'' order)');
select is((select array[e -> '1.2' ->> 'communes_covered', e -> '1.2' ->> 'communes_total', e -> '1.2' ->> 'coverage'] from evidence),
  array['2', '2', '1.0000'], '1.2: the comunas covered by their commitments, of the region''s');
select is((select e -> '1.3' -> 'by_kind' from evidence), '[{"kind": "working_group", "agreements": 1}]',
  '1.3: formal agreements (two or more parties) by kind');
select is((select array[e -> '1.3' ->> 'commitments_scheduled', e -> '1.3' ->> 'commitments_due',
  e -> '1.3' ->> 'fulfilled_on_time', e -> '1.3' ->> 'on_time_rate', e -> '1.3' ->> 'overdue'] from evidence),
  array['4', '3', '1', '0.3333', '1'],
  '1.3: commitments scheduled in the year, due (not cancelled), fulfilled on time, overdue');
select is((select (e -> '1.3' ->> 'estimated_cost_clp')::bigint from evidence),
  (select sum(estimated_cost_clp)::bigint from public.commitments
   where agreement_id = tests.agreement('Mesa costera') and due_on between '2024-01-01' and '2024-12-31'
     and status <> 'cancelled'),
  '1.3: the estimated cost of the scheduled commitments not cancelled (direct SQL)');
select is((select e -> '1.3' -> 'overdue_ids' from evidence), jsonb_build_array(tests.commitment('Vencido')),
  '1.3: the overdue commitments, to link to');
select is((select array[e -> '2.1' ->> 'deliveries_due', e -> '2.1' ->> 'delivered', e -> '2.1' ->> 'delivered_on_time',
  e -> '2.1' ->> 'punctuality', e -> '2.1' ->> 'receipts_expected', e -> '2.1' ->> 'receipts', e -> '2.1' ->> 'acknowledgement_rate'] from evidence),
  array['3', '2', '1', '0.3333', '4', '1', '0.2500'],
  '2.1: periods due, delivered, on time; receipts of the delivered ones');
select is((select e -> '2.1' ->> 'punctuality' from evidence),
  (select round(count(*) filter (where delivered_on_time)::numeric / count(*), 4)::text from public.flow_deliveries
   where region_code = '91' and due_on between '2024-01-01' and '2024-12-31'),
  '2.1: punctuality is flow_deliveries'' (direct SQL)');
select is((select public.pmg_evidence(2024, null) -> '1.1' ->> 'agreements'),
  (select count(*)::text from public.agreements where signed_on <= '2024-12-31' and (ends_on is null or ends_on >= '2024-01-01')),
  'the country counts every region''s agreements of the year (direct SQL)');
select tests.authenticate_as_anon();
select throws_ok($$select public.pmg_evidence(2024, '91')$$, '42501', null, 'anon gets no evidence (it reads internal deliveries)');

-- ── The workflow: draft → submitted → final ─────────────────────────────────────────────────────
select tests.authenticate_as('secretariat');
select lives_ok(
  format($$insert into public.pmg_evaluations (institution_id, year, requirement_code, region_code, background, development)
    select %s, 2024, code, '91', 'Antecedentes', 'Desarrollo' from public.pmg_requirements where code in ('1.1', '1.3')$$,
    tests.institution('Dirección General de Prueba')),
  'the secretariat drafts its region''s part of the national evaluation');
select is(
  tests.refusal(format($$insert into public.pmg_evaluations (institution_id, year, requirement_code, region_code) values (%s, 2024, '1.1', '92')$$,
    tests.institution('Dirección General de Prueba'))),
  '42501 -', 'but not another region''s part');
select is(
  tests.refusal(format($$insert into public.pmg_evaluations (institution_id, year, requirement_code, region_code) values (%s, 2024, '1.1', '91')$$,
    tests.institution('Gobierno Regional de Prueba Sur'))),
  '23514 pmg_evaluations_region_of_institution', 'a regional institution is evaluated in its own region');
select is(
  tests.refusal(format($$insert into public.pmg_evaluations (institution_id, year, requirement_code, region_code, evidence) values (%s, 2024, '1.2', '91', '{}')$$,
    tests.institution('Dirección General de Prueba'))),
  '42501 pmg_evaluations_stamps_fixed', 'nobody brings their own evidence snapshot');
select is(
  tests.refusal(format($$update public.pmg_evaluations set status = 'final' where id = %s$$, tests.evaluation('1.1'))),
  '42501 -', 'the secretariat cannot finalise');
select lives_ok(format($$update public.pmg_evaluations set status = 'submitted', recommendations = 'Para 2025' where id = %s$$, tests.evaluation('1.1')),
  'the secretariat submits its draft');
select isnt((select submitted_at from public.pmg_evaluations where id = tests.evaluation('1.1')), null,
  'the database stamps when it was submitted');
update public.pmg_evaluations set background = 'Cambiado después de enviar' where id = tests.evaluation('1.1');
select is((select background from public.pmg_evaluations where id = tests.evaluation('1.1')), 'Antecedentes',
  'once submitted, the secretariat no longer edits it');
select tests.authenticate_as('secretariat92');
select is((select count(*)::int from public.pmg_evaluations where region_code = '91'), 0,
  'another region''s secretariat reads nothing of it');
select tests.authenticate_as('gore');
select is((select array_agg(requirement_code order by requirement_code) from public.pmg_evaluations where year = 2024),
  array['1.1'], 'the GORE reads the submitted part, not the draft');

select tests.authenticate_as('admin');
select is(
  tests.refusal(format($$update public.pmg_evaluations set year = 2025 where id = %s$$, tests.evaluation('1.3'))),
  '42501 pmg_evaluations_identity_fixed', 'an evaluation''s institution, year, requirement and region never change');
select lives_ok(format($$update public.pmg_evaluations set status = 'final' where id = %s$$, tests.evaluation('1.1')),
  'an administrator finalises');
select is((select array[evidence -> '1.3' ->> 'commitments_scheduled', (finalised_at is not null)::text, (evidence_as_of is not null)::text]
  from public.pmg_evaluations where id = tests.evaluation('1.1')),
  array['4', 'true', 'true'], 'finalising freezes the evidence of its year and region, dated');
select is(
  tests.refusal(format($$update public.pmg_evaluations set recommendations = 'Otra' where id = %s$$, tests.evaluation('1.1'))),
  '42501 pmg_evaluations_final_frozen', 'a final evaluation is frozen, for administrators too');
delete from public.pmg_evaluations where id = tests.evaluation('1.1');
select is((select count(*)::int from public.pmg_evaluations where id = tests.evaluation('1.1')), 1,
  'and cannot be deleted');
select tests.clear_authentication();
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on)
values (tests.agreement('Mesa costera'), 'Agregado después', tests.institution('Dirección General de Prueba'), 'territorio', '2024-08-01');
select tests.authenticate_as('admin');
select is(
  (select array[evidence -> '1.3' ->> 'commitments_scheduled', public.pmg_evidence(2024, '91') -> '1.3' ->> 'commitments_scheduled']
   from public.pmg_evaluations where id = tests.evaluation('1.1')),
  array['4', '5'], 'later data changes do not rewrite the frozen evidence');
select is(
  (select array_agg(coalesce(new_row ->> 'status', '') || ':' || (actor = tests.user_id(case when new_row ->> 'status' = 'final' then 'admin' else 'secretariat' end))::text order by id)
   from public.audit_log where table_name = 'pmg_evaluations' and record_id = tests.evaluation('1.1')::text),
  array['draft:true', 'submitted:true', 'final:true'], 'the audit trail records each step and who took it');
select tests.clear_authentication();

select * from finish();
rollback;
