-- An agreement moved into a region keeps the territory rule for the projects its commitments link
-- (found by the attack audit, tests/integration/attacks.test.ts). Moving an agreement into a
-- region (an administrator's act: national → regional, or one region to another) checked its
-- parties, covered comunas, the institutions responsible for its commitments and the comunas they
-- concern, but not the projects they link; so a national agreement linking a project of region B
-- could be moved into region A and become a regional agreement of A that reaches into B — the
-- situation commitment_projects_in_territory refuses for every direct link. Same function, one
-- more clause; same error (23503, constraint agreements_references_in_territory).

create or replace function private.check_agreement_keeps_territory()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() and new.region_code is not null and (
    exists (select 1 from public.agreement_parties ap
            where ap.agreement_id = new.id and not private.institution_in_region(ap.institution_id, new.region_code))
    or exists (select 1 from public.agreement_communes ac join public.communes m on m.code = ac.commune_code
               where ac.agreement_id = new.id and m.region_code <> new.region_code)
    or exists (select 1 from public.commitments c
               where c.agreement_id = new.id and not private.institution_in_region(c.responsible_institution_id, new.region_code))
    or exists (select 1 from public.commitment_communes cc join public.commitments c on c.id = cc.commitment_id
               join public.communes m on m.code = cc.commune_code
               where c.agreement_id = new.id and m.region_code <> new.region_code)
    -- A linked project must touch the region, as commitment_projects_in_territory asks of a new link.
    or exists (select 1 from public.commitment_projects cp join public.commitments c on c.id = cp.commitment_id
               where c.agreement_id = new.id and not exists (
                 select 1 from public.project_communes pc
                 where pc.project_id = cp.project_id and pc.region_code = new.region_code))
  ) then
    perform private.out_of_territory('agreements_references_in_territory',
      'El acuerdo tiene partes, comunas o compromisos de otra región; no puede pasar a esta región.');
  end if;
  return new;
end;
$$;

revoke execute on function private.check_agreement_keeps_territory() from public;
