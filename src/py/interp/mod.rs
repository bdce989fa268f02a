//! The evaluator: runs a [`Program`] and records a [`Step`] after every
//! line, call, return and yield.
//!
//! Statements run from an explicit control stack in each frame, not from
//! Rust recursion, so a generator's frame can be put aside between `next`
//! calls and resumed where it stopped. Expressions recurse in Rust; every
//! value a statement is still working on sits in the frame's `temps` (the
//! value stack), so it counts as referenced.
//!
//! Reference counts are recounted at each step from the roots and every live
//! object's references, and objects whose count is zero are freed, in a
//! cascade: at line granularity that is exactly what CPython's reference
//! counting shows. A cycle keeps its counts above zero and stays until
//! `gc.collect()`, which frees what the roots cannot reach.

use std::collections::HashMap;
use std::rc::Rc;

use super::ast::*;
use super::error::{ErrorKind, PyError};
use super::heap::*;
use super::trace::{Event, FrameView, Kind, ObjView, Run, Step};

/// Limits that keep a teaching diagram small and a typo from hanging a tab.
pub const MAX_STEPS: usize = 600;
pub const MAX_OBJECTS: usize = 20_000;
pub const MAX_DEPTH: usize = 40;
pub const MAX_LEN: usize = 10_000;

mod call;
mod data;
mod eval;
mod ops;
mod record;

type R<T> = Result<T, PyError>;

enum Exit {
    Return(Id),
    Yield(Id),
}

enum Flow {
    Next,
    Return(Id),
    Yield(Id),
}

pub struct Interp {
    slots: Vec<Option<Obj>>,
    frames: Vec<Frame>,
    scopes: Vec<ScopeInfo>,
    consts: HashMap<(usize, Const), Id>,
    interned: HashMap<String, Id>,
    /// CPython's cache of one-character (Latin-1) strings made at run time;
    /// in 3.11 these are not the interned constants of the same text.
    chars: HashMap<char, Id>,
    small_ints: HashMap<i64, Id>,
    none: Id,
    true_: Id,
    false_: Id,
    empty_tuple: Id,
    builtins: Vec<(&'static str, Id)>,
    modules: Vec<(&'static str, Id)>,
    steps: Vec<Step>,
    out: String,
    top_lines: Vec<u32>,
    /// Steps recorded when the current top-level statement began.
    top_started: usize,
    /// Set while an error unwinds, so its line is the one that raised.
    line: u32,
    /// Objects freed since the last step.
    freed: Vec<Id>,
    /// The short id each drawn object got (#1, #2… in order of first
    /// drawing), by slot; 0 before it is drawn.
    shown: Vec<u32>,
    next_shown: u32,
}

/// Runs `src` and returns every step; never panics on any input.
pub fn run(src: &str) -> Run {
    let prog = match super::parser::parse(src) {
        Ok(p) => p,
        Err(e) => {
            return Run {
                steps: Vec::new(),
                output: String::new(),
                error: Some(e),
            };
        }
    };
    let mut it = Interp::new(&prog);
    let result = it.run_module(&prog);
    let error = result.err();
    if let Some(e) = &error {
        let line = e.line;
        it.record(line, Event::Error(e.clone()), true);
    }
    Run {
        steps: it.steps,
        output: it.out,
        error,
    }
}

fn type_err(msg: impl Into<String>) -> PyError {
    PyError::raised("TypeError", msg)
}

impl Interp {
    fn new(prog: &Program) -> Interp {
        let mut it = Interp {
            slots: Vec::new(),
            frames: Vec::new(),
            scopes: prog.scopes.clone(),
            consts: HashMap::new(),
            interned: HashMap::new(),
            chars: HashMap::new(),
            small_ints: HashMap::new(),
            none: 0,
            true_: 0,
            false_: 0,
            empty_tuple: 0,
            builtins: Vec::new(),
            modules: Vec::new(),
            steps: Vec::new(),
            out: String::new(),
            top_lines: prog.top_lines.clone(),
            top_started: 0,
            line: 0,
            freed: Vec::new(),
            shown: Vec::new(),
            next_shown: 0,
        };
        it.none = it.alloc_raw(Obj::None);
        it.true_ = it.alloc_raw(Obj::Bool(true));
        it.false_ = it.alloc_raw(Obj::Bool(false));
        it.empty_tuple = it.alloc_raw(Obj::Tuple(Vec::new()));
        use Builtin::*;
        for (name, b) in [
            ("print", Print),
            ("len", Len),
            ("range", Range),
            ("id", Id),
            ("list", List),
            ("tuple", Tuple),
            ("set", Set),
            ("dict", Dict),
            ("str", Str),
            ("repr", Repr),
            ("next", Next),
            ("iter", Iter),
            ("sum", Sum),
            ("min", Min),
            ("max", Max),
            ("sorted", Sorted),
            ("bool", Bool),
            ("int", Int),
            ("abs", Abs),
        ] {
            let id = it.alloc_raw(Obj::Builtin(b));
            it.builtins.push((name, id));
        }
        it
    }

    // ---- objects ----

    fn alloc_raw(&mut self, o: Obj) -> Id {
        self.slots.push(Some(o));
        self.slots.len() - 1
    }

    fn alloc(&mut self, o: Obj) -> R<Id> {
        if self.slots.len() >= MAX_OBJECTS {
            return Err(PyError::limit("too many objects for a diagram"));
        }
        Ok(self.alloc_raw(o))
    }

    fn obj(&self, id: Id) -> R<&Obj> {
        self.slots
            .get(id)
            .and_then(Option::as_ref)
            .ok_or_else(|| PyError::limit("internal: an object was used after it was freed"))
    }

    fn obj_mut(&mut self, id: Id) -> R<&mut Obj> {
        self.slots
            .get_mut(id)
            .and_then(Option::as_mut)
            .ok_or_else(|| PyError::limit("internal: an object was used after it was freed"))
    }

    fn type_name(&self, id: Id) -> &'static str {
        self.obj(id).map_or("object", Obj::type_name)
    }

    fn class_name(&self, id: Id) -> String {
        match self.obj(id) {
            Ok(Obj::Instance { class, .. }) => match self.obj(*class) {
                Ok(Obj::Class { name, .. }) => name.clone(),
                _ => "object".into(),
            },
            Ok(o) => o.type_name().to_string(),
            Err(_) => "object".into(),
        }
    }

    fn boolean(&self, b: bool) -> Id {
        if b {
            self.true_
        } else {
            self.false_
        }
    }

    fn int(&mut self, v: i64) -> R<Id> {
        if (-5..=256).contains(&v) {
            if let Some(&id) = self.small_ints.get(&v) {
                return Ok(id);
            }
            let id = self.alloc(Obj::Int(v))?;
            self.small_ints.insert(v, id);
            return Ok(id);
        }
        self.alloc(Obj::Int(v))
    }

    /// A string made at run time: the empty string and one-character
    /// strings are shared, as in CPython; others are new objects.
    fn str_obj(&mut self, s: &str) -> R<Id> {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (None, _) => return self.intern(""),
            (Some(c), None) if (c as u32) < 256 => {
                if let Some(&id) = self.chars.get(&c) {
                    return Ok(id);
                }
                let id = self.alloc(Obj::Str(s.into()))?;
                self.chars.insert(c, id);
                return Ok(id);
            }
            _ => {}
        }
        if s.len() > MAX_LEN {
            return Err(PyError::limit("string too long for this model"));
        }
        self.alloc(Obj::Str(s.into()))
    }

    fn intern(&mut self, s: &str) -> R<Id> {
        if let Some(&id) = self.interned.get(s) {
            return Ok(id);
        }
        let id = self.alloc(Obj::Str(s.into()))?;
        self.interned.insert(s.to_string(), id);
        Ok(id)
    }

    fn tuple(&mut self, items: Vec<Id>) -> R<Id> {
        if items.is_empty() {
            return Ok(self.empty_tuple);
        }
        self.alloc(Obj::Tuple(items))
    }

    fn constant(&mut self, scope: usize, c: &Const) -> R<Id> {
        match c {
            Const::Int(v) if (-5..=256).contains(v) => return self.int(*v),
            Const::Str(s)
                if s.chars().count() <= 1
                    || s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') =>
            {
                return self.intern(s)
            }
            Const::Tuple(v) if v.is_empty() => return Ok(self.empty_tuple),
            _ => {}
        }
        if let Some(&id) = self.consts.get(&(scope, c.clone())) {
            return Ok(id);
        }
        let id = match c {
            Const::Int(v) => self.alloc(Obj::Int(*v))?,
            Const::Str(s) => self.alloc(Obj::Str(s.as_str().into()))?,
            Const::Tuple(items) => {
                let mut ids = Vec::new();
                for i in items {
                    ids.push(self.constant(scope, i)?);
                }
                self.alloc(Obj::Tuple(ids))?
            }
        };
        self.consts.insert((scope, c.clone()), id);
        Ok(id)
    }

    fn frame(&mut self) -> R<&mut Frame> {
        self.frames
            .last_mut()
            .ok_or_else(|| PyError::limit("internal: no frame"))
    }

    /// Keeps `id` referenced for the rest of the current statement.
    fn hold(&mut self, id: Id) -> R<Id> {
        self.frame()?.temps.push(id);
        Ok(id)
    }

    // ---- running frames ----

    fn run_module(&mut self, prog: &Program) -> R<()> {
        self.frames.push(Frame {
            name: "<module>".into(),
            scope: 0,
            vars: Vec::new(),
            ctl: vec![Ctl::Block {
                body: prog.body.clone(),
                idx: 0,
            }],
            temps: Vec::new(),
            is_module: true,
            line: 0,
            pending: None,
        });
        match self.run_frame()? {
            Exit::Return(_) | Exit::Yield(_) => Ok(()),
        }
    }

    /// Marks the end of a top-level statement.
    fn checkpoint(&mut self, line: u32) -> R<()> {
        if self.steps.len() == self.top_started {
            self.step(line, Event::Line)?;
        }
        if let Some(s) = self.steps.last_mut() {
            s.checkpoint = true;
        }
        Ok(())
    }

    fn at_top(&self) -> bool {
        self.frames.len() == 1 && self.frames[0].ctl.len() == 1
    }

    /// Runs the top frame's control stack until it returns or yields.
    fn run_frame(&mut self) -> R<Exit> {
        loop {
            let res = self.run_one();
            match res {
                Ok(Some(exit)) => return Ok(exit),
                Ok(None) => {}
                Err(e) => {
                    let e = e.at(self.line, 0);
                    if !matches!(e.kind, ErrorKind::Raised(_)) {
                        return Err(e);
                    }
                    // Unwind to the nearest try in this frame.
                    let frame = self.frame()?;
                    frame.temps.clear();
                    let mut handled = None;
                    while let Some(c) = frame.ctl.pop() {
                        if let Ctl::Try { handlers } = c {
                            if let Some(h) = handlers
                                .iter()
                                .find(|h| matches_exc(h.class.as_deref(), e.name()))
                            {
                                handled = Some(h.clone());
                                break;
                            }
                        }
                    }
                    let Some(h) = handled else {
                        return Err(e);
                    };
                    let frame = self.frame()?;
                    frame.ctl.push(Ctl::Block {
                        body: h.body.clone(),
                        idx: 0,
                    });
                    frame.line = h.line;
                    self.step(
                        h.line,
                        Event::Caught(format!("{}: {}", e.name(), e.message)),
                    )?;
                }
            }
        }
    }

    fn run_one(&mut self) -> R<Option<Exit>> {
        let is_module = self.frame()?.is_module;
        if is_module && self.at_top() {
            let f = &self.frames[0];
            if let Some(Ctl::Block { idx, .. }) = f.ctl.first() {
                let idx = *idx;
                if idx > 0 && self.top_started != usize::MAX {
                    let line = self.top_lines.get(idx - 1).copied().unwrap_or(0);
                    self.checkpoint(line)?;
                    self.top_started = usize::MAX;
                }
            }
        }
        let frame = self.frame()?;
        frame.temps.clear();
        let Some(top) = frame.ctl.last_mut() else {
            let none = self.none;
            return Ok(Some(Exit::Return(none)));
        };
        match top {
            Ctl::Block { body, idx } => {
                let Some(stmt) = body.get(*idx).cloned() else {
                    frame.ctl.pop();
                    return Ok(None);
                };
                *idx += 1;
                if is_module && self.at_top() {
                    self.top_started = self.steps.len();
                }
                self.line = stmt.line;
                self.frame()?.line = stmt.line;
                match self.exec(&stmt)? {
                    Flow::Next => Ok(None),
                    Flow::Return(v) => Ok(Some(Exit::Return(v))),
                    Flow::Yield(v) => Ok(Some(Exit::Yield(v))),
                }
            }
            Ctl::For {
                iter,
                target,
                body,
                line,
            } => {
                let (iter, target, body, line) = (*iter, target.clone(), body.clone(), *line);
                self.line = line;
                self.frame()?.line = line;
                match self.iter_next(iter)? {
                    Some(v) => {
                        self.hold(v)?;
                        self.assign(&target, v)?;
                        let frame = self.frame()?;
                        frame.temps.clear();
                        frame.ctl.push(Ctl::Block { body, idx: 0 });
                        self.step(line, Event::Line)?;
                    }
                    None => {
                        self.frame()?.ctl.pop();
                    }
                }
                Ok(None)
            }
            Ctl::While { cond, body, line } => {
                let (cond, body, line) = (cond.clone(), body.clone(), *line);
                self.line = line;
                self.frame()?.line = line;
                let c = self.eval(&cond)?;
                let truth = self.truthy(c)?;
                let frame = self.frame()?;
                frame.temps.clear();
                if truth {
                    frame.ctl.push(Ctl::Block { body, idx: 0 });
                } else {
                    frame.ctl.pop();
                }
                self.step(line, Event::Line)?;
                Ok(None)
            }
            Ctl::Try { .. } => {
                frame.ctl.pop();
                Ok(None)
            }
        }
    }

    /// Breaks out of (or continues) the innermost loop.
    fn loop_jump(&mut self, brk: bool) -> R<()> {
        let frame = self.frame()?;
        while let Some(c) = frame.ctl.last() {
            if matches!(c, Ctl::For { .. } | Ctl::While { .. }) {
                if brk {
                    frame.ctl.pop();
                }
                return Ok(());
            }
            frame.ctl.pop();
        }
        Err(PyError::syntax("'break' or 'continue' outside loop", 0, 0))
    }

    fn exec(&mut self, s: &Stmt) -> R<Flow> {
        let line = s.line;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(e)?;
            }
            StmtKind::Assign(targets, value) => {
                let v = self.eval(value)?;
                self.hold(v)?;
                for t in targets {
                    self.assign(t, v)?;
                }
            }
            StmtKind::AugAssign(target, op, value) => self.aug_assign(target, *op, value)?,
            StmtKind::Yield(targets, value) => {
                let v = match value {
                    Some(e) => self.eval(e)?,
                    None => self.none,
                };
                self.hold(v)?;
                if !targets.is_empty() {
                    self.frame()?.pending = Some(targets.clone());
                }
                return Ok(Flow::Yield(v));
            }
            StmtKind::Def(def) => {
                let f = self.make_function(def)?;
                self.hold(f)?;
                self.set_var(&def.name, f)?;
            }
            StmtKind::Class(name, body, scope) => {
                let c = self.make_class(name, body, *scope, line)?;
                self.hold(c)?;
                self.set_var(name, c)?;
            }
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => self.eval(e)?,
                    None => self.none,
                };
                self.hold(v)?;
                if self.frame()?.is_module {
                    return Err(PyError::syntax("'return' outside function", line, s.col));
                }
                return Ok(Flow::Return(v));
            }
            StmtKind::If(arms, other) => {
                let mut chosen = other.clone();
                for (cond, body) in arms {
                    self.line = cond.line;
                    let c = self.eval(cond)?;
                    if self.truthy(c)? {
                        chosen = Some(body.clone());
                        break;
                    }
                }
                if let Some(body) = chosen {
                    self.frame()?.ctl.push(Ctl::Block { body, idx: 0 });
                }
            }
            StmtKind::For(target, iter, body) => {
                let it = self.eval(iter)?;
                self.hold(it)?;
                let iter = self.get_iter(it)?;
                self.frame()?.ctl.push(Ctl::For {
                    iter,
                    target: target.clone(),
                    body: body.clone(),
                    line,
                });
                return Ok(Flow::Next);
            }
            StmtKind::While(cond, body) => {
                self.frame()?.ctl.push(Ctl::While {
                    cond: cond.clone(),
                    body: body.clone(),
                    line,
                });
                return Ok(Flow::Next);
            }
            StmtKind::Try(body, handlers) => {
                let frame = self.frame()?;
                frame.ctl.push(Ctl::Try {
                    handlers: handlers.clone(),
                });
                frame.ctl.push(Ctl::Block {
                    body: body.clone(),
                    idx: 0,
                });
                return Ok(Flow::Next);
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Import(names) => {
                for n in names {
                    let name: &'static str = match n.as_str() {
                        "copy" => "copy",
                        "sys" => "sys",
                        "gc" => "gc",
                        other => {
                            return Err(PyError::unsupported(
                                &format!(
                                    "import {other}: only copy, sys and gc are in this subset"
                                ),
                                line,
                                s.col,
                            ))
                        }
                    };
                    let m = match self.modules.iter().find(|m| m.0 == name) {
                        Some(m) => m.1,
                        None => {
                            let m = self.alloc(Obj::Module(name))?;
                            self.modules.push((name, m));
                            m
                        }
                    };
                    self.set_var(n, m)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => {}
            StmtKind::Break => {
                self.step(line, Event::Line)?;
                self.loop_jump(true)?;
                return Ok(Flow::Next);
            }
            StmtKind::Continue => {
                self.step(line, Event::Line)?;
                self.loop_jump(false)?;
                return Ok(Flow::Next);
            }
        }
        // Between lines CPython's value stack is empty.
        self.frame()?.temps.clear();
        self.step(line, Event::Line)?;
        Ok(Flow::Next)
    }

    // ---- names ----

    fn lookup(&self, name: &str) -> R<Id> {
        let frame = self
            .frames
            .last()
            .ok_or_else(|| PyError::limit("internal: no frame"))?;
        if let Some((_, b)) = frame.vars.iter().find(|(n, _)| n == name) {
            return match b {
                Binding::Local(Some(v)) => Ok(*v),
                Binding::Local(None) if frame.is_module => Err(PyError::raised("NameError", format!("name '{name}' is not defined"))),
                Binding::Local(None) => Err(PyError::raised(
                    "UnboundLocalError",
                    format!("cannot access local variable '{name}' where it is not associated with a value"),
                )),
                Binding::Cell(c) => match self.obj(*c)? {
                    Obj::Cell(Some(v)) => Ok(*v),
                    _ => Err(PyError::raised(
                        "NameError",
                        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
                    )),
                },
            };
        }
        if let Some((_, Binding::Local(Some(v)))) =
            self.frames[0].vars.iter().find(|(n, _)| n == name)
        {
            return Ok(*v);
        }
        if let Some((_, b)) = self.builtins.iter().find(|(n, _)| *n == name) {
            return Ok(*b);
        }
        Err(PyError::raised(
            "NameError",
            format!("name '{name}' is not defined"),
        ))
    }

    fn set_var(&mut self, name: &str, v: Id) -> R<()> {
        let cell = {
            let frame = self.frame()?;
            match frame.vars.iter_mut().find(|(n, _)| n == name) {
                Some((_, Binding::Local(slot))) => {
                    *slot = Some(v);
                    return Ok(());
                }
                Some((_, Binding::Cell(c))) => Some(*c),
                None if frame.is_module => {
                    frame.vars.push((name.to_string(), Binding::Local(Some(v))));
                    return Ok(());
                }
                None => None,
            }
        };
        match cell {
            Some(c) => {
                *self.obj_mut(c)? = Obj::Cell(Some(v));
                Ok(())
            }
            None => {
                // Declared global.
                let g = &mut self.frames[0];
                match g.vars.iter_mut().find(|(n, _)| n == name) {
                    Some((_, b)) => *b = Binding::Local(Some(v)),
                    None => g.vars.push((name.to_string(), Binding::Local(Some(v)))),
                }
                Ok(())
            }
        }
    }

    fn del_var(&mut self, name: &str) -> R<()> {
        let not_defined = || PyError::raised("NameError", format!("name '{name}' is not defined"));
        let frame = self.frame()?;
        let is_module = frame.is_module;
        match frame.vars.iter().position(|(n, _)| n == name) {
            Some(i) if is_module => {
                frame.vars.remove(i);
                Ok(())
            }
            Some(i) => match &mut frame.vars[i].1 {
                Binding::Local(slot @ Some(_)) => {
                    *slot = None;
                    Ok(())
                }
                Binding::Local(None) => Err(not_defined()),
                Binding::Cell(c) => {
                    let c = *c;
                    *self.obj_mut(c)? = Obj::Cell(None);
                    Ok(())
                }
            },
            None => {
                let g = &mut self.frames[0];
                let i = g
                    .vars
                    .iter()
                    .position(|(n, _)| n == name)
                    .ok_or_else(not_defined)?;
                g.vars.remove(i);
                Ok(())
            }
        }
    }
}

fn range_len(a: i64, b: i64, c: i64) -> usize {
    if c > 0 && a < b {
        ((b - a - 1) / c + 1) as usize
    } else if c < 0 && a > b {
        ((a - b - 1) / (-c) + 1) as usize
    } else {
        0
    }
}

fn unreachable_range() -> (i64, i64, i64) {
    (0, 0, 1)
}

fn slice_indices(len: usize, lo: Option<i64>, hi: Option<i64>, step: i64) -> Vec<usize> {
    let len = len as i64;
    let norm = |x: i64, lo_b: i64, hi_b: i64| -> i64 {
        let x = if x < 0 { x + len } else { x };
        x.clamp(lo_b, hi_b)
    };
    let mut out = Vec::new();
    if step > 0 {
        let a = lo.map_or(0, |x| norm(x, 0, len));
        let b = hi.map_or(len, |x| norm(x, 0, len));
        let mut i = a;
        while i < b {
            out.push(i as usize);
            i += step;
        }
    } else {
        let a = lo.map_or(len - 1, |x| norm(x, -1, len - 1));
        let b = hi.map_or(-1, |x| norm(x, -1, len - 1));
        let mut i = a;
        while i > b {
            out.push(i as usize);
            i += step;
        }
    }
    out
}

/// Python's repr of a str: single quotes unless the text has one and no
/// double quote.
pub fn quote(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn matches_exc(class: Option<&str>, raised: &str) -> bool {
    let Some(class) = class else { return true };
    if class == raised || class == "Exception" || class == "BaseException" {
        return true;
    }
    matches!(
        (class, raised),
        ("LookupError", "IndexError" | "KeyError")
            | ("ArithmeticError", "ZeroDivisionError")
            | ("NameError", "UnboundLocalError")
            | ("RuntimeError", "RecursionError")
    )
}
