-- A regional import rejects a row that names a comuna of another region, also when the row has a
-- geometry in the region (found by the attack audit, tests/integration/attacks.test.ts).
-- The app's validator already refuses such a row (commune_outside_region), but public.import_projects
-- is an API function anyone with a secretariat's session can call with rows of their own making:
-- import_staged_rows judged a row with a geometry by the geometry alone, so a secretariat of region
-- A could store a comuna of region B as the project's declared comuna (declared_commune_code, which
-- the quality flags and the comuna of a located-by-comuna project rest on). The row is now rejected
-- as outside_region, naming that comuna, exactly as one whose geometry reaches it.
--
-- A helper of its own, called between staging and judging by both entry points (the API's
-- private.import_projects and the CLI's transaction, scripts/lib/import/database.ts), so the
-- judging function itself is left as it is.

create function private.reject_declared_communes_outside(p_region text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- plpgsql, not sql: the staging table exists only in the importing session.
  update pg_temp.import_rows r set reason = 'outside_region', reason_detail = foreign_commune.code
  from (
    select x.row_number, min(u.code) as code
    from pg_temp.import_rows x cross join unnest(x.commune_codes) as u (code)
    join public.communes c on c.code = u.code
    where c.region_code <> p_region
    group by x.row_number
  ) foreign_commune
  where p_region is not null and r.row_number = foreign_commune.row_number and r.reason is null;
end;
$$;

revoke execute on function private.reject_declared_communes_outside(text) from public;

create or replace function private.import_projects(p_rows jsonb, p_commit boolean)
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
  perform private.reject_declared_communes_outside(region);
  return private.import_staged_rows(region, p_commit);
end;
$$;
