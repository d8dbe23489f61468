-- Deleting a commitment (issue 10 §1, the workspace's "Eliminar"): a commitment recorded by mistake
-- goes, with its links, and the audit trail keeps the deleted row (commitments_audit_deletes). One
-- whose progress has been reported does not: its history (commitment_progress) is evidence of the
-- PMG evaluation (on-time and fulfilled counts of requirement 1.3) and of "what changed", and a
-- delete would cascade it away. Such a commitment is cancelled instead (status 'cancelled', which
-- the costs leave out and the history records).
--
-- "Reported" = any history step with progress above 0 or a status other than pending; the step
-- written when the commitment was created (0 %, pending) is not a report. The rule binds every API
-- caller, administrators included; deleting the agreement is refused alike (a cascade runs as the
-- table's owner, so the agreement checks its commitments itself). The owner and the service role
-- (sample loads, restores) are not bound, as for the territory rules. Security invoker, so that
-- private.is_api_request() sees the caller; the history's progress and status are readable by
-- every role that may delete the commitment.
--
-- Error: 23503 constraint commitments_delete_without_progress (named in the detail).
create function private.refuse_deleting_reported_commitment()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() and exists (
    select 1 from public.commitment_progress h
    where h.commitment_id = old.id and (h.progress > 0 or h.status <> 'pending')
  ) then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'El compromiso tiene avances registrados; no se elimina: márquelo como cancelado.',
      detail = 'violates constraint "commitments_delete_without_progress"',
      constraint = 'commitments_delete_without_progress';
  end if;
  return old;
end;
$$;

-- Before each row: the history still holds the rows the delete would cascade away. (A statement
-- trigger after the delete would race the cascade.)
create trigger commitments_delete_without_progress
  before delete on public.commitments
  for each row execute function private.refuse_deleting_reported_commitment();

create function private.refuse_deleting_agreement_with_reports()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if private.is_api_request() and exists (
    select 1 from public.commitments c join public.commitment_progress h on h.commitment_id = c.id
    where c.agreement_id = old.id and (h.progress > 0 or h.status <> 'pending')
  ) then
    raise exception using
      errcode = 'foreign_key_violation',
      message = 'El acuerdo tiene compromisos con avances registrados; no se elimina.',
      detail = 'violates constraint "commitments_delete_without_progress"',
      constraint = 'commitments_delete_without_progress';
  end if;
  return old;
end;
$$;

create trigger agreements_delete_without_progress
  before delete on public.agreements
  for each row execute function private.refuse_deleting_agreement_with_reports();

revoke execute on function private.refuse_deleting_reported_commitment(),
  private.refuse_deleting_agreement_with_reports() from public;
