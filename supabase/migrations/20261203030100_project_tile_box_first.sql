-- Project tiles from zoom 10 read the tile's box first (issue 7 §8; docs/BENCHMARKS.md). Until now
-- public.project_tile (20261202010100) read `public.filtered_projects(filter)` — every project the
-- filter keeps, since the pinned search_path stops Postgres inlining it — and only then kept those
-- in the tile's box: ~260 ms per tile at 100 000 projects whatever the zoom, the cost growing
-- with the data and not with the tile.
--
-- Now the tile's projects are found by the GiST index on their geometry first, and the filter is
-- judged on those rows only:
-- - a filter that restricts no project (private.filter_restricts_projects) reads public.projects
--   directly;
-- - any other filter asks private.filtered_project_ids for the matches *within the box*: it gains
--   an optional box that its planned-per-call query ANDs with the filter's predicates, so the
--   predicates stay written once (lists, exports and aggregates call it without a box).
--
-- Both the old path and the new one stay callable through private.project_geometries_tile
-- (p_box_first), as the grid's private.project_cells_tile keeps its per-call path: pgTAP
-- (24_project_tile_box_first) compares them byte for byte, and `npm run bench` measures both in
-- the same run. Features are now aggregated in project id order: ST_AsMVT encodes rows in the
-- order it receives them, and that order was the plan's (the table's physical order for a scan,
-- the index's for an index scan), so two plans of the same tile could differ in bytes.
--
-- Security invoker, as before: RLS on projects and project_progress_latest applies to the caller
-- on both paths (pgTAP hides a row with a restrictive policy and checks neither path shows it).

drop function private.filtered_project_ids(jsonb);

-- The ids of the matching projects, planned for the filter at hand (20261201060200); with p_box,
-- only among the projects whose geometry's bounding box meets it (EPSG:4326, the GiST index).
create function private.filtered_project_ids(p_filter jsonb, p_box extensions.geometry default null)
returns setof bigint
language plpgsql
stable
set search_path = ''
set jit = off
as $fn$
begin
  return query execute $sql$
  select p.id
  from public.projects p
  where ($2 is null or p.geom operator(extensions.&&) $2)
    and ($1 ->> 'region' is null or p.id in (
          select pc.project_id from public.project_communes pc where pc.region_code = $1 ->> 'region'))
    and ($1 ->> 'province' is null or p.id in (
          select pc.project_id from public.project_communes pc where pc.province_code = $1 ->> 'province'))
    and (private.is_empty_list($1 -> 'communes') or p.id in (
          select pc.project_id from public.project_communes pc
          where pc.commune_code in (select jsonb_array_elements_text($1 -> 'communes'))))
    -- `list ? value`: the JSON array holds that string (cheap per row, unlike unpacking it).
    and (private.is_empty_list($1 -> 'services') or ($1 -> 'services') ? p.service_code)
    and (private.is_empty_list($1 -> 'themes') or p.id in (
          select t.project_id from public.project_themes t
          where t.theme_code in (select jsonb_array_elements_text($1 -> 'themes'))))
    and (private.is_empty_list($1 -> 'stages') or ($1 -> 'stages') ? p.stage::text)
    and (private.is_empty_list($1 -> 'statuses') or ($1 -> 'statuses') ? p.status::text)
    and ($1 ->> 'year_from' is null
         or coalesce(p.end_on, p.start_on) >= make_date(($1 ->> 'year_from')::int, 1, 1))
    and ($1 ->> 'year_to' is null
         or coalesce(p.start_on, p.end_on) <= make_date(($1 ->> 'year_to')::int, 12, 31))
    and ($1 ->> 'investment_min' is null or p.investment_clp >= ($1 ->> 'investment_min')::numeric)
    and ($1 ->> 'investment_max' is null or p.investment_clp <= ($1 ->> 'investment_max')::numeric)
    and (nullif(trim($1 ->> 'q'), '') is null or p.id in (
          select x.id from public.projects x
          where private.search_key(x.name) like (select '%' || private.search_key(trim($1 ->> 'q')) || '%')
          union all
          select x.id from public.projects x where x.bip_code like trim($1 ->> 'q') || '%'
          union all
          select pc.project_id from public.project_communes pc
          where pc.commune_code in (select private.communes_matching(trim($1 ->> 'q')))))
    and ($1 -> 'area' ->> 'kind' is null
         or ($1 -> 'area' ->> 'kind' = 'circle'
             -- The box first (indexed), then the geodesic distance; a degree of longitude is
             -- cos(latitude) times a degree of latitude.
             and p.geom operator(extensions.&&) extensions.st_expand(private.filter_area($1),
                   ($1 -> 'area' ->> 'radius_km')::double precision
                     / (111.0 * cos(radians(($1 -> 'area' ->> 'lat')::double precision))),
                   ($1 -> 'area' ->> 'radius_km')::double precision / 110.0)
             and extensions.st_dwithin(p.geom::extensions.geography, private.filter_area($1)::extensions.geography,
                   ($1 -> 'area' ->> 'radius_km')::double precision * 1000))
         or ($1 -> 'area' ->> 'kind' = 'polygon'
             and extensions.st_intersects(p.geom, private.filter_area($1))))
    -- Delayed (public.is_delayed, spelled out so that only the works in progress or halted that
    -- are behind the curve even at 0 % look their latest report up).
    and ($1 ->> 'delayed' is null
         or ($1 ->> 'delayed')::boolean = (
              p.status in ('in_progress', 'halted')
              and public.planned_progress(p.start_on, p.end_on, (now() at time zone 'America/Santiago')::date)
                  - public.delay_threshold_points() > 0
              and not exists (
                select 1 from public.project_progress_latest l
                where l.project_id = p.id
                  and l.physical_progress >= public.planned_progress(p.start_on, p.end_on,
                        (now() at time zone 'America/Santiago')::date) - public.delay_threshold_points())))
    -- Data-quality flags (`quality`: a list, any of them): the view's branches for other flags
    -- are gated off by a one-time filter, so only the flags asked for are computed.
    and (private.is_empty_list($1 -> 'quality') or p.id in (
          select f.project_id from public.project_quality_flags f
          where ($1 -> 'quality') ? f.flag::text))
  $sql$ using coalesce(p_filter, '{}'::jsonb), p_box;
end;
$fn$;

revoke execute on function private.filtered_project_ids(jsonb, extensions.geometry) from public;
grant execute on function private.filtered_project_ids(jsonb, extensions.geometry) to anon, authenticated, service_role;

-- The `projects` layer of a tile from zoom 10: each project of the filter whose geometry meets
-- the tile (with a 64-unit margin, as the geometries are clipped), with its geometry and what
-- the map styles and filters by (the name from zoom 13). p_box_first: the box first (above);
-- false: every project of the filter, then the box (the path before 20261203030100).
create function private.project_geometries_tile(z integer, x integer, y integer, p_filter jsonb, p_box_first boolean)
returns bytea
language plpgsql
stable
set search_path = ''
set jit = off
as $$
declare
  tile_box extensions.geometry := extensions.st_tileenvelope(z, x, y);
  area extensions.geometry := extensions.st_transform(extensions.st_tileenvelope(z, x, y, margin => 64.0 / 4096), 4326);
  tile bytea;
begin
  p_filter := coalesce(p_filter, '{}');
  if z < 10 or z > 22 or x < 0 or y < 0 or x >= (1 << z) or y >= (1 << z) then
    raise exception using errcode = 'invalid_parameter_value', message = format('El mosaico %s/%s/%s no lleva geometrías.', z, x, y);
  end if;
  -- Planned per call (EXECUTE … USING): the box drives the GiST index, absent filter keys fold away.
  execute format($sql$
      with features as (
        select p.id, p.service_code as service, p.stage, p.status,
          public.is_delayed(p.status, p.start_on, p.end_on, l.physical_progress,
            (now() at time zone 'America/Santiago')::date) as delayed,
          p.investment_clp, case when $1 >= 13 then p.name end as name,
          extensions.st_asmvtgeom(extensions.st_transform(p.geom, 3857), $2, 4096, 64, true) as geom
        from %s p
        left join public.project_progress_latest l on l.project_id = p.id
        where p.geom operator(extensions.&&) $3 %s
      )
      select extensions.st_asmvt(features, 'projects', 4096, 'geom', 'id' order by features.id)
      from features where geom is not null
    $sql$,
    case when p_box_first then 'public.projects' else 'public.filtered_projects($4)' end,
    case when p_box_first and private.filter_restricts_projects(p_filter)
      then 'and p.id in (select f.id from private.filtered_project_ids($4, $3) f (id))' else '' end)
  into tile using z, tile_box, area, p_filter;
  return coalesce(tile, ''::bytea);
end;
$$;

-- project_tile as in 20261202010100, the geometries from the box first.
create or replace function public.project_tile(z integer, x integer, y integer, p_filter jsonb default '{}')
returns public."application/vnd.mapbox-vector-tile"
language plpgsql
stable
set search_path = ''
set jit = off
as $$
begin
  if z < 0 or z > 22 or x < 0 or y < 0 or x >= (1 << z) or y >= (1 << z) then
    raise exception using
      errcode = 'invalid_parameter_value',
      message = format('El mosaico %s/%s/%s no existe.', z, x, y);
  end if;
  if z < 10 then
    return private.project_cells_tile(z, x, y, p_filter, private.project_grid_covers(p_filter));
  end if;
  return private.project_geometries_tile(z, x, y, p_filter, true);
end;
$$;

revoke execute on function private.project_geometries_tile(integer, integer, integer, jsonb, boolean) from public;
grant execute on function private.project_geometries_tile(integer, integer, integer, jsonb, boolean)
  to anon, authenticated, service_role;
