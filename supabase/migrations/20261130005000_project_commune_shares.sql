-- The share of each comuna in a project it touches, so that roll-ups add up: a project's
-- investment and spending are split among its comunas by how much of its geometry lies in each
-- (length for lines, area for polygons; for points, the comuna containing each point), and a
-- region's total is the sum of its comunas'. Computed by the same set-based placement pass that
-- finds the comunas (20261124001300_projects.sql), which this migration replaces with a version
-- that also writes `share`; nothing else of it changes.
--
-- Measures are geodesic (geography): in degrees, a kilometre east–west is longer than one
-- north–south by 1/cos(latitude), which would favour the comunas an east–west stretch crosses.
-- Shares are exact to the boundary pieces' precision; every project's shares sum to 1.

alter table public.project_communes
  add column share double precision not null default 1,
  add constraint project_communes_share_between_0_and_1 check (share >= 0 and share <= 1);

comment on column public.project_communes.share is
  'Fracción del proyecto en la comuna (0–1; suma 1 por proyecto): largo para líneas, área para polígonos, la comuna que contiene cada punto.';

create or replace function private.place_staged_projects()
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

  -- Each comuna's weight is the measure of the geometry inside it (see the header); the pieces
  -- of one comuna partition it, so their measures add up. A point on a border counts once,
  -- split among the comunas that share it.
  with hits as (
    select c.id, p.commune_code, c.geom, p.geom as piece, extensions.st_dimension(c.geom) as dim
    from pg_temp.projects_to_place c
    join private.commune_pieces p on extensions.st_intersects(p.geom, c.geom)
  ),
  measured as (
    select h.id, h.commune_code,
      sum(case h.dim
        when 1 then extensions.st_length(extensions.st_intersection(h.piece, h.geom)::extensions.geography)
        when 2 then extensions.st_area(extensions.st_intersection(h.piece, h.geom)::extensions.geography)
      end) as weight
    from hits h
    where h.dim > 0
    group by h.id, h.commune_code
  ),
  point_hits as (
    select distinct h.id, pt.path, h.commune_code
    from hits h
    cross join lateral extensions.st_dump(h.geom) pt
    where h.dim = 0 and extensions.st_intersects(h.piece, pt.geom)
  ),
  point_split as (
    select ph.id, ph.commune_code, 1.0 / count(*) over (partition by ph.id, ph.path) as weight
    from point_hits ph
  ),
  point_weights as (
    select ps.id, ps.commune_code, sum(ps.weight)::double precision as weight
    from point_split ps
    group by ps.id, ps.commune_code
  ),
  weights as (
    select m.id, m.commune_code, m.weight from measured m
    union all
    select pw.id, pw.commune_code, pw.weight from point_weights pw
  )
  insert into public.project_communes (project_id, commune_code, share)
  select w.id, w.commune_code,
    -- A comuna a line or polygon only grazes (a shared vertex or edge) gets 0; a geometry with no
    -- length or area inside any comuna (possible only within the tolerance strip) splits equally.
    coalesce(w.weight / nullif(sum(w.weight) over (partition by w.id), 0),
             1.0 / count(*) over (partition by w.id))
  from weights w;

  -- Works in the tolerance strip (sea, simplified coast) or the undemarcated area: nearest comuna.
  insert into public.project_communes (project_id, commune_code, share)
  select c.id, (
    select p.commune_code from private.commune_pieces p
    order by p.geom operator(extensions.<->) c.geom
    limit 1
  ), 1
  from pg_temp.projects_to_place c
  where not exists (select 1 from public.project_communes pc where pc.project_id = c.id);
end;
$$;

revoke execute on function private.place_staged_projects() from public;

-- Projects placed before this migration get their shares now: re-place them all.
do $$
begin
  perform private.stage_projects_to_place();
  insert into pg_temp.projects_to_place (id, geom) select p.id, p.geom from public.projects p;
  if found then
    perform private.place_staged_projects();
  end if;
end;
$$;

-- The default stays only for the database owner's hand-made rows (no API role may write this
-- table): the placement pass always writes the computed share.
