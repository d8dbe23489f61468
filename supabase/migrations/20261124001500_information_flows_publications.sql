-- What information moves between institutions (flows), what the Technical Secretariat publishes
-- (publications, possibly the delivery of a flow), and who acknowledged receiving it.
--
-- Scope: a flow or a publication belongs to its region_code, or to the whole country when null.
-- The secretariat writes both in its own region; administrators everywhere. A publication is
-- public once it is `published`, or `scheduled` and its published_at has come — computed when
-- read, so no job has to flip the status on time.

create type public.information_channel as enum ('oficio', 'correo', 'portal', 'sesion_consejo_regional');
create type public.information_periodicity as enum (
  'unica', 'semanal', 'quincenal', 'mensual', 'trimestral', 'semestral', 'anual'
);
create type public.publication_kind as enum ('informe', 'boletin', 'minuta', 'acta', 'presentacion');
create type public.publication_status as enum ('draft', 'scheduled', 'published', 'archived');

create table public.information_flows (
  id bigint generated always as identity primary key,
  region_code text references public.regions (code),
  -- What information flows.
  information text not null,
  description text,
  producer_institution_id bigint not null references public.institutions (id),
  channel public.information_channel not null,
  periodicity public.information_periodicity not null,
  next_due_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint information_flows_information_not_blank check (length(trim(information)) > 0)
);

create index information_flows_region_code_idx on public.information_flows (region_code);
create index information_flows_producer_institution_id_idx on public.information_flows (producer_institution_id);

create trigger information_flows_touch_updated_at before update on public.information_flows
  for each row execute function private.touch_updated_at();

create table public.information_flow_recipients (
  flow_id bigint not null references public.information_flows (id) on delete cascade,
  institution_id bigint not null references public.institutions (id),
  primary key (flow_id, institution_id)
);

create index information_flow_recipients_institution_id_idx on public.information_flow_recipients (institution_id);

create table public.publications (
  id bigint generated always as identity primary key,
  region_code text references public.regions (code),
  title text not null,
  summary text,
  body_md text,
  kind public.publication_kind not null,
  status public.publication_status not null default 'draft',
  -- When it was (or, if scheduled, will be) published.
  published_at timestamptz,
  author_id uuid default auth.uid() references auth.users (id) on delete set null,
  -- The flow this publication delivers, if any.
  flow_id bigint references public.information_flows (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint publications_title_not_blank check (length(trim(title)) > 0),
  constraint publications_published_at_when_public check (
    status not in ('scheduled', 'published') or published_at is not null
  )
);

create index publications_region_code_status_idx on public.publications (region_code, status);
create index publications_flow_id_idx on public.publications (flow_id);
create index publications_published_at_idx on public.publications (published_at desc);

create trigger publications_touch_updated_at before update on public.publications
  for each row execute function private.touch_updated_at();

create table public.publication_communes (
  publication_id bigint not null references public.publications (id) on delete cascade,
  commune_code text not null references public.communes (code),
  primary key (publication_id, commune_code)
);

create table public.publication_projects (
  publication_id bigint not null references public.publications (id) on delete cascade,
  project_id bigint not null references public.projects (id) on delete cascade,
  primary key (publication_id, project_id)
);

create index publication_projects_project_id_idx on public.publication_projects (project_id);

create table public.publication_commitments (
  publication_id bigint not null references public.publications (id) on delete cascade,
  commitment_id bigint not null references public.commitments (id) on delete cascade,
  primary key (publication_id, commitment_id)
);

create index publication_commitments_commitment_id_idx on public.publication_commitments (commitment_id);

-- Acknowledged receipts are kept: a publication that has any cannot be deleted (archive it).
create table public.acknowledgements (
  id bigint generated always as identity primary key,
  publication_id bigint not null references public.publications (id),
  institution_id bigint not null references public.institutions (id),
  user_id uuid default auth.uid() references auth.users (id) on delete set null,
  acknowledged_at timestamptz not null default now(),
  constraint acknowledgements_once_per_institution unique (publication_id, institution_id)
);

create index acknowledgements_institution_id_idx on public.acknowledgements (institution_id);

-- Public = visible to anyone, signed in or not.
create function private.publication_is_public(status public.publication_status, published_at timestamptz)
returns boolean
language sql
stable
set search_path = ''
as $$
  select status in ('published', 'scheduled') and published_at <= now();
$$;

grant execute on function private.publication_is_public(public.publication_status, timestamptz)
  to anon, authenticated, service_role;

-- Whether the caller may edit a publication (and so its links): admins any, the secretariat those
-- of its region. Security definer so the links' policies need not stack publications' policies.
create function private.can_edit_publication(publication_id bigint)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1
    from public.publications p
    join public.memberships m on m.user_id = (select auth.uid())
    where p.id = can_edit_publication.publication_id
      and (m.role = 'admin' or (m.role = 'secretariat' and p.region_code = m.region_code))
  );
$$;

revoke execute on function private.can_edit_publication(bigint) from public;
grant execute on function private.can_edit_publication(bigint) to authenticated, service_role;

-- Only a delivery (a publication delivering a flow), once public, can be acknowledged, and only by
-- an institution the flow is addressed to.
create function private.check_acknowledgement()
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
      constraint = 'acknowledgements_publication_public';
  end if;
  if not exists (
    select 1 from public.information_flow_recipients r
    where r.flow_id = publication.flow_id and r.institution_id = new.institution_id
  ) then
    raise exception using
      errcode = 'check_violation',
      message = 'La institución no es destinataria del flujo de información que entrega esta publicación.',
      constraint = 'acknowledgements_institution_is_recipient';
  end if;
  return new;
end;
$$;

create trigger acknowledgements_check before insert or update on public.acknowledgements
  for each row execute function private.check_acknowledgement();

alter table public.information_flows enable row level security;
alter table public.information_flow_recipients enable row level security;
alter table public.publications enable row level security;
alter table public.publication_communes enable row level security;
alter table public.publication_projects enable row level security;
alter table public.publication_commitments enable row level security;
alter table public.acknowledgements enable row level security;

create policy "admins and planners read every flow" on public.information_flows
  for select to authenticated
  using ((select private.my_role()) in ('admin', 'planner'));
create policy "regional roles read their region's and national flows" on public.information_flows
  for select to authenticated
  using (
    (select private.my_role()) in ('gore', 'secretariat')
    and (region_code is null or region_code = (select private.my_region()))
  );
create policy "secretariat manages flows in its region" on public.information_flows
  for all to authenticated
  using ((select private.my_role()) = 'secretariat' and region_code = (select private.my_region()))
  with check ((select private.my_role()) = 'secretariat' and region_code = (select private.my_region()));
create policy "admins manage flows" on public.information_flows
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "recipients follow their flow" on public.information_flow_recipients
  for select to authenticated
  using (flow_id in (select f.id from public.information_flows f));
create policy "secretariat addresses flows in its region" on public.information_flow_recipients
  for all to authenticated
  using (
    (select private.my_role()) = 'secretariat'
    and flow_id in (select f.id from public.information_flows f where f.region_code = (select private.my_region()))
  )
  with check (
    (select private.my_role()) = 'secretariat'
    and flow_id in (select f.id from public.information_flows f where f.region_code = (select private.my_region()))
  );
create policy "admins address flows" on public.information_flow_recipients
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

create policy "anyone reads public publications" on public.publications
  for select to anon, authenticated
  using (private.publication_is_public(status, published_at));
create policy "admins and planners read publications not in draft" on public.publications
  for select to authenticated
  using (
    (select private.my_role()) = 'admin'
    or ((select private.my_role()) = 'planner' and status <> 'draft')
  );
create policy "regional governments read their region's and national publications not in draft" on public.publications
  for select to authenticated
  using (
    (select private.my_role()) = 'gore'
    and status <> 'draft'
    and (region_code is null or region_code = (select private.my_region()))
  );
create policy "secretariat reads its region's publications and national ones not in draft" on public.publications
  for select to authenticated
  using (
    (select private.my_role()) = 'secretariat'
    and (region_code = (select private.my_region()) or (region_code is null and status <> 'draft'))
  );
create policy "secretariat publishes in its region" on public.publications
  for insert to authenticated
  with check (
    (select private.my_role()) = 'secretariat'
    and region_code = (select private.my_region())
    and author_id = (select auth.uid())
  );
create policy "secretariat edits publications in its region" on public.publications
  for update to authenticated
  using ((select private.my_role()) = 'secretariat' and region_code = (select private.my_region()))
  with check ((select private.my_role()) = 'secretariat' and region_code = (select private.my_region()));
-- What has been public stays on record: it is archived, not deleted.
create policy "secretariat deletes drafts in its region" on public.publications
  for delete to authenticated
  using (
    (select private.my_role()) = 'secretariat'
    and region_code = (select private.my_region())
    and status = 'draft'
  );
create policy "admins add publications" on public.publications
  for insert to authenticated
  with check ((select private.my_role()) = 'admin');
create policy "admins change publications" on public.publications
  for update to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');
create policy "admins delete publications" on public.publications
  for delete to authenticated
  using ((select private.my_role()) = 'admin');

-- The links of a publication are visible with it (anon included) and written by whoever may edit it.
create policy "publication comunas follow their publication" on public.publication_communes
  for select to anon, authenticated
  using (publication_id in (select p.id from public.publications p));
create policy "publication editors link comunas" on public.publication_communes
  for all to authenticated
  using (private.can_edit_publication(publication_id))
  with check (private.can_edit_publication(publication_id));

create policy "publication projects follow their publication" on public.publication_projects
  for select to anon, authenticated
  using (publication_id in (select p.id from public.publications p));
create policy "publication editors link projects" on public.publication_projects
  for all to authenticated
  using (private.can_edit_publication(publication_id))
  with check (private.can_edit_publication(publication_id));

create policy "publication commitments follow their publication" on public.publication_commitments
  for select to anon, authenticated
  using (publication_id in (select p.id from public.publications p));
create policy "publication editors link commitments" on public.publication_commitments
  for all to authenticated
  using (private.can_edit_publication(publication_id))
  with check (private.can_edit_publication(publication_id));

create policy "admins and planners read every acknowledgement" on public.acknowledgements
  for select to authenticated
  using ((select private.my_role()) in ('admin', 'planner'));
create policy "regional roles read acknowledgements of their region" on public.acknowledgements
  for select to authenticated
  using (
    (select private.my_role()) in ('gore', 'secretariat')
    and (
      institution_id = (select private.my_institution())
      or publication_id in (
        select p.id from public.publications p where p.region_code = (select private.my_region())
      )
    )
  );
create policy "regional governments acknowledge deliveries to their institution" on public.acknowledgements
  for insert to authenticated
  with check (
    (select private.my_role()) = 'gore'
    and institution_id = (select private.my_institution())
    and user_id = (select auth.uid())
  );
create policy "admins manage acknowledgements" on public.acknowledgements
  for all to authenticated
  using ((select private.my_role()) = 'admin')
  with check ((select private.my_role()) = 'admin');

revoke all on public.information_flows, public.information_flow_recipients, public.publications,
  public.publication_communes, public.publication_projects, public.publication_commitments,
  public.acknowledgements
  from anon, authenticated;
grant select on public.publications, public.publication_communes, public.publication_projects,
  public.publication_commitments
  to anon;
grant select, insert, update, delete on public.information_flows, public.information_flow_recipients,
  public.publications, public.publication_communes, public.publication_projects,
  public.publication_commitments, public.acknowledgements
  to authenticated;
grant all on public.information_flows, public.information_flow_recipients, public.publications,
  public.publication_communes, public.publication_projects, public.publication_commitments,
  public.acknowledgements
  to service_role;
