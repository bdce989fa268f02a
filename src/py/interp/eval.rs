//! Assignment, deletion and expressions.

use super::*;

impl Interp {
    // ---- assignment ----

    pub(super) fn assign(&mut self, target: &Expr, v: Id) -> R<()> {
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

    pub(super) fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> R<()> {
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

    pub(super) fn delete(&mut self, target: &Expr) -> R<()> {
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

    pub(super) fn eval(&mut self, e: &Expr) -> R<Id> {
        self.eval_inner(e).map_err(|err| err.at(e.line, e.col))
    }

    pub(super) fn eval_inner(&mut self, e: &Expr) -> R<Id> {
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

    pub(super) fn eval_all(&mut self, items: &[Expr]) -> R<Vec<Id>> {
        let mut ids = Vec::with_capacity(items.len());
        for i in items {
            let v = self.eval(i)?;
            ids.push(self.hold(v)?);
        }
        Ok(ids)
    }

    pub(super) fn list_comp(&mut self, comp: &Rc<Comp>, line: u32) -> R<Id> {
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

    pub(super) fn comp_level(
        &mut self,
        comp: &Comp,
        level: usize,
        it: Id,
        result: Id,
        line: u32,
    ) -> R<()> {
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
}
