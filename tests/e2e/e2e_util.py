"""Helpers shared by the end-to-end tests: run the claimcheck binary in a
scratch directory with a fixed clock and an explicit rules directory."""

import os
import subprocess
import sys
import tempfile

SKIP = 77  # ctest SKIP_RETURN_CODE (tests/e2e/CMakeLists.txt)

# A fixed clock, so that runs (and anything resolved against "now") repeat.
FIXED_NOW = "2025-10-01T00:00:00Z"


def env():
    e = dict(os.environ)
    e["CLAIMCHECK_NOW"] = FIXED_NOW
    e.pop("CLAIMCHECK_RULES", None)
    return e


def run(argv, cwd=None, check=None):
    """Runs argv; returns CompletedProcess (text). check=N asserts the exit status."""
    p = subprocess.run(argv, cwd=cwd, env=env(), capture_output=True, text=True,
                       errors="replace")
    if check is not None and p.returncode != check:
        fail(f"{' '.join(argv)} exited {p.returncode}, expected {check}\n"
             f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p


def scratch(name):
    return tempfile.mkdtemp(prefix=f"claimcheck-e2e-{name}-")


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)
