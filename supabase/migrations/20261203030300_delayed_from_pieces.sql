-- "Delayed" in the filter (`delayed: true`, the page's "atrasados") is read from the projects'
-- pieces instead of judged project by project. private.filtered_project_ids spelled public.is_delayed
-- out per project: two calls of public.planned_progress (its search_path pinned, so not inlined)
-- for each of the ~40 000 works in progress or halted at 100 000 projects: 2.2–3 s, and the page's
-- project list (`/?atrasado=1`, public.filtered_projects) hit the anonymous role's 3 s statement
-- timeout in the bench (docs/BENCHMARKS.md).
--
-- private.project_pieces (20261201070100) holds, per project and comuna, the first day the project
-- is behind its curve with its current data (`delayed_from`, kept by statement triggers); "delayed
-- today" is `delayed_from <= today` (pgTAP 22_project_rollup proves it for every day, curve and
-- status). Every project has at least one comuna, hence pieces (the placement assigns the nearest
-- comuna at worst). Read with the owner's rights, like every roll-up reader: the pieces hold
-- nothing a caller could not compute through RLS (20261201070100).

-- The ids of the projects delayed today.
create function private.delayed_project_ids()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select distinct x.project_id from private.project_pieces x
  where x.delayed_from <= (now() at time zone 'America/Santiago')::date
$$;

revoke execute on function private.delayed_project_ids() from public;
grant execute on function private.delayed_project_ids() to anon, authenticated, service_role;

-- The filter's matches (20261203030100), "delayed" from the pieces.
create or replace function private.filtered_project_ids(p_filter jsonb, p_box extensions.geometry default null)
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
    -- Delayed: the projects whose pieces say so (read once, by their index).
    and ($1 ->> 'delayed' is null
         or ($1 ->> 'delayed')::boolean = (p.id in (select private.delayed_project_ids())))
    -- Data-quality flags (`quality`: a list, any of them): the view's branches for other flags
    -- are gated off by a one-time filter, so only the flags asked for are computed.
    and (private.is_empty_list($1 -> 'quality') or p.id in (
          select f.project_id from public.project_quality_flags f
          where ($1 -> 'quality') ? f.flag::text))
  $sql$ using coalesce(p_filter, '{}'::jsonb), p_box;
end;
$fn$;

