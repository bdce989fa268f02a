//! The objects of a run and who refers to whom. Slots are never reused, so
//! an object's slot number is its short stable id in the diagram (#1, #2…).

use std::rc::Rc;

use super::ast::{Block, Expr, FuncDef, Handler};

pub type Id = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    Print,
    Len,
    Range,
    Id,
    List,
    Tuple,
    Set,
    Dict,
    Str,
    Repr,
    Next,
    Iter,
    Sum,
    Min,
    Max,
    Sorted,
    Bool,
    Int,
    Abs,
    CopyCopy,
    CopyDeep,
    GetRefcount,
    GcCollect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Running,
    Suspended,
    Closed,
}

impl GenState {
    /// The name `inspect.getgeneratorstate` gives.
    pub fn name(self) -> &'static str {
        match self {
            GenState::Created => "GEN_CREATED",
            GenState::Running => "GEN_RUNNING",
            GenState::Suspended => "GEN_SUSPENDED",
            GenState::Closed => "GEN_CLOSED",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

#[derive(Debug)]
pub enum Iter {
    Seq {
        seq: Id,
        idx: usize,
        /// A set's size when iteration began: it must not change.
        size: Option<usize>,
    },
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    View {
        dict: Id,
        kind: ViewKind,
        idx: usize,
        /// The dict's size when iteration began: it must not change.
        size: usize,
    },
}

#[derive(Debug)]
pub struct Func {
    pub def: Rc<FuncDef>,
    pub defaults: Vec<Id>,
    pub closure: Vec<Id>,
}

#[derive(Debug)]
pub struct Gen {
    pub name: String,
    pub frame: Option<Box<Frame>>,
    pub state: GenState,
}

#[derive(Debug)]
pub enum Obj {
    None,
    Bool(bool),
    Int(i64),
    Str(Rc<str>),
    List(Vec<Id>),
    Tuple(Vec<Id>),
    Dict(Vec<(Id, Id)>),
    Set(Vec<Id>),
    Range(i64, i64, i64),
    Func(Func),
    Cell(Option<Id>),
    Gen(Gen),
    Class {
        name: String,
        attrs: Vec<(String, Id)>,
    },
    Instance {
        class: Id,
        attrs: Vec<(String, Id)>,
    },
    Method {
        this: Id,
        func: Id,
    },
    Builtin(Builtin),
    BuiltinMethod {
        this: Id,
        name: &'static str,
    },
    Module(&'static str),
    Iter(Iter),
    DictView(Id, ViewKind),
}

impl Obj {
    /// Python's name for the type.
    pub fn type_name(&self) -> &'static str {
        match self {
            Obj::None => "NoneType",
            Obj::Bool(_) => "bool",
            Obj::Int(_) => "int",
            Obj::Str(_) => "str",
            Obj::List(_) => "list",
            Obj::Tuple(_) => "tuple",
            Obj::Dict(_) => "dict",
            Obj::Set(_) => "set",
            Obj::Range(..) => "range",
            Obj::Func(_) => "function",
            Obj::Cell(_) => "cell",
            Obj::Gen(_) => "generator",
            Obj::Class { .. } => "type",
            Obj::Instance { .. } => "object",
            Obj::Method { .. } => "method",
            Obj::Builtin(_) | Obj::BuiltinMethod { .. } => "builtin_function_or_method",
            Obj::Module(_) => "module",
            Obj::Iter(_) => "iterator",
            Obj::DictView(_, ViewKind::Keys) => "dict_keys",
            Obj::DictView(_, ViewKind::Values) => "dict_values",
            Obj::DictView(_, ViewKind::Items) => "dict_items",
        }
    }

    /// Every reference this object holds, with repetition.
    pub fn children(&self, out: &mut Vec<Id>) {
        match self {
            Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => out.extend(v),
            Obj::Dict(pairs) => pairs.iter().for_each(|(k, v)| out.extend([*k, *v])),
            Obj::Func(f) => {
                out.extend(&f.defaults);
                out.extend(&f.closure);
            }
            Obj::Cell(c) => out.extend(c),
            Obj::Gen(g) => {
                if let Some(fr) = &g.frame {
                    fr.refs(out);
                }
            }
            Obj::Class { attrs, .. } => out.extend(attrs.iter().map(|a| a.1)),
            Obj::Instance { class, attrs } => {
                out.push(*class);
                out.extend(attrs.iter().map(|a| a.1));
            }
            Obj::Method { this, func } => out.extend([*this, *func]),
            Obj::BuiltinMethod { this, .. } => out.push(*this),
            Obj::Iter(Iter::Seq { seq, .. }) => out.push(*seq),
            Obj::Iter(Iter::View { dict, .. }) | Obj::DictView(dict, _) => out.push(*dict),
            _ => {}
        }
    }

    /// Part of the machinery, not drawn. (An iterator is drawn when a name
    /// refers to it; a `for` loop's own is held by the loop, not a name.)
    pub fn hidden(&self) -> bool {
        matches!(
            self,
            Obj::Builtin(_) | Obj::Module(_) | Obj::BuiltinMethod { .. }
        )
    }
}

#[derive(Clone, Debug)]
pub enum Binding {
    Local(Option<Id>),
    Cell(Id),
}

#[derive(Clone, Debug)]
pub enum Ctl {
    Block {
        body: Block,
        idx: usize,
    },
    For {
        iter: Id,
        target: Expr,
        body: Block,
        line: u32,
    },
    While {
        cond: Expr,
        body: Block,
        line: u32,
    },
    Try {
        handlers: Rc<[Handler]>,
    },
}

#[derive(Clone, Debug)]
pub struct Frame {
    pub name: String,
    pub scope: usize,
    pub vars: Vec<(String, Binding)>,
    pub ctl: Vec<Ctl>,
    /// Values a statement is working on (CPython's value stack).
    pub temps: Vec<Id>,
    pub is_module: bool,
    /// Where it is: the line last run.
    pub line: u32,
    /// `x = yield v` waiting for the value sent in.
    pub pending: Option<Vec<Expr>>,
}

impl Frame {
    pub fn refs(&self, out: &mut Vec<Id>) {
        for (_, b) in &self.vars {
            match b {
                Binding::Local(Some(v)) | Binding::Cell(v) => out.push(*v),
                Binding::Local(None) => {}
            }
        }
        out.extend(&self.temps);
        for c in &self.ctl {
            if let Ctl::For { iter, .. } = c {
                out.push(*iter);
            }
        }
    }
}
