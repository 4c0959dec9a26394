#!/usr/bin/env python3
"""Two nightly runs over a growing folder, with the editors' desk in between.

Night 1: two outlets disagree on a storm's toll (dead and missing). Between the
nights an editor dismisses both conflicts, one with `claimcheck review`, the
other through the `claimcheck serve` page (GET the form, POST without the
token -> 403, POST with it -> stored). Night 2: one article is edited (its
death toll changes) and a third article is added. Checks: exit statuses, the
run history (times, inputs, counts), that the untouched dismissal sticks and
is not new, that the edited conflict is resolved and its successor comes back
open with the old decision in its log, the report's new / still open /
resolved sections, the dated report folder and `latest`, discrepancies.csv read
as a spreadsheet would, and a third night with nothing new (exit 0).

The articles are written for this test (invented outlets and figures).

usage: nightly_test.py CLAIMCHECK SOURCE_DIR
"""

import csv
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import e2e_util as u

CLAIMCHECK = ""
RULES = ""

NIGHT1 = "2025-09-21T02:00:00Z"
NIGHT2 = "2025-09-22T02:00:00Z"
NIGHT3 = "2025-09-23T02:00:00Z"

ARTICLE_A = """Bão số 9 quét qua Quảng Bình, nhiều huyện mất điện

Chủ Nhật, 21/09/2025 06:30

Bão số 9 đổ bộ vào vùng biển Quảng Bình đêm qua với sức gió mạnh cấp 11.

Theo Ban Chỉ huy phòng chống thiên tai tỉnh, bão làm 14 người chết và 3 người mất tích tại Quảng Bình.

Hàng nghìn ngôi nhà bị tốc mái, lực lượng cứu hộ đang tiếp cận các xã bị chia cắt.
"""

ARTICLE_B_NIGHT1 = """Quảng Bình khắc phục hậu quả bão số 9

Chủ Nhật, 21/09/2025 07:10

Chính quyền tỉnh Quảng Bình cho biết bão số 9 đã làm 23 người chết và 9 người mất tích trên địa bàn tỉnh.

Nhiều tuyến đường ven biển bị sạt lở, giao thông tê liệt trong nhiều giờ.
"""

# The same article after the outlet corrected its death toll.
ARTICLE_B_NIGHT2 = ARTICLE_B_NIGHT1.replace("23 người chết", "25 người chết")

ARTICLE_C = """Bão số 9: Quảng Bình chưa thống nhất số người chết

Chủ Nhật, 21/09/2025 21:00

Một cán bộ địa phương cho biết bão số 9 đã làm 31 người chết tại Quảng Bình.

Các đoàn cứu trợ từ nhiều địa phương đã tới vùng bão.
"""

MANIFEST = [
    {"file": "bao-so-9-a.txt", "url": "https://bienxanh.example/bao-so-9-quang-binh",
     "outlet": "Báo Biển Xanh", "language": "vi", "published": "2025-09-21"},
    {"file": "bao-so-9-b.txt", "url": "https://tinmientrung.example/khac-phuc-bao-so-9",
     "outlet": "Tin Miền Trung", "language": "vi", "published": "2025-09-21"},
    {"file": "bao-so-9-c.txt", "url": "https://songgianh.example/so-nguoi-chet-tang",
     "outlet": "Đài Sông Gianh", "language": "vi", "published": "2025-09-21"},
]


def expect(cond, message):
    if not cond:
        u.fail(message)


def cc(work, now, *args, check=None):
    env = u.env()
    env["CLAIMCHECK_NOW"] = now
    env["CLAIMCHECK_RULES"] = RULES
    p = subprocess.run([CLAIMCHECK, *args], cwd=work, env=env, capture_output=True, text=True,
                       errors="replace")
    if check is not None and p.returncode != check:
        u.fail(f"claimcheck {' '.join(args)} exited {p.returncode}, expected {check}\n"
               f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def conflicts(work, now):
    """Active conflicts as exported (JSON), keyed by id."""
    text = cc(work, now, "export", "conflicts", "--db", "desk.db", "--format", "json", check=0).stdout
    return {c["conflict_id"]: c for c in json.loads(text)}


def by_metric(rows, metric, files=None):
    return [c for c in rows.values() if c["metric"] == metric and
            (files is None or set(files_of(c)) == set(files))]


def files_of(c):
    return c["a"]["claim"]["file"], c["b"]["claim"]["file"]


def review_through_the_page(work, conflict_id, note):
    """Dismisses `conflict_id` with `claimcheck serve`, as a browser would."""
    env = u.env()
    env["CLAIMCHECK_NOW"] = "2025-09-21T09:15:00Z"
    env["CLAIMCHECK_RULES"] = RULES
    server = subprocess.Popen([CLAIMCHECK, "serve", "--db", "desk.db", "--port", "0", "--by", "hoa"],
                              cwd=work, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
    try:
        line = server.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        expect(m, f"serve did not say where it listens: {line!r}")
        base = f"http://127.0.0.1:{m.group(1)}"
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        listing = opener.open(base + "/?status=open").read().decode("utf-8")
        expect(f'href="/conflict/{conflict_id}"' in listing, "the page does not list the conflict")
        page = opener.open(f"{base}/conflict/{conflict_id}").read().decode("utf-8")
        token = re.search(r'name="csrf" value="([0-9a-f]{32})"', page)
        expect(token, "no csrf token in the review form")
        action = f"{base}/conflict/{conflict_id}/review"
        form = {"status": "dismissed", "note": note, "by": "hoa"}
        try:
            opener.open(action, urllib.parse.urlencode(form).encode())
            u.fail("a POST without the token was accepted")
        except urllib.error.HTTPError as e:
            expect(e.code == 403, f"a POST without the token got {e.code}, expected 403")
        form["csrf"] = token.group(1)
        done = opener.open(action, urllib.parse.urlencode(form).encode())  # follows the 303
        expect(done.status == 200 and "Saved." in done.read().decode("utf-8"),
               "the review was not confirmed on the page")
        try:
            opener.open(base + "/desk.db")
            u.fail("the server served a file")
        except urllib.error.HTTPError as e:
            expect(e.code == 404, f"/desk.db got {e.code}, expected 404")
    finally:
        server.terminate()
        server.wait(timeout=10)


def section(md, heading):
    """The text of a '### heading (n)' section of report.md, up to the next heading."""
    m = re.search(r"^### " + re.escape(heading) + r" \((\d+)\)\n(.*?)(?=^#|\Z)", md, re.S | re.M)
    expect(m, f"report.md has no '{heading}' section:\n{md}")
    return int(m.group(1)), m.group(2)


def test_two_nights(work):
    tin = os.path.join(work, "tin")
    os.makedirs(tin)
    write(os.path.join(tin, "manifest.json"), json.dumps(MANIFEST, ensure_ascii=False))
    write(os.path.join(tin, "bao-so-9-a.txt"), ARTICLE_A)
    write(os.path.join(tin, "bao-so-9-b.txt"), ARTICLE_B_NIGHT1)

    # ---- night 1 ----------------------------------------------------------
    p = cc(work, NIGHT1, "run", "tin", "--db", "desk.db", check=3)
    expect("2 new, 0 changed" in p.stdout, f"night 1 summary: {p.stdout!r}")
    expect(os.path.isfile(os.path.join(work, "reports", "2025-09-21", "report.html")),
           "night 1 wrote no reports/2025-09-21/report.html")
    night1 = conflicts(work, NIGHT1)
    dead = by_metric(night1, "dead", ["bao-so-9-a.txt", "bao-so-9-b.txt"])
    missing = by_metric(night1, "missing", ["bao-so-9-a.txt", "bao-so-9-b.txt"])
    expect(len(dead) == 1 and len(missing) == 1,
           f"night 1: expected one dead and one missing conflict, got {list(night1.values())}")
    dead_id, missing_id = dead[0]["conflict_id"], missing[0]["conflict_id"]

    # ---- the editors' desk ------------------------------------------------
    cc(work, "2025-09-21T08:00:00Z", "review", missing_id, "--status", "dismissed", "--note",
       "hai thời điểm thống kê khác nhau", "--by", "lan", "--db", "desk.db", check=0)
    review_through_the_page(work, dead_id, "chờ số liệu chính thức của tỉnh")
    listed = cc(work, NIGHT1, "review", "--list", "--status", "dismissed", "--db", "desk.db",
                check=0).stdout
    expect(dead_id in listed and missing_id in listed, f"review --list --status dismissed:\n{listed}")

    # ---- night 2: b edited, c added -----------------------------------------
    write(os.path.join(tin, "bao-so-9-b.txt"), ARTICLE_B_NIGHT2)
    write(os.path.join(tin, "bao-so-9-c.txt"), ARTICLE_C)
    p = cc(work, NIGHT2, "run", "tin", "--db", "desk.db", check=3)
    expect("1 new, 1 changed, 1 unchanged" in p.stdout, f"night 2 summary: {p.stdout!r}")
    night2 = conflicts(work, NIGHT2)
    expect(dead_id not in night2, "the conflict on the old figure is still active")
    expect(night2.get(missing_id, {}).get("status") == "dismissed",
           f"the untouched dismissal did not stick: {night2.get(missing_id)}")
    successor = by_metric(night2, "dead", ["bao-so-9-a.txt", "bao-so-9-b.txt"])
    expect(len(successor) == 1, f"night 2: no conflict between a and the edited b: {night2}")
    successor_id = successor[0]["conflict_id"]
    expect(successor[0]["status"] == "open", f"the edited conflict is {successor[0]['status']}")
    added = [c["conflict_id"] for c in by_metric(night2, "dead")
             if "bao-so-9-c.txt" in files_of(c)]
    expect(added, "the added article made no conflict")

    # The successor's log shows the old decision (who, from what to what).
    detail = cc(work, NIGHT2, "review", successor_id, "--db", "desk.db", check=0).stdout
    expect("dismissed -> open" in detail and dead_id in detail and "hoa" in detail,
           f"review {successor_id} does not show the old decision:\n{detail}")
    old = cc(work, NIGHT2, "review", dead_id, "--db", "desk.db", check=0).stdout
    expect("resolved" in old and "open -> dismissed" in old and "hoa" in old,
           f"review {dead_id}:\n{old}")

    # `review --list --new`: new in the latest run only; the dismissal is not new.
    new_list = cc(work, NIGHT2, "review", "--list", "--new", "--db", "desk.db", check=0).stdout
    expect(successor_id in new_list and all(i in new_list for i in added),
           f"review --list --new misses new conflicts:\n{new_list}")
    expect(missing_id not in new_list, f"a dismissed conflict is listed as new:\n{new_list}")

    # ---- the report leads with new, then still open, then resolved -----------
    latest = os.path.join(work, "reports", "latest")
    expect(os.path.islink(latest) and os.readlink(latest) == "2025-09-22",
           f"reports/latest -> {os.readlink(latest) if os.path.islink(latest) else None}")
    with open(os.path.join(latest, "report.md"), encoding="utf-8") as f:
        md = f.read()
    expect(md.index("### New") < md.index("### Still open") < md.index("### Resolved") <
           md.index("## Discrepancies"), "report.md sections out of order")
    n_new, new_text = section(md, "New")
    n_open, open_text = section(md, "Still open")
    n_resolved, resolved_text = section(md, "Resolved")
    def listed(text):
        return re.findall(r"^- `([0-9a-f]{16})`", text, re.M)
    expect(sorted(listed(new_text)) == sorted([successor_id] + added) and n_new == 1 + len(added),
           f"New ({n_new}):\n{new_text}")
    expect(f"evidence changed since it was dismissed as {dead_id} by hoa" in new_text,
           f"the New section does not show the old decision:\n{new_text}")
    expect(missing_id in listed(open_text) and "dismissed" in open_text and n_open == len(listed(open_text)),
           f"Still open ({n_open}):\n{open_text}")
    expect(listed(resolved_text) == [dead_id] and n_resolved == 1 and "no longer found" in resolved_text,
           f"Resolved ({n_resolved}):\n{resolved_text}")
    with open(os.path.join(latest, "report.html"), encoding="utf-8") as f:
        html = f.read()
    expect(html.index("New (") < html.index("Still open (") < html.index("Resolved ("),
           "report.html sections out of order")

    # discrepancies.csv as a spreadsheet reads it: every row, Vietnamese intact.
    with open(os.path.join(latest, "discrepancies.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    expect({r["conflict_id"] for r in rows} == set(night2), "discrepancies.csv rows differ from the export")
    row = next(r for r in rows if r["conflict_id"] == missing_id)
    expect(row["status"] == "dismissed" and row["note"] == "hai thời điểm thống kê khác nhau",
           f"review status/note in the CSV: {row}")
    for r in rows:
        a, b = night2[r["conflict_id"]]["a"], night2[r["conflict_id"]]["b"]
        expect((r["quote_a"], r["quote_b"], r["outlet_a"], r["outlet_b"]) ==
               (a["claim"]["quote"], b["claim"]["quote"], a["outlet"], b["outlet"]),
               f"discrepancies.csv row damaged: {r}")
    expect(any("người" in r["quote_a"] for r in rows) and
           {"Báo Biển Xanh", "Tin Miền Trung", "Đài Sông Gianh"} <=
           {r["outlet_a"] for r in rows} | {r["outlet_b"] for r in rows},
           "Vietnamese text damaged in discrepancies.csv")

    # ---- the history ------------------------------------------------------
    db = sqlite3.connect(os.path.join(work, "desk.db"))
    runs = db.execute("SELECT id, started_at, finished_at, inputs, docs_new, docs_changed, "
                      "docs_unchanged, docs_failed, conflicts_new, conflicts_open, "
                      "conflicts_resolved, exit_status FROM runs ORDER BY id").fetchall()
    changes = dict(db.execute("SELECT conflict_id, change FROM latest_run_conflicts").fetchall())
    db.close()
    expect(len(runs) == 2, f"runs: {runs}")
    r1, r2 = runs
    expect(r1[1] == NIGHT1 and r1[2] == NIGHT1 and r1[3] == "tin", f"run 1 times/inputs: {r1}")
    expect(r1[4:8] == (2, 0, 0, 0) and r1[8] == 2 and r1[11] == 3, f"run 1 counts: {r1}")
    expect(r2[4:8] == (1, 1, 1, 0), f"run 2 documents: {r2}")
    expect(r2[8] == 1 + len(added) and r2[9] == 1 and r2[10] == 1 and r2[11] == 3, f"run 2 conflicts: {r2}")
    # What run 2 changed: the dismissed conflict still found is no change.
    expect(missing_id not in changes and changes.get(dead_id) == "resolved" and
           changes.get(successor_id) == "new", f"latest_run_conflicts: {changes}")
    history = cc(work, NIGHT2, "history", "--db", "desk.db", check=0).stdout
    lines = [l for l in history.splitlines() if re.match(r"\s+\d+\s", l)]
    expect(len(lines) == 2, f"history:\n{history}")
    expect("2/0/0/0" in lines[0] and "new conflicts" in lines[0], f"history run 1: {lines[0]}")
    expect("1/1/1/0" in lines[1] and f"{1 + len(added)}/1/1" in lines[1], f"history run 2: {lines[1]}")
    expect("inputs: tin" in history, f"history inputs:\n{history}")

    # ---- night 3: nothing new; the dismissal is still not news --------------
    p = cc(work, NIGHT3, "run", "tin", "--db", "desk.db", "--quiet", check=0)
    expect(p.stdout == "" and p.stderr == "", f"--quiet printed {p.stdout!r} {p.stderr!r}")
    night3 = conflicts(work, NIGHT3)
    expect(night3.get(missing_id, {}).get("status") == "dismissed", "the dismissal was lost on night 3")
    expect(os.readlink(latest) == "2025-09-23", "latest does not follow the newest report")


def main():
    global CLAIMCHECK, RULES
    CLAIMCHECK, source = sys.argv[1:3]
    RULES = os.path.join(source, "rules")
    work = u.scratch("nightly")
    test_two_nights(work)
    print("ok  test_two_nights")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
