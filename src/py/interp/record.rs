//! Reference counts, sweeping and the recording of steps.

use super::*;

impl Interp {
    // ---- reference counts, sweeping, steps ----

    pub(super) fn roots(&self, out: &mut Vec<Id>) {
        for f in &self.frames {
            f.refs(out);
        }
        out.extend(self.consts.values());
        out.extend(self.interned.values());
        out.extend(self.chars.values());
        out.extend(self.small_ints.values());
        out.extend([self.none, self.true_, self.false_, self.empty_tuple]);
        out.extend(self.builtins.iter().map(|b| b.1));
        out.extend(self.modules.iter().map(|m| m.1));
    }

    /// Counts references to every live object, then frees those with none,
    /// cascading. Returns the counts.
    pub(super) fn sweep(&mut self) -> Vec<u32> {
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
    pub(super) fn reachable(&self) -> Vec<bool> {
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
    pub(super) fn collect(&mut self) -> usize {
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

    pub(super) fn record(&mut self, line: u32, event: Event, checkpoint: bool) {
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
            .chain(self.chars.values())
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
    pub(super) fn sid(&self, slot: Id) -> u32 {
        self.shown.get(slot).copied().unwrap_or(0)
    }

    /// The short id of an object, given now if it has none yet.
    pub(super) fn display_id(&mut self, slot: Id) -> u32 {
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
    pub(super) fn is_machinery(&self, _name: &str, v: Id) -> bool {
        self.slots
            .get(v)
            .and_then(Option::as_ref)
            .is_some_and(Obj::hidden)
    }

    pub(super) fn view(&self, i: Id) -> Option<Kind> {
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
            Obj::Iter(it) => Kind::Other(match it {
                Iter::Seq { seq, .. } => match self.slots.get(*seq).and_then(Option::as_ref) {
                    Some(Obj::List(_)) => "list_iterator",
                    Some(Obj::Tuple(_)) => "tuple_iterator",
                    Some(Obj::Set(_)) => "set_iterator",
                    Some(Obj::Str(s)) if s.is_ascii() => "str_ascii_iterator",
                    Some(Obj::Str(_)) => "str_iterator",
                    _ => "iterator",
                },
                Iter::Range { .. } => "range_iterator",
                Iter::View {
                    kind: ViewKind::Keys,
                    ..
                } => "dict_keyiterator",
                Iter::View {
                    kind: ViewKind::Values,
                    ..
                } => "dict_valueiterator",
                Iter::View {
                    kind: ViewKind::Items,
                    ..
                } => "dict_itemiterator",
            }),
            other => Kind::Other(other.type_name()),
        })
    }

    pub(super) fn step(&mut self, line: u32, event: Event) -> R<()> {
        if self.steps.len() >= MAX_STEPS {
            return Err(PyError::limit(&format!(
                "more than {MAX_STEPS} steps: is there an endless loop?"
            ))
            .at(line, 0));
        }
        self.record(line, event, false);
        Ok(())
    }
}
