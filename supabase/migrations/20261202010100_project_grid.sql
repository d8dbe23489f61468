-- Low-zoom project tiles from a precomputed grid (issue 7 §3/§8). Below zoom 10
-- public.project_tile groups the projects of a tile into a 64 × 64 grid of cells (20261130005500);
-- computed per call, a z5 tile read ~40 000 anchors (p95 2.3 s under load at 100 000 projects).
--
-- The grid's cells are fixed: the cells of a z9 tile, i.e. Web Mercator tiles of zoom 15 ("fine
-- cells", x and y 0–32767). The cell of a tile of zoom z (z ≤ 9) is a fine cell shifted right by
-- 9 − z bits, so coarser tiles sum fine cells. Two tables, kept current set-based by statement
-- triggers (transition tables), like the roll-up of 20261201070100:
-- - `private.project_grid_points`: one row per project with its fine cell, what a cell shows of it
--   (service, investment, its anchor in centimetres for the mean position), what the grid is keyed
--   by (stage, status) and the territories it touches;
-- - `private.project_grid`: per territory level and code (country, region, province, comuna, each
--   project once per territory it touches, as in the roll-up), fine cell, service, stage and
--   status: projects, investment and the sums of their anchors;
-- - `private.project_grid_coarse`: the same without stage and status, on coarser cells (zooms 13,
--   11 and 9). At zoom 15 the stage × status key splits nearly every project into a row of its
--   own (94 000 rows for the 100 000-project sample): a z5 tile would still read tens of thousands
--   of them. Without those two keys, zoom 11 has 16 000 rows for all of Chile. Tiles of zoom 7 and
--   below whose filter has no stage or status read it.
--
-- A tile reads `project_grid` when the filter has only those keys (private.project_grid_covers);
-- any other filter (themes, years, investment, text, area, delayed, several comunas) reads the
-- filtered projects' rows of `project_grid_points` on each call. Both paths feed the same cell
-- builder (private.project_cells_tile), and both sum the same integers (anchors rounded to the
-- centimetre, investment in pesos), so they give the same tile byte for byte (pgTAP
-- 23_project_grid).
--
-- Why security definer is safe: projects and their comunas are public to every role
-- (20261130001300); the grid holds nothing a caller could not count through RLS (the premise of the
-- roll-up, held by pgTAP 22_project_rollup).

create table private.project_grid_points (
  project_id bigint primary key,
  cell_x integer not null,
  cell_y integer not null,
  service_code text not null,
  stage public.project_stage not null,
  status public.project_status not null,
  investment_clp bigint,
  x_cm bigint not null,
  y_cm bigint not null,
  regions text[] not null,
  provinces text[] not null,
  communes text[] not null
);

create index project_grid_points_cell_idx on private.project_grid_points (cell_x, cell_y);

create table private.project_grid (
  level text not null check (level in ('country', 'region', 'province', 'commune')),
  code text not null,
  cell_x integer not null,
  cell_y integer not null,
  service_code text not null,
  stage public.project_stage not null,
  status public.project_status not null,
  projects bigint not null,
  investment_clp numeric not null,
  x_cm bigint not null,
  y_cm bigint not null,
  primary key (level, code, cell_x, cell_y, service_code, stage, status)
);

create table private.project_grid_coarse (
  level text not null check (level in ('country', 'region', 'province', 'commune')),
  code text not null,
  zoom smallint not null check (zoom in (9, 11, 13)),
  cell_x integer not null,
  cell_y integer not null,
  service_code text not null,
  projects bigint not null,
  investment_clp numeric not null,
  x_cm bigint not null,
  y_cm bigint not null,
  primary key (level, code, zoom, cell_x, cell_y, service_code)
);

comment on table private.project_grid_coarse is
  'La grilla sin etapa ni estado, en celdas de zoom 13, 11 y 9, para los mosaicos de zoom 7 o menor.';
comment on table private.project_grid_points is
  'Celda fina (zoom 15) de cada proyecto y lo que la grilla de los mosaicos suma de él (derivado; lo mantienen triggers).';
comment on table private.project_grid is
  'Proyectos por nivel territorial, celda fina (zoom 15), servicio, etapa y estado, para los mosaicos bajo el zoom 10.';

-- The grid points of the given projects as the tables hold them now: the one place where a
-- project's fine cell is computed.
create function private.current_grid_points(ids bigint[])
returns setof private.project_grid_points
language sql
stable
set search_path = ''
as $$
  select p.id,
    least(32767, greatest(0, floor((extensions.st_x(p.anchor_3857) + 20037508.342789244) / 40075016.685578488 * 32768)))::integer,
    least(32767, greatest(0, floor((20037508.342789244 - extensions.st_y(p.anchor_3857)) / 40075016.685578488 * 32768)))::integer,
    p.service_code, p.stage, p.status, p.investment_clp,
    round(extensions.st_x(p.anchor_3857) * 100)::bigint, round(extensions.st_y(p.anchor_3857) * 100)::bigint,
    array(select distinct pc.region_code from public.project_communes pc where pc.project_id = p.id order by 1),
    array(select distinct pc.province_code from public.project_communes pc where pc.project_id = p.id order by 1),
    array(select pc.commune_code from public.project_communes pc where pc.project_id = p.id order by 1)
  from public.projects p
  where p.id = any (ids) and p.anchor_3857 is not null;
$$;

-- Re-reads the points of the given projects and moves the grid by the difference (old points
-- subtracted, new ones added, in one upsert), as private.refresh_project_pieces does the roll-up.
create function private.refresh_project_grid(ids bigint[])
returns void
language plpgsql
security definer
set search_path = ''
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

-- Everything from scratch: after a TRUNCATE, and to fill the tables on migration.
create function private.rebuild_project_grid()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  truncate private.project_grid_points, private.project_grid, private.project_grid_coarse;
  perform private.refresh_project_grid(array(select p.id from public.projects p));
end;
$$;

create function private.grid_projects_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Only the columns the grid reads (the anchor follows the geometry).
  perform private.refresh_project_grid(array(
    select n.id from new_projects n join old_projects o on o.id = n.id
    where (n.service_code, n.stage, n.status, n.investment_clp) is distinct from
          (o.service_code, o.stage, o.status, o.investment_clp)
       or not (n.anchor_3857 operator(extensions.=) o.anchor_3857)));
  return null;
end;
$$;

create function private.grid_communes_changed()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform private.refresh_project_grid(array(select distinct n.project_id from new_rows n));
  elsif tg_op = 'UPDATE' then
    -- Only a project whose set of comunas changed (a new share moves nothing in the grid).
    perform private.refresh_project_grid(array(select distinct d.project_id from (
      (select n.project_id, n.commune_code from new_rows n except select o.project_id, o.commune_code from old_rows o)
      union all
      (select o.project_id, o.commune_code from old_rows o except select n.project_id, n.commune_code from new_rows n)) d));
  else
    perform private.refresh_project_grid(array(select distinct o.project_id from old_rows o));
  end if;
  return null;
end;
$$;

create function private.grid_truncated()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.rebuild_project_grid();
  return null;
end;
$$;

-- Every project gets its comunas from the placement pass (the nearest one at worst), which inserts
-- them after the project; a deleted project takes them with it (on delete cascade). So new and
-- deleted projects reach the grid through project_communes, and projects need only the update
-- trigger (service, stage, status, investment, anchor).
create trigger projects_grid_updated after update on public.projects
  referencing old table as old_projects new table as new_projects
  for each statement execute function private.grid_projects_changed();
create trigger project_communes_grid_inserted after insert on public.project_communes
  referencing new table as new_rows for each statement execute function private.grid_communes_changed();
create trigger project_communes_grid_updated after update on public.project_communes
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.grid_communes_changed();
create trigger project_communes_grid_deleted after delete on public.project_communes
  referencing old table as old_rows for each statement execute function private.grid_communes_changed();
create trigger projects_grid_truncated after truncate on public.projects
  for each statement execute function private.grid_truncated();
create trigger project_communes_grid_truncated after truncate on public.project_communes
  for each statement execute function private.grid_truncated();

select private.rebuild_project_grid();
-- Planned from statistics (without them a z5 tile took 130 ms instead of 10 ms at 100 000 projects).
analyze private.project_grid_points, private.project_grid, private.project_grid_coarse;

-- ── Reading ──────────────────────────────────────────────────────────────────────────────────

-- True when the grid answers the filter exactly. The roll-up's test (one territory at most, only
-- keys it is keyed by), narrowed to the keys the grid is keyed by, so that the roll-up learning
-- another key (years, delayed) does not make the grid answer a filter it cannot.
create function private.project_grid_covers(p_filter jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select private.rollup_covers(p_filter) and not exists (
    select 1 from jsonb_each(coalesce(p_filter, '{}')) e
    where e.key not in ('region', 'province', 'communes', 'services', 'stages', 'statuses', 'commitment_status')
      and e.value <> 'null'::jsonb and e.value <> '[]'::jsonb and e.value <> '""'::jsonb);
$$;

-- The `project_cells` layer of a tile below zoom 10, from the grid (p_grid) or from the points of
-- the filtered projects. Each source yields rows of fine cell, service, projects, investment and
-- anchor sums; the cells are built from them in one place, so the two paths cannot differ. A cell
-- shows its projects, their investment, the most frequent service (ties: the first code) and the
-- mean position of their anchors. Feature id: row × 64 + column within the tile.
create function private.project_cells_tile(z integer, x integer, y integer, p_filter jsonb, p_grid boolean)
returns bytea
language plpgsql
stable
security definer
set search_path = ''
set jit = off
as $$
declare
  -- The zoom of the cells the source yields: the coarse grid's closest zoom at or above the
  -- tile's cells (z + 6) when the filter has no stage or status, else the fine cells'.
  source_zoom integer := case
    when not p_grid or z > 7 or not private.is_empty_list(p_filter -> 'stages')
      or not private.is_empty_list(p_filter -> 'statuses') then 15
    when z >= 6 then 13 when z >= 4 then 11 else 9 end;
  span integer := source_zoom - z;
  tile bytea;
begin
  p_filter := coalesce(p_filter, '{}');
  if z < 0 or z > 9 then
    raise exception using errcode = 'invalid_parameter_value', message = format('Zoom %s sin grilla.', z);
  end if;
  if p_grid and not private.project_grid_covers(p_filter) then
    raise exception using errcode = 'invalid_parameter_value', message = 'La grilla no responde a este filtro.';
  end if;
  -- Planned per call (EXECUTE … USING), like the dashboard aggregates: only the source taken is
  -- planned, and the cells' range in the source's zoom drives its index.
  execute format($sql$
      with source as (%s),
      by_service as (
        select s.cell_x >> ($6 - $1 - 6) as cx, s.cell_y >> ($6 - $1 - 6) as cy, s.service_code,
          sum(s.projects) as projects, sum(s.investment_clp) as investment_clp,
          sum(s.x_cm) as x_cm, sum(s.y_cm) as y_cm
        from source s
        group by 1, 2, 3
      ),
      cells as (
        select b.cx - ($2 << 6) as cx, b.cy - ($3 << 6) as cy, sum(b.projects)::bigint as projects,
          coalesce(sum(b.investment_clp), 0) as investment_clp,
          (array_agg(b.service_code order by b.projects desc, b.service_code))[1] as service,
          (sum(b.x_cm) / sum(b.projects))::double precision / 100 as mx,
          (sum(b.y_cm) / sum(b.projects))::double precision / 100 as my
        from by_service b
        group by b.cx, b.cy
      ),
      features as (
        select c.cy * 64 + c.cx as id, c.projects, c.investment_clp, c.service,
          extensions.st_asmvtgeom(extensions.st_setsrid(extensions.st_makepoint(c.mx, c.my), 3857),
            extensions.st_tileenvelope($1, $2, $3), 4096, 0, true) as geom
        from cells c
      )
      select extensions.st_asmvt(features, 'project_cells', 4096, 'geom', 'id')
      from features where geom is not null
    $sql$, case when source_zoom < 15 then $c$
        select g.cell_x, g.cell_y, g.service_code, g.projects, g.investment_clp, g.x_cm, g.y_cm
        from private.project_grid_coarse g
        cross join private.rollup_view($4) v
        where g.level = v.level and g.code = v.code and g.zoom = $6
          and g.cell_x between $2 << $5 and (($2 + 1) << $5) - 1
          and g.cell_y between $3 << $5 and (($3 + 1) << $5) - 1
          and (private.is_empty_list($4 -> 'services') or ($4 -> 'services') ? g.service_code) $c$
      when p_grid then $g$
        select g.cell_x, g.cell_y, g.service_code, g.projects, g.investment_clp, g.x_cm, g.y_cm
        from private.project_grid g
        cross join private.rollup_view($4) v
        where g.level = v.level and g.code = v.code
          and g.cell_x between $2 << $5 and (($2 + 1) << $5) - 1
          and g.cell_y between $3 << $5 and (($3 + 1) << $5) - 1
          and (private.is_empty_list($4 -> 'services') or ($4 -> 'services') ? g.service_code)
          and (private.is_empty_list($4 -> 'stages') or ($4 -> 'stages') ? g.stage::text)
          and (private.is_empty_list($4 -> 'statuses') or ($4 -> 'statuses') ? g.status::text) $g$
      else $r$
        select g.cell_x, g.cell_y, g.service_code, 1::bigint as projects, g.investment_clp::numeric,
          g.x_cm, g.y_cm
        from private.project_grid_points g
        where g.cell_x between $2 << $5 and (($2 + 1) << $5) - 1
          and g.cell_y between $3 << $5 and (($3 + 1) << $5) - 1
          and g.project_id in (select f.id from public.filtered_projects($4) f) $r$ end)
  into tile using z, x, y, p_filter, span, source_zoom;
  return coalesce(tile, ''::bytea);
end;
$$;

-- project_tile as in 20261130005500 from zoom 10 on; below it, the cells above.
create or replace function public.project_tile(z integer, x integer, y integer, p_filter jsonb default '{}')
returns public."application/vnd.mapbox-vector-tile"
language plpgsql
stable
set search_path = ''
set jit = off
as $$
declare
  tile bytea;
begin
  if z < 0 or z > 22 or x < 0 or y < 0 or x >= (1 << z) or y >= (1 << z) then
    raise exception using
      errcode = 'invalid_parameter_value',
      message = format('El mosaico %s/%s/%s no existe.', z, x, y);
  end if;

  if z < 10 then
    return private.project_cells_tile(z, x, y, p_filter, private.project_grid_covers(p_filter));
  end if;

  execute $sql$
    with bounds as (
      select extensions.st_tileenvelope($1, $2, $3) as tile,
             extensions.st_transform(extensions.st_tileenvelope($1, $2, $3, margin => 64.0 / 4096), 4326) as area,
             (now() at time zone 'America/Santiago')::date as today
    ),
    features as (
      select p.id, p.service_code as service, p.stage, p.status,
        public.is_delayed(p.status, p.start_on, p.end_on, l.physical_progress, b.today) as delayed,
        p.investment_clp, case when $1 >= 13 then p.name end as name,
        extensions.st_asmvtgeom(extensions.st_transform(p.geom, 3857), b.tile, 4096, 64, true) as geom
      from public.filtered_projects($4) p
      cross join bounds b
      left join public.project_progress_latest l on l.project_id = p.id
      where p.geom operator(extensions.&&) b.area
    )
    select extensions.st_asmvt(features, 'projects', 4096, 'geom', 'id')
    from features where geom is not null
  $sql$ into tile using z, x, y, coalesce(p_filter, '{}'::jsonb);
  return coalesce(tile, ''::bytea);
end;
$$;

comment on function public.project_tile(integer, integer, integer, jsonb) is
  'Mosaico vectorial (MVT) de los proyectos del filtro: capa projects desde el zoom 10, capa project_cells (grilla de 64×64, precalculada por celda fina) bajo él.';

revoke all on private.project_grid_points, private.project_grid, private.project_grid_coarse from public, anon, authenticated, service_role;
revoke execute on function
  private.current_grid_points(bigint[]),
  private.refresh_project_grid(bigint[]),
  private.rebuild_project_grid(),
  private.grid_projects_changed(),
  private.grid_communes_changed(),
  private.grid_truncated(),
  private.project_grid_covers(jsonb),
  private.project_cells_tile(integer, integer, integer, jsonb, boolean)
from public;
grant execute on function
  private.project_grid_covers(jsonb),
  private.project_cells_tile(integer, integer, integer, jsonb, boolean)
to anon, authenticated, service_role;
