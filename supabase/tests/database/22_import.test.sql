-- Project import (public.import_projects): who may import where, what the preview and the commit
-- answer row by row, and that nothing is written before the commit nor twice after it.
begin;
\ir helpers/access.psql
select plan(20);

select tests.create_territory();
select tests.create_user('admin', 'admin');
select tests.create_user('secretariat', 'secretariat', '91');
select tests.create_user('gore', 'gore', '91');
insert into public.projects (bip_code, service_code, name, stage, status, geom) values
  ('30000092-2', 'vialidad', 'Obra del sur [prueba]', 'design', 'planned', tests.point(-99.95, -40.05));

-- Rows as the app sends them: one in 91, one in 92, one placed on its comuna, one reaching the
-- project of 92 through its BIP code, two copies of one project, and three only the database refuses.
create function tests.rows() returns jsonb language sql as $$
  select jsonb_build_array(
    jsonb_build_object('row_number', 2, 'bip_code', '30000091-1', 'name', 'Obra norte', 'service_code', 'vialidad',
      'stage', 'design', 'status', 'planned', 'geometry', '{"type":"Point","coordinates":[-99.95,-39.95]}'::jsonb),
    jsonb_build_object('row_number', 3, 'name', 'Obra sur', 'service_code', 'vialidad',
      'stage', 'design', 'status', 'planned', 'geometry', '{"type":"Point","coordinates":[-99.95,-40.05]}'::jsonb),
    jsonb_build_object('row_number', 4, 'name', 'Obra por comuna', 'service_code', 'vialidad',
      'stage', 'design', 'status', 'planned', 'commune_codes', array['91102']),
    jsonb_build_object('row_number', 5, 'bip_code', '30000092-2', 'name', 'Toma', 'service_code', 'vialidad',
      'stage', 'design', 'status', 'planned', 'geometry', '{"type":"Point","coordinates":[-99.95,-39.95]}'::jsonb),
    jsonb_build_object('row_number', 6, 'name', 'Obra por comuna', 'service_code', 'vialidad',
      'stage', 'design', 'status', 'planned', 'commune_codes', array['91102']),
    jsonb_build_object('row_number', 7, 'name', 'Moño', 'service_code', 'vialidad', 'stage', 'design', 'status', 'planned',
      'geometry', '{"type":"Polygon","coordinates":[[[-99.95,-39.95],[-99.92,-39.98],[-99.95,-39.98],[-99.92,-39.95],[-99.95,-39.95]]]}'::jsonb),
    jsonb_build_object('row_number', 8, 'name', 'Lejos', 'service_code', 'vialidad', 'stage', 'design', 'status', 'planned',
      'geometry', '{"type":"Point","coordinates":[0,0]}'::jsonb),
    jsonb_build_object('row_number', 9, 'name', 'Sin polígono', 'service_code', 'vialidad', 'stage', 'design', 'status', 'planned',
      'commune_codes', array['92103'])
  );
$$;
create function tests.projects() returns bigint language sql security definer as $$
  select count(*) from public.projects
  where name in ('Obra del sur [prueba]', 'Obra norte', 'Obra sur', 'Obra por comuna', 'Toma', 'Moño', 'Lejos', 'Sin polígono');
$$;
grant execute on function tests.rows(), tests.projects() to authenticated, anon;

select tests.authenticate_as_anon();
select is(tests.refusal($$select public.import_projects('[]', false)$$), '42501 -', 'anon cannot call the import');
reset role;
select tests.authenticate_as('gore');
select is(tests.refusal($$select public.import_projects('[]', false)$$), '42501 import_projects_caller',
  'a regional government does not import');
select is(tests.refusal($$select private.import_staged_rows(null, true)$$), '42501 -',
  'the staged import behind it is not callable over the API');
reset role;

select tests.authenticate_as('secretariat');
create temporary table preview as select public.import_projects(tests.rows(), false) as r;
select is((select r - 'rejections' from preview),
  '{"new": 2, "updated": 0, "unchanged": 0, "rejected": 6, "committed": false}'::jsonb,
  'the preview counts new and rejected rows');
select is((select jsonb_agg(x order by (x ->> 'row')::int) from preview, jsonb_array_elements(r -> 'rejections') x),
  '[{"row": 3, "detail": "92101", "reason": "outside_region"},
    {"row": 5, "detail": null, "reason": "match_other_region"},
    {"row": 6, "detail": "4", "reason": "duplicate_row"},
    {"row": 7, "detail": "Self-intersection", "reason": "geometry_invalid"},
    {"row": 8, "detail": null, "reason": "outside_chile"},
    {"row": 9, "detail": "92103", "reason": "unknown_commune"}]'::jsonb
  ,
  'each rejection names its row and reason');
select is(tests.projects(), 1::bigint, 'the preview writes nothing');

select is(public.import_projects(tests.rows(), true) - 'rejections',
  '{"new": 2, "updated": 0, "unchanged": 0, "rejected": 6, "committed": true}'::jsonb, 'the commit writes the accepted rows');
select is(tests.projects(), 3::bigint, 'two projects more');
select is(public.import_projects(tests.rows(), true) - 'rejections',
  '{"new": 0, "updated": 0, "unchanged": 2, "rejected": 6, "committed": true}'::jsonb, 'importing the same rows again changes nothing');
select is(tests.projects(), 3::bigint, 'still three projects');
select is(public.import_projects(jsonb_set(tests.rows(), '{0,status}', '"in_progress"'), true) ->> 'updated', '1',
  'a changed row updates its project, matched by BIP code');
reset role;

select is((select status::text from public.projects where bip_code = '30000091-1'), 'in_progress', 'the update is written');
select is((select a.actor from public.audit_log a join public.projects p on a.record_id = p.id::text
           where a.table_name = 'projects' and a.action = 'INSERT' and p.bip_code = '30000091-1'),
  tests.user_id('secretariat'), 'the audit trail names the importer');
select results_eq(
  $$select p.declared_commune_code, p.located_by_commune, pc.commune_code
    from public.projects p join public.project_communes pc on pc.project_id = p.id where p.name = 'Obra por comuna'$$,
  $$values ('91102'::text, true, '91102'::text)$$,
  'a row without geometry stands on its declared comuna, flagged as such');
select is((select name from public.projects where bip_code = '30000092-2'), 'Obra del sur [prueba]',
  'the project of another region is untouched');

select tests.authenticate_as('admin');
select is((public.import_projects(tests.rows(), false) -> 'rejections') @> '[{"row": 3}]', false,
  'an administrator imports in every region');
select is((public.import_projects(tests.rows(), false) -> 'rejections') @> '[{"row": 5}]', false,
  'an administrator may update any project by BIP code');
reset role;

select ok(not has_function_privilege('authenticated', 'private.stage_import_batch(jsonb)', 'execute'),
  'staging rows is not callable by API roles');
select ok(not has_function_privilege('anon', 'public.import_projects(jsonb, boolean)', 'execute'),
  'anon has no execute privilege on the import');
select ok(has_function_privilege('authenticated', 'public.import_projects(jsonb, boolean)', 'execute'),
  'signed-in users reach the import, which then checks their role');

select * from finish();
rollback;
