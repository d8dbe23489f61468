-- Which scheduled period a publication delivers, so that "delivered on time" can be shown for every
-- past delivery, not only as an overdue `next_due_on` of the flow.
--
-- A delivery (a publication with `flow_id`) records the due date of the flow period it delivers
-- (`due_on`); punctuality, lateness and receipts are derived when read by `flow_deliveries`, never
-- stored, so they cannot drift from the publication, its recipients or its acknowledgements.

alter table public.publications add column due_on date;

comment on column public.publications.due_on is
  'Fecha de vencimiento del período del flujo de información que entrega esta publicación (solo con flow_id).';

-- NOT VALID: deliveries recorded before this column existed never said which period they deliver,
-- and nothing in the database can tell now (guessing would invent punctuality). They keep due_on
-- null (flow_deliveries shows their punctuality as unknown) and must be given one the next time
-- they are edited. Every row inserted or updated from now on is checked.
alter table public.publications
  add constraint publications_due_on_with_flow_only check ((flow_id is null) = (due_on is null)) not valid;

-- One live delivery per period: a second one for the same (flow, due date) is a mistake, or a
-- correction — then the first is archived and the correction delivers the period. Archived
-- deliveries stay on record (their receipts cannot be deleted), hence the partial index.
create unique index publications_one_delivery_per_period
  on public.publications (flow_id, due_on)
  where status <> 'archived';

-- Serves the flow's deliveries in period order, and the foreign key (leading column), so the old
-- single-column index is redundant.
create index publications_flow_id_due_on_idx on public.publications (flow_id, due_on);
drop index public.publications_flow_id_idx;

-- Deleting a flow sets its deliveries' flow_id to null (on delete set null), which the check
-- above would refuse while due_on stays: a period means nothing without its flow, so it goes too.
-- The same holds when a publication is detached from its flow by hand.
create function private.forget_period_without_flow()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.flow_id is null then
    new.due_on := null;
  end if;
  return new;
end;
$$;

create trigger publications_forget_period_without_flow before update of flow_id on public.publications
  for each row execute function private.forget_period_without_flow();

-- Punctuality of every delivery, judged on Chile's calendar (like commitments' "overdue"):
--   delivered          public at some point: published/archived/scheduled with published_at passed;
--   delivered_on       the Chilean date it became public;
--   delivered_on_time  delivered_on <= due_on; false too for an undelivered period already past
--                      due (it can no longer be on time); null while undelivered and not yet due,
--                      or when due_on is unknown;
--   days_late          days past due when delivered, or so far when still undelivered; 0 on time.
-- Receipts: recipients_expected are the flow's current recipients, recipients_acknowledged the
-- acknowledgements of this publication. Security invoker: every count is of the rows the caller
-- may read (the base tables' RLS), and the inner join with information_flows lists only deliveries
-- of flows the caller reads — so no role sees a delivery whose recipients it cannot count.
create view public.flow_deliveries
with (security_invoker = true)
as
with judged as (
  select
    p.id as publication_id,
    p.flow_id,
    p.region_code,
    p.title,
    p.status,
    p.due_on,
    p.published_at,
    case
      when p.status <> 'draft' and p.published_at <= now()
        then (p.published_at at time zone 'America/Santiago')::date
    end as delivered_on,
    (now() at time zone 'America/Santiago')::date as today
  from public.publications p
  join public.information_flows f on f.id = p.flow_id
)
select
  j.publication_id,
  j.flow_id,
  j.region_code,
  j.title,
  j.status,
  j.due_on,
  j.published_at,
  j.delivered_on is not null as delivered,
  j.delivered_on,
  case
    when j.delivered_on is not null then j.delivered_on <= j.due_on
    when j.today > j.due_on then false
  end as delivered_on_time,
  -- (greatest() skips nulls: spell out that an unknown due date gives unknown lateness.)
  case when j.due_on is not null then greatest(coalesce(j.delivered_on, j.today) - j.due_on, 0) end as days_late,
  (select count(*) from public.information_flow_recipients r where r.flow_id = j.flow_id) as recipients_expected,
  (select count(*) from public.acknowledgements a where a.publication_id = j.publication_id) as recipients_acknowledged
from judged j;

comment on view public.flow_deliveries is
  'Entregas de flujos de información: si se entregaron a tiempo, días de atraso y acuses de recibo (calculado al leer).';

-- Not for anon: recipients and acknowledgements are internal working data that anon cannot read,
-- so the view could only fail for it. Signed-in roles get the rows RLS lets them read.
revoke all on public.flow_deliveries from anon, authenticated;
grant select on public.flow_deliveries to authenticated, service_role;
