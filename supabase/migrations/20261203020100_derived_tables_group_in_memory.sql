-- The 100 000-row import (issue 11: validated and committed in ≤ 60 s) spends a third of its time
-- keeping the dashboard's derived tables current: the tile grid (20261202010100) and the roll-ups
-- (20261201070100, 20261202020200), whose statement triggers move them by the delta of the
-- projects a statement touched (docs/BENCHMARKS.md, "Project import"). At 100 000 new projects
-- that delta is ~400 000 grid rows, ~1.2 million coarse-cell rows before grouping and ~400 000
-- roll-up rows per roll-up; with the default 16 MB of work_mem those groupings sorted or hashed
-- through temporary files (auto_explain: "external merge Disk: 108000kB", "Batches: 29"). The
-- same functions, unchanged in body and in what they write, now group in memory. 64 MB (hashes may take twice
-- that, hash_mem_multiplier) is only reached by a statement touching tens of thousands of
-- projects; an ordinary edit uses kilobytes.
--
-- What this does not change, measured (docs/BENCHMARKS.md): the time goes into writing the rows
-- themselves — every grid, coarse-cell and roll-up row an import adds is an upsert into a primary
-- key (~10–20 µs each on this machine, ~1.2 million of them for 100 000 projects). Feeding the
-- upserts in key order and MERGE instead of ON CONFLICT were no faster. A transaction-local
-- "deferred maintenance" switch would not help either: an import of new projects already moves
-- each derived table in one statement (the other trigger calls see no rows); only an import that
-- moves existing projects recounts them three times (their update, then the placement's delete
-- and insert of their comunas). `npm run bench:import` puts the earlier definitions (without this
-- setting) back inside a rolled-back transaction to compare both in one run.

alter function private.refresh_project_grid(bigint[]) set work_mem = '64MB';
alter function private.refresh_project_pieces(bigint[]) set work_mem = '64MB';
alter function private.piece_rollups_changed() set work_mem = '64MB';
