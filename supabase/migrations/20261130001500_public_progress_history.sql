-- The progress history of a commitment (its progress and status over time) is public like the
-- commitment's current progress and status, which anyone reads; the note written with each change,
-- and who wrote it, stay internal. Anon reads the history's values through column privileges (the
-- app embeds `commitment_progress(progress,status,changed_at)` in the public agreement page);
-- signed-in users keep the rows of their scope, notes included.
--
-- Known limit: a signed-in user outside a commitment's scope (a regional role of another region, or
-- an account without membership) sees fewer history rows than anon, since column privileges cannot
-- differ per row. Moving the notes to a table of their own would lift it (see docs/SECURITY.md).

create policy "anyone reads the progress history's values" on public.commitment_progress
  for select to anon using (true);

grant select (id, commitment_id, progress, status, changed_at) on public.commitment_progress to anon;
