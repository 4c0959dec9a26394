#!/bin/sh
# stream_filter_test.sh CLAIMCHECK CORPUS_GEN WORKDIR
# The stream filter route gives the same result as one `run`: a generated corpus
# is split into 3 parts, each part goes through `claimcheck extract --jsonl` in
# its own process (in parallel), the outputs are concatenated and loaded with
# `ingest-claims`, then `check`; the exported claims and conflicts must equal
# those of a single `claimcheck run` over the whole corpus.
set -eu
cc=$1
gen=$2
work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export CLAIMCHECK_NOW=2026-01-01T00:00:00Z

"$gen" 120 --seed 7 -o corpus.jsonl
split -n l/3 -d corpus.jsonl part.

# The single run.
set +e
"$cc" run corpus.jsonl --db single.db --out single-report --quiet
status=$?
set -e
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { echo "run failed with $status"; exit 1; }

# The distributed route: parallel filters, cat, ingest-claims, check.
for p in part.00 part.01 part.02; do
  "$cc" extract --jsonl --quiet < "$p" > "$p.claims" &
done
wait
cat part.00.claims part.01.claims part.02.claims > merged.claims.jsonl
[ "$(wc -l < merged.claims.jsonl)" -eq "$(wc -l < corpus.jsonl)" ] || { echo "one line per document expected"; exit 1; }
"$cc" ingest-claims merged.claims.jsonl --db merged.db --quiet
set +e
"$cc" check --db merged.db --quiet
status=$?
set -e
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || { echo "check failed with $status"; exit 1; }

for what in claims conflicts; do
  "$cc" export "$what" --db single.db -o "single.$what.csv"
  "$cc" export "$what" --db merged.db -o "merged.$what.csv"
  if ! cmp -s "single.$what.csv" "merged.$what.csv"; then
    echo "exported $what differ:"; diff "single.$what.csv" "merged.$what.csv" | head -20
    exit 1
  fi
done
claims=$(($(wc -l < single.claims.csv) - 1))
conflicts=$(($(wc -l < single.conflicts.csv) - 1))
[ "$claims" -gt 100 ] || { echo "too few claims ($claims) for a meaningful comparison"; exit 1; }
[ "$conflicts" -gt 0 ] || { echo "no conflicts to compare"; exit 1; }

# The filter is stateless and deterministic: the same part gives the same bytes.
"$cc" extract --jsonl --quiet < part.01 > again.claims
cmp -s again.claims part.01.claims || { echo "extract --jsonl is not deterministic"; exit 1; }

# Reading stdin on one thread while writing stdout on another must not mix the
# two (std::cin is tied to std::cout): a larger feed, through real pipes, gives
# exactly one non-blank line per document, the same bytes every time.
"$gen" 3000 --seed 11 -o big.jsonl
cat big.jsonl | "$cc" extract --jsonl --quiet | cat > big.1.claims
cat big.jsonl | "$cc" extract --jsonl --quiet | cat > big.2.claims
[ "$(wc -l < big.1.claims)" -eq 3000 ] || { echo "big feed: $(wc -l < big.1.claims) lines for 3000 documents"; exit 1; }
! grep -q '^$' big.1.claims || { echo "big feed: blank lines in the output"; exit 1; }
cmp -s big.1.claims big.2.claims || { echo "big feed: two runs differ"; exit 1; }

# A second load of the same stream changes nothing.
out=$("$cc" ingest-claims merged.claims.jsonl --db merged.db)
case "$out" in *"0 new, 0 changed, 120 unchanged"*) ;; *) echo "reload: $out"; exit 1 ;; esac
echo "ok: $claims claims, $conflicts conflicts identical"
