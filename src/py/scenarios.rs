//! The built-in scenarios: a program each, the note questions it explains,
//! and whether its diagram shows reference counts. Their titles and line
//! notes (zh/en) are in `i18n::py`.

/// A scenario's stable id; its slug is the URL (`#/py/<slug>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScenarioId {
    Copies,
    Arguments,
    DefaultArg,
    PlusEquals,
    IsVsEq,
    Closures,
    Generator,
    RefCount,
}

pub struct Scenario {
    pub code: &'static str,
    /// The note questions this scenario explains.
    pub notes: &'static [crate::notes::data::QuestionLink],
    /// Draw each object's reference count.
    pub show_refs: bool,
}

impl ScenarioId {
    pub const ALL: [ScenarioId; 8] = [
        ScenarioId::Copies,
        ScenarioId::Arguments,
        ScenarioId::DefaultArg,
        ScenarioId::PlusEquals,
        ScenarioId::IsVsEq,
        ScenarioId::Closures,
        ScenarioId::Generator,
        ScenarioId::RefCount,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ScenarioId::Copies => "copies",
            ScenarioId::Arguments => "arguments",
            ScenarioId::DefaultArg => "default-argument",
            ScenarioId::PlusEquals => "plus-equals",
            ScenarioId::IsVsEq => "is-vs-eq",
            ScenarioId::Closures => "closures",
            ScenarioId::Generator => "generator",
            ScenarioId::RefCount => "refcount",
        }
    }

    pub fn from_slug(s: &str) -> Option<ScenarioId> {
        ScenarioId::ALL.into_iter().find(|id| id.slug() == s)
    }

    pub fn scenario(self) -> Scenario {
        match self {
            ScenarioId::Copies => Scenario {
                code: COPIES,
                notes: &[note::COPIES, note::MUTABLE],
                show_refs: false,
            },
            ScenarioId::Arguments => Scenario {
                code: ARGUMENTS,
                notes: &[note::ARGUMENTS],
                show_refs: false,
            },
            ScenarioId::DefaultArg => Scenario {
                code: DEFAULT_ARG,
                notes: &[note::ARGUMENTS, note::MUTABLE],
                show_refs: false,
            },
            ScenarioId::PlusEquals => Scenario {
                code: PLUS_EQUALS,
                notes: &[note::MUTABLE, note::LIST_VS_TUPLE],
                show_refs: false,
            },
            ScenarioId::IsVsEq => Scenario {
                code: IS_VS_EQ,
                notes: &[note::IS_VS_EQ],
                show_refs: false,
            },
            ScenarioId::Closures => Scenario {
                code: CLOSURES,
                notes: &[note::CLOSURE, note::LAMBDA, note::SCOPE],
                show_refs: false,
            },
            ScenarioId::Generator => Scenario {
                code: GENERATOR,
                notes: &[note::GENERATOR],
                show_refs: false,
            },
            ScenarioId::RefCount => Scenario {
                code: REFCOUNT,
                notes: &[note::GC],
                show_refs: true,
            },
        }
    }
}

const COPIES: &str = "import copy
a = [[1, 2], [3, 4]]
b = a
c = copy.copy(a)
d = copy.deepcopy(a)
a[0].append(5)
a.append([6])
print(b)
print(c)
print(d)
";

const ARGUMENTS: &str = "def mutate(items):
    items.append(4)

def rebind(items):
    items = [0]
    items.append(4)

nums = [1, 2, 3]
mutate(nums)
rebind(nums)
print(nums)
";

const DEFAULT_ARG: &str = "def add(item, box=[]):
    box.append(item)
    return box

first = add(1)
second = add(2)
print(first is second, second)

def add_fixed(item, box=None):
    if box is None:
        box = []
    box.append(item)
    return box

third = add_fixed(1)
fourth = add_fixed(2)
print(third, fourth)
";

const PLUS_EQUALS: &str = "a = [1]
b = a
a += [2]
print(a is b, b)
a = a + [3]
print(a is b, b)
t = (1, 2)
u = t
t += (3,)
print(t is u, u)
pair = ([1], 2)
try:
    pair[0] += [9]
except TypeError:
    print('TypeError, yet', pair)
";

const IS_VS_EQ: &str = "a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b)
print(a == c, a is c)
x = 256
y = 256
print(x is y)
m = 1000
n = int('1000')
print(m == n, m is n)
s = None
print(s is None)
";

const CLOSURES: &str = "def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

tick = make_counter()
tick()
print(tick())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
gs = [lambda i=i: i for i in range(3)]
print([g() for g in gs])
";

const GENERATOR: &str = "def countdown(n):
    while n > 0:
        yield n
        n -= 1

g = countdown(3)
first = next(g)
second = next(g)
rest = list(g)
print(first, second, rest)
";

const REFCOUNT: &str = "import gc
import sys
a = [1, 2]
b = a
print(sys.getrefcount(a))
del a
b = None
x = []
y = [x]
x.append(y)
del x, y
gc.collect()
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::py::run;

    #[test]
    fn every_scenario_runs_to_the_end_with_its_output() {
        let expected = [
            (
                ScenarioId::Copies,
                "[[1, 2, 5], [3, 4], [6]]\n[[1, 2, 5], [3, 4]]\n[[1, 2], [3, 4]]\n",
            ),
            (ScenarioId::Arguments, "[1, 2, 3, 4]\n"),
            (ScenarioId::DefaultArg, "True [1, 2]\n[1] [2]\n"),
            (
                ScenarioId::PlusEquals,
                "True [1, 2]\nFalse [1, 2]\nFalse (1, 2)\nTypeError, yet ([1, 9], 2)\n",
            ),
            (
                ScenarioId::IsVsEq,
                "True False\nTrue True\nTrue\nTrue False\nTrue\n",
            ),
            (ScenarioId::Closures, "2\n[2, 2, 2]\n[0, 1, 2]\n"),
            (ScenarioId::Generator, "3 2 [1]\n"),
            (ScenarioId::RefCount, "3\n"),
        ];
        for (id, out) in expected {
            let r = run(id.scenario().code);
            assert_eq!(r.error, None, "{}", id.slug());
            assert_eq!(r.output, out, "{}", id.slug());
        }
    }

    #[test]
    fn slugs_round_trip() {
        for id in ScenarioId::ALL {
            assert_eq!(ScenarioId::from_slug(id.slug()), Some(id));
        }
        assert_eq!(ScenarioId::from_slug("nope"), None);
    }
}

/// The questions the scenarios explain, by their headings in
/// `content/01-python-basics.md`, found while compiling
/// (`notes::data::find`; a heading the notes lack fails the build). Giving
/// a heading an explicit id would change its hash id (and lose the
/// learners' flashcard progress), so the links find a question by its
/// heading.
pub mod note {
    use crate::notes::data::{find, QuestionLink};

    pub const COPIES: QuestionLink = find("深拷贝和浅拷贝的区别");
    pub const MUTABLE: QuestionLink = find("常见的数据类型哪些是可变的，哪些是不可变的，为什么？");
    pub const LIST_VS_TUPLE: QuestionLink = find("列表和元组的区别与联系");
    pub const IS_VS_EQ: QuestionLink = find("== 和 is 的区别");
    pub const ARGUMENTS: QuestionLink = find("Python 函数如何传参？");
    pub const SCOPE: QuestionLink = find("Python 中的作用域");
    pub const CLOSURE: QuestionLink = find("什么是闭包？");
    pub const LAMBDA: QuestionLink = find("lambda 函数是什么，有什么好处？");
    pub const GENERATOR: QuestionLink = find("迭代器、生成器和可迭代对象");
    pub const GC: QuestionLink = find("Python 的垃圾回收和内存管理机制，有哪些调优手段？");
}

#[cfg(test)]
mod note_link_tests {
    use super::*;

    /// (A heading the notes lack fails the build.)
    #[test]
    fn every_scenario_links_to_the_notes() {
        for id in ScenarioId::ALL {
            assert!(!id.scenario().notes.is_empty(), "{id:?} names no question");
        }
        assert_eq!(note::CLOSURE.topic_slug, "python-basics");
    }
}
