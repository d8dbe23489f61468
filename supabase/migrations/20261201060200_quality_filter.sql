-- The dashboard filter learns `quality` (a list of data-quality flags: projects with any of them),
-- so that the dashboard, lists, tiles and exports can be narrowed to flagged projects.

create or replace function private.filtered_project_ids(p_filter jsonb)
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
    -- Data-quality flags (`quality`: a list, any of them): the view's branches for other flags
    -- are gated off by a one-time filter, so only the flags asked for are computed.
    and (private.is_empty_list($1 -> 'quality') or p.id in (
          select f.project_id from public.project_quality_flags f
          where ($1 -> 'quality') ? f.flag::text))
  $sql$ using coalesce(p_filter, '{}'::jsonb);
end;
$fn$;

grant execute on function private.filtered_project_ids(jsonb) to anon, authenticated, service_role;
