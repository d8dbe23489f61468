-- Saving a publication from the desk in one transaction (issue 9 §1): its fields and its links to
-- comunas, projects and commitments together, so a failure leaves nothing half-written, and with
-- optimistic concurrency: the caller says which `updated_at` it edited, and if someone saved in
-- between, the save is refused (constraint publications_edit_conflict) instead of silently
-- overwriting their work. The conflict's SQLSTATE is PT409, which PostgREST answers as HTTP 409
-- (a serialization_failure, 40001, would make PostgREST retry the whole request and hang it).
--
-- Refusals it adds: 42501 constraint publications_not_editable (the caller may not edit the
-- publication), PT409 constraint publications_edit_conflict. A period already delivered answers
-- 23505 naming the unique index as constraint publications_one_delivery_per_period.
--
-- Security invoker: every write goes through the caller's RLS and the integrity triggers (author
-- and publication time set by the database, statuses one way, flow and comunas in the region).
-- The region is chosen on creation only; moving a publication is not an edit. published_at is
-- taken from the caller only when scheduling; publishing stamps the server's time (guard trigger)
-- and what has been public keeps its date.

create function public.save_publication(
  p_id bigint,
  p_expected_updated_at timestamptz,
  p_region_code text,
  p_title text,
  p_summary text,
  p_body_md text,
  p_kind public.publication_kind,
  p_status public.publication_status,
  p_scheduled_at timestamptz,
  p_flow_id bigint,
  p_due_on date,
  p_communes text[],
  p_projects bigint[],
  p_commitments bigint[]
)
returns table (id bigint, updated_at timestamptz)
language plpgsql
set search_path = ''
as $$
declare
  saved_id bigint;
begin
  if p_id is null then
    insert into public.publications (region_code, title, summary, body_md, kind, status, published_at, flow_id, due_on)
    values (
      p_region_code, p_title, p_summary, p_body_md, p_kind, p_status,
      case when p_status = 'scheduled' then p_scheduled_at end,
      p_flow_id, p_due_on
    )
    returning publications.id into saved_id;
  else
    if not private.can_edit_publication(p_id) then
      raise exception using
        errcode = 'insufficient_privilege',
        message = 'No puede editar esta publicación.',
        detail = 'violates constraint "publications_not_editable"',
        constraint = 'publications_not_editable';
    end if;
    update public.publications p
    set title = p_title,
        summary = p_summary,
        body_md = p_body_md,
        kind = p_kind,
        status = p_status,
        published_at = case
          when p_status = 'scheduled' then p_scheduled_at
          when p_status = 'draft' then null
          else p.published_at
        end,
        flow_id = p_flow_id,
        due_on = p_due_on
    where p.id = p_id and p.updated_at = p_expected_updated_at
    returning p.id into saved_id;
    if saved_id is null then
      raise exception using
        errcode = 'PT409',
        message = 'Otra persona guardó esta publicación mientras usted la editaba.',
        detail = 'violates constraint "publications_edit_conflict"',
        constraint = 'publications_edit_conflict';
    end if;
  end if;

  delete from public.publication_communes l
  where l.publication_id = saved_id and l.commune_code <> all (coalesce(p_communes, '{}'));
  insert into public.publication_communes (publication_id, commune_code)
  select saved_id, c from unnest(coalesce(p_communes, '{}')) as c
  on conflict do nothing;

  delete from public.publication_projects l
  where l.publication_id = saved_id and l.project_id <> all (coalesce(p_projects, '{}'));
  insert into public.publication_projects (publication_id, project_id)
  select saved_id, c from unnest(coalesce(p_projects, '{}')) as c
  on conflict do nothing;

  delete from public.publication_commitments l
  where l.publication_id = saved_id and l.commitment_id <> all (coalesce(p_commitments, '{}'));
  insert into public.publication_commitments (publication_id, commitment_id)
  select saved_id, c from unnest(coalesce(p_commitments, '{}')) as c
  on conflict do nothing;

  return query select p.id, p.updated_at from public.publications p where p.id = saved_id;
end;
$$;

revoke execute on function public.save_publication(
  bigint, timestamptz, text, text, text, text, public.publication_kind, public.publication_status,
  timestamptz, bigint, date, text[], bigint[], bigint[]
) from public, anon;
grant execute on function public.save_publication(
  bigint, timestamptz, text, text, text, text, public.publication_kind, public.publication_status,
  timestamptz, bigint, date, text[], bigint[], bigint[]
) to authenticated, service_role;
