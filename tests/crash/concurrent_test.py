#!/usr/bin/env python3
"""Two claimcheck runs on one database at once.

1. A run holds the database's run lock: a second run started while it works
   stops at once with "database ... is in use by another claimcheck run (pid N)"
   naming the first run's pid, exit status 1, and writes nothing; readers
   (export) still work meanwhile.
2. Two runs started at the same moment on a fresh database both end; each
   either completes or is refused with that message (never anything else), at
   least one completes, integrity_check is ok, and the exports equal those of
   a single uninterrupted run.

usage: concurrent_test.py CLAIMCHECK CORPUS_GEN WORKDIR
"""

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import e2e_util as u  # noqa: E402
from crash_test import FILLERS_PER_ARTICLE, write_corpus  # noqa: E402

OK_STATUSES = (0, 3)
IN_USE = re.compile(r"database (\S+) is in use by another claimcheck run \(pid (\d+)\)")
# Two runs started together: the loser may look before the winner has written its pid.
IN_USE_ANY = re.compile(r"database (\S+) is in use by another claimcheck run \(pid (\d+|unknown)\)")


def run_cmd(cc, db, corpus, out):
    return [cc, "run", corpus, "--db", db, "--out", out, "--quiet"]


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("PRAGMA integrity_check")]
    finally:
        con.close()


def export(cc, db, what):
    return u.run([cc, "export", what, "--db", db], check=0).stdout


def test_second_run_is_refused(cc, corpus, work, reference):
    db = os.path.join(work, "held.db")
    first = subprocess.Popen(run_cmd(cc, db, corpus, os.path.join(work, "r1")), env=u.env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = db + ".lock"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if os.path.exists(lock):
            with open(lock) as f:
                if f.read().strip() == str(first.pid):
                    break
        time.sleep(0.005)
    else:
        first.kill()
        u.fail("the first run never wrote its pid into " + lock)
    second = u.run(run_cmd(cc, db, corpus, os.path.join(work, "r2")))
    reader = u.run([cc, "export", "claims", "--db", db])
    try:
        out, err = first.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        first.kill()
        first.wait()
        u.fail("the first run did not finish within 60 s")
    if first.returncode not in OK_STATUSES:
        u.fail(f"the first run exited {first.returncode}: {err}")
    if second.returncode != 1:
        u.fail(f"the second run exited {second.returncode}, expected 1\nstderr: {second.stderr}")
    m = IN_USE.search(second.stderr)
    if not m or m.group(1) != db or m.group(2) != str(first.pid):
        u.fail(f"the second run's message does not name the database and pid {first.pid}: {second.stderr!r}")
    if reader.returncode != 0:
        u.fail(f"export during the run exited {reader.returncode}: {reader.stderr}")
    if os.path.exists(os.path.join(work, "r2")):
        u.fail("the refused run wrote a report")
    con = sqlite3.connect(db)
    runs = con.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
    con.close()
    if runs != 1:
        u.fail(f"the refused run was recorded: {runs} runs in the database")
    if integrity(db) != ["ok"]:
        u.fail(f"integrity_check after the refused run: {integrity(db)}")
    if export(cc, db, "claims") != reference[0] or export(cc, db, "conflicts") != reference[1]:
        u.fail("the first run's result differs from the reference")
    print(f"refused: {second.stderr.strip()}")


def test_simultaneous_runs(cc, corpus, work, reference, rounds=2):
    for i in range(rounds):
        db = os.path.join(work, f"both{i}.db")
        procs = [subprocess.Popen(run_cmd(cc, db, corpus, os.path.join(work, f"both{i}-{k}")), env=u.env(),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for k in (0, 1)]
        try:
            results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
        except subprocess.TimeoutExpired:
            for p in procs:
                p.kill()
                p.wait()
            u.fail(f"round {i}: the runs did not finish within 60 s")
        for p in procs:
            p.stdout.close()
            p.stderr.close()
        completed = 0
        for status, err in results:
            if status in OK_STATUSES:
                completed += 1
            elif status != 1 or not IN_USE_ANY.search(err):
                u.fail(f"round {i}: a run exited {status} without the in-use message: {err!r}")
        if completed == 0:
            u.fail(f"round {i}: neither run completed: {results}")
        if integrity(db) != ["ok"]:
            u.fail(f"round {i}: integrity_check: {integrity(db)}")
        if export(cc, db, "claims") != reference[0] or export(cc, db, "conflicts") != reference[1]:
            u.fail(f"round {i}: the result differs from a single run's")
        print(f"round {i}: exit statuses {[s for s, _ in results]}, result equals a single run's")


def main():
    cc, gen, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = os.path.join(work, "corpus.jsonl")
    generated = os.path.join(work, "generated.jsonl")
    subprocess.run([gen, "150", "--seed", "11", "-o", generated], check=True, capture_output=True)
    write_corpus(generated, corpus, FILLERS_PER_ARTICLE)
    ref_db = os.path.join(work, "reference.db")
    p = u.run(run_cmd(cc, ref_db, corpus, os.path.join(work, "ref")))
    if p.returncode not in OK_STATUSES:
        u.fail(f"reference run exited {p.returncode}: {p.stderr}")
    reference = (export(cc, ref_db, "claims"), export(cc, ref_db, "conflicts"))
    test_second_run_is_refused(cc, corpus, work, reference)
    test_simultaneous_runs(cc, corpus, work, reference)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
