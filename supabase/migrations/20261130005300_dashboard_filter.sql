-- The dashboard filter in SQL: `public.filtered_projects(p_filter jsonb)` applies the app's one
-- filter model (src/lib/filters/filter.ts, `RpcFilter`: snake_case JSON) to projects, and every
-- dashboard RPC (aggregates, tiles, lists, exports) builds on it, so a filter means the same
-- thing everywhere. Absent keys filter nothing.
--
-- It is a plain SQL function without SET so that the planner inlines it into the caller's query:
-- PostgREST's `.select().order().range()` then apply to projects directly (no copy of every
-- matching row with its geometry); the matching ids come from a function planned per filter. Security invoker: RLS on projects and
-- the tables it consults applies to the caller.
--
-- Text search (`q`) is accent- and case-insensitive: "vina" finds Viña del Mar, "nuble" the
-- projects of the Ñuble region and of every comuna or province whose name contains it; a BIP code
-- (or its beginning) finds its project. Names are matched through a trigram index.

create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;

-- Lower case without accents: the key names are indexed and searched by.
create function private.search_key(value text)
returns text
language sql
immutable
parallel safe
strict
set search_path = ''
as $$ select lower(extensions.unaccent('extensions.unaccent'::regdictionary, value)) $$;

grant execute on function private.search_key(text) to anon, authenticated, service_role;

create index projects_name_search_idx on public.projects
  using gin (private.search_key(name) extensions.gin_trgm_ops);
create index projects_bip_code_pattern_idx on public.projects (bip_code text_pattern_ops);
create index projects_stage_status_idx on public.projects (stage, status);
create index project_communes_province_code_idx on public.project_communes (province_code, project_id);

-- The comunas whose name, or whose province's or region's name, contains the search text.
create function private.communes_matching(q text)
returns setof text
language sql
stable
parallel safe
set search_path = ''
as $$
  select c.code
  from public.communes c
  join public.provinces pr on pr.code = c.province_code
  join public.regions r on r.code = c.region_code
  where private.search_key(c.name) like '%' || private.search_key(q) || '%'
     or private.search_key(pr.name) like '%' || private.search_key(q) || '%'
     or private.search_key(r.name) like '%' || private.search_key(q) || '%';
$$;

grant execute on function private.communes_matching(text) to anon, authenticated, service_role;

-- The text values of a JSON array (empty for a missing key or null).
create function private.jsonb_texts(value jsonb)
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case when jsonb_typeof(value) = 'array'
    then array(select jsonb_array_elements_text(value)) else '{}'::text[] end
$$;

grant execute on function private.jsonb_texts(jsonb) to anon, authenticated, service_role;

-- True for a missing key, null, a non-array or an empty array. Inlinable (no SET, no subquery).
create function private.is_empty_list(value jsonb)
returns boolean
language sql
immutable
parallel safe
as $$
  select coalesce(jsonb_array_length(case when jsonb_typeof(value) = 'array' then value end), 0) = 0
$$;

grant execute on function private.is_empty_list(jsonb) to anon, authenticated, service_role;

-- The drawn area of the filter as a geometry (EPSG:4326); null when there is none. A circle is
-- its centre here; `private.in_filter_area` measures the radius geodesically.
create function private.filter_area(p_filter jsonb)
returns extensions.geometry
language sql
immutable
parallel safe
as $$
  select case p_filter -> 'area' ->> 'kind'
    when 'circle' then extensions.st_setsrid(extensions.st_makepoint(
      (p_filter -> 'area' ->> 'lon')::double precision, (p_filter -> 'area' ->> 'lat')::double precision), 4326)
    when 'polygon' then extensions.st_setsrid(extensions.st_geomfromgeojson(jsonb_build_object(
      'type', 'Polygon', 'coordinates', jsonb_build_array(p_filter -> 'area' -> 'ring'))), 4326)
  end
$$;

grant execute on function private.filter_area(jsonb) to anon, authenticated, service_role;

-- The ids of the matching projects, planned for the filter at hand (EXECUTE … USING: absent keys
-- fold away, estimates are real). A plan made once for any filter would run each IN-subquery
-- once per project: PostgREST passes the filter as a column of a lateral row, so an inlined
-- filter is correlated with every project.
create function private.filtered_project_ids(p_filter jsonb)
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
  where ($1 ->> 'region' is null or p.id in (
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
  $sql$ using coalesce(p_filter, '{}'::jsonb);
end;
$fn$;

grant execute on function private.filtered_project_ids(jsonb) to anon, authenticated, service_role;

-- Inlined into the caller's query (SQL, no SET), so PostgREST's select, order and range apply to
-- projects directly, joined with the ids above.
create function public.filtered_projects(p_filter jsonb)
returns setof public.projects
language sql
stable
parallel safe
as $$
  select p.id, p.service_code, p.bip_code, p.name, p.description, p.stage, p.status, p.investment_clp,
    p.start_on, p.end_on, p.geom, p.created_at, p.updated_at, p.anchor_3857
  from public.projects p
  where p.id in (select f.id from private.filtered_project_ids(p_filter) as f (id))
$$;

comment on function public.filtered_projects(jsonb) is
  'Proyectos que cumplen el filtro del tablero (JSON RpcFilter); base de listas, agregados, mosaicos y exportaciones.';

revoke execute on function public.filtered_projects(jsonb) from public;
grant execute on function public.filtered_projects(jsonb) to anon, authenticated, service_role;
