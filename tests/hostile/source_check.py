#!/usr/bin/env python3
"""Source rules that keep hostile input harmless, checked by grep:
  - no std::regex anywhere in src/ (rules and lexicons use RE2 only: linear
    time, no catastrophic backtracking on article text);
  - SQLite is used only in src/store (the one place SQL is reviewed);
  - SQL gets values only through bound parameters: an exec/execAndGet/
    Statement/Prepare call whose SQL is built with `+` is refused unless it is
    a PRAGMA fed an integer (PRAGMAs take no parameters).

usage: source_check.py SOURCE_DIR
"""

import os
import re
import sys

SOURCE_EXT = (".h", ".cc", ".cpp", ".hpp")
STD_REGEX = re.compile(r"std::(w?regex|regex_\w+|w?[cs]match|sregex_\w+)\b|#\s*include\s*<regex>")
SQLITE = re.compile(r"#\s*include\s*[<\"](SQLiteCpp/|sqlite3\.h)")
SQL_CALL = re.compile(r"\b(exec|execAndGet|Prepare|Statement\s+\w+)\s*\(")
PRAGMA_INT = re.compile(r'"PRAGMA \w+ = " \+ std::to_string\(')


def call_arguments(code, open_paren):
    """The text between the parenthesis at `open_paren` and its match (or the line's end)."""
    depth = 0
    for i in range(open_paren, len(code)):
        if code[i] == "(":
            depth += 1
        elif code[i] == ")":
            depth -= 1
            if depth == 0:
                return code[open_paren + 1:i]
    return code[open_paren + 1:]


def sources(root):
    for dirpath, _, names in os.walk(root):
        for name in sorted(names):
            if name.endswith(SOURCE_EXT):
                yield os.path.join(dirpath, name)


def main():
    src = os.path.join(sys.argv[1], "src")
    problems = []
    for path in sources(src):
        rel = os.path.relpath(path, sys.argv[1])
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        in_store = rel.startswith(os.path.join("src", "store") + os.sep)
        for n, line in enumerate(lines, 1):
            code = line.split("//", 1)[0]
            if STD_REGEX.search(code):
                problems.append(f"{rel}:{n}: std::regex (use RE2): {line.strip()}")
            if SQLITE.search(code) and not in_store:
                problems.append(f"{rel}:{n}: SQLite outside src/store: {line.strip()}")
            for m in SQL_CALL.finditer(code):
                args = call_arguments(code, m.end() - 1)
                if "+" in args and '"' in args and not PRAGMA_INT.search(args):
                    problems.append(f"{rel}:{n}: SQL built with + (bind the values): {line.strip()}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print("ok: no std::regex, SQLite only in src/store, SQL values bound")
    return 0


if __name__ == "__main__":
    sys.exit(main())
