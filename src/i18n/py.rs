//! Strings of the Python object diagrams: page text, scenario titles,
//! summaries and line notes, the legend, and the wording of each change
//! (`py::caption::Change`).

use super::{Lang, Text};
use crate::py::caption::Change;
use crate::py::scenarios::ScenarioId;
use crate::py::PyError;

/// The home page's tile.
pub const NAV_PY: Text = Text::new("Python 对象", "Python objects");
pub const HOME_PY: Text = Text::new(
    "名字、对象和引用：深浅拷贝、可变默认参数、闭包、垃圾回收，一行行看。",
    "Names, objects and references: copies, mutable defaults, closures, garbage collection, line by line.",
);
pub const PAGE_TITLE: Text = Text::new("Python 对象图", "Python object diagrams");
pub const INTRO: Text = Text::new(
    "名字、对象和引用，一行一行地看：赋值、拷贝、传参、闭包、生成器和引用计数。代码可以修改后重新运行。",
    "Names, objects and references, line by line: assignment, copies, arguments, closures, generators and reference counts. You can edit the code and run it again.",
);
pub const PICKER_LABEL: Text = Text::new("选择场景", "Choose a scenario");
pub const ALL_SCENARIOS: Text = Text::new("全部场景", "All scenarios");
pub const UNKNOWN_TITLE: Text = Text::new("没有这个场景", "No such scenario");
pub const CODE_TITLE: Text = Text::new("代码", "Code");
pub const EDIT: Text = Text::new("编辑代码", "Edit the code");
pub const RUN: Text = Text::new("运行", "Run");
pub const CANCEL: Text = Text::new("取消", "Cancel");
pub const RESET: Text = Text::new("恢复原代码", "Back to the original");
pub const EDITED: Text = Text::new("（已修改）", "(edited)");
pub const EDITOR_LABEL: Text = Text::new(
    "Python 代码（本工具支持的子集）",
    "Python code (the subset this tool runs)",
);
pub const EDITOR_HELP: Text = Text::new(
    "支持：赋值与解包、int/str/list/tuple/dict/set、def/lambda/闭包、列表推导式、for/while/if、try/except、yield、class、import copy/sys/gc。不支持浮点数、with、raise 等。",
    "Supported: assignment and unpacking, int/str/list/tuple/dict/set, def/lambda/closures, list comprehensions, for/while/if, try/except, yield, class, import copy/sys/gc. Not supported: floats, with, raise and more.",
);
pub const KEPT_PREVIOUS: Text = Text::new(
    "代码无法运行，下面仍显示上一次的图。",
    "The code cannot run; the diagram below is still the previous one.",
);
pub const DIAGRAM_TITLE: Text = Text::new("帧与对象", "Frames and objects");
pub const FRAMES: Text = Text::new("帧（名字）", "Frames (names)");
pub const OBJECTS: Text = Text::new("对象", "Objects");
pub const OUTPUT_TITLE: Text = Text::new("输出", "Output");
pub const NO_OUTPUT: Text = Text::new("（还没有输出）", "(no output yet)");
pub const STEP_HEADING: Text = Text::new("这一步", "This step");
pub const START_HINT: Text = Text::new(
    "按 → 或“下一步”逐行运行；每一步之后，图上是那一刻的名字和对象。",
    "Press → or “Step forward” to run line by line; after each step the diagram shows the names and objects at that moment.",
);
pub const END_NOTE: Text = Text::new("（运行结束）", "(end of the run)");
pub const TABLE_HEADING: Text = Text::new("每一步（文字版）", "Every step (as text)");
pub const COL_STEP: Text = Text::new("步", "Step");
pub const COL_LINE: Text = Text::new("行", "Line");
pub const COL_WHAT: Text = Text::new("发生了什么", "What happened");
pub const NOTES_HEADING: Text = Text::new("相关问题", "Questions this answers");
pub const TEXT_VIEW: Text = Text::new("图的文字版", "The diagram as text");
pub const LEGEND_HEADING: Text = Text::new("图例", "Legend");
pub const LEGEND_NAME: Text = Text::new(
    "名字（左侧帧中）指向对象的箭头",
    "Arrow from a name (in a frame, left) to an object",
);
pub const LEGEND_SLOT: Text = Text::new(
    "对象的槽位（元素、属性、默认值、cell）指向对象的箭头",
    "Arrow from an object's slot (item, attribute, default, cell) to an object",
);
pub const LEGEND_IMMUTABLE: Text = Text::new(
    "虚线框、🔒：不可变对象",
    "Dashed box, 🔒: an immutable object",
);
pub const LEGEND_CACHED: Text = Text::new(
    "“共享”：CPython 缓存的对象（-5 到 256 的 int、像标识符的字符串常量、None/True/False）。这是 CPython 的实现细节，不是语言保证。",
    "“shared”: an object CPython caches (ints from -5 to 256, identifier-like string constants, None/True/False). A CPython implementation detail, not a language guarantee.",
);
pub const LEGEND_GARBAGE: Text = Text::new("点线框、♻：只被循环引用保活，名字已无法访问，等待 gc.collect()", "Dotted box, ♻: kept alive only by a reference cycle, unreachable from any name, waiting for gc.collect()");
pub const LEGEND_REFS: Text = Text::new("refs：引用计数（包括解释器自己的引用，如缓存、常量表、值栈）", "refs: the reference count (including the interpreter's own references: caches, constants, the value stack)");
pub const LEGEND_ACTIVE: Text = Text::new(
    "粗边框的帧：正在运行",
    "A frame with a thick border: the one running",
);
pub const LEGEND_CHANGED: Text = Text::new(
    "加粗的箭头和对象：这一步刚绑定的名字、刚被修改的对象",
    "A heavier arrow or object: a name bound, or an object changed, at this step",
);
pub const IMMUTABLE: Text = Text::new("不可变", "immutable");
pub const SHARED: Text = Text::new("共享", "shared");
pub const CYCLE: Text = Text::new("循环", "cycle");

pub fn unknown_body(lang: Lang, slug: &str) -> String {
    match lang.fixed() {
        Lang::Zh => format!("没有名为“{slug}”的场景。可以从下面选一个："),
        Lang::En => format!("There is no scenario called “{slug}”. Pick one below:"),
    }
}

pub fn diagram_label(lang: Lang, names: usize, objects: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("对象图：{names} 个名字，{objects} 个对象。文字版见下方。"),
        Lang::En => {
            format!("Object diagram: {names} names, {objects} objects. A text version follows.")
        }
    }
}

pub fn refs(lang: Lang, n: u32) -> String {
    match lang.fixed() {
        Lang::Zh => format!("引用 {n}"),
        Lang::En => format!("refs {n}"),
    }
}

/// An error, placed: "line 3, column 5: TypeError: …".
pub fn error(lang: Lang, e: &PyError) -> String {
    let kind = match (&e.kind, lang.fixed()) {
        (crate::py::ErrorKind::Syntax, Lang::Zh) => "语法错误".to_string(),
        (crate::py::ErrorKind::Unsupported, Lang::Zh) => "不在支持的子集内".to_string(),
        (crate::py::ErrorKind::Limit, Lang::Zh) => "超出限制".to_string(),
        (crate::py::ErrorKind::Unsupported, Lang::En) => "Not in the subset".to_string(),
        (crate::py::ErrorKind::Limit, Lang::En) => "Limit".to_string(),
        _ => e.name().to_string(),
    };
    match (lang.fixed(), e.col) {
        (Lang::Zh, 0) => format!("第 {} 行：{kind}：{}", e.line, e.message),
        (Lang::Zh, c) => format!("第 {} 行第 {c} 列：{kind}：{}", e.line, e.message),
        (Lang::En, 0) => format!("Line {}: {kind}: {}", e.line, e.message),
        (Lang::En, c) => format!("Line {}, column {c}: {kind}: {}", e.line, e.message),
    }
}

pub fn title(id: ScenarioId) -> Text {
    match id {
        ScenarioId::Copies => Text::new(
            "赋值、浅拷贝与深拷贝",
            "Assignment, shallow copy and deep copy",
        ),
        ScenarioId::Arguments => Text::new(
            "传参：修改对象与重新绑定",
            "Arguments: mutating versus rebinding",
        ),
        ScenarioId::DefaultArg => {
            Text::new("可变默认参数的陷阱", "The mutable default argument trap")
        }
        ScenarioId::PlusEquals => Text::new(
            "+= 与 +：列表、元组和元组里的列表",
            "+= versus +: lists, tuples, and a list inside a tuple",
        ),
        ScenarioId::IsVsEq => Text::new("is 与 ==", "is versus =="),
        ScenarioId::Closures => Text::new(
            "闭包的 cell 与循环中的后期绑定",
            "A closure's cell, and late binding in a loop",
        ),
        ScenarioId::Generator => Text::new(
            "生成器在 next 之间暂停",
            "A generator paused between next calls",
        ),
        ScenarioId::RefCount => Text::new(
            "引用计数归零与循环引用",
            "Reference counts to zero, and a reference cycle",
        ),
    }
}

pub fn summary(id: ScenarioId) -> Text {
    match id {
        ScenarioId::Copies => Text::new(
            "b = a 只是多一个名字；copy.copy 只复制外层；copy.deepcopy 递归复制可变的部分。",
            "b = a is one more name; copy.copy copies the outer container only; copy.deepcopy copies every mutable part, recursively.",
        ),
        ScenarioId::Arguments => Text::new(
            "参数是指向调用方对象的新名字：修改对象调用方看得见，重新绑定名字则看不见。",
            "A parameter is a new name for the caller's object: mutating the object shows in the caller, rebinding the name does not.",
        ),
        ScenarioId::DefaultArg => Text::new(
            "默认值在 def 运行时只求值一次，存在函数对象上；可变默认值会在调用之间累积。用 None 作哨兵修复。",
            "Defaults are evaluated once, when def runs, and stored on the function object; a mutable default accumulates across calls. A None sentinel fixes it.",
        ),
        ScenarioId::PlusEquals => Text::new(
            "列表的 += 就地修改，+ 生成新对象；元组的 += 重新绑定。对元组里的列表做 += 会先修改列表，再抛出 TypeError。",
            "+= on a list mutates it in place, + makes a new object; += on a tuple rebinds. += on a list inside a tuple first mutates the list, then raises TypeError.",
        ),
        ScenarioId::IsVsEq => Text::new(
            "== 比较值，is 比较是否同一个对象。小整数缓存会让 is 看起来“碰巧”成立。",
            "== compares values, is asks whether two names refer to the same object. The small-int cache can make is look true “by accident”.",
        ),
        ScenarioId::Closures => Text::new(
            "内层函数通过 cell 引用外层变量，外层函数返回后 cell 仍然存在；循环里的 lambda 共享同一个 cell。",
            "An inner function reaches an outer variable through a cell, which outlives the outer call; lambdas made in a loop share one cell.",
        ),
        ScenarioId::Generator => Text::new(
            "调用生成器函数只创建生成器对象；每次 next 运行到下一个 yield，局部变量留在暂停的帧里。",
            "Calling a generator function only creates a generator; each next runs to the next yield, and the locals wait in the paused frame.",
        ),
        ScenarioId::RefCount => Text::new(
            "CPython 在引用计数归零时立即释放对象；循环引用的计数不会归零，要等分代垃圾回收器（gc.collect）。",
            "CPython frees an object the moment its reference count reaches zero; a reference cycle never gets there and waits for the cyclic garbage collector (gc.collect).",
        ),
    }
}

/// The scenario's own note on a line (shown for its unedited code).
pub fn line_note(id: ScenarioId, line: u32) -> Option<Text> {
    let t = Text::new;
    Some(match (id, line) {
        (ScenarioId::Copies, 2) => t("外层列表的两个槽位各指向一个内层列表。", "The outer list's two slots each refer to an inner list."),
        (ScenarioId::Copies, 3) => t("赋值不复制任何东西：b 和 a 指向同一个列表。", "Assignment copies nothing: b and a now refer to the same list."),
        (ScenarioId::Copies, 4) => t("浅拷贝：新的外层列表，槽位仍指向原来的内层列表。", "A shallow copy: a new outer list whose slots still refer to the same inner lists."),
        (ScenarioId::Copies, 5) => t("深拷贝：外层和内层列表都是新的；不可变的 int 仍然共享，因为它们永远不会变。", "A deep copy: new outer and inner lists; the immutable ints are still shared, since they can never change."),
        (ScenarioId::Copies, 6) => t("修改共享的内层列表：通过 a、b、c 都看得到，d 看不到。", "Mutating a shared inner list: visible through a, b and c, not d."),
        (ScenarioId::Copies, 7) => t("修改外层列表：b 是同一个对象所以看得到；c、d 是别的外层列表。", "Mutating the outer list: b is the same object and sees it; c and d are other outer lists."),
        (ScenarioId::Arguments, 2) => t("items 与 nums 指向同一个列表：append 修改的就是调用方的列表。", "items and nums refer to the same list: append changes the caller's list."),
        (ScenarioId::Arguments, 5) => t("重新绑定只改变局部名字 items；调用方的 nums 不受影响。", "Rebinding changes only the local name items; the caller's nums is untouched."),
        (ScenarioId::Arguments, 6) => t("这次修改的是新列表，调用返回后它没有引用，会被释放。", "This mutates the new list, which has no references once the call returns, and is freed."),
        (ScenarioId::DefaultArg, 1) => t("默认值 [] 在 def 运行时求值一次，存在函数对象上（default 0）。", "The default [] is evaluated once, when def runs, and kept on the function object (default 0)."),
        (ScenarioId::DefaultArg, 2) => t("没有传 box，它指向函数对象上那唯一的默认列表。", "No box was passed, so it refers to the one default list on the function object."),
        (ScenarioId::DefaultArg, 6) => t("第二次调用拿到的还是同一个列表：first 和 second 是同一个对象。", "The second call gets the same list again: first and second are one object."),
        (ScenarioId::DefaultArg, 9) => t("修复：默认值是 None（不可变），每次调用在函数体里新建列表。", "The fix: the default is None (immutable), and each call makes its own list in the body."),
        (ScenarioId::DefaultArg, 11) => t("每次调用都新建一个列表。", "Each call makes a new list."),
        (ScenarioId::PlusEquals, 3) => t("列表的 += 就地扩展（list.__iadd__）：a 仍指向同一个对象，b 也看到变化。", "+= on a list extends it in place (list.__iadd__): a still refers to the same object, and b sees the change."),
        (ScenarioId::PlusEquals, 5) => t("+ 生成新列表，a 被重新绑定到它；b 还指向旧列表。", "+ makes a new list and a is rebound to it; b still refers to the old one."),
        (ScenarioId::PlusEquals, 9) => t("元组不可变：+= 生成新元组并重新绑定 t；u 还指向旧元组。", "A tuple is immutable: += makes a new tuple and rebinds t; u still refers to the old one."),
        (ScenarioId::PlusEquals, 14) => t("先对列表做 +=（就地扩展成功），再把结果存回 pair[0]：元组不支持赋值，抛出 TypeError。列表却已经改变了。", "First += runs on the list (extended in place), then the result is stored back into pair[0]: a tuple does not support item assignment, so TypeError. Yet the list has already changed."),
        (ScenarioId::IsVsEq, 2) => t("值相同的另一个列表：a == b 为真，a is b 为假。", "Another list with the same value: a == b is true, a is b is false."),
        (ScenarioId::IsVsEq, 3) => t("c 与 a 是同一个对象：a is c 为真。", "c and a are the same object: a is c is true."),
        (ScenarioId::IsVsEq, 7) => t("CPython 缓存 -5 到 256 的 int，所以 x is y 为真。这是实现细节，不要依赖。", "CPython caches ints from -5 to 256, so x is y is true. An implementation detail: do not rely on it."),
        (ScenarioId::IsVsEq, 10) => t("运行时算出的 1000 是新对象：== 为真，is 为假。比较值要用 ==。", "A 1000 computed at run time is a new object: == is true, is is false. Compare values with ==."),
        (ScenarioId::IsVsEq, 12) => t("None 只有一个，判断 None 用 is。", "There is only one None: test for it with is."),
        (ScenarioId::Closures, 5) => t("nonlocal count：修改的是 cell 里的内容，不是局部变量。", "nonlocal count: this changes the cell's contents, not a local variable."),
        (ScenarioId::Closures, 9) => t("make_counter 已经返回，count 仍活在 cell 里：inc 的闭包引用这个 cell。", "make_counter has returned, yet count lives on in the cell that inc's closure refers to."),
        (ScenarioId::Closures, 12) => t("三个 lambda 引用列表推导式里同一个 i 的 cell；推导结束时 i 是 2。", "All three lambdas refer to the comprehension's one cell for i; when it ends, i is 2."),
        (ScenarioId::Closures, 13) => t("调用时才读取 cell：三个都返回 2（后期绑定）。", "The cell is read only when called: all three return 2 (late binding)."),
        (ScenarioId::Closures, 14) => t("i=i 在创建时把当前值存为默认值：每个 lambda 有自己的 i。", "i=i stores the current value as a default when each lambda is made: each has its own i."),
        (ScenarioId::Generator, 1) => t("函数体里有 yield：调用它不会运行函数体，而是返回生成器对象。", "The body has a yield: calling it does not run the body but returns a generator object."),
        (ScenarioId::Generator, 6) => t("生成器刚创建（GEN_CREATED），帧里只有参数 n。", "The generator is created (GEN_CREATED); its frame holds only the parameter n."),
        (ScenarioId::Generator, 7) => t("next 运行到第一个 yield，交出 3 后暂停；n 留在生成器的帧里。", "next runs to the first yield, hands out 3 and pauses; n stays in the generator's frame."),
        (ScenarioId::Generator, 9) => t("list 反复调用 next，直到函数体结束（GEN_CLOSED），帧被丢弃。", "list calls next until the body ends (GEN_CLOSED) and the frame is dropped."),
        (ScenarioId::RefCount, 3) => t("新列表有一个引用：名字 a。", "The new list has one reference: the name a."),
        (ScenarioId::RefCount, 4) => t("b 也指向它：两个引用。", "b refers to it too: two references."),
        (ScenarioId::RefCount, 5) => t("getrefcount 报告 3：传给它的参数本身也是一个临时引用。", "getrefcount reports 3: the argument passed to it is a temporary reference too."),
        (ScenarioId::RefCount, 6) => t("del 删除的是名字，不是对象：还剩一个引用。", "del removes the name, not the object: one reference is left."),
        (ScenarioId::RefCount, 7) => t("最后一个引用没了，计数归零，列表立即被释放。", "The last reference is gone, the count reaches zero, and the list is freed at once."),
        (ScenarioId::RefCount, 10) => t("x 和 y 互相引用，形成循环。", "x and y now refer to each other: a cycle."),
        (ScenarioId::RefCount, 11) => t("名字都删了，但两个列表仍互相引用，计数不为零：活着，却再也访问不到。", "Both names are gone, but the lists still refer to each other, so neither count is zero: alive, and unreachable."),
        (ScenarioId::RefCount, 12) => t("循环垃圾回收器找出不可达的循环，把它们释放。", "The cyclic garbage collector finds the unreachable cycle and frees it."),
        _ => return None,
    })
}

fn obj(ty: &str, id: u32) -> String {
    format!("{ty} #{id}")
}

/// One change in words.
pub fn change(lang: Lang, c: &Change) -> String {
    let zh = lang.fixed() == Lang::Zh;
    let in_frame = |frame: &str| {
        if frame == "<module>" {
            String::new()
        } else if zh {
            format!("（{frame} 中）")
        } else {
            format!(" (in {frame})")
        }
    };
    match c {
        Change::Called(f) if zh => format!("调用 {f}：新的帧"),
        Change::Called(f) => format!("call {f}: a new frame"),
        Change::Resumed(f) if zh => format!("next 运行生成器 {f}：它的帧回到栈上，从上次暂停处（或开头）继续"),
        Change::Resumed(f) => format!("next runs generator {f}: its frame is back on the stack and goes on from where it paused (or from the top)"),
        Change::Returned { func, obj: o, ty } if zh => format!("{func} 返回 {}", obj(ty, *o)),
        Change::Returned { func, obj: o, ty } => format!("{func} returns {}", obj(ty, *o)),
        Change::Yielded { func, obj: o, ty } if zh => format!("{func} 交出 {} 并暂停", obj(ty, *o)),
        Change::Yielded { func, obj: o, ty } => format!("{func} yields {} and pauses", obj(ty, *o)),
        Change::Caught(e) if zh => format!("捕获了 {e}"),
        Change::Caught(e) => format!("caught {e}"),
        Change::Error(e) if zh => format!("出错停止：{e}"),
        Change::Error(e) => format!("stopped on an error: {e}"),
        Change::Bound {
            frame,
            name,
            obj: o,
            ty,
            fresh: true,
        } if zh => format!("{name}{} → 新的 {}", in_frame(frame), obj(ty, *o)),
        Change::Bound {
            frame,
            name,
            obj: o,
            ty,
            fresh: true,
        } => format!("{name}{} → new {}", in_frame(frame), obj(ty, *o)),
        Change::Bound {
            frame,
            name,
            obj: o,
            ty,
            ..
        } if zh => format!("{name}{} → {}", in_frame(frame), obj(ty, *o)),
        Change::Bound {
            frame,
            name,
            obj: o,
            ty,
            ..
        } => format!("{name}{} → {}", in_frame(frame), obj(ty, *o)),
        Change::Unbound { frame, name } if zh => format!("名字 {name}{} 不再存在", in_frame(frame)),
        Change::Unbound { frame, name } => format!("the name {name}{} is gone", in_frame(frame)),
        Change::Mutated { obj: o, ty } if zh => format!("{} 被就地修改", obj(ty, *o)),
        Change::Mutated { obj: o, ty } => format!("{} changed in place", obj(ty, *o)),
        Change::Freed { obj: o, ty } if zh => format!("{} 被释放", obj(ty, *o)),
        Change::Freed { obj: o, ty } => format!("{} freed", obj(ty, *o)),
        Change::Orphaned { obj: o, ty } if zh => {
            format!("{} 已无法访问，但被循环引用保活", obj(ty, *o))
        }
        Change::Orphaned { obj: o, ty } => {
            format!("{} is unreachable but kept alive by a cycle", obj(ty, *o))
        }
        Change::Printed(t) if zh => format!("输出：{t}"),
        Change::Printed(t) => format!("prints: {t}"),
    }
}

/// The caption of a step: the scenario's note for the line, then what
/// changed.
pub fn caption(lang: Lang, note: Option<Text>, changes: &[Change]) -> String {
    let sep = if lang.fixed() == Lang::Zh {
        "；"
    } else {
        "; "
    };
    let mut parts: Vec<String> = changes.iter().map(|c| change(lang, c)).collect();
    if parts.is_empty() {
        parts.push(match lang.fixed() {
            Lang::Zh => "没有名字或对象改变".to_string(),
            Lang::En => "no name or object changed".to_string(),
        });
    }
    let facts = parts.join(sep);
    match note {
        Some(n) => format!("{} {}", n.get(lang), facts),
        None => facts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::py::trace::Event;

    #[test]
    fn every_line_note_is_shown_at_some_step() {
        for id in ScenarioId::ALL {
            let code = id.scenario().code;
            let run = crate::py::run(code);
            let mut notes = 0;
            for line in 1..=code.lines().count() as u32 {
                if line_note(id, line).is_none() {
                    continue;
                }
                notes += 1;
                assert!(
                    run.steps.iter().any(
                        |s| s.line == line && matches!(s.event, Event::Line | Event::Caught(_))
                    ),
                    "{}: the note on line {line} is never shown",
                    id.slug()
                );
            }
            assert!(notes >= 3, "{}: a scenario explains itself", id.slug());
        }
    }

    #[test]
    fn errors_name_their_place() {
        let e = crate::py::run("x = 1\ny = (").error.expect("syntax error");
        assert_eq!(
            error(Lang::En, &e),
            "Line 2, column 5: SyntaxError: '(' was never closed"
        );
        assert!(error(Lang::Zh, &e).starts_with("第 2 行第 5 列：语法错误"));
    }
}
