-- When each period of an information flow is due, computed from its periodicity (issue 9 §2).
--
-- A flow's periods are anchored on its first due date (`first_due_on`): period n is due on
-- first_due_on + n × step, always counted from the anchor, so monthly periods due on the 31st do
-- not drift to the 28th after February. `next_due_on` is the database's: the oldest period still
-- owed (no delivery of it was ever scheduled or made public: archived ones were public first),
-- recomputed whenever a delivery or the flow's schedule changes — publishing (or scheduling) a delivery advances the flow; a flow of
-- periodicity `once` that was delivered has none.
--
-- `flow_periods(from, until)` lists every period of every flow the caller reads in that window, with
-- what was delivered for it (from `flow_deliveries`, so the same punctuality rules) and its state:
--   delivered_on_time / delivered_late   delivered (the first public delivery of the period decides);
--   missing                              past due and still undelivered;
--   due_soon                             due within 7 days (Chile's calendar) and undelivered;
--   upcoming                             due later.

alter table public.information_flows add column first_due_on date;

comment on column public.information_flows.first_due_on is
  'Fecha de vencimiento del primer período del flujo; los siguientes se cuentan desde ella según la periodicidad.';
comment on column public.information_flows.next_due_on is
  'Vencimiento del período más antiguo aún no entregado (ni publicado ni programado); lo calcula la base de datos.';

-- Flows recorded before the anchor existed: their earliest known period is the best anchor there is.
update public.information_flows f
set first_due_on = coalesce(
  (select min(p.due_on) from public.publications p where p.flow_id = f.id),
  f.next_due_on,
  (f.created_at at time zone 'America/Santiago')::date
);

-- A flow created without saying when its first period is due starts today (Chile's calendar).
alter table public.information_flows alter column first_due_on set not null,
  alter column first_due_on set default ((now() at time zone 'America/Santiago')::date);

create function private.period_step(periodicity public.information_periodicity)
returns interval
language sql
immutable
set search_path = ''
as $$
  select case periodicity
    when 'weekly' then interval '7 days'
    when 'fortnightly' then interval '14 days'
    when 'monthly' then interval '1 month'
    when 'quarterly' then interval '3 months'
    when 'half_yearly' then interval '6 months'
    when 'yearly' then interval '1 year'
  end;
$$;

-- Due dates of a flow's periods from its anchor up to `until` (inclusive). The shortest step is a
-- week, so (until - first) / 7 + 1 periods always reach `until`.
create function public.flow_due_dates(
  periodicity public.information_periodicity, first_due_on date, until date
)
returns setof date
language sql
immutable
set search_path = ''
as $$
  select d
  from (
    -- (`once` has no step: its only period is n = 0.)
    select (flow_due_dates.first_due_on + n * coalesce(private.period_step(flow_due_dates.periodicity), interval '0 days'))::date as d, n
    from generate_series(
      0,
      case when flow_due_dates.periodicity = 'once' then 0
           else greatest((flow_due_dates.until - flow_due_dates.first_due_on) / 7 + 1, 0) end
    ) as n
  ) periods
  where d <= flow_due_dates.until
  order by n;
$$;

comment on function public.flow_due_dates(public.information_periodicity, date, date) is
  'Vencimientos de los períodos de un flujo desde su primer vencimiento hasta la fecha dada.';

-- The oldest period of a flow that no delivery (scheduled, published or archived) stands for. Deliveries are read
-- by the definer (the trigger below runs it for any editor), and only their dates come out.
create function private.flow_next_due(flow_id bigint)
returns date
language sql
stable
security definer
set search_path = ''
as $$
  select min(d)
  from public.information_flows f
  cross join lateral public.flow_due_dates(
    f.periodicity,
    f.first_due_on,
    greatest(
      (select max(p.due_on) from public.publications p where p.flow_id = f.id),
      f.first_due_on,
      (now() at time zone 'America/Santiago')::date
    ) + 400
  ) d
  where f.id = flow_next_due.flow_id
    and not exists (
      select 1 from public.publications p
      where p.flow_id = f.id and p.due_on = d and p.status <> 'draft'
    );
$$;

revoke execute on function private.flow_next_due(bigint) from public;

-- The flow's own row: whatever a client sends as next_due_on, the schedule decides.
create function private.compute_flow_next_due()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.periodicity = 'once' and exists (
    select 1 from public.publications p
    where p.flow_id = new.id and p.due_on = new.first_due_on and p.status <> 'draft'
  ) then
    new.next_due_on := null;
  elsif tg_op = 'INSERT' then
    new.next_due_on := new.first_due_on;
  else
    -- The stored row still has the old schedule: compute from the new one.
    select min(d) into new.next_due_on
    from public.flow_due_dates(
      new.periodicity, new.first_due_on,
      greatest(
        (select max(p.due_on) from public.publications p where p.flow_id = new.id),
        new.first_due_on,
        (now() at time zone 'America/Santiago')::date
      ) + 400
    ) d
    where not exists (
      select 1 from public.publications p
      where p.flow_id = new.id and p.due_on = d and p.status <> 'draft'
    );
  end if;
  return new;
end;
$$;

create trigger information_flows_compute_next_due
  before insert or update of periodicity, first_due_on, next_due_on on public.information_flows
  for each row execute function private.compute_flow_next_due();

-- Deliveries advance their flows: once per statement, for the flows the statement touched.
create function private.advance_flows()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.information_flows f
  set next_due_on = private.flow_next_due(f.id)
  where f.id in (
    select n.flow_id from new_rows n where n.flow_id is not null
    union
    select o.flow_id from old_rows o where o.flow_id is not null
  )
    and f.next_due_on is distinct from private.flow_next_due(f.id);
  return null;
end;
$$;

create function private.advance_flows_on_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.information_flows f
  set next_due_on = private.flow_next_due(f.id)
  where f.id in (select n.flow_id from new_rows n where n.flow_id is not null)
    and f.next_due_on is distinct from private.flow_next_due(f.id);
  return null;
end;
$$;

create function private.advance_flows_on_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.information_flows f
  set next_due_on = private.flow_next_due(f.id)
  where f.id in (select o.flow_id from old_rows o where o.flow_id is not null)
    and f.next_due_on is distinct from private.flow_next_due(f.id);
  return null;
end;
$$;

create trigger publications_advance_flows_inserted after insert on public.publications
  referencing new table as new_rows
  for each statement execute function private.advance_flows_on_insert();
create trigger publications_advance_flows_updated after update on public.publications
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.advance_flows();
create trigger publications_advance_flows_deleted after delete on public.publications
  referencing old table as old_rows
  for each statement execute function private.advance_flows_on_delete();

-- Flows already recorded get their next due date from the rule now.
update public.information_flows f set next_due_on = private.flow_next_due(f.id);

-- Every period of the flows the caller reads, due between `from` and `until`, with its delivery.
-- Security invoker: flows and deliveries come through the caller's RLS (flow_deliveries is itself
-- security invoker), so a role sees the periods of exactly the flows it may read.
create function public.flow_periods(from_date date, until_date date)
returns table (
  flow_id bigint,
  region_code text,
  information text,
  channel public.information_channel,
  periodicity public.information_periodicity,
  due_on date,
  publication_id bigint,
  publication_status public.publication_status,
  delivered_on date,
  days_late integer,
  recipients_expected bigint,
  recipients_acknowledged bigint,
  state text
)
language sql
stable
set search_path = ''
as $$
  with today as (
    select (now() at time zone 'America/Santiago')::date as d
  ),
  periods as (
    select f.id as flow_id, f.region_code, f.information, f.channel, f.periodicity, d as due_on
    from public.information_flows f
    cross join lateral public.flow_due_dates(f.periodicity, f.first_due_on, flow_periods.until_date) d
    where d >= flow_periods.from_date
  )
  select
    p.flow_id,
    p.region_code,
    p.information,
    p.channel,
    p.periodicity,
    p.due_on,
    live.publication_id,
    live.status,
    delivered.delivered_on,
    case
      when delivered.delivered_on is not null then greatest(delivered.delivered_on - p.due_on, 0)
      when t.d > p.due_on then t.d - p.due_on
      else 0
    end,
    coalesce(live.recipients_expected, 0),
    coalesce(live.recipients_acknowledged, 0),
    case
      when delivered.delivered_on is not null and delivered.delivered_on <= p.due_on then 'delivered_on_time'
      when delivered.delivered_on is not null then 'delivered_late'
      when t.d > p.due_on then 'missing'
      when p.due_on - t.d <= 7 then 'due_soon'
      else 'upcoming'
    end
  from periods p
  cross join today t
  -- The delivery that stands for the period: the live one, else the latest archived.
  left join lateral (
    select d.publication_id, d.status, d.recipients_expected, d.recipients_acknowledged
    from public.flow_deliveries d
    where d.flow_id = p.flow_id and d.due_on = p.due_on
    order by d.status = 'archived', d.publication_id desc
    limit 1
  ) live on true
  -- The first time the period was delivered decides punctuality, even if that delivery was later
  -- archived and corrected.
  left join lateral (
    select min(d.delivered_on) as delivered_on
    from public.flow_deliveries d
    where d.flow_id = p.flow_id and d.due_on = p.due_on and d.delivered
  ) delivered on true
  order by p.due_on, p.flow_id;
$$;

comment on function public.flow_periods(date, date) is
  'Períodos de los flujos que el usuario puede leer, con su entrega y estado (a tiempo, atrasada, faltante, vence pronto, próxima).';

revoke execute on function public.flow_due_dates(public.information_periodicity, date, date) from public;
grant execute on function public.flow_due_dates(public.information_periodicity, date, date)
  to authenticated, service_role;
revoke execute on function public.flow_periods(date, date) from public;
grant execute on function public.flow_periods(date, date) to authenticated, service_role;
