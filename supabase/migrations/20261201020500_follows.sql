-- Following (issue 9 §4): a signed-in user follows a project, an agreement, a comuna or a region,
-- and receives a digest of what changed there (daily or weekly, its choice); the users of the
-- institution responsible for a commitment follow it without asking.
--
-- What a digest may show: only what every role may read — public facts of projects, agreements
-- and commitments (status, stage, progress, due dates: Chile's active transparency) and
-- publications that are public — never who changed it, progress notes, drafts or anything else
-- the audit trail holds. So whatever the follower's role, the digest shows nothing it may not read.
--
-- Follows and digest settings are each user's own: nobody else reads or writes them (administrators
-- included; the service role sends the digests).

create type public.follow_kind as enum ('project', 'agreement', 'commune', 'region');
create type public.digest_frequency as enum ('daily', 'weekly', 'never');

create table public.follows (
  id bigint generated always as identity primary key,
  user_id uuid not null default auth.uid() references auth.users (id) on delete cascade,
  kind public.follow_kind not null,
  project_id bigint references public.projects (id) on delete cascade,
  agreement_id bigint references public.agreements (id) on delete cascade,
  commune_code text references public.communes (code) on delete cascade,
  region_code text references public.regions (code) on delete cascade,
  created_at timestamptz not null default now(),
  constraint follows_target_matches_kind check (
    (project_id is not null)::int + (agreement_id is not null)::int + (commune_code is not null)::int
      + (region_code is not null)::int = 1
    and case kind
      when 'project' then project_id is not null
      when 'agreement' then agreement_id is not null
      when 'commune' then commune_code is not null
      when 'region' then region_code is not null
    end
  )
);

create unique index follows_once_per_target on public.follows
  (user_id, kind, coalesce(project_id, 0), coalesce(agreement_id, 0), coalesce(commune_code, ''), coalesce(region_code, ''));
create index follows_project_id_idx on public.follows (project_id);
create index follows_agreement_id_idx on public.follows (agreement_id);
create index follows_commune_code_idx on public.follows (commune_code);
create index follows_region_code_idx on public.follows (region_code);

create table public.digest_settings (
  user_id uuid primary key default auth.uid() references auth.users (id) on delete cascade,
  frequency public.digest_frequency not null default 'weekly',
  -- Up to when the last digest reported; the next one starts there.
  last_sent_at timestamptz
);

-- Rows are the caller's own, whatever the client sends: user_id and created_at are the database's.
create function private.stamp_follower()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() then
    new.user_id := (select auth.uid());
    if tg_table_name = 'follows' then
      new := jsonb_populate_record(new, jsonb_build_object('created_at', now()));
    elsif tg_op = 'UPDATE' then
      new.last_sent_at := old.last_sent_at;
    else
      new.last_sent_at := null;
    end if;
  end if;
  return new;
end;
$$;

create trigger follows_stamp_follower before insert or update on public.follows
  for each row execute function private.stamp_follower();
create trigger digest_settings_stamp_follower before insert or update on public.digest_settings
  for each row execute function private.stamp_follower();

alter table public.follows enable row level security;
alter table public.digest_settings enable row level security;

create policy "users read what they follow" on public.follows
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users follow in their own name" on public.follows
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "users change what they follow" on public.follows
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users unfollow" on public.follows
  for delete to authenticated using (user_id = (select auth.uid()));

create policy "users read their digest settings" on public.digest_settings
  for select to authenticated using (user_id = (select auth.uid()));
create policy "users choose their digest" on public.digest_settings
  for insert to authenticated with check (user_id = (select auth.uid()));
create policy "users change their digest" on public.digest_settings
  for update to authenticated using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "users drop their digest settings" on public.digest_settings
  for delete to authenticated using (user_id = (select auth.uid()));

revoke all on public.follows, public.digest_settings from anon, authenticated;
grant select, insert, update, delete on public.follows, public.digest_settings to authenticated;
grant all on public.follows, public.digest_settings to service_role;

-- What changed since `since` in what `follower` follows, explicitly or as the responsible
-- institution's user: status, stage and progress changes from the audit trail, publications that
-- became public, and commitments due within 7 days or overdue. Security definer (the audit trail is
-- administrators' only), so it returns public facts only (see the header) and answers only for the
-- caller itself, or for anyone when called by the service role (the digest sender).
create function private.followed_changes(follower uuid, since timestamptz)
returns table (
  at timestamptz,
  subject text,
  subject_id bigint,
  title text,
  change text,
  old_value text,
  new_value text,
  reason public.follow_kind
)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  today date := (now() at time zone 'America/Santiago')::date;
begin
  if follower is distinct from (select auth.uid())
     and coalesce(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role', '') <> 'service_role' then
    raise exception using errcode = 'insufficient_privilege', message = 'Solo se puede consultar lo que sigue uno mismo.';
  end if;

  return query
  with f as (
    select fo.kind, fo.project_id, fo.agreement_id, fo.commune_code, fo.region_code
    from public.follows fo where fo.user_id = follower
  ),
  followed_projects as (
    select f.project_id as id, f.kind from f where f.kind = 'project'
    union
    select pc.project_id, f.kind from f join public.project_communes pc on pc.commune_code = f.commune_code
    where f.kind = 'commune'
    union
    select pc.project_id, f.kind from f join public.project_communes pc on pc.region_code = f.region_code
    where f.kind = 'region'
  ),
  followed_agreements as (
    select f.agreement_id as id, f.kind from f where f.kind = 'agreement'
    union
    select a.id, f.kind from f join public.agreements a on a.region_code = f.region_code where f.kind = 'region'
  ),
  followed_commitments as (
    select c.id, fa.kind from followed_agreements fa join public.commitments c on c.agreement_id = fa.id
    union
    select cc.commitment_id, f.kind from f join public.commitment_communes cc on cc.commune_code = f.commune_code
    where f.kind = 'commune'
    -- The responsible institution's users follow its commitments (reported as the agreement's).
    union
    select c.id, 'agreement'::public.follow_kind
    from public.memberships m join public.commitments c on c.responsible_institution_id = m.institution_id
    where m.user_id = follower
  ),
  project_changes as (
    select distinct on (l.id, ch.change)
      l.at, 'project'::text, fp.id, l.new_row ->> 'name', ch.change, ch.old_value, ch.new_value, fp.kind
    from followed_projects fp
    join public.audit_log l on l.table_name = 'projects' and l.record_id = fp.id::text
      and l.action = 'UPDATE' and l.at > since
    cross join lateral (values
      ('status', l.old_row ->> 'status', l.new_row ->> 'status'),
      ('stage', l.old_row ->> 'stage', l.new_row ->> 'stage')
    ) as ch (change, old_value, new_value)
    where ch.old_value is distinct from ch.new_value
  ),
  commitment_changes as (
    select distinct on (l.id, ch.change)
      l.at, 'commitment'::text, fc.id, l.new_row ->> 'title', ch.change, ch.old_value, ch.new_value, fc.kind
    from followed_commitments fc
    join public.audit_log l on l.table_name = 'commitments' and l.record_id = fc.id::text
      and l.action = 'UPDATE' and l.at > since
    cross join lateral (values
      ('status', l.old_row ->> 'status', l.new_row ->> 'status'),
      ('progress', l.old_row ->> 'progress', l.new_row ->> 'progress')
    ) as ch (change, old_value, new_value)
    where ch.old_value is distinct from ch.new_value
  ),
  commitments_due as (
    select distinct on (c.id)
      (c.due_on::timestamp at time zone 'America/Santiago'), 'commitment'::text, c.id, c.title,
      case when c.due_on < today then 'overdue' else 'due_soon' end, null::text, c.due_on::text, fc.kind
    from followed_commitments fc
    join public.commitments c on c.id = fc.id
    where c.status in ('pending', 'in_progress') and c.due_on <= today + 7
  ),
  new_publications as (
    select distinct on (p.id)
      p.published_at, 'publication'::text, p.id, p.title, 'published'::text, null::text, p.kind::text, f.kind
    from f
    join public.publications p on private.publication_is_public(p.status, p.published_at) and p.published_at > since
    where (f.kind = 'region' and p.region_code = f.region_code)
       or (f.kind = 'commune' and exists (
             select 1 from public.publication_communes pc where pc.publication_id = p.id and pc.commune_code = f.commune_code))
       or (f.kind = 'project' and exists (
             select 1 from public.publication_projects pp where pp.publication_id = p.id and pp.project_id = f.project_id))
       or (f.kind = 'agreement' and exists (
             select 1 from public.publication_commitments pcm join public.commitments c on c.id = pcm.commitment_id
             where pcm.publication_id = p.id and c.agreement_id = f.agreement_id))
  )
  select * from project_changes
  union all select * from commitment_changes
  union all select * from commitments_due
  union all select * from new_publications
  order by 1 desc, 3;
end;
$$;

revoke execute on function private.followed_changes(uuid, timestamptz) from public;
grant execute on function private.followed_changes(uuid, timestamptz) to authenticated, service_role;

-- The "lo que sigo" page: the caller's own.
create function public.my_followed_changes(since timestamptz)
returns table (
  at timestamptz, subject text, subject_id bigint, title text, change text, old_value text, new_value text,
  reason public.follow_kind
)
language sql
stable
set search_path = ''
as $$
  select * from private.followed_changes((select auth.uid()), my_followed_changes.since);
$$;

-- The digest sender's (service role): the users whose digest is due, and their changes.
create function public.digests_due()
returns table (user_id uuid, email text, frequency public.digest_frequency, since timestamptz)
language sql
stable
security definer
set search_path = ''
as $$
  select s.user_id, u.email, s.frequency,
    coalesce(s.last_sent_at, now() - case s.frequency when 'daily' then interval '1 day' else interval '7 days' end)
  from public.digest_settings s
  join auth.users u on u.id = s.user_id
  where s.frequency <> 'never' and u.email is not null
    and (s.last_sent_at is null
         or s.last_sent_at <= now() - case s.frequency when 'daily' then interval '1 day' else interval '7 days' end);
$$;

create function public.digest_for(follower uuid, since timestamptz)
returns table (
  at timestamptz, subject text, subject_id bigint, title text, change text, old_value text, new_value text,
  reason public.follow_kind
)
language sql
stable
set search_path = ''
as $$
  select * from private.followed_changes(digest_for.follower, digest_for.since);
$$;

create function public.mark_digest_sent(follower uuid, sent_at timestamptz)
returns void
language sql
volatile
set search_path = ''
as $$
  update public.digest_settings s set last_sent_at = mark_digest_sent.sent_at where s.user_id = mark_digest_sent.follower;
$$;

revoke execute on function public.my_followed_changes(timestamptz) from public, anon;
grant execute on function public.my_followed_changes(timestamptz) to authenticated, service_role;
revoke execute on function public.digests_due(), public.digest_for(uuid, timestamptz),
  public.mark_digest_sent(uuid, timestamptz) from public, anon, authenticated;
grant execute on function public.digests_due(), public.digest_for(uuid, timestamptz),
  public.mark_digest_sent(uuid, timestamptz) to service_role;
