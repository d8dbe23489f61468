-- The dashboard's commitment roll-up (20261202020100), the project roll-ups by years and by the
-- month a project turns delayed (20261202020200) and the pieces of the matches for the other
-- filters (20261202020400), and several territories (20261203030200): the summary and the comuna
-- metrics they give equal, value by value, the same figures from the rows, for each filter key
-- alone and combined, with several comunas or nested territory keys, empty results, projects
-- and commitments touching several comunas, and commitments due yesterday, today and tomorrow; and
-- the roll-ups stay equal to a rebuild after inserts, updates and deletes of projects, their
-- progress, commitments, their comunas and agreements. (Deliveries are not rolled up: always per
-- row.) Fixture on the test territory, domain tables emptied inside the transaction.
begin;
\ir helpers/access.psql
select plan(32);

set local client_min_messages = warning;
truncate public.projects, public.agreements, public.information_flows, public.publications cascade;
reset client_min_messages;

select tests.create_territory();
insert into public.institutions (name, acronym, kind, level) values
  ('Servicio Nacional de Prueba', 'SNP', 'ministry', 'national');

create function tests.today()
returns date
language sql
stable
as $$ select (now() at time zone 'America/Santiago')::date $$;

-- Projects as in 22_project_rollup: points, lines across comunas, polygons astride a border, and
-- dates from ten years back to ten ahead, so that year ranges cut through them.
insert into public.projects (service_code, name, stage, status, investment_clp, start_on, end_on, geom)
select (array['vialidad', 'obras_hidraulicas', 'arquitectura', 'agua_potable_rural'])[1 + i % 4],
  format('Obra de prueba %s', i),
  (enum_range(null::public.project_stage))[1 + i % 7],
  (enum_range(null::public.project_status))[1 + (i / 2) % 5],
  case when i % 9 = 0 then null else 100000000 * (1 + i % 13) + 12345 * i end,
  case when i % 11 = 0 then null else tests.today() - (200 * (i % 19)) end,
  case when i % 13 = 0 then null else tests.today() + (150 * (i % 23)) + 1 end,
  case i % 3
    when 0 then extensions.st_setsrid(extensions.st_makepoint(-99.99 + (i % 19) * 0.01, -39.91 - (i % 17) * 0.01), 4326)
    when 1 then extensions.st_setsrid(extensions.st_makeline(
      extensions.st_makepoint(-99.97 + (i % 5) * 0.01, -39.93), extensions.st_makepoint(-99.83, -40.02 - (i % 7) * 0.01)), 4326)
    else extensions.st_setsrid(extensions.st_makeenvelope(-99.93 + (i % 4) * 0.005, -40.03, -99.87, -39.97 - (i % 3) * 0.005), 4326)
  end
from generate_series(1, 80) i;

insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select p.id, tests.today() - 1, (p.id * 7) % 100, 1000000 * (p.id % 50)
from public.projects p where p.id % 3 <> 0;

-- Agreements of each region and a national one; commitments of every theme and status, due from
-- a year back to a year ahead and on the days around today and the month's edges; linked to no
-- comuna, one, two in a province or (national) comunas of both regions.
insert into public.agreements (kind, title, problem, signed_on, region_code)
select (enum_range(null::public.agreement_kind))[1], format('Acuerdo de prueba %s', r), 'Problema de prueba', '2020-01-01', r
from unnest(array['91', '92', null]) r;

insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on, status, progress)
select a.id, format('Compromiso de prueba %s', i),
  (select id from public.institutions where acronym = 'SNP'),
  (array['medio_ambiente', 'territorio', 'participacion_ciudadana', 'prevencion_riesgos_salud_ocupacional'])[1 + i % 4],
  case i % 8
    when 0 then tests.today()
    when 1 then tests.today() - 1
    when 2 then tests.today() + 1
    when 3 then date_trunc('month', tests.today())::date
    when 4 then (date_trunc('month', tests.today()) + interval '1 month - 1 day')::date
    else tests.today() + (i % 25 - 12) * 29 end,
  (enum_range(null::public.commitment_status))[1 + (i / 3) % 4],
  case when (i / 3) % 4 = 2 then 100 else 10 end
from generate_series(1, 150) i
join public.agreements a on a.region_code is not distinct from (array['91', '92', null])[1 + i % 3];

insert into public.commitment_communes (commitment_id, commune_code)
select c.id, x.code
from public.commitments c
join public.agreements a on a.id = c.agreement_id
cross join lateral (values
  (case when c.id % 5 in (1, 2, 3) then coalesce(a.region_code, '91') || '101' end),
  (case when c.id % 5 in (2, 3) then coalesce(a.region_code, '91') || '102' end),
  (case when c.id % 5 = 3 and a.region_code is null then '92101' end),
  (case when c.id % 5 = 4 and a.region_code is distinct from '91' then '92103' end)) x (code)
where x.code is not null;

create temporary table filters (f jsonb);
insert into filters values
  ('{}'), ('{"region":"91"}'), ('{"region":"92"}'), ('{"province":"911"}'), ('{"province":"921"}'),
  ('{"communes":["91101"]}'), ('{"communes":["92103"]}'), ('{"region":"99"}'), ('{"province":"999"}'),
  ('{"themes":["territorio"]}'), ('{"themes":["medio_ambiente","participacion_ciudadana"],"region":"92"}'),
  ('{"commitment_status":"overdue"}'), ('{"commitment_status":"pending","province":"911"}'),
  ('{"commitment_status":"overdue","communes":["91102"],"themes":["territorio"]}'),
  ('{"commitment_status":"cancelled","year_from":2026}'),
  ('{"year_from":2026}'), ('{"year_to":2025}'), ('{"year_from":2024,"year_to":2027,"region":"91"}'),
  ('{"year_from":2100}'), ('{"year_from":2026,"year_to":2026,"communes":["91102"],"services":["vialidad"]}'),
  ('{"delayed":true}'), ('{"delayed":true,"region":"92","statuses":["halted"]}'),
  ('{"delayed":true,"communes":["91101"],"year_to":2026}'), ('{"delayed":true,"province":"911","stages":["execution","design"]}'),
  ('{"delayed":true,"services":["obras_portuarias"]}'),
  ('{"services":["vialidad"],"stages":["execution"],"statuses":["in_progress"],"commitment_status":"in_progress"}'),
  ('{"communes":["91101","92101"]}'), ('{"region":"91","province":"911"}'), ('{"delayed":false}'),
  ('{"q":"prueba","themes":["territorio"]}'), ('{"q":"obra de prueba 1","province":"921"}'),
  ('{"investment_min":500000000,"investment_max":900000000,"region":"91"}'), ('{"themes":["medio_ambiente"],"delayed":true}'),
  ('{"area":{"kind":"circle","lon":-99.9,"lat":-40.0,"radius_km":6},"stages":["execution"]}'),
  ('{"q":"zzz sin resultado"}'),
  -- Several territories (20261203030200): comunas sharing projects, with each kind of key; a region
  -- with its province, with another's, with comunas inside it and outside it.
  ('{"communes":["91101","91102"]}'), ('{"communes":["91101","91102","92101"],"services":["vialidad","arquitectura"],"stages":["execution","design"]}'),
  ('{"communes":["91101","92102"],"year_from":2026}'), ('{"communes":["91102","92102"],"delayed":true}'),
  ('{"communes":["91102","92101"],"delayed":true,"year_to":2027,"statuses":["in_progress"]}'),
  ('{"communes":["91101","91102"],"q":"prueba 1"}'), ('{"communes":["91101","92101"],"themes":["territorio"],"delayed":false}'),
  ('{"communes":["91101","91102"],"commitment_status":"overdue","themes":["territorio"]}'),
  ('{"region":"91","province":"921"}'), ('{"region":"92","province":"921","statuses":["in_progress","halted"]}'),
  ('{"region":"91","province":"911","delayed":true}'), ('{"region":"91","province":"911","year_from":2025,"commitment_status":"pending"}'),
  ('{"region":"91","communes":["91101"]}'), ('{"region":"91","communes":["91101","92101"]}'),
  ('{"province":"911","communes":["91101","91102"],"year_to":2025}'), ('{"region":"92","communes":["92101","92102"],"investment_min":300000000}');

create function tests.mismatches()
returns setof jsonb
language sql
as $$
  select f from filters
  where private.dashboard_summary_by(f, true)::jsonb is distinct from private.dashboard_summary_by(f, false)::jsonb
     or (select jsonb_agg(m order by m.commune_code) from private.commune_metrics_by(f, true) m)
        is distinct from (select jsonb_agg(m order by m.commune_code) from private.commune_metrics_by(f, false) m)
$$;

-- The three roll-ups as kept by the triggers against ones rebuilt from scratch.
create function tests.drift()
returns bigint
language plpgsql
as $$
declare
  drift bigint;
begin
  create temporary table kept_commitments on commit drop as select * from private.commitment_rollup;
  create temporary table kept_years on commit drop as select * from private.project_year_rollup;
  create temporary table kept_delays on commit drop as select * from private.project_delay_rollup;
  perform private.rebuild_commitment_rollup();
  perform private.rebuild_project_rollup();
  select count(*) into drift from (
    (select * from kept_commitments except select * from private.commitment_rollup)
    union all (select * from private.commitment_rollup except select * from kept_commitments)) d;
  drift := drift + (select count(*) from (
    (select * from kept_years except select * from private.project_year_rollup)
    union all (select * from private.project_year_rollup except select * from kept_years)) d);
  drift := drift + (select count(*) from (
    (select * from kept_delays except select * from private.project_delay_rollup)
    union all (select * from private.project_delay_rollup except select * from kept_delays)) d);
  drop table kept_commitments, kept_years, kept_delays;
  return drift;
end;
$$;

-- ── Which filters take a roll-up ─────────────────────────────────────────────────────────────
select ok(private.project_rollup_answers('{"year_from":2024,"year_to":2026,"region":"13"}')
  and private.project_rollup_answers('{"delayed":true,"services":["vialidad"]}')
  and not private.project_rollup_answers('{"delayed":false}')
  and not private.project_rollup_answers('{"themes":["territorio"]}')
  and not private.project_rollup_answers('{"q":"puente"}')
  and not private.project_rollup_answers('{"investment_min":1}')
  and not private.project_rollup_answers('{"communes":["91101","91102"]}'),
  'projects: the roll-ups answer years and delayed; themes, text, investment and "not delayed" are summed from the pieces of the matches');
select ok(private.commitment_rollup_covers('{"themes":["territorio"],"year_from":2025,"commitment_status":"overdue","province":"911","q":"x"}')
  and not private.commitment_rollup_covers('{"communes":["91101","91102"]}')
  and not private.commitment_rollup_covers('{"region":"91","province":"911"}'),
  'commitments: the roll-up answers every filter with one territory');

select ok(private.narrowed_territory('{"region":"91","province":"911","services":["vialidad"]}') = '{"province":"911","services":["vialidad"]}'
  and private.narrowed_territory('{"region":"91","communes":["91101","91102"]}') = '{"communes":["91101","91102"]}'
  and private.narrowed_territory('{"region":"91","province":"911","communes":["91102"]}') = '{"communes":["91102"]}'
  and private.narrowed_territory('{"region":"91","province":"921"}') = '{"region":"91","province":"921"}'
  and private.narrowed_territory('{"region":"91","communes":["91101","92101"]}') = '{"region":"91","communes":["91101","92101"]}'
  and private.narrowed_territory('{"region":"91"}') = '{"region":"91"}',
  'a territory key implied by a narrower one is dropped (a province of the region, comunas all inside); the others stay');
select ok((select count(*) > 3 and count(*) filter (where d) > 0 from (
             select bool_or(x.delayed_from <= tests.today()) as d from private.project_pieces x
             where x.commune_code in ('91101', '91102') group by x.project_id having count(*) > 1) m),
  'several comunas: some projects touch two of them, some of those delayed (the counts must not add them twice)');
select is(public.dashboard_summary('{"region":"91","province":"911"}')::jsonb - 'data_version',
  public.dashboard_summary('{"province":"911"}')::jsonb - 'data_version', 'a region with its province is the province''s view');

-- "Delayed" in the filter reads the pieces (20261203030300): the projects the list keeps for
-- `delayed: true` and `delayed: false` (with a region) against is_delayed judged per project.
create function tests.delayed_list_misses()
returns setof text
language sql
as $$
  with judged as (
    select p.id, public.is_delayed(p.status, p.start_on, p.end_on, l.physical_progress, tests.today()) as delayed,
      p.id in (select project_id from public.project_communes where region_code = '91') as in_91
    from public.projects p left join public.project_progress_latest l on l.project_id = p.id
  )
  (select 'delayed ' || id from judged where delayed
   except select 'delayed ' || id from public.filtered_projects('{"delayed":true}'))
  union all
  (select 'delayed ' || id from public.filtered_projects('{"delayed":true}')
   except select 'delayed ' || id from judged where delayed)
  union all
  (select 'on time ' || id from judged where not delayed and in_91
   except select 'on time ' || id from public.filtered_projects('{"delayed":false,"region":"91"}'))
  union all
  (select 'on time ' || id from public.filtered_projects('{"delayed":false,"region":"91"}')
   except select 'on time ' || id from judged where not delayed and in_91)
$$;
select ok((select count(*) from public.filtered_projects('{"delayed":true}')) > 3
  and (select count(*) from public.filtered_projects('{"delayed":false,"region":"91"}')) > 3,
  'the fixture has delayed projects and projects on time');
select is_empty('select * from tests.delayed_list_misses()', 'the delayed filter keeps exactly the projects is_delayed calls delayed today');

-- ── Equal to the rows ────────────────────────────────────────────────────────────────────────
select ok((select (s -> 'kpis' ->> 'commitments_open')::int > 0 and (s -> 'kpis' ->> 'commitments_overdue')::int > 0
                  and (s -> 'kpis' ->> 'projects_delayed')::int > 0
                  and (select count(*) from public.commitment_communes) > 50
                  and (select count(*) from private.project_pieces where start_year <> end_year) > 10
           from (select public.dashboard_summary('{}') as s) x),
  'the fixture has open, overdue, linked commitments, delayed projects and multi-year projects (the comparisons are not vacuous)');
select ok((select count(*) from filters where private.dashboard_summary_by(f, true)::jsonb
             <> private.dashboard_summary_by('{}', true)::jsonb) > 30,
  'the filters give different summaries');
select is_empty('select * from tests.mismatches()', 'summary and comuna metrics: roll-ups = rows for every filter');
select is(public.dashboard_summary('{"year_from":2026,"region":"91"}')::jsonb,
  private.dashboard_summary_by('{"year_from":2026,"region":"91"}', true)::jsonb, 'the public summary takes the roll-ups');
select is((select jsonb_agg(m order by commune_code) from public.commune_metrics('{"delayed":true}') m),
  (select jsonb_agg(m order by commune_code) from private.commune_metrics_by('{"delayed":true}', true) m),
  'and so do the public comuna metrics');
select is((select count(*) from public.commune_metrics('{"province":"911"}') m
           where m.commitments_open > 0),
  (select count(distinct cc.commune_code) from public.commitment_communes cc join public.commitments c on c.id = cc.commitment_id
   where cc.commune_code like '911%' and c.status in ('pending', 'in_progress')),
  'a commitment linked to two comunas counts in each of them');

-- ── Overdue moves with the calendar ──────────────────────────────────────────────────────────
select is((public.dashboard_summary('{}') -> 'kpis' ->> 'commitments_overdue')::bigint,
  (select count(*) from public.commitments where status in ('pending', 'in_progress') and due_on < tests.today()),
  'overdue today: open and due before today (yesterday yes, today and tomorrow not)');
update public.commitments set due_on = tests.today() + 1 where due_on < tests.today() and status = 'pending';
select is((public.dashboard_summary('{}') -> 'kpis' ->> 'commitments_overdue')::bigint,
  (select count(*) from public.commitments where status = 'in_progress' and due_on < tests.today()),
  'moving pending commitments to tomorrow takes them out of overdue');
select is_empty('select * from tests.mismatches()', 'and the roll-ups still equal the rows');
select is(tests.drift(), 0::bigint, 'after changing due dates: the roll-ups equal a rebuild');

-- ── Kept current ─────────────────────────────────────────────────────────────────────────────
update public.commitments set status = 'cancelled' where id % 7 = 0 and status = 'pending';
update public.commitments set theme_code = 'territorio', due_on = due_on + 40 where id % 6 = 1;
delete from public.commitment_communes where commitment_id % 4 = 2;
insert into public.commitment_communes (commitment_id, commune_code)
select c.id, '92102' from public.commitments c join public.agreements a on a.id = c.agreement_id
where a.region_code = '92' and c.id % 4 = 2;
select is(tests.drift(), 0::bigint, 'after changing statuses, themes and comunas of commitments: equal to a rebuild');
select is_empty('select * from tests.mismatches()', 'and equal to the rows');

update public.agreements set region_code = '92' where region_code is null;
delete from public.commitment_communes where commune_code like '91%' and commitment_id in (
  select c.id from public.commitments c join public.agreements a on a.id = c.agreement_id where a.region_code = '92');
select is(tests.drift(), 0::bigint, 'after moving a national agreement into a region: equal to a rebuild');
select is_empty('select * from tests.mismatches()', 'and equal to the rows');

delete from public.commitments where id % 5 = 3;
delete from public.agreements where region_code = '91';
insert into public.commitments (agreement_id, title, responsible_institution_id, theme_code, due_on, status)
select a.id, 'Compromiso nuevo de prueba', (select id from public.institutions where acronym = 'SNP'), 'medio_ambiente',
  tests.today() - 3, 'pending' from public.agreements a where a.region_code = '92';
select is(tests.drift(), 0::bigint, 'after deleting commitments and an agreement and adding commitments: equal to a rebuild');
select is_empty('select * from tests.mismatches()', 'and equal to the rows');

update public.projects set start_on = start_on - 800, status = 'in_progress' where id % 5 = 0 and start_on is not null;
update public.projects set end_on = null where id % 7 = 0;
select is(tests.drift(), 0::bigint, 'after changing project dates and statuses: the year and delay roll-ups equal a rebuild');
select is_empty('select * from tests.mismatches()', 'and equal to the rows');

insert into public.project_progress (project_id, reported_on, physical_progress, spent_clp)
select p.id, tests.today(), 1, 5 from public.projects p where p.id % 4 = 0;
delete from public.project_progress where project_id % 6 = 1;
update public.projects set geom = extensions.st_setsrid(extensions.st_makepoint(-99.85, -40.05), 4326) where id % 8 = 0;
delete from public.projects where id % 9 = 4;
select is(tests.drift(), 0::bigint, 'after progress reports, moved and deleted projects: equal to a rebuild');
select is_empty('select * from tests.mismatches()', 'and equal to the rows (delayed included)');
select is_empty('select * from tests.delayed_list_misses()', 'and the delayed filter still keeps exactly the delayed projects');

-- ── Who may touch them ───────────────────────────────────────────────────────────────────────
select ok(not has_table_privilege('anon', 'private.commitment_rollup', 'select')
  and not has_table_privilege('authenticated', 'private.commitment_pieces', 'select')
  and not has_table_privilege('authenticated', 'private.project_year_rollup', 'select')
  and not has_table_privilege('anon', 'private.project_delay_rollup', 'select')
  and not has_table_privilege('service_role', 'private.project_year_rollup', 'insert'),
  'nobody reads or writes the roll-up tables but through the dashboard functions');
select ok(not has_function_privilege('authenticated', 'private.rebuild_commitment_rollup()', 'execute')
  and not has_function_privilege('anon', 'private.refresh_commitment_pieces(bigint[])', 'execute'),
  'nobody calls their maintenance');
-- Read with the owner's rights: right only while every role reads every commitment.
select is((select array_agg(distinct qual) from pg_policies
           where schemaname = 'public' and tablename in ('agreements', 'commitments', 'commitment_communes') and cmd = 'SELECT'),
  array['true'::text], 'agreements, commitments and their comunas are public to every role (the roll-up''s premise)');
select tests.authenticate_as_anon();
select is((public.dashboard_summary('{"region":"92"}') -> 'kpis' ->> 'commitments_open')::bigint,
  (select count(distinct c.id) from public.commitments c
   left join public.commitment_communes cc on cc.commitment_id = c.id
   join public.agreements a on a.id = c.agreement_id
   where c.status in ('pending', 'in_progress')
     and (cc.commune_code like '92%' or (cc.commune_code is null and a.region_code = '92'))),
  'an anonymous visitor gets the same counts as the rows they may read');
select tests.clear_authentication();

select * from finish();
rollback;
