-- MOP projects, their themes, and the comunas they touch.
--
-- The comunas (and through them provinces and regions) are never typed: `project_communes` is
-- written only by statement-level triggers that intersect each project's geometry with the comunas,
-- in one set-based pass per statement so that bulk loads (100 000 rows) stay fast. The same pass
-- refuses geometry that is empty, of another type, invalid, or outside Chile — with a message in
-- Spanish, before anything is written.
--
-- "Inside Chile" means: covered by land of a comuna or the undemarcated area, or within
-- `private.territory_tolerance_m()` (5 km) of it. The tolerance absorbs the boundary source's
-- simplification (about 2 km) and lets harbour works (breakwaters, piers) that reach into the sea
-- pass; it is small enough that a work in Argentina, Bolivia, Peru or far offshore is refused. A
-- project in that strip that touches no comuna is assigned to the nearest one.

create type public.project_stage as enum (
  'idea', 'perfil', 'prefactibilidad', 'factibilidad', 'diseno', 'ejecucion', 'operacion'
);
create type public.project_status as enum (
  'planificado', 'en_curso', 'paralizado', 'terminado', 'cancelado'
);

-- The MOP's executing services; a table rather than an enum because the list grows.
create table public.mop_services (
  code text primary key,
  name text not null unique,
  acronym text not null unique,
  constraint mop_services_code_format check (code ~ '^[a-z][a-z0-9_]*$')
);

insert into public.mop_services (code, name, acronym) values
  ('vialidad', 'Dirección de Vialidad', 'DV'),
  ('obras_hidraulicas', 'Dirección de Obras Hidráulicas', 'DOH'),
  ('obras_portuarias', 'Dirección de Obras Portuarias', 'DOP'),
  ('arquitectura', 'Dirección de Arquitectura', 'DA'),
  ('aeropuertos', 'Dirección de Aeropuertos', 'DAP'),
  ('concesiones', 'Dirección General de Concesiones', 'DGC'),
  ('agua_potable_rural', 'Subdirección de Servicios Sanitarios Rurales (Agua Potable Rural)', 'SSR'),
  ('planeamiento', 'Dirección de Planeamiento', 'DIRPLAN');

create table public.projects (
  id bigint generated always as identity primary key,
  service_code text not null references public.mop_services (code),
  -- Código BIP of the Banco Integrado de Proyectos (e.g. 30123456-0); not every project has one.
  bip_code text,
  name text not null,
  description text,
  stage public.project_stage not null,
  status public.project_status not null,
  investment_clp bigint,
  start_on date,
  end_on date,
  -- Any of Point, LineString, Polygon and their Multi* forms; GeoJSON without a CRS is read as
  -- 4326. Validity and being inside Chile are checked by the placement trigger below.
  geom extensions.geometry(Geometry, 4326) not null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint projects_bip_code_key unique (bip_code),
  constraint projects_bip_code_format check (bip_code ~ '^[0-9]{5,9}-[0-9kK]$'),
  constraint projects_name_not_blank check (length(trim(name)) > 0),
  constraint projects_investment_not_negative check (investment_clp >= 0),
  constraint projects_end_after_start check (end_on >= start_on)
);

create index projects_geom_idx on public.projects using gist (geom);
create index projects_service_code_idx on public.projects (service_code);

create trigger projects_touch_updated_at before update on public.projects
  for each row execute function private.touch_updated_at();

create table public.project_themes (
  project_id bigint not null references public.projects (id) on delete cascade,
  theme_code text not null references public.themes (code),
  primary key (project_id, theme_code)
);

create index project_themes_theme_code_idx on public.project_themes (theme_code);

create table public.project_communes (
  project_id bigint not null references public.projects (id) on delete cascade,
  commune_code text not null references public.communes (code),
  -- CUT codes nest (comuna 05101 → provincia 051 → región 05), so these follow from the comuna.
  province_code text not null generated always as (left(commune_code, 3)) stored,
  region_code text not null generated always as (left(commune_code, 2)) stored,
  primary key (project_id, commune_code)
);

create index project_communes_commune_code_idx on public.project_communes (commune_code);
create index project_communes_region_code_idx on public.project_communes (region_code, project_id);

-- Territory cut into small pieces (at most 256 vertices) so that the GiST index answers "which
-- comuna contains this point" with a cheap test instead of one against a 24 000-vertex polygon.
-- Derived from public.communes / public.undemarcated_areas by the triggers below; not exposed.
create function private.territory_tolerance_m()
returns double precision
language sql
immutable
set search_path = ''
as $$ select 5000::double precision $$;

create table private.commune_pieces (
  commune_code text not null,
  geom extensions.geometry(Polygon, 4326) not null
);
create index commune_pieces_geom_idx on private.commune_pieces using gist (geom);
create index commune_pieces_commune_code_idx on private.commune_pieces (commune_code);

-- The same land grown by the tolerance: what counts as "inside Chile". Buffering each piece
-- rather than whole comunas is ~25x faster and gives the same union.
create table private.territory_pieces (
  commune_code text,
  undemarcated_area_id smallint,
  geom extensions.geometry(Polygon, 4326) not null,
  constraint territory_pieces_one_source check ((commune_code is null) <> (undemarcated_area_id is null))
);
create index territory_pieces_geom_idx on private.territory_pieces using gist (geom);
create index territory_pieces_commune_code_idx on private.territory_pieces (commune_code);
create index territory_pieces_undemarcated_area_id_idx on private.territory_pieces (undemarcated_area_id);

revoke all on private.commune_pieces, private.territory_pieces from public, anon, authenticated;

-- Writes the pieces of the given land (a comuna or the undemarcated area).
create function private.cut_territory_pieces(
  land extensions.geometry, commune_code text, undemarcated_area_id smallint
)
returns void
language sql
security definer
set search_path = ''
as $$
  insert into private.commune_pieces (commune_code, geom)
  select cut_territory_pieces.commune_code, piece.geom
  from extensions.st_subdivide(land, 256) as piece (geom)
  where cut_territory_pieces.commune_code is not null;

  insert into private.territory_pieces (commune_code, undemarcated_area_id, geom)
  select cut_territory_pieces.commune_code, cut_territory_pieces.undemarcated_area_id, grown.geom
  from extensions.st_subdivide(land, 256) as piece (geom)
  cross join lateral extensions.st_dump(
    extensions.st_buffer(piece.geom::extensions.geography, private.territory_tolerance_m(), 'quad_segs=4')::extensions.geometry
  ) as grown
  where land is not null;
$$;

-- Where the triggers stage the rows to validate and place. A transition table is visible only to
-- the trigger function's own queries, not to functions it calls, hence this session-local copy.
create function private.stage_projects_to_place()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if to_regclass('pg_temp.projects_to_place') is null then
    create temporary table projects_to_place (
      id bigint primary key,
      geom extensions.geometry not null
    ) on commit drop;
  else
    delete from pg_temp.projects_to_place;
  end if;
end;
$$;

-- Validates and places the staged projects: every check finds the first offending row set-wise
-- and raises (so the whole statement writes nothing); then project_communes is rewritten for them.
create function private.place_staged_projects()
returns void
language plpgsql
security definer
set search_path = ''
-- JIT compilation costs more than it saves on these index-driven spatial joins.
set jit = off
as $$
declare
  offender record;
begin
  select c.id, extensions.geometrytype(c.geom) as kind, extensions.st_isempty(c.geom) as empty into offender
  from pg_temp.projects_to_place c
  where extensions.st_isempty(c.geom)
     or extensions.geometrytype(c.geom) not in
        ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON')
  limit 1;
  if found then
    raise exception using
      errcode = 'check_violation',
      message = format(
        'La geometría del proyecto debe ser un punto, una línea o un polígono (o sus variantes múltiples) y no estar vacía; se recibió %s.',
        case when offender.empty then 'una geometría vacía' else offender.kind end),
      hint = 'Use Point, LineString, Polygon, MultiPoint, MultiLineString o MultiPolygon en EPSG:4326.',
      constraint = 'projects_geom_kind';
  end if;

  select c.id, d.reason, extensions.st_astext(d.location) as location into offender
  from pg_temp.projects_to_place c cross join lateral extensions.st_isvaliddetail(c.geom) d
  where not d.valid
  limit 1;
  if found then
    raise exception using
      errcode = 'check_violation',
      message = format('La geometría del proyecto no es válida: %s%s.', offender.reason,
        coalesce(' en ' || offender.location, '')),
      hint = 'Corrija la geometría (por ejemplo, que sus bordes no se crucen) antes de guardarla.',
      constraint = 'projects_geom_valid';
  end if;

  -- Most geometries lie within one piece; only the rest pay for the union of their pieces
  -- (materialized, or the planner computes the unions first).
  with uncovered as materialized (
    select c.id, c.geom from pg_temp.projects_to_place c
    where not exists (select 1 from private.territory_pieces t where extensions.st_covers(t.geom, c.geom))
  )
  select c.id, extensions.st_astext(extensions.st_pointonsurface(outside.geom), 4) as location into offender
  from uncovered c
  cross join lateral (
    select extensions.st_union(t.geom) as geom from private.territory_pieces t
    where extensions.st_intersects(t.geom, c.geom)
  ) land
  cross join lateral (
    select coalesce(extensions.st_difference(c.geom, land.geom), c.geom) as geom
  ) outside
  where not extensions.st_isempty(outside.geom)
  limit 1;
  if found then
    raise exception using
      errcode = 'check_violation',
      message = 'La geometría del proyecto está fuera de Chile.',
      detail = format('Al menos una parte queda a más de %s km del territorio nacional (por ejemplo, %s).',
        private.territory_tolerance_m() / 1000, offender.location),
      hint = 'Las coordenadas van en orden longitud, latitud (EPSG:4326); revise que no estén invertidas.',
      constraint = 'projects_geom_inside_chile';
  end if;

  delete from public.project_communes pc using pg_temp.projects_to_place c where pc.project_id = c.id;

  insert into public.project_communes (project_id, commune_code)
  select distinct c.id, p.commune_code
  from pg_temp.projects_to_place c
  join private.commune_pieces p on extensions.st_intersects(p.geom, c.geom);

  -- Works in the tolerance strip (sea, simplified coast) or the undemarcated area: nearest comuna.
  insert into public.project_communes (project_id, commune_code)
  select c.id, (
    select p.commune_code from private.commune_pieces p
    order by p.geom operator(extensions.<->) c.geom
    limit 1
  )
  from pg_temp.projects_to_place c
  where not exists (select 1 from public.project_communes pc where pc.project_id = c.id);
end;
$$;

create function private.place_inserted_projects()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.stage_projects_to_place();
  insert into pg_temp.projects_to_place (id, geom) select n.id, n.geom from new_projects n;
  perform private.place_staged_projects();
  return null;
end;
$$;

-- Transition tables cannot be combined with `update of geom`, so only the rows whose geometry
-- really changed are staged.
create function private.place_updated_projects()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.stage_projects_to_place();
  insert into pg_temp.projects_to_place (id, geom)
  select n.id, n.geom from new_projects n join old_projects o on o.id = n.id
  where not (n.geom operator(extensions.=) o.geom);
  if found then
    perform private.place_staged_projects();
  end if;
  return null;
end;
$$;

create trigger projects_place_inserted after insert on public.projects
  referencing new table as new_projects
  for each statement execute function private.place_inserted_projects();

create trigger projects_place_updated after update on public.projects
  referencing old table as old_projects new table as new_projects
  for each statement execute function private.place_updated_projects();

-- When boundaries are (re)loaded, the pieces follow, and so do the projects they concern.
create function private.recut_communes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  codes text[];
begin
  if tg_op = 'TRUNCATE' then
    delete from private.commune_pieces;
    delete from private.territory_pieces where commune_code is not null;
    return null;
  elsif tg_op = 'INSERT' then
    select array_agg(n.code) into codes from new_communes n where n.geom is not null;
  elsif tg_op = 'UPDATE' then
    -- Renaming a comuna must not cost a re-cut: only changed boundaries count.
    select array_agg(n.code) into codes
    from new_communes n join old_communes o on o.code = n.code
    where not coalesce(n.geom operator(extensions.=) o.geom, false);
  else
    select array_agg(o.code) into codes from old_communes o;
  end if;
  if codes is null then
    return null;
  end if;

  delete from private.commune_pieces where commune_code = any (codes);
  delete from private.territory_pieces where commune_code = any (codes);
  if tg_op <> 'DELETE' then
    perform private.cut_territory_pieces(c.geom, c.code, null)
    from new_communes c where c.code = any (codes);
  end if;

  -- Re-place the projects these comunas held or now reach.
  perform private.stage_projects_to_place();
  insert into pg_temp.projects_to_place (id, geom)
  select p.id, p.geom from public.projects p
  where p.id in (
    select pc.project_id from public.project_communes pc where pc.commune_code = any (codes)
    union
    select reached.id from private.commune_pieces cp
    join public.projects reached on extensions.st_intersects(cp.geom, reached.geom)
    where cp.commune_code = any (codes)
  );
  if found then
    perform private.place_staged_projects();
  end if;
  return null;
end;
$$;

create trigger communes_recut_inserted after insert on public.communes
  referencing new table as new_communes
  for each statement execute function private.recut_communes();
create trigger communes_recut_updated after update on public.communes
  referencing old table as old_communes new table as new_communes
  for each statement execute function private.recut_communes();
create trigger communes_recut_deleted after delete on public.communes
  referencing old table as old_communes
  for each statement execute function private.recut_communes();
create trigger communes_recut_truncated after truncate on public.communes
  for each statement execute function private.recut_communes();

create function private.recut_undemarcated_areas()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'TRUNCATE' then
    delete from private.territory_pieces where undemarcated_area_id is not null;
  elsif tg_op = 'DELETE' then
    delete from private.territory_pieces where undemarcated_area_id in (select o.id from old_areas o);
  elsif tg_op = 'INSERT' then
    perform private.cut_territory_pieces(n.geom, null, n.id) from new_areas n;
  else
    -- Renaming the area must not cost a re-cut: only a changed boundary counts.
    delete from private.territory_pieces t
    using new_areas n join old_areas o on o.id = n.id
    where t.undemarcated_area_id = n.id and not (o.geom operator(extensions.=) n.geom);
    perform private.cut_territory_pieces(n.geom, null, n.id)
    from new_areas n join old_areas o on o.id = n.id
    where not (o.geom operator(extensions.=) n.geom);
  end if;
  return null;
end;
$$;

create trigger undemarcated_areas_recut_inserted after insert on public.undemarcated_areas
  referencing new table as new_areas
  for each statement execute function private.recut_undemarcated_areas();
create trigger undemarcated_areas_recut_updated after update on public.undemarcated_areas
  referencing old table as old_areas new table as new_areas
  for each statement execute function private.recut_undemarcated_areas();
create trigger undemarcated_areas_recut_deleted after delete on public.undemarcated_areas
  referencing old table as old_areas
  for each statement execute function private.recut_undemarcated_areas();
create trigger undemarcated_areas_recut_truncated after truncate on public.undemarcated_areas
  for each statement execute function private.recut_undemarcated_areas();

-- The territory may already be loaded (migrations also run on an existing database).
select private.cut_territory_pieces(c.geom, c.code, null) from public.communes c where c.geom is not null;
select private.cut_territory_pieces(a.geom, null, a.id) from public.undemarcated_areas a;

revoke execute on function
  private.cut_territory_pieces(extensions.geometry, text, smallint),
  private.stage_projects_to_place(),
  private.place_staged_projects()
from public;

-- Project ids touching the caller's region, for the policies of projects and their child tables.
-- Security definer: project_communes' own policy depends on projects, which would recurse.
create function private.my_region_project_ids()
returns setof bigint
language sql
stable
security definer
set search_path = ''
as $$
  select pc.project_id from public.project_communes pc
  where pc.region_code = (select m.region_code from public.memberships m where m.user_id = (select auth.uid()));
$$;

revoke execute on function private.my_region_project_ids() from public;
grant execute on function private.my_region_project_ids() to authenticated, service_role;

alter table public.mop_services enable row level security;
alter table public.projects enable row level security;
alter table public.project_themes enable row level security;
alter table public.project_communes enable row level security;

create policy "reference data is public" on public.mop_services
  for select to anon, authenticated using (true);
create policy "admins manage MOP services" on public.mop_services
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "admins and planners read every project" on public.projects
  for select to authenticated
  using ((select private.my_role()) in ('admin', 'planner'));
create policy "regional roles read projects touching their region" on public.projects
  for select to authenticated
  using (
    (select private.my_role()) in ('gore', 'secretariat')
    and id in (select private.my_region_project_ids())
  );
create policy "admins add projects" on public.projects
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');
create policy "admins change projects" on public.projects
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');
create policy "admins delete projects" on public.projects
  for delete to authenticated
  using ((select private.my_role()) = 'admin');

-- Child rows are visible exactly when their project is (the subquery runs under projects' RLS).
create policy "project themes follow their project" on public.project_themes
  for select to authenticated
  using (project_id in (select p.id from public.projects p));
create policy "admins classify projects" on public.project_themes
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "project comunas follow their project" on public.project_communes
  for select to authenticated
  using (project_id in (select p.id from public.projects p));

revoke all on public.mop_services, public.projects, public.project_themes, public.project_communes
  from anon, authenticated;
revoke all on public.project_communes from service_role;
grant select on public.mop_services to anon, authenticated;
grant select, insert, update, delete on public.mop_services, public.projects, public.project_themes
  to authenticated;
-- Written only by the placement trigger: nobody, not even the service role, types comunas in.
grant select on public.project_communes to authenticated, service_role;
grant all on public.mop_services, public.projects, public.project_themes to service_role;
