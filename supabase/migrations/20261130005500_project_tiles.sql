-- Project vector tiles for the map: `public.project_tile(z, x, y, p_filter)` returns one Mapbox
-- Vector Tile of the projects matching the dashboard filter, served by PostgREST when the client
-- sends `Accept: application/vnd.mapbox-vector-tile` (the return type is a domain named after
-- that media type: PostgREST 12's media type handlers).
--
-- From zoom 10 on, source-layer `projects`: every project, with its geometry (points, lines,
-- polygons), feature id = project id and the properties the map styles and filters by on the GPU
-- (service, stage, status, delayed, investment_clp; the name from zoom 13, where labels fit:
-- names are three quarters of a dense z12 tile). Below zoom 10 a tile would carry tens of
-- thousands of geometries (measured: 107 ms and 1 MB at z8, ~300 ms and 2.2 MB at z5; 2 MB at z9
-- over Santiago with names), so there it
-- holds source-layer `project_cells` instead: the projects grouped in a 64 × 64 grid per tile
-- (a feature budget of 4 096 per tile), each cell a point at the mean position of its projects'
-- anchors with `projects`, `investment_clp` and the cell's most frequent `service`.
--
-- Cells group projects by their stored anchor point (projects.anchor_3857), so the low-zoom
-- tiles never read or project the full geometries.

create domain public."application/vnd.mapbox-vector-tile" as bytea;

-- Planned per call with the filter and tile known (EXECUTE … USING), like the dashboard
-- aggregates: the filter's absent branches fold away and the tile envelope drives the index.
create function public.project_tile(z integer, x integer, y integer, p_filter jsonb default '{}')
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

  if z >= 10 then
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
  else
    execute $sql$
      with bounds as (
        select extensions.st_tileenvelope($1, $2, $3) as tile
      ),
      cells as (
        select
          floor((extensions.st_x(p.anchor_3857) - extensions.st_xmin(b.tile)) / (extensions.st_xmax(b.tile) - extensions.st_xmin(b.tile)) * 64)::int as cx,
          floor((extensions.st_ymax(b.tile) - extensions.st_y(p.anchor_3857)) / (extensions.st_ymax(b.tile) - extensions.st_ymin(b.tile)) * 64)::int as cy,
          count(*) as projects,
          coalesce(sum(p.investment_clp), 0) as investment_clp,
          mode() within group (order by p.service_code) as service,
          avg(extensions.st_x(p.anchor_3857)) as mx,
          avg(extensions.st_y(p.anchor_3857)) as my
        from public.filtered_projects($4) p
        cross join bounds b
        where p.anchor_3857 operator(extensions.&&) b.tile
        group by 1, 2
      ),
      features as (
        select c.cy * 64 + c.cx as id, c.projects, c.investment_clp, c.service,
          extensions.st_asmvtgeom(extensions.st_setsrid(extensions.st_makepoint(c.mx, c.my), 3857), b.tile, 4096, 0, true) as geom
        from cells c cross join bounds b
      )
      select extensions.st_asmvt(features, 'project_cells', 4096, 'geom', 'id')
      from features where geom is not null
    $sql$ into tile using z, x, y, coalesce(p_filter, '{}'::jsonb);
  end if;
  return coalesce(tile, ''::bytea);
end;
$$;

comment on function public.project_tile(integer, integer, integer, jsonb) is
  'Mosaico vectorial (MVT) de los proyectos del filtro: capa projects desde el zoom 10, capa project_cells (grilla de 64×64) bajo él.';

revoke execute on function public.project_tile(integer, integer, integer, jsonb) from public;
grant execute on function public.project_tile(integer, integer, integer, jsonb) to anon, authenticated, service_role;
