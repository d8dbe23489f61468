-- The dashboard's project numbers pre-aggregated, so that the national and regional views answer in
-- milliseconds at 100 000 projects instead of joining every project with its comunas on each call
-- (docs/BENCHMARKS.md; the national summary at 100k took 2.2 s and hit the anon timeout).
--
-- Two tables, kept current set-based by statement-level triggers with transition tables:
-- - `private.project_pieces`: one row per project and comuna it touches, with what the dashboard
--   sums (its apportioned investment and spending, its latest progress) and the day it becomes
--   "delayed" with its current data. The previous contribution of a changed project is read here,
--   so that the roll-up is updated by difference without recomputing whole groups.
-- - `private.project_rollup`: per territory level (country, region, province, comuna) and code,
--   MOP service, stage and status — the projects touching it and their apportioned sums. A project
--   counts once per territory it touches at each level, so a view's project count is a sum of rows.
--
-- The public RPCs read it (through `private.rollup_*`, security definer) when the filter has only
-- territory, services, stages, statuses and commitment status; any other key (themes, years,
-- investment, text, area, delayed, several comunas) takes the per-row path of 20261130005400,
-- which stays the reference. Both paths compute money as numeric from the same pieces
-- (`investment_clp * share::numeric`), so they agree to the peso (pgTAP 22_project_rollup).
--
-- Why security definer is safe here: projects, their comunas and their latest progress are public
-- to every role (20261130001300); the roll-up holds nothing a caller could not count through RLS.
-- pgTAP holds that premise (the test fails if those policies stop being `true`).

-- The first day a project is behind its planned curve with its current data (null: never). The
-- curve is monotone in time, so "delayed today" is `delayed_from <= today`. Found by inverting
-- the smoothstep (t = ½ − sin(asin(1 − 2y) / 3)) at the level where the curve, rounded to
-- hundredths as public.is_delayed rounds it, passes progress + 10 points (+ 0.005: the rounding
-- matters where the curve is flat, near its end), then settled on the exact day by is_delayed itself
-- a few days either side.
create function private.delayed_from(
  status public.project_status, start_on date, end_on date, physical_progress numeric
)
returns date
language plpgsql
immutable
parallel safe
set search_path = ''
as $$
declare
  span integer := greatest(end_on - start_on, 1);
  estimate integer;
  day date;
  found date;
begin
  if status not in ('in_progress', 'halted') or start_on is null or end_on is null then
    return null;
  end if;
  estimate := floor((0.5 - sin(asin(1 - 2 * least(1, (coalesce(physical_progress, 0) + 10.005) / 100.0)) / 3)) * span);
  -- Candidates in ascending order, then the end of the term (where the curve reaches 100).
  -- The curve below is public.is_delayed's, written out: one call of it costs more than this
  -- whole function (pgTAP compares the two day by day).
  foreach day in array array[start_on + greatest(1, estimate - 2), start_on + greatest(1, estimate - 1),
      start_on + greatest(1, estimate), start_on + greatest(1, estimate + 1), start_on + greatest(1, estimate + 2), end_on] loop
    if coalesce(physical_progress, 0) < (case
        when day <= start_on then 0::numeric
        when day >= end_on then 100::numeric
        else round((100 * power((day - start_on)::double precision / span, 2)
          * (3 - 2 * (day - start_on)::double precision / span))::numeric, 2)
      end) - 10 and (found is null or day < found) then
      found := day;
    end if;
  end loop;
  return found;
end;
$$;

create table private.project_pieces (
  project_id bigint not null,
  commune_code text not null,
  province_code text not null,
  region_code text not null,
  service_code text not null,
  stage public.project_stage not null,
  status public.project_status not null,
  investment numeric,
  spent numeric,
  physical_progress numeric(5, 2),
  delayed_from date,
  primary key (project_id, commune_code)
);

create index project_pieces_delayed_from_idx on private.project_pieces (delayed_from)
  where delayed_from is not null;

create table private.project_rollup (
  level text not null check (level in ('country', 'region', 'province', 'commune')),
  code text not null,
  service_code text not null,
  stage public.project_stage not null,
  status public.project_status not null,
  projects bigint not null,
  investment numeric not null,
  spent numeric not null,
  -- Progress is averaged weighted by apportioned investment over pieces with a progress report.
  progress_weight numeric not null,
  progress_weighted numeric not null,
  primary key (level, code, service_code, stage, status)
);

comment on table private.project_pieces is
  'Piezas proyecto × comuna con lo que suma el tablero (derivado; lo mantienen triggers).';
comment on table private.project_rollup is
  'Totales de proyectos por nivel territorial, servicio, etapa y estado (derivado de project_pieces).';

-- The pieces of the given projects as the tables hold them now.
create function private.current_pieces(ids bigint[])
returns setof private.project_pieces
language sql
stable
set search_path = ''
as $$
  select p.id, pc.commune_code, pc.province_code, pc.region_code, p.service_code, p.stage, p.status,
    p.investment_clp * pc.share::numeric, l.spent_clp * pc.share::numeric, l.physical_progress,
    private.delayed_from(p.status, p.start_on, p.end_on, l.physical_progress)
  from public.projects p
  join public.project_communes pc on pc.project_id = p.id
  left join public.project_progress_latest l on l.project_id = p.id
  where p.id = any (ids);
$$;

-- Re-reads the pieces of the given projects and moves the roll-up by the difference: what their
-- old pieces contributed is subtracted, what the new ones contribute is added, in one upsert.
create function private.refresh_project_pieces(ids bigint[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if cardinality(ids) = 0 then
    return;
  end if;
  if to_regclass('pg_temp.rollup_delta') is null then
    create temporary table rollup_delta (like private.project_rollup) on commit drop;
    create temporary table rollup_old_pieces (like private.project_pieces) on commit drop;
  else
    delete from pg_temp.rollup_delta;
    delete from pg_temp.rollup_old_pieces;
  end if;

  with removed as (
    delete from private.project_pieces x where x.project_id = any (ids) returning x.*
  )
  insert into pg_temp.rollup_old_pieces select * from removed;
  insert into private.project_pieces select * from private.current_pieces(ids);

  insert into pg_temp.rollup_delta
  select x.level, x.code, x.service_code, x.stage, x.status, sum(x.sign), sum(x.sign * x.investment),
    sum(x.sign * x.spent), sum(x.sign * x.progress_weight), sum(x.sign * x.progress_weighted)
  from (
    -- Each project counts once per territory of each level it touches, whatever the number of
    -- its comunas there: first one row per project and territory, then the groups.
    select s.sign, s.project_id, l.level, l.code, s.service_code, s.stage, s.status,
      coalesce(sum(s.investment), 0) as investment, coalesce(sum(s.spent), 0) as spent,
      coalesce(sum(s.investment) filter (where s.physical_progress is not null), 0) as progress_weight,
      coalesce(sum(s.investment * s.physical_progress) filter (where s.physical_progress is not null), 0) as progress_weighted
    from (
      select -1 as sign, o.* from pg_temp.rollup_old_pieces o
      union all
      select 1, n.* from private.project_pieces n where n.project_id = any (ids)
    ) s
    cross join lateral (values ('country', ''), ('region', s.region_code), ('province', s.province_code),
      ('commune', s.commune_code)) l (level, code)
    group by s.sign, s.project_id, l.level, l.code, s.service_code, s.stage, s.status
  ) x
  group by x.level, x.code, x.service_code, x.stage, x.status;

  insert into private.project_rollup as r
  select d.level, d.code, d.service_code, d.stage, d.status, d.projects, d.investment, d.spent,
    d.progress_weight, d.progress_weighted
  from pg_temp.rollup_delta d
  -- Nothing to move for a project whose pieces did not change.
  where (d.projects, d.investment, d.spent, d.progress_weight, d.progress_weighted) <> (0, 0, 0, 0, 0)
  on conflict (level, code, service_code, stage, status) do update set
    projects = r.projects + excluded.projects,
    investment = r.investment + excluded.investment,
    spent = r.spent + excluded.spent,
    progress_weight = r.progress_weight + excluded.progress_weight,
    progress_weighted = r.progress_weighted + excluded.progress_weighted;
  delete from private.project_rollup r
  using pg_temp.rollup_delta d
  where r.level = d.level and r.code = d.code and r.service_code = d.service_code
    and r.stage = d.stage and r.status = d.status and r.projects = 0;
end;
$$;

-- Everything from scratch: after a TRUNCATE, and to fill the tables on migration.
create function private.rebuild_project_rollup()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  truncate private.project_pieces, private.project_rollup;
  perform private.refresh_project_pieces(array(select p.id from public.projects p));
end;
$$;

-- Trigger bodies: which projects a statement touched, from its transition tables.
create function private.rollup_projects_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Only the columns the roll-up reads; the placement pass and the audit rewrite others.
  perform private.refresh_project_pieces(array(
    select n.id from new_projects n join old_projects o on o.id = n.id
    where (n.service_code, n.stage, n.status, n.investment_clp, n.start_on, n.end_on)
      is distinct from (o.service_code, o.stage, o.status, o.investment_clp, o.start_on, o.end_on)));
  return null;
end;
$$;

create function private.rollup_rows_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- project_communes and project_progress_latest both key their rows by project_id.
  if tg_op = 'INSERT' then
    perform private.refresh_project_pieces(array(select distinct n.project_id from new_rows n));
  elsif tg_op = 'UPDATE' then
    perform private.refresh_project_pieces(array(
      select n.project_id from new_rows n union select o.project_id from old_rows o));
  elsif tg_table_name = 'project_progress_latest' then
    -- Its refresh deletes the latest report of every project it touches and inserts the new one:
    -- the insert recounts those projects; only a project left without reports is recounted here.
    perform private.refresh_project_pieces(array(
      select distinct o.project_id from old_rows o
      where not exists (select 1 from public.project_progress r where r.project_id = o.project_id)));
  else
    perform private.refresh_project_pieces(array(select distinct o.project_id from old_rows o));
  end if;
  return null;
end;
$$;

create function private.rollup_truncated()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.rebuild_project_rollup();
  return null;
end;
$$;

-- A new project has no comunas until the placement pass writes them (project_communes' triggers
-- then count it) and a deleted one takes its comunas with it (on delete cascade): projects need
-- only the update trigger.
create trigger projects_rollup_updated after update on public.projects
  referencing old table as old_projects new table as new_projects
  for each statement execute function private.rollup_projects_changed();

do $$
declare
  watched text;
begin
  foreach watched in array array['project_communes', 'project_progress_latest'] loop
    execute format('create trigger %1$s_rollup_inserted after insert on public.%1$I
      referencing new table as new_rows for each statement execute function private.rollup_rows_changed()', watched);
    execute format('create trigger %1$s_rollup_updated after update on public.%1$I
      referencing old table as old_rows new table as new_rows
      for each statement execute function private.rollup_rows_changed()', watched);
    execute format('create trigger %1$s_rollup_deleted after delete on public.%1$I
      referencing old table as old_rows for each statement execute function private.rollup_rows_changed()', watched);
  end loop;
  foreach watched in array array['projects', 'project_communes', 'project_progress_latest'] loop
    execute format('create trigger %1$s_rollup_truncated after truncate on public.%1$I
      for each statement execute function private.rollup_truncated()', watched);
  end loop;
end;
$$;

select private.rebuild_project_rollup();

-- ── Reading ──────────────────────────────────────────────────────────────────────────────────

-- True when the roll-up answers the filter exactly: only keys it is keyed by (commitment_status
-- filters commitments, not projects). Territory keys must name one territory: several comunas, or
-- a province with a region, take the per-row path.
create function private.rollup_covers(p_filter jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select not exists (
      select 1 from jsonb_each(coalesce(p_filter, '{}')) e
      where e.key not in ('region', 'province', 'communes', 'services', 'stages', 'statuses', 'commitment_status')
        and e.value <> 'null'::jsonb and e.value <> '[]'::jsonb and e.value <> '""'::jsonb)
    and (select count(*) from (values (p_filter ->> 'region'), (p_filter ->> 'province')) t (v) where v is not null)
        + coalesce(jsonb_array_length(case when jsonb_typeof(p_filter -> 'communes') = 'array' then p_filter -> 'communes' end), 0)
        <= 1;
$$;

-- The view's territory as a roll-up level and code, and the level its areas break down into.
create function private.rollup_view(p_filter jsonb)
returns table (level text, code text, area_level text)
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case when v.commune is not null then 'commune' when v.province is not null then 'province'
      when v.region is not null then 'region' else 'country' end,
    coalesce(v.commune, v.province, v.region, ''),
    case when v.commune is not null or v.province is not null then 'commune'
      when v.region is not null then 'province' else 'region' end
  from (select p_filter ->> 'region' as region, p_filter ->> 'province' as province,
          p_filter -> 'communes' ->> 0 as commune) v;
$$;

-- The two readers below are PL/pgSQL so that the filter's lists are unpacked once per call: as
-- SQL, a security definer body is not inlined and each row paid the helpers' calls (2 s over the
-- 24 000 rows of the 100k sample).

-- Projects and apportioned investment per comuna of the view, from the roll-up.
create function private.rollup_commune_projects(p_filter jsonb)
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
  scope text[] := array(select private.filter_communes(p_filter));
begin
  return query
  select r.code, sum(r.projects)::bigint, round(sum(r.investment))::bigint
  from private.project_rollup r
  where r.level = 'commune' and r.code = any (scope)
    and (cardinality(services) = 0 or r.service_code = any (services))
    and (cardinality(stages) = 0 or r.stage::text = any (stages))
    and (cardinality(statuses) = 0 or r.status::text = any (statuses))
  group by r.code;
end;
$$;

-- The project part of the dashboard summary (KPIs, by stage, by status, by area), from the
-- roll-up; the same JSON as the per-row path of private.summary_projects.
create function private.rollup_summary_projects(p_filter jsonb)
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
  delayed as (
    select count(distinct x.project_id) as n
    from private.project_pieces x
    where x.delayed_from <= today
      and (view_level <> 'region' or x.region_code = view_code)
      and (view_level <> 'province' or x.province_code = view_code)
      and (view_level <> 'commune' or x.commune_code = view_code)
      and (cardinality(services) = 0 or x.service_code = any (services))
      and (cardinality(stages) = 0 or x.stage::text = any (stages))
      and (cardinality(statuses) = 0 or x.status::text = any (statuses))
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

-- The same project part from the rows (the reference, and the path for every other filter).
create function private.summary_projects(p_filter jsonb)
returns json
language plpgsql
stable
set search_path = ''
set jit = off
as $$
declare
  part json;
begin
  -- Planned for this filter (EXECUTE … USING), as in 20261130005400.
  execute $sql$
      with f as (
        select coalesce($1, '{}') as f, (now() at time zone 'America/Santiago')::date as today
      ),
      scope as materialized (select code from private.filter_communes($1) code),
      pieces as materialized (
        select p.id, p.stage, p.status, p.investment_clp, p.start_on, p.end_on,
          pc.commune_code, pc.province_code, pc.region_code, pc.share::numeric as share
        from public.filtered_projects($1) p
        join public.project_communes pc on pc.project_id = p.id
        where pc.commune_code in (select code from scope)
      ),
      parts as materialized (
        select x.id, x.stage, x.status, x.investment_clp, x.start_on, x.end_on, sum(x.share) as share
        from pieces x
        group by x.id, x.stage, x.status, x.investment_clp, x.start_on, x.end_on
      ),
      facts as materialized (
        select x.*, x.investment_clp * x.share as investment_part,
          l.spent_clp * x.share as spent_part,
          l.physical_progress,
          public.is_delayed(x.status, x.start_on, x.end_on, l.physical_progress, f.today) as delayed
        from parts x
        cross join f
        left join public.project_progress_latest l on l.project_id = x.id
      ),
      area_level as (
        select case
          when f.f ->> 'province' is not null or cardinality(private.jsonb_texts(f.f -> 'communes')) > 0 then 'commune'
          when f.f ->> 'region' is not null then 'province'
          else 'region' end as level
        from f
      ),
      areas as (
        select t.code, count(*) as projects, sum(t.investment_clp) as investment_clp
        from (
          select case al.level when 'region' then x.region_code when 'province' then x.province_code
            else x.commune_code end as code,
            x.id, sum(x.investment_clp * x.share) as investment_clp
          from pieces x cross join area_level al
          group by 1, 2
        ) t
        group by t.code
      )
      select json_build_object(
        'investment_clp', (select coalesce(round(sum(investment_part)), 0) from facts),
        'spent_clp', (select coalesce(round(sum(spent_part)), 0) from facts),
        'physical_progress', (select round(sum(investment_part * physical_progress)
            filter (where physical_progress is not null and investment_part > 0)
            / nullif(sum(investment_part) filter (where physical_progress is not null and investment_part > 0), 0), 1)
          from facts),
        'projects', (select count(*) from facts),
        'projects_delayed', (select count(*) filter (where delayed) from facts),
        'by_stage', (select coalesce(json_agg(json_build_object(
            'stage', stage, 'projects', projects, 'investment_clp', investment_clp) order by stage), '[]')
          from (select stage, count(*) as projects, coalesce(round(sum(investment_part)), 0) as investment_clp
                from facts group by stage) s),
        'by_status', (select coalesce(json_agg(json_build_object(
            'status', status, 'projects', projects, 'investment_clp', investment_clp) order by status), '[]')
          from (select status, count(*) as projects, coalesce(round(sum(investment_part)), 0) as investment_clp
                from facts group by status) s),
        'by_area', (select coalesce(json_agg(json_build_object(
            'level', al.level, 'code', a.code, 'name', coalesce(r.name, pr.name, c.name),
            'projects', a.projects, 'investment_clp', coalesce(round(a.investment_clp), 0)) order by a.code), '[]')
          from areas a cross join area_level al
          left join public.regions r on al.level = 'region' and r.code = a.code
          left join public.provinces pr on al.level = 'province' and pr.code = a.code
          left join public.communes c on al.level = 'commune' and c.code = a.code)
      )
  $sql$ into part using coalesce(p_filter, '{}'::jsonb);
  return part;
end;
$$;

-- Commitments and deliveries of the view (no roll-up: a few thousand rows, filtered by date).
create function private.summary_commitments_deliveries(p_filter jsonb)
returns json
language plpgsql
stable
set search_path = ''
set jit = off
as $$
declare
  part json;
begin
  execute $sql$
      with commitments as materialized (
        select distinct on (c.commitment_id) c.commitment_id, c.status, c.due_on, c.open, c.overdue
        from private.filtered_commitments($1) c
      ),
      deliveries as materialized (
        select distinct on (d.publication_id) d.publication_id, d.due_on, d.due, d.on_time, d.late, d.missing
        from private.filtered_deliveries($1) d
      )
      select json_build_object(
        'commitments_open', (select count(*) filter (where open) from commitments),
        'commitments_overdue', (select count(*) filter (where overdue) from commitments),
        'deliveries', (select count(*) filter (where due) from deliveries),
        'deliveries_on_time', (select count(*) filter (where due and on_time) from deliveries),
        'commitments_by_month', (select coalesce(json_agg(m order by m.month), '[]') from (
            select to_char(due_on, 'YYYY-MM') as month,
              count(*) filter (where status = 'pending') as pending,
              count(*) filter (where status = 'in_progress') as in_progress,
              count(*) filter (where status = 'fulfilled') as fulfilled,
              count(*) filter (where status = 'cancelled') as cancelled,
              count(*) filter (where overdue) as overdue
            from commitments group by 1) m),
        'deliveries_by_month', (select coalesce(json_agg(m order by m.month), '[]') from (
            select to_char(due_on, 'YYYY-MM') as month,
              count(*) filter (where on_time) as on_time,
              count(*) filter (where late) as late,
              count(*) filter (where missing) as missing
            from deliveries where due group by 1) m)
      )
  $sql$ into part using coalesce(p_filter, '{}'::jsonb);
  return part;
end;
$$;

-- The whole summary, from the roll-up or from the rows (the benchmark and pgTAP call both).
create function private.dashboard_summary_by(p_filter jsonb, p_rollup boolean)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
  p json := case when p_rollup then private.rollup_summary_projects(coalesce(p_filter, '{}'))
    else private.summary_projects(p_filter) end;
  c json := private.summary_commitments_deliveries(p_filter);
begin
  return json_build_object(
    'data_version', public.data_version(),
    'kpis', json_build_object(
      'investment_clp', p -> 'investment_clp', 'spent_clp', p -> 'spent_clp',
      'physical_progress', p -> 'physical_progress', 'projects', p -> 'projects',
      'projects_delayed', p -> 'projects_delayed',
      'commitments_open', c -> 'commitments_open', 'commitments_overdue', c -> 'commitments_overdue',
      'deliveries', c -> 'deliveries', 'deliveries_on_time', c -> 'deliveries_on_time'),
    'by_stage', p -> 'by_stage',
    'by_status', p -> 'by_status',
    'by_area', p -> 'by_area',
    'commitments_by_month', c -> 'commitments_by_month',
    'deliveries_by_month', c -> 'deliveries_by_month');
end;
$$;

create or replace function public.dashboard_summary(p_filter jsonb default '{}')
returns json
language sql
stable
set search_path = ''
as $$ select private.dashboard_summary_by(p_filter, private.rollup_covers(p_filter)) $$;

create function private.commune_metrics_by(p_filter jsonb, p_rollup boolean)
returns table (commune_code text, projects bigint, investment_clp bigint, commitments_open bigint,
  commitments_overdue bigint, deliveries_late bigint)
language plpgsql
stable
set search_path = ''
set jit = off
as $$
begin
  -- Planned for this filter (EXECUTE … USING), as in 20261130005400; only the projects' source
  -- differs between the two paths.
  return query execute format($sql$
      with scope as materialized (select code from private.filter_communes($1) code),
      projects as (%s),
      commitments as (
        select c.commune_code, count(*) filter (where c.open) as open, count(*) filter (where c.overdue) as overdue
        from private.filtered_commitments($1) c
        where c.commune_code is not null
        group by c.commune_code
      ),
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
  $sql$, case when p_rollup then 'select * from private.rollup_commune_projects($1)'
    else $p$
        select pc.commune_code, count(*) as projects,
          round(sum(p.investment_clp * pc.share::numeric))::bigint as investment_clp
        from public.filtered_projects($1) p
        join public.project_communes pc on pc.project_id = p.id
        where pc.commune_code in (select code from scope)
        group by pc.commune_code $p$ end)
  using coalesce(p_filter, '{}'::jsonb);
end;
$$;

create or replace function public.commune_metrics(p_filter jsonb default '{}')
returns table (commune_code text, projects bigint, investment_clp bigint, commitments_open bigint,
  commitments_overdue bigint, deliveries_late bigint)
language sql
stable
set search_path = ''
as $$ select * from private.commune_metrics_by(p_filter, private.rollup_covers(p_filter)) $$;

revoke all on private.project_pieces, private.project_rollup from public, anon, authenticated, service_role;
revoke execute on function
  private.delayed_from(public.project_status, date, date, numeric),
  private.current_pieces(bigint[]),
  private.refresh_project_pieces(bigint[]),
  private.rebuild_project_rollup(),
  private.rollup_projects_changed(),
  private.rollup_rows_changed(),
  private.rollup_truncated(),
  private.rollup_covers(jsonb),
  private.rollup_view(jsonb),
  private.rollup_commune_projects(jsonb),
  private.rollup_summary_projects(jsonb),
  private.summary_projects(jsonb),
  private.summary_commitments_deliveries(jsonb),
  private.dashboard_summary_by(jsonb, boolean),
  private.commune_metrics_by(jsonb, boolean)
from public;
grant execute on function
  private.rollup_covers(jsonb),
  private.rollup_view(jsonb),
  private.rollup_commune_projects(jsonb),
  private.rollup_summary_projects(jsonb),
  private.summary_projects(jsonb),
  private.summary_commitments_deliveries(jsonb),
  private.dashboard_summary_by(jsonb, boolean),
  private.commune_metrics_by(jsonb, boolean)
to anon, authenticated, service_role;
grant execute on function private.delayed_from(public.project_status, date, date, numeric) to service_role;
