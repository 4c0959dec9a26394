-- 0022_series_texts: a rising series' text once, not in every row that shows it.
-- A cumulative_decrease row carries the whole run of reports of its metric and
-- subject (700 bytes on average at 100k articles), and every row of the group
-- carries the same one: 26 distinct texts in 365k rows, 45% of conflict_state.
-- The texts live in series_texts; a state row names its text by series_id, and
-- keeps `series` for a row without one ('') or stored before (then NULL: the
-- conflicts row's own, see 0018). Texts no row names any more are left (a few
-- kilobytes a night).

CREATE TABLE series_texts (
  id   INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE
) STRICT;

ALTER TABLE conflict_state ADD COLUMN series_id INTEGER REFERENCES series_texts(id);

INSERT INTO series_texts(text)
SELECT DISTINCT series FROM conflict_state WHERE series IS NOT NULL AND series <> '';

UPDATE conflict_state
SET series_id = (SELECT id FROM series_texts WHERE text = conflict_state.series), series = NULL
WHERE series IS NOT NULL AND series <> '';
