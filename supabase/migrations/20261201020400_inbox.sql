-- The recipients' inbox (issue 9 §2): the public deliveries addressed to the caller's institution
-- (a regional government, or a municipality whose user has the gore role), whether that
-- institution acknowledged each, unread first.
--
-- Security invoker and keyed on private.my_institution(): each signed-in user sees only its own
-- institution's inbox; publications, recipients and acknowledgements still pass their own RLS.

create view public.inbox
with (security_invoker = true)
as
select
  p.id as publication_id,
  p.title,
  p.summary,
  p.kind,
  p.region_code,
  p.published_at,
  p.due_on,
  f.id as flow_id,
  f.information as flow_information,
  r.institution_id,
  a.acknowledged_at,
  a.acknowledged_at is not null as acknowledged
from public.publications p
join public.information_flows f on f.id = p.flow_id
join public.information_flow_recipients r on r.flow_id = f.id
left join public.acknowledgements a on a.publication_id = p.id and a.institution_id = r.institution_id
where r.institution_id = (select private.my_institution())
  and private.publication_is_public(p.status, p.published_at);

comment on view public.inbox is
  'Entregas publicadas dirigidas a la institución del usuario, con su acuse de recibo.';

revoke all on public.inbox from anon, authenticated;
grant select on public.inbox to authenticated, service_role;
