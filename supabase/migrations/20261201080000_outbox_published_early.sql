-- A scheduled delivery published ahead of its time ("Publicar ahora") kept its e-mail waiting for
-- the scheduled time: the outbox trigger (20261201020300) moved the queued messages only while the
-- delivery stayed scheduled. Found by the end-to-end publishing journey (draft, schedule, publish
-- now, the recipients' mailbox). Now any change of publication time of a delivery that was
-- scheduled — rescheduled, or published now — moves its messages not yet attempted to the new time.

create or replace function private.queue_delivery_emails()
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

  -- Rescheduled, or published now instead of at its scheduled time: the messages go at the new time.
  update public.email_outbox e
  set next_attempt_at = greatest(n.published_at, now())
  from new_rows n
  join old_rows o on o.id = n.id and o.status = 'scheduled'
  where e.publication_id = n.id and n.status in ('scheduled', 'published')
    and n.published_at is distinct from o.published_at
    and e.status = 'queued' and e.attempts = 0;
  return null;
end;
$$;
