-- The precomputed grid of the low-zoom project tiles (migration 20261202010100): for every filter
-- it answers, the tiles built from it equal, byte for byte, the tiles built per call from the
-- filtered projects, at every zoom below 10 and on every tile with projects; they stay equal, and
-- the grid equal to a rebuild, after inserts, updates and deletes; each project's fine cell holds
-- its anchor; public.project_tile takes the grid exactly for those filters; who may touch it.
-- Fixture on the test territory (tests.create_territory), the domain tables emptied inside the
-- test's transaction, so the test passes on an empty database as on one with the sample.
begin;
\ir helpers/access.psql
select plan(20);

set local client_min_messages = warning;
truncate public.projects, public.agreements, public.information_flows, public.publications cascade;
reset client_min_messages;

select tests.create_territory();

-- 80 projects: points (several in one fine cell, so cells sum projects and services compete),
-- lines across two or three comunas, polygons astride a border; some without investment.
insert into public.projects (service_code, name, stage, status, investment_clp, start_on, end_on, geom)
select (array['vialidad', 'obras_hidraulicas', 'arquitectura', 'agua_potable_rural'])[1 + i % 4],
  format('Obra de grilla %s', i),
  (enum_range(null::public.project_stage))[1 + i % 7],
  (enum_range(null::public.project_status))[1 + (i / 2) % 5],
  case when i % 9 = 0 then null else 100000000 * (1 + i % 13) + 12345 * i end,
  (now() at time zone 'America/Santiago')::date - (30 * (i % 20)),
  (now() at time zone 'America/Santiago')::date + (20 * (i % 17)) + 1,
  case i % 4
    when 0 then extensions.st_setsrid(extensions.st_makepoint(-99.99 + (i % 19) * 0.01, -39.91 - (i % 17) * 0.01), 4326)
    when 1 then extensions.st_setsrid(extensions.st_makepoint(-99.951 + (i % 3) * 0.0001, -39.951), 4326)
    when 2 then extensions.st_setsrid(extensions.st_makeline(
      extensions.st_makepoint(-99.97 + (i % 5) * 0.01, -39.93), extensions.st_makepoint(-99.83, -40.02 - (i % 7) * 0.01)), 4326)
    else extensions.st_setsrid(extensions.st_makeenvelope(-99.93 + (i % 4) * 0.005, -40.03, -99.87, -39.97 - (i % 3) * 0.005), 4326)
  end
from generate_series(1, 80) i;

-- The filters a dashboard sends that the grid answers.
create temporary table grid_filters (f jsonb);
insert into grid_filters values
  ('{}'), ('{"region":"91"}'), ('{"region":"92"}'), ('{"province":"911"}'), ('{"province":"921"}'),
  ('{"communes":["91102"]}'), ('{"communes":["92103"]}'), ('{"region":"99"}'),
  ('{"services":["vialidad"]}'), ('{"services":["arquitectura","agua_potable_rural"],"region":"92"}'),
  ('{"stages":["execution","design"]}'), ('{"statuses":["in_progress","halted"]}'),
  ('{"statuses":["in_progress"],"province":"911","services":["obras_hidraulicas","vialidad"]}'),
  ('{"communes":["92102"],"stages":["idea"],"statuses":["planned"]}'),
  ('{"region":"91","commitment_status":"overdue"}'), ('{"services":[],"q":"","year_from":null}');

-- Every tile below zoom 10 that holds a project, and a neighbour of each (empty, or not).
create temporary view grid_tiles as
select distinct z, tx + dx as x, ty as y
from (
  select z, g.cell_x >> (15 - z) as tx, g.cell_y >> (15 - z) as ty
  from private.project_grid_points g cross join generate_series(0, 9) z
) t
cross join (values (0), (1)) d (dx)
where tx + dx < 1 << z;

-- Tiles of every filter and tile where the grid and the per-call path differ.
create function tests.grid_mismatches()
returns setof text
language sql
as $$
  select format('%s/%s/%s %s', t.z, t.x, t.y, f.f)
  from grid_filters f cross join grid_tiles t
  where private.project_cells_tile(t.z, t.x, t.y, f.f, true)
        is distinct from private.project_cells_tile(t.z, t.x, t.y, f.f, false)
$$;

-- The grid (fine, coarse and points) as kept by the triggers against one rebuilt from scratch.
create function tests.grid_drift()
returns bigint
language plpgsql
as $$
declare
  drift bigint;
begin
  create temporary table kept_grid on commit drop as select * from private.project_grid;
  create temporary table kept_points on commit drop as select * from private.project_grid_points;
  create temporary table kept_coarse on commit drop as select * from private.project_grid_coarse;
  perform private.rebuild_project_grid();
  select count(*) into drift from (
    (select * from kept_grid except select * from private.project_grid)
    union all
    (select * from private.project_grid except select * from kept_grid)) d;
  select drift + count(*) into drift from (
    (select * from kept_points except select * from private.project_grid_points)
    union all
    (select * from private.project_grid_points except select * from kept_points)) d;
  select drift + count(*) into drift from (
    (select * from kept_coarse except select * from private.project_grid_coarse)
    union all
    (select * from private.project_grid_coarse except select * from kept_coarse)) d;
  drop table kept_grid, kept_points, kept_coarse;
  return drift;
end;
$$;

-- ── Which filters take the grid ──────────────────────────────────────────────────────────────
select ok((select bool_and(private.project_grid_covers(f)) from grid_filters), 'the grid answers territory, services, stages and statuses');
select ok(not private.project_grid_covers('{"themes":["medio_ambiente"]}') and not private.project_grid_covers('{"q":"puente"}')
  and not private.project_grid_covers('{"year_from":2025}') and not private.project_grid_covers('{"investment_min":1}')
  and not private.project_grid_covers('{"delayed":true}') and not private.project_grid_covers('{"quality":["far"]}')
  and not private.project_grid_covers('{"area":{"kind":"circle","lon":-99.95,"lat":-39.95,"radius_km":2}}')
  and not private.project_grid_covers('{"communes":["91101","91102"]}')
  and not private.project_grid_covers('{"region":"91","province":"911"}'),
  'themes, text, years, investment, delayed, quality, an area, several comunas or two territory keys are computed per call');
select is(tests.error_of($$select private.project_cells_tile(5, 0, 0, '{"q":"puente"}', true)$$) ->> 'code', '22023',
  'the grid refuses a filter it cannot answer');

-- ── Equal to the per-call path ───────────────────────────────────────────────────────────────
select ok((select count(distinct z) = 10 from grid_tiles)
  and (select max(n) > 3 and count(*) filter (where services > 1) > 0 from (
         select sum(projects) as n, count(distinct service_code) as services from private.project_grid
         where level = 'country' group by cell_x, cell_y) c)
  and (select count(distinct regions) > 2 from private.project_grid_points),
  'the fixture has tiles at every zoom, cells with several projects and services, projects in one or two regions');
select is((select count(*) from grid_tiles t where length(private.project_cells_tile(t.z, t.x, t.y, '{}', true)) > 0),
  (select count(distinct (z, x, y)) from grid_tiles where (z, x, y) in (
     select z, g.cell_x >> (15 - z), g.cell_y >> (15 - z) from private.project_grid_points g cross join generate_series(0, 9) z)),
  'exactly the tiles with projects have cells (the comparisons below are not between empty tiles)');
select is_empty('select * from tests.grid_mismatches()', 'grid = per call, byte for byte, for every filter and tile z0–z9');
select ok((select bool_and(extensions.st_covers(extensions.st_tileenvelope(15, g.cell_x, g.cell_y), p.anchor_3857))
           from private.project_grid_points g join public.projects p on p.id = g.project_id),
  'each project''s fine cell is the zoom-15 tile that holds its anchor');
select is((select sum(projects)::bigint from private.project_grid where level = 'region' and code = '91'),
  (select count(distinct project_id) from public.project_communes where region_code = '91'),
  'a project touching two comunas of a region counts once in the region');
select is((select sum(projects)::bigint from private.project_grid where level = 'country'), (select count(*) from public.projects),
  'every project counts once in the country');

-- ── public.project_tile takes the grid exactly where it answers ──────────────────────────────
select ok(length(public.project_tile(t[1], t[2], t[3], '{"region":"91"}')) > 0 and public.project_tile(t[1], t[2], t[3], '{"region":"91"}')::bytea
  = private.project_cells_tile(t[1], t[2], t[3], '{"region":"91"}', true), 'project_tile below zoom 10: the grid for a covered filter')
from (select array[7, cell_x >> 8, cell_y >> 8] as t from private.project_grid_points where '91' = any (regions) order by project_id limit 1) x;
select is(public.project_tile(t[1], t[2], t[3], '{"year_from":2020,"region":"91"}')::bytea,
  private.project_cells_tile(t[1], t[2], t[3], '{"year_from":2020,"region":"91"}', false), 'and the per-call path for another')
from (select array[7, cell_x >> 8, cell_y >> 8] as t from private.project_grid_points where '91' = any (regions) order by project_id limit 1) x;

-- ── Kept current ─────────────────────────────────────────────────────────────────────────────
update public.projects set status = 'halted', investment_clp = investment_clp + 7, service_code = 'vialidad' where id % 5 = 0;
select is(tests.grid_drift(), 0::bigint, 'after changing status, service and investment: equal to a rebuild');
select is_empty('select * from tests.grid_mismatches()', 'and grid = per call');

update public.projects set geom = extensions.st_setsrid(extensions.st_makepoint(-99.85, -40.05), 4326) where id % 7 = 0;
update public.projects set geom = extensions.st_setsrid(extensions.st_makepoint(-99.9512, -39.9511), 4326) where id % 11 = 0;
select is(tests.grid_drift(), 0::bigint, 'after moving projects (to another comuna, within one): equal to a rebuild');
select is_empty('select * from tests.grid_mismatches()', 'and grid = per call');

delete from public.projects where id % 8 = 3;
insert into public.projects (service_code, name, stage, status, investment_clp, start_on, end_on, geom)
values ('vialidad', 'Obra nueva de grilla', 'execution', 'in_progress', 777000000,
  (now() at time zone 'America/Santiago')::date - 300, (now() at time zone 'America/Santiago')::date + 10,
  extensions.st_setsrid(extensions.st_makeline(extensions.st_makepoint(-99.99, -39.95), extensions.st_makepoint(-99.81, -40.09)), 4326));
select is(tests.grid_drift(), 0::bigint, 'after deleting and inserting projects: equal to a rebuild');
select is_empty('select * from tests.grid_mismatches()', 'and grid = per call');

-- ── Who may touch it ─────────────────────────────────────────────────────────────────────────
select ok(not has_table_privilege('anon', 'private.project_grid', 'select')
  and not has_table_privilege('authenticated', 'private.project_grid_points', 'select')
  and not has_table_privilege('anon', 'private.project_grid_coarse', 'select')
  and not has_table_privilege('authenticated', 'private.project_grid', 'insert'),
  'nobody reads or writes the grid tables but through the tile function');
select ok(not has_function_privilege('authenticated', 'private.rebuild_project_grid()', 'execute')
  and not has_function_privilege('anon', 'private.refresh_project_grid(bigint[])', 'execute'),
  'nobody calls its maintenance');
create temporary table low_tile as
select array[5, cell_x >> 10, cell_y >> 10] as t from private.project_grid_points order by project_id limit 1;
grant select on low_tile to anon;
select tests.authenticate_as_anon();
select ok(length(public.project_tile(t[1], t[2], t[3], '{}')) > 0
    and public.project_tile(t[1], t[2], t[3], '{}')::bytea = private.project_cells_tile(t[1], t[2], t[3], '{}', false),
  'an anonymous visitor gets the tile the rows they may read give')
from low_tile;
select tests.clear_authentication();

select * from finish();
rollback;
