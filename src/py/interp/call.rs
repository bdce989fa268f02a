//! Functions, classes, generators, and calls: user functions, builtins
//! and the methods of the built-in types.

use super::*;

impl Interp {
    // ---- functions, classes, generators ----

    pub(super) fn make_function(&mut self, def: &Rc<FuncDef>) -> R<Id> {
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

    pub(super) fn make_class(
        &mut self,
        name: &str,
        body: &Block,
        scope: usize,
        line: u32,
    ) -> R<Id> {
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

    pub(super) fn push_frame(&mut self, f: Frame) -> R<()> {
        if self.frames.len() >= MAX_DEPTH {
            return Err(PyError::raised(
                "RecursionError",
                "maximum recursion depth exceeded (this model allows 40 frames)",
            ));
        }
        self.frames.push(f);
        Ok(())
    }

    pub(super) fn call_function(
        &mut self,
        fid: Id,
        args: Vec<Id>,
        kwargs: Vec<(String, Id)>,
    ) -> R<Id> {
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
        }
        let missing: Vec<String> = values
            .iter()
            .zip(&def.params)
            .filter(|(v, _)| v.is_none())
            .map(|(_, p)| format!("'{}'", p.name))
            .collect();
        if !missing.is_empty() {
            // CPython's wording: 'a' and 'b'; 'a', 'b', and 'c'.
            let list = match missing.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, [one])) => format!("{one} and {last}"),
                Some((last, rest)) => format!("{}, and {last}", rest.join(", ")),
                None => String::new(),
            };
            let k = missing.len();
            return Err(type_err(format!(
                "{}() missing {k} required positional argument{}: {list}",
                def.name,
                if k == 1 { "" } else { "s" }
            )));
        }
        for (i, value) in values.iter().enumerate() {
            let Some(v) = *value else { continue };
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
    pub(super) fn resume(&mut self, gid: Id) -> R<Option<Id>> {
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

    // ---- calls ----

    pub(super) fn call(&mut self, f: Id, args: Vec<Id>, kwargs: Vec<(String, Id)>) -> R<Id> {
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

    pub(super) fn arity(&self, name: &str, args: &[Id], lo: usize, hi: usize) -> R<()> {
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

    pub(super) fn call_builtin(
        &mut self,
        b: Builtin,
        args: Vec<Id>,
        kwargs: Vec<(String, Id)>,
    ) -> R<Id> {
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

    pub(super) fn call_method(&mut self, this: Id, name: &str, args: Vec<Id>) -> R<Id> {
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

    pub(super) fn list_mut(&mut self, id: Id) -> R<&mut Vec<Id>> {
        match self.obj_mut(id)? {
            Obj::List(v) => Ok(v),
            _ => Err(type_err("expected a list")),
        }
    }
}
