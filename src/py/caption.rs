//! What changed at a step, as typed facts the view puts into words
//! (`i18n::py::change`): names bound or dropped, objects made, changed or
//! freed, calls, returns, yields, output.

use super::trace::{Event, Kind, ObjId, Run, Step};

#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    Called(String),
    Resumed(String),
    Returned {
        func: String,
        obj: ObjId,
        ty: String,
    },
    Yielded {
        func: String,
        obj: ObjId,
        ty: String,
    },
    Caught(String),
    Error(String),
    /// `name` (in frame `frame`) now refers to `obj`; `fresh` if it was
    /// made at this step.
    Bound {
        frame: String,
        name: String,
        obj: ObjId,
        ty: String,
        fresh: bool,
    },
    Unbound {
        frame: String,
        name: String,
    },
    Mutated {
        obj: ObjId,
        ty: String,
    },
    Freed {
        obj: ObjId,
        ty: String,
    },
    /// Now kept alive only by a reference cycle.
    Orphaned {
        obj: ObjId,
        ty: String,
    },
    Printed(String),
}

/// The changes from step `i - 1` (or the empty start) to step `i`.
pub fn changes(run: &Run, i: usize) -> Vec<Change> {
    let Some(now) = run.steps.get(i) else {
        return Vec::new();
    };
    let before = i.checked_sub(1).and_then(|j| run.steps.get(j));
    let ty = |s: &Step, id: ObjId| {
        s.object(id)
            .map_or("object".to_string(), |o| o.kind.type_name().to_string())
    };
    let mut out = Vec::new();
    match &now.event {
        Event::Line => {}
        Event::Call(f) => out.push(Change::Called(f.clone())),
        Event::Resume(f) => out.push(Change::Resumed(f.clone())),
        Event::Return(f, v) => out.push(Change::Returned {
            func: f.clone(),
            obj: *v,
            ty: ty(now, *v),
        }),
        Event::Yield(f, v) => out.push(Change::Yielded {
            func: f.clone(),
            obj: *v,
            ty: ty(now, *v),
        }),
        Event::Caught(e) => out.push(Change::Caught(e.clone())),
        Event::Error(e) => out.push(Change::Error(e.to_string())),
    }
    let existed = |id: ObjId| before.is_some_and(|b| b.object(id).is_some());
    // Names, frame by frame (a frame is matched by depth and name).
    for (depth, f) in now.frames.iter().enumerate() {
        let old = before
            .and_then(|b| b.frames.get(depth))
            .filter(|o| o.name == f.name);
        for (name, obj) in &f.vars {
            let was = old
                .and_then(|o| o.vars.iter().find(|v| &v.0 == name))
                .map(|v| v.1);
            if was != Some(*obj) {
                out.push(Change::Bound {
                    frame: f.name.clone(),
                    name: name.clone(),
                    obj: *obj,
                    ty: ty(now, *obj),
                    // Cached objects (None, small ints) are not new.
                    fresh: !existed(*obj) && !now.object(*obj).is_some_and(|o| o.cached),
                });
            }
        }
        if let Some(o) = old {
            for (name, _) in &o.vars {
                if !f.vars.iter().any(|v| &v.0 == name) {
                    out.push(Change::Unbound {
                        frame: f.name.clone(),
                        name: name.clone(),
                    });
                }
            }
        }
    }
    if let Some(b) = before {
        for o in &now.objects {
            match b.object(o.id) {
                Some(p)
                    if p.kind != o.kind
                        && !o.kind.immutable()
                        && !matches!(o.kind, Kind::Generator { .. }) =>
                {
                    out.push(Change::Mutated {
                        obj: o.id,
                        ty: o.kind.type_name().to_string(),
                    })
                }
                Some(p) if o.garbage && !p.garbage => out.push(Change::Orphaned {
                    obj: o.id,
                    ty: o.kind.type_name().to_string(),
                }),
                _ => {}
            }
        }
        for id in &now.freed {
            if let Some(o) = b.object(*id) {
                out.push(Change::Freed {
                    obj: o.id,
                    ty: o.kind.type_name().to_string(),
                });
            }
        }
    }
    let start = before.map_or(0, |b| b.out_len);
    if now.out_len > start {
        if let Some(text) = run.output.get(start..now.out_len) {
            out.push(Change::Printed(text.trim_end_matches('\n').to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::py::run;

    #[test]
    fn says_what_a_line_did() {
        let r = run("a = [1]\nb = a\na.append(2)\ndel a\ndel b\nprint('x')");
        let c1 = changes(&r, 0);
        assert!(c1.iter().any(|c| matches!(c, Change::Bound { name, ty, fresh: true, .. } if name == "a" && ty == "list")));
        let c2 = changes(&r, 1);
        assert!(c2
            .iter()
            .any(|c| matches!(c, Change::Bound { name, fresh: false, .. } if name == "b")));
        assert!(changes(&r, 2)
            .iter()
            .any(|c| matches!(c, Change::Mutated { ty, .. } if ty == "list")));
        assert!(changes(&r, 3)
            .iter()
            .any(|c| matches!(c, Change::Unbound { name, .. } if name == "a")));
        assert!(
            !changes(&r, 3)
                .iter()
                .any(|c| matches!(c, Change::Freed { .. })),
            "b still holds it"
        );
        assert!(changes(&r, 4)
            .iter()
            .any(|c| matches!(c, Change::Freed { ty, .. } if ty == "list")));
        assert!(changes(&r, 5).contains(&Change::Printed("x".into())));
    }
}
