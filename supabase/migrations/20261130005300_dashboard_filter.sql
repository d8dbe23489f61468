-- The dashboard filter in SQL: `public.filtered_projects(p_filter jsonb)` applies the app's one
-- filter model (src/lib/filters/filter.ts, `RpcFilter`: snake_case JSON) to projects, and every
-- dashboard RPC (aggregates, tiles, lists, exports) builds on it, so a filter means the same
-- thing everywhere. Absent keys filter nothing.
--
-- It is a plain SQL function without SET so that the planner inlines it into the caller's query:
-- PostgREST's `.select().order().range()` over it, and the aggregates, then run as one plan (an
-- index on the sort key, a LIMIT pushed down) instead of materialising every matching project.
-- For the same reason every name in it is schema-qualified. Security invoker: RLS on projects and
-- the tables it consults applies to the caller.
--
-- Text search (`q`) is accent- and case-insensitive: "vina" finds Viña del Mar, "nuble" the
-- projects of the Ñuble region and of every comuna or province whose name contains it; a BIP code
-- (or its beginning) finds its project. Names are matched through a trigram index.
--
-- created_by is not public (who typed a project in is internal), so the function returns it as
-- null for everyone rather than failing for the roles that may not read that column.

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

-- The drawn area of the filter as a geometry (EPSG:4326); null when there is none. A circle is
-- its centre here; `private.in_filter_area` measures the radius geodesically.
create function private.filter_area(p_filter jsonb)
returns extensions.geometry
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case p_filter -> 'area' ->> 'kind'
    when 'circle' then extensions.st_setsrid(extensions.st_makepoint(
      (p_filter -> 'area' ->> 'lon')::double precision, (p_filter -> 'area' ->> 'lat')::double precision), 4326)
    when 'polygon' then extensions.st_setsrid(extensions.st_geomfromgeojson(jsonb_build_object(
      'type', 'Polygon', 'coordinates', jsonb_build_array(p_filter -> 'area' -> 'ring'))), 4326)
  end
$$;

grant execute on function private.filter_area(jsonb) to anon, authenticated, service_role;

create function public.filtered_projects(p_filter jsonb)
returns setof public.projects
language sql
stable
parallel safe
as $$
  select p.id, p.service_code, p.bip_code, p.name, p.description, p.stage, p.status, p.investment_clp,
    p.start_on, p.end_on, p.geom, null::uuid, p.created_at, p.updated_at, p.anchor_3857
  from public.projects p
  cross join (select
    coalesce(p_filter, '{}') as f,
    (now() at time zone 'America/Santiago')::date as today,
    private.filter_area(p_filter) as area,
    private.jsonb_texts(p_filter -> 'communes') as communes,
    private.jsonb_texts(p_filter -> 'services') as services,
    private.jsonb_texts(p_filter -> 'themes') as themes,
    private.jsonb_texts(p_filter -> 'stages') as stages,
    private.jsonb_texts(p_filter -> 'statuses') as statuses,
    nullif(trim(p_filter ->> 'q'), '') as q
  ) a
  where (a.f ->> 'region' is null or p.id in (
          select pc.project_id from public.project_communes pc where pc.region_code = a.f ->> 'region'))
    and (a.f ->> 'province' is null or p.id in (
          select pc.project_id from public.project_communes pc where pc.province_code = a.f ->> 'province'))
    and (cardinality(a.communes) = 0 or p.id in (
          select pc.project_id from public.project_communes pc where pc.commune_code = any (a.communes)))
    and (cardinality(a.services) = 0 or p.service_code = any (a.services))
    and (cardinality(a.themes) = 0 or p.id in (
          select t.project_id from public.project_themes t where t.theme_code = any (a.themes)))
    and (cardinality(a.stages) = 0 or p.stage::text = any (a.stages))
    and (cardinality(a.statuses) = 0 or p.status::text = any (a.statuses))
    and (a.f ->> 'year_from' is null
         or coalesce(p.end_on, p.start_on) >= make_date((a.f ->> 'year_from')::int, 1, 1))
    and (a.f ->> 'year_to' is null
         or coalesce(p.start_on, p.end_on) <= make_date((a.f ->> 'year_to')::int, 12, 31))
    and (a.f ->> 'investment_min' is null or p.investment_clp >= (a.f ->> 'investment_min')::numeric)
    and (a.f ->> 'investment_max' is null or p.investment_clp <= (a.f ->> 'investment_max')::numeric)
    and (a.q is null or p.id in (
          select x.id from public.projects x
          where private.search_key(x.name) like '%' || private.search_key(a.q) || '%'
          union all
          select x.id from public.projects x where x.bip_code like a.q || '%'
          union all
          select pc.project_id from public.project_communes pc
          where pc.commune_code in (select private.communes_matching(a.q))))
    and (a.area is null
         or (a.f -> 'area' ->> 'kind' = 'circle'
             -- The box first (indexed), then the geodesic distance; a degree of longitude is
             -- cos(latitude) times a degree of latitude.
             and p.geom operator(extensions.&&) extensions.st_expand(a.area,
                   (a.f -> 'area' ->> 'radius_km')::double precision / (111.0 * cos(radians(extensions.st_y(a.area)))),
                   (a.f -> 'area' ->> 'radius_km')::double precision / 110.0)
             and extensions.st_dwithin(p.geom::extensions.geography, a.area::extensions.geography,
                   (a.f -> 'area' ->> 'radius_km')::double precision * 1000))
         or (a.f -> 'area' ->> 'kind' = 'polygon' and extensions.st_intersects(p.geom, a.area)))
    -- Delayed (public.is_delayed, spelled out so that only the works in progress or halted that
    -- are behind the curve even at 0 % look their latest report up).
    and (a.f ->> 'delayed' is null
         or (a.f ->> 'delayed')::boolean = (
              p.status in ('in_progress', 'halted')
              and public.planned_progress(p.start_on, p.end_on, a.today) - public.delay_threshold_points() > 0
              and not exists (
                select 1 from public.project_progress_latest l
                where l.project_id = p.id
                  and l.physical_progress >= public.planned_progress(p.start_on, p.end_on, a.today)
                                             - public.delay_threshold_points())))
$$;

comment on function public.filtered_projects(jsonb) is
  'Proyectos que cumplen el filtro del tablero (JSON RpcFilter); base de listas, agregados, mosaicos y exportaciones.';

revoke execute on function public.filtered_projects(jsonb) from public;
grant execute on function public.filtered_projects(jsonb) to anon, authenticated, service_role;
