-- The [west, south, east, north] box of regions, provinces and comunas came from the same
-- eight-line expression written three times; one immutable function now computes it, so the three
-- generated columns cannot drift apart. Postgres 15 cannot change a generated column's expression
-- in place (SET EXPRESSION arrives in 17), so each column is dropped and added again, recomputed
-- from the stored geometry.

create function private.bbox(geom extensions.geometry)
returns double precision[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select case when geom is null then null else array[
    extensions.st_xmin(geom::extensions.box3d), extensions.st_ymin(geom::extensions.box3d),
    extensions.st_xmax(geom::extensions.box3d), extensions.st_ymax(geom::extensions.box3d)
  ] end;
$$;

comment on function private.bbox(extensions.geometry) is
  'The [west, south, east, north] box of a geometry, for a map to fit the area without parsing it.';

do $$
declare
  territory text;
begin
  foreach territory in array array['regions', 'provinces', 'communes'] loop
    execute format('alter table public.%I drop column bbox', territory);
    execute format('alter table public.%I add column bbox double precision[]
      generated always as (private.bbox(geom)) stored', territory);
    execute format($c$comment on column public.%I.bbox is '[west, south, east, north] of geom'$c$, territory);
  end loop;
end;
$$;
