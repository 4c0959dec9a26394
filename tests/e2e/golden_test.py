#!/usr/bin/env python3
"""The example corpus (examples/corpus) against its expected exports
(examples/expected/claims.csv, conflicts.csv). With CLAIMCHECK_UPDATE_GOLDEN=1
the expected files are rewritten instead (see HACKING.md).

usage: golden_test.py CLAIMCHECK SOURCE_DIR
"""

import difflib
import os
import shutil
import sys

import e2e_util as u


def main():
    claimcheck, source = sys.argv[1:3]
    corpus = os.path.join(source, "examples", "corpus")
    expected_dir = os.path.join(source, "examples", "expected")
    work = u.scratch("golden")
    db = os.path.join(work, "claims.db")
    p = u.run([claimcheck, "run", corpus, "--db", db, "--out", os.path.join(work, "out"),
               "--rules", os.path.join(source, "rules")])
    if p.returncode != 3:
        u.fail(f"run on the example corpus exited {p.returncode}, expected 3 (new conflicts)\n"
               f"{p.stdout}{p.stderr}")
    update = os.environ.get("CLAIMCHECK_UPDATE_GOLDEN") == "1"
    failed = False
    for what in ("claims", "conflicts"):
        got_path = os.path.join(work, what + ".csv")
        u.run([claimcheck, "export", what, "--db", db, "-o", got_path], check=0)
        with open(got_path, encoding="utf-8", newline="") as f:
            got = f.read()
        want_path = os.path.join(expected_dir, what + ".csv")
        if update:
            os.makedirs(expected_dir, exist_ok=True)
            with open(want_path, "w", encoding="utf-8", newline="") as f:
                f.write(got)
            print(f"updated {want_path}")
            continue
        with open(want_path, encoding="utf-8", newline="") as f:
            want = f.read()
        if got != want:
            failed = True
            diff = difflib.unified_diff(want.splitlines(), got.splitlines(), want_path, "got",
                                        lineterm="")
            print("\n".join(diff), file=sys.stderr)
    if failed:
        u.fail("exports differ from examples/expected; if the change is intended, rerun with "
               "CLAIMCHECK_UPDATE_GOLDEN=1 and review the diff (HACKING.md)")
    shutil.rmtree(work, ignore_errors=True)
    print("example corpus: exports match examples/expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
