#!/usr/bin/env python3
"""Checks the Python object-diagram model (src/py/) against CPython.

The model's side comes from `cargo run --example py_graphs`: for every
built-in scenario and a few extra programs, its printed output, its error,
its aliasing graph after each top-level statement, and the graph of each
function's locals as it returns or yields.

This script runs the same code in CPython (stdlib only) under sys.settrace.
The module frame's `line` event for the start of top-level statement k is
the moment statement k-1 has finished (CPython frees an object the moment
its count reaches zero, so at that point the dead are gone); one more
snapshot is taken when the program ends or raises.

A snapshot is the graph of the module's names (sorted), numbered in
depth-first pre-order; each node is its type, a value for atoms, and its
labelled edges (list/tuple slots, dict key/value, set members by repr,
instance attributes, function defaults and closure cells, a suspended
generator's locals). Equal graphs mean the same names and slots share the
same objects, up to renaming of ids; the int and str nodes also compare
CPython's small-int cache and string interning.

Inside functions: at every `return` event of a function frame of the
program (a generator's frame gets one at each yield too; comprehension
frames and frames left by an exception are skipped), the graph of the
frame's locals with the value handed back as `<return>` is compared with
the model's Return and Yield steps, in order.

Objects alive only through a reference cycle are found from the ids seen
reachable at earlier snapshots: a seen id that is still among
gc.get_objects(), no longer reachable from the names, and referred to by
another such object. They are compared as a sorted list of type names.
(An id reused by an unrelated object could fool the first test; the
referrer test makes that unlikely. Cycles built and dropped within one
statement are not seen.)

Usage: python3 tools/py_alias_check.py [--json model.json | --file a.py …]
(`--file` checks your own programs instead of the built-in ones.)
Exit status 0 when every program matches.
"""

import ast
import gc
import inspect
import io
import json
import os
import subprocess
import sys
import types
from contextlib import redirect_stdout

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRACKED = (list, dict, set, types.FunctionType, types.CellType, types.GeneratorType, types.MethodType)


def is_user_instance(o):
    return type(o).__module__ == "__main__" and not isinstance(o, type) and not isinstance(o, types.FunctionType)


def describe(o):
    """(type, value, [(label, child)]) as the model's graph.rs gives."""
    if o is None:
        return "NoneType", "None", []
    if isinstance(o, bool):
        return "bool", repr(o), []
    if isinstance(o, int):
        return "int", str(o), []
    if isinstance(o, str):
        return "str", repr(o), []
    if isinstance(o, list):
        return "list", "", [(str(i), x) for i, x in enumerate(o)]
    if isinstance(o, tuple):
        return "tuple", "", [(str(i), x) for i, x in enumerate(o)]
    if isinstance(o, dict):
        edges = []
        for k, v in o.items():
            edges += [("key", k), ("value", v)]
        return "dict", "", edges
    if isinstance(o, set):
        return "set", "", [("", x) for x in sorted(o, key=repr)]
    if isinstance(o, range):
        return "range", repr(o), []
    if isinstance(o, types.FunctionType):
        edges = [(f"default{i}", d) for i, d in enumerate(o.__defaults__ or ())]
        edges += [(f"cell:{n}", c) for n, c in zip(o.__code__.co_freevars, o.__closure__ or ())]
        return "function", o.__name__, edges
    if isinstance(o, types.CellType):
        try:
            return "cell", "", [("contents", o.cell_contents)]
        except ValueError:
            return "cell", "", []
    if isinstance(o, types.GeneratorType):
        state = inspect.getgeneratorstate(o)
        edges = []
        if o.gi_frame is not None and state != inspect.GEN_CLOSED:
            edges = [(f"local:{k}", v) for k, v in sorted(o.gi_frame.f_locals.items())]
        return "generator", state, edges
    if isinstance(o, types.MethodType):
        return "method", "", [("self", o.__self__), ("func", o.__func__)]
    if isinstance(o, type):
        return "type", o.__name__, []
    if is_user_instance(o):
        return type(o).__name__, "", list(vars(o).items())
    return type(o).__name__, "", []


def snapshot(g, seen):
    order = {}
    nodes = []
    keep = []

    def visit(o):
        if id(o) in order:
            return order[id(o)]
        cid = len(nodes)
        order[id(o)] = cid
        nodes.append(None)
        keep.append(o)
        t, v, edges = describe(o)
        nodes[cid] = {"t": t, "v": v, "e": [[label, visit(c)] for label, c in edges]}
        return cid

    names = {}
    for k in sorted(g):
        v = g[k]
        if k.startswith("__") or isinstance(v, types.ModuleType):
            continue
        names[k] = visit(v)
    for o in keep:
        if isinstance(o, TRACKED) or is_user_instance(o):
            seen[id(o)] = type(o)
    # Objects seen before, still alive, no longer reachable: cycles.
    reachable = set(order)
    alive = {id(o): o for o in gc.get_objects() if id(o) in seen and id(o) not in reachable}
    # An instance refers to others through its __dict__.
    holders = set(alive) | {id(vars(o)) for o in alive.values() if is_user_instance(o)}
    garbage = []
    for i, o in alive.items():
        if type(o) is not seen[i]:
            continue
        if any(id(r) in holders for r in gc.get_referrers(o)):
            garbage.append(describe(o)[0])
    del keep, alive
    return {"names": names, "nodes": nodes, "garbage": sorted(garbage)}


COMPREHENSIONS = ("<listcomp>", "<genexpr>", "<setcomp>", "<dictcomp>")


def frame_graph(frame, value):
    """The graph of a returning (or yielding) function's locals, the value
    handed back first as `<return>`, as graph.rs's return_graph."""
    order = {}
    nodes = []
    keep = []

    def visit(o):
        if id(o) in order:
            return order[id(o)]
        cid = len(nodes)
        order[id(o)] = cid
        nodes.append(None)
        keep.append(o)
        t, v, edges = describe(o)
        nodes[cid] = {"t": t, "v": v, "e": [[label, visit(c)] for label, c in edges]}
        return cid

    names = {"<return>": visit(value)}
    for k, v in sorted(frame.f_locals.items()):
        names[k] = visit(v)
    return {"frame": frame.f_code.co_name, "names": names, "nodes": nodes}


def run_cpython(code):
    """(output, error, snapshots, returns, where the error is if it is a
    SyntaxError)."""
    try:
        tree = ast.parse(code)
    except SyntaxError as e:
        return "", f"SyntaxError: {e.msg}", [], [], [e.lineno, e.offset]
    starts = [s.lineno for s in tree.body]
    module_code = compile(code, "<scenario>", "exec")
    g = {"__name__": "__main__"}
    snaps = []
    seen = {}
    nxt = [1]

    returns = []
    raising = set()

    def local(frame, event, arg):
        # A frame left by an exception also gets a 'return' event: skip it.
        if event == "exception":
            raising.add(id(frame))
        elif event == "line":
            raising.discard(id(frame))
        elif event == "return":
            if id(frame) not in raising:
                returns.append(frame_graph(frame, arg))
            raising.discard(id(frame))
        return local

    def tracer(frame, event, arg):
        if frame.f_code is not module_code:
            c = frame.f_code
            ours = c.co_filename == "<scenario>" and c.co_flags & inspect.CO_OPTIMIZED
            if ours and c.co_name not in COMPREHENSIONS:
                return local(frame, event, arg)
            return None
        if event == "line":
            while nxt[0] < len(starts) and frame.f_lineno == starts[nxt[0]]:
                snaps.append(snapshot(g, seen))
                nxt[0] += 1
        return tracer

    out = io.StringIO()
    error = None
    sys.settrace(tracer)
    try:
        with redirect_stdout(out):
            exec(module_code, g)
    except Exception as e:  # the program's own exception, compared below
        error = f"{type(e).__name__}: {e}"
        e.__traceback__ = None
        del e
    finally:
        sys.settrace(None)
    snaps.append(snapshot(g, seen))
    return out.getvalue(), error, snaps, returns, None


def model_json(path, files):
    if path:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    cmd = ["cargo", "run", "--quiet", "--example", "py_graphs", "--"]
    if files:
        cmd += ["--file"] + [os.path.abspath(f) for f in files]
    else:
        # The built-in programs, and the small ones kept beside this script
        # (mostly errors: the model must raise what CPython raises).
        extra = os.path.join("tools", "py_alias_programs")
        names = sorted(f for f in os.listdir(os.path.join(ROOT, extra)) if f.endswith(".py"))
        cmd += ["--extra"] + [os.path.join(extra, f) for f in names]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
        sys.exit(f"py_alias_check: {' '.join(cmd)} failed")
    return json.loads(res.stdout)


def first_difference(a, b):
    for k in ("names", "garbage"):
        if a[k] != b[k]:
            return f"{k}: CPython {a[k]} model {b[k]}"
    for i, (x, y) in enumerate(zip(a["nodes"], b["nodes"])):
        if x != y:
            return f"node {i}: CPython {x} model {y}"
    return f"node count: CPython {len(a['nodes'])} model {len(b['nodes'])}"


def main():
    path = sys.argv[2] if len(sys.argv) > 2 and sys.argv[1] == "--json" else None
    files = sys.argv[2:] if len(sys.argv) > 2 and sys.argv[1] == "--file" else []
    programs = model_json(path, files)
    failed = 0
    checked = 0
    for p in programs:
        out, error, snaps, returns, syntax_at = run_cpython(p["code"])
        problems = []
        if out != p["output"]:
            problems.append(f"output: CPython {out!r} model {p['output']!r}")
        if error != p["error"]:
            problems.append(f"error: CPython {error!r} model {p['error']!r}")
        if syntax_at and syntax_at != p["error_at"]:
            problems.append(f"syntax error at: CPython {syntax_at} model {p['error_at']}")
        model = p["checkpoints"]
        if len(model) != len(snaps):
            problems.append(f"{len(snaps)} snapshots in CPython, {len(model)} in the model")
        model_returns = p["returns"]
        if len(model_returns) != len(returns):
            problems.append(f"{len(returns)} returns and yields in CPython, {len(model_returns)} in the model")
        for k, (a, b) in enumerate(zip(returns, model_returns)):
            checked += 1
            if a != b:
                problems.append(f"return or yield {k + 1} (from {a['frame']}): CPython {a} model {b}")
                break
        for k, (a, b) in enumerate(zip(snaps, model)):
            checked += 1
            if a != b:
                problems.append(f"after top-level statement {k + 1}: {first_difference(a, b)}")
                break
        if problems:
            failed += 1
            print(f"FAIL {p['name']}")
            for pr in problems:
                print(f"    {pr}")
        else:
            print(f"ok   {p['name']} ({len(snaps)} snapshots, {len(returns)} returns)")
    print(f"{len(programs) - failed} passed; {failed} failed ({checked} snapshots compared)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
