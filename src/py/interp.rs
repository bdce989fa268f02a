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
        if s.chars().count() <= 1 && s.chars().all(|c| (c as u32) < 256) {
            return self.intern(s);
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

    // ---- reference counts, sweeping, steps ----

    fn roots(&self, out: &mut Vec<Id>) {
        for f in &self.frames {
            f.refs(out);
        }
        out.extend(self.consts.values());
        out.extend(self.interned.values());
        out.extend(self.small_ints.values());
        out.extend([self.none, self.true_, self.false_, self.empty_tuple]);
        out.extend(self.builtins.iter().map(|b| b.1));
        out.extend(self.modules.iter().map(|m| m.1));
    }

    /// Counts references to every live object, then frees those with none,
    /// cascading. Returns the counts.
    fn sweep(&mut self) -> Vec<u32> {
        let mut counts = vec![0u32; self.slots.len()];
        let mut refs = Vec::new();
        self.roots(&mut refs);
        for s in self.slots.iter().flatten() {
            s.children(&mut refs);
        }
        for r in refs {
            if let Some(c) = counts.get_mut(r) {
                *c += 1;
            }
        }
        let mut dead: Vec<Id> = (0..self.slots.len())
            .filter(|&i| self.slots[i].is_some() && counts[i] == 0)
            .collect();
        while let Some(d) = dead.pop() {
            let Some(o) = self.slots[d].take() else {
                continue;
            };
            self.freed.push(d);
            let mut kids = Vec::new();
            o.children(&mut kids);
            for k in kids {
                if let Some(c) = counts.get_mut(k) {
                    *c = c.saturating_sub(1);
                    if *c == 0 && self.slots[k].is_some() {
                        dead.push(k);
                    }
                }
            }
        }
        counts
    }

    /// Marks what the roots reach.
    fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.slots.len()];
        let mut stack = Vec::new();
        self.roots(&mut stack);
        while let Some(i) = stack.pop() {
            if i < seen.len() && !seen[i] {
                seen[i] = true;
                if let Some(o) = &self.slots[i] {
                    o.children(&mut stack);
                }
            }
        }
        seen
    }

    /// `gc.collect()`: frees every object the roots cannot reach.
    fn collect(&mut self) -> usize {
        let seen = self.reachable();
        let mut n = 0;
        for (i, s) in seen.iter().enumerate() {
            if !s && self.slots[i].is_some() {
                self.slots[i] = None;
                self.freed.push(i);
                n += 1;
            }
        }
        n
    }

    fn record(&mut self, line: u32, event: Event, checkpoint: bool) {
        let counts = self.sweep();
        let reach = self.reachable();
        // What is drawn: what the frames' names reach, and garbage cycles.
        let mut drawn = vec![false; self.slots.len()];
        let mut stack: Vec<Id> = Vec::new();
        for f in &self.frames {
            for (n, b) in &f.vars {
                match b {
                    Binding::Local(Some(v)) | Binding::Cell(v) if !self.is_machinery(n, *v) => {
                        stack.push(*v)
                    }
                    _ => {}
                }
            }
        }
        if let Event::Return(_, v) | Event::Yield(_, v) = &event {
            stack.push(*v as usize - 1);
        }
        for (i, s) in self.slots.iter().enumerate() {
            if s.is_some() && !reach[i] {
                stack.push(i);
            }
        }
        while let Some(i) = stack.pop() {
            if i < drawn.len() && !drawn[i] {
                if let Some(o) = &self.slots[i] {
                    if o.hidden() {
                        continue;
                    }
                    drawn[i] = true;
                    o.children(&mut stack);
                }
            }
        }
        for (i, &d) in drawn.iter().enumerate() {
            if d {
                self.display_id(i);
            }
        }
        let cached: Vec<Id> = self
            .interned
            .values()
            .chain(self.small_ints.values())
            .copied()
            .chain([self.none, self.true_, self.false_, self.empty_tuple])
            .collect();
        let mut objects: Vec<ObjView> = (0..self.slots.len())
            .filter(|&i| drawn[i])
            .filter_map(|i| {
                let kind = self.view(i)?;
                Some(ObjView {
                    id: self.sid(i),
                    kind,
                    refs: counts.get(i).copied().unwrap_or(0),
                    cached: cached.contains(&i),
                    garbage: !reach[i],
                })
            })
            .collect();
        objects.sort_by_key(|o| o.id);
        let frames = self
            .frames
            .iter()
            .map(|f| FrameView {
                name: f.name.clone(),
                vars: f
                    .vars
                    .iter()
                    .filter_map(|(n, b)| match b {
                        Binding::Local(Some(v)) | Binding::Cell(v) if !self.is_machinery(n, *v) => {
                            Some((n.clone(), self.sid(*v)))
                        }
                        _ => None,
                    })
                    .collect(),
                line: f.line,
            })
            .collect();
        // Events name objects by slot + 1 until here.
        let event = match event {
            Event::Return(f, v) => Event::Return(f, self.sid(v as usize - 1)),
            Event::Yield(f, v) => Event::Yield(f, self.sid(v as usize - 1)),
            e => e,
        };
        self.steps.push(Step {
            line,
            event,
            frames,
            objects,
            out_len: self.out.len(),
            checkpoint,
            freed: std::mem::take(&mut self.freed)
                .into_iter()
                .filter(|&i| self.shown.get(i).is_some_and(|&n| n > 0))
                .map(|i| self.sid(i))
                .collect(),
        });
    }

    /// The short id of a drawn object (0 if it was never drawn).
    fn sid(&self, slot: Id) -> u32 {
        self.shown.get(slot).copied().unwrap_or(0)
    }

    /// The short id of an object, given now if it has none yet.
    fn display_id(&mut self, slot: Id) -> u32 {
        if self.shown.len() <= slot {
            self.shown.resize(slot + 1, 0);
        }
        if self.shown[slot] == 0 {
            self.next_shown += 1;
            self.shown[slot] = self.next_shown;
        }
        self.shown[slot]
    }

    /// Names bound to modules and builtins are not drawn.
    fn is_machinery(&self, _name: &str, v: Id) -> bool {
        self.slots
            .get(v)
            .and_then(Option::as_ref)
            .is_some_and(Obj::hidden)
    }

    fn view(&self, i: Id) -> Option<Kind> {
        let o = self.slots.get(i)?.as_ref()?;
        let ids = |v: &[Id]| v.iter().map(|&x| self.sid(x)).collect::<Vec<_>>();
        let named = |v: &[(String, Id)]| {
            v.iter()
                .map(|(n, x)| (n.clone(), self.sid(*x)))
                .collect::<Vec<_>>()
        };
        Some(match o {
            Obj::None => Kind::None,
            Obj::Bool(b) => Kind::Bool(*b),
            Obj::Int(v) => Kind::Int(*v),
            Obj::Str(s) => Kind::Str(s.to_string()),
            Obj::List(v) => Kind::List(ids(v)),
            Obj::Tuple(v) => Kind::Tuple(ids(v)),
            Obj::Set(v) => Kind::Set(ids(v)),
            Obj::Dict(p) => {
                Kind::Dict(p.iter().map(|&(k, v)| (self.sid(k), self.sid(v))).collect())
            }
            Obj::Range(a, b, c) => Kind::Range(*a, *b, *c),
            Obj::Func(f) => {
                let info = self.scopes.get(f.def.scope)?;
                Kind::Function {
                    name: f.def.name.clone(),
                    defaults: ids(&f.defaults),
                    cells: info
                        .frees
                        .iter()
                        .cloned()
                        .zip(f.closure.iter().map(|&c| self.sid(c)))
                        .collect(),
                }
            }
            Obj::Cell(c) => Kind::Cell(c.map(|x| self.sid(x))),
            Obj::Gen(g) => Kind::Generator {
                name: g.name.clone(),
                state: g.state.name(),
                line: g
                    .frame
                    .as_ref()
                    .filter(|_| g.state == GenState::Suspended)
                    .map(|f| f.line),
                locals: g.frame.as_ref().map_or_else(Vec::new, |f| {
                    f.vars
                        .iter()
                        .filter_map(|(n, b)| match b {
                            Binding::Local(Some(v)) | Binding::Cell(v) => {
                                Some((n.clone(), self.sid(*v)))
                            }
                            _ => None,
                        })
                        .collect()
                }),
            },
            Obj::Class { name, attrs } => Kind::Class {
                name: name.clone(),
                attrs: named(attrs),
            },
            Obj::Instance { attrs, .. } => Kind::Instance {
                class: self.class_name(i),
                attrs: named(attrs),
            },
            Obj::Method { this, func } => Kind::Method {
                this: self.sid(*this),
                func: self.sid(*func),
            },
            other => Kind::Other(other.type_name()),
        })
    }

    fn step(&mut self, line: u32, event: Event) -> R<()> {
        if self.steps.len() >= MAX_STEPS {
            return Err(PyError::limit(&format!(
                "more than {MAX_STEPS} steps: is there an endless loop?"
            ))
            .at(line, 0));
        }
        self.record(line, event, false);
        Ok(())
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

    // ---- functions, classes, generators ----

    fn make_function(&mut self, def: &Rc<FuncDef>) -> R<Id> {
        let mut defaults = Vec::new();
        for p in &def.params {
            if let Some(d) = &p.default {
                let v = self.eval(d)?;
                defaults.push(self.hold(v)?);
            }
        }
        let info = self.scopes.get(def.scope).cloned().unwrap_or_default();
        let mut closure = Vec::new();
        for name in &info.frees {
            let frame = self.frame()?;
            match frame.vars.iter().find(|(n, _)| n == name) {
                Some((_, Binding::Cell(c))) => closure.push(*c),
                _ => {
                    return Err(PyError::unsupported(
                        &format!("cannot capture '{name}' here"),
                        def.line,
                        0,
                    ))
                }
            }
        }
        self.alloc(Obj::Func(Func {
            def: def.clone(),
            defaults,
            closure,
        }))
    }

    fn make_class(&mut self, name: &str, body: &Block, scope: usize, line: u32) -> R<Id> {
        let info = self.scopes.get(scope).cloned().unwrap_or_default();
        let mut vars: Vec<(String, Binding)> = Vec::new();
        for free in &info.frees {
            if let Some((_, Binding::Cell(c))) = self.frame()?.vars.iter().find(|(n, _)| n == free)
            {
                vars.push((free.clone(), Binding::Cell(*c)));
            }
        }
        for l in &info.locals {
            vars.push((l.clone(), Binding::Local(None)));
        }
        self.push_frame(Frame {
            name: name.to_string(),
            scope,
            vars,
            ctl: vec![Ctl::Block {
                body: body.clone(),
                idx: 0,
            }],
            temps: Vec::new(),
            is_module: false,
            line,
            pending: None,
        })?;
        let r = self.run_frame();
        let frame = self
            .frames
            .pop()
            .ok_or_else(|| PyError::limit("internal: no frame"))?;
        r?;
        let attrs: Vec<(String, Id)> = frame
            .vars
            .into_iter()
            .filter_map(|(n, b)| match b {
                Binding::Local(Some(v)) if info.locals.contains(&n) => Some((n, v)),
                _ => None,
            })
            .collect();
        let c = self.alloc(Obj::Class {
            name: name.to_string(),
            attrs,
        })?;
        Ok(c)
    }

    fn push_frame(&mut self, f: Frame) -> R<()> {
        if self.frames.len() >= MAX_DEPTH {
            return Err(PyError::raised(
                "RecursionError",
                "maximum recursion depth exceeded (this model allows 40 frames)",
            ));
        }
        self.frames.push(f);
        Ok(())
    }

    fn call_function(&mut self, fid: Id, args: Vec<Id>, kwargs: Vec<(String, Id)>) -> R<Id> {
        let (def, defaults, closure) = match self.obj(fid)? {
            Obj::Func(f) => (f.def.clone(), f.defaults.clone(), f.closure.clone()),
            _ => return Err(type_err("not a function")),
        };
        let info = self.scopes.get(def.scope).cloned().unwrap_or_default();
        let mut vars: Vec<(String, Binding)> = Vec::new();
        for l in &info.locals {
            if info.cells.contains(l) {
                let c = self.alloc(Obj::Cell(None))?;
                vars.push((l.clone(), Binding::Cell(c)));
            } else {
                vars.push((l.clone(), Binding::Local(None)));
            }
        }
        for (name, c) in info.frees.iter().zip(&closure) {
            vars.push((name.clone(), Binding::Cell(*c)));
        }
        let mut frame = Frame {
            name: def.name.clone(),
            scope: def.scope,
            vars,
            ctl: vec![Ctl::Block {
                body: def.body.clone(),
                idx: 0,
            }],
            temps: Vec::new(),
            is_module: false,
            line: def.line,
            pending: None,
        };
        // Bind the arguments.
        let n = def.params.len();
        if args.len() > n {
            return Err(type_err(format!(
                "{}() takes {} positional argument{} but {} were given",
                def.name,
                n,
                if n == 1 { "" } else { "s" },
                args.len()
            )));
        }
        let mut values: Vec<Option<Id>> = vec![None; n];
        for (i, a) in args.into_iter().enumerate() {
            values[i] = Some(a);
        }
        for (k, v) in kwargs {
            let Some(i) = def.params.iter().position(|p| p.name == k) else {
                return Err(type_err(format!(
                    "{}() got an unexpected keyword argument '{k}'",
                    def.name
                )));
            };
            if values[i].is_some() {
                return Err(type_err(format!(
                    "{}() got multiple values for argument '{k}'",
                    def.name
                )));
            }
            values[i] = Some(v);
        }
        let first_default = n - defaults.len();
        for (i, value) in values.iter_mut().enumerate() {
            if value.is_none() && i >= first_default {
                *value = defaults.get(i - first_default).copied();
            }
            let Some(v) = *value else {
                return Err(type_err(format!(
                    "{}() missing required argument: '{}'",
                    def.name, def.params[i].name
                )));
            };
            let pname = &def.params[i].name;
            match frame.vars.iter_mut().find(|(n, _)| n == pname) {
                Some((_, Binding::Local(slot))) => *slot = Some(v),
                Some((_, Binding::Cell(c))) => {
                    let c = *c;
                    *self.obj_mut(c)? = Obj::Cell(Some(v));
                }
                None => {}
            }
        }
        if info.is_generator {
            return self.alloc(Obj::Gen(Gen {
                name: def.name.clone(),
                frame: Some(Box::new(frame)),
                state: GenState::Created,
            }));
        }
        self.push_frame(frame)?;
        let r = self
            .step(def.line, Event::Call(def.name.clone()))
            .and_then(|_| self.run_frame());
        let out = match r {
            Ok(Exit::Return(v)) => {
                let line = self.frame()?.line;
                self.step(line, Event::Return(def.name.clone(), v as u32 + 1))?;
                Ok(v)
            }
            Ok(Exit::Yield(_)) => Err(PyError::limit("internal: yield outside a generator")),
            Err(e) => Err(e),
        };
        self.frames.pop();
        out
    }

    /// `next(gen)`: runs the generator to its next yield; `None` when it
    /// has finished (StopIteration).
    fn resume(&mut self, gid: Id) -> R<Option<Id>> {
        let frame = match self.obj_mut(gid)? {
            Obj::Gen(g) => match g.state {
                GenState::Running => {
                    return Err(PyError::raised("ValueError", "generator already executing"))
                }
                GenState::Closed => return Ok(None),
                _ => {
                    g.state = GenState::Running;
                    g.frame.take()
                }
            },
            _ => return Err(type_err("not a generator")),
        };
        let Some(frame) = frame else { return Ok(None) };
        let name = frame.name.clone();
        let line = frame.line;
        self.push_frame(*frame)?;
        let started = self.frame()?.pending.take();
        let mut r = Ok(());
        if let Some(targets) = started {
            let none = self.none;
            r = targets.iter().try_for_each(|t| self.assign(t, none));
        }
        let r = r
            .and_then(|_| self.step(line, Event::Resume(name.clone())))
            .and_then(|_| self.run_frame());
        match r {
            Ok(Exit::Yield(v)) => {
                let line = self.frame()?.line;
                self.step(line, Event::Yield(name, v as u32 + 1))?;
                let mut frame = self
                    .frames
                    .pop()
                    .ok_or_else(|| PyError::limit("internal: no frame"))?;
                frame.temps.clear();
                // The caller holds the value from here.
                self.hold(v)?;
                if let Obj::Gen(g) = self.obj_mut(gid)? {
                    g.frame = Some(Box::new(frame));
                    g.state = GenState::Suspended;
                }
                Ok(Some(v))
            }
            Ok(Exit::Return(v)) => {
                let line = self.frame()?.line;
                self.step(line, Event::Return(name, v as u32 + 1))?;
                self.frames.pop();
                if let Obj::Gen(g) = self.obj_mut(gid)? {
                    g.state = GenState::Closed;
                }
                Ok(None)
            }
            Err(e) => {
                self.frames.pop();
                if let Obj::Gen(g) = self.obj_mut(gid)? {
                    g.state = GenState::Closed;
                }
                Err(e)
            }
        }
    }

    // ---- assignment ----

    fn assign(&mut self, target: &Expr, v: Id) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => self.set_var(n, v),
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(obj)?;
                self.hold(o)?;
                if let ExprKind::Slice(lo, hi, step) = &idx.kind {
                    let (lo, hi) = self.slice_bounds(lo, hi, step)?;
                    return self.set_slice(o, lo, hi, v);
                }
                let i = self.eval(idx)?;
                self.hold(i)?;
                self.set_item(o, i, v)
            }
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj)?;
                self.hold(o)?;
                self.set_attr(o, name, v)
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let values = self.collect_iter(v)?;
                if values.len() != items.len() {
                    return Err(PyError::raised(
                        "ValueError",
                        if values.len() > items.len() {
                            format!("too many values to unpack (expected {})", items.len())
                        } else {
                            format!(
                                "not enough values to unpack (expected {}, got {})",
                                items.len(),
                                values.len()
                            )
                        },
                    ));
                }
                for (t, x) in items.iter().zip(values) {
                    self.assign(t, x)?;
                }
                Ok(())
            }
            _ => Err(PyError::syntax(
                "cannot assign to this expression",
                target.line,
                target.col,
            )),
        }
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let cur = self.lookup(n)?;
                self.hold(cur)?;
                let rhs = self.eval(value)?;
                self.hold(rhs)?;
                let r = self.inplace(op, cur, rhs)?;
                self.hold(r)?;
                self.set_var(n, r)
            }
            ExprKind::Subscript(obj, idx) => {
                if matches!(idx.kind, ExprKind::Slice(..)) {
                    return Err(PyError::unsupported(
                        "augmented assignment to a slice",
                        target.line,
                        target.col,
                    ));
                }
                let o = self.eval(obj)?;
                self.hold(o)?;
                let i = self.eval(idx)?;
                self.hold(i)?;
                let cur = self.get_item(o, i)?;
                self.hold(cur)?;
                let rhs = self.eval(value)?;
                self.hold(rhs)?;
                // The in-place operation runs first; storing back can then
                // fail (a tuple's slot), after the list has already grown.
                let r = self.inplace(op, cur, rhs)?;
                self.hold(r)?;
                self.set_item(o, i, r)
            }
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj)?;
                self.hold(o)?;
                let cur = self.get_attr(o, name)?;
                self.hold(cur)?;
                let rhs = self.eval(value)?;
                self.hold(rhs)?;
                let r = self.inplace(op, cur, rhs)?;
                self.hold(r)?;
                self.set_attr(o, name, r)
            }
            _ => Err(PyError::syntax(
                "illegal expression for augmented assignment",
                target.line,
                target.col,
            )),
        }
    }

    fn delete(&mut self, target: &Expr) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => self.del_var(n),
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(obj)?;
                self.hold(o)?;
                if let ExprKind::Slice(lo, hi, step) = &idx.kind {
                    let (lo, hi) = self.slice_bounds(lo, hi, step)?;
                    let empty = self.alloc(Obj::List(Vec::new()))?;
                    self.hold(empty)?;
                    return self.set_slice(o, lo, hi, empty);
                }
                let i = self.eval(idx)?;
                self.hold(i)?;
                match self.obj(o)? {
                    Obj::List(items) => {
                        let k = self.index_of(i, items.len())?;
                        if let Obj::List(items) = self.obj_mut(o)? {
                            items.remove(k);
                        }
                        Ok(())
                    }
                    Obj::Dict(_) => {
                        let pos = self.dict_find(o, i)?;
                        match pos {
                            Some(p) => {
                                if let Obj::Dict(pairs) = self.obj_mut(o)? {
                                    pairs.remove(p);
                                }
                                Ok(())
                            }
                            None => Err(PyError::raised("KeyError", self.repr(i)?)),
                        }
                    }
                    _ => Err(type_err(format!(
                        "'{}' object doesn't support item deletion",
                        self.type_name(o)
                    ))),
                }
            }
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj)?;
                self.hold(o)?;
                match self.obj_mut(o)? {
                    Obj::Instance { attrs, .. } | Obj::Class { attrs, .. } => {
                        match attrs.iter().position(|a| &a.0 == name) {
                            Some(p) => {
                                attrs.remove(p);
                                Ok(())
                            }
                            None => Err(PyError::raised("AttributeError", name.clone())),
                        }
                    }
                    _ => Err(PyError::raised("AttributeError", name.clone())),
                }
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|t| self.delete(t))
            }
            _ => Err(PyError::syntax(
                "cannot delete this expression",
                target.line,
                target.col,
            )),
        }
    }

    // ---- expressions ----

    fn eval(&mut self, e: &Expr) -> R<Id> {
        self.eval_inner(e).map_err(|err| err.at(e.line, e.col))
    }

    fn eval_inner(&mut self, e: &Expr) -> R<Id> {
        match &e.kind {
            ExprKind::Const(c) => {
                let scope = self.frame()?.scope;
                self.constant(scope, c)
            }
            ExprKind::None => Ok(self.none),
            ExprKind::Bool(b) => Ok(self.boolean(*b)),
            ExprKind::Name(n) => self.lookup(n),
            ExprKind::List(items) => {
                let ids = self.eval_all(items)?;
                self.alloc(Obj::List(ids))
            }
            ExprKind::Tuple(items) => {
                let ids = self.eval_all(items)?;
                self.tuple(ids)
            }
            ExprKind::Set(items) => {
                let ids = self.eval_all(items)?;
                let s = self.alloc(Obj::Set(Vec::new()))?;
                self.hold(s)?;
                for i in ids {
                    self.set_add(s, i)?;
                }
                Ok(s)
            }
            ExprKind::Dict(pairs) => {
                let d = self.alloc(Obj::Dict(Vec::new()))?;
                self.hold(d)?;
                for (k, v) in pairs {
                    let k = self.eval(k)?;
                    self.hold(k)?;
                    let v = self.eval(v)?;
                    self.hold(v)?;
                    self.set_item(d, k, v)?;
                }
                Ok(d)
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(obj)?;
                self.hold(o)?;
                if let ExprKind::Slice(lo, hi, step) = &idx.kind {
                    return self.get_slice(o, lo, hi, step);
                }
                let i = self.eval(idx)?;
                self.hold(i)?;
                self.get_item(o, i)
            }
            ExprKind::Slice(..) => Err(PyError::syntax(
                "a slice is only allowed inside [ ]",
                e.line,
                e.col,
            )),
            ExprKind::Attr(obj, name) => {
                let o = self.eval(obj)?;
                self.hold(o)?;
                self.get_attr(o, name)
            }
            ExprKind::Call(f, args, kwargs) => {
                let fv = self.eval(f)?;
                self.hold(fv)?;
                let args = self.eval_all(args)?;
                let mut kw = Vec::new();
                for (k, v) in kwargs {
                    let v = self.eval(v)?;
                    kw.push((k.clone(), self.hold(v)?));
                }
                self.line = e.line;
                self.call(fv, args, kw)
            }
            ExprKind::Bin(op, l, r) => {
                let a = self.eval(l)?;
                self.hold(a)?;
                let b = self.eval(r)?;
                self.hold(b)?;
                self.binop(*op, a, b)
            }
            ExprKind::Neg(x) => {
                let v = self.eval(x)?;
                match self.obj(v)? {
                    Obj::Int(i) => {
                        let i = *i;
                        self.int(
                            i.checked_neg().ok_or_else(|| {
                                PyError::limit("integer too large for this model")
                            })?,
                        )
                    }
                    Obj::Bool(b) => {
                        let b = *b;
                        self.int(-(b as i64))
                    }
                    _ => Err(type_err(format!(
                        "bad operand type for unary -: '{}'",
                        self.type_name(v)
                    ))),
                }
            }
            ExprKind::Not(x) => {
                let v = self.eval(x)?;
                let t = self.truthy(v)?;
                Ok(self.boolean(!t))
            }
            ExprKind::And(l, r) => {
                let a = self.eval(l)?;
                if !self.truthy(a)? {
                    return Ok(a);
                }
                self.eval(r)
            }
            ExprKind::Or(l, r) => {
                let a = self.eval(l)?;
                if self.truthy(a)? {
                    return Ok(a);
                }
                self.eval(r)
            }
            ExprKind::IfElse(c, a, b) => {
                let cv = self.eval(c)?;
                if self.truthy(cv)? {
                    self.eval(a)
                } else {
                    self.eval(b)
                }
            }
            ExprKind::Compare(first, rest) => {
                let mut left = self.eval(first)?;
                self.hold(left)?;
                for (op, re) in rest {
                    let right = self.eval(re)?;
                    self.hold(right)?;
                    if !self.compare(*op, left, right)? {
                        return Ok(self.false_);
                    }
                    left = right;
                }
                Ok(self.true_)
            }
            ExprKind::Lambda(def) => self.make_function(def),
            ExprKind::ListComp(comp) => self.list_comp(comp, e.line),
        }
    }

    fn eval_all(&mut self, items: &[Expr]) -> R<Vec<Id>> {
        let mut ids = Vec::with_capacity(items.len());
        for i in items {
            let v = self.eval(i)?;
            ids.push(self.hold(v)?);
        }
        Ok(ids)
    }

    fn list_comp(&mut self, comp: &Rc<Comp>, line: u32) -> R<Id> {
        let Some((_, first_iter, _)) = comp.gens.first() else {
            return Err(PyError::syntax("empty comprehension", line, 0));
        };
        let src = self.eval(first_iter)?;
        self.hold(src)?;
        let it = self.get_iter(src)?;
        self.hold(it)?;
        let info = self.scopes.get(comp.scope).cloned().unwrap_or_default();
        let mut vars = Vec::new();
        for l in &info.locals {
            if info.cells.contains(l) {
                let c = self.alloc(Obj::Cell(None))?;
                vars.push((l.clone(), Binding::Cell(c)));
            } else {
                vars.push((l.clone(), Binding::Local(None)));
            }
        }
        for f in &info.frees {
            let outer = self.frame()?;
            if let Some((_, Binding::Cell(c))) = outer.vars.iter().find(|(n, _)| n == f) {
                vars.push((f.clone(), Binding::Cell(*c)));
            }
        }
        let result = self.alloc(Obj::List(Vec::new()))?;
        self.hold(result)?;
        self.push_frame(Frame {
            name: "<listcomp>".into(),
            scope: comp.scope,
            vars,
            ctl: Vec::new(),
            temps: vec![it, result],
            is_module: false,
            line,
            pending: None,
        })?;
        let r = self.comp_level(comp, 0, it, result, line);
        self.frames.pop();
        r.map(|_| result)
    }

    fn comp_level(&mut self, comp: &Comp, level: usize, it: Id, result: Id, line: u32) -> R<()> {
        let Some((target, _, ifs)) = comp.gens.get(level) else {
            return Ok(());
        };
        while let Some(v) = self.iter_next(it)? {
            let mark = self.frame()?.temps.len();
            self.hold(v)?;
            self.assign(target, v)?;
            let mut keep = true;
            for c in ifs {
                let cv = self.eval(c)?;
                if !self.truthy(cv)? {
                    keep = false;
                    break;
                }
            }
            if keep {
                if level + 1 < comp.gens.len() {
                    let src = self.eval(&comp.gens[level + 1].1)?;
                    self.hold(src)?;
                    let inner = self.get_iter(src)?;
                    self.hold(inner)?;
                    self.comp_level(comp, level + 1, inner, result, line)?;
                } else {
                    let x = self.eval(&comp.elt)?;
                    if let Obj::List(items) = self.obj_mut(result)? {
                        items.push(x);
                    }
                    self.step(line, Event::Line)?;
                }
            }
            self.frame()?.temps.truncate(mark);
        }
        Ok(())
    }

    // ---- calls ----

    fn call(&mut self, f: Id, args: Vec<Id>, kwargs: Vec<(String, Id)>) -> R<Id> {
        match self.obj(f)? {
            Obj::Func(_) => self.call_function(f, args, kwargs),
            Obj::Method { this, func } => {
                let (this, func) = (*this, *func);
                let mut all = vec![this];
                all.extend(args);
                self.call_function(func, all, kwargs)
            }
            Obj::Builtin(b) => {
                let b = *b;
                if !kwargs.is_empty() && b != Builtin::Print && b != Builtin::Sorted {
                    return Err(type_err(
                        "keyword arguments to this builtin are outside this subset",
                    ));
                }
                self.call_builtin(b, args, kwargs)
            }
            Obj::BuiltinMethod { this, name } => {
                let (this, name) = (*this, *name);
                self.call_method(this, name, args)
            }
            Obj::Class { attrs, .. } => {
                let init = attrs.iter().find(|a| a.0 == "__init__").map(|a| a.1);
                let inst = self.alloc(Obj::Instance {
                    class: f,
                    attrs: Vec::new(),
                })?;
                self.hold(inst)?;
                match init {
                    Some(init) => {
                        let mut all = vec![inst];
                        all.extend(args);
                        let r = self.call_function(init, all, kwargs)?;
                        if r != self.none {
                            return Err(type_err("__init__() should return None"));
                        }
                    }
                    None if !args.is_empty() || !kwargs.is_empty() => {
                        return Err(type_err(format!(
                            "{}() takes no arguments",
                            self.class_name(inst)
                        )))
                    }
                    None => {}
                }
                Ok(inst)
            }
            _ => Err(type_err(format!(
                "'{}' object is not callable",
                self.type_name(f)
            ))),
        }
    }

    fn arity(&self, name: &str, args: &[Id], lo: usize, hi: usize) -> R<()> {
        if args.len() < lo || args.len() > hi {
            let want = if lo == hi {
                format!("{lo}")
            } else {
                format!("{lo} to {hi}")
            };
            return Err(type_err(format!(
                "{name}() takes {want} argument(s) ({} given)",
                args.len()
            )));
        }
        Ok(())
    }

    fn call_builtin(&mut self, b: Builtin, args: Vec<Id>, kwargs: Vec<(String, Id)>) -> R<Id> {
        use Builtin::*;
        match b {
            Print => {
                let mut sep = " ".to_string();
                let mut end = "\n".to_string();
                for (k, v) in kwargs {
                    let s = match self.obj(v)? {
                        Obj::Str(s) => s.to_string(),
                        Obj::None => continue,
                        _ => return Err(type_err(format!("{k} must be None or a string"))),
                    };
                    match k.as_str() {
                        "sep" => sep = s,
                        "end" => end = s,
                        _ => {
                            return Err(type_err(format!(
                                "'{k}' is an invalid keyword argument for print()"
                            )))
                        }
                    }
                }
                let parts: Vec<String> = args.iter().map(|&a| self.str_of(a)).collect::<R<_>>()?;
                self.out.push_str(&parts.join(&sep));
                self.out.push_str(&end);
                if self.out.len() > 100_000 {
                    return Err(PyError::limit("too much output"));
                }
                Ok(self.none)
            }
            Len => {
                self.arity("len", &args, 1, 1)?;
                let n = match self.obj(args[0])? {
                    Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => v.len(),
                    Obj::Dict(p) => p.len(),
                    Obj::Str(s) => s.chars().count(),
                    Obj::Range(a, b, c) => range_len(*a, *b, *c),
                    _ => {
                        return Err(type_err(format!(
                            "object of type '{}' has no len()",
                            self.type_name(args[0])
                        )))
                    }
                };
                self.int(n as i64)
            }
            Range => {
                self.arity("range", &args, 1, 3)?;
                let nums: Vec<i64> = args.iter().map(|&a| self.as_int(a)).collect::<R<_>>()?;
                let (a, b, c) = match nums[..] {
                    [b] => (0, b, 1),
                    [a, b] => (a, b, 1),
                    [a, b, c] => (a, b, c),
                    _ => unreachable_range(),
                };
                if c == 0 {
                    return Err(PyError::raised(
                        "ValueError",
                        "range() arg 3 must not be zero",
                    ));
                }
                self.alloc(Obj::Range(a, b, c))
            }
            Id => {
                self.arity("id", &args, 1, 1)?;
                // The diagram's #n stands in for CPython's memory address.
                let n = self.display_id(args[0]);
                self.int(i64::from(n))
            }
            List | Tuple | Set => {
                self.arity(
                    if b == List {
                        "list"
                    } else if b == Tuple {
                        "tuple"
                    } else {
                        "set"
                    },
                    &args,
                    0,
                    1,
                )?;
                if b == Tuple {
                    if let Some(&a) = args.first() {
                        if matches!(self.obj(a)?, Obj::Tuple(_)) {
                            return Ok(a);
                        }
                    }
                }
                let items = match args.first() {
                    Some(&a) => self.collect_iter(a)?,
                    None => Vec::new(),
                };
                match b {
                    List => self.alloc(Obj::List(items)),
                    Tuple => self.tuple(items),
                    _ => {
                        let s = self.alloc(Obj::Set(Vec::new()))?;
                        self.hold(s)?;
                        for i in items {
                            self.set_add(s, i)?;
                        }
                        Ok(s)
                    }
                }
            }
            Dict => {
                self.arity("dict", &args, 0, 1)?;
                let d = self.alloc(Obj::Dict(Vec::new()))?;
                self.hold(d)?;
                if let Some(&a) = args.first() {
                    if let Obj::Dict(pairs) = self.obj(a)? {
                        for (k, v) in pairs.clone() {
                            self.set_item(d, k, v)?;
                        }
                    } else {
                        for pair in self.collect_iter(a)? {
                            let kv = self.collect_iter(pair)?;
                            if kv.len() != 2 {
                                return Err(PyError::raised(
                                    "ValueError",
                                    "dictionary update sequence element has wrong length",
                                ));
                            }
                            self.set_item(d, kv[0], kv[1])?;
                        }
                    }
                }
                Ok(d)
            }
            Str => {
                self.arity("str", &args, 0, 1)?;
                match args.first() {
                    None => self.intern(""),
                    Some(&a) if matches!(self.obj(a)?, Obj::Str(_)) => Ok(a),
                    Some(&a) => {
                        let s = self.str_of(a)?;
                        self.str_obj(&s)
                    }
                }
            }
            Repr => {
                self.arity("repr", &args, 1, 1)?;
                let s = self.repr(args[0])?;
                self.str_obj(&s)
            }
            Next => {
                self.arity("next", &args, 1, 2)?;
                let it = args[0];
                let is_iter = matches!(self.obj(it)?, Obj::Gen(_) | Obj::Iter(_));
                if !is_iter {
                    return Err(type_err(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )));
                }
                match self.iter_next(it)? {
                    Some(v) => Ok(v),
                    None => match args.get(1) {
                        Some(&d) => Ok(d),
                        None => Err(PyError::raised("StopIteration", "")),
                    },
                }
            }
            Iter => {
                self.arity("iter", &args, 1, 1)?;
                self.get_iter(args[0])
            }
            Sum | Min | Max | Sorted => {
                let name = match b {
                    Sum => "sum",
                    Min => "min",
                    Max => "max",
                    _ => "sorted",
                };
                self.arity(name, &args, 1, 1)?;
                let items = self.collect_iter(args[0])?;
                match b {
                    Sum => {
                        let mut total = self.int(0)?;
                        for i in items {
                            self.hold(total)?;
                            total = self.binop(BinOp::Add, total, i)?;
                        }
                        Ok(total)
                    }
                    Sorted => {
                        let reverse = match kwargs.iter().find(|k| k.0 == "reverse") {
                            Some(&(_, v)) => self.truthy(v)?,
                            None => false,
                        };
                        if kwargs.iter().any(|k| k.0 != "reverse") {
                            return Err(type_err("sorted(key=…) is outside this subset"));
                        }
                        let sorted = self.sort_ids(items, reverse)?;
                        self.alloc(Obj::List(sorted))
                    }
                    _ => {
                        if items.is_empty() {
                            return Err(PyError::raised(
                                "ValueError",
                                format!("{name}() arg is an empty sequence"),
                            ));
                        }
                        let mut best = items[0];
                        for &i in &items[1..] {
                            let better = if b == Min {
                                self.less(i, best)?
                            } else {
                                self.less(best, i)?
                            };
                            if better {
                                best = i;
                            }
                        }
                        Ok(best)
                    }
                }
            }
            Bool => {
                self.arity("bool", &args, 0, 1)?;
                let t = match args.first() {
                    Some(&a) => self.truthy(a)?,
                    None => false,
                };
                Ok(self.boolean(t))
            }
            Int => {
                self.arity("int", &args, 0, 1)?;
                let v = match args.first() {
                    None => 0,
                    Some(&a) => match self.obj(a)? {
                        Obj::Str(s) => s.trim().parse::<i64>().map_err(|_| {
                            PyError::raised(
                                "ValueError",
                                format!("invalid literal for int() with base 10: {}", quote(s)),
                            )
                        })?,
                        _ => self.as_int(a)?,
                    },
                };
                self.int(v)
            }
            Abs => {
                self.arity("abs", &args, 1, 1)?;
                let v = self.as_int(args[0])?;
                self.int(
                    v.checked_abs()
                        .ok_or_else(|| PyError::limit("integer too large for this model"))?,
                )
            }
            CopyCopy => {
                self.arity("copy", &args, 1, 1)?;
                self.shallow_copy(args[0])
            }
            CopyDeep => {
                self.arity("deepcopy", &args, 1, 1)?;
                let mut memo = Vec::new();
                self.deep_copy(args[0], &mut memo)
            }
            GetRefcount => {
                self.arity("getrefcount", &args, 1, 1)?;
                // Every reference, the argument's own included (as CPython's).
                let mut refs = Vec::new();
                self.roots(&mut refs);
                for s in self.slots.iter().flatten() {
                    s.children(&mut refs);
                }
                let n = refs.iter().filter(|&&r| r == args[0]).count();
                self.int(n as i64)
            }
            GcCollect => {
                self.arity("collect", &args, 0, 0)?;
                let n = self.collect();
                self.int(n as i64)
            }
        }
    }

    fn call_method(&mut self, this: Id, name: &str, args: Vec<Id>) -> R<Id> {
        let none = self.none;
        let tn = self.type_name(this);
        match (tn, name) {
            ("list", "append") => {
                self.arity("append", &args, 1, 1)?;
                self.list_mut(this)?.push(args[0]);
                Ok(none)
            }
            ("list", "extend") => {
                self.arity("extend", &args, 1, 1)?;
                let items = self.collect_iter(args[0])?;
                self.list_mut(this)?.extend(items);
                Ok(none)
            }
            ("list", "insert") => {
                self.arity("insert", &args, 2, 2)?;
                let len = self.list_mut(this)?.len() as i64;
                let i = self.as_int(args[0])?;
                let i = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
                self.list_mut(this)?.insert(i, args[1]);
                Ok(none)
            }
            ("list", "pop") => {
                self.arity("pop", &args, 0, 1)?;
                let len = self.list_mut(this)?.len();
                if len == 0 {
                    return Err(PyError::raised("IndexError", "pop from empty list"));
                }
                let i = match args.first() {
                    Some(&a) => self.index_of(a, len)?,
                    None => len - 1,
                };
                let v = self.list_mut(this)?.remove(i);
                self.hold(v)
            }
            ("list", "remove") => {
                self.arity("remove", &args, 1, 1)?;
                let items = self.list_mut(this)?.clone();
                for (k, &x) in items.iter().enumerate() {
                    if self.eq(x, args[0])? {
                        self.list_mut(this)?.remove(k);
                        return Ok(none);
                    }
                }
                Err(PyError::raised(
                    "ValueError",
                    "list.remove(x): x not in list",
                ))
            }
            ("list", "clear") | ("dict", "clear") | ("set", "clear") => {
                self.arity("clear", &args, 0, 0)?;
                match self.obj_mut(this)? {
                    Obj::List(v) | Obj::Set(v) => v.clear(),
                    Obj::Dict(p) => p.clear(),
                    _ => {}
                }
                Ok(none)
            }
            ("list", "copy") | ("dict", "copy") | ("set", "copy") => {
                self.arity("copy", &args, 0, 0)?;
                self.shallow_copy(this)
            }
            ("list", "index") | ("tuple", "index") => {
                self.arity("index", &args, 1, 1)?;
                let items = self.seq(this)?;
                for (k, &x) in items.iter().enumerate() {
                    if self.eq(x, args[0])? {
                        return self.int(k as i64);
                    }
                }
                Err(PyError::raised(
                    "ValueError",
                    format!("{} is not in list", self.repr(args[0])?),
                ))
            }
            ("list", "count") | ("tuple", "count") => {
                self.arity("count", &args, 1, 1)?;
                let items = self.seq(this)?;
                let mut n = 0;
                for &x in &items {
                    if self.eq(x, args[0])? {
                        n += 1;
                    }
                }
                self.int(n)
            }
            ("list", "sort") => {
                self.arity("sort", &args, 0, 0)?;
                let items = self.seq(this)?;
                let sorted = self.sort_ids(items, false)?;
                *self.list_mut(this)? = sorted;
                Ok(none)
            }
            ("list", "reverse") => {
                self.list_mut(this)?.reverse();
                Ok(none)
            }
            ("dict", "get") => {
                self.arity("get", &args, 1, 2)?;
                match self.dict_find(this, args[0])? {
                    Some(p) => self.dict_pair(this, p).map(|kv| kv.1),
                    None => Ok(args.get(1).copied().unwrap_or(none)),
                }
            }
            ("dict", "setdefault") => {
                self.arity("setdefault", &args, 1, 2)?;
                match self.dict_find(this, args[0])? {
                    Some(p) => self.dict_pair(this, p).map(|kv| kv.1),
                    None => {
                        let v = args.get(1).copied().unwrap_or(none);
                        self.set_item(this, args[0], v)?;
                        Ok(v)
                    }
                }
            }
            ("dict", "pop") => {
                self.arity("pop", &args, 1, 2)?;
                match self.dict_find(this, args[0])? {
                    Some(p) => {
                        let (_, v) = self.dict_pair(this, p)?;
                        self.hold(v)?;
                        if let Obj::Dict(pairs) = self.obj_mut(this)? {
                            pairs.remove(p);
                        }
                        Ok(v)
                    }
                    None => args.get(1).copied().ok_or_else(|| {
                        PyError::raised("KeyError", self.repr(args[0]).unwrap_or_default())
                    }),
                }
            }
            ("dict", "keys") | ("dict", "values") | ("dict", "items") => {
                self.arity(name, &args, 0, 0)?;
                let kind = match name {
                    "keys" => ViewKind::Keys,
                    "values" => ViewKind::Values,
                    _ => ViewKind::Items,
                };
                self.alloc(Obj::DictView(this, kind))
            }
            ("set", "add") => {
                self.arity("add", &args, 1, 1)?;
                self.set_add(this, args[0])?;
                Ok(none)
            }
            ("set", "discard") | ("set", "remove") => {
                self.arity(name, &args, 1, 1)?;
                let items = self.seq(this)?;
                for (k, &x) in items.iter().enumerate() {
                    if self.eq(x, args[0])? {
                        if let Obj::Set(v) = self.obj_mut(this)? {
                            v.remove(k);
                        }
                        return Ok(none);
                    }
                }
                if name == "remove" {
                    return Err(PyError::raised("KeyError", self.repr(args[0])?));
                }
                Ok(none)
            }
            ("str", "upper") | ("str", "lower") => {
                self.arity(name, &args, 0, 0)?;
                let s = self.str_of(this)?;
                let r = if name == "upper" {
                    s.to_uppercase()
                } else {
                    s.to_lowercase()
                };
                self.str_obj(&r)
            }
            ("str", "join") => {
                self.arity("join", &args, 1, 1)?;
                let sep = self.str_of(this)?;
                let mut parts = Vec::new();
                for x in self.collect_iter(args[0])? {
                    match self.obj(x)? {
                        Obj::Str(s) => parts.push(s.to_string()),
                        _ => return Err(type_err("sequence item: expected str instance")),
                    }
                }
                let joined = parts.join(&sep);
                self.str_obj(&joined)
            }
            _ => Err(PyError::raised(
                "AttributeError",
                format!("'{tn}' object has no attribute '{name}'"),
            )),
        }
    }

    fn list_mut(&mut self, id: Id) -> R<&mut Vec<Id>> {
        match self.obj_mut(id)? {
            Obj::List(v) => Ok(v),
            _ => Err(type_err("expected a list")),
        }
    }

    // ---- attributes ----

    fn get_attr(&mut self, o: Id, name: &str) -> R<Id> {
        let method = |n: &str| -> Option<&'static str> {
            const NAMES: [&str; 21] = [
                "append",
                "extend",
                "insert",
                "pop",
                "remove",
                "clear",
                "copy",
                "index",
                "count",
                "sort",
                "reverse",
                "get",
                "setdefault",
                "keys",
                "values",
                "items",
                "add",
                "discard",
                "upper",
                "lower",
                "join",
            ];
            NAMES.iter().find(|&&x| x == n).copied()
        };
        match self.obj(o)? {
            Obj::Module(m) => {
                let b = match (*m, name) {
                    ("copy", "copy") => Builtin::CopyCopy,
                    ("copy", "deepcopy") => Builtin::CopyDeep,
                    ("sys", "getrefcount") => Builtin::GetRefcount,
                    ("gc", "collect") => Builtin::GcCollect,
                    (m, _) => {
                        return Err(PyError::unsupported(
                            &format!("{m}.{name} is outside this subset"),
                            0,
                            0,
                        ));
                    }
                };
                self.alloc(Obj::Builtin(b))
            }
            Obj::Instance { class, attrs } => {
                if let Some(a) = attrs.iter().find(|a| a.0 == name) {
                    return Ok(a.1);
                }
                let class = *class;
                let found = match self.obj(class)? {
                    Obj::Class { attrs, .. } => attrs.iter().find(|a| a.0 == name).map(|a| a.1),
                    _ => None,
                };
                match found {
                    Some(v) if matches!(self.obj(v)?, Obj::Func(_)) => {
                        self.alloc(Obj::Method { this: o, func: v })
                    }
                    Some(v) => Ok(v),
                    None => Err(PyError::raised(
                        "AttributeError",
                        format!("'{}' object has no attribute '{name}'", self.class_name(o)),
                    )),
                }
            }
            Obj::Class { attrs, name: cname } => match attrs.iter().find(|a| a.0 == name) {
                Some(a) => Ok(a.1),
                None => Err(PyError::raised(
                    "AttributeError",
                    format!("type object '{cname}' has no attribute '{name}'"),
                )),
            },
            Obj::Func(f) if name == "__defaults__" => {
                let d = f.defaults.clone();
                if d.is_empty() {
                    return Ok(self.none);
                }
                self.tuple(d)
            }
            Obj::Func(f) if name == "__name__" => {
                let n = f.def.name.clone();
                self.intern(&n)
            }
            Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::Str(_) | Obj::Tuple(_)
                if method(name).is_some() =>
            {
                let name = method(name).unwrap_or("");
                self.alloc(Obj::BuiltinMethod { this: o, name })
            }
            _ => Err(PyError::raised(
                "AttributeError",
                format!("'{}' object has no attribute '{name}'", self.type_name(o)),
            )),
        }
    }

    fn set_attr(&mut self, o: Id, name: &str, v: Id) -> R<()> {
        let tn = self.type_name(o);
        match self.obj_mut(o)? {
            Obj::Instance { attrs, .. } | Obj::Class { attrs, .. } => {
                match attrs.iter_mut().find(|a| a.0 == name) {
                    Some(a) => a.1 = v,
                    None => attrs.push((name.to_string(), v)),
                }
                Ok(())
            }
            _ => Err(PyError::raised(
                "AttributeError",
                format!("'{tn}' object has no attribute '{name}'"),
            )),
        }
    }

    // ---- items and slices ----

    fn as_int(&self, id: Id) -> R<i64> {
        match self.obj(id)? {
            Obj::Int(v) => Ok(*v),
            Obj::Bool(b) => Ok(*b as i64),
            _ => Err(type_err(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(id)
            ))),
        }
    }

    fn index_of(&self, i: Id, len: usize) -> R<usize> {
        let k = match self.obj(i)? {
            Obj::Int(v) => *v,
            Obj::Bool(b) => *b as i64,
            _ => {
                return Err(type_err(format!(
                    "indices must be integers, not {}",
                    self.type_name(i)
                )))
            }
        };
        let k = if k < 0 { k + len as i64 } else { k };
        if k < 0 || k >= len as i64 {
            return Err(PyError::raised("IndexError", "index out of range"));
        }
        Ok(k as usize)
    }

    fn seq(&self, id: Id) -> R<Vec<Id>> {
        match self.obj(id)? {
            Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => Ok(v.clone()),
            _ => Err(type_err("expected a sequence")),
        }
    }

    fn get_item(&mut self, o: Id, i: Id) -> R<Id> {
        match self.obj(o)? {
            Obj::List(v) | Obj::Tuple(v) => {
                let v = v.clone();
                let k = self.index_of(i, v.len()).map_err(|e| {
                    if e.name() == "IndexError" {
                        PyError::raised(
                            "IndexError",
                            format!("{} index out of range", self.type_name(o)),
                        )
                    } else {
                        e
                    }
                })?;
                Ok(v[k])
            }
            Obj::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let k = self.index_of(i, chars.len())?;
                self.str_obj(&chars[k].to_string())
            }
            Obj::Range(a, b, c) => {
                let (a, b, c) = (*a, *b, *c);
                let k = self.index_of(i, range_len(a, b, c))?;
                self.int(a + c * k as i64)
            }
            Obj::Dict(_) => match self.dict_find(o, i)? {
                Some(p) => self.dict_pair(o, p).map(|kv| kv.1),
                None => Err(PyError::raised("KeyError", self.repr(i)?)),
            },
            _ => Err(type_err(format!(
                "'{}' object is not subscriptable",
                self.type_name(o)
            ))),
        }
    }

    fn set_item(&mut self, o: Id, i: Id, v: Id) -> R<()> {
        match self.obj(o)? {
            Obj::List(items) => {
                let k = self.index_of(i, items.len())?;
                self.list_mut(o)?[k] = v;
                Ok(())
            }
            Obj::Dict(_) => {
                self.check_hashable(i)?;
                match self.dict_find(o, i)? {
                    Some(p) => {
                        if let Obj::Dict(pairs) = self.obj_mut(o)? {
                            pairs[p].1 = v;
                        }
                    }
                    None => {
                        if let Obj::Dict(pairs) = self.obj_mut(o)? {
                            pairs.push((i, v));
                        }
                    }
                }
                Ok(())
            }
            _ => Err(type_err(format!(
                "'{}' object does not support item assignment",
                self.type_name(o)
            ))),
        }
    }

    fn dict_find(&self, d: Id, k: Id) -> R<Option<usize>> {
        self.check_hashable(k)?;
        let pairs = match self.obj(d)? {
            Obj::Dict(p) => p.clone(),
            _ => return Ok(None),
        };
        for (i, (key, _)) in pairs.iter().enumerate() {
            if self.eq(*key, k)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn dict_pair(&self, d: Id, p: usize) -> R<(Id, Id)> {
        match self.obj(d)? {
            Obj::Dict(pairs) => pairs
                .get(p)
                .copied()
                .ok_or_else(|| PyError::limit("internal: bad dict slot")),
            _ => Err(type_err("expected a dict")),
        }
    }

    fn set_add(&mut self, s: Id, x: Id) -> R<()> {
        self.check_hashable(x)?;
        for y in self.seq(s)? {
            if self.eq(x, y)? {
                return Ok(());
            }
        }
        if let Obj::Set(v) = self.obj_mut(s)? {
            v.push(x);
        }
        Ok(())
    }

    fn check_hashable(&self, x: Id) -> R<()> {
        match self.obj(x)? {
            Obj::List(_) | Obj::Dict(_) | Obj::Set(_) => Err(type_err(format!(
                "unhashable type: '{}'",
                self.type_name(x)
            ))),
            Obj::Tuple(v) => v.iter().try_for_each(|&i| self.check_hashable(i)),
            _ => Ok(()),
        }
    }

    fn slice_bounds(
        &mut self,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        step: &Option<Box<Expr>>,
    ) -> R<(Option<i64>, Option<i64>)> {
        if step.is_some() {
            return Err(PyError::unsupported("slice assignment with a step", 0, 0));
        }
        let mut get = |e: &Option<Box<Expr>>| -> R<Option<i64>> {
            match e {
                Some(e) => {
                    let v = self.eval(e)?;
                    if v == self.none {
                        Ok(None)
                    } else {
                        self.as_int(v).map(Some)
                    }
                }
                None => Ok(None),
            }
        };
        Ok((get(lo)?, get(hi)?))
    }

    fn get_slice(
        &mut self,
        o: Id,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        step: &Option<Box<Expr>>,
    ) -> R<Id> {
        let mut get = |e: &Option<Box<Expr>>| -> R<Option<i64>> {
            match e {
                Some(e) => {
                    let v = self.eval(e)?;
                    if v == self.none {
                        Ok(None)
                    } else {
                        self.as_int(v).map(Some)
                    }
                }
                None => Ok(None),
            }
        };
        let (lo, hi, step) = (get(lo)?, get(hi)?, get(step)?);
        let step = step.unwrap_or(1);
        if step == 0 {
            return Err(PyError::raised("ValueError", "slice step cannot be zero"));
        }
        let (items, kind): (Vec<Id>, u8) = match self.obj(o)? {
            Obj::List(v) => (v.clone(), 0),
            Obj::Tuple(v) => (v.clone(), 1),
            Obj::Str(s) => {
                let chars: Vec<char> = s.chars().collect();
                let idx = slice_indices(chars.len(), lo, hi, step);
                if idx.len() == chars.len() && step == 1 {
                    return Ok(o);
                }
                let s: String = idx.iter().map(|&i| chars[i]).collect();
                return self.str_obj(&s);
            }
            _ => {
                return Err(type_err(format!(
                    "'{}' object is not subscriptable",
                    self.type_name(o)
                )))
            }
        };
        let idx = slice_indices(items.len(), lo, hi, step);
        let picked: Vec<Id> = idx.iter().map(|&i| items[i]).collect();
        if kind == 1 {
            // A full slice of a tuple is the tuple itself.
            if picked.len() == items.len() && step == 1 {
                return Ok(o);
            }
            self.tuple(picked)
        } else {
            self.alloc(Obj::List(picked))
        }
    }

    fn set_slice(&mut self, o: Id, lo: Option<i64>, hi: Option<i64>, v: Id) -> R<()> {
        let len = match self.obj(o)? {
            Obj::List(items) => items.len(),
            _ => {
                return Err(type_err(format!(
                    "'{}' object does not support slice assignment",
                    self.type_name(o)
                )))
            }
        };
        let new = self.collect_iter(v)?;
        let clamp = |x: Option<i64>, d: usize| -> usize {
            match x {
                None => d,
                Some(x) if x < 0 => (x + len as i64).max(0) as usize,
                Some(x) => (x as usize).min(len),
            }
        };
        let a = clamp(lo, 0);
        let b = clamp(hi, len).max(a);
        self.list_mut(o)?.splice(a..b, new);
        Ok(())
    }

    // ---- iteration ----

    fn get_iter(&mut self, v: Id) -> R<Id> {
        let it = match self.obj(v)? {
            Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Set(_) => {
                Iter::Seq { seq: v, idx: 0 }
            }
            Obj::Dict(_) => Iter::View {
                dict: v,
                kind: ViewKind::Keys,
                idx: 0,
            },
            Obj::DictView(d, k) => Iter::View {
                dict: *d,
                kind: *k,
                idx: 0,
            },
            Obj::Range(a, b, c) => Iter::Range {
                cur: *a,
                stop: *b,
                step: *c,
            },
            Obj::Gen(_) | Obj::Iter(_) => return Ok(v),
            _ => {
                return Err(type_err(format!(
                    "'{}' object is not iterable",
                    self.type_name(v)
                )))
            }
        };
        self.alloc(Obj::Iter(it))
    }

    fn iter_next(&mut self, it: Id) -> R<Option<Id>> {
        enum Next {
            Obj(Id),
            Int(i64),
            Char(char),
            Pair(Id, Id),
            Gen,
            Done,
        }
        let next = {
            let (seq_obj, state) = match self.obj(it)? {
                Obj::Iter(Iter::Seq { seq, idx }) => (Some(*seq), Some(*idx)),
                _ => (None, None),
            };
            let seq_items: Option<Next> = match (seq_obj, state) {
                (Some(seq), Some(idx)) => Some(match self.obj(seq)? {
                    Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => {
                        v.get(idx).map_or(Next::Done, |&x| Next::Obj(x))
                    }
                    Obj::Str(s) => s.chars().nth(idx).map_or(Next::Done, Next::Char),
                    _ => Next::Done,
                }),
                _ => None,
            };
            match seq_items {
                Some(n) => {
                    if let Obj::Iter(Iter::Seq { idx, .. }) = self.obj_mut(it)? {
                        *idx += 1;
                    }
                    n
                }
                None => match self.obj(it)? {
                    Obj::Iter(Iter::Range { cur, stop, step }) => {
                        let (c, s, st) = (*cur, *stop, *step);
                        if (st > 0 && c < s) || (st < 0 && c > s) {
                            if let Obj::Iter(Iter::Range { cur, .. }) = self.obj_mut(it)? {
                                *cur = c + st;
                            }
                            Next::Int(c)
                        } else {
                            Next::Done
                        }
                    }
                    Obj::Iter(Iter::View { dict, kind, idx }) => {
                        let (d, k, i) = (*dict, *kind, *idx);
                        let pair = match self.obj(d)? {
                            Obj::Dict(p) => p.get(i).copied(),
                            _ => None,
                        };
                        if let Obj::Iter(Iter::View { idx, .. }) = self.obj_mut(it)? {
                            *idx += 1;
                        }
                        match (pair, k) {
                            (None, _) => Next::Done,
                            (Some((key, _)), ViewKind::Keys) => Next::Obj(key),
                            (Some((_, v)), ViewKind::Values) => Next::Obj(v),
                            (Some((key, v)), ViewKind::Items) => Next::Pair(key, v),
                        }
                    }
                    Obj::Gen(_) => Next::Gen,
                    _ => {
                        return Err(type_err(format!(
                            "'{}' object is not an iterator",
                            self.type_name(it)
                        )))
                    }
                },
            }
        };
        match next {
            Next::Obj(x) => Ok(Some(x)),
            Next::Int(v) => self.int(v).map(Some),
            Next::Char(c) => self.str_obj(&c.to_string()).map(Some),
            Next::Pair(k, v) => self.tuple(vec![k, v]).map(Some),
            Next::Gen => self.resume(it),
            Next::Done => Ok(None),
        }
    }

    /// All items of an iterable, each held.
    fn collect_iter(&mut self, v: Id) -> R<Vec<Id>> {
        if let Obj::List(items) | Obj::Tuple(items) = self.obj(v)? {
            return Ok(items.clone());
        }
        let it = self.get_iter(v)?;
        self.hold(it)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(it)? {
            out.push(self.hold(x)?);
            if out.len() > MAX_LEN {
                return Err(PyError::limit("too many items for this model"));
            }
        }
        Ok(out)
    }

    // ---- copies ----

    fn shallow_copy(&mut self, x: Id) -> R<Id> {
        let o = match self.obj(x)? {
            Obj::List(v) => Obj::List(v.clone()),
            Obj::Dict(p) => Obj::Dict(p.clone()),
            Obj::Set(v) => Obj::Set(v.clone()),
            Obj::Instance { class, attrs } => Obj::Instance {
                class: *class,
                attrs: attrs.clone(),
            },
            _ => return Ok(x),
        };
        self.alloc(o)
    }

    /// `copy.deepcopy`: immutable atoms are shared, containers copied once
    /// each (the memo keeps shared and cyclic structure), and a tuple whose
    /// items all come back unchanged is itself returned.
    fn deep_copy(&mut self, x: Id, memo: &mut Vec<(Id, Id)>) -> R<Id> {
        if let Some(&(_, c)) = memo.iter().find(|m| m.0 == x) {
            return Ok(c);
        }
        if memo.len() > MAX_LEN {
            return Err(PyError::limit("structure too large for this model"));
        }
        match self.obj(x)? {
            Obj::List(v) => {
                let v = v.clone();
                let c = self.alloc(Obj::List(Vec::new()))?;
                self.hold(c)?;
                memo.push((x, c));
                for i in v {
                    let y = self.deep_copy(i, memo)?;
                    self.list_mut(c)?.push(y);
                }
                Ok(c)
            }
            Obj::Dict(p) => {
                let p = p.clone();
                let c = self.alloc(Obj::Dict(Vec::new()))?;
                self.hold(c)?;
                memo.push((x, c));
                for (k, v) in p {
                    let k2 = self.deep_copy(k, memo)?;
                    let v2 = self.deep_copy(v, memo)?;
                    if let Obj::Dict(pairs) = self.obj_mut(c)? {
                        pairs.push((k2, v2));
                    }
                }
                Ok(c)
            }
            Obj::Set(v) => {
                let v = v.clone();
                let c = self.alloc(Obj::Set(Vec::new()))?;
                self.hold(c)?;
                memo.push((x, c));
                for i in v {
                    let y = self.deep_copy(i, memo)?;
                    if let Obj::Set(items) = self.obj_mut(c)? {
                        items.push(y);
                    }
                }
                Ok(c)
            }
            Obj::Tuple(v) => {
                let v = v.clone();
                let mut ys = Vec::new();
                for &i in &v {
                    let y = self.deep_copy(i, memo)?;
                    ys.push(self.hold(y)?);
                }
                if let Some(&(_, c)) = memo.iter().find(|m| m.0 == x) {
                    return Ok(c);
                }
                if ys == v {
                    return Ok(x);
                }
                let c = self.tuple(ys)?;
                memo.push((x, c));
                Ok(c)
            }
            Obj::Instance { class, attrs } => {
                let (class, attrs) = (*class, attrs.clone());
                let c = self.alloc(Obj::Instance {
                    class,
                    attrs: Vec::new(),
                })?;
                self.hold(c)?;
                memo.push((x, c));
                for (n, v) in attrs {
                    let y = self.deep_copy(v, memo)?;
                    self.set_attr(c, &n, y)?;
                }
                Ok(c)
            }
            _ => Ok(x),
        }
    }

    // ---- operators ----

    fn truthy(&self, v: Id) -> R<bool> {
        Ok(match self.obj(v)? {
            Obj::None => false,
            Obj::Bool(b) => *b,
            Obj::Int(i) => *i != 0,
            Obj::Str(s) => !s.is_empty(),
            Obj::List(x) | Obj::Tuple(x) | Obj::Set(x) => !x.is_empty(),
            Obj::Dict(p) => !p.is_empty(),
            Obj::Range(a, b, c) => range_len(*a, *b, *c) > 0,
            _ => true,
        })
    }

    fn num(&self, v: Id) -> Option<i64> {
        match self.obj(v).ok()? {
            Obj::Int(i) => Some(*i),
            Obj::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    fn eq(&self, a: Id, b: Id) -> R<bool> {
        if a == b {
            return Ok(true);
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(x == y);
        }
        Ok(match (self.obj(a)?, self.obj(b)?) {
            (Obj::Str(x), Obj::Str(y)) => x == y,
            (Obj::List(x), Obj::List(y)) | (Obj::Tuple(x), Obj::Tuple(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let (x, y) = (x.clone(), y.clone());
                for (p, q) in x.into_iter().zip(y) {
                    if !self.eq(p, q)? {
                        return Ok(false);
                    }
                }
                true
            }
            (Obj::Dict(x), Obj::Dict(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                for &(k, v) in x {
                    match self.dict_find(b, k)? {
                        Some(p) if self.eq(v, self.dict_pair(b, p)?.1)? => {}
                        _ => return Ok(false),
                    }
                }
                true
            }
            (Obj::Set(x), Obj::Set(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                for &p in x {
                    let mut found = false;
                    for &q in y {
                        if self.eq(p, q)? {
                            found = true;
                            break;
                        }
                    }
                    if !found {
                        return Ok(false);
                    }
                }
                true
            }
            (Obj::Range(a1, b1, c1), Obj::Range(a2, b2, c2)) => (a1, b1, c1) == (a2, b2, c2),
            _ => false,
        })
    }

    fn less(&self, a: Id, b: Id) -> R<bool> {
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(x < y);
        }
        match (self.obj(a)?, self.obj(b)?) {
            (Obj::Str(x), Obj::Str(y)) => Ok(x < y),
            (Obj::List(x), Obj::List(y)) | (Obj::Tuple(x), Obj::Tuple(y)) => {
                for (&p, &q) in x.iter().zip(y.iter()) {
                    if !self.eq(p, q)? {
                        return self.less(p, q);
                    }
                }
                Ok(x.len() < y.len())
            }
            _ => Err(type_err(format!(
                "'<' not supported between instances of '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    fn sort_ids(&self, mut items: Vec<Id>, reverse: bool) -> R<Vec<Id>> {
        // Insertion sort: stable, and every comparison can fail cleanly.
        for i in 1..items.len() {
            let mut j = i;
            while j > 0 && self.less(items[j], items[j - 1])? {
                items.swap(j, j - 1);
                j -= 1;
            }
        }
        if reverse {
            items.reverse();
        }
        Ok(items)
    }

    fn compare(&mut self, op: CmpOp, a: Id, b: Id) -> R<bool> {
        Ok(match op {
            CmpOp::Is => a == b,
            CmpOp::IsNot => a != b,
            CmpOp::Eq => self.eq(a, b)?,
            CmpOp::Ne => !self.eq(a, b)?,
            CmpOp::Lt => self.less(a, b)?,
            CmpOp::Gt => self.less(b, a)?,
            CmpOp::Le => !self.less(b, a)?,
            CmpOp::Ge => !self.less(a, b)?,
            CmpOp::In | CmpOp::NotIn => {
                let found = match self.obj(b)? {
                    Obj::Str(s) => match self.obj(a)? {
                        Obj::Str(x) => s.contains(&**x),
                        _ => return Err(type_err("'in <string>' requires string as left operand")),
                    },
                    Obj::Dict(_) => self.dict_find(b, a)?.is_some(),
                    Obj::Range(..) | Obj::Gen(_) | Obj::DictView(..) => {
                        let items = self.collect_iter(b)?;
                        let mut f = false;
                        for x in items {
                            if self.eq(x, a)? {
                                f = true;
                                break;
                            }
                        }
                        f
                    }
                    Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => {
                        let v = v.clone();
                        let mut f = false;
                        for x in v {
                            if self.eq(x, a)? {
                                f = true;
                                break;
                            }
                        }
                        f
                    }
                    _ => {
                        return Err(type_err(format!(
                            "argument of type '{}' is not iterable",
                            self.type_name(b)
                        )))
                    }
                };
                found == (op == CmpOp::In)
            }
        })
    }

    fn inplace(&mut self, op: BinOp, a: Id, b: Id) -> R<Id> {
        if op == BinOp::Add && matches!(self.obj(a)?, Obj::List(_)) {
            // list += iterable extends the same list.
            let items = self.collect_iter(b)?;
            self.list_mut(a)?.extend(items);
            return Ok(a);
        }
        if op == BinOp::Mul && matches!(self.obj(a)?, Obj::List(_)) {
            let n = self.as_int(b)?.max(0) as usize;
            let items = self.list_mut(a)?.clone();
            if items.len() * n > MAX_LEN {
                return Err(PyError::limit("list too long for this model"));
            }
            *self.list_mut(a)? = items
                .iter()
                .copied()
                .cycle()
                .take(items.len() * n)
                .collect();
            return Ok(a);
        }
        self.binop(op, a, b)
    }

    fn binop(&mut self, op: BinOp, a: Id, b: Id) -> R<Id> {
        let sym = match op {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::Div => "/",
        };
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            let too_big = || PyError::limit("integer too large for this model (64-bit)");
            let r = match op {
                BinOp::Add => x.checked_add(y).ok_or_else(too_big)?,
                BinOp::Sub => x.checked_sub(y).ok_or_else(too_big)?,
                BinOp::Mul => x.checked_mul(y).ok_or_else(too_big)?,
                BinOp::FloorDiv | BinOp::Mod => {
                    if y == 0 {
                        return Err(PyError::raised(
                            "ZeroDivisionError",
                            "integer division or modulo by zero",
                        ));
                    }
                    if op == BinOp::FloorDiv {
                        x.checked_div_euclid(y)
                            .map(|q| {
                                if y < 0 && x.rem_euclid(y) != 0 {
                                    q + 1
                                } else {
                                    q
                                }
                            })
                            .ok_or_else(too_big)?
                    } else {
                        let m = x.checked_rem(y).ok_or_else(too_big)?;
                        if m != 0 && (m < 0) != (y < 0) {
                            m + y
                        } else {
                            m
                        }
                    }
                }
                BinOp::Pow => {
                    if y < 0 {
                        return Err(PyError::unsupported(
                            "negative powers give floats, which are outside this subset",
                            0,
                            0,
                        ));
                    }
                    x.checked_pow(u32::try_from(y).map_err(|_| too_big())?)
                        .ok_or_else(too_big)?
                }
                BinOp::Div => {
                    return Err(PyError::unsupported(
                        "/ gives a float, outside this subset: use //",
                        0,
                        0,
                    ))
                }
            };
            return self.int(r);
        }
        let unsupported = |s: &Self| {
            type_err(format!(
                "unsupported operand type(s) for {sym}: '{}' and '{}'",
                s.type_name(a),
                s.type_name(b)
            ))
        };
        match (op, self.obj(a)?, self.obj(b)?) {
            (BinOp::Add, Obj::Str(x), Obj::Str(y)) => {
                let s = format!("{x}{y}");
                self.str_obj(&s)
            }
            (BinOp::Add, Obj::List(x), Obj::List(y)) => {
                let v: Vec<Id> = x.iter().chain(y.iter()).copied().collect();
                self.alloc(Obj::List(v))
            }
            (BinOp::Add, Obj::Tuple(x), Obj::Tuple(y)) => {
                let v: Vec<Id> = x.iter().chain(y.iter()).copied().collect();
                if y.is_empty() {
                    return Ok(a);
                }
                if x.is_empty() {
                    return Ok(b);
                }
                self.tuple(v)
            }
            (BinOp::Add, Obj::List(_), _) => Err(type_err(format!(
                "can only concatenate list (not \"{}\") to list",
                self.type_name(b)
            ))),
            (BinOp::Add, Obj::Tuple(_), _) => Err(type_err(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                self.type_name(b)
            ))),
            (BinOp::Mul, Obj::List(_) | Obj::Tuple(_) | Obj::Str(_), _)
                if self.num(b).is_some() =>
            {
                self.repeat(a, b)
            }
            (BinOp::Mul, _, Obj::List(_) | Obj::Tuple(_) | Obj::Str(_))
                if self.num(a).is_some() =>
            {
                self.repeat(b, a)
            }
            (BinOp::Mod, Obj::Str(_), _) => Err(PyError::unsupported(
                "%-formatting is outside this subset",
                0,
                0,
            )),
            _ => Err(unsupported(self)),
        }
    }

    fn repeat(&mut self, seq: Id, n: Id) -> R<Id> {
        let n = self.num(n).unwrap_or(0).max(0) as usize;
        match self.obj(seq)? {
            Obj::Str(s) => {
                if s.len() * n > MAX_LEN {
                    return Err(PyError::limit("string too long for this model"));
                }
                let r = s.repeat(n);
                self.str_obj(&r)
            }
            Obj::List(v) | Obj::Tuple(v) => {
                if v.len() * n > MAX_LEN {
                    return Err(PyError::limit("sequence too long for this model"));
                }
                let items: Vec<Id> = v.iter().copied().cycle().take(v.len() * n).collect();
                if matches!(self.obj(seq)?, Obj::List(_)) {
                    self.alloc(Obj::List(items))
                } else {
                    if n == 1 {
                        return Ok(seq);
                    }
                    self.tuple(items)
                }
            }
            _ => Err(type_err("can't multiply sequence")),
        }
    }

    // ---- text ----

    fn str_of(&self, v: Id) -> R<String> {
        match self.obj(v)? {
            Obj::Str(s) => Ok(s.to_string()),
            _ => self.repr(v),
        }
    }

    fn repr(&self, v: Id) -> R<String> {
        let mut seen = Vec::new();
        self.repr_in(v, &mut seen)
    }

    fn repr_in(&self, v: Id, seen: &mut Vec<Id>) -> R<String> {
        let o = self.obj(v)?;
        let container = matches!(o, Obj::List(_) | Obj::Dict(_) | Obj::Set(_));
        if container && seen.contains(&v) {
            return Ok(match o {
                Obj::List(_) => "[...]".into(),
                _ => "{...}".into(),
            });
        }
        if seen.len() > 50 {
            return Err(PyError::limit("structure too deep to print"));
        }
        seen.push(v);
        let join = |s: &Self, items: &[Id], seen: &mut Vec<Id>| -> R<String> {
            items
                .iter()
                .map(|&i| s.repr_in(i, seen))
                .collect::<R<Vec<_>>>()
                .map(|v| v.join(", "))
        };
        let r = match o {
            Obj::None => "None".into(),
            Obj::Bool(b) => if *b { "True" } else { "False" }.into(),
            Obj::Int(i) => i.to_string(),
            Obj::Str(s) => quote(s),
            Obj::List(items) => format!("[{}]", join(self, items, seen)?),
            Obj::Tuple(items) if items.len() == 1 => format!("({},)", join(self, items, seen)?),
            Obj::Tuple(items) => format!("({})", join(self, items, seen)?),
            Obj::Set(items) if items.is_empty() => "set()".into(),
            Obj::Set(items) => format!("{{{}}}", join(self, items, seen)?),
            Obj::Dict(pairs) => {
                let parts = pairs
                    .iter()
                    .map(|&(k, x)| {
                        Ok(format!(
                            "{}: {}",
                            self.repr_in(k, seen)?,
                            self.repr_in(x, seen)?
                        ))
                    })
                    .collect::<R<Vec<_>>>()?;
                format!("{{{}}}", parts.join(", "))
            }
            Obj::Range(a, b, c) if *c == 1 => format!("range({a}, {b})"),
            Obj::Range(a, b, c) => format!("range({a}, {b}, {c})"),
            Obj::Func(f) => format!("<function {} at #{}>", f.def.name, self.sid(v)),
            Obj::Gen(g) => format!("<generator object {} at #{}>", g.name, self.sid(v)),
            Obj::Class { name, .. } => format!("<class '__main__.{name}'>"),
            Obj::Instance { .. } => {
                format!(
                    "<__main__.{} object at #{}>",
                    self.class_name(v),
                    self.sid(v)
                )
            }
            Obj::Cell(_) => format!("<cell at #{}>", self.sid(v)),
            Obj::DictView(d, k) => {
                let pairs = match self.obj(*d)? {
                    Obj::Dict(p) => p.clone(),
                    _ => Vec::new(),
                };
                let parts = pairs
                    .iter()
                    .map(|&(key, x)| {
                        Ok(match k {
                            ViewKind::Keys => self.repr_in(key, seen)?,
                            ViewKind::Values => self.repr_in(x, seen)?,
                            ViewKind::Items => format!(
                                "({}, {})",
                                self.repr_in(key, seen)?,
                                self.repr_in(x, seen)?
                            ),
                        })
                    })
                    .collect::<R<Vec<_>>>()?;
                format!("{}([{}])", o.type_name(), parts.join(", "))
            }
            other => format!("<{} at #{}>", other.type_name(), self.sid(v)),
        };
        seen.pop();
        Ok(r)
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
