-- Chile's political-administrative division (CUT codes): 16 regiones, 56 provincias, 346 comunas.
-- Rows are loaded by the data pipeline (`npm run data`), not by migrations: the geometry is a build
-- artefact of an external source, while the schema and its rules live here.

create table public.regions (
  code text primary key check (code ~ '^[0-9]{2}$'),
  name text not null check (length(trim(name)) > 0),
  roman text not null check (roman ~ '^([IVX]+|RM)$'),
  geom extensions.geometry(MultiPolygon, 4326) check (geom is null or extensions.st_isvalid(geom)),
  centroid extensions.geometry(Point, 4326)
    generated always as (extensions.st_centroid(geom)) stored,
  -- [west, south, east, north]: what a map needs to fit the area, without parsing geometry.
  bbox double precision[] generated always as (
    case when geom is null then null else array[
      extensions.st_xmin(geom::extensions.box3d), extensions.st_ymin(geom::extensions.box3d),
      extensions.st_xmax(geom::extensions.box3d), extensions.st_ymax(geom::extensions.box3d)
    ] end
  ) stored
);

create table public.provinces (
  code text primary key check (code ~ '^[0-9]{3}$'),
  region_code text not null references public.regions (code),
  name text not null check (length(trim(name)) > 0),
  geom extensions.geometry(MultiPolygon, 4326) check (geom is null or extensions.st_isvalid(geom)),
  centroid extensions.geometry(Point, 4326)
    generated always as (extensions.st_centroid(geom)) stored,
  bbox double precision[] generated always as (
    case when geom is null then null else array[
      extensions.st_xmin(geom::extensions.box3d), extensions.st_ymin(geom::extensions.box3d),
      extensions.st_xmax(geom::extensions.box3d), extensions.st_ymax(geom::extensions.box3d)
    ] end
  ) stored,
  constraint provinces_code_in_region check (left(code, 2) = region_code)
);

create table public.communes (
  code text primary key check (code ~ '^[0-9]{5}$'),
  province_code text not null references public.provinces (code),
  region_code text not null references public.regions (code),
  name text not null check (length(trim(name)) > 0),
  -- Nullable on purpose: Antártica (12202) is a comuna with no polygon in the boundary source.
  geom extensions.geometry(MultiPolygon, 4326) check (geom is null or extensions.st_isvalid(geom)),
  centroid extensions.geometry(Point, 4326)
    generated always as (extensions.st_centroid(geom)) stored,
  bbox double precision[] generated always as (
    case when geom is null then null else array[
      extensions.st_xmin(geom::extensions.box3d), extensions.st_ymin(geom::extensions.box3d),
      extensions.st_xmax(geom::extensions.box3d), extensions.st_ymax(geom::extensions.box3d)
    ] end
  ) stored,
  constraint communes_code_in_province check (left(code, 3) = province_code),
  constraint communes_code_in_region check (left(code, 2) = region_code)
);

create index provinces_region_code_idx on public.provinces (region_code);
create index communes_province_code_idx on public.communes (province_code);
create index communes_region_code_idx on public.communes (region_code);
create index communes_geom_idx on public.communes using gist (geom);
create index provinces_geom_idx on public.provinces using gist (geom);
create index regions_geom_idx on public.regions using gist (geom);

-- Land that the boundary source leaves outside every comuna (the undemarcated part of the Southern
-- Patagonian Ice Field). It is not a comuna and has no CUT code, so it is kept apart.
create table public.undemarcated_areas (
  id smallint generated always as identity primary key,
  name text not null unique,
  geom extensions.geometry(MultiPolygon, 4326) not null check (extensions.st_isvalid(geom))
);

alter table public.regions enable row level security;
alter table public.provinces enable row level security;
alter table public.communes enable row level security;
alter table public.undemarcated_areas enable row level security;

create policy "territory is public" on public.regions for select to anon, authenticated using (true);
create policy "territory is public" on public.provinces for select to anon, authenticated using (true);
create policy "territory is public" on public.communes for select to anon, authenticated using (true);
create policy "territory is public" on public.undemarcated_areas for select to anon, authenticated using (true);

-- Hosted Supabase grants every privilege on new public tables to anon and authenticated by default;
-- territory is reference data, so only reading is granted back.
revoke all on public.regions, public.provinces, public.communes, public.undemarcated_areas
  from anon, authenticated;
grant select on public.regions, public.provinces, public.communes, public.undemarcated_areas
  to anon, authenticated;
grant all on public.regions, public.provinces, public.communes, public.undemarcated_areas
  to service_role;

-- The comuna containing a WGS84 point; empty outside Chile's comunas (sea, neighbouring countries).
create function public.commune_at(lon double precision, lat double precision)
returns table (code text, name text, province_code text, region_code text)
language sql
stable
security invoker
set search_path = ''
as $$
  select c.code, c.name, c.province_code, c.region_code
  from public.communes c
  where extensions.st_intersects(
    c.geom, extensions.st_setsrid(extensions.st_makepoint(lon, lat), 4326)
  )
  order by c.code
  limit 1;
$$;

revoke execute on function public.commune_at(double precision, double precision) from public;
grant execute on function public.commune_at(double precision, double precision)
  to anon, authenticated, service_role;
