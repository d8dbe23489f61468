-- Data integrity rules the database owns, whatever a client sends (issue 8 §1):
--
--   1. References stay inside the caller's scope: a publication delivers only a flow of its own
--      region that the caller can read, and an acknowledgement names only a publication the
--      caller can read. A refused reference gets the same error whether the row does not exist,
--      is hidden from the caller or is out of scope, so errors reveal nothing the caller cannot
--      read. (With the flow in the publication's region, the one-delivery-per-period index can
--      only collide with publications of that region, which their editors read.)
--   2. Who and when are the database's: author_id, user_id, created_at and acknowledged_at are set
--      on insert and cannot be changed; a publication's published_at is the server's time when it
--      became public (it may be scheduled in the future, never backdated) and is fixed from then on,
--      as are the flow and period it delivered.
--   3. Statuses move one way: publications draft → scheduled → published → archived (scheduled →
--      draft only while still in the future; archived only once public); commitments pending →
--      in progress → fulfilled, or cancelled before fulfilment; PMG evaluations draft → submitted →
--      final.
--
-- The rules bind the API roles (anon, authenticated) — administrators included. The service role
-- and the database owner (imports, the sample data, server jobs) are trusted with history, as RLS
-- does not bind them either. The trigger functions are security invoker, so `current_user` is the
-- caller and their reads go through the caller's RLS (that is what "readable" means above).
--
-- Errors carry stable SQLSTATEs and constraint names, which the app maps to messages; the name is
-- also in the error's detail (`violates constraint "…"`), since PostgREST passes message, details
-- and hint but not the constraint field:
--   42501 constraint <table>_created_at_fixed, constraint publications_author_is_caller,
--         constraint publications_author_fixed, constraint acknowledgements_user_is_caller,
--         constraint acknowledgements_receipt_fixed
--   23503 constraint publications_flow_in_region
--   23514 constraint acknowledgements_publication_public, constraint acknowledgements_institution_is_recipient,
--         constraint publications_status_moves_forward,
--         constraint publications_scheduled_in_future, constraint publications_published_at_fixed,
--         constraint publications_delivery_fixed,
--         constraint commitments_status_moves_forward, constraint pmg_evaluations_status_moves_forward
--
-- Statuses are checked set-based, once per statement from its transition tables. Stamping who and
-- when must change the row, and the scope checks must run before the foreign key's own check (or a
-- missing row would answer 23503 and a hidden one something else): those are BEFORE ROW triggers,
-- a few index lookups per row.

create function private.is_api_request()
returns boolean
language sql
stable
set search_path = ''
as $$
  select current_user in ('anon', 'authenticated');
$$;

-- ── Creation time: stamped on insert, fixed afterwards ──────────────────────────────────────────
create function private.stamp_created_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() then
    -- Keys a table lacks (memberships has no updated_at) are ignored.
    new := jsonb_populate_record(new, jsonb_build_object('created_at', now(), 'updated_at', now()));
  end if;
  return new;
end;
$$;

create function private.keep_created_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() and new.created_at is distinct from old.created_at then
    raise exception using
      errcode = 'insufficient_privilege',
      message = 'La fecha de creación la registra la base de datos y no se puede cambiar.',
      detail = format('violates constraint "%s"', tg_table_name || '_created_at_fixed'),
      constraint = tg_table_name || '_created_at_fixed';
  end if;
  return new;
end;
$$;

do $$
declare
  stamped text;
begin
  foreach stamped in array array['institutions', 'memberships', 'projects', 'agreements', 'commitments',
                                  'information_flows', 'publications', 'pmg_evaluations'] loop
    execute format('create trigger %1$s_stamp_created_at before insert on public.%1$I
      for each row execute function private.stamp_created_at()', stamped);
    execute format('create trigger %1$s_keep_created_at before update of created_at on public.%1$I
      for each row execute function private.keep_created_at()', stamped);
  end loop;
end;
$$;

-- ── Publications: author, publication time, flow in scope ───────────────────────────────────────
create function private.guard_publication()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_request() then
    return new;
  end if;

  if tg_op = 'INSERT' and new.author_id is distinct from (select auth.uid()) then
    raise exception using
      errcode = 'insufficient_privilege',
      message = 'Una publicación queda a nombre de quien la crea.',
      detail = 'violates constraint "publications_author_is_caller"',
      constraint = 'publications_author_is_caller';
  elsif tg_op = 'UPDATE' and new.author_id is distinct from old.author_id then
    raise exception using
      errcode = 'insufficient_privilege',
      message = 'El autor de una publicación no se puede cambiar.',
      detail = 'violates constraint "publications_author_fixed"',
      constraint = 'publications_author_fixed';
  end if;

  -- Becoming public now: the server's clock says when, not the client.
  if new.status = 'published'
     and (tg_op = 'INSERT' or (old.status in ('draft', 'scheduled')
                               and not private.publication_is_public(old.status, old.published_at))) then
    new.published_at := now();
  end if;

  -- Read under the caller's RLS: a flow it cannot read is treated as one that does not exist.
  if new.flow_id is not null
     and (tg_op = 'INSERT' or new.flow_id is distinct from old.flow_id or new.region_code is distinct from old.region_code)
     and not exists (
       select 1 from public.information_flows f
       where f.id = new.flow_id and f.region_code is not distinct from new.region_code
     ) then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'La publicación solo puede entregar un flujo de información de su misma región.',
      detail = 'violates constraint "publications_flow_in_region"',
      constraint = 'publications_flow_in_region';
  end if;
  return new;
end;
$$;

create trigger publications_guard before insert or update on public.publications
  for each row execute function private.guard_publication();

-- Which status change a row makes, judged against its old row (null for an insert); null if allowed.
create function private.publication_transition_error(
  old_status public.publication_status, old_published_at timestamptz,
  new_status public.publication_status, new_published_at timestamptz
)
returns text
language sql
stable
set search_path = ''
as $$
  select case
    -- Never public yet: a draft, or scheduled for the future (or a new row).
    when old_status is null or old_status = 'draft'
         or (old_status = 'scheduled' and not private.publication_is_public(old_status, old_published_at)) then
      case
        when new_status = 'archived' then 'publications_status_moves_forward'
        when new_status = 'scheduled' and not new_published_at > now() then 'publications_scheduled_in_future'
      end
    -- Public, or archived after being public: forward only, and published_at stays.
    when (old_status = 'archived' and new_status <> 'archived')
         or (old_status = 'published' and new_status in ('draft', 'scheduled'))
         or (old_status = 'scheduled' and new_status = 'draft') then 'publications_status_moves_forward'
    when new_published_at is distinct from old_published_at then 'publications_published_at_fixed'
  end;
$$;

create function private.check_publication_transitions()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  violated text;
begin
  if not private.is_api_request() then
    return null;
  end if;
  if tg_op = 'INSERT' then
    select private.publication_transition_error(null, null, n.status, n.published_at) into violated
    from new_rows n
    where private.publication_transition_error(null, null, n.status, n.published_at) is not null
    limit 1;
  else
    select private.publication_transition_error(o.status, o.published_at, n.status, n.published_at) into violated
    from new_rows n join old_rows o on o.id = n.id
    where private.publication_transition_error(o.status, o.published_at, n.status, n.published_at) is not null
    limit 1;
    -- Which period a delivery delivered is part of its punctuality: fixed once it has been public
    -- (moving a late delivery to a later period would report it on time). Deleting the flow
    -- detaches its deliveries (on delete set null): that is not a correction.
    if violated is null then
      select 'publications_delivery_fixed' into violated
      from new_rows n join old_rows o on o.id = n.id
      where (o.status = 'archived' or private.publication_is_public(o.status, o.published_at))
        and (n.flow_id, n.due_on) is distinct from (o.flow_id, o.due_on)
        and not (n.flow_id is null and not exists (select 1 from public.information_flows f where f.id = o.flow_id))
      limit 1;
    end if;
  end if;
  if violated is not null then
    raise exception using
      errcode = 'check_violation',
      message = case violated
        when 'publications_scheduled_in_future' then 'Una publicación solo se puede programar para una fecha futura.'
        when 'publications_published_at_fixed' then 'La fecha de publicación de lo que ya fue público no se puede cambiar.'
        when 'publications_delivery_fixed' then 'El flujo y el período que entregó una publicación ya pública no se pueden cambiar.'
        else 'El estado de una publicación solo avanza (borrador → programada → publicada → archivada); lo que ya fue público no vuelve atrás.'
      end,
      detail = format('violates constraint "%s"', violated),
      constraint = violated;
  end if;
  return null;
end;
$$;

create trigger publications_check_inserted_transitions after insert on public.publications
  referencing new table as new_rows
  for each statement execute function private.check_publication_transitions();
create trigger publications_check_updated_transitions after update on public.publications
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.check_publication_transitions();

-- ── Acknowledgements: by the caller, now, of a publication it can read; then fixed ──────────────
-- Named to fire before acknowledgements_check (BEFORE ROW triggers fire in name order), whose
-- security-definer reads would otherwise tell a draft from a missing publication.
create function private.guard_acknowledgement()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if not private.is_api_request() then
    return new;
  end if;
  if tg_op = 'UPDATE' then
    if (new.publication_id, new.institution_id, new.user_id, new.acknowledged_at)
       is distinct from (old.publication_id, old.institution_id, old.user_id, old.acknowledged_at) then
      raise exception using
        errcode = 'insufficient_privilege',
        message = 'Un acuse de recibo no se puede modificar.',
        detail = 'violates constraint "acknowledgements_receipt_fixed"',
        constraint = 'acknowledgements_receipt_fixed';
    end if;
    return new;
  end if;

  if new.user_id is distinct from (select auth.uid()) then
    raise exception using
      errcode = 'insufficient_privilege',
      message = 'Un acuse de recibo queda a nombre de quien lo registra.',
      detail = 'violates constraint "acknowledgements_user_is_caller"',
      constraint = 'acknowledgements_user_is_caller';
  end if;
  new.acknowledged_at := now();
  if not exists (select 1 from public.publications p where p.id = new.publication_id) then
    raise exception using
      errcode = 'check_violation',
      message = 'Solo se puede acusar recibo de una publicación ya publicada.',
      detail = 'violates constraint "acknowledgements_publication_public"',
      constraint = 'acknowledgements_publication_public';
  end if;
  return new;
end;
$$;

create trigger acknowledgements_caller_guard before insert or update on public.acknowledgements
  for each row execute function private.guard_acknowledgement();

-- The existing receipt check answers with the same detail, so that a public publication refused
-- here and a hidden one refused above look alike.
create or replace function private.check_acknowledgement()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  publication record;
begin
  select p.status, p.published_at, p.flow_id into publication
  from public.publications p where p.id = new.publication_id;
  if not private.publication_is_public(publication.status, publication.published_at) then
    raise exception using
      errcode = 'check_violation',
      message = 'Solo se puede acusar recibo de una publicación ya publicada.',
      detail = 'violates constraint "acknowledgements_publication_public"',
      constraint = 'acknowledgements_publication_public';
  end if;
  if not exists (
    select 1 from public.information_flow_recipients r
    where r.flow_id = publication.flow_id and r.institution_id = new.institution_id
  ) then
    raise exception using
      errcode = 'check_violation',
      message = 'La institución no es destinataria del flujo de información que entrega esta publicación.',
      detail = 'violates constraint "acknowledgements_institution_is_recipient"',
      constraint = 'acknowledgements_institution_is_recipient';
  end if;
  return new;
end;
$$;

-- ── Commitments and PMG evaluations: statuses forward only ──────────────────────────────────────
create function private.check_commitment_transitions()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() and exists (
    select 1 from new_rows n join old_rows o on o.id = n.id
    where n.status <> o.status
      and not (o.status = 'pending' and n.status in ('in_progress', 'fulfilled', 'cancelled'))
      and not (o.status = 'in_progress' and n.status in ('fulfilled', 'cancelled'))
  ) then
    raise exception using
      errcode = 'check_violation',
      message = 'El estado de un compromiso solo avanza (pendiente → en curso → cumplido, o cancelado antes de cumplirse).',
      detail = 'violates constraint "commitments_status_moves_forward"',
      constraint = 'commitments_status_moves_forward';
  end if;
  return null;
end;
$$;

create trigger commitments_check_transitions after update on public.commitments
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.check_commitment_transitions();

create function private.check_pmg_evaluation_transitions()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() and exists (
    select 1 from new_rows n join old_rows o on o.id = n.id
    -- The enum's order is the workflow's: draft < submitted < final.
    where n.status < o.status
  ) then
    raise exception using
      errcode = 'check_violation',
      message = 'El estado de una evaluación PMG solo avanza (borrador → enviada → final).',
      detail = 'violates constraint "pmg_evaluations_status_moves_forward"',
      constraint = 'pmg_evaluations_status_moves_forward';
  end if;
  return null;
end;
$$;

create trigger pmg_evaluations_check_transitions after update on public.pmg_evaluations
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.check_pmg_evaluation_transitions();

revoke execute on function private.is_api_request(), private.stamp_created_at(), private.keep_created_at(),
  private.guard_publication(), private.publication_transition_error(public.publication_status, timestamptz, public.publication_status, timestamptz),
  private.check_publication_transitions(), private.guard_acknowledgement(),
  private.check_commitment_transitions(), private.check_pmg_evaluation_transitions()
  from public;
grant execute on function private.is_api_request(),
  private.publication_transition_error(public.publication_status, timestamptz, public.publication_status, timestamptz)
  to anon, authenticated, service_role;
