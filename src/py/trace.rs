//! What a run records: one [`Step`] per line run (and per call, return and
//! yield), each a full picture of the frames and the live objects. Views
//! only read these.

use super::error::PyError;

/// A short stable object id, as drawn (`#3`).
pub type ObjId = u32;

#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A line ran.
    Line,
    /// A function was entered (its frame is the last one).
    Call(String),
    /// A paused generator was resumed by `next`.
    Resume(String),
    /// A function is returning this object.
    Return(String, ObjId),
    /// A generator handed out this object and paused.
    Yield(String, ObjId),
    /// An exception was caught by `except`.
    Caught(String),
    /// The run stopped on this error.
    Error(PyError),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameView {
    pub name: String,
    /// Names and the objects they refer to. A name captured by an inner
    /// function refers to its cell.
    pub vars: Vec<(String, ObjId)>,
    pub line: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    None,
    Bool(bool),
    Int(i64),
    Str(String),
    List(Vec<ObjId>),
    Tuple(Vec<ObjId>),
    Dict(Vec<(ObjId, ObjId)>),
    Set(Vec<ObjId>),
    Range(i64, i64, i64),
    Function {
        name: String,
        defaults: Vec<ObjId>,
        cells: Vec<(String, ObjId)>,
    },
    Cell(Option<ObjId>),
    Generator {
        name: String,
        state: &'static str,
        line: Option<u32>,
        locals: Vec<(String, ObjId)>,
    },
    Class {
        name: String,
        attrs: Vec<(String, ObjId)>,
    },
    Instance {
        class: String,
        attrs: Vec<(String, ObjId)>,
    },
    Method {
        this: ObjId,
        func: ObjId,
    },
    Other(&'static str),
}

impl Kind {
    pub fn type_name(&self) -> &str {
        match self {
            Kind::None => "NoneType",
            Kind::Bool(_) => "bool",
            Kind::Int(_) => "int",
            Kind::Str(_) => "str",
            Kind::List(_) => "list",
            Kind::Tuple(_) => "tuple",
            Kind::Dict(_) => "dict",
            Kind::Set(_) => "set",
            Kind::Range(..) => "range",
            Kind::Function { .. } => "function",
            Kind::Cell(_) => "cell",
            Kind::Generator { .. } => "generator",
            Kind::Class { .. } => "type",
            Kind::Instance { class, .. } => class,
            Kind::Method { .. } => "method",
            Kind::Other(t) => t,
        }
    }

    /// Immutable objects (their value can never change in place).
    pub fn immutable(&self) -> bool {
        matches!(
            self,
            Kind::None
                | Kind::Bool(_)
                | Kind::Int(_)
                | Kind::Str(_)
                | Kind::Tuple(_)
                | Kind::Range(..)
        )
    }

    /// The references this object holds, labelled, in order.
    pub fn edges(&self) -> Vec<(String, ObjId)> {
        match self {
            Kind::List(v) | Kind::Tuple(v) => v
                .iter()
                .enumerate()
                .map(|(i, &x)| (i.to_string(), x))
                .collect(),
            Kind::Set(v) => v.iter().map(|&x| (String::new(), x)).collect(),
            Kind::Dict(p) => p
                .iter()
                .flat_map(|&(k, v)| [("key".to_string(), k), ("value".to_string(), v)])
                .collect(),
            Kind::Function {
                defaults, cells, ..
            } => defaults
                .iter()
                .enumerate()
                .map(|(i, &d)| (format!("default{i}"), d))
                .chain(cells.iter().map(|(n, c)| (format!("cell:{n}"), *c)))
                .collect(),
            Kind::Cell(c) => c.iter().map(|&x| ("contents".to_string(), x)).collect(),
            Kind::Generator { locals, .. } => locals
                .iter()
                .map(|(n, x)| (format!("local:{n}"), *x))
                .collect(),
            Kind::Instance { attrs, .. } | Kind::Class { attrs, .. } => attrs.clone(),
            Kind::Method { this, func } => vec![("self".into(), *this), ("func".into(), *func)],
            _ => Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjView {
    pub id: ObjId,
    pub kind: Kind,
    /// References to it: names, slots, and the interpreter's own (a cache,
    /// a code object's constants, the value stack).
    pub refs: u32,
    /// Shared by CPython's caches (small ints, interned strings, singletons).
    pub cached: bool,
    /// Alive only because a reference cycle keeps it so.
    pub garbage: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The line just run.
    pub line: u32,
    pub event: Event,
    /// Outermost first; the last is running.
    pub frames: Vec<FrameView>,
    /// Drawn objects, by id.
    pub objects: Vec<ObjView>,
    /// How much of the run's output exists at this step.
    pub out_len: usize,
    /// A top-level statement finished here (compared with CPython).
    pub checkpoint: bool,
    /// Objects freed since the previous step.
    pub freed: Vec<ObjId>,
}

impl Step {
    pub fn object(&self, id: ObjId) -> Option<&ObjView> {
        self.objects
            .binary_search_by_key(&id, |o| o.id)
            .ok()
            .map(|i| &self.objects[i])
    }
}

/// A whole run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    pub steps: Vec<Step>,
    pub output: String,
    /// Why it stopped early; the last step shows the state at that moment.
    pub error: Option<PyError>,
}
