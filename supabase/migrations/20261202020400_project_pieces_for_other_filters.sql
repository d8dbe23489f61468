-- The project part of a dashboard view for the filters no roll-up is keyed by — free text,
-- themes, a drawn area, the investment range, data-quality flags, `delayed: false` — summed from
-- `private.project_pieces` over the matching projects instead of recomputed from the rows: the
-- per-row path joins every match with its comunas and latest progress and judges "delayed" per
-- project (1.1–2.7 s for a text search at 100k on the loaded machine, against the anonymous
-- role's 3 s statement timeout), where the pieces already hold each project's apportioned sums,
-- progress and the day it turns delayed.
--
-- The matching ids come from private.filtered_project_ids in the caller's rights (RLS applies to
-- the match); the pieces of those ids are read with the owner's, like every roll-up reader (they
-- hold nothing a caller could not count: 20261201070100). One territory at most, as the roll-ups;
-- several comunas or a region with a province keep the per-row path, which stays the reference
-- (pgTAP 23_dashboard_rollups compares both).

-- The project part (the JSON of private.summary_projects) from the pieces of the given projects.
create function private.pieces_summary_projects(p_filter jsonb, ids bigint[])
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
  today date := (now() at time zone 'America/Santiago')::date;
  part json;
begin
  select v.level, v.code, v.area_level into view_level, view_code, area_level from private.rollup_view(p_filter) v;

  with view_pieces as materialized (
    select x.* from unnest(ids) i (id)
    join private.project_pieces x on x.project_id = i.id
    where (view_level <> 'region' or x.region_code = view_code)
      and (view_level <> 'province' or x.province_code = view_code)
      and (view_level <> 'commune' or x.commune_code = view_code)
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

-- Projects and apportioned investment per comuna of the view, from the pieces of the given projects.
create function private.pieces_commune_projects(p_filter jsonb, ids bigint[])
returns table (commune_code text, projects bigint, investment_clp bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  scope text[] := case when private.filter_has_territory(p_filter) then array(select private.filter_communes(p_filter)) end;
begin
  return query
  select x.commune_code, count(*), round(sum(x.investment))::bigint
  from unnest(ids) i (id)
  join private.project_pieces x on x.project_id = i.id
  where scope is null or x.commune_code = any (scope)
  group by x.commune_code;
end;
$$;

-- Where the project part of a view comes from: the rows, a roll-up, or the pieces of the matches
-- (one territory at most: the test private.commitment_rollup_covers makes).
create or replace function private.summary_projects_by(p_filter jsonb, p_rollup boolean)
returns json
language sql
stable
set search_path = ''
as $$
  select case
    when not p_rollup or not private.commitment_rollup_covers(p_filter) then private.summary_projects(p_filter)
    when private.rollup_covers(p_filter) then private.rollup_summary_projects(coalesce(p_filter, '{}'))
    when private.project_rollup_answers(p_filter) then private.rollup_summary_projects_by_years(coalesce(p_filter, '{}'))
    else private.pieces_summary_projects(coalesce(p_filter, '{}'), array(select private.filtered_project_ids(p_filter))) end
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
  -- Planned for this filter (EXECUTE … USING), as in 20261130005400; the projects come from a
  -- roll-up or the pieces of the matches (one territory at most, as commitments), else the rows.
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
      when not p_rollup or not private.commitment_rollup_covers(p_filter) then $p$
        select pc.commune_code, count(*) as projects,
          round(sum(p.investment_clp * pc.share::numeric))::bigint as investment_clp
        from public.filtered_projects($1) p
        join public.project_communes pc on pc.project_id = p.id
        where pc.commune_code in (select code from scope)
        group by pc.commune_code $p$
      when private.rollup_covers(p_filter) then 'select * from private.rollup_commune_projects($1)'
      when private.project_rollup_answers(p_filter) then 'select * from private.rollup_commune_projects_by_years($1)'
      else 'select * from private.pieces_commune_projects($1, array(select private.filtered_project_ids($1)))' end,
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

revoke execute on function
  private.pieces_summary_projects(jsonb, bigint[]),
  private.pieces_commune_projects(jsonb, bigint[])
from public;
grant execute on function
  private.pieces_summary_projects(jsonb, bigint[]),
  private.pieces_commune_projects(jsonb, bigint[])
to anon, authenticated, service_role;
