#!/usr/bin/env python3
"""The command line as a user meets it: help, usage errors, exit statuses, a bad
rule file, a bad input file, idempotent reruns, reviews and export formats.

usage: cli_test.py CLAIMCHECK SOURCE_DIR
"""

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import sys

import e2e_util as u

CLAIMCHECK = ""
SOURCE = ""
RULES = ""
CORPUS = ""


def cc(*args, check=None):
    return u.run([CLAIMCHECK, *args], check=check)


def expect(cond, message):
    if not cond:
        u.fail(message)


def commands_from_help(text):
    """The command names listed under "commands:" in `claimcheck --help`."""
    names, inside = [], False
    for line in text.splitlines():
        if line.strip() == "commands:":
            inside = True
            continue
        if inside:
            m = re.match(r"^  (\S+)\s", line)
            if not m:
                break
            names.append(m.group(1))
    return names


def test_help_and_usage(work):
    p = cc("--help", check=0)
    names = commands_from_help(p.stdout)
    for must in ("run", "ingest", "check", "report", "export", "review"):
        expect(must in names, f"`claimcheck --help` does not list {must}: {names}")
    expect("exit status" in p.stdout, "`claimcheck --help` does not document the exit statuses")
    for name in names:
        p = cc(name, "--help", check=0)
        expect(p.stdout.startswith("usage: claimcheck " + name), f"{name} --help: {p.stdout!r}")
    p = cc("no-such-command", check=2)
    expect("unknown command" in p.stderr, f"unknown command: stderr {p.stderr!r}")
    p = cc("run", CORPUS, "--no-such-flag", "--db", os.path.join(work, "x.db"), check=2)
    expect("--no-such-flag" in p.stderr, f"unknown flag: stderr {p.stderr!r}")
    cc("export", "--db", check=2)  # a flag without its value
    cc(check=2)                    # no command at all
    expect(not os.path.exists(os.path.join(work, "x.db")), "a usage error created a database")


def test_rerun_review_and_exports(work):
    db = os.path.join(work, "claims.db")
    out = os.path.join(work, "out")
    p = cc("run", CORPUS, "--db", db, "--out", out, "--rules", RULES, check=3)
    for f in ("report.html", "report.md", "discrepancies.csv"):
        expect(os.path.isfile(os.path.join(out, f)), f"run wrote no {f}")
    p = cc("run", CORPUS, "--db", db, "--out", out, "--rules", RULES, check=0)
    expect("nothing changed" in p.stdout, f"second run: stdout {p.stdout!r}")

    # JSON exports parse; the conflicts carry ids.
    claims = json.loads(cc("export", "claims", "--db", db, "--format", "json", check=0).stdout)
    expect(len(claims) > 10 and all("metric" in c for c in claims), "claims JSON")
    conflicts = json.loads(cc("export", "conflicts", "--db", db, "--format", "json",
                              check=0).stdout)
    real = [c for c in conflicts if c["severity"] == "conflict"]
    expect(real, "no conflict in the example corpus")
    cid = real[0]["conflict_id"]

    # A review shows in the export and survives another run and a re-check.
    p = cc("review", cid, "--status", "confirmed", "--note", "checked with the agency",
           "--by", "e2e", "--db", db, check=0)
    cc("review", cid, "--status", "bogus", "--db", db, check=2)
    p = cc("review", "0000000000000000", "--status", "confirmed", "--db", db, check=2)
    expect("0000000000000000" in p.stderr, f"unknown conflict id: stderr {p.stderr!r}")

    def status_of(conflict_id):
        text = cc("export", "conflicts", "--db", db, check=0).stdout
        rows = [r for r in csv.DictReader(io.StringIO(text)) if r["conflict_id"] == conflict_id]
        expect(rows, f"conflict {conflict_id} missing from the export")
        return {r["status"] for r in rows}

    expect(status_of(cid) == {"confirmed"}, f"after review: {status_of(cid)}")
    cc("run", CORPUS, "--db", db, "--out", out, "--rules", RULES, check=0)
    expect(status_of(cid) == {"confirmed"}, f"after a second run: {status_of(cid)}")
    p = cc("check", "--db", db, "--rules", RULES)
    expect(p.returncode == 0, f"check exited {p.returncode}: {p.stderr}")
    expect(status_of(cid) == {"confirmed"}, f"after check: {status_of(cid)}")

    # --excel: a UTF-8 byte order mark first; plain CSV has none.
    excel = os.path.join(work, "excel.csv")
    cc("export", "claims", "--db", db, "--excel", "-o", excel, check=0)
    with open(excel, "rb") as f:
        expect(f.read(3) == b"\xef\xbb\xbf", "--excel export does not start with a BOM")
    plain = os.path.join(work, "plain.csv")
    cc("export", "conflicts", "--db", db, "-o", plain, check=0)
    with open(plain, "rb") as f:
        head = f.read(64)
    expect(head.startswith(b"conflict_id,"), f"conflicts CSV header: {head!r}")
    cc("export", "nothing", "--db", db, check=2)


def row_count(db, table):
    if not os.path.exists(db):
        return 0
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # the table does not exist: nothing was written
    finally:
        con.close()


def test_bad_rule_file(work):
    rules = os.path.join(work, "rules")
    shutil.copytree(RULES, rules)
    path = os.path.join(rules, "checks", "core.toml")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    n = next(i for i, l in enumerate(lines) if l.startswith("relative_tolerance"))
    lines[n] = "relative_tolerance = = 0.1"
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    db = os.path.join(work, "bad_rules.db")
    p = cc("run", CORPUS, "--db", db, "--out", os.path.join(work, "out2"), "--rules", rules,
           check=1)
    expect(f"core.toml:{n + 1}" in p.stderr, f"bad rule: no core.toml:{n + 1} in {p.stderr!r}")
    expect("relative_tolerance = = 0.1" in p.stderr, "bad rule: the offending line is not shown")
    for table in ("documents", "claims", "conflicts"):
        expect(row_count(db, table) == 0, f"a bad rule file still wrote {table} rows")
    p = cc("rules", "lint", "--rules", rules, check=1)
    expect(f"core.toml:{n + 1}" in p.stderr, f"rules lint: {p.stderr!r}")


def test_bad_input_file(work):
    inputs = os.path.join(work, "inputs")
    os.makedirs(inputs)
    with open(os.path.join(inputs, "good.txt"), "w", encoding="utf-8") as f:
        f.write("Lũ quét ở Yên Bái\n\nThứ Ba, 10/09/2024 06:00\n\n"
                "Trận lũ quét đêm qua làm 9 người chết tại tỉnh Yên Bái.\n")
    with open(os.path.join(inputs, "broken.txt"), "wb") as f:
        f.write("Dòng một\nDòng hai\n".encode() + b"Dong \xff ba\n")
    open(os.path.join(inputs, "empty.txt"), "wb").close()
    db = os.path.join(work, "inputs.db")
    p = cc("run", inputs, "--db", db, "--out", os.path.join(work, "out3"), "--rules", RULES,
           check=4)
    # Invalid UTF-8 is repaired with a warning (not a failed input); the empty file fails.
    expect("broken.txt:3:6: warning: invalid UTF-8" in p.stderr, f"invalid UTF-8: stderr {p.stderr!r}")
    expect("empty.txt: error: empty file" in p.stderr, f"empty file: stderr {p.stderr!r}")
    text = cc("export", "claims", "--db", db, check=0).stdout
    files = {r["file"] for r in csv.DictReader(io.StringIO(text))}
    expect(files == {"good.txt"}, f"claims stored for {files}, expected good.txt only")


def test_same_file_name_in_two_folders(work):
    """Crawlers save pages by folder (outlet, date) under one name: each is its own
    document; a further input under a taken name is refused, the stored ones kept."""
    root = os.path.join(work, "by_outlet")
    texts = {"outlet_a/story.txt": "Lũ ở Hà Giang\n\nThứ Ba, 10/09/2024 06:00\n\n"
                                   "Trận lũ đêm qua làm 9 người chết tại tỉnh Hà Giang.\n",
             "outlet_b/story.txt": "Lũ ở Hà Giang\n\nThứ Tư, 11/09/2024 07:00\n\n"
                                   "Trận lũ làm 30 người chết tại tỉnh Hà Giang.\n"}
    for name, text in texts.items():
        os.makedirs(os.path.dirname(os.path.join(root, name)), exist_ok=True)
        with open(os.path.join(root, name), "w", encoding="utf-8") as f:
            f.write(text)
    db = os.path.join(work, "by_outlet.db")
    out = os.path.join(work, "out_by_outlet")
    p = cc("run", root, "--db", db, "--out", out, "--rules", RULES)
    expect(p.returncode in (0, 3), f"two folders: exit {p.returncode}, stderr {p.stderr!r}")
    expect("2 new, 0 changed" in p.stdout, f"two folders: {p.stdout!r}")
    text = cc("export", "claims", "--db", db, check=0).stdout
    files = sorted(r["file"] for r in csv.DictReader(io.StringIO(text)))
    expect(files == ["outlet_a/story.txt", "outlet_b/story.txt"], f"two folders: claims of {files}")
    # Another folder of the same layout in the same run: its outlet_a/story.txt is
    # refused (exit 4) and does not replace the stored one.
    clash = os.path.join(work, "clash")
    os.makedirs(os.path.join(clash, "outlet_a"))
    with open(os.path.join(clash, "outlet_a", "story.txt"), "w", encoding="utf-8") as f:
        f.write("Một bài khác: 500 người chết.\n")
    p = cc("run", root, clash, "--db", db, "--out", out, "--rules", RULES, check=4)
    expect('also named "outlet_a/story.txt"; not read' in p.stderr, f"clash: stderr {p.stderr!r}")
    text = cc("export", "claims", "--db", db, check=0).stdout
    values = sorted(r["value"] for r in csv.DictReader(io.StringIO(text)))
    expect(values == ["30", "9"], f"clash: the stored claims changed: {values}")


def main():
    global CLAIMCHECK, SOURCE, RULES, CORPUS
    CLAIMCHECK, SOURCE = sys.argv[1:3]
    RULES = os.path.join(SOURCE, "rules")
    CORPUS = os.path.join(SOURCE, "examples", "corpus")
    work = u.scratch("cli")
    tests = [test_help_and_usage, test_rerun_review_and_exports, test_bad_rule_file,
             test_bad_input_file, test_same_file_name_in_two_folders]
    for t in tests:
        t(work)
        print(f"ok  {t.__name__}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
