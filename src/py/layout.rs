//! Where everything goes in the diagram of a step: frames on the left, the
//! objects they reach in columns to the right (an object sits one column
//! right of the first object that reaches it), arrows from names and slots
//! to objects. Pure numbers, tested here; the view only draws them.

use super::interp::quote;
use super::trace::{Event, Kind, ObjId, Step};

pub const FRAME_X: f64 = 8.0;
pub const FRAME_W: f64 = 148.0;
pub const HEAD_H: f64 = 24.0;
pub const ROW_H: f64 = 22.0;
pub const GAP: f64 = 14.0;
pub const COL_W: f64 = 168.0;
pub const COL_GAP: f64 = 56.0;
pub const HEAP_X: f64 = FRAME_X + FRAME_W + 64.0;
const MAX_LABEL: usize = 18;

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    /// The object this row's slot refers to (drawn as an arrow).
    pub target: Option<ObjId>,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameBox {
    pub name: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub rows: Vec<Row>,
    /// The frame that is running.
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjBox {
    pub id: ObjId,
    /// Type, and a function's or generator's name.
    pub title: String,
    /// An atom's value (as Python would show it), or a state.
    pub value: Option<String>,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub rows: Vec<Row>,
    pub immutable: bool,
    pub cached: bool,
    pub garbage: bool,
    pub refs: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub from: (f64, f64),
    /// Where it enters the target: its left side, or its right side when
    /// the target is not to the right of the slot.
    pub to: (f64, f64),
    pub backward: bool,
    pub target: ObjId,
    /// From a name (not from an object's slot).
    pub from_name: bool,
    /// The name's frame (its index) and the name, for arrows from names.
    pub name: Option<(usize, String)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub frames: Vec<FrameBox>,
    pub objects: Vec<ObjBox>,
    pub arrows: Vec<Arrow>,
}

impl Layout {
    pub fn object(&self, id: ObjId) -> Option<&ObjBox> {
        self.objects.iter().find(|o| o.id == id)
    }
}

fn short(s: String) -> String {
    if s.chars().count() > MAX_LABEL {
        let mut t: String = s.chars().take(MAX_LABEL - 1).collect();
        t.push('…');
        t
    } else {
        s
    }
}

/// A short text for an atom (dict keys and set members are shown inline).
pub fn atom_text(step: &Step, id: ObjId) -> String {
    match step.object(id).map(|o| &o.kind) {
        Some(Kind::None) => "None".into(),
        Some(Kind::Bool(b)) => if *b { "True" } else { "False" }.into(),
        Some(Kind::Int(i)) => i.to_string(),
        Some(Kind::Str(s)) => quote(s),
        Some(Kind::Tuple(v)) => {
            let parts: Vec<String> = v.iter().map(|&x| atom_text(step, x)).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        _ => format!("#{id}"),
    }
}

fn rows_of(step: &Step, kind: &Kind) -> Vec<(String, Option<ObjId>)> {
    match kind {
        Kind::List(v) | Kind::Tuple(v) => v
            .iter()
            .enumerate()
            .map(|(i, &x)| (format!("[{i}]"), Some(x)))
            .collect(),
        Kind::Set(v) => v.iter().map(|&x| (atom_text(step, x), None)).collect(),
        Kind::Dict(p) => p
            .iter()
            .map(|&(k, v)| (atom_text(step, k), Some(v)))
            .collect(),
        Kind::Function {
            defaults, cells, ..
        } => defaults
            .iter()
            .enumerate()
            .map(|(i, &d)| (format!("default {i}"), Some(d)))
            .chain(cells.iter().map(|(n, c)| (format!("cell {n}"), Some(*c))))
            .collect(),
        Kind::Cell(c) => vec![("contents".into(), *c)],
        Kind::Generator { locals, .. } => {
            locals.iter().map(|(n, x)| (n.clone(), Some(*x))).collect()
        }
        Kind::Instance { attrs, .. } | Kind::Class { attrs, .. } => {
            attrs.iter().map(|(n, x)| (n.clone(), Some(*x))).collect()
        }
        Kind::Method { this, func } => {
            vec![("self".into(), Some(*this)), ("func".into(), Some(*func))]
        }
        _ => Vec::new(),
    }
}

fn title_value(kind: &Kind) -> (String, Option<String>) {
    match kind {
        Kind::None => ("None".into(), Some("None".into())),
        Kind::Bool(b) => (
            "bool".into(),
            Some(if *b { "True" } else { "False" }.into()),
        ),
        Kind::Int(i) => ("int".into(), Some(i.to_string())),
        Kind::Str(s) => ("str".into(), Some(short(quote(s)))),
        Kind::Range(a, b, c) if *c == 1 => ("range".into(), Some(format!("range({a}, {b})"))),
        Kind::Range(a, b, c) => ("range".into(), Some(format!("range({a}, {b}, {c})"))),
        Kind::Function { name, .. } => (short(format!("function {name}")), None),
        Kind::Generator {
            name, state, line, ..
        } => {
            let v = match line {
                Some(l) => format!("{state} @{l}"),
                None => state.to_string(),
            };
            (short(format!("generator {name}")), Some(v))
        }
        Kind::Class { name, .. } => (short(format!("class {name}")), None),
        k => (k.type_name().to_string(), None),
    }
}

/// Lays out a step.
pub fn layout(step: &Step) -> Layout {
    let mut out = Layout::default();
    // Frames, outermost on top.
    let mut y = 8.0;
    let last = step.frames.len().saturating_sub(1);
    for (i, f) in step.frames.iter().enumerate() {
        let rows: Vec<Row> = f
            .vars
            .iter()
            .enumerate()
            .map(|(k, (n, id))| Row {
                label: short(n.clone()),
                target: Some(*id),
                y: y + HEAD_H + ROW_H * (k as f64 + 0.5),
            })
            .collect();
        let h = HEAD_H + ROW_H * rows.len().max(1) as f64;
        out.frames.push(FrameBox {
            name: f.name.clone(),
            x: FRAME_X,
            y,
            w: FRAME_W,
            h,
            rows,
            active: i == last && i > 0,
        });
        y += h + GAP;
    }
    let frames_bottom = y;
    // Columns: breadth-first from the names (and a returned value).
    let mut placed: Vec<(ObjId, usize)> = Vec::new();
    let mut queue: Vec<(ObjId, usize)> = Vec::new();
    for f in &step.frames {
        queue.extend(f.vars.iter().map(|v| (v.1, 0)));
    }
    if let Event::Return(_, v) | Event::Yield(_, v) = step.event {
        queue.push((v, 0));
    }
    let mut garbage: Vec<ObjId> = step
        .objects
        .iter()
        .filter(|o| o.garbage)
        .map(|o| o.id)
        .collect();
    let mut qi = 0;
    loop {
        if qi >= queue.len() {
            // Cycles nobody names: start them in the first column too.
            match garbage
                .iter()
                .position(|g| !placed.iter().any(|p| p.0 == *g))
            {
                Some(k) => queue.push((garbage.remove(k), 0)),
                None => break,
            }
        }
        let (id, col) = queue[qi];
        qi += 1;
        if placed.iter().any(|p| p.0 == id) {
            continue;
        }
        let Some(o) = step.object(id) else { continue };
        placed.push((id, col));
        for (_, t) in rows_of(step, &o.kind) {
            if let Some(t) = t {
                queue.push((t, col + 1));
            }
        }
    }
    let ncols = placed.iter().map(|p| p.1 + 1).max().unwrap_or(0);
    let mut col_y = vec![8.0; ncols];
    for (id, col) in placed {
        let Some(o) = step.object(id) else { continue };
        let x = HEAP_X + col as f64 * (COL_W + COL_GAP);
        let y = col_y[col];
        let (title, value) = title_value(&o.kind);
        let body = rows_of(step, &o.kind);
        let n = body.len() + usize::from(value.is_some());
        let first_row = y + HEAD_H + ROW_H * f64::from(u8::from(value.is_some()));
        let rows: Vec<Row> = body
            .into_iter()
            .enumerate()
            .map(|(k, (label, target))| Row {
                label: short(label),
                target,
                y: first_row + ROW_H * (k as f64 + 0.5),
            })
            .collect();
        let h = HEAD_H + ROW_H * n.max(1) as f64;
        col_y[col] = y + h + GAP;
        out.objects.push(ObjBox {
            id,
            title,
            value,
            x,
            y,
            w: COL_W,
            h,
            rows,
            immutable: o.kind.immutable(),
            cached: o.cached,
            garbage: o.garbage,
            refs: o.refs,
        });
    }
    // Arrows.
    let entry = |l: &Layout, id: ObjId| l.object(id).map(|b| (b.x, b.y + HEAD_H / 2.0, b.w));
    let make = |from: (f64, f64), (x, y, w): (f64, f64, f64), target: ObjId, from_name: bool| {
        let backward = x < from.0;
        let to = if backward { (x + w, y) } else { (x, y) };
        Arrow {
            from,
            to,
            backward,
            target,
            from_name,
            name: None,
        }
    };
    let mut arrows = Vec::new();
    for (k, f) in out.frames.iter().enumerate() {
        for (r, (name, _)) in f.rows.iter().zip(&step.frames[k].vars) {
            if let Some(t) = r.target {
                if let Some(to) = entry(&out, t) {
                    let mut a = make((f.x + f.w - 10.0, r.y), to, t, true);
                    a.name = Some((k, name.clone()));
                    arrows.push(a);
                }
            }
        }
    }
    for b in &out.objects {
        for r in &b.rows {
            if let Some(t) = r.target {
                if let Some(to) = entry(&out, t) {
                    arrows.push(make((b.x + b.w - 10.0, r.y), to, t, false));
                }
            }
        }
    }
    out.arrows = arrows;
    out.width = HEAP_X + ncols as f64 * (COL_W + COL_GAP) + 16.0;
    out.height = col_y.iter().copied().fold(frames_bottom, f64::max) + 8.0;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::py::run;

    #[test]
    fn names_point_at_their_objects_and_nested_objects_go_right() {
        let r = run("a = [[1], 'x']\nb = a");
        let s = r.steps.last().expect("steps");
        let l = layout(s);
        let a = l.frames[0]
            .rows
            .iter()
            .find(|r| r.label == "a")
            .and_then(|r| r.target)
            .expect("a");
        let outer = l.object(a).expect("drawn");
        let inner = outer.rows[0]
            .target
            .and_then(|t| l.object(t))
            .expect("inner list");
        assert!(inner.x > outer.x, "a nested object sits to the right");
        assert_eq!(
            l.arrows
                .iter()
                .filter(|ar| ar.target == a && ar.from_name)
                .count(),
            2,
            "a and b"
        );
        let x = l
            .objects
            .iter()
            .find(|o| o.value.as_deref() == Some("'x'"))
            .expect("str");
        assert!(
            x.immutable && x.cached,
            "an identifier-like str is interned"
        );
        for o in &l.objects {
            assert!(
                o.x + o.w <= l.width && o.y + o.h <= l.height,
                "inside the drawing"
            );
        }
    }

    #[test]
    fn a_cycle_without_names_is_still_drawn() {
        let r = run("x = []\nx.append(x)\ndel x");
        let l = layout(r.steps.last().expect("steps"));
        assert_eq!(l.objects.len(), 1);
        assert!(l.objects[0].garbage);
        assert_eq!(l.arrows.len(), 1, "the list's slot points at itself");
        let a = &l.arrows[0];
        assert!(a.backward, "into its own right side");
        assert_eq!(a.to.0, l.objects[0].x + l.objects[0].w);
    }
}
