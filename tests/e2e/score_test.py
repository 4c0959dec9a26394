#!/usr/bin/env python3
"""Scores claimcheck on a corpus with a gold file (../shared/seeds, ../shared/dev):
claimcheck run + export claims/conflicts, then ../shared/tools/score.py with the
given thresholds. Prints the figures; exits 77 (skipped) when the corpus is absent.

usage: score_test.py CLAIMCHECK RULES_DIR SHARED_DIR CORPUS_NAME MIN_CLAIMS_F1 MIN_CONFLICTS_F1
"""

import os
import shutil
import sys

import e2e_util as u


def main():
    claimcheck, rules, shared, corpus_name, min_claims, min_conflicts = sys.argv[1:7]
    corpus = os.path.join(shared, corpus_name)
    score_py = os.path.join(shared, "tools", "score.py")
    gold = os.path.join(corpus, "gold.json")
    if not (os.path.isdir(corpus) and os.path.isfile(gold) and os.path.isfile(score_py)):
        print(f"skipped: {corpus} (or its gold.json, or {score_py}) is absent")
        return u.SKIP
    work = u.scratch(corpus_name)
    db = os.path.join(work, "claims.db")
    p = u.run([claimcheck, "run", corpus, "--db", db, "--out", os.path.join(work, "out"),
               "--rules", rules])
    if p.returncode not in (0, 3):
        u.fail(f"claimcheck run exited {p.returncode}\n{p.stdout}{p.stderr}")
    claims = os.path.join(work, "claims.csv")
    conflicts = os.path.join(work, "conflicts.csv")
    u.run([claimcheck, "export", "claims", "--db", db, "--format", "csv", "-o", claims], check=0)
    u.run([claimcheck, "export", "conflicts", "--db", db, "--format", "csv", "-o", conflicts],
          check=0)
    # Exactly the command of issue 3's "done when".
    p = u.run(["python3", score_py, "--gold", gold, "--claims", claims, "--conflicts", conflicts,
               "--min-claims-f1", min_claims, "--min-conflicts-f1", min_conflicts])
    print(p.stdout, end="")
    print(p.stderr, end="", file=sys.stderr)
    if p.returncode != 0:
        print(f"FAIL: below the thresholds (claims F1 >= {min_claims}, conflicts F1 >= "
              f"{min_conflicts}); files kept in {work}", file=sys.stderr)
        return 1
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
