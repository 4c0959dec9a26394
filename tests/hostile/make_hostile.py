#!/usr/bin/env python3
"""Writes the bad inputs of issue 8 ("calm on broken input") into a folder.

Everything is generated (no blobs in the repository); the article sentences are
our own. Layout of OUT:

  inputs/                 one folder, run as one input
    a_good.txt            the reference article (UTF-8, LF)
    nfc.txt, nfd.txt      a second article, precomposed and decomposed (NFD)
    crlf.txt, cr.txt      the reference with CRLF and with lone-CR line ends
    utf8_bom.txt          ... with a UTF-8 byte-order mark
    utf16le.txt, utf16be.txt   ... in UTF-16 with a byte-order mark
    cp1258.txt            ... in windows-1258 (combining tone marks)
    bad_bytes.txt         an article with invalid UTF-8 and NUL bytes in one line
    tcvn3.txt             8-bit text that is not windows-1258 (refused)
    empty.txt             0 bytes (refused: "empty file")
    binary.txt            random bytes with NULs (refused: binary)
    picture.png           a PNG header (not a text extension: skipped silently)
    long_line.txt         ~1.5 MB on one line, real sentences inside (processed)
    huge_line.txt         ~30 MB on one line (refused: size limit)
    deep.html             100,000 nested <div>s, a script and a style (processed)
  feed.jsonl              good, broken (line 2), good, invalid UTF-8, NUL escape
  manifest_bad/           manifest.json that is not JSON + story_a.txt
  manifest_missing/       manifest.json naming story_b.txt and gone.txt (missing)
  photo.png               a PNG given by name (refused: binary)
  pipe                    a FIFO given by name (refused: not a regular file)
  locked.txt              mode 000 (refused when not root; skip it as root)

usage: make_hostile.py OUT
"""

import json
import os
import random
import stat
import sys
import unicodedata

# The reference article (our own words): a dateline, two figures.
REFERENCE = (
    "Lũ quét ở Lào Cai\n\n"
    "Thứ Năm, 12/09/2024 07:30\n\n"
    "Trận lũ quét sáng qua làm 15 người chết tại tỉnh Lào Cai.\n\n"
    "Theo chính quyền tỉnh, nước lũ làm 240 ngôi nhà bị ngập.\n"
)

# A second article for the NFC/NFD pair: many tone marks.
SECOND = (
    "Bão đổ bộ vào Quảng Ninh\n\n"
    "Thứ Bảy, 07/09/2024 18:00\n\n"
    "Cơn bão mạnh đổ bộ chiều qua làm 4 người chết tại tỉnh Quảng Ninh.\n\n"
    "Ngành điện cho biết gần 1.500 cột điện bị gãy đổ.\n"
)

STORY = (
    "Sạt lở ở Hà Giang\n\n"
    "Thứ Sáu, 13/09/2024 08:00\n\n"
    "Vụ sạt lở đất đêm qua làm 8 người chết tại tỉnh Hà Giang.\n"
)

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text):
    """Windows-1258 bytes: a base letter (with its circumflex/breve/horn) + tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONE_MARKS))
        tones = "".join(c for c in nfd if c in TONE_MARKS)
        out += (base + tones).encode("cp1258")
    return bytes(out)


def write(path, data, mode=None):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    if mode is not None:
        os.chmod(path, mode)


def make(out):
    rnd = random.Random(8)
    inputs = os.path.join(out, "inputs")
    ref = REFERENCE.encode("utf-8")
    write(os.path.join(inputs, "a_good.txt"), ref)
    write(os.path.join(inputs, "nfc.txt"), unicodedata.normalize("NFC", SECOND))
    write(os.path.join(inputs, "nfd.txt"), unicodedata.normalize("NFD", SECOND))
    write(os.path.join(inputs, "crlf.txt"), REFERENCE.replace("\n", "\r\n"))
    write(os.path.join(inputs, "cr.txt"), REFERENCE.replace("\n", "\r"))
    write(os.path.join(inputs, "utf8_bom.txt"), b"\xef\xbb\xbf" + ref)
    write(os.path.join(inputs, "utf16le.txt"), b"\xff\xfe" + REFERENCE.encode("utf-16-le"))
    write(os.path.join(inputs, "utf16be.txt"), b"\xfe\xff" + REFERENCE.encode("utf-16-be"))
    write(os.path.join(inputs, "cp1258.txt"), cp1258(REFERENCE))
    write(os.path.join(inputs, "bad_bytes.txt"),
          "Mưa lớn ở Yên Bái\n\nThứ Sáu, 13/09/2024 09:00\n\n".encode()
          + "Mưa lớn kéo dài làm 6 người chết tại tỉnh Yên Bái.\n\n".encode()
          + b"D\xf2ng n\xe0y h\xe1\xbb ng \xff\xfe \x00 \x00 \xc3 gi\xe1\xbb\xafa.\n\n"
          + "Mưa lớn cũng làm 9 người bị thương tại tỉnh Yên Bái.\n".encode())
    # TCVN3 (ABC) puts Vietnamese letters at 0xA0-0xBF: not windows-1258.
    write(os.path.join(inputs, "tcvn3.txt"),
          b"Tr\xaa\xb6n l\xad l\xb5m 5 ng\xad\xeai ch\xb8t t\xb9i t\xb6nh Cao B\xb1ng.\n")
    write(os.path.join(inputs, "empty.txt"), b"")
    write(os.path.join(inputs, "binary.txt"), bytes(rnd.randrange(256) for _ in range(20000)))
    write(os.path.join(inputs, "picture.png"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    # ~1.5 MB on one line: sentences without figures, two with figures.
    filler = "Đây là một câu dài không có con số nào trong bài viết này. "
    line = (filler * 10000 + "Trận động đất hôm qua làm 23 người chết tại tỉnh Điện Biên. "
            + filler * 10000 + "Động đất cũng làm 31 người bị thương tại tỉnh Điện Biên. " + filler * 2000)
    write(os.path.join(inputs, "long_line.txt"), line)
    # ~30 MB on one line.
    chunk = ("Cơn lốc làm 3 người chết tại tỉnh Sơn La. " + "chữ " * 200).encode()
    write(os.path.join(inputs, "huge_line.txt"), chunk * (30 * 1024 * 1024 // len(chunk) + 1))
    depth = 100000
    write(os.path.join(inputs, "deep.html"),
          "<html><head><title>Lốc xoáy</title><style>p { content: '99 người chết' }</style>"
          "</head><body>" + "<div>" * depth
          + "<script>var s = 'Lốc làm 99 người chết tại tỉnh Sơn La.';</script>"
          + "<p>Thứ Hai, 16/09/2024 10:00</p>"
          + "<p>Cơn lốc xoáy chiều qua làm 7 người chết tại tỉnh Sơn La.</p>"
          + "</div>" * depth + "</body></html>")

    records = [
        {"url": "https://feed.example/1", "outlet": "feed.example", "published": "2024-09-12",
         "language": "vi", "text": "Trận lũ làm 11 người chết tại tỉnh Cao Bằng."},
        None,  # line 2: broken JSON
        {"url": "https://feed.example/3", "outlet": "feed.example", "published": "2024-09-12",
         "language": "vi", "text": "Trận lũ làm 12 người chết tại tỉnh Bắc Kạn."},
        "invalid",  # line 4: invalid UTF-8 inside the text
        {"url": "https://feed.example/5", "outlet": "feed.example", "published": "2024-09-12",
         "language": "vi", "text": "Trận lũ\u0000 làm 14 người chết tại tỉnh Lạng Sơn."},
    ]
    lines = []
    for r in records:
        if r is None:
            lines.append(b'{"url": "https://feed.example/2", "text": "cut off')
        elif r == "invalid":
            lines.append(b'{"url": "https://feed.example/4", "outlet": "feed.example", '
                         b'"published": "2024-09-12", "language": "vi", '
                         + "\"text\": \"Trận lũ làm 13 người chết tại tỉnh Hà Giang. ".encode()
                         + b'\xff\xfe"}')
        else:
            lines.append(json.dumps(r, ensure_ascii=False).encode())
    write(os.path.join(out, "feed.jsonl"), b"\n".join(lines) + b"\n")

    write(os.path.join(out, "manifest_bad", "manifest.json"), '[\n {"file": "story_a.txt",\n  oops\n]\n')
    write(os.path.join(out, "manifest_bad", "story_a.txt"), STORY)
    write(os.path.join(out, "manifest_missing", "manifest.json"),
          json.dumps([{"file": "story_b.txt", "outlet": "baomau.example"},
                      {"file": "gone.txt", "outlet": "baomau.example"}], indent=1))
    write(os.path.join(out, "manifest_missing", "story_b.txt"), STORY.replace("Hà Giang", "Lai Châu"))

    write(os.path.join(out, "photo.png"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    pipe = os.path.join(out, "pipe")
    if not os.path.exists(pipe):
        os.mkfifo(pipe)
    write(os.path.join(out, "locked.txt"), REFERENCE, mode=0)


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    if os.path.exists(os.path.join(out, "locked.txt")):
        os.chmod(os.path.join(out, "locked.txt"), stat.S_IRUSR | stat.S_IWUSR)
    make(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
