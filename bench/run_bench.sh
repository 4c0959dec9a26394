#!/bin/sh
# run_bench.sh N [--seed S] [--corpus-version V] [--build DIR] [--work DIR] [--stages LIST]
# Generates a deterministic corpus of N articles (bench/corpus_gen) plus a 1%
# increment (other seed), then runs bench/claimcheck_bench over it: per stage
# wall time, MB/s, claims/s, peak RSS, the RE2 floor and the ratios.
# The corpus is kept in the work folder and reused when N, the seed and the
# generator's version (default 3; 1 is the corpus of RESULTS.md's rounds one to
# eight, 2 that of the eighth round's end and the ninth's first figures, see
# bench/corpus_gen.cc) match.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
n=${1:?usage: run_bench.sh N [--seed S] [--corpus-version V] [--build DIR] [--work DIR] [--stages LIST]}
shift
seed=1
version=3
build="$here/../build"
work=""
stages=all
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed=$2; shift 2 ;;
    --corpus-version) version=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --stages) stages=$2; shift 2 ;;
    *) echo "run_bench.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$work" ] || work="${TMPDIR:-/tmp}/claimcheck-bench"
mkdir -p "$work"
# Version 1's files keep their old names, so corpora written before version 2 are reused.
if [ "$version" = 1 ]; then tag=""; else tag="v$version-"; fi
corpus="$work/corpus-$tag$n-$seed.jsonl"
extra="$work/extra-$tag$n-$seed.jsonl"
if [ ! -s "$corpus" ]; then
  "$build/bench/corpus_gen" "$n" --seed "$seed" --version "$version" -o "$corpus.tmp" && mv "$corpus.tmp" "$corpus"
fi
if [ ! -s "$extra" ]; then
  # The nightly increment: 1% more articles from another seed (their urls are distinct:
  # the generator numbers urls from N upwards through --seed only, so prefix them).
  add=$(( n / 100 > 0 ? n / 100 : 1 ))
  "$build/bench/corpus_gen" "$add" --seed "$((seed + 1000))" --version "$version" | sed 's#"url": "https://#"url": "https://new.#' > "$extra"
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
exec "$build/bench/claimcheck_bench" "$corpus" --add "$extra" --db "$work/bench.db" --out "$work/report" \
  --stages "$stages"
