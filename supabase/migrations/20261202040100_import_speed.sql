-- The 100 000-row CSV import (issue 11: validated and committed in ≤ 60 s) spent most of its
-- time in the work every insert into projects pays, not in the import's own checks
-- (docs/BENCHMARKS.md, "Project import"). This migration makes that work cheaper without
-- changing what it writes; `npm run bench:import` puts the functions it replaces back (from the
-- earlier migrations) inside a rolled-back transaction to compare both in one run.

-- ── Audit trail: the same rows, without PostGIS's json cast ─────────────────────────────────────
-- to_jsonb(row) turns a geometry into GeoJSON through PostGIS's cast, which looks the CRS up
-- again for every value: ~0.1 ms per geometry, most of the audit's 35 s at 100 000 projects (two
-- geometries per project: geom and anchor_3857). ST_AsGeoJSON(g, 15, 2) gives the same jsonb
-- (15 digits, short CRS "EPSG:4326": compared equal over the sample) at a tenth of the cost.
-- The row is still written whole: the select list is built from the table's columns on each
-- statement, so a column added later is audited without touching this function.

-- The audited row's columns, geometries as GeoJSON, as a select list over a transition table.
create function private.audit_columns(relation oid)
returns text
language sql
stable
set search_path = ''
as $$
  select string_agg(
    case when a.atttypid = 'extensions.geometry'::regtype
      then format('extensions.st_asgeojson(%1$I, 15, 2)::jsonb as %1$I', a.attname)
      else format('%I', a.attname)
    end, ', ' order by a.attnum)
  from pg_catalog.pg_attribute a
  where a.attrelid = relation and a.attnum > 0 and not a.attisdropped;
$$;

revoke execute on function private.audit_columns(oid) from public;

create or replace function private.audit_statement()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- Transition tables are visible to EXECUTE (plpgsql registers them with SPI).
  columns text := private.audit_columns(tg_relid);
begin
  if tg_op = 'INSERT' then
    execute format(
      'insert into public.audit_log (table_name, record_id, action, actor, actor_role, new_row)
       select $1, n.id::text, $2, (select auth.uid()), (select private.audit_actor_role()), to_jsonb(n)
       from (select %s from new_rows) n', columns)
    using tg_table_name, tg_op;
  elsif tg_op = 'UPDATE' then
    execute format(
      'insert into public.audit_log (table_name, record_id, action, actor, actor_role, old_row, new_row)
       select $1, n.id::text, $2, (select auth.uid()), (select private.audit_actor_role()), to_jsonb(o), to_jsonb(n)
       from (select %1$s from new_rows) n join (select %1$s from old_rows) o on o.id = n.id', columns)
    using tg_table_name, tg_op;
  elsif tg_op = 'DELETE' then
    execute format(
      'insert into public.audit_log (table_name, record_id, action, actor, actor_role, old_row)
       select $1, o.id::text, $2, (select auth.uid()), (select private.audit_actor_role()), to_jsonb(o)
       from (select %s from old_rows) o', columns)
    using tg_table_name, tg_op;
  else
    insert into public.audit_log (table_name, action, actor, actor_role)
    values (tg_table_name, tg_op, (select auth.uid()), (select private.audit_actor_role()));
  end if;
  return null;
end;
$$;

-- ── "A point for a linear work": the name unaccented once, not twice ────────────────────────────
-- The partial index projects_point_for_linear_work_idx evaluates this for every point inserted
-- (~4 s at 100 000 rows when it unaccented the name twice). Same result, so the index stays valid.
create or replace function private.is_linear_work(name text)
returns boolean
language sql
immutable
parallel safe
strict
set search_path = ''
as $$
  select k.key ~ '\m(ruta|rutas|camino|caminos|carretera|autopista|avenida|costanera|by-?pass|ciclovia|tramo|canal|canales|colector|colectores|acueducto|cauce|cauces|defensas? fluvial(es)?)\M'
     and k.key !~ '\m(puente|puentes|paso superior|paso inferior|enlace|pasarela)\M'
  -- offset 0: without it the planner pulls the subquery up and calls search_key twice again.
  from (select private.search_key(name) as key offset 0) k
$$;

-- ── Comuna placement: a single point does not carry its comuna's piece through the pass ────────
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

  -- Each comuna's weight is the measure of the geometry inside it (see 20261130005000); the pieces
  -- of one comuna partition it, so their measures add up. A point on a border counts once, split
  -- among the comunas that share it. The join is not materialized: each branch below filters the
  -- staged projects by kind before joining, and no branch carries the pieces' geometry it does not
  -- measure (a single point, the usual import row, needs only which comunas it touches).
  with hits as not materialized (
    select c.id, p.commune_code, c.geom, p.geom as piece, extensions.geometrytype(c.geom) as kind
    from pg_temp.projects_to_place c
    join private.commune_pieces p on extensions.st_intersects(p.geom, c.geom)
  ),
  measured as (
    select h.id, h.commune_code,
      sum(case when h.kind in ('LINESTRING', 'MULTILINESTRING')
        then extensions.st_length(extensions.st_intersection(h.piece, h.geom)::extensions.geography)
        else extensions.st_area(extensions.st_intersection(h.piece, h.geom)::extensions.geography)
      end) as weight
    from hits h
    where h.kind in ('LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON')
    group by h.id, h.commune_code
  ),
  single_points as (
    select distinct h.id, h.commune_code from hits h where h.kind = 'POINT'
  ),
  multipoint_hits as (
    select distinct h.id, pt.path, h.commune_code
    from hits h
    cross join lateral extensions.st_dump(h.geom) pt
    where h.kind = 'MULTIPOINT' and extensions.st_intersects(h.piece, pt.geom)
  ),
  multipoint_split as (
    select ph.id, ph.commune_code, 1.0 / count(*) over (partition by ph.id, ph.path) as weight
    from multipoint_hits ph
  ),
  weights as (
    select m.id, m.commune_code, m.weight from measured m
    union all
    select sp.id, sp.commune_code, (1.0 / count(*) over (partition by sp.id))::double precision
    from single_points sp
    union all
    select ps.id, ps.commune_code, sum(ps.weight)::double precision
    from multipoint_split ps
    group by ps.id, ps.commune_code
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

