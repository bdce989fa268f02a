//! The aliasing graph of a step, in the form `tools/py_alias_check.py`
//! builds from CPython, so the two can be compared up to renaming of ids.
//!
//! Starting from the module's names in sorted order, objects are numbered
//! in depth-first pre-order, children in their natural order (list and
//! tuple slots by index, dict key then value in insertion order, set
//! members by repr, instance attributes in insertion order, a function's
//! defaults then its closure cells, a suspended generator's locals by
//! name). Each node is its type, a value for atoms, and its labelled
//! edges. Two graphs are equal exactly when the same names and slots share
//! the same objects. Objects alive only because a cycle holds them are
//! listed by type under `garbage`.

use serde_json::{json, Value};

use super::interp::quote;
use super::trace::{Event, Kind, ObjId, Step};

/// The graph of the module's names at `step`.
pub fn alias_graph(step: &Step) -> Value {
    let mut order: Vec<ObjId> = Vec::new();
    let mut nodes: Vec<Value> = Vec::new();
    let mut names = serde_json::Map::new();
    let mut module: Vec<(String, ObjId)> = step
        .frames
        .first()
        .map(|f| f.vars.clone())
        .unwrap_or_default();
    module.sort();
    for (name, id) in module {
        let cid = visit(step, id, &mut order, &mut nodes);
        names.insert(name, json!(cid));
    }
    let mut garbage: Vec<String> = step
        .objects
        .iter()
        .filter(|o| o.garbage && gc_tracked(&o.kind))
        .map(|o| o.kind.type_name().to_string())
        .collect();
    garbage.sort();
    json!({ "names": names, "nodes": nodes, "garbage": garbage })
}

/// The graph of the running function's locals as it returns (or a
/// generator's as it yields), with the value handed back as `<return>`.
/// A captured variable is shown by its cell's contents, as CPython's
/// `frame.f_locals` does. `None` for other steps.
pub fn return_graph(step: &Step) -> Option<Value> {
    let value = match &step.event {
        Event::Return(_, v) | Event::Yield(_, v) => *v,
        _ => return None,
    };
    let frame = step.frames.last()?;
    let mut locals: Vec<(String, ObjId)> = frame
        .vars
        .iter()
        .filter_map(|(n, x)| match step.object(*x).map(|o| &o.kind) {
            Some(Kind::Cell(inner)) => inner.map(|i| (n.clone(), i)),
            _ => Some((n.clone(), *x)),
        })
        .collect();
    locals.sort();
    locals.insert(0, ("<return>".to_string(), value));
    let (mut order, mut nodes, mut names) = (Vec::new(), Vec::new(), serde_json::Map::new());
    for (name, id) in locals {
        let cid = visit(step, id, &mut order, &mut nodes);
        names.insert(name, json!(cid));
    }
    Some(json!({ "frame": frame.name, "names": names, "nodes": nodes }))
}

/// Types CPython's cycle collector tracks (tuples are left out: CPython
/// untracks tuples of atoms, so whether one is listed is not stable).
fn gc_tracked(k: &Kind) -> bool {
    matches!(
        k,
        Kind::List(_)
            | Kind::Dict(_)
            | Kind::Set(_)
            | Kind::Function { .. }
            | Kind::Cell(_)
            | Kind::Generator { .. }
            | Kind::Instance { .. }
            | Kind::Method { .. }
    )
}

fn visit(step: &Step, id: ObjId, order: &mut Vec<ObjId>, nodes: &mut Vec<Value>) -> usize {
    if let Some(i) = order.iter().position(|&x| x == id) {
        return i;
    }
    let cid = order.len();
    order.push(id);
    nodes.push(Value::Null);
    let Some(o) = step.object(id) else {
        nodes[cid] = json!({ "t": "?", "v": "", "e": [] });
        return cid;
    };
    let (t, v) = match &o.kind {
        Kind::None => ("NoneType".to_string(), "None".to_string()),
        Kind::Bool(b) => ("bool".into(), if *b { "True" } else { "False" }.into()),
        Kind::Int(i) => ("int".into(), i.to_string()),
        Kind::Str(s) => ("str".into(), quote(s)),
        Kind::Range(a, b, c) if *c == 1 => ("range".into(), format!("range({a}, {b})")),
        Kind::Range(a, b, c) => ("range".into(), format!("range({a}, {b}, {c})")),
        Kind::Function { name, .. } => ("function".into(), name.clone()),
        Kind::Generator { state, .. } => ("generator".into(), state.to_string()),
        Kind::Class { name, .. } => ("type".into(), name.clone()),
        k => (k.type_name().to_string(), String::new()),
    };
    let mut edges = match &o.kind {
        // A class's namespace is not compared (CPython's holds more).
        Kind::Class { .. } => Vec::new(),
        // CPython's f_locals shows a cell's contents, not the cell.
        Kind::Generator { locals, .. } => {
            let mut l: Vec<(String, ObjId)> = locals
                .iter()
                .filter_map(|(n, x)| match step.object(*x).map(|c| &c.kind) {
                    Some(Kind::Cell(inner)) => inner.map(|i| (format!("local:{n}"), i)),
                    _ => Some((format!("local:{n}"), *x)),
                })
                .collect();
            l.sort();
            l
        }
        k => k.edges(),
    };
    if let Kind::Set(_) = o.kind {
        edges.sort_by_key(|(_, x)| repr(step, *x));
    }
    let e: Vec<Value> = edges
        .into_iter()
        .map(|(label, x)| {
            let c = visit(step, x, order, nodes);
            json!([label, c])
        })
        .collect();
    nodes[cid] = json!({ "t": t, "v": v, "e": e });
    cid
}

/// The repr of an atom or a tuple of atoms (set members), as CPython's.
fn repr(step: &Step, id: ObjId) -> String {
    match step.object(id).map(|o| &o.kind) {
        Some(Kind::None) => "None".into(),
        Some(Kind::Bool(b)) => if *b { "True" } else { "False" }.into(),
        Some(Kind::Int(i)) => i.to_string(),
        Some(Kind::Str(s)) => quote(s),
        Some(Kind::Tuple(v)) if v.len() == 1 => format!("({},)", repr(step, v[0])),
        Some(Kind::Tuple(v)) => format!(
            "({})",
            v.iter()
                .map(|&x| repr(step, x))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => format!("#{id}"),
    }
}
