-- Every saved version of a publication (issue 9 §1): what it said, who saved it and when, so the
-- desk can show any two versions side by side. The audit trail (audit_log) already records each
-- change of the row; this table keeps the reader-facing content in a shape a diff can use, and
-- numbers the versions per publication.
--
-- Written only by the trigger below, once per statement from its transition tables, and only when
-- the content or the status changed (touching updated_at alone is not a new version). Nobody
-- writes it through the API; it is read by whoever may edit the publication.

create table public.publication_versions (
  id bigint generated always as identity primary key,
  publication_id bigint not null references public.publications (id) on delete cascade,
  version integer not null,
  title text not null,
  summary text,
  body_md text,
  kind public.publication_kind not null,
  status public.publication_status not null,
  published_at timestamptz,
  -- auth.uid() of the caller: null for the service role and database jobs (imports, the sample).
  saved_by uuid references auth.users (id) on delete set null,
  saved_at timestamptz not null default now(),
  constraint publication_versions_once unique (publication_id, version)
);

create index publication_versions_saved_by_idx on public.publication_versions (saved_by);

-- Transition tables allow one event per trigger, hence one function for inserts (version 1) and one
-- for updates (the next number, only when something a reader sees changed).
create function private.record_inserted_publication_versions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.publication_versions
    (publication_id, version, title, summary, body_md, kind, status, published_at, saved_by)
  select n.id, 1, n.title, n.summary, n.body_md, n.kind, n.status, n.published_at, (select auth.uid())
  from new_rows n;
  return null;
end;
$$;

create function private.record_updated_publication_versions()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.publication_versions
    (publication_id, version, title, summary, body_md, kind, status, published_at, saved_by)
  select n.id,
         coalesce((select max(v.version) from public.publication_versions v where v.publication_id = n.id), 0) + 1,
         n.title, n.summary, n.body_md, n.kind, n.status, n.published_at, (select auth.uid())
  from new_rows n
  join old_rows o on o.id = n.id
  where (o.title, o.summary, o.body_md, o.kind, o.status, o.published_at)
        is distinct from (n.title, n.summary, n.body_md, n.kind, n.status, n.published_at);
  return null;
end;
$$;

revoke execute on function private.record_inserted_publication_versions() from public;
revoke execute on function private.record_updated_publication_versions() from public;

create trigger publications_record_inserted_versions after insert on public.publications
  referencing new table as new_rows
  for each statement execute function private.record_inserted_publication_versions();
create trigger publications_record_updated_versions after update on public.publications
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.record_updated_publication_versions();

-- The publications that exist already start their history with their current content.
insert into public.publication_versions
  (publication_id, version, title, summary, body_md, kind, status, published_at, saved_by, saved_at)
select p.id, 1, p.title, p.summary, p.body_md, p.kind, p.status, p.published_at, p.author_id, p.updated_at
from public.publications p;

alter table public.publication_versions enable row level security;

create policy "publication editors read its versions" on public.publication_versions
  for select to authenticated
  using (private.can_edit_publication(publication_id));

revoke all on public.publication_versions from anon, authenticated;
grant select on public.publication_versions to authenticated;
grant all on public.publication_versions to service_role;
