-- Every insert, update and delete (and truncate) on projects, agreements, commitments and
-- publications, with who, when, and the row before and after.
--
-- Written only by the security-definer triggers below, once per statement from its transition
-- tables, so a bulk load of 100 000 projects costs one set-based insert here. Only administrators
-- read it; nobody can change it: no role has write privileges, and a trigger refuses update,
-- delete and truncate even from the table's owner.

create table public.audit_log (
  id bigint generated always as identity primary key,
  table_name text not null,
  -- Null for TRUNCATE, which concerns the whole table.
  record_id text,
  action text not null,
  -- auth.uid() of the caller: null for the service role and database jobs.
  actor uuid,
  -- The API role of the request (anon, authenticated, service_role) or the database role.
  actor_role text not null,
  at timestamptz not null default now(),
  old_row jsonb,
  new_row jsonb,
  constraint audit_log_action_known check (action in ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
);

create index audit_log_record_idx on public.audit_log (table_name, record_id, at);
create index audit_log_at_idx on public.audit_log (at);
create index audit_log_actor_idx on public.audit_log (actor, at);

create function private.audit_actor_role()
returns text
language sql
stable
set search_path = ''
as $$
  -- current_user would name the trigger's definer; the session's SET ROLE names the caller.
  select coalesce(
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role',
    nullif(current_setting('role'), 'none'),
    session_user::text
  );
$$;

-- One function for all audited tables: plpgsql plans it per table, so `id` resolves in each.
create function private.audit_statement()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    insert into public.audit_log (table_name, record_id, action, actor, actor_role, new_row)
    select tg_table_name, n.id::text, tg_op, (select auth.uid()), (select private.audit_actor_role()), to_jsonb(n)
    from new_rows n;
  elsif tg_op = 'UPDATE' then
    insert into public.audit_log (table_name, record_id, action, actor, actor_role, old_row, new_row)
    select tg_table_name, n.id::text, tg_op, (select auth.uid()), (select private.audit_actor_role()), to_jsonb(o), to_jsonb(n)
    from new_rows n join old_rows o on o.id = n.id;
  elsif tg_op = 'DELETE' then
    insert into public.audit_log (table_name, record_id, action, actor, actor_role, old_row)
    select tg_table_name, o.id::text, tg_op, (select auth.uid()), (select private.audit_actor_role()), to_jsonb(o)
    from old_rows o;
  else
    insert into public.audit_log (table_name, action, actor, actor_role)
    values (tg_table_name, tg_op, (select auth.uid()), (select private.audit_actor_role()));
  end if;
  return null;
end;
$$;

-- Transition tables allow one event per trigger, hence four triggers per table.
do $$
declare
  audited text;
begin
  foreach audited in array array['projects', 'agreements', 'commitments', 'publications'] loop
    execute format('create trigger %1$s_audit_inserts after insert on public.%1$I
      referencing new table as new_rows for each statement execute function private.audit_statement()', audited);
    execute format('create trigger %1$s_audit_updates after update on public.%1$I
      referencing old table as old_rows new table as new_rows for each statement execute function private.audit_statement()', audited);
    execute format('create trigger %1$s_audit_deletes after delete on public.%1$I
      referencing old table as old_rows for each statement execute function private.audit_statement()', audited);
    execute format('create trigger %1$s_audit_truncates after truncate on public.%1$I
      for each statement execute function private.audit_statement()', audited);
  end loop;
end;
$$;

create function private.refuse_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception using
    errcode = 'insufficient_privilege',
    message = 'El registro de auditoría no se puede modificar ni borrar.';
end;
$$;

create trigger audit_log_is_append_only before update or delete on public.audit_log
  for each row execute function private.refuse_audit_change();
create trigger audit_log_cannot_be_truncated before truncate on public.audit_log
  for each statement execute function private.refuse_audit_change();

alter table public.audit_log enable row level security;

create policy "admins read the audit trail" on public.audit_log
  for select to authenticated
  using ((select private.my_role()) = 'admin');

revoke all on public.audit_log from anon, authenticated, service_role;
grant select on public.audit_log to authenticated, service_role;
