#!/usr/bin/env python3
"""Bad inputs (issue 8): claimcheck stays calm, names each bad file, keeps the rest.

Generates the inputs with make_hostile.py into WORKDIR, stores a good article
first, then runs `claimcheck run` on the whole hostile set and checks:
  - exit status 4 (some inputs failed) and a clear stderr line per bad input,
    with file:line for the feed and the manifest;
  - repaired and converted documents (invalid UTF-8, NUL bytes, UTF-16, windows-
    1258, BOM, CRLF/CR) are warnings, and give the reference article's claims;
  - the NFD article gives exactly the claims of the NFC one;
  - the long line and the deeply nested page are processed (the script's figure
    is not read as text), the 30 MB line is refused by size;
  - `extract --jsonl` treats the feed's lines as `run` does;
  - what was stored before the bad run is still there.

usage: hostile_inputs_test.py CLAIMCHECK MAKE_HOSTILE RULES WORKDIR
"""

import csv
import io
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import e2e_util as u  # noqa: E402


def expect(cond, message):
    if not cond:
        u.fail(message)


def claims(claimcheck, db):
    p = u.run([claimcheck, "export", "claims", "--db", db], check=0)
    by_file = {}
    for row in csv.DictReader(io.StringIO(p.stdout)):
        key = (row["metric"], row["subject"], row["kind"], row["value"], row["qualifier"],
               row["low"], row["high"], row["date"], row["quote"], row["sentence"],
               row["span_begin"], row["span_end"])
        by_file.setdefault(row["file"], []).append(key)
    return by_file


def main():
    claimcheck, make_hostile, rules, work = sys.argv[1:5]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    data = os.path.join(work, "data")
    subprocess.run([sys.executable, make_hostile, data], check=True)
    db = os.path.join(work, "claims.db")
    common = ["--db", db, "--rules", rules]

    # A good article stored first: nothing of it may be lost later.
    u.run([claimcheck, "run", os.path.join(data, "inputs", "a_good.txt"), *common,
           "--out", os.path.join(work, "out1")], check=0)
    before = claims(claimcheck, db)
    expect(before.get("a_good.txt"), f"the reference article gave no claims: {before}")

    root = os.geteuid() == 0
    inputs = [os.path.join(data, name) for name in
              ("inputs", "feed.jsonl", "manifest_bad", "manifest_missing", "photo.png", "pipe")]
    if not root:  # root reads a mode-000 file anyway
        inputs.append(os.path.join(data, "locked.txt"))
    started = time.monotonic()
    p = u.run([claimcheck, "run", *inputs, *common, "--out", os.path.join(work, "out2")], check=4)
    seconds = time.monotonic() - started
    err = p.stderr
    print(f"hostile run: {seconds:.1f} s")
    expect(seconds < 60, f"the hostile run took {seconds:.0f} s")

    d = data + "/"
    errors = [
        d + "inputs/empty.txt: error: empty file",
        d + "inputs/binary.txt: error: looks like binary data",
        d + "inputs/tcvn3.txt: error: not UTF-8",
        "suspected encoding: TCVN3",
        d + "inputs/huge_line.txt: error: text is 30.0 MB, over the 2.0 MB limit",
        d + "feed.jsonl:2: error: malformed JSON",
        d + "manifest_bad/manifest.json:3:3: error: not valid JSON",
        d + "photo.png: error: looks like binary data (PNG image)",
        d + "pipe: error: not a regular file",
    ]
    if not root:
        errors.append(d + "locked.txt: error: cannot read file: Permission denied")
    warnings = [
        d + "inputs/bad_bytes.txt:7:",  # invalid UTF-8 repaired, NUL bytes dropped
        "warning: invalid UTF-8: 5 bad byte sequences replaced with U+FFFD",
        "warning: 2 NUL or control bytes dropped",
        d + "inputs/cp1258.txt: warning: not UTF-8: read as windows-1258",
        d + "inputs/utf16le.txt: warning: read as UTF-16LE",
        d + "inputs/utf16be.txt: warning: read as UTF-16BE",
        d + "inputs/deep.html: warning: HTML nested deeper than 512 elements",
        d + "feed.jsonl:4:174: warning: invalid UTF-8",
        # Metadata for a file that may come later: a warning, not a failed input.
        d + "manifest_missing/manifest.json:7: warning: manifest entry 2 (\"gone.txt\"): file not found",
    ]
    for line in errors + warnings:
        expect(line in err, f"stderr lacks {line!r}:\n{err}")
    for quiet in ("nfd.txt", "crlf.txt", "cr.txt", "utf8_bom.txt", "picture.png", "long_line.txt",
                  "a_good.txt", "nfc.txt"):
        expect(quiet not in err, f"stderr mentions {quiet}:\n{err}")
    failed = f"{sum(': error: ' in e for e in errors)} input(s) failed"
    expect(failed in p.stdout, f"summary lacks {failed!r}: {p.stdout!r}")

    after = claims(claimcheck, db)
    expect(after["a_good.txt"] == before["a_good.txt"], "the stored article's claims changed")
    # Converted and re-ended copies of the reference give exactly its claims.
    for name in ("crlf.txt", "cr.txt", "utf8_bom.txt", "utf16le.txt", "utf16be.txt", "cp1258.txt"):
        expect(after.get(name) == before["a_good.txt"],
               f"{name}: claims {after.get(name)} differ from the reference's {before['a_good.txt']}")
    expect(after.get("nfc.txt") and after.get("nfd.txt") == after["nfc.txt"],
           f"NFD claims {after.get('nfd.txt')} differ from NFC claims {after.get('nfc.txt')}")

    def values(name):
        return sorted(k[3] for k in after.get(name, []) if k[3])

    expect(values("bad_bytes.txt") == ["6", "9"], f"bad_bytes.txt: {after.get('bad_bytes.txt')}")
    expect(values("long_line.txt") == ["23", "31"], f"long_line.txt: {after.get('long_line.txt')}")
    expect(values("deep.html") == ["7"], f"deep.html (the script's 99 must not count): {after.get('deep.html')}")
    for url, value in (("https://feed.example/1", "11"), ("https://feed.example/3", "12"),
                       ("https://feed.example/4", "13"), ("https://feed.example/5", "14")):
        expect(values(url) == [value], f"{url}: {after.get(url)}")
    expect("https://feed.example/2" not in after, "the broken feed line was stored")
    expect(values("story_a.txt") == ["8"], f"manifest_bad/story_a.txt: {after.get('story_a.txt')}")
    expect(values("story_b.txt") == ["8"], f"manifest_missing/story_b.txt: {after.get('story_b.txt')}")
    for refused in ("empty.txt", "binary.txt", "tcvn3.txt", "huge_line.txt", "picture.png",
                    "photo.png"):
        expect(refused not in after, f"{refused} gave claims: {after.get(refused)}")

    # The stream filter reads a feed the same way: line 2 fails, line 4 is repaired.
    with open(os.path.join(data, "feed.jsonl"), "rb") as feed:
        p = subprocess.run([claimcheck, "extract", "--jsonl", "--rules", rules], stdin=feed,
                           capture_output=True, env=u.env())
    err = p.stderr.decode("utf-8", "replace")
    expect(p.returncode == 4, f"extract --jsonl exited {p.returncode}: {err}")
    expect("stdin:2: error: malformed JSON" in err and "stdin:4:174: warning: invalid UTF-8" in err,
           f"extract --jsonl stderr: {err}")
    expect(len(p.stdout.decode().splitlines()) == 4, f"extract --jsonl: {p.stdout!r}")

    # A second run on the same inputs: the same failures, nothing stored is lost.
    p = u.run([claimcheck, "run", *inputs, *common, "--out", os.path.join(work, "out3")], check=4)
    expect(claims(claimcheck, db) == after, "a rerun changed the stored claims")
    print("ok  hostile inputs: " + ", ".join(sorted(after)))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
