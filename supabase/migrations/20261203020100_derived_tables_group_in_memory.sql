-- The 100 000-row import (issue 11: validated and committed in ≤ 60 s) spends a third of its time
-- keeping the dashboard's derived tables current: the tile grid (20261202010100) and the roll-ups
-- (20261201070100, 20261202020200), whose statement triggers move them by the delta of the
-- projects a statement touched (docs/BENCHMARKS.md, "Project import"). At 100 000 new projects
-- that delta is ~400 000 grid rows, ~1.2 million coarse-cell rows before grouping and ~400 000
-- roll-up rows per roll-up; with the default 16 MB of work_mem those groupings sorted or hashed
-- through temporary files (auto_explain: "external merge Disk: 108000kB", "Batches: 29"). The
-- same functions, unchanged in what they write, now group in memory. 64 MB (hashes may take twice
-- that, hash_mem_multiplier) is only reached by a statement touching tens of thousands of
-- projects; an ordinary edit uses kilobytes.
--
-- What this does not change, measured (docs/BENCHMARKS.md): the time goes into writing the rows
-- themselves — every grid, coarse-cell and roll-up row an import adds is an upsert into a primary
-- key (~10–20 µs each on this machine, ~1.2 million of them for 100 000 projects). Feeding the
-- upserts in key order and MERGE instead of ON CONFLICT were no faster. A transaction-local
-- "deferred maintenance" switch would not help either: an import of new projects already moves
-- each derived table in one statement (the other trigger calls see no rows); only an import that
-- moves existing projects recounts them three times (their update, then the placement's delete
-- and insert of their comunas). `npm run bench:import` puts the earlier definitions back inside
-- a rolled-back transaction to compare both in one run.

create or replace function private.refresh_project_grid(ids bigint[])
returns void
language plpgsql
security definer
set search_path = ''
-- The delta of a bulk write (100 000 projects: ~400 000 grid rows) aggregates in memory instead of
-- spilling its sorts to disk.
set work_mem = '64MB'
as $$
begin
  if cardinality(ids) = 0 then
    return;
  end if;
  if to_regclass('pg_temp.grid_delta') is null then
    create temporary table grid_delta (like private.project_grid) on commit drop;
    create temporary table grid_old_points (like private.project_grid_points) on commit drop;
  else
    delete from pg_temp.grid_delta;
    delete from pg_temp.grid_old_points;
  end if;
  if to_regclass('pg_temp.grid_coarse_delta') is null then
    create temporary table grid_coarse_delta (like private.project_grid_coarse) on commit drop;
  else
    delete from pg_temp.grid_coarse_delta;
  end if;

  with removed as (
    delete from private.project_grid_points x where x.project_id = any (ids) returning x.*
  )
  insert into pg_temp.grid_old_points select * from removed;
  insert into private.project_grid_points select * from private.current_grid_points(ids);

  insert into pg_temp.grid_delta
  select l.level, l.code, s.cell_x, s.cell_y, s.service_code, s.stage, s.status, sum(s.sign),
    coalesce(sum(s.sign * s.investment_clp), 0), sum(s.sign * s.x_cm), sum(s.sign * s.y_cm)
  from (
    select -1 as sign, o.* from pg_temp.grid_old_points o
    union all
    select 1, n.* from private.project_grid_points n where n.project_id = any (ids)
  ) s
  cross join lateral (
    select 'country', ''
    union all select 'region', r from unnest(s.regions) r
    union all select 'province', v from unnest(s.provinces) v
    union all select 'commune', c from unnest(s.communes) c
  ) l (level, code)
  group by l.level, l.code, s.cell_x, s.cell_y, s.service_code, s.stage, s.status;

  insert into pg_temp.grid_coarse_delta
  select d.level, d.code, z.zoom, d.cell_x >> (15 - z.zoom), d.cell_y >> (15 - z.zoom), d.service_code,
    sum(d.projects), sum(d.investment_clp), sum(d.x_cm), sum(d.y_cm)
  from pg_temp.grid_delta d
  cross join (values (9), (11), (13)) z (zoom)
  group by 1, 2, 3, 4, 5, 6;

  insert into private.project_grid_coarse as g
  select d.* from pg_temp.grid_coarse_delta d
  where (d.projects, d.investment_clp, d.x_cm, d.y_cm) <> (0, 0, 0, 0)
  on conflict (level, code, zoom, cell_x, cell_y, service_code) do update set
    projects = g.projects + excluded.projects,
    investment_clp = g.investment_clp + excluded.investment_clp,
    x_cm = g.x_cm + excluded.x_cm,
    y_cm = g.y_cm + excluded.y_cm;
  delete from private.project_grid_coarse g
  using pg_temp.grid_coarse_delta d
  where g.level = d.level and g.code = d.code and g.zoom = d.zoom and g.cell_x = d.cell_x
    and g.cell_y = d.cell_y and g.service_code = d.service_code and g.projects = 0;

  insert into private.project_grid as g
  select d.* from pg_temp.grid_delta d
  -- Nothing to move for a project whose point did not change.
  where (d.projects, d.investment_clp, d.x_cm, d.y_cm) <> (0, 0, 0, 0)
  on conflict (level, code, cell_x, cell_y, service_code, stage, status) do update set
    projects = g.projects + excluded.projects,
    investment_clp = g.investment_clp + excluded.investment_clp,
    x_cm = g.x_cm + excluded.x_cm,
    y_cm = g.y_cm + excluded.y_cm;
  delete from private.project_grid g
  using pg_temp.grid_delta d
  where g.level = d.level and g.code = d.code and g.cell_x = d.cell_x and g.cell_y = d.cell_y
    and g.service_code = d.service_code and g.stage = d.stage and g.status = d.status and g.projects = 0;
end;
$$;

create or replace function private.refresh_project_pieces(ids bigint[])
returns void
language plpgsql
security definer
set search_path = ''
-- The delta of a bulk write (100 000 projects: ~400 000 grid rows) aggregates in memory instead of
-- spilling its sorts to disk.
set work_mem = '64MB'
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

create or replace function private.piece_rollups_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
-- The delta of a bulk write (100 000 projects: ~400 000 grid rows) aggregates in memory instead of
-- spilling its sorts to disk.
set work_mem = '64MB'
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
