//! Prints, as JSON, every built-in Python scenario and a few extra
//! programs with the model's output and its aliasing graph after each
//! top-level statement. `tools/py_alias_check.py` runs the same programs in
//! CPython and compares.

use mianjing::py::graph::{alias_graph, return_graph};
use mianjing::py::run;
use mianjing::py::scenarios::ScenarioId;

/// Programs beyond the scenarios, for corners the scenarios do not reach.
const EXTRA: &[(&str, &str)] = &[
    (
        "containers",
        "d = {'k': [1], 'n': None}\ns = {3, 1, 2}\nt = (d, s)\nu = t[:]\nl = [1, 2, 3]\nm = l[:]\nk = l[1:]\nd['x'] = k\ndel d['n']\n",
    ),
    (
        "deepcopy-tuples",
        "import copy\ninner = [1]\nt = (inner, inner)\nd = copy.deepcopy(t)\nc = (1, 'a')\ne = copy.deepcopy(c)\nf = copy.copy(inner)\n",
    ),
    (
        "constants",
        "a = 1000\nb = 1000\nc = 'hello world'\nd = 'hello world'\ne = 'ab' + 'c'\nf = 'abc'\ng = (1, 2)\nh = (1, 2)\ni = -7\nj = 300 - 1\n",
    ),
    (
        "instances",
        "class P:\n    def __init__(self, x):\n        self.x = x\n        self.peer = None\np = P([1])\nq = P(p.x)\np.peer = q\nq.peer = p\ndel p\ndel q\n",
    ),
    (
        "functions",
        "def outer(a, b=[0]):\n    def inner():\n        return a\n    return inner\nf = outer([5])\ng = outer(1)\nh = lambda x=f: x\n",
    ),
    (
        "unpacking",
        "a, b = [1, [2]]\nb, a = a, b\nfor i, x in [(0, 'p'), (1, 'q')]:\n    last = x\nxs = [[0]] * 3\nys = [[0] for _ in range(3)]\n",
    ),
    (
        "error-midway",
        "t = ([1],)\nt[0] += [2]\nafter = 1\n",
    ),
    (
        "generator-created",
        "def g(n):\n    yield n\n    yield [n]\nx = g(5)\ny = g(6)\nnext(y)\nz = list(g(7))\n",
    ),
    (
        "control-flow",
        "total = 0\nfor i in range(10, 0, -3):\n    if i == 7:\n        continue\n    elif i < 2:\n        break\n    else:\n        total += i\nn = 0\nwhile True:\n    n += 1\n    if n >= 3:\n        break\nxs = [5, 3, 8, 1]\nys = sorted(xs)\nzs = xs[::-1]\nws = xs[-2:]\nprint(total, n, ys, zs, ws, sum(xs), min(xs), max(xs), 3 in xs, xs.index(8))\nd = {'a': 1, 'b': 2}\nfor k, v in d.items():\n    print(k, v)\nprint(list(d.keys()), list(d.values()), d.get('z', 0), len(d))\nprint('-'.join(['x', 'y']), 'ab'.upper(), 'ab' * 2, 7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10)\n",
    ),
    (
        "nested-closures",
        "def outer():\n    x = [1]\n    def middle():\n        def inner():\n            return x\n        return inner\n    return middle()\nf = outer()\ng = outer()\nfs = []\nfor k in range(2):\n    def h(k=k):\n        return k\n    fs.append(h)\nprint(f() is g(), f() == g(), [q() for q in fs])\n",
    ),
    (
        "caught-errors",
        "log = []\ntry:\n    {}['missing']\nexcept KeyError:\n    log.append('key')\ntry:\n    [][0]\nexcept IndexError:\n    log.append('index')\ntry:\n    1 // 0\nexcept ZeroDivisionError:\n    log.append('zero')\ndef f():\n    y = x\n    x = 1\ntry:\n    f()\nexcept UnboundLocalError:\n    log.append('unbound')\ntry:\n    nope\nexcept NameError:\n    log.append('name')\nprint(log)\n",
    ),
    (
        "methods-and-sharing",
        "class Box:\n    size = 0\n    def __init__(self, items=[]):\n        self.items = items\n    def add(self, x):\n        self.items.append(x)\n        return self\na = Box()\nb = Box()\na.add(1)\nprint(a.items is b.items, b.items)\nc = Box([])\nc.add(2).add(3)\nm = c.add\nprint(c.items, Box.size)\n",
    ),
    (
        "strings-and-identity",
        "s = 'abc'\nt = s[:]\nu = s[0]\nv = 'a'\nw = s + ''\nx = ''.join(['a', 'b'])\ny = [None] * 3\nz = [[]] * 2\nz[0].append(1)\nq = tuple([1, 2])\nr = tuple(q)\ne = ()\nf = tuple()\nk = {}\nk[1] = 'one'\nk[True] = 'true'\nm = {1, True, 2}\n",
    ),
    (
        "generators-recursion-classes",
        "def gen():\n    x = yield 1\n    y = yield [x]\n    return y\ng = gen()\na = next(g)\nb = next(g)\ndef f(n):\n    if n <= 1:\n        return [n]\n    return f(n - 1) + [n]\nres = f(3)\nclass C:\n    count = 0\n    def __init__(self):\n        C.count += 1\n        self.me = self\nc1 = C()\nc2 = C()\ndel c1\nimport gc\ngc.collect()\n",
    ),
    (
        "builtins-identity",
        "s = 'hello'\na = s * 1\nb = s * 2\nc = 'ab' * 0\nd = [1] * 1\nt = (1, [2])\nu = t * 1\nv = t + ()\nw = t[:]\nx = list(t)\ny = tuple(x)\nimport copy\nz = copy.copy(t)\nzz = copy.deepcopy(t)\nn = int('5')\nm = 2 + 3\nk = abs(-300)\nj = -300\nr = range(3)\nr2 = r\ni = iter([1])\np = max([3, 1, 2])\nq = sorted([3, 1, 2])\nq.sort()\nq.reverse()\ne = q.pop()\n",
    ),
    (
        "closures-in-loops",
        "def make():\n    items = []\n    def add(x):\n        items.append(x)\n        return items\n    def get():\n        return items\n    return add, get\nadd, get = make()\nadd(1)\nr = get()\nfs = []\nfor i in range(2):\n    fs.append(lambda: i)\ni = 10\nprint(fs[0](), fs[1]())\ndef outer():\n    v = 1\n    def inner():\n        return v\n    v = 2\n    return inner\nprint(outer()())\ndef counter():\n    n = 0\n    while True:\n        n += 1\n        yield n\nc = counter()\nprint(next(c), next(c))\ndel c\n",
    ),
];

fn main() {
    if std::env::args().any(|a| a == "--bench") {
        bench();
        return;
    }
    // `--file a.py b.py …`: just those programs; `--extra a.py …`: the
    // built-in ones and those.
    let args: Vec<String> = std::env::args().collect();
    let only = args.iter().any(|a| a == "--file");
    let files: Vec<(String, String)> =
        match args.iter().position(|a| a == "--file" || a == "--extra") {
            Some(i) => args[i + 1..]
                .iter()
                .map(|p| match std::fs::read_to_string(p) {
                    Ok(code) => (p.clone(), code),
                    Err(e) => {
                        eprintln!("{p}: {e}");
                        std::process::exit(2);
                    }
                })
                .collect(),
            None => Vec::new(),
        };
    let mut programs: Vec<(String, &str)> = Vec::new();
    if !only {
        programs.extend(
            ScenarioId::ALL
                .iter()
                .map(|id| (id.slug().to_string(), id.scenario().code)),
        );
        programs.extend(EXTRA.iter().map(|(n, c)| (n.to_string(), *c)));
    }
    programs.extend(files.iter().map(|(n, c)| (n.clone(), c.as_str())));
    let out: Vec<serde_json::Value> = programs
        .into_iter()
        .map(|(name, code)| {
            let r = run(code);
            let returns: Vec<_> = r.steps.iter().filter_map(return_graph).collect();
            let graphs: Vec<_> = r
                .steps
                .iter()
                .filter(|s| s.checkpoint)
                .map(alias_graph)
                .collect();
            serde_json::json!({
                "name": name,
                "code": code,
                "output": r.output,
                "error": r.error.as_ref().map(|e| format!("{}: {}", e.name(), e.message)),
                "error_at": r.error.as_ref().map(|e| [e.line, e.col]),
                "checkpoints": graphs,
                "returns": returns,
            })
        })
        .collect();
    println!("{}", serde_json::Value::Array(out));
}

/// `--bench`: the time to run each scenario and record its steps (native;
/// the browser's numbers come from `window.__mianjingPy.run`).
fn bench() {
    for id in ScenarioId::ALL {
        let code = id.scenario().code;
        let reps = 200;
        let t0 = std::time::Instant::now();
        for _ in 0..reps {
            std::hint::black_box(run(code));
        }
        let ms = t0.elapsed().as_secs_f64() * 1000.0 / f64::from(reps);
        println!(
            "{:18} {:7.3} ms  {} steps",
            id.slug(),
            ms,
            run(code).steps.len()
        );
    }
}
