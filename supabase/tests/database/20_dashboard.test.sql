-- The dashboard's data layer on a fixture of its own: comuna shares, progress history and
-- "delayed", the data version, the filter, the aggregates and the tiles; and who may call, read
-- and write them. The projects sit in the test territory (tests.create_territory: region 91 with
-- comunas 91101 and 91102 to the north, region 92 with 92101 and 92102 to the south), so the test
-- passes on an empty database as on one with the official territory. The domain tables are
-- emptied inside the test's transaction (rolled back at the end), so the sample data never enters
-- a number.
begin;
\ir helpers/access.psql
select plan(51);

set local client_min_messages = warning;
truncate public.projects, public.agreements, public.information_flows, public.publications cascade;
reset client_min_messages;

select tests.create_territory();
-- An accented comuna name, for the accent-insensitive search.
update public.communes set name = 'Viña de Prueba' where code = '91102';
-- Each region's regional government, which its gore users act for.
insert into public.institutions (name, acronym, kind, level, region_code) values
  ('Gobierno Regional de Prueba Norte', 'GORE Norte', 'regional_government', 'regional', '91'),
  ('Gobierno Regional de Prueba Sur', 'GORE Sur', 'regional_government', 'regional', '92');

create function tests.project_id(project_name text)
returns bigint
language sql
as $$ select p.id from public.projects p where p.name = project_name $$;

create function tests.add_project(
  project_name text, geometry text, service text default 'vialidad',
  investment bigint default null, status public.project_status default 'in_progress',
  start_on date default null, end_on date default null, bip text default null
)
returns bigint
language sql
as $$
  insert into public.projects (service_code, name, stage, status, investment_clp, start_on, end_on, geom, bip_code)
  values (service, project_name, 'execution', status, investment, start_on, end_on, geometry::extensions.geometry, bip)
  returning id;
$$;

create function tests.shares(project_name text)
returns table (commune_code text, share double precision)
language sql
as $$
  select pc.commune_code, pc.share from public.project_communes pc
  where pc.project_id = tests.project_id(project_name) order by pc.commune_code;
$$;

-- Tile indices of a WGS84 point (Web Mercator tiling).
create function tests.tile_of(z integer, lon double precision, lat double precision)
returns integer[]
language sql
immutable
as $$
  select array[z,
    floor((lon + 180) / 360 * (1 << z))::integer,
    floor((1 - ln(tan(radians(lat)) + 1 / cos(radians(lat))) / pi()) / 2 * (1 << z))::integer];
$$;

grant execute on all functions in schema tests to anon, authenticated, service_role;

-- ── Fixture ──────────────────────────────────────────────────────────────────────────────────
-- Dates around today in Chile, so that planned progress is 50 % for the running works.
create temporary table fixture_dates as
select (now() at time zone 'America/Santiago')::date - 200 as start_on,
       (now() at time zone 'America/Santiago')::date + 200 as end_on;
grant select on fixture_dates to anon, authenticated;

-- A bridge in 91101; a sewer in 91102; a road from the bridge through 91102 into 92102; a park
-- astride the border of 92101 and 92102 (a quarter of it west of -99.9); a water network with
-- one point in 91101 (at the bridge) and one in 92101.
select tests.add_project('Puente en Noroeste [prueba]', '{"type":"Point","coordinates":[-99.95,-39.95]}',
  'vialidad', 1000000000, 'in_progress', (select start_on from fixture_dates), (select end_on from fixture_dates), '30123456-0');
select tests.add_project('Colector en Viña [prueba]', '{"type":"Point","coordinates":[-99.85,-39.95]}',
  'obras_hidraulicas', 3000000000, 'in_progress', (select start_on from fixture_dates), (select end_on from fixture_dates));
select tests.add_project('Camino Noroeste–Sureste [prueba]', 'SRID=4326;LINESTRING(-99.95 -39.95, -99.85 -40.03)',
  'vialidad', 9000000000, 'planned');
select tests.add_project('Parque en Sureste [prueba]',
  '{"type":"Polygon","coordinates":[[[-99.91,-40.06],[-99.87,-40.06],[-99.87,-40.04],[-99.91,-40.04],[-99.91,-40.06]]]}',
  'arquitectura', 2000000000, 'completed');
select tests.add_project('Red de APR [prueba]', 'SRID=4326;MULTIPOINT((-99.95 -39.95), (-99.95 -40.05))',
  'agua_potable_rural', 500000000, 'planned');

-- ── Shares ───────────────────────────────────────────────────────────────────────────────────
select results_eq($$select * from tests.shares('Puente en Noroeste [prueba]')$$,
  $$values ('91101'::text, 1::double precision)$$, 'a point is wholly in the comuna that contains it');
select results_eq($$select * from tests.shares('Red de APR [prueba]')$$,
  $$values ('91101'::text, 0.5::double precision), ('92101', 0.5)$$,
  'each point of a multipoint counts for its comuna');
select ok((select abs(sum(share) - 1) < 1e-9 from tests.shares('Camino Noroeste–Sureste [prueba]'))
      and (select array_agg(commune_code) = '{91101,91102,92102}' from tests.shares('Camino Noroeste–Sureste [prueba]')),
  'a line''s shares over the three comunas it crosses sum to 1');
select ok((
  select abs(s.share - extensions.st_length(extensions.st_intersection(c.geom, p.geom)::extensions.geography)
                       / extensions.st_length(p.geom::extensions.geography)) < 1e-3
  from tests.shares('Camino Noroeste–Sureste [prueba]') s
  join public.communes c on c.code = s.commune_code
  join public.projects p on p.id = tests.project_id('Camino Noroeste–Sureste [prueba]')
  where s.commune_code = '91102'),
  'a line''s share in a comuna is the geodesic length of it inside that comuna over the whole');
select ok((select abs(sum(share) - 1) < 1e-9 and min(share) >= 0
                   and array_agg(commune_code) = '{92101,92102}'
                   and abs(min(share) filter (where commune_code = '92101') - 0.25) < 1e-3
            from tests.shares('Parque en Sureste [prueba]')),
  'a polygon''s shares over the comunas it straddles go by area and sum to 1');
select ok((select bool_and(share > 0 and share <= 1) from public.project_communes), 'every share is within (0, 1]');

-- Moving a project moves its shares.
update public.projects set geom = 'SRID=4326;POINT(-99.85 -40.05)'
where id = tests.project_id('Red de APR [prueba]');
select results_eq($$select * from tests.shares('Red de APR [prueba]')$$,
  $$values ('92102'::text, 1::double precision)$$, 'shares follow a changed geometry');

-- ── Progress ─────────────────────────────────────────────────────────────────────────────────
insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select tests.project_id('Puente en Noroeste [prueba]'), d.start_on + n * 30, 5 * n, 50000000 * n
from fixture_dates d, generate_series(1, 4) n;
insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select tests.project_id('Colector en Viña [prueba]'), d.start_on + 180, 45, 1200000000 from fixture_dates d;

select results_eq(
  $$select physical_progress, spent_clp from public.project_progress_latest where project_id = tests.project_id('Puente en Noroeste [prueba]')$$,
  $$values (20.00::numeric(5,2), 200000000::bigint)$$, 'the latest report is kept beside the history');
delete from public.project_progress
where project_id = tests.project_id('Puente en Noroeste [prueba]')
  and reported_on = (select start_on + 120 from fixture_dates);
select results_eq(
  $$select physical_progress from public.project_progress_latest where project_id = tests.project_id('Puente en Noroeste [prueba]')$$,
  $$values (15.00::numeric(5,2))$$, 'deleting the latest report brings back the one before');
insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select tests.project_id('Puente en Noroeste [prueba]'), d.start_on + 120, 20, 200000000 from fixture_dates d;
select is(tests.error_of($$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
  values (tests.project_id('Puente en Noroeste [prueba]'), current_date, 101, 0)$$) ->> 'code', '23514',
  'physical progress above 100 % is refused');

select is(public.planned_progress('2026-01-01', '2026-12-31', '2025-06-01'), 0::numeric, 'planned progress is 0 before the start');
select is(public.planned_progress('2026-01-01', '2026-12-31', '2027-06-01'), 100::numeric, 'and 100 after the end');
select is(public.planned_progress('2026-01-01', '2026-12-31', '2026-07-02'), 50::numeric, 'and 50 at mid-term');
select ok(public.planned_progress('2026-01-01', '2026-12-31', '2026-02-06') < 10, 'an S-curve: slow at the start (10 % of the time, under 10 %)');
select is(public.planned_progress(null, '2026-12-31', '2026-07-02'), null, 'no planned progress without dates');
select ok(public.is_delayed('in_progress', '2026-01-01', '2026-12-31', 39, '2026-07-02'), 'more than 10 points behind the curve is delayed');
select ok(not public.is_delayed('in_progress', '2026-01-01', '2026-12-31', 41, '2026-07-02'), 'less than 10 points behind is not');
select ok(public.is_delayed('halted', '2026-01-01', '2026-12-31', null, '2026-07-02'), 'a halted work never reported is at 0 %');
select ok(not public.is_delayed('completed', '2026-01-01', '2026-12-31', 0, '2026-07-02'), 'a completed work is never delayed');

-- ── Data version ─────────────────────────────────────────────────────────────────────────────
create temporary table version_before as select public.data_version() as v;
select is(public.data_version(), (select v from version_before), 'reading does not change the data version');
update public.projects set investment_clp = investment_clp where id = tests.project_id('Parque en Sureste [prueba]');
select ok(public.data_version() > (select v from version_before), 'a write to projects changes it');

-- ── Filter ───────────────────────────────────────────────────────────────────────────────────
select set_eq($$select name from public.filtered_projects('{"q":"vina"}')$$,
  $$values ('Colector en Viña [prueba]'), ('Camino Noroeste–Sureste [prueba]')$$,
  'search ignores accents and case ("vina" → Viña, by name and by a comuna the road crosses)');
select set_eq($$select name from public.filtered_projects('{"q":"norte"}')$$,
  $$values ('Puente en Noroeste [prueba]'), ('Colector en Viña [prueba]'), ('Camino Noroeste–Sureste [prueba]')$$,
  'a region''s name finds the projects in its comunas');
select set_eq($$select name from public.filtered_projects('{"q":"30123"}')$$,
  $$values ('Puente en Noroeste [prueba]')$$, 'the beginning of a BIP code finds its project');
select set_eq($$select name from public.filtered_projects('{"region":"92"}')$$,
  $$values ('Camino Noroeste–Sureste [prueba]'), ('Parque en Sureste [prueba]'), ('Red de APR [prueba]')$$,
  'a region: the projects touching it');
select set_eq($$select name from public.filtered_projects('{"services":["vialidad"],"statuses":["in_progress"]}')$$,
  $$values ('Puente en Noroeste [prueba]')$$, 'services and statuses combine');
select set_eq($$select name from public.filtered_projects('{"delayed":true}')$$,
  $$values ('Puente en Noroeste [prueba]')$$, 'delayed: behind the planned curve');
select set_eq($$select name from public.filtered_projects('{"investment_min":2000000000,"investment_max":3000000000}')$$,
  $$values ('Colector en Viña [prueba]'), ('Parque en Sureste [prueba]')$$, 'an investment range includes its ends');
select set_eq($$select name from public.filtered_projects('{"area":{"kind":"circle","lon":-99.95,"lat":-39.95,"radius_km":2}}')$$,
  $$values ('Puente en Noroeste [prueba]'), ('Camino Noroeste–Sureste [prueba]')$$, 'a circle: projects within its radius');
select is((select count(*) from public.filtered_projects('{}')), 5::bigint, 'no filter: every project');

-- ── Aggregates ───────────────────────────────────────────────────────────────────────────────
select is((select sum(investment_clp) from public.commune_metrics('{}')),
  (select sum(investment_clp)::numeric from public.projects), 'comunas add up to the whole investment');
select is((select projects from public.commune_metrics('{"region":"91"}') where commune_code = '91101'), 2::bigint,
  'a comuna counts the projects touching it');
select is((select investment_clp from public.commune_metrics('{}') where commune_code = '91101'),
  (select round(1000000000 + 9000000000 * share)::bigint from tests.shares('Camino Noroeste–Sureste [prueba]') where commune_code = '91101'),
  'a comuna gets each project''s share of its investment');
select is((select count(*) from public.commune_metrics('{"region":"92"}')),
  (select count(*) from public.communes where region_code = '92'),
  'one row per comuna of the view (also one without projects or polygon)');

create temporary table summary as select public.dashboard_summary('{"region":"91"}') as s;
select is((select (s -> 'kpis' ->> 'projects')::int from summary), 3, 'summary: projects touching the region');
select is((select (s -> 'kpis' ->> 'investment_clp')::numeric from summary),
  (select sum(investment_clp)::numeric from public.commune_metrics('{"region":"91"}')),
  'summary: the region''s investment is the sum of its comunas''');
select is((select sum((a ->> 'investment_clp')::numeric) from summary, json_array_elements(s -> 'by_area') a),
  (select (s -> 'kpis' ->> 'investment_clp')::numeric from summary), 'summary: the provinces add up to the region');
select is((select (s -> 'kpis' ->> 'projects_delayed')::int from summary), 1, 'summary: delayed projects');
select is((select (s -> 'kpis' ->> 'physical_progress')::numeric from summary), 38.8,
  'summary: physical progress weighted by apportioned investment ((20·1 + 45·3) / 4 = 38,75)');

-- ── Tiles ────────────────────────────────────────────────────────────────────────────────────
create temporary table tiles as
select public.project_tile(t[1], t[2], t[3], '{}') as near, public.project_tile(t[1], t[2] + 3, t[3], '{}') as far,
  public.project_tile(5, tl[2], tl[3], '{}') as low
from (select tests.tile_of(12, -99.95, -39.95) as t, tests.tile_of(5, -99.95, -39.95) as tl) x;
select ok((select position('projects'::bytea in near) > 0 from tiles), 'a high-zoom tile holds layer projects');
select is((select length(far) from tiles), 0, 'a tile without projects is empty');
select ok((select position('project_cells'::bytea in low) > 0 from tiles), 'a low-zoom tile holds the grid cells instead');
select is(tests.error_of($$select public.project_tile(3, 8, 0, '{}')$$) ->> 'code', '22023', 'a tile outside the grid is refused');

-- ── Who may call, read and write ─────────────────────────────────────────────────────────────
select ok(
  has_function_privilege('anon', 'public.dashboard_summary(jsonb)', 'execute')
  and has_function_privilege('anon', 'public.commune_metrics(jsonb)', 'execute')
  and has_function_privilege('anon', 'public.project_tile(integer, integer, integer, jsonb)', 'execute')
  and has_function_privilege('anon', 'public.filtered_projects(jsonb)', 'execute')
  and has_function_privilege('anon', 'public.data_version()', 'execute'),
  'anyone may call the dashboard RPCs (RLS decides what they count)');
select ok(not has_table_privilege('authenticated', 'public.project_progress_latest', 'insert')
  and not has_table_privilege('service_role', 'public.project_progress_latest', 'insert'),
  'nobody writes the latest progress: it is derived');

select tests.create_user('admin', 'admin');
select tests.create_user('secretaria_norte', 'secretariat', '91');
select tests.create_user('secretaria_sur', 'secretariat', '92');
select tests.create_user('gore_norte', 'gore', '91');

select tests.authenticate_as('secretaria_norte');
select lives_ok($$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
  values (tests.project_id('Colector en Viña [prueba]'), (now() at time zone 'America/Santiago')::date, 50, 1300000000)$$,
  'the secretariat reports progress of a project in its region');
select is((select reported_by from public.project_progress where physical_progress = 50),
  tests.user_id('secretaria_norte'), 'the database records who reported it');
select tests.authenticate_as('secretaria_sur');
select is(tests.error_of($$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
  values (tests.project_id('Colector en Viña [prueba]'), current_date - 1, 60, 1400000000)$$) ->> 'code', '42501',
  'another region''s secretariat may not');
select tests.authenticate_as('gore_norte');
select is(tests.error_of($$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
  values (tests.project_id('Colector en Viña [prueba]'), current_date - 1, 60, 1400000000)$$) ->> 'code', '42501',
  'a regional government may not report progress');
select is((select count(*) from public.project_progress where project_id = tests.project_id('Colector en Viña [prueba]')),
  2::bigint, 'but reads the progress of its region''s projects');
select tests.authenticate_as_anon();
select is(tests.error_of($$insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
  values (1, current_date, 1, 1)$$) ->> 'code', '42501', 'anonymous visitors write nothing');
select tests.clear_authentication();

select * from finish();
rollback;
