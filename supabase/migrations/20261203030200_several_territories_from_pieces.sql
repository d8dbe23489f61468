-- The dashboard's summary and comuna metrics answer a filter on several comunas, or on a region
-- with a province (or a comuna), from the roll-ups and their pieces instead of the rows (issue 7
-- §8; docs/BENCHMARKS.md: 0.4–1 s at 100 000 projects, against 50–60 ms for one territory).
--
-- - Nested territories name one territory: a province of the given region, or comunas all inside
--   the given region and province, imply the wider keys. private.narrowed_territory drops the
--   implied keys, so `{region: 13, province: 131}` is answered as the province by every roll-up
--   (projects, commitments). Exact: every dashboard reader judges the territory by the comunas in
--   all of its keys (private.filter_communes) and a project "touches" each key it has a piece in.
-- - Several territories left (several comunas; a province of another region): the view is the
--   set of comunas in all of them. Any project with a piece in that set touches every key, and the
--   per-row path counts only such projects with the sum of their pieces in the set: so
--   - comuna metrics are per comuna, and the comuna roll-ups (private.rollup_commune_projects,
--     *_by_years, pieces_commune_projects, rollup_commitment_counts by comuna) already read
--     exactly the set's comunas;
--   - the summary counts a project touching two of the comunas once. With only the roll-ups' keys
--     (years too) it sums the comuna roll-ups and takes off the extra rows of the projects touching
--     several of the comunas (private.rollup_summary_communes); with `delayed` it sums the pieces
--     of the matching projects in the set (private.pieces_summary_projects learns the set), the
--     matches found from the set's pieces (private.scope_project_ids); with any other key
--     (text, themes, …) the matches come from private.filtered_project_ids.
--   The summary's commitments keep their per-row path there (a commitment linked to two of the
--   comunas counts once in the view; ~70 ms at 100k).
-- The rows stay the reference: pgTAP 23_dashboard_rollups compares both paths by value.

-- The filter without the territory keys a narrower one implies (unchanged when none is implied).
create function private.narrowed_territory(p_filter jsonb)
returns jsonb
language sql
stable
parallel safe
set search_path = ''
as $$
  select case
    when cardinality(private.jsonb_texts(f -> 'communes')) > 0
      and (f ->> 'region' is not null or f ->> 'province' is not null)
      and not exists (
        select 1 from unnest(private.jsonb_texts(f -> 'communes')) k (code)
        where not exists (
          select 1 from public.communes c
          where c.code = k.code
            and (f ->> 'region' is null or c.region_code = f ->> 'region')
            and (f ->> 'province' is null or c.province_code = f ->> 'province')))
      then f - 'region' - 'province'
    when f ->> 'region' is not null and f ->> 'province' is not null
      and exists (select 1 from public.provinces p where p.code = f ->> 'province' and p.region_code = f ->> 'region')
      then f - 'region'
    else f end
  from (select coalesce(p_filter, '{}') as f) x
$$;

-- The projects with a piece in the filter's comunas that matches the roll-ups' keys (services,
-- stages, statuses, years, `delayed: true`), judged on the pieces as the roll-ups judge them.
create function private.scope_project_ids(p_filter jsonb)
returns setof bigint
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
  only_delayed boolean := coalesce((p_filter ->> 'delayed')::boolean, false);
  today date := (now() at time zone 'America/Santiago')::date;
  scope text[] := array(select private.filter_communes(p_filter));
begin
  -- The comunas' pairs by their index, then each pair's piece by its key.
  return query
  select distinct x.project_id
  from public.project_communes pc
  join private.project_pieces x on x.project_id = pc.project_id and x.commune_code = pc.commune_code
  where pc.commune_code = any (scope)
    and (cardinality(services) = 0 or x.service_code = any (services))
    and (cardinality(stages) = 0 or x.stage::text = any (stages))
    and (cardinality(statuses) = 0 or x.status::text = any (statuses))
    and (first_year is null or x.end_year >= first_year)
    and (last_year is null or x.start_year <= last_year)
    and (not only_delayed or x.delayed_from <= today);
end;
$$;

create or replace function private.pieces_summary_projects(p_filter jsonb, ids bigint[])
returns json
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  view_level text;
  view_code text;
  area_level text;
  -- Several territories (comunas, or a region with a province of another region): the view is
  -- the set of comunas in all of them, broken down by comuna, as private.summary_projects does.
  scope text[] := case when not private.commitment_rollup_covers(p_filter) then array(select private.filter_communes(p_filter)) end;
  today date := (now() at time zone 'America/Santiago')::date;
  part json;
begin
  if scope is null then
    select v.level, v.code, v.area_level into view_level, view_code, area_level from private.rollup_view(p_filter) v;
  else
    select 'comunas', '', 'commune' into view_level, view_code, area_level;
  end if;

  with view_pieces as materialized (
    select x.* from unnest(ids) i (id)
    join private.project_pieces x on x.project_id = i.id
    where scope is null
      and (view_level <> 'region' or x.region_code = view_code)
      and (view_level <> 'province' or x.province_code = view_code)
      and (view_level <> 'commune' or x.commune_code = view_code)
    union all
    -- The set's pieces through the comunas' index (the pieces have none by comuna), kept for the
    -- matching projects.
    select x.* from public.project_communes pc
    join private.project_pieces x on x.project_id = pc.project_id and x.commune_code = pc.commune_code
    where scope is not null and pc.commune_code = any (scope)
      and x.project_id in (select i.id from unnest(ids) i (id))
  ),
  matching as (
    -- Summed per project and territory, as the roll-ups hold them.
    select l.level, l.code, s.stage, s.status, bool_or(s.delayed_from <= today) as delayed,
      coalesce(sum(s.investment), 0) as investment, coalesce(sum(s.spent), 0) as spent,
      coalesce(sum(s.investment) filter (where s.physical_progress is not null), 0) as progress_weight,
      coalesce(sum(s.investment * s.physical_progress) filter (where s.physical_progress is not null), 0) as progress_weighted
    from view_pieces s
    cross join lateral (values (1, view_level, view_code),
      (2, area_level, case area_level when 'region' then s.region_code when 'province' then s.province_code
        else s.commune_code end)) l (n, level, code)
    -- A comuna's view is its own only area: one row for both, not two.
    where l.n = 1 or area_level <> view_level
    group by s.project_id, l.level, l.code, s.stage, s.status
  ),
  here as (select m.* from matching m where m.level = view_level and m.code = view_code),
  areas as (
    select m.code, count(*) as projects, sum(m.investment) as investment_clp
    from matching m where m.level = area_level
    group by m.code
  )
  select json_build_object(
    'investment_clp', coalesce(round((select sum(investment) from here)), 0),
    'spent_clp', coalesce(round((select sum(spent) from here)), 0),
    'physical_progress', (select round(sum(progress_weighted) / nullif(sum(progress_weight), 0), 1) from here),
    'projects', (select count(*) from here),
    'projects_delayed', (select count(*) filter (where delayed) from here),
    'by_stage', (select coalesce(json_agg(json_build_object(
        'stage', s.stage, 'projects', s.projects, 'investment_clp', s.investment_clp) order by s.stage), '[]')
      from (select h.stage, count(*) as projects, round(sum(h.investment)) as investment_clp
            from here h group by h.stage) s),
    'by_status', (select coalesce(json_agg(json_build_object(
        'status', s.status, 'projects', s.projects, 'investment_clp', s.investment_clp) order by s.status), '[]')
      from (select h.status, count(*) as projects, round(sum(h.investment)) as investment_clp
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

-- The project part of the summary (the JSON of private.summary_projects) for a set of comunas and
-- only the roll-ups' keys (services, stages, statuses, years), summed from the comuna roll-ups
-- (with years, the year roll-up's; its delayed count from the set's delayed pieces): money and
-- progress weights add up over comunas (a project's pieces split them), and so do the comunas'
-- own figures; only counts need care, since a project touching k of the comunas is in k comuna
-- rows: the k − 1 extra are taken off (per stage and status, and among the delayed), found from
-- the set's pairs in project_communes (index on the comuna) — a few projects straddling borders.
create function private.rollup_summary_communes(p_filter jsonb)
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
  scope text[] := array(select private.filter_communes(p_filter));
  -- The projects touching several of the comunas (by the index of project_communes on the comuna).
  repeated_ids bigint[] := array(
    select pc.project_id from public.project_communes pc
    where pc.commune_code = any (scope)
    group by pc.project_id having count(*) > 1);
  today date := (now() at time zone 'America/Santiago')::date;
  this_month date := date_trunc('month', (now() at time zone 'America/Santiago')::date)::date;
  part json;
begin
  with rolled as materialized (
    select r.code, r.stage, r.status, r.projects, r.investment, r.spent, r.progress_weight, r.progress_weighted
    from private.project_rollup r
    where not has_years and r.level = 'commune' and r.code = any (scope)
      and (cardinality(services) = 0 or r.service_code = any (services))
      and (cardinality(stages) = 0 or r.stage::text = any (stages))
      and (cardinality(statuses) = 0 or r.status::text = any (statuses))
    union all
    select r.code, r.stage, r.status, r.projects, r.investment, r.spent, r.progress_weight, r.progress_weighted
    from private.project_year_rollup r
    where has_years and r.level = 'commune' and r.code = any (scope)
      and (cardinality(services) = 0 or r.service_code = any (services))
      and (cardinality(stages) = 0 or r.stage::text = any (stages))
      and (cardinality(statuses) = 0 or r.status::text = any (statuses))
      and (first_year is null or r.end_year >= first_year)
      and (last_year is null or r.start_year <= last_year)
  ),
  repeated as materialized (
    select x.stage, x.status, count(*) - 1 as extra, bool_or(x.delayed_from <= today) as delayed
    from private.project_pieces x
    -- By the pieces' key (a scan of the pieces by comuna would read them all).
    where x.project_id = any (repeated_ids) and x.commune_code = any (scope)
      and (cardinality(services) = 0 or x.service_code = any (services))
      and (cardinality(stages) = 0 or x.stage::text = any (stages))
      and (cardinality(statuses) = 0 or x.status::text = any (statuses))
      and (first_year is null or x.end_year >= first_year)
      and (last_year is null or x.start_year <= last_year)
    group by x.project_id, x.stage, x.status
  ),
  -- The set's delayed pieces (one per delayed project and comuna), as the delay roll-up holds
  -- them before this month and read one by one for this month (by the index on the day); with
  -- years (the delay roll-up has none), every piece of the set's pairs.
  delayed_pieces as (
    select coalesce(sum(r.projects), 0) as n
    from private.project_delay_rollup r
    where not has_years and r.level = 'commune' and r.code = any (scope) and r.delayed_month < this_month
      and (cardinality(services) = 0 or r.service_code = any (services))
      and (cardinality(stages) = 0 or r.stage::text = any (stages))
      and (cardinality(statuses) = 0 or r.status::text = any (statuses))
    union all
    select count(*) from private.project_pieces x
    where not has_years and x.delayed_from <= today and x.delayed_from >= this_month and x.commune_code = any (scope)
      and (cardinality(services) = 0 or x.service_code = any (services))
      and (cardinality(stages) = 0 or x.stage::text = any (stages))
      and (cardinality(statuses) = 0 or x.status::text = any (statuses))
    union all
    select count(*) from public.project_communes pc
    join private.project_pieces x on x.project_id = pc.project_id and x.commune_code = pc.commune_code
    where has_years and pc.commune_code = any (scope) and x.delayed_from <= today
      and (cardinality(services) = 0 or x.service_code = any (services))
      and (cardinality(stages) = 0 or x.stage::text = any (stages))
      and (cardinality(statuses) = 0 or x.status::text = any (statuses))
      and (first_year is null or x.end_year >= first_year)
      and (last_year is null or x.start_year <= last_year)
  ),
  by_stage as (
    select t.stage, sum(t.projects) as projects, sum(t.investment) as investment
    from (
      select r.stage, r.projects, r.investment from rolled r
      union all select x.stage, -x.extra, 0 from repeated x
    ) t
    group by t.stage
  ),
  by_status as (
    select t.status, sum(t.projects) as projects, sum(t.investment) as investment
    from (
      select r.status, r.projects, r.investment from rolled r
      union all select x.status, -x.extra, 0 from repeated x
    ) t
    group by t.status
  ),
  areas as (
    select r.code, sum(r.projects) as projects, sum(r.investment) as investment_clp
    from rolled r group by r.code
  )
  select json_build_object(
    'investment_clp', coalesce(round((select sum(investment) from rolled)), 0),
    'spent_clp', coalesce(round((select sum(spent) from rolled)), 0),
    'physical_progress', (select round(sum(progress_weighted) / nullif(sum(progress_weight), 0), 1) from rolled),
    'projects', coalesce((select sum(projects) from rolled), 0) - coalesce((select sum(extra) from repeated), 0),
    'projects_delayed', (select sum(n) from delayed_pieces)
      - coalesce((select sum(extra) from repeated where delayed), 0),
    'by_stage', (select coalesce(json_agg(json_build_object(
        'stage', s.stage, 'projects', s.projects, 'investment_clp', round(s.investment)) order by s.stage), '[]')
      from by_stage s where s.projects > 0),
    'by_status', (select coalesce(json_agg(json_build_object(
        'status', s.status, 'projects', s.projects, 'investment_clp', round(s.investment)) order by s.status), '[]')
      from by_status s where s.projects > 0),
    'by_area', (select coalesce(json_agg(json_build_object(
        'level', 'commune', 'code', a.code, 'name', c.name,
        'projects', a.projects, 'investment_clp', round(a.investment_clp)) order by a.code), '[]')
      from areas a
      left join public.communes c on c.code = a.code
      where a.projects > 0)
  ) into part;
  return part;
end;
$$;

-- Where the project part of a view comes from (20261202020400), several territories now from the
-- pieces of their matches.
create or replace function private.summary_projects_by(p_filter jsonb, p_rollup boolean)
returns json
language sql
stable
set search_path = ''
as $$
  select case
    when not p_rollup then private.summary_projects(p_filter)
    when not private.commitment_rollup_covers(p_filter)
      and private.rollup_covers(coalesce(p_filter, '{}') - array['region', 'province', 'communes', 'year_from', 'year_to'])
      then private.rollup_summary_communes(coalesce(p_filter, '{}'))
    when not private.commitment_rollup_covers(p_filter) then private.pieces_summary_projects(coalesce(p_filter, '{}'),
      case when private.project_rollup_answers(coalesce(p_filter, '{}') - array['region', 'province', 'communes'])
        then array(select private.scope_project_ids(p_filter))
        else array(select private.filtered_project_ids(p_filter)) end)
    when private.rollup_covers(p_filter) then private.rollup_summary_projects(coalesce(p_filter, '{}'))
    when private.project_rollup_answers(p_filter) then private.rollup_summary_projects_by_years(coalesce(p_filter, '{}'))
    else private.pieces_summary_projects(coalesce(p_filter, '{}'), array(select private.filtered_project_ids(p_filter))) end
$$;

-- The whole summary (20261202020200), the filter's implied territory keys dropped on the roll-ups' side.
create or replace function private.dashboard_summary_by(p_filter jsonb, p_rollup boolean)
returns json
language plpgsql
stable
set search_path = ''
as $$
declare
  p json;
  c json;
  d json;
begin
  if p_rollup then
    p_filter := private.narrowed_territory(p_filter);
  end if;
  p := private.summary_projects_by(p_filter, p_rollup);
  c := private.summary_commitments(p_filter, p_rollup and private.commitment_rollup_covers(p_filter));
  d := private.summary_deliveries(p_filter);
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

-- The comuna metrics (20261202020400): implied territory keys dropped on the roll-ups' side, and
-- the projects and commitments of several territories from the comuna roll-ups too (they read
-- the set's comunas).
create or replace function private.commune_metrics_by(p_filter jsonb, p_rollup boolean)
returns table (commune_code text, projects bigint, investment_clp bigint, commitments_open bigint,
  commitments_overdue bigint, deliveries_late bigint)
language plpgsql
stable
set search_path = ''
set jit = off
as $$
declare
  keys jsonb;
begin
  if p_rollup then
    p_filter := private.narrowed_territory(p_filter);
  end if;
  -- The filter's keys but the territory: which roll-up answers them, for one territory or several.
  keys := coalesce(p_filter, '{}') - array['region', 'province', 'communes'];
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
      when not p_rollup then $p$
        select pc.commune_code, count(*) as projects,
          round(sum(p.investment_clp * pc.share::numeric))::bigint as investment_clp
        from public.filtered_projects($1) p
        join public.project_communes pc on pc.project_id = p.id
        where pc.commune_code in (select code from scope)
        group by pc.commune_code $p$
      when private.rollup_covers(keys) then 'select * from private.rollup_commune_projects($1)'
      when private.project_rollup_answers(keys) then 'select * from private.rollup_commune_projects_by_years($1)'
      else 'select * from private.pieces_commune_projects($1, array(select private.filtered_project_ids($1)))' end,
    -- Per comuna the commitment roll-up answers several territories too: a commitment linked to
    -- two comunas counts in each (private.rollup_commitment_counts reads the set's comunas).
    case when p_rollup then $c$
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

revoke execute on function private.narrowed_territory(jsonb), private.scope_project_ids(jsonb),
  private.rollup_summary_communes(jsonb) from public;
grant execute on function private.narrowed_territory(jsonb), private.scope_project_ids(jsonb),
  private.rollup_summary_communes(jsonb) to anon, authenticated, service_role;
