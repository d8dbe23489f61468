-- The project roll-up (20261201070100) learns the two dashboard filters that still took the
-- per-row path and made `/?anio=2024-2026` and `?atrasado=1` answer 500 at 100k projects (the
-- anonymous role's 3 s statement timeout; docs/BENCHMARKS.md):
--
-- - Years: a project matches a year range when its [start, end] overlaps it, and the per-row path
--   compares dates with 1 January and 31 December, so only the years of the start and of the end
--   matter. `private.project_year_rollup` is the roll-up with those two years in its key; a years
--   filter is a sum over the rows with start year <= last year and end year >= first year. It is
--   kept current from `private.project_pieces` itself (statement triggers with transition tables
--   on the pieces, which 20261201070100's refresh deletes and re-inserts), so the refresh of the
--   project roll-up is not touched; the pieces gain the two years.
-- - Delayed (`delayed: true`, the only value the app sends): "delayed today" is
--   `delayed_from <= today`. `private.project_delay_rollup` is the roll-up keyed by the month of
--   `delayed_from`, read as the commitments' roll-up reads due months: every project whose month
--   is before the current one is delayed today, none after it; only the pieces turning delayed
--   this month are read one by one (by the existing index). The count of delayed projects every
--   summary shows comes from it too (it scanned a sixth of the pieces at 100k). With years as well,
--   the view's delayed pieces are summed directly. `delayed: false` keeps the per-row path.
--
-- Themes, free text, a drawn area, the investment range, data-quality flags, several comunas and a
-- region with a province still take the per-row path, which stays the reference: pgTAP
-- (23_dashboard_rollups) compares every path by value.

alter table private.project_pieces
  add column start_year smallint,
  add column end_year smallint;

-- The pieces of the given projects as the tables hold them now (20261201070100, with the years;
-- a project with one date only has that year at both ends, as the per-row filter reads it).
create or replace function private.current_pieces(ids bigint[])
returns setof private.project_pieces
language sql
stable
set search_path = ''
as $$
  select p.id, pc.commune_code, pc.province_code, pc.region_code, p.service_code, p.stage, p.status,
    p.investment_clp * pc.share::numeric, l.spent_clp * pc.share::numeric, l.physical_progress,
    private.delayed_from(p.status, p.start_on, p.end_on, l.physical_progress),
    extract(year from coalesce(p.start_on, p.end_on))::smallint, extract(year from coalesce(p.end_on, p.start_on))::smallint
  from public.projects p
  join public.project_communes pc on pc.project_id = p.id
  left join public.project_progress_latest l on l.project_id = p.id
  where p.id = any (ids);
$$;

update private.project_pieces x
set start_year = extract(year from coalesce(p.start_on, p.end_on)), end_year = extract(year from coalesce(p.end_on, p.start_on))
from public.projects p
where p.id = x.project_id;

create table private.project_year_rollup (
  level text not null check (level in ('country', 'region', 'province', 'commune')),
  code text not null,
  service_code text not null,
  stage public.project_stage not null,
  status public.project_status not null,
  start_year smallint not null,
  end_year smallint not null,
  projects bigint not null,
  investment numeric not null,
  spent numeric not null,
  progress_weight numeric not null,
  progress_weighted numeric not null,
  primary key (level, code, service_code, stage, status, start_year, end_year)
);

create index project_year_rollup_emptied_idx on private.project_year_rollup (level) where projects = 0;

create table private.project_delay_rollup (
  level text not null check (level in ('country', 'region', 'province', 'commune')),
  code text not null,
  service_code text not null,
  stage public.project_stage not null,
  status public.project_status not null,
  delayed_month date not null,
  projects bigint not null,
  investment numeric not null,
  spent numeric not null,
  progress_weight numeric not null,
  progress_weighted numeric not null,
  primary key (level, code, service_code, stage, status, delayed_month)
);

create index project_delay_rollup_emptied_idx on private.project_delay_rollup (level) where projects = 0;

comment on table private.project_delay_rollup is
  'Totales de proyectos por nivel territorial, servicio, etapa, estado y mes en que quedan atrasados (derivado de project_pieces).';

comment on table private.project_year_rollup is
  'Totales de proyectos por nivel territorial, servicio, etapa, estado y años de inicio y término (derivado de project_pieces).';

-- Moves the year and delay roll-ups by the pieces a statement removed (-1) and added (+1). A
-- project without dates never matches a years filter and is left out of the first; one never
-- delayed with its current data, out of the second.
create function private.piece_rollups_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if to_regclass('pg_temp.piece_rollups_changed') is null then
    create temporary table piece_rollups_changed (like private.project_pieces) on commit drop;
    alter table pg_temp.piece_rollups_changed add column sign integer;
  else
    delete from pg_temp.piece_rollups_changed;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    insert into pg_temp.piece_rollups_changed select n.*, 1 from new_rows n
    where n.start_year is not null or n.delayed_from is not null;
  end if;
  if tg_op in ('DELETE', 'UPDATE') then
    insert into pg_temp.piece_rollups_changed select o.*, -1 from old_rows o
    where o.start_year is not null or o.delayed_from is not null;
  end if;

  with per_project as (
    -- One row per project and territory, as in private.refresh_project_pieces.
    select s.sign, s.project_id, l.level, l.code, s.service_code, s.stage, s.status, s.start_year, s.end_year,
      date_trunc('month', s.delayed_from)::date as delayed_month,
      coalesce(sum(s.investment), 0) as investment, coalesce(sum(s.spent), 0) as spent,
      coalesce(sum(s.investment) filter (where s.physical_progress is not null), 0) as progress_weight,
      coalesce(sum(s.investment * s.physical_progress) filter (where s.physical_progress is not null), 0) as progress_weighted
    from pg_temp.piece_rollups_changed s
    cross join lateral (values ('country', ''), ('region', s.region_code), ('province', s.province_code),
      ('commune', s.commune_code)) l (level, code)
    group by s.sign, s.project_id, l.level, l.code, s.service_code, s.stage, s.status, s.start_year, s.end_year,
      date_trunc('month', s.delayed_from)
  ),
  delta as (
    select x.level, x.code, x.service_code, x.stage, x.status, x.start_year, x.end_year, sum(x.sign) as projects,
      sum(x.sign * x.investment) as investment, sum(x.sign * x.spent) as spent,
      sum(x.sign * x.progress_weight) as progress_weight, sum(x.sign * x.progress_weighted) as progress_weighted
    from per_project x
    where x.start_year is not null
    group by x.level, x.code, x.service_code, x.stage, x.status, x.start_year, x.end_year
  )
  insert into private.project_year_rollup as r
  select d.* from delta d
  where (d.projects, d.investment, d.spent, d.progress_weight, d.progress_weighted) <> (0, 0, 0, 0, 0)
  on conflict (level, code, service_code, stage, status, start_year, end_year) do update set
    projects = r.projects + excluded.projects,
    investment = r.investment + excluded.investment,
    spent = r.spent + excluded.spent,
    progress_weight = r.progress_weight + excluded.progress_weight,
    progress_weighted = r.progress_weighted + excluded.progress_weighted;

  with per_project as (
    select s.sign, s.project_id, l.level, l.code, s.service_code, s.stage, s.status,
      date_trunc('month', s.delayed_from)::date as delayed_month,
      coalesce(sum(s.investment), 0) as investment, coalesce(sum(s.spent), 0) as spent,
      coalesce(sum(s.investment) filter (where s.physical_progress is not null), 0) as progress_weight,
      coalesce(sum(s.investment * s.physical_progress) filter (where s.physical_progress is not null), 0) as progress_weighted
    from pg_temp.piece_rollups_changed s
    cross join lateral (values ('country', ''), ('region', s.region_code), ('province', s.province_code),
      ('commune', s.commune_code)) l (level, code)
    where s.delayed_from is not null
    group by s.sign, s.project_id, l.level, l.code, s.service_code, s.stage, s.status, date_trunc('month', s.delayed_from)
  ),
  delta as (
    select x.level, x.code, x.service_code, x.stage, x.status, x.delayed_month, sum(x.sign) as projects,
      sum(x.sign * x.investment) as investment, sum(x.sign * x.spent) as spent,
      sum(x.sign * x.progress_weight) as progress_weight, sum(x.sign * x.progress_weighted) as progress_weighted
    from per_project x
    group by x.level, x.code, x.service_code, x.stage, x.status, x.delayed_month
  )
  insert into private.project_delay_rollup as r
  select d.* from delta d
  where (d.projects, d.investment, d.spent, d.progress_weight, d.progress_weighted) <> (0, 0, 0, 0, 0)
  on conflict (level, code, service_code, stage, status, delayed_month) do update set
    projects = r.projects + excluded.projects,
    investment = r.investment + excluded.investment,
    spent = r.spent + excluded.spent,
    progress_weight = r.progress_weight + excluded.progress_weight,
    progress_weighted = r.progress_weighted + excluded.progress_weighted;

  -- Separate statements: an upsert's own changes are not visible to a statement sharing its
  -- snapshot. The partial indexes make them lookups of the emptied rows only.
  delete from private.project_year_rollup r where r.projects = 0;
  delete from private.project_delay_rollup r where r.projects = 0;
  return null;
end;
$$;

create function private.piece_rollups_truncated()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  truncate private.project_year_rollup, private.project_delay_rollup;
  return null;
end;
$$;

create trigger project_pieces_rollups_inserted after insert on private.project_pieces
  referencing new table as new_rows for each statement execute function private.piece_rollups_changed();
create trigger project_pieces_rollups_updated after update on private.project_pieces
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.piece_rollups_changed();
create trigger project_pieces_rollups_deleted after delete on private.project_pieces
  referencing old table as old_rows for each statement execute function private.piece_rollups_changed();
create trigger project_pieces_rollups_truncated after truncate on private.project_pieces
  for each statement execute function private.piece_rollups_truncated();

select private.rebuild_project_rollup();

-- ── Reading ──────────────────────────────────────────────────────────────────────────────────

-- True when the project part of a view is answered without the rows: the keys of
-- private.rollup_covers plus the years and `delayed: true`, one territory at most.
create function private.project_rollup_answers(p_filter jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select private.rollup_covers(coalesce(p_filter, '{}') - array['year_from', 'year_to', 'delayed'])
    and (p_filter -> 'delayed' is null or p_filter -> 'delayed' in ('null'::jsonb, 'true'::jsonb));
$$;

-- The project part of the summary (the JSON of private.summary_projects) for a filter with years
-- or `delayed: true`: from the year roll-up, or from the delay roll-up and this month's delayed
-- pieces (all the view's delayed pieces when years come with `delayed`).
create function private.rollup_summary_projects_by_years(p_filter jsonb)
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  services text[] := private.jsonb_texts(p_filter -> 'services');
  stages text[] := private.jsonb_texts(p_filter -> 'stages');
  statuses text[] := private.jsonb_texts(p_filter -> 'statuses');
  first_year integer := (p_filter ->> 'year_from')::integer;
  last_year integer := (p_filter ->> 'year_to')::integer;
  has_years boolean := p_filter ->> 'year_from' is not null or p_filter ->> 'year_to' is not null;
  only_delayed boolean := coalesce((p_filter ->> 'delayed')::boolean, false);
  view_level text;
  view_code text;
  area_level text;
  area_codes text[];
  today date := (now() at time zone 'America/Santiago')::date;
  this_month date := date_trunc('month', (now() at time zone 'America/Santiago')::date)::date;
  part json;
begin
  select v.level, v.code, v.area_level into view_level, view_code, area_level from private.rollup_view(p_filter) v;
  area_codes := case view_level
    when 'region' then array(select pr.code from public.provinces pr where pr.region_code = view_code)
    when 'province' then array(select c.code from public.communes c where c.province_code = view_code)
    when 'commune' then array[view_code] end;

  with recent as materialized (
    -- The view's pieces delayed today read one by one: those that turned delayed this month, or
    -- all of them with years (the delay roll-up has no years).
    select x.* from private.project_pieces x
    where x.delayed_from <= today and (has_years or x.delayed_from >= this_month)
      and (view_level <> 'region' or x.region_code = view_code)
      and (view_level <> 'province' or x.province_code = view_code)
      and (view_level <> 'commune' or x.commune_code = view_code)
      and (cardinality(services) = 0 or x.service_code = any (services))
      and (cardinality(stages) = 0 or x.stage::text = any (stages))
      and (cardinality(statuses) = 0 or x.status::text = any (statuses))
      and (first_year is null or x.end_year >= first_year)
      and (last_year is null or x.start_year <= last_year)
  ),
  rolled as (
    -- Delayed since before this month, from the delay roll-up (without years only).
    select r.level, r.code, r.stage, r.status, r.projects, r.investment, r.spent, r.progress_weight, r.progress_weighted
    from private.project_delay_rollup r
    where not has_years and r.delayed_month < this_month
      and ((r.level = view_level and r.code = view_code)
           or (only_delayed and r.level = area_level and (area_codes is null or r.code = any (area_codes))))
      and (cardinality(services) = 0 or r.service_code = any (services))
      and (cardinality(stages) = 0 or r.stage::text = any (stages))
      and (cardinality(statuses) = 0 or r.status::text = any (statuses))
  ),
  matching as (
    select r.level, r.code, r.stage, r.status, r.projects, r.investment, r.spent, r.progress_weight, r.progress_weighted
    from private.project_year_rollup r
    where not only_delayed
      and ((r.level = view_level and r.code = view_code)
           or (r.level = area_level and (area_codes is null or r.code = any (area_codes))))
      and (cardinality(services) = 0 or r.service_code = any (services))
      and (cardinality(stages) = 0 or r.stage::text = any (stages))
      and (cardinality(statuses) = 0 or r.status::text = any (statuses))
      and (first_year is null or r.end_year >= first_year)
      and (last_year is null or r.start_year <= last_year)
    union all
    select * from rolled where only_delayed
    union all
    -- The pieces read one by one, summed per project and territory as the roll-ups hold them.
    select l.level, l.code, s.stage, s.status, 1, coalesce(sum(s.investment), 0), coalesce(sum(s.spent), 0),
      coalesce(sum(s.investment) filter (where s.physical_progress is not null), 0),
      coalesce(sum(s.investment * s.physical_progress) filter (where s.physical_progress is not null), 0)
    from recent s
    cross join lateral (values (1, view_level, view_code),
      (2, area_level, case area_level when 'region' then s.region_code when 'province' then s.province_code
        else s.commune_code end)) l (n, level, code)
    -- A comuna's view is its own only area: one row for both, not two.
    where only_delayed and (l.n = 1 or area_level <> view_level)
    group by s.project_id, l.level, l.code, s.stage, s.status
  ),
  here as (select m.* from matching m where m.level = view_level and m.code = view_code),
  areas as (
    select m.code, sum(m.projects) as projects, sum(m.investment) as investment_clp
    from matching m where m.level = area_level
    group by m.code
  )
  select json_build_object(
    'investment_clp', coalesce(round((select sum(investment) from here)), 0),
    'spent_clp', coalesce(round((select sum(spent) from here)), 0),
    'physical_progress', (select round(sum(progress_weighted) / nullif(sum(progress_weight), 0), 1) from here),
    'projects', coalesce((select sum(projects) from here), 0),
    'projects_delayed', coalesce((select sum(r.projects) from rolled r where r.level = view_level and r.code = view_code), 0)
      + (select count(distinct x.project_id) from recent x),
    'by_stage', (select coalesce(json_agg(json_build_object(
        'stage', s.stage, 'projects', s.projects, 'investment_clp', s.investment_clp) order by s.stage), '[]')
      from (select h.stage, sum(h.projects) as projects, round(sum(h.investment)) as investment_clp
            from here h group by h.stage) s),
    'by_status', (select coalesce(json_agg(json_build_object(
        'status', s.status, 'projects', s.projects, 'investment_clp', s.investment_clp) order by s.status), '[]')
      from (select h.status, sum(h.projects) as projects, round(sum(h.investment)) as investment_clp
            from here h group by h.status) s),
    'by_area', (select coalesce(json_agg(json_build_object(
        'level', area_level, 'code', a.code, 'name', coalesce(r.name, pr.name, c.name),
        'projects', a.projects, 'investment_clp', round(a.investment_clp)) order by a.code), '[]')
      from areas a
      left join public.regions r on area_level = 'region' and r.code = a.code
      left join public.provinces pr on area_level = 'province' and pr.code = a.code
      left join public.communes c on area_level = 'commune' and c.code = a.code)
  ) into part;
  return part;
end;
$$;

-- Projects and apportioned investment per comuna of the view for a filter with years or
-- `delayed: true`.
create function private.rollup_commune_projects_by_years(p_filter jsonb)
returns table (commune_code text, projects bigint, investment_clp bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  services text[] := private.jsonb_texts(p_filter -> 'services');
  stages text[] := private.jsonb_texts(p_filter -> 'stages');
  statuses text[] := private.jsonb_texts(p_filter -> 'statuses');
  first_year integer := (p_filter ->> 'year_from')::integer;
  last_year integer := (p_filter ->> 'year_to')::integer;
  has_years boolean := p_filter ->> 'year_from' is not null or p_filter ->> 'year_to' is not null;
  today date := (now() at time zone 'America/Santiago')::date;
  this_month date := date_trunc('month', (now() at time zone 'America/Santiago')::date)::date;
  -- None for the country (see private.rollup_commune_projects below).
  scope text[] := case when private.filter_has_territory(p_filter) then array(select private.filter_communes(p_filter)) end;
begin
  if coalesce((p_filter ->> 'delayed')::boolean, false) then
    -- As in the summary: the delay roll-up before this month, this month's pieces one by one (all
    -- the delayed pieces with years).
    return query
    select t.code, sum(t.projects)::bigint, round(sum(t.investment))::bigint
    from (
      select r.code, r.projects, r.investment
      from private.project_delay_rollup r
      where not has_years and r.delayed_month < this_month and r.level = 'commune' and (scope is null or r.code = any (scope))
        and (cardinality(services) = 0 or r.service_code = any (services))
        and (cardinality(stages) = 0 or r.stage::text = any (stages))
        and (cardinality(statuses) = 0 or r.status::text = any (statuses))
      union all
      select x.commune_code, 1, coalesce(x.investment, 0)
      from private.project_pieces x
      where x.delayed_from <= today and (has_years or x.delayed_from >= this_month)
        and (scope is null or x.commune_code = any (scope))
        and (cardinality(services) = 0 or x.service_code = any (services))
        and (cardinality(stages) = 0 or x.stage::text = any (stages))
        and (cardinality(statuses) = 0 or x.status::text = any (statuses))
        and (first_year is null or x.end_year >= first_year)
        and (last_year is null or x.start_year <= last_year)
    ) t
    group by t.code;
  else
    return query
    select r.code, sum(r.projects)::bigint, round(sum(r.investment))::bigint
    from private.project_year_rollup r
    where r.level = 'commune' and (scope is null or r.code = any (scope))
      and (cardinality(services) = 0 or r.service_code = any (services))
      and (cardinality(stages) = 0 or r.stage::text = any (stages))
      and (cardinality(statuses) = 0 or r.status::text = any (statuses))
      and (first_year is null or r.end_year >= first_year)
      and (last_year is null or r.start_year <= last_year)
    group by r.code;
  end if;
end;
$$;

-- Projects per comuna through the roll-up (20261201070100), without matching every comuna's code
-- for the country.
create or replace function private.rollup_commune_projects(p_filter jsonb)
returns table (commune_code text, projects bigint, investment_clp bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  services text[] := private.jsonb_texts(p_filter -> 'services');
  stages text[] := private.jsonb_texts(p_filter -> 'stages');
  statuses text[] := private.jsonb_texts(p_filter -> 'statuses');
  -- None for the country: every comuna is in it, and matching 346 codes per row of the roll-up
  -- cost more than the rest of the call.
  scope text[] := case when private.filter_has_territory(p_filter) then array(select private.filter_communes(p_filter)) end;
begin
  return query
  select r.code, sum(r.projects)::bigint, round(sum(r.investment))::bigint
  from private.project_rollup r
  where r.level = 'commune' and (scope is null or r.code = any (scope))
    and (cardinality(services) = 0 or r.service_code = any (services))
    and (cardinality(stages) = 0 or r.stage::text = any (stages))
    and (cardinality(statuses) = 0 or r.status::text = any (statuses))
  group by r.code;
end;
$$;

-- The project part through the roll-up (20261201070100), its count of delayed projects now from
-- the delay roll-up instead of a scan of every delayed piece of the view.
create or replace function private.rollup_summary_projects(p_filter jsonb)
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  services text[] := private.jsonb_texts(p_filter -> 'services');
  stages text[] := private.jsonb_texts(p_filter -> 'stages');
  statuses text[] := private.jsonb_texts(p_filter -> 'statuses');
  view_level text;
  view_code text;
  area_level text;
  -- The areas the view breaks down into (every region for the country).
  area_codes text[];
  today date := (now() at time zone 'America/Santiago')::date;
  this_month date := date_trunc('month', (now() at time zone 'America/Santiago')::date)::date;
  part json;
begin
  select v.level, v.code, v.area_level into view_level, view_code, area_level from private.rollup_view(p_filter) v;
  area_codes := case view_level
    when 'region' then array(select pr.code from public.provinces pr where pr.region_code = view_code)
    when 'province' then array(select c.code from public.communes c where c.province_code = view_code)
    when 'commune' then array[view_code] end;

  with matching as (
    select r.* from private.project_rollup r
    where ((r.level = view_level and r.code = view_code)
           or (r.level = area_level and (area_codes is null or r.code = any (area_codes))))
      and (cardinality(services) = 0 or r.service_code = any (services))
      and (cardinality(stages) = 0 or r.stage::text = any (stages))
      and (cardinality(statuses) = 0 or r.status::text = any (statuses))
  ),
  here as (select m.* from matching m where m.level = view_level and m.code = view_code),
  areas as (
    select m.code, sum(m.projects) as projects, sum(m.investment) as investment_clp
    from matching m where m.level = area_level
    group by m.code
  ),
  -- Delayed since before this month from the delay roll-up, this month's one by one.
  delayed as (
    select coalesce((
        select sum(r.projects) from private.project_delay_rollup r
        where r.level = view_level and r.code = view_code and r.delayed_month < this_month
          and (cardinality(services) = 0 or r.service_code = any (services))
          and (cardinality(stages) = 0 or r.stage::text = any (stages))
          and (cardinality(statuses) = 0 or r.status::text = any (statuses))), 0)
      + (select count(distinct x.project_id)
         from private.project_pieces x
         where x.delayed_from <= today and x.delayed_from >= this_month
           and (view_level <> 'region' or x.region_code = view_code)
           and (view_level <> 'province' or x.province_code = view_code)
           and (view_level <> 'commune' or x.commune_code = view_code)
           and (cardinality(services) = 0 or x.service_code = any (services))
           and (cardinality(stages) = 0 or x.stage::text = any (stages))
           and (cardinality(statuses) = 0 or x.status::text = any (statuses))) as n
  )
  select json_build_object(
    'investment_clp', coalesce(round((select sum(investment) from here)), 0),
    'spent_clp', coalesce(round((select sum(spent) from here)), 0),
    'physical_progress', (select round(sum(progress_weighted) / nullif(sum(progress_weight), 0), 1) from here),
    'projects', coalesce((select sum(projects) from here), 0),
    'projects_delayed', (select n from delayed),
    'by_stage', (select coalesce(json_agg(json_build_object(
        'stage', s.stage, 'projects', s.projects, 'investment_clp', s.investment_clp) order by s.stage), '[]')
      from (select h.stage, sum(h.projects) as projects, round(sum(h.investment)) as investment_clp
            from here h group by h.stage) s),
    'by_status', (select coalesce(json_agg(json_build_object(
        'status', s.status, 'projects', s.projects, 'investment_clp', s.investment_clp) order by s.status), '[]')
      from (select h.status, sum(h.projects) as projects, round(sum(h.investment)) as investment_clp
            from here h group by h.status) s),
    'by_area', (select coalesce(json_agg(json_build_object(
        'level', area_level, 'code', a.code, 'name', coalesce(r.name, pr.name, c.name),
        'projects', a.projects, 'investment_clp', round(a.investment_clp)) order by a.code), '[]')
      from areas a
      left join public.regions r on area_level = 'region' and r.code = a.code
      left join public.provinces pr on area_level = 'province' and pr.code = a.code
      left join public.communes c on area_level = 'commune' and c.code = a.code)
  ) into part;
  return part;
end;
$$;

-- Where the project part of a view comes from: the rows, the roll-up, or the year roll-up and
-- delayed pieces.
create function private.summary_projects_by(p_filter jsonb, p_rollup boolean)
returns json
language sql
stable
set search_path = ''
as $$
  select case
    when not p_rollup or not private.project_rollup_answers(p_filter) then private.summary_projects(p_filter)
    when private.rollup_covers(p_filter) then private.rollup_summary_projects(coalesce(p_filter, '{}'))
    else private.rollup_summary_projects_by_years(coalesce(p_filter, '{}')) end
$$;

create or replace function private.dashboard_summary_by(p_filter jsonb, p_rollup boolean)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
  p json := private.summary_projects_by(p_filter, p_rollup);
  c json := private.summary_commitments(p_filter, p_rollup and private.commitment_rollup_covers(p_filter));
  d json := private.summary_deliveries(p_filter);
begin
  return json_build_object(
    'data_version', public.data_version(),
    'kpis', json_build_object(
      'investment_clp', p -> 'investment_clp', 'spent_clp', p -> 'spent_clp',
      'physical_progress', p -> 'physical_progress', 'projects', p -> 'projects',
      'projects_delayed', p -> 'projects_delayed',
      'commitments_open', c -> 'commitments_open', 'commitments_overdue', c -> 'commitments_overdue',
      'deliveries', d -> 'deliveries', 'deliveries_on_time', d -> 'deliveries_on_time'),
    'by_stage', p -> 'by_stage',
    'by_status', p -> 'by_status',
    'by_area', p -> 'by_area',
    'commitments_by_month', c -> 'commitments_by_month',
    'deliveries_by_month', d -> 'deliveries_by_month');
end;
$$;

create or replace function private.commune_metrics_by(p_filter jsonb, p_rollup boolean)
returns table (commune_code text, projects bigint, investment_clp bigint, commitments_open bigint,
  commitments_overdue bigint, deliveries_late bigint)
language plpgsql
stable
set search_path = ''
set jit = off
as $$
begin
  -- Planned for this filter (EXECUTE … USING), as in 20261130005400; the projects' and the
  -- commitments' sources each come from their roll-up where it answers the filter.
  return query execute format($sql$
      with scope as materialized (select code from private.filter_communes($1) code),
      projects as (%s),
      commitments as (%s),
      deliveries as (
        select d.commune_code, count(*) filter (where d.late or d.missing) as late
        from private.filtered_deliveries($1) d
        where d.commune_code is not null
        group by d.commune_code
      )
      select s.code, coalesce(p.projects, 0), coalesce(p.investment_clp, 0),
        coalesce(c.open, 0), coalesce(c.overdue, 0), coalesce(d.late, 0)
      from scope s
      left join projects p on p.commune_code = s.code
      left join commitments c on c.commune_code = s.code
      left join deliveries d on d.commune_code = s.code
      order by s.code
  $sql$,
    case
      when not p_rollup or not private.project_rollup_answers(p_filter) then $p$
        select pc.commune_code, count(*) as projects,
          round(sum(p.investment_clp * pc.share::numeric))::bigint as investment_clp
        from public.filtered_projects($1) p
        join public.project_communes pc on pc.project_id = p.id
        where pc.commune_code in (select code from scope)
        group by pc.commune_code $p$
      when private.rollup_covers(p_filter) then 'select * from private.rollup_commune_projects($1)'
      else 'select * from private.rollup_commune_projects_by_years($1)' end,
    case when p_rollup and private.commitment_rollup_covers(p_filter) then $c$
        select c.code as commune_code,
          sum(c.commitments) filter (where c.status in ('pending', 'in_progress'))::bigint as open,
          sum(c.overdue)::bigint as overdue
        from private.rollup_commitment_counts($1, true) c
        group by c.code $c$
    else $c$
        select c.commune_code, count(*) filter (where c.open) as open, count(*) filter (where c.overdue) as overdue
        from private.filtered_commitments($1) c
        where c.commune_code is not null
        group by c.commune_code $c$ end)
  using coalesce(p_filter, '{}'::jsonb);
end;
$$;

revoke all on private.project_year_rollup, private.project_delay_rollup from public, anon, authenticated, service_role;
revoke execute on function
  private.piece_rollups_changed(),
  private.piece_rollups_truncated(),
  private.project_rollup_answers(jsonb),
  private.rollup_summary_projects_by_years(jsonb),
  private.rollup_commune_projects_by_years(jsonb),
  private.summary_projects_by(jsonb, boolean)
from public;
grant execute on function
  private.project_rollup_answers(jsonb),
  private.rollup_summary_projects_by_years(jsonb),
  private.rollup_commune_projects_by_years(jsonb),
  private.summary_projects_by(jsonb, boolean)
to anon, authenticated, service_role;
