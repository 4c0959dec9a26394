#!/usr/bin/env python3
"""A run killed with SIGKILL at any moment leaves a sound database, and the next
run completes to exactly the result of an uninterrupted run.

A generated corpus (bench/corpus_gen) is run once without interruption (the
reference). Then, on a fresh database, runs are started and SIGKILLed at seeded
random moments within the reference run's duration, several times in a row
(each resumes what the previous one stored; the first few fall early, while
documents are committed, the rest anywhere). After every kill:
  - PRAGMA integrity_check is "ok" and foreign_key_check is empty; the full-text
    indexes pass FTS5's integrity-check (after the completing run: against their tables);
  - no half-stored document: incomplete_documents (documents whose claim_count
    differs from their stored claims) is empty, and every stored document holds
    exactly the claims the reference run stored for it.
Finally one more run completes, and `export claims` / `export conflicts` equal
the reference's byte for byte.

usage: crash_test.py CLAIMCHECK CORPUS_GEN WORKDIR [DOCS] [KILLS] [SEED]
"""

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import e2e_util as u  # noqa: E402

OK_STATUSES = (0, 3)  # nothing new / new conflicts


# Generated articles are rich in figures, so conflicts grow with the square of
# their number; short figure-free notes between them make the run store several
# batches of documents (commits) while the check stays quick.
FILLERS_PER_ARTICLE = 4
FILLER_TEXTS = [
    "Người dân trong xã tiếp tục dọn dẹp đường làng sau mưa lớn.",
    "Chính quyền địa phương kêu gọi bà con chú ý an toàn khi ra đồng.",
    "Residents kept clearing the village roads after the heavy rain.",
    "Các trường học mở cửa trở lại, học sinh đến lớp như thường lệ.",
]


def write_corpus(generated, corpus, fillers):
    with open(generated, encoding="utf-8") as f:
        articles = [line for line in f if line.strip()]
    with open(corpus, "w", encoding="utf-8") as out:
        n = 0
        for line in articles:
            out.write(line if line.endswith("\n") else line + "\n")
            for _ in range(fillers):
                n += 1
                words = " ".join(FILLER_TEXTS[(n + k) % len(FILLER_TEXTS)] for k in range(3))
                out.write(json.dumps({"url": f"https://notes.example/n/{chr(97 + n % 26)}{n}",
                                      "outlet": "Ghi chép", "published": "2024-09-12",
                                      "title": "Ghi chép", "language": "vi", "text": words},
                                     ensure_ascii=False) + "\n")


def run_cmd(cc, db, corpus, work):
    return [cc, "run", corpus, "--db", db, "--out", os.path.join(work, "report"), "--quiet"]


def export(cc, db, what):
    p = u.run([cc, "export", what, "--db", db], check=0)
    return p.stdout


def claims_by_file(db):
    """{file: sorted claim tuples} as stored; {} when the schema is not there yet."""
    con = sqlite3.connect(db)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
        if "documents" not in tables:
            return {}
        out = {f: [] for (f,) in con.execute("SELECT file FROM documents")}
        for row in con.execute("SELECT file, kind, metric, subject, value, qualifier, low, high, date, "
                               "as_of, quote, span_begin, span_end FROM claims"):
            out.setdefault(row[0], []).append(tuple("" if v is None else v for v in row[1:]))
        return {f: sorted(v, key=repr) for f, v in out.items()}
    finally:
        con.close()


def check_sound(db, reference, label, complete=False):
    if not os.path.exists(db):
        return 0
    con = sqlite3.connect(db)
    try:
        result = [r[0] for r in con.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            u.fail(f"{label}: integrity_check: {result}")
        fk = con.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            u.fail(f"{label}: foreign_key_check: {fk[:5]}")
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # Full-text indexes (migration 0007): never corrupt; once a run completes,
        # exactly in step with their tables (rank 1 compares with the content).
        for fts in ("documents_fts", "claims_fts"):
            if fts in tables:
                try:
                    con.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', ?)",
                                (1 if complete else 0,))
                except sqlite3.DatabaseError as e:
                    if "no such module" not in str(e):
                        u.fail(f"{label}: {fts} integrity-check: {e}")
        views = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
        if "incomplete_documents" in views:
            bad = con.execute("SELECT file, claim_count, claims_stored FROM incomplete_documents").fetchall()
            if bad:
                u.fail(f"{label}: half-stored documents (file, claim_count, claims stored): {bad[:5]}")
    finally:
        con.close()
    stored = claims_by_file(db)
    for f, claims in stored.items():
        if f not in reference:
            u.fail(f"{label}: document {f!r} is not in the reference run")
        if claims != reference[f]:
            u.fail(f"{label}: document {f!r} holds {len(claims)} claims, the reference "
                   f"{len(reference[f])} (or they differ)")
    return len(stored)


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    cc, gen, work = sys.argv[1:4]
    docs = int(sys.argv[4]) if len(sys.argv) > 4 else 150
    kills = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 20251125
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    corpus = os.path.join(work, "corpus.jsonl")
    generated = os.path.join(work, "generated.jsonl")
    subprocess.run([gen, str(docs), "--seed", "7", "-o", generated], check=True, capture_output=True)
    write_corpus(generated, corpus, FILLERS_PER_ARTICLE)

    ref_db = os.path.join(work, "reference.db")
    started = time.monotonic()
    p = u.run(run_cmd(cc, ref_db, corpus, work))
    duration = time.monotonic() - started
    if p.returncode not in OK_STATUSES:
        u.fail(f"reference run exited {p.returncode}: {p.stderr}")
    reference = claims_by_file(ref_db)
    ref_claims, ref_conflicts = export(cc, ref_db, "claims"), export(cc, ref_db, "conflicts")
    print(f"reference: {len(reference)} documents ({docs} generated), {sum(map(len, reference.values()))} claims, "
          f"{ref_conflicts.count(chr(10)) - 1} conflicts in {duration:.2f} s")

    rng = random.Random(seed)
    db = os.path.join(work, "killed.db")
    killed = 0
    for i in range(kills):
        # The first kills fall early (ingest: documents being committed batch by
        # batch), the later ones anywhere (check, report, the run's end).
        delay = rng.uniform(0.03, 0.35 if i < kills // 2 + 1 else 0.95) * duration
        proc = subprocess.Popen(run_cmd(cc, db, corpus, work), env=u.env(),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=delay)
            outcome = f"finished first (exit {proc.returncode})"
            if proc.returncode not in OK_STATUSES:
                u.fail(f"kill {i + 1}: the run exited {proc.returncode} before it was killed")
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed += 1
            outcome = "killed"
        stored = check_sound(db, reference, f"after kill {i + 1} at {delay:.2f} s")
        print(f"kill {i + 1}: at {delay:.2f} s, {outcome}; {stored} documents stored, database sound")
    if killed == 0:
        u.fail("no run was killed before it finished (the corpus is too small for this machine?)")

    p = u.run(run_cmd(cc, db, corpus, work))
    if p.returncode not in OK_STATUSES:
        u.fail(f"the completing run exited {p.returncode}: {p.stderr}")
    check_sound(db, reference, "after the completing run", complete=True)
    if export(cc, db, "claims") != ref_claims:
        u.fail("claims after the interrupted runs differ from the uninterrupted run's")
    if export(cc, db, "conflicts") != ref_conflicts:
        u.fail("conflicts after the interrupted runs differ from the uninterrupted run's")
    print(f"ok: {killed} of {kills} runs killed mid-way; the completing run equals the uninterrupted one")
    return 0


if __name__ == "__main__":
    sys.exit(main())
