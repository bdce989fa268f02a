#!/usr/bin/env python3
"""Runs every fenced Python block of the notes under this python3.

The notes are what people repeat in interviews, so their code must do what
the text says. The fence's info string says how a block is checked (the
reader shows only its first word, the language):

    ```python                 run as a script; must exit 0. A block with
                              `>>> ` lines is a doctest instead: every
                              stated output is compared.
    ```python raises=Error    must end with that uncaught exception.
    ```python needs=pkg       imports a third-party package: compiled only.
    ```python fragment        cannot run alone: compiled only.

Usage: tools/check_code.py [content/FILE.md ...]   (default: content/*.md)
Prints one line per failing block (`file:line: what is wrong`) and a summary.
"""

import doctest
import glob
import os
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(.*)$")
TIMEOUT_S = 60
PYTHON_LANGS = {"python", "py", "python3", "py3"}


def blocks(path):
    """Yields (line, info, code) for each fenced block of a Markdown file."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        indent, fence, info = m.group(1), m.group(2), m.group(3).strip()
        start = i + 1
        body = []
        i += 1
        while i < len(lines):
            close = lines[i].strip()
            if close.startswith(fence[0] * len(fence)) and close.strip(fence[0]) == "":
                break
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        i += 1
        yield start, info, "\n".join(body) + "\n"


def options(info):
    words = info.split()
    lang = words[0].lower() if words else ""
    opts = {}
    for w in words[1:]:
        key, _, value = w.partition("=")
        opts[key] = value
    return lang, opts


def run_script(code):
    """Runs code in a fresh interpreter; returns (returncode, stderr)."""
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "block.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(code)
        env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
        try:
            p = subprocess.run(
                [sys.executable, "-X", "utf8", script],
                cwd=tmp,
                env=env,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_S,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return None, f"did not finish within {TIMEOUT_S} s"
        return p.returncode, p.stderr


def last_exception(stderr):
    """The exception class name of a traceback's last line, if any."""
    for line in reversed(stderr.strip().splitlines()):
        m = re.match(r"^([A-Za-z_][\w.]*)(:|$)", line)
        if m:
            return m.group(1).rsplit(".", 1)[-1]
    return None


def run_doctest(code, name):
    parser = doctest.DocTestParser()
    test = parser.get_doctest(code, {"__name__": "__main__"}, name, name, 0)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    out = []
    runner = doctest.DocTestRunner(optionflags=flags, verbose=False)
    runner.run(test, out=out.append)
    return runner.failures, "".join(out)


def check(path, line, info, code):
    """Returns None when the block holds, else what is wrong."""
    lang, opts = options(info)
    if lang not in PYTHON_LANGS:
        return None
    try:
        compile(code, f"{path}:{line}", "exec") if ">>> " not in code else None
    except SyntaxError as e:
        return f"syntax error: {e.msg} (block line {e.lineno})"
    if "needs" in opts or "fragment" in opts:
        return None
    if ">>> " in code:
        failures, report = run_doctest(code, f"{path}:{line}")
        return None if failures == 0 else f"doctest output differs:\n{report}"
    rc, stderr = run_script(code)
    expected = opts.get("raises")
    if rc is None:
        return stderr
    if expected:
        got = last_exception(stderr) if rc != 0 else None
        if got != expected:
            return f"expected {expected}, got {got or 'no exception'}:\n{stderr[-800:]}"
        return None
    if rc != 0:
        return f"exited with {rc}:\n{stderr[-800:]}"
    return None


def main(argv):
    files = argv[1:] or sorted(
        p for p in glob.glob("content/*.md") if os.path.basename(p) != "README.md"
    )
    checked = failed = 0
    for path in files:
        for line, info, code in blocks(path):
            lang, _ = options(info)
            if lang not in PYTHON_LANGS:
                continue
            checked += 1
            problem = check(path, line, info, code)
            if problem:
                failed += 1
                print(f"{path}:{line}: {problem.rstrip()}")
    print(f"python blocks: {checked - failed} passed; {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
