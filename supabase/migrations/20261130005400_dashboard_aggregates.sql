-- The dashboard's numbers: `public.commune_metrics(p_filter)` (one row per comuna of the view, for
-- the choropleth) and `public.dashboard_summary(p_filter)` (every KPI and chart of a view in one
-- round trip). Shapes: src/lib/dashboard/summary.ts. Both take the filter of
-- `public.filtered_projects` and are security invoker: every number counts only rows the caller
-- may read.
--
-- How the numbers are made (docs/DATA.md, "Indicadores", says the same for readers):
-- - The view's territory is the region, province or comunas of the filter (the whole country
--   without one). Money (investment, executed spending) is apportioned: each project contributes
--   to a comuna its `project_communes.share` of its amount, so comunas add up to their province,
--   region and country. Project counts say "touches": a project counts once in every comuna it
--   touches and once in the view.
-- - Physical progress is the average of each project's latest avance físico weighted by its
--   apportioned investment, over the projects with a progress report and an investment.
-- - Commitments belong to the comunas they are linked to (or, with none, to their agreement's
--   region); open = pending or in progress; overdue = open and due before today in Chile. They
--   follow the filter's territory, themes, years (due date) and commitment status.
-- - Deliveries are publications delivering a period of an information flow, in the comunas they
--   are linked to (or their region); due = due date reached; on time = public on or before it;
--   late = public after it; missing = still not public past it. They follow the territory and the
--   years (due date).
--
-- JIT is off: these plans are short and index-driven, and compiling them costs more than it saves.
-- The helpers are SQL without SET (schema-qualified names instead) so that they inline into the
-- per-filter plans of the two public functions, where the filter is a constant and the branches
-- for absent keys fold away.

-- The comunas of the filter's territory.
create function private.filter_communes(p_filter jsonb)
returns setof text
language sql
stable
parallel safe
as $$
  select c.code from public.communes c
  where (p_filter ->> 'region' is null or c.region_code = p_filter ->> 'region')
    and (p_filter ->> 'province' is null or c.province_code = p_filter ->> 'province')
    and (cardinality(private.jsonb_texts(p_filter -> 'communes')) = 0
         or c.code = any (private.jsonb_texts(p_filter -> 'communes')));
$$;

create function private.filter_has_territory(p_filter jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select p_filter ->> 'region' is not null or p_filter ->> 'province' is not null
    or cardinality(private.jsonb_texts(p_filter -> 'communes')) > 0;
$$;

-- Commitments of the view with their comunas (null when linked to none) and whether they are
-- open and overdue.
create function private.filtered_commitments(p_filter jsonb)
returns table (commitment_id bigint, commune_code text, status public.commitment_status, due_on date,
  open boolean, overdue boolean)
language sql
stable
as $$
  with f as (
    select coalesce(p_filter, '{}') as f, (now() at time zone 'America/Santiago')::date as today,
      private.jsonb_texts(p_filter -> 'themes') as themes
  ),
  scope as materialized (select code from private.filter_communes(p_filter) code),
  judged as (
    select c.id, c.agreement_id, c.status, c.due_on, c.theme_code,
      c.status in ('pending', 'in_progress') as open,
      c.status in ('pending', 'in_progress') and c.due_on < f.today as overdue
    from public.commitments c cross join f
    where (cardinality(f.themes) = 0 or c.theme_code = any (f.themes))
      and (f.f ->> 'year_from' is null or c.due_on >= make_date((f.f ->> 'year_from')::int, 1, 1))
      and (f.f ->> 'year_to' is null or c.due_on <= make_date((f.f ->> 'year_to')::int, 12, 31))
  )
  select j.id, cc.commune_code, j.status, j.due_on, j.open, j.overdue
  from judged j
  cross join f
  left join public.commitment_communes cc on cc.commitment_id = j.id
  left join public.agreements a on a.id = j.agreement_id
  where (f.f ->> 'commitment_status' is null
         or (f.f ->> 'commitment_status' = 'overdue' and j.overdue)
         or j.status::text = f.f ->> 'commitment_status')
    and (not private.filter_has_territory(p_filter)
         or cc.commune_code in (select code from scope)
         or (cc.commune_code is null and a.region_code in (
               select left(code, 2) from scope)));
$$;

-- Deliveries of the view (publications delivering a flow period) with their comunas (null when
-- linked to none) and their punctuality as of today.
create function private.filtered_deliveries(p_filter jsonb)
returns table (publication_id bigint, commune_code text, due_on date, due boolean, on_time boolean,
  late boolean, missing boolean)
language sql
stable
as $$
  with f as (
    select coalesce(p_filter, '{}') as f, (now() at time zone 'America/Santiago')::date as today
  ),
  scope as materialized (select code from private.filter_communes(p_filter) code),
  judged as (
    select p.id, p.region_code, p.due_on, f.today,
      case when p.status <> 'draft' and p.published_at <= now()
        then (p.published_at at time zone 'America/Santiago')::date end as delivered_on
    from public.publications p cross join f
    where p.flow_id is not null and p.due_on is not null
      and (f.f ->> 'year_from' is null or p.due_on >= make_date((f.f ->> 'year_from')::int, 1, 1))
      and (f.f ->> 'year_to' is null or p.due_on <= make_date((f.f ->> 'year_to')::int, 12, 31))
  )
  select j.id, pc.commune_code, j.due_on,
    j.due_on <= j.today as due,
    j.delivered_on <= j.due_on as on_time,
    j.delivered_on > j.due_on as late,
    j.delivered_on is null and j.due_on < j.today as missing
  from judged j
  left join public.publication_communes pc on pc.publication_id = j.id
  where not private.filter_has_territory(p_filter)
     or pc.commune_code in (select code from scope)
     or (pc.commune_code is null and j.region_code in (select left(code, 2) from scope));
$$;

create function public.commune_metrics(p_filter jsonb default '{}')
returns table (commune_code text, projects bigint, investment_clp bigint, commitments_open bigint,
  commitments_overdue bigint, deliveries_late bigint)
language plpgsql
stable
set search_path = ''
set jit = off
as $$
begin
  -- Planned for this filter (EXECUTE … USING plans with the value known): the branches of
  -- filtered_projects for absent keys fold away and row estimates are real, where a plan for
  -- any filter would guess one row and nest loops over 100 000.
  return query execute $sql$
      with scope as materialized (select code from private.filter_communes($1) code),
      projects as (
        select pc.commune_code, count(*) as projects, round(sum(p.investment_clp * pc.share))::bigint as investment_clp
        from public.filtered_projects($1) p
        join public.project_communes pc on pc.project_id = p.id
        where pc.commune_code in (select code from scope)
        group by pc.commune_code
      ),
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
  $sql$ using coalesce(p_filter, '{}'::jsonb);
end;
$$;

comment on function public.commune_metrics(jsonb) is
  'Indicadores por comuna del filtro (proyectos que la tocan, inversión prorrateada, compromisos abiertos y vencidos, entregas atrasadas).';

create function public.dashboard_summary(p_filter jsonb default '{}')
returns json
language plpgsql
stable
set search_path = ''
set jit = off
as $$
declare
  summary json;
begin
  -- Planned for this filter (EXECUTE … USING plans with the value known): the branches of
  -- filtered_projects for absent keys fold away and row estimates are real, where a plan for
  -- any filter would guess one row and nest loops over 100 000.
  execute $sql$
      with f as (
        select coalesce($1, '{}') as f, (now() at time zone 'America/Santiago')::date as today
      ),
      scope as materialized (select code from private.filter_communes($1) code),
      -- The filtered projects' comunas in the view, and each project's part in it (its shares
      -- of the view's comunas).
      pieces as materialized (
        select p.id, p.stage, p.status, p.investment_clp, p.start_on, p.end_on,
          pc.commune_code, pc.province_code, pc.region_code, pc.share
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
      commitments as materialized (
        select distinct on (c.commitment_id) c.commitment_id, c.status, c.due_on, c.open, c.overdue
        from private.filtered_commitments($1) c
      ),
      deliveries as materialized (
        select distinct on (d.publication_id) d.publication_id, d.due_on, d.due, d.on_time, d.late, d.missing
        from private.filtered_deliveries($1) d
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
        'data_version', public.data_version(),
        'kpis', (select json_build_object(
          'investment_clp', coalesce(round(sum(investment_part)::numeric), 0),
          'spent_clp', coalesce(round(sum(spent_part)::numeric), 0),
          'physical_progress', round((sum(investment_part * physical_progress)
            filter (where physical_progress is not null and investment_part > 0)
            / nullif(sum(investment_part) filter (where physical_progress is not null and investment_part > 0), 0))::numeric, 1),
          'projects', count(*),
          'projects_delayed', count(*) filter (where delayed),
          'commitments_open', (select count(*) filter (where open) from commitments),
          'commitments_overdue', (select count(*) filter (where overdue) from commitments),
          'deliveries', (select count(*) filter (where due) from deliveries),
          'deliveries_on_time', (select count(*) filter (where due and on_time) from deliveries)
        ) from facts),
        'by_stage', (select coalesce(json_agg(json_build_object(
            'stage', stage, 'projects', projects, 'investment_clp', investment_clp) order by stage), '[]')
          from (select stage, count(*) as projects, coalesce(round(sum(investment_part)::numeric), 0) as investment_clp
                from facts group by stage) s),
        'by_status', (select coalesce(json_agg(json_build_object(
            'status', status, 'projects', projects, 'investment_clp', investment_clp) order by status), '[]')
          from (select status, count(*) as projects, coalesce(round(sum(investment_part)::numeric), 0) as investment_clp
                from facts group by status) s),
        'by_area', (select coalesce(json_agg(json_build_object(
            'level', al.level, 'code', a.code, 'name', coalesce(r.name, pr.name, c.name),
            'projects', a.projects, 'investment_clp', coalesce(round(a.investment_clp::numeric), 0)) order by a.code), '[]')
          from areas a cross join area_level al
          left join public.regions r on al.level = 'region' and r.code = a.code
          left join public.provinces pr on al.level = 'province' and pr.code = a.code
          left join public.communes c on al.level = 'commune' and c.code = a.code),
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
  $sql$ into summary using coalesce(p_filter, '{}'::jsonb);
  return summary;
end;
$$;

comment on function public.dashboard_summary(jsonb) is
  'Todos los indicadores y gráficos de una vista del tablero para el filtro dado, en una sola consulta.';

revoke execute on function
  public.commune_metrics(jsonb),
  public.dashboard_summary(jsonb)
from public;
grant execute on function
  public.commune_metrics(jsonb),
  public.dashboard_summary(jsonb)
to anon, authenticated, service_role;
grant execute on function
  private.filter_communes(jsonb),
  private.filter_has_territory(jsonb),
  private.filtered_commitments(jsonb),
  private.filtered_deliveries(jsonb)
to anon, authenticated, service_role;
