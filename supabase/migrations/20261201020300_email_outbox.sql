-- The e-mail outbox: one row per message a delivery sends (issue 9 §2).
--
-- When a delivery of a flow whose channel is e-mail becomes public — published, or scheduled (the
-- message then waits until its publication time) — a statement trigger queues one message per
-- contact of each recipient institution. The app server's sender (src/lib/server/mail) claims
-- due messages, sends them over SMTP and records the outcome here: sent, or another attempt later
-- (attempts, last_error, next_attempt_at), or failed after the last attempt. Sending never
-- touches the publication, so a failed send cannot lose it; a delivery moved back from scheduled
-- to draft withdraws its messages not yet sent.
--
-- Only the database (the trigger) and the service role (the sender) write it; administrators read
-- every message, a region's secretariat those of its region's publications.

create type public.email_status as enum ('queued', 'sent', 'failed');

create table public.email_outbox (
  id bigint generated always as identity primary key,
  publication_id bigint not null references public.publications (id) on delete cascade,
  contact_id bigint references public.contacts (id) on delete set null,
  institution_id bigint not null references public.institutions (id),
  to_address text not null,
  status public.email_status not null default 'queued',
  attempts integer not null default 0,
  last_error text,
  -- Not before the publication is public, and after a failure not before its back-off.
  next_attempt_at timestamptz not null default now(),
  sent_at timestamptz,
  created_at timestamptz not null default now(),
  constraint email_outbox_one_per_address unique (publication_id, to_address),
  constraint email_outbox_attempts_not_negative check (attempts >= 0),
  constraint email_outbox_sent_has_time check ((status = 'sent') = (sent_at is not null))
);

create index email_outbox_due_idx on public.email_outbox (next_attempt_at) where status = 'queued';
create index email_outbox_contact_id_idx on public.email_outbox (contact_id);
create index email_outbox_institution_id_idx on public.email_outbox (institution_id);

create function private.queue_delivery_emails()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- Newly public (or scheduled): a delivery whose flow goes by e-mail. Later edits of what was
  -- already public send nothing again. (old_rows exists only for updates: two statements.)
  if tg_op = 'INSERT' then
    insert into public.email_outbox (publication_id, contact_id, institution_id, to_address, next_attempt_at)
    select n.id, c.id, c.institution_id, lower(c.email), greatest(n.published_at, now())
    from new_rows n
    join public.information_flows f on f.id = n.flow_id and f.channel = 'email'
    join public.information_flow_recipients r on r.flow_id = f.id
    join public.contacts c on c.institution_id = r.institution_id
    where n.status in ('scheduled', 'published')
    on conflict (publication_id, to_address) do nothing;
    return null;
  end if;

  insert into public.email_outbox (publication_id, contact_id, institution_id, to_address, next_attempt_at)
  select n.id, c.id, c.institution_id, lower(c.email), greatest(n.published_at, now())
  from new_rows n
  join old_rows o on o.id = n.id and o.status = 'draft'
  join public.information_flows f on f.id = n.flow_id and f.channel = 'email'
  join public.information_flow_recipients r on r.flow_id = f.id
  join public.contacts c on c.institution_id = r.institution_id
  where n.status in ('scheduled', 'published')
  on conflict (publication_id, to_address) do nothing;

  -- Back to draft (only possible while still in the future): nothing was sent, nothing goes.
  delete from public.email_outbox e
  using new_rows n
  where e.publication_id = n.id and n.status = 'draft' and e.status = 'queued';

  -- Rescheduled: the messages wait for the new time.
  update public.email_outbox e
  set next_attempt_at = greatest(n.published_at, now())
  from new_rows n
  where e.publication_id = n.id and n.status = 'scheduled' and e.status = 'queued' and e.attempts = 0;
  return null;
end;
$$;

create trigger publications_queue_emails_inserted after insert on public.publications
  referencing new table as new_rows
  for each statement execute function private.queue_delivery_emails();
create trigger publications_queue_emails_updated after update on public.publications
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.queue_delivery_emails();

-- The sender's side, for the service role only. Claiming leases the messages for a while (a crashed
-- sender's messages come back after it), with `for update skip locked` so two senders never take
-- the same one.
create function public.claim_due_emails(batch_size integer default 20, lease interval default '2 minutes')
returns table (
  id bigint,
  to_address text,
  attempts integer,
  publication_id bigint,
  title text,
  summary text,
  kind public.publication_kind,
  published_at timestamptz,
  region_code text,
  due_on date,
  flow_information text
)
language sql
volatile
set search_path = ''
as $$
  with due as (
    select e.id from public.email_outbox e
    join public.publications p on p.id = e.publication_id
    where e.status = 'queued' and e.next_attempt_at <= now()
      and private.publication_is_public(p.status, p.published_at)
    order by e.next_attempt_at, e.id
    limit claim_due_emails.batch_size
    for update of e skip locked
  ), claimed as (
    update public.email_outbox e
    set next_attempt_at = now() + claim_due_emails.lease
    from due where e.id = due.id
    returning e.id, e.to_address, e.attempts, e.publication_id
  )
  select c.id, c.to_address, c.attempts, c.publication_id, p.title, p.summary, p.kind, p.published_at,
    p.region_code, p.due_on, f.information
  from claimed c
  join public.publications p on p.id = c.publication_id
  left join public.information_flows f on f.id = p.flow_id
  order by c.id;
$$;

-- One attempt's outcome. A failure is retried after `retry_in` until `max_attempts`, then failed.
create function public.record_email_attempt(
  message_id bigint, succeeded boolean, error text default null,
  retry_in interval default '1 minute', max_attempts integer default 5
)
returns public.email_status
language sql
volatile
set search_path = ''
as $$
  update public.email_outbox e
  set attempts = e.attempts + 1,
      status = case
        when record_email_attempt.succeeded then 'sent'
        when e.attempts + 1 >= record_email_attempt.max_attempts then 'failed'
        else 'queued'
      end::public.email_status,
      sent_at = case when record_email_attempt.succeeded then now() end,
      last_error = case when record_email_attempt.succeeded then e.last_error else left(record_email_attempt.error, 1000) end,
      next_attempt_at = case when record_email_attempt.succeeded then e.next_attempt_at else now() + record_email_attempt.retry_in end
  where e.id = record_email_attempt.message_id and e.status = 'queued'
  returning e.status;
$$;

alter table public.email_outbox enable row level security;

create policy "admins read every message, the region's secretariat its region's" on public.email_outbox
  for select to authenticated
  using (
    (select private.is_admin())
    or publication_id in (
      select p.id from public.publications p where p.region_code = (select private.my_secretariat_region())
    )
  );

revoke all on public.email_outbox from anon, authenticated;
grant select on public.email_outbox to authenticated;
grant all on public.email_outbox to service_role;

revoke execute on function public.claim_due_emails(integer, interval) from public, anon, authenticated;
grant execute on function public.claim_due_emails(integer, interval) to service_role;
revoke execute on function public.record_email_attempt(bigint, boolean, text, interval, integer) from public, anon, authenticated;
grant execute on function public.record_email_attempt(bigint, boolean, text, interval, integer) to service_role;
