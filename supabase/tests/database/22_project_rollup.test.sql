-- The dashboard's project roll-up (migration 20261201070100): the summary and the comuna metrics
-- read from it equal, value by value, the same figures computed from the rows, for many filters,
-- and stay equal after inserts, updates and deletes of projects, their comunas and their progress;
-- the day a project turns "delayed" agrees with public.is_delayed day by day; who may touch it.
-- Fixture on the test territory (tests.create_territory), the domain tables emptied inside the
-- test's transaction, so the test passes on an empty database as on one with the sample.
begin;
\ir helpers/access.psql
select plan(21);

set local client_min_messages = warning;
truncate public.projects, public.agreements, public.information_flows, public.publications cascade;
reset client_min_messages;

select tests.create_territory();

-- 60 projects with every combination the roll-up is keyed by: points in each comuna, lines across
-- two or three comunas, polygons astride a border; dates around today so that some are delayed.
insert into public.projects (service_code, name, stage, status, investment_clp, start_on, end_on, geom)
select (array['vialidad', 'obras_hidraulicas', 'arquitectura', 'agua_potable_rural'])[1 + i % 4],
  format('Obra de prueba %s', i),
  (enum_range(null::public.project_stage))[1 + i % 7],
  (enum_range(null::public.project_status))[1 + (i / 2) % 5],
  case when i % 9 = 0 then null else 100000000 * (1 + i % 13) + 12345 * i end,
  (now() at time zone 'America/Santiago')::date - (30 * (i % 20)),
  (now() at time zone 'America/Santiago')::date + (20 * (i % 17)) + 1,
  case i % 3
    when 0 then extensions.st_setsrid(extensions.st_makepoint(-99.99 + (i % 19) * 0.01, -39.91 - (i % 17) * 0.01), 4326)
    when 1 then extensions.st_setsrid(extensions.st_makeline(
      extensions.st_makepoint(-99.97 + (i % 5) * 0.01, -39.93), extensions.st_makepoint(-99.83, -40.02 - (i % 7) * 0.01)), 4326)
    else extensions.st_setsrid(extensions.st_makeenvelope(-99.93 + (i % 4) * 0.005, -40.03, -99.87, -39.97 - (i % 3) * 0.005), 4326)
  end
from generate_series(1, 60) i;

-- Progress reports for two thirds of them, some far behind their curve.
insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select p.id, (now() at time zone 'America/Santiago')::date - 1, (p.id * 7) % 100, 1000000 * (p.id % 50)
from public.projects p where p.id % 3 <> 0;

-- The filters a dashboard sends that the roll-up answers.
create temporary table rollup_filters (f jsonb);
insert into rollup_filters values
  ('{}'), ('{"region":"91"}'), ('{"region":"92"}'), ('{"province":"911"}'), ('{"province":"921"}'),
  ('{"communes":["91102"]}'), ('{"communes":["92103"]}'), ('{"region":"99"}'),
  ('{"services":["vialidad"]}'), ('{"services":["arquitectura","agua_potable_rural"],"region":"92"}'),
  ('{"stages":["execution","design"]}'), ('{"statuses":["in_progress","halted"]}'),
  ('{"statuses":["in_progress"],"province":"911","services":["obras_hidraulicas","vialidad"]}'),
  ('{"communes":["92102"],"stages":["idea"],"statuses":["planned"]}'),
  ('{"region":"91","commitment_status":"overdue"}'), ('{"services":[],"q":"","year_from":null}');

-- Every filter: the roll-up's summary and comuna metrics against the rows'.
create function tests.rollup_mismatches()
returns setof jsonb
language sql
as $$
  select f from rollup_filters
  where private.dashboard_summary_by(f, true)::jsonb is distinct from private.dashboard_summary_by(f, false)::jsonb
     or (select jsonb_agg(m order by m.commune_code) from private.commune_metrics_by(f, true) m)
        is distinct from (select jsonb_agg(m order by m.commune_code) from private.commune_metrics_by(f, false) m)
$$;

-- The roll-up as kept by the triggers against one rebuilt from scratch.
create function tests.rollup_drift()
returns bigint
language plpgsql
as $$
declare
  drift bigint;
begin
  create temporary table kept on commit drop as select * from private.project_rollup;
  perform private.rebuild_project_rollup();
  select count(*) into drift from (
    (select * from kept except select * from private.project_rollup)
    union all
    (select * from private.project_rollup except select * from kept)) d;
  drop table kept;
  return drift;
end;
$$;

-- ── Which filters take the roll-up ───────────────────────────────────────────────────────────
select ok((select bool_and(private.rollup_covers(f)) from rollup_filters), 'the roll-up answers territory, services, stages and statuses');
select ok(not private.rollup_covers('{"themes":["medio_ambiente"]}') and not private.rollup_covers('{"q":"puente"}')
  and not private.rollup_covers('{"year_from":2025}') and not private.rollup_covers('{"investment_min":1}')
  and not private.rollup_covers('{"delayed":false}')
  and not private.rollup_covers('{"area":{"kind":"circle","lon":-99.95,"lat":-39.95,"radius_km":2}}')
  and not private.rollup_covers('{"communes":["91101","91102"]}')
  and not private.rollup_covers('{"region":"91","province":"911"}'),
  'themes, text, years, investment, delayed, an area, several comunas or two territory keys take the rows');

-- ── Equal to the rows ────────────────────────────────────────────────────────────────────────
select ok((select (s -> 'kpis' ->> 'projects')::int = 60 and (s -> 'kpis' ->> 'projects_delayed')::int > 0
                  and (s -> 'kpis' ->> 'physical_progress') is not null
           from (select public.dashboard_summary('{}') as s) x),
  'the fixture has projects, delayed ones and progress (the comparisons below are not vacuous)');
select is_empty('select * from tests.rollup_mismatches()', 'summary and comuna metrics: roll-up = rows for every filter');
select is(public.dashboard_summary('{"region":"92"}')::jsonb, private.dashboard_summary_by('{"region":"92"}', true)::jsonb,
  'the public summary takes the roll-up for a covered filter');
select is((select jsonb_agg(m) from public.commune_metrics('{"themes":["medio_ambiente"]}') m),
  (select jsonb_agg(m) from private.commune_metrics_by('{"themes":["medio_ambiente"]}', false) m),
  'and the rows for another');
select set_eq($$select commune_code, investment_clp from public.commune_metrics('{}') where projects > 0$$,
  $$select pc.commune_code, round(sum(p.investment_clp * pc.share::numeric))::bigint
    from public.projects p join public.project_communes pc on pc.project_id = p.id group by pc.commune_code$$,
  'each comuna gets its share of the investment of the projects touching it');

-- ── Kept current ─────────────────────────────────────────────────────────────────────────────
update public.projects set status = 'halted', investment_clp = investment_clp + 7 where id % 5 = 0;
select is(tests.rollup_drift(), 0::bigint, 'after changing status and investment: equal to a rebuild');
select is_empty('select * from tests.rollup_mismatches()', 'and equal to the rows');

update public.projects set geom = extensions.st_setsrid(extensions.st_makepoint(-99.85, -40.05), 4326) where id % 7 = 0;
select is(tests.rollup_drift(), 0::bigint, 'after moving projects to another comuna (new shares): equal to a rebuild');
select is_empty('select * from tests.rollup_mismatches()', 'and equal to the rows');

insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select p.id, (now() at time zone 'America/Santiago')::date, 99, 5 from public.projects p where p.id % 4 = 0;
delete from public.project_progress where project_id % 6 = 1;
select is(tests.rollup_drift(), 0::bigint, 'after new and deleted progress reports: equal to a rebuild');
select is_empty('select * from tests.rollup_mismatches()', 'and equal to the rows');

delete from public.projects where id % 8 = 3;
insert into public.projects (service_code, name, stage, status, investment_clp, start_on, end_on, geom)
values ('vialidad', 'Obra nueva de prueba', 'execution', 'in_progress', 777000000,
  (now() at time zone 'America/Santiago')::date - 300, (now() at time zone 'America/Santiago')::date + 10,
  extensions.st_setsrid(extensions.st_makeline(extensions.st_makepoint(-99.99, -39.95), extensions.st_makepoint(-99.81, -40.09)), 4326));
select is(tests.rollup_drift(), 0::bigint, 'after deleting and inserting projects: equal to a rebuild');
select is_empty('select * from tests.rollup_mismatches()', 'and equal to the rows');
select is((public.dashboard_summary('{}') -> 'kpis' ->> 'projects')::bigint, (select count(*) from public.projects),
  'every project counts once in the country');

-- ── The day a project turns delayed ──────────────────────────────────────────────────────────
select is((
  select count(*) from (values (0::numeric), (5), (10.67), (33.3), (50), (79.99), (89.99), (90), (null)) v (progress)
  cross join (values ('2026-01-01'::date, '2026-12-31'::date), ('2025-03-20', '2027-03-20'),
    ('2026-05-01', '2026-05-02'), ('2026-05-01', '2026-05-01'), ('2026-05-01', '2026-04-01')) s (start_on, end_on)
  cross join (values ('in_progress'::public.project_status), ('halted'), ('planned')) st (status)
  cross join generate_series(s.start_on - 3, greatest(s.start_on, s.end_on) + 3, interval '1 day') d
  where public.is_delayed(st.status, s.start_on, s.end_on, v.progress, d::date)
        <> coalesce(d::date >= private.delayed_from(st.status, s.start_on, s.end_on, v.progress), false)),
  0::bigint, 'delayed on a day exactly when the day is on or after delayed_from (every day, curve and status)');

-- ── Who may touch it ─────────────────────────────────────────────────────────────────────────
select ok(not has_table_privilege('anon', 'private.project_rollup', 'select')
  and not has_table_privilege('authenticated', 'private.project_pieces', 'select')
  and not has_table_privilege('authenticated', 'private.project_rollup', 'insert'),
  'nobody reads or writes the roll-up tables but through the dashboard functions');
select ok(not has_function_privilege('authenticated', 'private.rebuild_project_rollup()', 'execute')
  and not has_function_privilege('anon', 'private.refresh_project_pieces(bigint[])', 'execute'),
  'nobody calls its maintenance');
-- The roll-up is read with its owner's rights: right only while every role reads every project.
select is((select array_agg(distinct qual) from pg_policies
           where schemaname = 'public' and tablename in ('projects', 'project_communes') and cmd = 'SELECT'),
  array['true'::text], 'projects and their comunas are public to every role (the roll-up''s premise)');
select tests.authenticate_as_anon();
select is((public.dashboard_summary('{"region":"91"}') -> 'kpis' ->> 'projects')::bigint,
  (select count(distinct p.id) from public.projects p join public.project_communes pc on pc.project_id = p.id
   where pc.region_code = '91'),
  'an anonymous visitor gets the same counts as the rows they may read');
select tests.clear_authentication();

select * from finish();
rollback;
