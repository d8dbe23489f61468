-- One number that changes whenever anything a dashboard shows may have changed: tiles and
-- aggregates are cached under it (HTTP ETags, the app's tile cache), so an unchanged tile or
-- summary is never recomputed and a changed one is never served stale.
--
-- A sequence, bumped by statement-level triggers: no row lock for concurrent writers to queue on,
-- one bump per statement however many rows it writes. A rolled-back write still bumps it, which
-- only costs a cache miss. Time matters too ("overdue", "delayed" move with the calendar), so
-- caches key on the date in Chile as well; `public.data_version()` does not include it.

create sequence private.data_version as bigint;

create function private.bump_data_version()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform nextval('private.data_version');
  return null;
end;
$$;

-- Security invoker: reading the counter needs only SELECT on the sequence, granted below.
create function public.data_version()
returns bigint
language sql
stable
set search_path = ''
as $$ select last_value from private.data_version $$;

comment on function public.data_version() is
  'Versión de los datos del tablero: cambia con cada escritura en las tablas que muestra.';

do $$
declare
  watched text;
begin
  foreach watched in array array[
    'projects', 'project_communes', 'project_themes', 'project_progress', 'mop_services', 'themes',
    'agreements', 'commitments', 'commitment_communes', 'commitment_projects',
    'information_flows', 'information_flow_recipients', 'publications', 'publication_communes',
    'publication_projects', 'publication_commitments', 'acknowledgements',
    'regions', 'provinces', 'communes'
  ] loop
    execute format('create trigger %1$s_bump_data_version
      after insert or update or delete or truncate on public.%1$I
      for each statement execute function private.bump_data_version()', watched);
  end loop;
end;
$$;

revoke execute on function private.bump_data_version() from public;
revoke all on sequence private.data_version from public, anon, authenticated;
grant select on sequence private.data_version to anon, authenticated, service_role;
revoke execute on function public.data_version() from public;
grant execute on function public.data_version() to anon, authenticated, service_role;
