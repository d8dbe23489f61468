-- The agreements workspace (issue 10 §1): the secretariat of a region writes its region's
-- agreements with their parties, comunas and commitments in one call each; references stay in the
-- agreement's territory; who, when and the status order stay the database's.
begin;
\ir helpers/access.psql
select plan(31);

select tests.create_territory();
insert into public.institutions (name, acronym, kind, level, region_code, commune_code) values
  ('Gobierno Regional Norte [ws]', 'GORE N', 'regional_government', 'regional', '91', null),
  ('Gobierno Regional Sur [ws]', 'GORE S', 'regional_government', 'regional', '92', null),
  ('Municipalidad Noroeste [ws]', null, 'municipality', 'communal', '91', '91101'),
  ('Servicio central [ws]', 'SC', 'service', 'national', null, null);
insert into public.projects (service_code, name, stage, status, geom) values
  ('vialidad', 'Camino Norte [ws]', 'design', 'in_progress', tests.point(-99.95, -39.95)),
  ('vialidad', 'Camino Sur [ws]', 'design', 'in_progress', tests.point(-99.95, -40.05));
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('gore', 'gore', '91');
select tests.create_user('admin', 'admin');

create function tests.inst(name text) returns bigint language sql stable as $$
  select id from public.institutions i where i.name = inst.name || ' [ws]';
$$;
create function tests.project(name text) returns bigint language sql stable as $$
  select id from public.projects p where p.name = project.name || ' [ws]';
$$;
create function tests.parties(variadic ids bigint[]) returns jsonb language sql stable as $$
  select jsonb_agg(jsonb_build_object('institution_id', id, 'role', case when n = 1 then 'coordinator' else 'signatory' end))
  from unnest(ids) with ordinality as u (id, n);
$$;
create function tests.saved(name text) returns bigint language sql stable as $$
  select nullif(current_setting('tests.' || name, true), '')::bigint;
$$;
grant execute on all functions in schema tests to anon, authenticated;

-- ── The secretariat creates a mesa de trabajo of its region, in one call ──────────────────────
select tests.authenticate_as('secretariat');
select set_config('tests.mesa', public.save_agreement(
  null, 'working_group', 'Mesa hídrica [ws]', 'Escasez hídrica en la costa', '2026-03-01', null, '91',
  tests.parties(tests.inst('Gobierno Regional Norte'), tests.inst('Municipalidad Noroeste'), tests.inst('Servicio central')),
  '{91101,91102}')::text, true);
select isnt(tests.saved('mesa'), null, 'the secretariat creates a working group of its region');
select results_eq(
  format('select count(*)::int from public.agreement_parties where agreement_id = %s', tests.saved('mesa')),
  'values (3)', 'with its three parties (a national service among them)'
);
select results_eq(
  format('select array_agg(commune_code order by commune_code) from public.agreement_communes where agreement_id = %s', tests.saved('mesa')),
  $$values ('{91101,91102}'::text[])$$, 'and the comunas it covers'
);

select throws_ok(
  $$select public.save_agreement(null, 'working_group', 'Mesa nacional [ws]', 'Problema', '2026-03-01', null, null, '[]', '{}')$$,
  '42501', null, 'it cannot create a national agreement'
);
select throws_ok(
  $$select public.save_agreement(null, 'working_group', 'Mesa del sur [ws]', 'Problema', '2026-03-01', null, '92', '[]', '{}')$$,
  '42501', null, 'nor one of another region'
);
select throws_ok(
  format($$select public.save_agreement(null, 'working_group', 'Mesa con parte ajena [ws]', 'Problema', '2026-03-01', null, '91', %L, '{}')$$,
    tests.parties(tests.inst('Gobierno Regional Sur'))),
  '23503', 'Una parte de un acuerdo regional debe ser una institución nacional o de la misma región.',
  'a party of another region is refused'
);
select throws_ok(
  $$select public.save_agreement(null, 'working_group', 'Mesa con parte inexistente [ws]', 'Problema', '2026-03-01', null, '91', '[{"institution_id": 999999999, "role": "signatory"}]', '{}')$$,
  '23503', 'Una parte de un acuerdo regional debe ser una institución nacional o de la misma región.',
  'and a party that does not exist gets the same answer'
);
select throws_ok(
  $$select public.save_agreement(null, 'working_group', 'Mesa con comuna ajena [ws]', 'Problema', '2026-03-01', null, '91', '[]', '{92101}')$$,
  '23503', 'Un acuerdo regional solo cubre comunas de su región.', 'a comuna of another region is refused'
);
select is(
  (select count(*)::int from public.agreements where title like 'Mesa con %'), 0,
  'and a refused link leaves no agreement behind'
);

-- ── Commitments with costs and links ────────────────────────────────────────────────────────────
select set_config('tests.c1', public.save_commitment(
  null, tests.saved('mesa'), 'Catastro de pozos [ws]', tests.inst('Municipalidad Noroeste'), 'medio_ambiente',
  '2026-09-30', 12500000, '{91101}', array[tests.project('Camino Norte')])::text, true);
select results_eq(
  format('select estimated_cost_clp, theme_code from public.commitments where id = %s', tests.saved('c1')),
  $$values (12500000::bigint, 'medio_ambiente'::text)$$, 'the secretariat adds a commitment with its cost'
);
select results_eq(
  format($$select (select count(*) from public.commitment_communes where commitment_id = %1$s)::int,
                  (select count(*) from public.commitment_projects where commitment_id = %1$s)::int$$, tests.saved('c1')),
  'values (1, 1)', 'linked to a comuna and a project of its region'
);
select throws_ok(
  format($$select public.save_commitment(null, %s, 'Compromiso ajeno [ws]', %s, 'territorio', '2026-09-30', 1, '{}', '{}')$$,
    tests.saved('mesa'), tests.inst('Gobierno Regional Sur')),
  '23503', 'La institución responsable de un compromiso regional debe ser nacional o de la misma región.',
  'a responsible institution of another region is refused'
);
select throws_ok(
  format($$select public.save_commitment(%s, %s, 'Catastro de pozos [ws]', %s, 'medio_ambiente', '2026-09-30', 1, '{92101}', '{}')$$,
    tests.saved('c1'), tests.saved('mesa'), tests.inst('Municipalidad Noroeste')),
  '23503', 'Un compromiso de un acuerdo regional solo se vincula a comunas de su región.',
  'so is a comuna of another region'
);
select throws_ok(
  format($$select public.save_commitment(%s, %s, 'Catastro de pozos [ws]', %s, 'medio_ambiente', '2026-09-30', 1, '{}', '{%s}')$$,
    tests.saved('c1'), tests.saved('mesa'), tests.inst('Municipalidad Noroeste'), tests.project('Camino Sur')),
  '23503', 'Un compromiso de un acuerdo regional solo se vincula a proyectos que tocan su región.',
  'and a project that does not touch the region'
);
select results_eq(
  format('select estimated_cost_clp from public.commitments where id = %s', tests.saved('c1')),
  'values (12500000::bigint)', 'a refused save changes nothing'
);
select is(
  tests.error_of(format($$select public.save_commitment(null, %s, 'Compromiso del pasado [ws]', %s, 'territorio', '2026-01-31', null, '{}', '{}')$$,
    tests.saved('mesa'), tests.inst('Servicio central'))) ->> 'detail',
  'violates constraint "commitments_due_after_agreement"',
  'a commitment due before its agreement names the rule in the detail, which the form words'
);

-- ── Progress, history, status order, who and when ───────────────────────────────────────────────
select lives_ok(
  format($$select public.update_commitment_progress(%s, 60::smallint, 'Mitad de los pozos catastrados', 'in_progress')$$, tests.saved('c1')),
  'the secretariat records progress'
);
select results_eq(
  format('select progress, status::text, note, changed_by from public.commitment_progress where commitment_id = %s order by id', tests.saved('c1')),
  format($$values (0::smallint, 'pending', null::text, %1$L::uuid), (60::smallint, 'in_progress', 'Mitad de los pozos catastrados', %1$L::uuid)$$,
    tests.user_id('secretariat')),
  'the history keeps each step with its note and author'
);
select throws_ok(
  format($$update public.commitments set status = 'pending' where id = %s$$, tests.saved('c1')),
  '23514', 'El estado de un compromiso solo avanza (pendiente → en curso → cumplido, o cancelado antes de cumplirse).',
  'the status does not move back'
);
select throws_ok(
  format($$update public.commitments set created_at = '2020-01-01' where id = %s$$, tests.saved('c1')),
  '42501', 'La fecha de creación la registra la base de datos y no se puede cambiar.',
  'nor is the creation time the client''s'
);
select throws_ok(
  format($$insert into public.commitment_progress (commitment_id, progress, status) values (%s, 100, 'fulfilled')$$, tests.saved('c1')),
  '42501', null, 'and the history is written by the database only'
);
insert into public.agreements (kind, title, problem, signed_on, region_code, created_at)
values ('cooperation_agreement', 'Convenio retrofechado [ws]', 'Problema', '2026-01-01', '91', '2001-01-01');
select cmp_ok(
  (select created_at from public.agreements where title = 'Convenio retrofechado [ws]'), '>', '2020-01-01'::timestamptz,
  'a creation time sent on insert is replaced by the server''s'
);

-- ── Editing: links not listed go, the region cannot change ──────────────────────────────────────
select lives_ok(
  format($$select public.save_agreement(%s, 'working_group', 'Mesa hídrica [ws]', 'Escasez hídrica en la costa', '2026-03-01', '2027-03-01', '91', %L, '{91101}')$$,
    tests.saved('mesa'), tests.parties(tests.inst('Gobierno Regional Norte'), tests.inst('Servicio central'))),
  'the secretariat edits its agreement'
);
select results_eq(
  format($$select (select count(*) from public.agreement_parties where agreement_id = %1$s)::int,
                  (select count(*) from public.agreement_communes where agreement_id = %1$s)::int$$, tests.saved('mesa')),
  'values (2, 1)', 'a party and a comuna left out of the form are removed'
);
select set_config('tests.empty', public.save_agreement(null, 'working_group', 'Mesa sin partes [ws]', 'Problema', '2026-03-01', null, '91', '[]', '{}')::text, true);
select throws_ok(
  format($$select public.save_agreement(%s, 'working_group', 'Mesa sin partes [ws]', 'Problema', '2026-03-01', null, '92', '[]', '{}')$$, tests.saved('empty')),
  '42501', null, 'it cannot move its agreement to another region'
);

select tests.clear_authentication();
select set_config('tests.sur', public.save_agreement(null, 'cooperation_agreement', 'Convenio del sur [ws]', 'Riego', '2026-01-01', null, '92', '[]', '{92101}')::text, true);
select tests.authenticate_as('secretariat');
select throws_ok(
  format($$select public.save_agreement(%s, 'cooperation_agreement', 'Tomado [ws]', 'Riego', '2026-01-01', null, '92', '[]', '{}')$$, tests.saved('sur')),
  '42501', 'El acuerdo no existe o no tiene permiso para modificarlo.',
  'nor edit another region''s agreement'
);
select throws_ok(
  format($$select public.save_commitment(null, %s, 'Compromiso intruso [ws]', %s, 'territorio', '2026-09-30', 1, '{}', '{}')$$,
    tests.saved('sur'), tests.inst('Servicio central')),
  '42501', null, 'nor add commitments to it'
);

select tests.authenticate_as('gore');
select throws_ok(
  $$select public.save_agreement(null, 'working_group', 'Mesa del GORE [ws]', 'Problema', '2026-03-01', null, '91', '[]', '{}')$$,
  '42501', null, 'a regional government reads agreements but does not write them'
);
select tests.authenticate_as_anon();
select throws_ok(
  $$select public.save_agreement(null, 'working_group', 'Mesa anónima [ws]', 'Problema', '2026-03-01', null, '91', '[]', '{}')$$,
  '42501', null, 'nor does anyone signed out'
);

-- ── An administrator moving things keeps the rule ───────────────────────────────────────────────
select tests.authenticate_as('admin');
select throws_ok(
  format($$update public.agreements set region_code = '92' where id = %s$$, tests.saved('mesa')),
  '23503', 'El acuerdo tiene partes, comunas o compromisos de otra región; no puede pasar a esta región.',
  'an agreement with parties of 91 does not move to 92'
);
select throws_ok(
  format($$update public.commitments set agreement_id = %s, responsible_institution_id = %s where id = %s$$,
    tests.saved('sur'), tests.inst('Servicio central'), tests.saved('c1')),
  '23503', 'El compromiso está vinculado a comunas o proyectos de otra región; no puede pasar a este acuerdo.',
  'a commitment linked to comunas of 91 does not move to an agreement of 92'
);
select tests.clear_authentication();

select * from finish();
rollback;
