-- Holes the attack audit of issues 10 and 11 found (tests/integration/attacks.test.ts tries them
-- through PostgREST with real JWTs), proven closed here on the test territory (91, 92):
--   * an agreement moved into a region keeps the projects its commitments link in that region
--     (20261203040100);
--   * a regional import rejects a row that declares a comuna of another region, even with a
--     geometry in its own (20261203040200).
begin;
\ir helpers/access.psql
select plan(6);

select tests.create_territory();
select tests.create_user('admin', 'admin');
select tests.create_user('secretariat', 'secretariat', '91');
insert into public.institutions (name, acronym, kind, level) values ('Servicio nacional [auditoría]', 'SNA', 'service', 'national');
insert into public.projects (service_code, name, stage, status, geom) values
  ('vialidad', 'Obra del sur [auditoría]', 'design', 'planned', tests.point(-99.95, -40.05));

-- Import rows of a secretariat of 91: one placed in 91 that declares a comuna of 92, one that declares its own.
create function tests.rows() returns jsonb language sql as $$
  select jsonb_build_array(
    jsonb_build_object('row_number', 2, 'name', 'Obra norte que dice estar en el sur', 'service_code', 'vialidad',
      'stage', 'design', 'status', 'planned', 'commune_codes', array['92101'],
      'geometry', '{"type":"Point","coordinates":[-99.95,-39.95]}'::jsonb),
    jsonb_build_object('row_number', 3, 'name', 'Obra norte que dice estar en el norte', 'service_code', 'vialidad',
      'stage', 'design', 'status', 'planned', 'commune_codes', array['91101'],
      'geometry', '{"type":"Point","coordinates":[-99.95,-39.95]}'::jsonb)
  );
$$;
grant execute on function tests.rows() to authenticated;

-- ── An agreement moved into a region ─────────────────────────────────────────────────────────────
select tests.authenticate_as('admin');
select set_config('tests.agreement', public.save_agreement(
  null, 'working_group', 'Mesa nacional [auditoría]', 'Problema', '2026-03-01', null, null, '[]', '{}')::text, true);
select set_config('tests.commitment', public.save_commitment(
  null, current_setting('tests.agreement')::bigint, 'Compromiso [auditoría]',
  (select id from public.institutions where acronym = 'SNA'), 'territorio', '2026-09-30', null, '{}',
  array[(select id from public.projects where name = 'Obra del sur [auditoría]')])::text, true);
select is(
  tests.refusal(format('update public.agreements set region_code = %L where id = %s', '91', current_setting('tests.agreement'))),
  '23503 agreements_references_in_territory',
  'an administrator cannot move a national agreement into 91 while a commitment links a project of 92'
);
select lives_ok(
  format('update public.agreements set region_code = %L where id = %s', '92', current_setting('tests.agreement')),
  'into the region its linked project touches, it moves'
);
select is(
  (select region_code from public.agreements where id = current_setting('tests.agreement')::bigint), '92',
  'and is then that region''s'
);

-- ── A regional import and the comuna a row declares ─────────────────────────────────────────────

select tests.authenticate_as('secretariat');
select is(
  public.import_projects(tests.rows(), false) -> 'rejections',
  '[{"row": 2, "reason": "outside_region", "detail": "92101"}]'::jsonb,
  'the secretariat of 91 cannot declare a comuna of 92 for a work it places in 91'
);
select is((public.import_projects(tests.rows(), false) ->> 'new')::int, 1, 'its own comuna is fine');

select tests.authenticate_as('admin');
select is(
  public.import_projects(tests.rows(), false) -> 'rejections', '[]'::jsonb,
  'an administrator imports everywhere: the declared comuna is then a data-quality question'
);

select * from finish();
rollback;
