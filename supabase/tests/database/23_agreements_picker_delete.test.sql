-- The agreements workspace, second part (issue 10 §1): the project picker's search
-- (search_projects), the region rule on linked projects for every API caller, and deleting a
-- commitment — allowed while nothing was reported, refused once progress exists, kept in the audit
-- trail either way.
begin;
\ir helpers/access.psql
select plan(16);

select tests.create_territory();
insert into public.institutions (name, acronym, kind, level, region_code) values
  ('Gobierno Regional Norte [pd]', 'GORE N', 'regional_government', 'regional', '91');
insert into public.projects (service_code, name, bip_code, stage, status, geom) values
  ('vialidad', 'Reposición Puente Río Claro [pd]', '30123456-0', 'design', 'in_progress', tests.point(-99.95, -39.95)),
  ('vialidad', 'Mejoramiento camino Ñandú [pd]', '40111222-3', 'design', 'in_progress', tests.point(-99.95, -40.05)),
  ('vialidad', 'Puente del sur [pd]', null, 'design', 'in_progress', tests.point(-99.85, -40.05));
insert into public.projects (service_code, name, stage, status, geom)
select 'vialidad', format('Lote %s [pdlote]', n), 'idea', 'planned', tests.point(-99.95, -39.95)
from generate_series(1, 55) n;
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('secretariat92', 'secretariat', '92');
select tests.create_user('admin', 'admin');

create function tests.project(name text) returns bigint language sql stable as $$
  select id from public.projects p where p.name = project.name || ' [pd]';
$$;
grant execute on function tests.project(text) to anon, authenticated;

-- ── search_projects ─────────────────────────────────────────────────────────────────────────────
select tests.authenticate_as_anon();
select results_eq(
  $$select name, bip_code, communes from public.search_projects('rio claro pd reposicion')$$,
  $$values ('Reposición Puente Río Claro [pd]'::text, '30123456-0'::text, 'Comuna Noroeste'::text)$$,
  'every word, in any order, without accents or case; with its BIP code and comuna'
);
select results_eq(
  $$select name from public.search_projects('NANDU PD')$$,
  $$values ('Mejoramiento camino Ñandú [pd]'::text)$$,
  'ñ and upper case are folded too'
);
select results_eq(
  $$select name from public.search_projects('4011122')$$,
  $$values ('Mejoramiento camino Ñandú [pd]'::text)$$,
  'the beginning of a BIP code finds its project'
);
select results_eq(
  $$select name from public.search_projects('puente pd', '92')$$,
  $$values ('Puente del sur [pd]'::text)$$,
  'with a region, only projects that touch it'
);
select is_empty($$select * from public.search_projects('p')$$, 'one letter searches nothing');
select is_empty($$select * from public.search_projects('%_%')$$, 'pattern characters match nothing by themselves');
select is(
  (select count(*)::int from public.search_projects('pdlote', null, 1000)), 50,
  'at most 50 rows whatever is asked'
);

-- ── Linked projects stay in the agreement's region, for administrators too ─────────────────────
select tests.authenticate_as('admin');
select set_config('tests.agreement', public.save_agreement(
  null, 'working_group', 'Mesa [pd]', 'Problema', '2026-03-01', null, '91', '[]', '{}')::text, true);
select throws_ok(
  format($$select public.save_commitment(null, %s, 'Compromiso [pd]', %s, 'territorio', '2026-09-30', null, '{}', array[%s]::bigint[])$$,
    current_setting('tests.agreement'), (select id from public.institutions where name = 'Gobierno Regional Norte [pd]'),
    tests.project('Mejoramiento camino Ñandú')),
  '23503', 'Un compromiso de un acuerdo regional solo se vincula a proyectos que tocan su región.',
  'an administrator cannot link a project of another region to a regional agreement either'
);

-- ── Deleting a commitment ───────────────────────────────────────────────────────────────────────
select tests.authenticate_as('secretariat');
select set_config('tests.mistake', public.save_commitment(
  null, current_setting('tests.agreement')::bigint, 'Registrado por error [pd]',
  (select id from public.institutions where name = 'Gobierno Regional Norte [pd]'), 'territorio', '2026-09-30', 1000,
  '{91101}', array[tests.project('Reposición Puente Río Claro')])::text, true);
select set_config('tests.reported', public.save_commitment(
  null, current_setting('tests.agreement')::bigint, 'Con avance [pd]',
  (select id from public.institutions where name = 'Gobierno Regional Norte [pd]'), 'territorio', '2026-09-30', 1000,
  '{}', '{}')::text, true);
select public.update_commitment_progress(current_setting('tests.reported')::bigint, 20::smallint, 'Inicio', 'in_progress');

select tests.authenticate_as('secretariat92');
select is_empty(
  format('delete from public.commitments where id = %s returning id', current_setting('tests.mistake')),
  'another region''s secretariat deletes nothing (RLS hides the row)'
);

select tests.authenticate_as('secretariat');
select results_eq(
  format('delete from public.commitments where id = %s returning title', current_setting('tests.mistake')),
  $$values ('Registrado por error [pd]'::text)$$,
  'the secretariat deletes a commitment of its region with nothing reported'
);
select is(
  (select count(*)::int from public.commitment_projects where commitment_id = current_setting('tests.mistake')::bigint)
  + (select count(*)::int from public.commitment_communes where commitment_id = current_setting('tests.mistake')::bigint),
  0, 'its links go with it'
);
select throws_ok(
  format('delete from public.commitments where id = %s', current_setting('tests.reported')),
  '23503', 'El compromiso tiene avances registrados; no se elimina: márquelo como cancelado.',
  'one with reported progress is refused'
);
select is(
  tests.error_of(format('delete from public.agreements where id = %s', current_setting('tests.agreement'))) ->> 'detail',
  'violates constraint "commitments_delete_without_progress"',
  'and so is deleting its agreement, which would cascade the history away'
);
select tests.authenticate_as('admin');
select throws_ok(
  format('delete from public.commitments where id = %s', current_setting('tests.reported')),
  '23503', null, 'administrators are bound too: a reported commitment is cancelled, not deleted'
);

reset role;
select results_eq(
  format($$select action, old_row ->> 'title' from public.audit_log
           where table_name = 'commitments' and record_id = %L and action = 'DELETE'$$, current_setting('tests.mistake')),
  $$values ('DELETE'::text, 'Registrado por error [pd]'::text)$$,
  'the audit trail keeps the deleted commitment'
);
delete from public.commitments where id = current_setting('tests.reported')::bigint;
select is(
  (select count(*)::int from public.commitments where id = current_setting('tests.reported')::bigint), 0,
  'the owner (sample loads, restores) is not bound'
);

select * from finish();
rollback;
