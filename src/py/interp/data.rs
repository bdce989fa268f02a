//! Attributes, items and slices, iteration, and `copy`'s two copies.

use super::*;

impl Interp {
    // ---- attributes ----

    pub(super) fn get_attr(&mut self, o: Id, name: &str) -> R<Id> {
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

    pub(super) fn set_attr(&mut self, o: Id, name: &str, v: Id) -> R<()> {
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

    pub(super) fn as_int(&self, id: Id) -> R<i64> {
        match self.obj(id)? {
            Obj::Int(v) => Ok(*v),
            Obj::Bool(b) => Ok(*b as i64),
            _ => Err(type_err(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(id)
            ))),
        }
    }

    pub(super) fn index_of(&self, i: Id, len: usize) -> R<usize> {
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

    pub(super) fn seq(&self, id: Id) -> R<Vec<Id>> {
        match self.obj(id)? {
            Obj::List(v) | Obj::Tuple(v) | Obj::Set(v) => Ok(v.clone()),
            _ => Err(type_err("expected a sequence")),
        }
    }

    pub(super) fn get_item(&mut self, o: Id, i: Id) -> R<Id> {
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

    pub(super) fn set_item(&mut self, o: Id, i: Id, v: Id) -> R<()> {
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

    pub(super) fn dict_find(&self, d: Id, k: Id) -> R<Option<usize>> {
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

    pub(super) fn dict_pair(&self, d: Id, p: usize) -> R<(Id, Id)> {
        match self.obj(d)? {
            Obj::Dict(pairs) => pairs
                .get(p)
                .copied()
                .ok_or_else(|| PyError::limit("internal: bad dict slot")),
            _ => Err(type_err("expected a dict")),
        }
    }

    pub(super) fn set_add(&mut self, s: Id, x: Id) -> R<()> {
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

    pub(super) fn check_hashable(&self, x: Id) -> R<()> {
        match self.obj(x)? {
            Obj::List(_) | Obj::Dict(_) | Obj::Set(_) => Err(type_err(format!(
                "unhashable type: '{}'",
                self.type_name(x)
            ))),
            Obj::Tuple(v) => v.iter().try_for_each(|&i| self.check_hashable(i)),
            _ => Ok(()),
        }
    }

    pub(super) fn slice_bounds(
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

    pub(super) fn get_slice(
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

    pub(super) fn set_slice(&mut self, o: Id, lo: Option<i64>, hi: Option<i64>, v: Id) -> R<()> {
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

    pub(super) fn get_iter(&mut self, v: Id) -> R<Id> {
        let dict_len = |s: &Self, d: Id| match s.obj(d) {
            Ok(Obj::Dict(p)) => p.len(),
            _ => 0,
        };
        let it = match self.obj(v)? {
            Obj::Set(items) => Iter::Seq {
                seq: v,
                idx: 0,
                size: Some(items.len()),
            },
            Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) => Iter::Seq {
                seq: v,
                idx: 0,
                size: None,
            },
            Obj::Dict(p) => Iter::View {
                dict: v,
                kind: ViewKind::Keys,
                idx: 0,
                size: p.len(),
            },
            Obj::DictView(d, k) => Iter::View {
                dict: *d,
                kind: *k,
                idx: 0,
                size: dict_len(self, *d),
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

    pub(super) fn iter_next(&mut self, it: Id) -> R<Option<Id>> {
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
                Obj::Iter(Iter::Seq { seq, idx, size }) => (Some((*seq, *size)), Some(*idx)),
                _ => (None, None),
            };
            let seq_items: Option<Next> = match (seq_obj, state) {
                (Some((seq, size)), Some(idx)) => Some(match self.obj(seq)? {
                    Obj::Set(v) if size.is_some_and(|n| n != v.len()) => {
                        return Err(PyError::raised(
                            "RuntimeError",
                            "Set changed size during iteration",
                        ));
                    }
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
                    Obj::Iter(Iter::View {
                        dict,
                        kind,
                        idx,
                        size,
                    }) => {
                        let (d, k, i, n) = (*dict, *kind, *idx, *size);
                        let pair = match self.obj(d)? {
                            Obj::Dict(p) if p.len() != n => {
                                return Err(PyError::raised(
                                    "RuntimeError",
                                    "dictionary changed size during iteration",
                                ));
                            }
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
    pub(super) fn collect_iter(&mut self, v: Id) -> R<Vec<Id>> {
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

    pub(super) fn shallow_copy(&mut self, x: Id) -> R<Id> {
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
    pub(super) fn deep_copy(&mut self, x: Id, memo: &mut Vec<(Id, Id)>) -> R<Id> {
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
}
