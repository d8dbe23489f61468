-- Project tiles from zoom 10 read the tile's box first (migration 20261203030100): for every filter
-- key alone and combined, on every z10–z14 tile of the fixture and a neighbour of each, the new
-- path gives the same tile, byte for byte, as the path before it (every project of the filter,
-- then the box); public.project_tile takes the new path; rows that RLS hides from a role stay out
-- of that role's tiles on both paths (a restrictive policy hides some projects inside the test);
-- the tile function runs in the caller's rights. Fixture on the test territory, domain tables
-- emptied inside the test's transaction.
begin;
\ir helpers/access.psql
select plan(10);

set local client_min_messages = warning;
truncate public.projects, public.agreements, public.information_flows, public.publications cascade;
reset client_min_messages;

select tests.create_territory();

-- 80 projects as in 23_project_grid (points, lines across comunas, polygons astride a border,
-- some without investment), with dates around today, themes and progress, so that every filter
-- key cuts through them.
insert into public.projects (service_code, name, stage, status, investment_clp, start_on, end_on, geom)
select (array['vialidad', 'obras_hidraulicas', 'arquitectura', 'agua_potable_rural'])[1 + i % 4],
  format('Obra de mosaico %s', i),
  (enum_range(null::public.project_stage))[1 + i % 7],
  (enum_range(null::public.project_status))[1 + (i / 2) % 5],
  case when i % 9 = 0 then null else 100000000 * (1 + i % 13) + 12345 * i end,
  (now() at time zone 'America/Santiago')::date - (200 * (i % 19)),
  (now() at time zone 'America/Santiago')::date + (150 * (i % 23)) + 1,
  case i % 4
    when 0 then extensions.st_setsrid(extensions.st_makepoint(-99.99 + (i % 19) * 0.01, -39.91 - (i % 17) * 0.01), 4326)
    when 1 then extensions.st_setsrid(extensions.st_makepoint(-99.951 + (i % 3) * 0.0001, -39.951), 4326)
    when 2 then extensions.st_setsrid(extensions.st_makeline(
      extensions.st_makepoint(-99.97 + (i % 5) * 0.01, -39.93), extensions.st_makepoint(-99.83, -40.02 - (i % 7) * 0.01)), 4326)
    else extensions.st_setsrid(extensions.st_makeenvelope(-99.93 + (i % 4) * 0.005, -40.03, -99.87, -39.97 - (i % 3) * 0.005), 4326)
  end
from generate_series(1, 80) i;

insert into public.project_themes (project_id, theme_code)
select p.id, (array['territorio', 'medio_ambiente'])[1 + p.id % 2] from public.projects p where p.id % 3 <> 1;
insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select p.id, (now() at time zone 'America/Santiago')::date - 1, (p.id * 7) % 100, 1000000 * (p.id % 50)
from public.projects p where p.id % 3 <> 0;

-- Every filter key alone and combined, with empty results and keys that restrict nothing.
create temporary table tile_filters (f jsonb);
insert into tile_filters values
  ('{}'), ('{"commitment_status":"overdue"}'), ('{"services":[],"q":"","year_from":null}'),
  ('{"region":"91"}'), ('{"region":"92"}'), ('{"province":"911"}'), ('{"communes":["91102"]}'),
  ('{"communes":["91101","92102"]}'), ('{"region":"91","province":"911"}'), ('{"region":"91","province":"921"}'),
  ('{"region":"99"}'), ('{"services":["vialidad"]}'), ('{"services":["arquitectura","agua_potable_rural"],"region":"92"}'),
  ('{"stages":["execution","design"],"statuses":["in_progress","halted"]}'), ('{"themes":["territorio"]}'),
  ('{"year_from":2026}'), ('{"year_from":2020,"year_to":2025,"communes":["92101"]}'),
  ('{"investment_min":500000000,"investment_max":900000000}'), ('{"q":"mosaico 1"}'), ('{"q":"zzz sin resultado"}'),
  ('{"area":{"kind":"circle","lon":-99.9,"lat":-40.0,"radius_km":4}}'),
  ('{"area":{"kind":"polygon","ring":[[-99.98,-39.92],[-99.86,-39.92],[-99.86,-40.04],[-99.98,-39.92]]}}'),
  ('{"delayed":true}'), ('{"delayed":false,"region":"91"}'), ('{"quality":["missing_bip"]}');

-- Every z10–z14 tile that a project's geometry meets, and up to zoom 12 the tile east of each
-- (empty, or not).
create temporary table geometry_tiles as
with span as (
  select z, 40075016.685578488 / (1 << z) as size, e.b
  from generate_series(10, 14) z
  cross join (select extensions.st_transform(extensions.st_setsrid(extensions.st_extent(p.geom)::extensions.geometry, 4326), 3857) as b
              from public.projects p) e
),
candidates as (
  select s.z, x, y from span s,
    generate_series(floor((extensions.st_xmin(s.b) + 20037508.342789244) / s.size)::int,
                    floor((extensions.st_xmax(s.b) + 20037508.342789244) / s.size)::int) x,
    generate_series(floor((20037508.342789244 - extensions.st_ymax(s.b)) / s.size)::int,
                    floor((20037508.342789244 - extensions.st_ymin(s.b)) / s.size)::int) y
)
select distinct c.z, c.x + d.dx as x, c.y
from candidates c cross join (values (0), (1)) d (dx)
where (d.dx = 0 or c.z <= 12) and exists (select 1 from public.projects p
              where p.geom operator(extensions.&&) extensions.st_transform(extensions.st_tileenvelope(c.z, c.x, c.y), 4326));
grant select on geometry_tiles, tile_filters to anon, authenticated;

-- Tiles of every filter and tile where the box-first path and the path before it differ.
create function tests.tile_mismatches()
returns setof text
language sql
as $$
  select format('%s/%s/%s %s', t.z, t.x, t.y, f.f)
  from tile_filters f cross join geometry_tiles t
  where private.project_geometries_tile(t.z, t.x, t.y, f.f, true)
        is distinct from private.project_geometries_tile(t.z, t.x, t.y, f.f, false)
$$;

-- ── The fixture is not vacuous ───────────────────────────────────────────────────────────────
select ok((select count(distinct z) = 5 and count(*) > 40 from geometry_tiles)
  and (select count(*) from tile_filters f where
         (select count(*) from geometry_tiles t where length(private.project_geometries_tile(t.z, t.x, t.y, f.f, true)) > 0) > 0) >= 20
  and (select count(*) from geometry_tiles t where length(private.project_geometries_tile(t.z, t.x, t.y, '{}', true)) = 0) > 0,
  'tiles at every zoom 10–14; most filters keep projects somewhere and some tiles are empty');
select ok((select count(distinct private.project_geometries_tile(t.z, t.x, t.y, f.f, true)) > 10
           from tile_filters f cross join (select * from geometry_tiles where z = 13
             order by length(private.project_geometries_tile(z, x, y, '{}', true)) desc limit 1) t),
  'the filters give different tiles');

-- ── Equal to the path before ─────────────────────────────────────────────────────────────────
select is_empty('select * from tests.tile_mismatches()', 'box first = filter first, byte for byte, for every filter and tile z10–z14');
select is((select count(*) from tile_filters f cross join geometry_tiles t
           where f.f in ('{}', '{"region":"91"}', '{"q":"mosaico 1"}', '{"delayed":true}') and public.project_tile(t.z, t.x, t.y, f.f)::bytea is distinct from private.project_geometries_tile(t.z, t.x, t.y, f.f, true)),
  0::bigint, 'public.project_tile takes the box-first path from zoom 10');
select is(tests.error_of($$select private.project_geometries_tile(9, 0, 0, '{}', true)$$) ->> 'code', '22023',
  'the geometries path refuses a zoom below 10 (the grid''s)');

-- ── Kept current: a write shows in the next tile, on both paths alike ────────────────────────
update public.projects set status = 'halted', service_code = 'vialidad', name = name || ' movida',
  geom = extensions.st_setsrid(extensions.st_makepoint(-99.87, -39.93), 4326) where id % 5 = 0;
delete from public.projects where id % 8 = 3;
-- One filter per kind of predicate (the whole set above takes half a minute on a loaded machine).
delete from tile_filters where f not in ('{}', '{"communes":["91101","92102"]}', '{"services":["vialidad"]}',
  '{"themes":["territorio"]}', '{"year_from":2026}', '{"q":"mosaico 1"}', '{"delayed":true}',
  '{"area":{"kind":"circle","lon":-99.9,"lat":-40.0,"radius_km":4}}');
select is_empty('select * from tests.tile_mismatches()', 'after moving, changing and deleting projects: still equal');

-- ── RLS applies to the caller on both paths ──────────────────────────────────────────────────
-- Projects are public today (20261130001300); a restrictive policy, inside this test only, hides
-- some of them as a draft would be hidden, to prove the tiles honour whatever RLS hides.
update public.projects set name = 'Obra oculta ' || id where id % 6 = 1;
create policy "tests: hidden projects" on public.projects as restrictive for select to anon, authenticated
  using (name not like 'Obra oculta%');
select tests.create_user('mosaico planner', 'planner');
create temporary table hidden_tiles as
select t.z, t.x, t.y, f.f
from geometry_tiles t cross join (values ('{}'::jsonb), ('{"region":"91"}'), ('{"q":"oculta"}'), ('{"stages":["idea","execution"]}')) f (f)
where t.z >= 13 and position(convert_to('Obra oculta', 'UTF8') in private.project_geometries_tile(t.z, t.x, t.y, f.f, true)) > 0;
grant select on hidden_tiles to anon, authenticated;

select tests.authenticate_as_anon();
select ok((select count(*) from hidden_tiles) > 5 and (select bool_and(
    position(convert_to('Obra oculta', 'UTF8') in public.project_tile(h.z, h.x, h.y, h.f)::bytea) = 0
    and public.project_tile(h.z, h.x, h.y, h.f)::bytea = private.project_geometries_tile(h.z, h.x, h.y, h.f, false))
  from hidden_tiles h),
  'anonymous: a hidden project is in none of its tiles, on either path (the owner sees it there)');
select tests.authenticate_as('mosaico planner');
select ok((select bool_and(
    position(convert_to('Obra oculta', 'UTF8') in public.project_tile(h.z, h.x, h.y, h.f)::bytea) = 0
    and public.project_tile(h.z, h.x, h.y, h.f)::bytea = private.project_geometries_tile(h.z, h.x, h.y, h.f, false))
  from hidden_tiles h),
  'signed in: the same');
select tests.clear_authentication();

-- ── Who may call it, in whose rights ─────────────────────────────────────────────────────────
select ok(not (select prosecdef from pg_proc where oid = 'private.project_geometries_tile(integer, integer, integer, jsonb, boolean)'::regprocedure)
  and not (select prosecdef from pg_proc where oid = 'private.filtered_project_ids(jsonb, extensions.geometry)'::regprocedure)
  and not (select prosecdef from pg_proc where oid = 'public.project_tile(integer, integer, integer, jsonb)'::regprocedure),
  'the geometries path runs in the caller''s rights (RLS applies)');
select ok(has_function_privilege('anon', 'public.project_tile(integer, integer, integer, jsonb)', 'execute')
  and has_function_privilege('anon', 'private.project_geometries_tile(integer, integer, integer, jsonb, boolean)', 'execute')
  and not has_function_privilege('public', 'private.project_geometries_tile(integer, integer, integer, jsonb, boolean)', 'execute'),
  'anonymous visitors and members call the tile; nobody else');

select * from finish();
rollback;
