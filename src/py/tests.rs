//! Behaviour a learner would notice, checked on whole runs.

use super::trace::{Event, Kind, Step};
use super::*;

fn last(src: &str) -> (Run, Step) {
    let r = run(src);
    let s = r
        .steps
        .last()
        .cloned()
        .expect("a run of non-empty code has steps");
    (r, s)
}

/// The object a module-level name refers to.
fn var<'a>(s: &'a Step, name: &str) -> &'a ObjView {
    let id = s.frames[0]
        .vars
        .iter()
        .find(|v| v.0 == name)
        .unwrap_or_else(|| panic!("no name {name}"))
        .1;
    s.object(id)
        .unwrap_or_else(|| panic!("{name} refers to an undrawn object"))
}

#[test]
fn prints_like_python() {
    let r = run("a = [1, 'x', (2,), {'k': None}, {3}]\nprint(a, len(a), True)\nprint(\"it's\")");
    assert_eq!(r.error, None);
    assert_eq!(r.output, "[1, 'x', (2,), {'k': None}, {3}] 5 True\nit's\n");
}

#[test]
fn assignment_shares_and_copies_do_not() {
    let (r, s) = last("import copy\na = [[1, 2], [3]]\nb = a\nc = copy.copy(a)\nd = copy.deepcopy(a)\na[0].append(9)\nprint(b, c, d)");
    assert_eq!(r.error, None);
    assert_eq!(
        r.output,
        "[[1, 2, 9], [3]] [[1, 2, 9], [3]] [[1, 2], [3]]\n"
    );
    assert_eq!(var(&s, "a").id, var(&s, "b").id);
    assert_ne!(var(&s, "a").id, var(&s, "c").id);
    let (Kind::List(a), Kind::List(c), Kind::List(d)) =
        (&var(&s, "a").kind, &var(&s, "c").kind, &var(&s, "d").kind)
    else {
        panic!("lists expected")
    };
    assert_eq!(a, c, "a shallow copy shares the inner lists");
    assert_ne!(a[0], d[0], "a deep copy has its own");
}

#[test]
fn tuple_holding_a_list_is_mutated_then_raises() {
    let (r, s) = last("t = (1, [2])\nt[1] += [3]");
    let e = r.error.expect("TypeError");
    assert_eq!((e.name(), e.line), ("TypeError", 2));
    assert_eq!(e.message, "'tuple' object does not support item assignment");
    let Kind::Tuple(items) = &var(&s, "t").kind else {
        panic!()
    };
    assert!(
        matches!(&s.object(items[1]).map(|o| &o.kind), Some(Kind::List(v)) if v.len() == 2),
        "the list grew"
    );
}

#[test]
fn plus_equals_extends_a_list_but_rebinds_a_tuple() {
    let (r, _) = last("a = [1]\nb = a\na += [2]\nprint(a is b)\nt = (1,)\nu = t\nt += (2,)\nprint(t is u, u)\na = a + [3]\nprint(a is b)");
    assert_eq!(r.output, "True\nFalse (1,)\nFalse\n");
}

#[test]
fn mutable_default_is_evaluated_once() {
    let src = "def f(x, acc=[]):\n    acc.append(x)\n    return acc\nprint(f(1))\nprint(f(2))\n";
    assert_eq!(run(src).output, "[1]\n[1, 2]\n");
    let fixed = "def f(x, acc=None):\n    if acc is None:\n        acc = []\n    acc.append(x)\n    return acc\nprint(f(1))\nprint(f(2))\n";
    assert_eq!(run(fixed).output, "[1]\n[2]\n");
}

#[test]
fn late_binding_closures_share_one_cell() {
    let r = run("fs = [lambda: i for i in range(3)]\nprint([f() for f in fs])\ngs = [lambda i=i: i for i in range(3)]\nprint([g() for g in gs])");
    assert_eq!(r.error, None);
    assert_eq!(r.output, "[2, 2, 2]\n[0, 1, 2]\n");
    let s = r.steps.iter().find(|s| s.checkpoint).expect("a checkpoint");
    let Kind::List(fs) = &var(s, "fs").kind else {
        panic!()
    };
    let cells: Vec<_> = fs
        .iter()
        .map(|f| match &s.object(*f).map(|o| &o.kind) {
            Some(Kind::Function { cells, .. }) => cells[0].1,
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(
        cells.iter().all(|c| *c == cells[0]),
        "one cell for all three lambdas"
    );
}

#[test]
fn closure_counter_with_nonlocal() {
    let src = "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nc = counter()\nc()\nprint(c())";
    assert_eq!(run(src).output, "2\n");
}

#[test]
fn generator_pauses_between_next_calls() {
    let src = "def gen(n):\n    for i in range(n):\n        yield i * 10\ng = gen(3)\nprint(next(g))\nx = 5\nprint(next(g))\nprint(list(g))";
    let r = run(src);
    assert_eq!(r.error, None);
    assert_eq!(r.output, "0\n10\n[20]\n");
    let after_first = r.steps.iter().find(|s| s.line == 6).expect("line 6 ran");
    match &var(after_first, "g").kind {
        Kind::Generator {
            state,
            line,
            locals,
            ..
        } => {
            assert_eq!(*state, "GEN_SUSPENDED");
            assert_eq!(*line, Some(3));
            assert!(locals.iter().any(|(n, _)| n == "i"));
        }
        other => panic!("{other:?}"),
    }
    let end = r.steps.last().expect("steps");
    assert!(matches!(
        &var(end, "g").kind,
        Kind::Generator {
            state: "GEN_CLOSED",
            ..
        }
    ));
}

#[test]
fn refcount_to_zero_frees_and_cycles_wait_for_gc() {
    let src = "import gc\na = [1]\nb = a\ndel a\ndel b\nx = []\nx.append(x)\ndel x\ngc.collect()\n";
    let r = run(src);
    assert_eq!(r.error, None);
    let lists = |s: &Step| {
        s.objects
            .iter()
            .filter(|o| matches!(o.kind, Kind::List(_)))
            .count()
    };
    let at = |line: u32| r.steps.iter().rfind(|s| s.line == line).expect("line ran");
    assert_eq!(
        at(3)
            .objects
            .iter()
            .find(|o| matches!(o.kind, Kind::List(_)))
            .map(|o| o.refs),
        Some(2)
    );
    assert_eq!(lists(at(5)), 0, "freed when the count reached zero");
    assert_eq!(lists(at(8)), 1, "a cycle outlives its last name");
    assert!(at(8).objects.iter().any(|o| o.garbage));
    assert_eq!(lists(at(9)), 0, "gc.collect() frees it");
}

#[test]
fn small_ints_and_interned_strings_are_shared() {
    let r = run("a = 256\nb = 256\nprint(a is b)\nx = 'hello'\ny = 'hel' + 'lo'\nprint(x is y)\nc = [1000]\nd = [1000]\nprint(c[0] is d[0], c is d, c == d)");
    assert_eq!(r.output, "True\nTrue\nTrue False True\n");
    let r =
        run("def f():\n    return 1000\ndef g():\n    return 1000\nprint(f() is g(), f() == g())");
    assert_eq!(
        r.output, "False True\n",
        "constants belong to one code object"
    );
}

#[test]
fn classes_instances_and_methods() {
    let src = "class Node:\n    def __init__(self, v):\n        self.v = v\n        self.next = None\n    def get(self):\n        return self.v\nn = Node(3)\nm = Node(4)\nn.next = m\nprint(n.next.get())";
    let r = run(src);
    assert_eq!(r.error, None);
    assert_eq!(r.output, "4\n");
}

#[test]
fn errors_point_at_the_line_and_column() {
    let r = run("x = 1\ny = x +\n");
    let e = r.error.expect("syntax error");
    assert_eq!((e.kind, e.line), (ErrorKind::Syntax, 2));
    let r = run("a = [1,\n2\nb = 3");
    let e = r.error.expect("unclosed");
    assert_eq!(
        (e.message.as_str(), e.line, e.col),
        ("'[' was never closed", 1, 5)
    );
    let r = run("a = 1\nprint(b)");
    let e = r.error.expect("name error");
    assert_eq!((e.name(), e.line, e.col), ("NameError", 2, 7));
    assert_eq!(r.steps.len(), 2, "the steps before the error are kept");
    let r = run("x = 1.5");
    assert_eq!(
        r.error.map(|e| (e.kind, e.line, e.col)),
        Some((ErrorKind::Unsupported, 1, 5))
    );
    let r = run("with open('f') as f:\n    pass");
    assert_eq!(r.error.map(|e| e.kind), Some(ErrorKind::Unsupported));
}

#[test]
fn endless_loops_and_deep_recursion_stop_cleanly() {
    let r = run("while True:\n    pass");
    assert_eq!(r.error.map(|e| e.kind), Some(ErrorKind::Limit));
    let r = run("def f(n):\n    return f(n + 1)\nf(0)");
    assert_eq!(
        r.error.map(|e| e.name().to_string()).as_deref(),
        Some("RecursionError")
    );
}

#[test]
fn try_except_catches_and_continues() {
    let r =
        run("t = ([1],)\ntry:\n    t[0] += [2]\nexcept TypeError:\n    print('caught')\nprint(t)");
    assert_eq!(r.error, None);
    assert_eq!(r.output, "caught\n([1, 2],)\n");
    assert!(r.steps.iter().any(|s| matches!(s.event, Event::Caught(_))));
}

#[test]
fn nothing_panics_on_garbage() {
    let samples = [
        "",
        "(",
        ")",
        "def",
        "def f(:",
        "x = [",
        "'''",
        "\tx = 1",
        "  x = 1",
        "if x:\nprint(1)",
        "return 1",
        "yield 1",
        "for in x:",
        "x += ",
        "del 1",
        "a, b = 1",
        "[i for i in]",
        "lambda: ",
        "x = {1: }",
        "1 +* 2",
        "break",
        "class A(B): pass",
        "f(**x)",
        "x[::0]",
        "x = 9999999999999999999999",
        "print(1 // 0)",
        "'a' * -1",
        "nonlocal q",
        "def f():\n  nonlocal q",
        "x = []\nx.append(x)\nprint(x)",
        "import os",
        "None = 1",
        "a = (1, 2)\na[5]",
        "d = {}\nd[[1]] = 2",
        "iter(5)",
        "next([1])",
        "x = 10 ** 30",
        "def g():\n  yield\nnext(g())\nnext(g())",
    ];
    for s in samples {
        let r = run(s);
        assert!(
            r.error.is_some() || !r.steps.is_empty() || s.is_empty(),
            "{s:?}"
        );
    }
    let deep = format!("x = {}1{}", "(".repeat(5000), ")".repeat(5000));
    assert_eq!(run(&deep).error.map(|e| e.kind), Some(ErrorKind::Syntax));
    let unary = format!("x = {}1", "-".repeat(5000));
    assert!(run(&unary).error.is_some());
    let calls = format!("x = f{}", "()".repeat(5000));
    assert!(run(&calls).error.is_some());
    let mut nested = String::new();
    for i in 0..200 {
        nested.push_str(&format!("{}if True:\n", " ".repeat(i)));
    }
    nested.push_str(&format!("{}pass\n", " ".repeat(200)));
    assert!(run(&nested).error.is_some());
}

#[test]
fn short_ids_count_from_one_in_order_of_drawing() {
    let r = run("a = [1000]\nb = [a]\nc = 'x y'");
    let s = r.steps.last().expect("steps");
    let mut ids: Vec<u32> = s.objects.iter().map(|o| o.id).collect();
    ids.sort();
    assert_eq!(
        ids,
        vec![1, 2, 3, 4],
        "1000, its list, the outer list, the str"
    );
    let first = &r.steps[0];
    assert_eq!(var(first, "a").id, 2, "an id, once given, stays");
    assert_eq!(var(s, "a").id, 2);
}

#[test]
fn any_prefix_or_one_deleted_character_of_a_scenario_runs_or_errors_cleanly() {
    use crate::py::scenarios::ScenarioId;
    for id in ScenarioId::ALL {
        let code = id.scenario().code;
        let cuts: Vec<usize> = code.char_indices().map(|(i, _)| i).collect();
        for &i in cuts.iter().step_by(3) {
            let prefix = &code[..i];
            let r = run(prefix);
            if let Some(e) = &r.error {
                assert!(e.line >= 1 || prefix.trim().is_empty(), "{prefix:?}: {e}");
            }
            let mut deleted = code.to_string();
            deleted.remove(i);
            let _ = run(&deleted);
        }
    }
}
