//! Operators, comparisons, truth, and text (`repr`, `str`).

use super::*;

impl Interp {
    // ---- operators ----

    pub(super) fn truthy(&self, v: Id) -> R<bool> {
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

    pub(super) fn num(&self, v: Id) -> Option<i64> {
        match self.obj(v).ok()? {
            Obj::Int(i) => Some(*i),
            Obj::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    pub(super) fn eq(&self, a: Id, b: Id) -> R<bool> {
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

    pub(super) fn less(&self, a: Id, b: Id) -> R<bool> {
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

    pub(super) fn sort_ids(&self, mut items: Vec<Id>, reverse: bool) -> R<Vec<Id>> {
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

    pub(super) fn compare(&mut self, op: CmpOp, a: Id, b: Id) -> R<bool> {
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

    pub(super) fn inplace(&mut self, op: BinOp, a: Id, b: Id) -> R<Id> {
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

    pub(super) fn binop(&mut self, op: BinOp, a: Id, b: Id) -> R<Id> {
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
            // Adding an empty string gives back the other one itself.
            (BinOp::Add, Obj::Str(_), Obj::Str(y)) if y.is_empty() => Ok(a),
            (BinOp::Add, Obj::Str(x), Obj::Str(_)) if x.is_empty() => Ok(b),
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
            (BinOp::Add, Obj::Str(_), _) => Err(type_err(format!(
                "can only concatenate str (not \"{}\") to str",
                self.type_name(b)
            ))),
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

    pub(super) fn repeat(&mut self, seq: Id, n: Id) -> R<Id> {
        let n = self.num(n).unwrap_or(0).max(0) as usize;
        match self.obj(seq)? {
            Obj::Str(s) => {
                if s.len() * n > MAX_LEN {
                    return Err(PyError::limit("string too long for this model"));
                }
                if n == 1 {
                    return Ok(seq);
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

    pub(super) fn str_of(&self, v: Id) -> R<String> {
        match self.obj(v)? {
            Obj::Str(s) => Ok(s.to_string()),
            _ => self.repr(v),
        }
    }

    pub(super) fn repr(&self, v: Id) -> R<String> {
        let mut seen = Vec::new();
        self.repr_in(v, &mut seen)
    }

    pub(super) fn repr_in(&self, v: Id, seen: &mut Vec<Id>) -> R<String> {
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
