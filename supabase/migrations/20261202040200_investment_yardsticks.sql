-- The investment-outlier flag (20261201060100_quality_flags.sql) compares each project with the
-- median and MAD of ln(investment) of its MOP service and stage. Computed inside the view, every
-- reader paid two sorts of every project with an investment: 1.2 s for one project's flags and
-- most of quality_summary's 3.3 s at 100 000 projects. The yardsticks are now kept in a table,
-- recomputed once per statement for the groups the statement touched (an import of 100 000 rows
-- recomputes each group once; a one-project edit, its group through the index below). The rule
-- and its results are unchanged (pgTAP 22_quality_flags).

create table private.investment_yardsticks (
  service_code text not null,
  stage public.project_stage not null,
  -- Median of ln(investment_clp) over the group's projects with an investment above 0.
  median double precision not null,
  -- Median absolute deviation from it (0 when most projects share one amount: no outliers then).
  mad double precision not null,
  primary key (service_code, stage)
);

comment on table private.investment_yardsticks is
  'Mediana y MAD de ln(inversión) por servicio y etapa, para la alerta de inversión atípica (derivado; lo mantienen triggers).';

-- A group's projects with an investment, read from the index alone.
create index projects_investment_group_idx on public.projects (service_code, stage, investment_clp)
  where investment_clp > 0;

-- Recomputes the yardsticks of the given groups (services[i], stages[i]); null: every group.
create function private.refresh_investment_yardsticks(services text[], stages public.project_stage[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if to_regclass('pg_temp.yardstick_groups') is null then
    create temporary table yardstick_groups (service_code text, stage public.project_stage) on commit drop;
  else
    delete from pg_temp.yardstick_groups;
  end if;
  if services is null then
    insert into pg_temp.yardstick_groups select distinct p.service_code, p.stage from public.projects p;
    delete from private.investment_yardsticks;
  else
    insert into pg_temp.yardstick_groups select distinct g.service_code, g.stage from unnest(services, stages) g (service_code, stage);
    delete from private.investment_yardsticks y
    using pg_temp.yardstick_groups g where y.service_code = g.service_code and y.stage = g.stage;
  end if;

  -- Groups of at least 8 projects with an investment above 0, as the flag's rule says.
  insert into private.investment_yardsticks (service_code, stage, median, mad)
  select s.service_code, s.stage, s.median,
    percentile_cont(0.5) within group (order by abs(ln(x.investment_clp::double precision) - s.median))
  from (
    select y.service_code, y.stage,
      percentile_cont(0.5) within group (order by ln(y.investment_clp::double precision)) as median
    from pg_temp.yardstick_groups g
    join public.projects y on y.service_code = g.service_code and y.stage = g.stage and y.investment_clp > 0
    group by 1, 2
    having count(*) >= 8
  ) s
  join public.projects x on x.service_code = s.service_code and x.stage = s.stage and x.investment_clp > 0
  group by s.service_code, s.stage, s.median;
end;
$$;

revoke execute on function private.refresh_investment_yardsticks(text[], public.project_stage[]) from public;

create function private.investment_yardsticks_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  services text[];
  stages public.project_stage[];
begin
  if tg_op = 'TRUNCATE' then
    perform private.refresh_investment_yardsticks(null, null);
    return null;
  end if;
  if tg_op = 'INSERT' then
    select array_agg(g.service_code), array_agg(g.stage) into services, stages
    from (select distinct n.service_code, n.stage from new_rows n) g;
  elsif tg_op = 'DELETE' then
    select array_agg(g.service_code), array_agg(g.stage) into services, stages
    from (select distinct o.service_code, o.stage from old_rows o) g;
  else
    -- Both the group a project left and the one it joined, for the rows whose amount or group moved.
    select array_agg(g.service_code), array_agg(g.stage) into services, stages
    from (
      select n.service_code, n.stage from new_rows n join old_rows o on o.id = n.id
      where (n.service_code, n.stage, n.investment_clp) is distinct from (o.service_code, o.stage, o.investment_clp)
      union
      select o.service_code, o.stage from new_rows n join old_rows o on o.id = n.id
      where (n.service_code, n.stage, n.investment_clp) is distinct from (o.service_code, o.stage, o.investment_clp)
    ) g;
  end if;
  if services is not null then
    perform private.refresh_investment_yardsticks(services, stages);
  end if;
  return null;
end;
$$;

create trigger projects_yardsticks_inserted after insert on public.projects
  referencing new table as new_rows
  for each statement execute function private.investment_yardsticks_changed();
create trigger projects_yardsticks_updated after update on public.projects
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.investment_yardsticks_changed();
create trigger projects_yardsticks_deleted after delete on public.projects
  referencing old table as old_rows
  for each statement execute function private.investment_yardsticks_changed();
create trigger projects_yardsticks_truncated after truncate on public.projects
  for each statement execute function private.investment_yardsticks_changed();

select private.refresh_investment_yardsticks(null, null);

-- The view reads the table (security invoker: readers of the flags may read the yardsticks,
-- which are aggregates of public project data).
revoke all on private.investment_yardsticks from public, anon, authenticated;
grant select on private.investment_yardsticks to anon, authenticated, service_role;

create or replace view public.project_quality_flags
with (security_invoker = true)
as
  select p.id as project_id, 'missing_bip'::public.quality_flag as flag, null::jsonb as detail
  from public.projects p
  where p.bip_code is null
union all
  select p.id, 'duplicate_bip', jsonb_build_object('bip_codes', (
      select jsonb_agg(x.bip_code order by x.bip_code) from public.projects x
      where nullif(ltrim(split_part(x.bip_code, '-', 1), '0'), '') = nullif(ltrim(split_part(p.bip_code, '-', 1), '0'), '')))
  from public.projects p
  where p.bip_code is not null
    and exists (
      select 1 from public.projects x
      where nullif(ltrim(split_part(x.bip_code, '-', 1), '0'), '') = nullif(ltrim(split_part(p.bip_code, '-', 1), '0'), '')
        and x.id <> p.id)
union all
  select p.id, 'far_from_declared_commune',
    jsonb_build_object('commune_code', c.code, 'commune_name', c.name,
      'distance_km', round((extensions.st_distance(p.geom::extensions.geography, c.geom::extensions.geography) / 1000)::numeric, 1))
  from public.projects p
  join public.communes c on c.code = p.declared_commune_code
  -- Spelled out although the join implies it: it lets the planner start from the (few) projects
  -- with a declared comuna through their index instead of scanning every project.
  where p.declared_commune_code is not null
    and not p.located_by_commune
    and not exists (
      select 1 from public.project_communes pc
      where pc.project_id = p.id and pc.commune_code = p.declared_commune_code)
    and not extensions.st_dwithin(p.geom::extensions.geography, c.geom::extensions.geography, 5000)
union all
  select p.id, 'point_for_linear_work', null
  from public.projects p
  where extensions.geometrytype(p.geom) in ('POINT', 'MULTIPOINT')
    and private.is_linear_work(p.name)
union all
  select p.id, 'investment_outlier',
    jsonb_build_object('median_clp', round(exp(g.median)), 'score', round((0.6745 * abs(ln(p.investment_clp::double precision) - g.median) / g.mad)::numeric, 1))
  from public.projects p
  join private.investment_yardsticks g on g.service_code = p.service_code and g.stage = p.stage
  where p.investment_clp > 0
    and g.mad > 0
    and 0.6745 * abs(ln(p.investment_clp::double precision) - g.median) / g.mad > 3.5
union all
  select p.id, 'stale', jsonb_build_object('last_update', greatest(
      (p.updated_at at time zone 'America/Santiago')::date, l.reported_on))
  from public.projects p
  left join public.project_progress_latest l on l.project_id = p.id
  where p.status = 'in_progress'
    and greatest((p.updated_at at time zone 'America/Santiago')::date, l.reported_on)
        < ((now() at time zone 'America/Santiago')::date - interval '12 months')::date;
