#!/usr/bin/env python3
"""Database faults: --db naming a file that is not SQLite, or a claimcheck
database written by a newer claimcheck (PRAGMA user_version higher than this
binary's migrations). Every command that opens the database refuses with a
clear message naming the file (and both schema versions), exits non-zero,
and leaves the file byte for byte as it was.

usage: db_faults_test.py CLAIMCHECK SOURCE_DIR WORKDIR
"""

import glob
import hashlib
import os
import shutil
import sqlite3
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import e2e_util as u  # noqa: E402


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def commands(db, corpus, work):
    out = os.path.join(work, "report")
    return [
        ["run", corpus, "--db", db, "--out", out],
        ["ingest", corpus, "--db", db],
        ["check", "--db", db],
        ["report", "--db", db, "--out", out],
        ["export", "claims", "--db", db],
        ["review", "--list", "--db", db],
        ["history", "--db", db],
    ]


def expect_refused(cc, db, corpus, work, needles):
    before = digest(db)
    for args in commands(db, corpus, work):
        p = u.run([cc, *args])
        name = " ".join(args[:2])
        if p.returncode == 0 or p.returncode == 3:
            u.fail(f"`claimcheck {name}` on {db} exited {p.returncode}")
        if p.returncode == 2:
            u.fail(f"`claimcheck {name}`: usage error instead of a database error: {p.stderr}")
        for needle in needles:
            if needle not in p.stderr:
                u.fail(f"`claimcheck {name}`: stderr lacks {needle!r}: {p.stderr!r}")
        if digest(db) != before:
            u.fail(f"`claimcheck {name}` changed {db}")
    if os.path.exists(os.path.join(work, "report")):
        u.fail("a report was written for a refused database")


def main():
    cc, source, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = os.path.join(source, "examples", "corpus")

    # A text file given as --db (e.g. a typo pointing at notes or a CSV).
    notes = os.path.join(work, "notes.txt")
    with open(notes, "w") as f:
        f.write("file,metric,value\nthis is not a database\n" * 20)
    expect_refused(cc, notes, corpus, work, [notes, "not a SQLite database", "not changed"])
    print("text file: refused, unchanged")

    # A database from a newer claimcheck: schema version above what we know.
    db = os.path.join(work, "newer.db")
    u.run([cc, "run", corpus, "--db", db, "--out", os.path.join(work, "first")], check=3)
    shutil.rmtree(os.path.join(work, "first"))
    con = sqlite3.connect(db)
    known = con.execute("PRAGMA user_version").fetchone()[0]
    con.execute("PRAGMA journal_mode = DELETE")  # a header WAL would rewrite
    con.execute(f"PRAGMA user_version = {known + 7}")
    con.commit()
    con.close()
    for leftover in glob.glob(db + "-*"):
        os.remove(leftover)
    expect_refused(cc, db, corpus, work,
                   [db, f"schema version {known + 7} is newer than this claimcheck supports ({known})"])
    print(f"schema version {known + 7} (this binary knows {known}): refused, unchanged")
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
