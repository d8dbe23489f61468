-- Project import (issue 11): rows parsed and validated by the app (src/lib/import) are checked
-- here against what only the database knows — the territory, the caller's region, the projects
-- already stored — then classified as new, updated (matched by BIP code), unchanged or rejected,
-- and, when asked to commit, written in one transaction by two set-based statements, so the
-- placement triggers compute the comunas of 100 000 rows in one pass.
--
-- Secretariats cannot write projects through the table (its policies are admin-only); importing is
-- the one way they add or change projects, and only inside their region. That is why the public
-- entry point is security definer: it decides the caller's reach itself (admin: everywhere;
-- secretariat: its region; anyone else: refused) and never lets a row set authorship or timestamps.

-- ── Where the rows wait: one session-local table per call ──────────────────────────────────────
create function private.stage_import_rows()
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  if to_regclass('pg_temp.import_rows') is null then
    create temporary table import_rows (
      row_number integer primary key,
      bip_code text,
      name text not null,
      description text,
      service_code text not null,
      stage public.project_stage not null,
      status public.project_status not null,
      investment_clp bigint,
      start_on date,
      end_on date,
      -- GeoJSON geometry in EPSG:4326, or null when the row names its comunas instead.
      geometry jsonb,
      commune_codes text[] not null default '{}',
      geom extensions.geometry,
      match_id bigint,
      outcome text,
      reason text,
      reason_detail text
    ) on commit drop;
  else
    delete from pg_temp.import_rows;
  end if;
end;
$$;

-- Checks and classifies the staged rows (once per staging), and writes the accepted ones when p_commit. p_region
-- limits the import to one region (null: everywhere). Returns the counts and the first 1 000
-- rejections as {row, reason, detail}; the app words them (src/lib/i18n/areas/import.ts).
create function private.import_staged_rows(p_region text, p_commit boolean)
returns jsonb
language plpgsql
security definer
set search_path = ''
set jit = off
as $$
declare
  result jsonb;
begin
  update pg_temp.import_rows r set reason = 'unknown_commune', reason_detail = missing.code
  from (
    select r2.row_number, min(u.code) as code
    from pg_temp.import_rows r2 cross join unnest(r2.commune_codes) as u (code)
    where not exists (select 1 from public.communes c where c.code = u.code and c.geom is not null)
    group by r2.row_number
  ) missing
  where r.row_number = missing.row_number;

  update pg_temp.import_rows r set reason = 'no_location'
  where r.reason is null and r.geometry is null and cardinality(r.commune_codes) = 0;

  -- A row without geometry stands on its declared comunas: a point inside each.
  update pg_temp.import_rows r set geom = (
    select case when extensions.st_numgeometries(m.points) = 1 then extensions.st_geometryn(m.points, 1) else m.points end
    from (
      select extensions.st_collect(extensions.st_pointonsurface(c.geom) order by c.code) as points
      from public.communes c where c.code = any (r.commune_codes)
    ) m
  )
  where r.reason is null and r.geometry is null;

  update pg_temp.import_rows r set reason = 'geometry_kind', reason_detail = extensions.geometrytype(r.geom)
  where r.reason is null
    and (extensions.st_isempty(r.geom)
         or extensions.geometrytype(r.geom) not in
            ('POINT', 'LINESTRING', 'POLYGON', 'MULTIPOINT', 'MULTILINESTRING', 'MULTIPOLYGON'));

  update pg_temp.import_rows r set reason = 'geometry_invalid', reason_detail = (extensions.st_isvaliddetail(r.geom)).reason
  where r.reason is null and not extensions.st_isvalid(r.geom);

  -- The placement trigger's own test of "inside Chile", so a commit cannot fail on it.
  with uncovered as materialized (
    select r.row_number, r.geom from pg_temp.import_rows r
    where r.reason is null
      and not exists (select 1 from private.territory_pieces t where extensions.st_covers(t.geom, r.geom))
  ), outside as (
    select u.row_number from uncovered u
    cross join lateral (
      select extensions.st_union(t.geom) as geom from private.territory_pieces t
      where extensions.st_intersects(t.geom, u.geom)
    ) land
    where land.geom is null or not extensions.st_isempty(extensions.st_difference(u.geom, land.geom))
  )
  update pg_temp.import_rows r set reason = 'outside_chile'
  from outside o where r.row_number = o.row_number;

  -- The region the geometry reaches, as the placement trigger will compute it.
  if p_region is not null then
    with reached as (
      select r.row_number, p.commune_code
      from pg_temp.import_rows r join private.commune_pieces p on extensions.st_intersects(p.geom, r.geom)
      where r.reason is null
    ), nearest as (
      select r.row_number, (
        select p.commune_code from private.commune_pieces p
        order by p.geom operator(extensions.<->) r.geom limit 1
      ) as commune_code
      from pg_temp.import_rows r
      where r.reason is null and not exists (select 1 from reached x where x.row_number = r.row_number)
    ), foreign_commune as (
      select x.row_number, min(x.commune_code) as commune_code
      from (select * from reached union all select * from nearest) x
      where left(x.commune_code, 2) <> p_region
      group by x.row_number
    )
    update pg_temp.import_rows r set reason = 'outside_region', reason_detail = f.commune_code
    from foreign_commune f where r.row_number = f.row_number;
  end if;

  -- One row per project: a later row with the same BIP code (or, without one, the same service
  -- and name) is a duplicate of the first.
  update pg_temp.import_rows r set reason = 'duplicate_row', reason_detail = d.first_row::text
  from (
    select x.row_number, min(x.row_number) over (
      partition by coalesce(x.bip_code, x.service_code || '|' || lower(x.name))) as first_row
    from pg_temp.import_rows x
  ) d
  where r.row_number = d.row_number and d.first_row < r.row_number and r.reason is null;

  -- Matching: by BIP code; a row without one matches a project without one of the same service
  -- and name, so re-importing a file without BIP codes does not duplicate it.
  update pg_temp.import_rows r set match_id = p.id
  from public.projects p
  where r.bip_code is not null and p.bip_code = r.bip_code;
  update pg_temp.import_rows r set match_id = m.id
  from (
    select p.service_code, lower(p.name) as name, min(p.id) as id
    from public.projects p where p.bip_code is null group by 1, 2
  ) m
  where r.bip_code is null and m.service_code = r.service_code and m.name = lower(r.name);

  -- A regional import must not reach, through a match, a project of another region (nor learn its id).
  if p_region is not null then
    update pg_temp.import_rows r set reason = 'match_other_region'
    where r.reason is null and r.match_id is not null
      and exists (select 1 from public.project_communes pc where pc.project_id = r.match_id and pc.region_code <> p_region);
  end if;

  update pg_temp.import_rows r set outcome = case
      when r.reason is not null then 'rejected'
      when r.match_id is null then 'new'
      when exists (
        select 1 from public.projects p
        where p.id = r.match_id
          and p.bip_code is not distinct from r.bip_code and p.name = r.name
          and p.description is not distinct from r.description and p.service_code = r.service_code
          and p.stage = r.stage and p.status = r.status
          and p.investment_clp is not distinct from r.investment_clp
          and p.start_on is not distinct from r.start_on and p.end_on is not distinct from r.end_on
          and p.declared_commune_code is not distinct from r.commune_codes[1]
          and p.located_by_commune = (r.geometry is null)
          -- About a centimetre: a geometry that went out as GeoJSON and came back is the same.
          and extensions.st_orderingequals(extensions.st_snaptogrid(p.geom, 1e-7), extensions.st_snaptogrid(r.geom, 1e-7))
      ) then 'unchanged'
      else 'updated'
    end;

  -- Statement triggers fire even on no rows (data_version would move, caches would drop): only
  -- statements with something to write run.
  if p_commit and exists (select 1 from pg_temp.import_rows where outcome = 'updated') then
    update public.projects p set
      bip_code = r.bip_code, name = r.name, description = r.description, service_code = r.service_code,
      stage = r.stage, status = r.status, investment_clp = r.investment_clp,
      start_on = r.start_on, end_on = r.end_on, geom = r.geom,
      declared_commune_code = r.commune_codes[1], located_by_commune = r.geometry is null
    from pg_temp.import_rows r
    where r.outcome = 'updated' and p.id = r.match_id;
  end if;

  if p_commit and exists (select 1 from pg_temp.import_rows where outcome = 'new') then
    insert into public.projects (bip_code, name, description, service_code, stage, status, investment_clp,
                                 start_on, end_on, geom, declared_commune_code, located_by_commune)
    select r.bip_code, r.name, r.description, r.service_code, r.stage, r.status, r.investment_clp,
           r.start_on, r.end_on, r.geom, r.commune_codes[1], r.geometry is null
    from pg_temp.import_rows r
    where r.outcome = 'new'
    order by r.row_number;
  end if;

  select jsonb_build_object(
    'new', count(*) filter (where outcome = 'new'),
    'updated', count(*) filter (where outcome = 'updated'),
    'unchanged', count(*) filter (where outcome = 'unchanged'),
    'rejected', count(*) filter (where outcome = 'rejected'),
    'committed', p_commit,
    'rejections', coalesce((
      select jsonb_agg(jsonb_build_object('row', x.row_number, 'reason', x.reason, 'detail', x.reason_detail)
                       order by x.row_number)
      from (select * from pg_temp.import_rows where outcome = 'rejected' order by row_number limit 1000) x
    ), '[]'::jsonb)
  ) into result
  from pg_temp.import_rows;
  return result;
end;
$$;

-- Adds rows (the JSON shape of public.import_projects' p_rows) to the staged ones; the CLI sends
-- a 100 000-row file through it in batches, inside one transaction.
create function private.stage_import_batch(p_rows jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into pg_temp.import_rows (row_number, bip_code, name, description, service_code, stage, status,
                                   investment_clp, start_on, end_on, geometry, commune_codes, geom)
  select x.row_number, x.bip_code, x.name, x.description, x.service_code, x.stage, x.status,
         x.investment_clp, x.start_on, x.end_on, x.geometry, coalesce(x.commune_codes, '{}'),
         extensions.st_setsrid(extensions.st_geomfromgeojson(x.geometry), 4326)
  from jsonb_to_recordset(p_rows) as x (
    row_number integer, bip_code text, name text, description text, service_code text,
    stage public.project_stage, status public.project_status, investment_clp bigint,
    start_on date, end_on date, geometry jsonb, commune_codes text[]
  );
end;
$$;

revoke execute on function private.stage_import_rows(), private.stage_import_batch(jsonb),
  private.import_staged_rows(text, boolean) from public;

-- ── The caller's import ─────────────────────────────────────────────────────────────────────────
-- p_rows: [{row_number, bip_code, name, description, service_code, stage, status, investment_clp,
-- start_on, end_on, geometry, commune_codes}], already validated by src/lib/import. Without
-- p_commit nothing is written (the preview); with it, the accepted rows are written all together.
-- In `private` (not exposed by PostgREST) and reached through public.import_projects below.
create function private.import_projects(p_rows jsonb, p_commit boolean)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller_role public.app_role := (select private.my_role());
  region text;
begin
  if caller_role is distinct from 'admin' and caller_role is distinct from 'secretariat' then
    raise exception using
      errcode = 'insufficient_privilege',
      message = 'Solo la administración y las secretarías técnicas pueden importar proyectos.',
      detail = 'violates constraint "import_projects_caller"',
      constraint = 'import_projects_caller';
  end if;
  region := case when caller_role = 'secretariat' then (select private.my_secretariat_region()) end;
  if caller_role = 'secretariat' and region is null then
    raise exception using errcode = 'insufficient_privilege',
      message = 'Solo la administración y las secretarías técnicas pueden importar proyectos.',
      detail = 'violates constraint "import_projects_caller"', constraint = 'import_projects_caller';
  end if;
  if jsonb_typeof(p_rows) is distinct from 'array' then
    raise exception using errcode = 'invalid_parameter_value', message = 'p_rows must be a JSON array';
  end if;

  perform private.stage_import_rows();
  perform private.stage_import_batch(p_rows);
  return private.import_staged_rows(region, p_commit);
end;
$$;

revoke execute on function private.import_projects(jsonb, boolean) from public, anon;
grant execute on function private.import_projects(jsonb, boolean) to authenticated;

-- The API entry point runs as the caller (Supabase's linter refuses security definer functions
-- in exposed schemas); the private function above holds the privileges.
create function public.import_projects(p_rows jsonb, p_commit boolean default false)
returns jsonb
language sql
security invoker
set search_path = ''
as $$
  select private.import_projects(p_rows, p_commit);
$$;

comment on function public.import_projects(jsonb, boolean) is
  'Preview (p_commit false) or commit of a project import: admins everywhere, a secretariat in its region.';

revoke execute on function public.import_projects(jsonb, boolean) from public, anon;
grant execute on function public.import_projects(jsonb, boolean) to authenticated;
