-- The derived tables an import moves (issue 11: the 100 000-row import): the tile grid, the project
-- roll-ups (pieces, totals, years, delays) and the investment yardsticks stay equal, by value, to a
-- rebuild from scratch after a bulk import of new projects, an import that updates them (status,
-- investment, geometry to another comuna and region), a mixed one (new, updated, unchanged and
-- rejected rows), and after ordinary writes that do not go through the import.
begin;
\ir helpers/access.psql
select plan(10);

select tests.create_territory();
select tests.create_user('admin', 'admin');

-- Every derived table as the triggers kept it, against the same table rebuilt from scratch: the
-- number of rows that differ (in either direction).
create function tests.derived_drift()
returns bigint
language plpgsql
as $$
declare
  kept text;
  drift bigint := 0;
  n bigint;
begin
  foreach kept in array array['project_grid_points', 'project_grid', 'project_grid_coarse', 'project_pieces',
    'project_rollup', 'project_year_rollup', 'project_delay_rollup', 'investment_yardsticks'] loop
    execute format('create temporary table kept_%1$s on commit drop as select * from private.%1$I', kept);
  end loop;
  perform private.rebuild_project_grid();
  perform private.rebuild_project_rollup();
  perform private.refresh_investment_yardsticks(null, null);
  foreach kept in array array['project_grid_points', 'project_grid', 'project_grid_coarse', 'project_pieces',
    'project_rollup', 'project_year_rollup', 'project_delay_rollup', 'investment_yardsticks'] loop
    execute format('select count(*) from ((select * from kept_%1$s except all select * from private.%1$I)
      union all (select * from private.%1$I except all select * from kept_%1$s)) d', kept) into n;
    drift := drift + n;
    execute format('drop table kept_%s', kept);
  end loop;
  return drift;
end;
$$;

-- n rows as the app sends them: points spread over the four comunas with polygons (two regions),
-- every fifth a line across the border of both regions, two services (groups of ≥ 8 projects
-- with an investment, so the yardsticks exist), dates that make some of them delayed.
create function tests.import_rows(first integer, last integer, variant integer)
returns jsonb
language sql
as $$
  select jsonb_agg(jsonb_build_object(
    'row_number', n + 1,
    'bip_code', format('%s-%s', 31000000 + n, n % 10),
    'name', format('Importada %s', n),
    'service_code', case when n % 2 = 0 then 'vialidad' else 'obras_hidraulicas' end,
    'stage', case when n % 3 = 0 then 'design' else 'execution' end,
    'status', case when (n + variant) % 4 = 0 then 'halted' else 'in_progress' end,
    'investment_clp', (1000000 * (1 + (n * 7 + variant) % 13))::bigint,
    'start_on', format('%s-03-01', 2020 + n % 5),
    'end_on', format('%s-06-30', 2024 + (n + variant) % 5),
    'geometry', case when n % 5 = 0
      then jsonb_build_object('type', 'LineString', 'coordinates',
        jsonb_build_array(jsonb_build_array(-99.95 + 0.001 * variant, -39.97), jsonb_build_array(-99.85, -40.03)))
      else jsonb_build_object('type', 'Point', 'coordinates',
        jsonb_build_array(-99.99 + ((n + variant) % 19) * 0.01, case when (n + variant) % 2 = 0 then -39.95 else -40.05 end))
      end) order by n)
  from generate_series(first, last) n;
$$;

create function tests.import_as_admin(p_rows jsonb)
returns jsonb
language plpgsql
as $$
declare
  outcome jsonb;
begin
  perform tests.authenticate_as('admin');
  outcome := public.import_projects(p_rows, true) - 'rejections';
  reset role;
  return outcome;
end;
$$;

-- Ordinary projects already there, written directly.
insert into public.projects (bip_code, service_code, name, stage, status, investment_clp, start_on, end_on, geom)
select format('%s-%s', 30000000 + n, n % 10), 'vialidad', format('Existente %s', n), 'execution', 'in_progress',
  2000000 * n, '2021-01-01', '2023-12-31', tests.point(-99.95 + n * 0.01, -39.95)
from generate_series(1, 10) n;
select is(tests.derived_drift(), 0::bigint, 'before importing: the derived tables equal a rebuild');

select is(tests.import_as_admin(tests.import_rows(1, 40, 0)),
  '{"new": 40, "updated": 0, "unchanged": 0, "rejected": 0, "committed": true}'::jsonb,
  'a bulk import of 40 new projects');
select is(tests.derived_drift(), 0::bigint, 'after a bulk import: grid, roll-ups and yardsticks equal a rebuild');
select ok((select count(*) from private.project_pieces pp join public.projects p on p.id = pp.project_id
           where p.name like 'Importada %') >= 40, 'the imported projects are in the roll-up');

select is(tests.import_as_admin(tests.import_rows(1, 40, 1)) ->> 'updated', '40',
  'an import updating all of them (status, investment, dates, geometry)');
select is(tests.derived_drift(), 0::bigint, 'after an update-import: equal to a rebuild');

-- Mixed: rows 1–10 as they are now (unchanged), 11–30 changed, 41–50 new, one row outside Chile.
select is(tests.import_as_admin(
    tests.import_rows(1, 10, 1) || tests.import_rows(11, 30, 2) || tests.import_rows(41, 50, 0)
    || jsonb_build_array(jsonb_build_object('row_number', 999, 'name', 'Lejos', 'service_code', 'vialidad',
         'stage', 'design', 'status', 'planned', 'geometry', '{"type":"Point","coordinates":[0,0]}'::jsonb))),
  '{"new": 10, "updated": 20, "unchanged": 10, "rejected": 1, "committed": true}'::jsonb,
  'a mixed import: new, updated, unchanged and rejected rows');
select is(tests.derived_drift(), 0::bigint, 'after a mixed import: equal to a rebuild');

select is(tests.import_as_admin(tests.import_rows(1, 10, 1) || tests.import_rows(11, 30, 2) || tests.import_rows(41, 50, 0)),
  '{"new": 0, "updated": 0, "unchanged": 40, "rejected": 0, "committed": true}'::jsonb,
  'the same import again writes nothing');

-- Writes that do not go through the import still maintain every derived table.
update public.projects set status = 'completed', investment_clp = investment_clp * 3 where name like 'Importada 1%';
update public.projects set geom = tests.point(-99.85, -40.05) where name in ('Importada 2', 'Existente 3');
delete from public.projects where name in ('Importada 4', 'Existente 5');
insert into public.projects (service_code, name, stage, status, investment_clp, geom)
values ('obras_hidraulicas', 'Directa', 'execution', 'halted', 5000000, tests.point(-99.92, -40.02));
select is(tests.derived_drift(), 0::bigint, 'after ordinary updates, deletes and inserts: equal to a rebuild');

select * from finish();
rollback;
