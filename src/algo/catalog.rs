//! The algorithms by name: public ids (they are URLs), code, facts, the note
//! questions they answer, and one entry point to run any of them.

use crate::algo::search::{self, SearchKind};
use crate::algo::sort;
use crate::algo::step::{clip, Op, Place, Step, Trace, Value};
use crate::notes::data::{find, QuestionLink};

/// Every algorithm the notes name. The ids ([`AlgoId::slug`]) are public
/// URLs (`#/algo/<id>`): keep them stable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AlgoId {
    BubbleSort,
    SelectionSort,
    InsertionSort,
    ShellSort,
    QuickSort,
    QuickSortInplace,
    MergeSort,
    RadixSort,
    SequentialSearch,
    BinarySearch,
    HashSearch,
    BlockSearch,
}

/// Sorts and searches draw and count differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Sort,
    Search(SearchKind),
}

/// Complexity and stability, as an interviewer asks for them. Strings are
/// the same in both languages; notes that need words are in
/// [`crate::i18n::algo::facts_note`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Facts {
    pub best: &'static str,
    pub average: &'static str,
    pub worst: &'static str,
    /// Extra space beyond the input.
    pub space: &'static str,
    /// `None` for searches, where stability means nothing.
    pub stable: Option<bool>,
}

impl AlgoId {
    /// Sorts first, in the order the notes teach them, then searches.
    pub const ALL: [AlgoId; 12] = [
        AlgoId::BubbleSort,
        AlgoId::SelectionSort,
        AlgoId::InsertionSort,
        AlgoId::ShellSort,
        AlgoId::QuickSort,
        AlgoId::QuickSortInplace,
        AlgoId::MergeSort,
        AlgoId::RadixSort,
        AlgoId::SequentialSearch,
        AlgoId::BinarySearch,
        AlgoId::HashSearch,
        AlgoId::BlockSearch,
    ];

    /// The public id, as in `#/algo/quick-sort`.
    pub fn slug(self) -> &'static str {
        match self {
            AlgoId::BubbleSort => "bubble-sort",
            AlgoId::SelectionSort => "selection-sort",
            AlgoId::InsertionSort => "insertion-sort",
            AlgoId::ShellSort => "shell-sort",
            AlgoId::QuickSort => "quick-sort",
            AlgoId::QuickSortInplace => "quick-sort-inplace",
            AlgoId::MergeSort => "merge-sort",
            AlgoId::RadixSort => "radix-sort",
            AlgoId::SequentialSearch => "sequential-search",
            AlgoId::BinarySearch => "binary-search",
            AlgoId::HashSearch => "hash-search",
            AlgoId::BlockSearch => "block-search",
        }
    }

    pub fn from_slug(s: &str) -> Option<AlgoId> {
        AlgoId::ALL.into_iter().find(|a| a.slug() == s)
    }

    pub fn family(self) -> Family {
        match self {
            AlgoId::SequentialSearch | AlgoId::HashSearch => Family::Search(SearchKind::AsIs),
            AlgoId::BinarySearch => Family::Search(SearchKind::Sorted),
            AlgoId::BlockSearch => Family::Search(SearchKind::Blocked),
            _ => Family::Sort,
        }
    }

    pub fn is_search(self) -> bool {
        matches!(self.family(), Family::Search(_))
    }

    /// Two algorithms can race when they do the same job (two sorts, or two
    /// searches for the same key).
    pub fn can_race(self, other: AlgoId) -> bool {
        self != other && self.is_search() == other.is_search()
    }

    /// The Python shown beside the animation; steps point at its lines
    /// (1-based).
    pub fn code(self) -> &'static str {
        match self {
            AlgoId::BubbleSort => sort::bubble::CODE,
            AlgoId::SelectionSort => sort::selection::CODE,
            AlgoId::InsertionSort => sort::insertion::CODE,
            AlgoId::ShellSort => sort::shell::CODE,
            AlgoId::QuickSort => sort::quick::CODE,
            AlgoId::QuickSortInplace => sort::quick_inplace::CODE,
            AlgoId::MergeSort => sort::merge::CODE,
            AlgoId::RadixSort => sort::radix::CODE,
            AlgoId::SequentialSearch => search::sequential::CODE,
            AlgoId::BinarySearch => search::binary::CODE,
            AlgoId::HashSearch => search::hash::CODE,
            AlgoId::BlockSearch => search::block::CODE,
        }
    }

    pub fn facts(self) -> Facts {
        let f = |best, average, worst, space, stable| Facts {
            best,
            average,
            worst,
            space,
            stable,
        };
        match self {
            AlgoId::BubbleSort => f("O(n)", "O(n²)", "O(n²)", "O(1)", Some(true)),
            AlgoId::SelectionSort => f("O(n²)", "O(n²)", "O(n²)", "O(1)", Some(false)),
            AlgoId::InsertionSort => f("O(n)", "O(n²)", "O(n²)", "O(1)", Some(true)),
            AlgoId::ShellSort => f("O(n log n)", "≈O(n^1.3)", "O(n²)", "O(1)", Some(false)),
            // The list version keeps equal values in order (they all go
            // right, after the pivot that preceded them): stable, unlike the
            // in-place one. Its lists cost O(n) on average, O(n²) in the
            // worst case (a chain of n calls each holding its `right`).
            AlgoId::QuickSort => f("O(n log n)", "O(n log n)", "O(n²)", "O(n)", Some(true)),
            AlgoId::QuickSortInplace => {
                f("O(n log n)", "O(n log n)", "O(n²)", "O(log n)", Some(false))
            }
            AlgoId::MergeSort => f("O(n log n)", "O(n log n)", "O(n log n)", "O(n)", Some(true)),
            AlgoId::RadixSort => f(
                "O(d·(n+r))",
                "O(d·(n+r))",
                "O(d·(n+r))",
                "O(n+r)",
                Some(true),
            ),
            AlgoId::SequentialSearch => f("O(1)", "O(n)", "O(n)", "O(1)", None),
            AlgoId::BinarySearch => f("O(1)", "O(log n)", "O(log n)", "O(1)", None),
            AlgoId::HashSearch => f("O(1)", "O(1)", "O(n)", "O(n)", None),
            AlgoId::BlockSearch => f("O(1)", "O(√n)", "O(√n)", "O(√n)", None),
        }
    }

    /// The note questions this algorithm answers, found while compiling
    /// (`notes::data::find`; both quick sorts answer the one quick-sort
    /// question).
    pub fn questions(self) -> &'static [QuestionLink] {
        match self {
            AlgoId::BubbleSort => const { &[find("bubble-sort")] },
            AlgoId::SelectionSort => const { &[find("selection-sort")] },
            AlgoId::InsertionSort => const { &[find("insertion-sort")] },
            AlgoId::ShellSort => const { &[find("shell-sort")] },
            AlgoId::QuickSort | AlgoId::QuickSortInplace => const { &[find("quick-sort")] },
            AlgoId::MergeSort => const { &[find("merge-sort")] },
            AlgoId::RadixSort => const { &[find("radix-sort")] },
            AlgoId::SequentialSearch => const { &[find("sequential-search")] },
            AlgoId::BinarySearch => const { &[find("binary-search")] },
            AlgoId::HashSearch => const { &[find("hash-search")] },
            AlgoId::BlockSearch => const { &[find("block-search")] },
        }
    }

    /// The array the run starts from: the input (cut to `MAX_LEN`), arranged
    /// as a search needs it.
    pub fn arrange(self, input: &[Value]) -> Vec<Value> {
        match self.family() {
            Family::Sort => clip(input).to_vec(),
            Family::Search(kind) => search::arrange(kind, input),
        }
    }

    /// Runs the algorithm on an array already arranged by
    /// [`AlgoId::arrange`]. `key` is ignored by the sorts.
    pub fn trace(self, start: &[Value], key: Value) -> Trace {
        match self {
            AlgoId::BubbleSort => sort::bubble_sort(start),
            AlgoId::SelectionSort => sort::selection_sort(start),
            AlgoId::InsertionSort => sort::insertion_sort(start),
            AlgoId::ShellSort => sort::shell_sort(start),
            AlgoId::QuickSort => sort::quick_sort(start),
            AlgoId::QuickSortInplace => sort::quick_sort_lomuto(start),
            AlgoId::MergeSort => sort::merge_sort(start),
            AlgoId::RadixSort => sort::radix_sort(start),
            AlgoId::SequentialSearch => search::sequential_search(start, key),
            AlgoId::BinarySearch => search::binary_search(start, key),
            AlgoId::HashSearch => search::hash_search(start, key),
            AlgoId::BlockSearch => search::block_search(start, key),
        }
    }

    /// Arranges the input and runs the algorithm: what a view plays.
    pub fn run(self, input: &[Value], key: Value) -> Run {
        let start = self.arrange(input);
        let trace = self.trace(&start, key);
        Run {
            algo: self,
            key: self.is_search().then_some(key),
            start,
            trace,
        }
    }
}

/// One side of a comparison the code makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    At(Place),
    /// The held value or the search key.
    Key,
}

/// The comparison operators the Python uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::Eq => "==",
        }
    }

    pub fn holds(self, l: Value, r: Value) -> bool {
        match self {
            CmpOp::Lt => l < r,
            CmpOp::Le => l <= r,
            CmpOp::Gt => l > r,
            CmpOp::Ge => l >= r,
            CmpOp::Eq => l == r,
        }
    }
}

/// A comparison step as the code writes it: `a[j] > a[j + 1]`,
/// `a[mid] < key`, `key <= index[b]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub lhs: Operand,
    pub op: CmpOp,
    pub rhs: Operand,
}

impl AlgoId {
    /// The expression a `Compare`/`CompareKey` step evaluates, so a caption
    /// can show it with its values and its result. `None` for other steps.
    pub fn comparison(self, step: &Step) -> Option<Comparison> {
        use AlgoId as A;
        use CmpOp::*;
        let c = |lhs, op, rhs| Some(Comparison { lhs, op, rhs });
        match step.op {
            Op::Compare(i, j) => {
                let (l, r) = (Operand::At(Place::Main(i)), Operand::At(Place::Main(j)));
                match self {
                    A::BubbleSort => c(l, Gt, r),
                    A::MergeSort => c(l, Le, r),
                    A::QuickSort if step.line == sort::quick::line::RIGHT => c(l, Ge, r),
                    A::SelectionSort | A::QuickSort | A::QuickSortInplace => c(l, Lt, r),
                    _ => None,
                }
            }
            Op::CompareKey(p) => {
                let at = Operand::At(p);
                match self {
                    A::InsertionSort | A::ShellSort => c(at, Gt, Operand::Key),
                    A::BinarySearch if step.line == search::binary::line::LESS => {
                        c(at, Lt, Operand::Key)
                    }
                    A::BlockSearch if matches!(p, Place::Index(_)) => c(Operand::Key, Le, at),
                    A::SequentialSearch | A::BinarySearch | A::HashSearch | A::BlockSearch => {
                        c(at, Eq, Operand::Key)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

/// One run, ready to play: the start array and the trace over it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub algo: AlgoId,
    pub start: Vec<Value>,
    /// The search key (`None` for sorts).
    pub key: Option<Value>,
    pub trace: Trace,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::step::Op;

    #[test]
    fn slugs_round_trip_and_are_kebab_case() {
        for a in AlgoId::ALL {
            assert_eq!(AlgoId::from_slug(a.slug()), Some(a));
            assert!(a.slug().chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
        assert_eq!(
            AlgoId::from_slug("quick-sort-inplace"),
            Some(AlgoId::QuickSortInplace)
        );
        assert_eq!(AlgoId::from_slug("bogo-sort"), None);
    }

    #[test]
    fn every_step_points_at_a_line_of_the_code() {
        for a in AlgoId::ALL {
            let lines = a.code().lines().count();
            let run = a.run(&[5, 3, 8, 1, 9, 2, 7, 3, -4], 3);
            for s in &run.trace.steps {
                assert!(
                    (1..=lines).contains(&usize::from(s.line)),
                    "{}: line {} of {lines}",
                    a.slug(),
                    s.line
                );
                let text = a.code().lines().nth(usize::from(s.line) - 1).unwrap_or("");
                assert!(
                    !text.trim().is_empty(),
                    "{}: line {} is blank",
                    a.slug(),
                    s.line
                );
            }
        }
    }

    /// The line numbers in each `line` module are hand-kept: check that each
    /// points at the code it claims to.
    #[test]
    fn line_constants_match_the_code() {
        fn at(code: &str, line: u8) -> &str {
            code.lines().nth(usize::from(line) - 1).unwrap_or("").trim()
        }
        use crate::algo::search::{binary, block, hash, sequential};
        use crate::algo::sort::{
            bubble, insertion, merge, quick, quick_inplace, radix, selection, shell,
        };
        let checks: &[(&str, u8, &str)] = &[
            (bubble::CODE, bubble::line::PASS, "for i in range(n - 1):"),
            (bubble::CODE, bubble::line::COMPARE, "if a[j] > a[j + 1]:"),
            (
                bubble::CODE,
                bubble::line::SWAP,
                "a[j], a[j + 1] = a[j + 1], a[j]",
            ),
            (bubble::CODE, bubble::line::PASS_DONE, "if not swapped:"),
            (bubble::CODE, bubble::line::BREAK, "break"),
            (bubble::CODE, bubble::line::RETURN, "return a"),
            (
                selection::CODE,
                selection::line::PASS,
                "for i in range(n - 1):",
            ),
            (selection::CODE, selection::line::START_MIN, "m = i"),
            (selection::CODE, selection::line::COMPARE, "if a[j] < a[m]:"),
            (selection::CODE, selection::line::NEW_MIN, "m = j"),
            (
                selection::CODE,
                selection::line::SWAP,
                "a[i], a[m] = a[m], a[i]",
            ),
            (selection::CODE, selection::line::RETURN, "return a"),
            (
                insertion::CODE,
                insertion::line::PASS,
                "for i in range(1, len(a)):",
            ),
            (insertion::CODE, insertion::line::HOLD, "key = a[i]"),
            (
                insertion::CODE,
                insertion::line::COMPARE,
                "while j >= 0 and a[j] > key:",
            ),
            (insertion::CODE, insertion::line::SHIFT, "a[j + 1] = a[j]"),
            (insertion::CODE, insertion::line::DROP, "a[j + 1] = key"),
            (insertion::CODE, insertion::line::RETURN, "return a"),
            (shell::CODE, shell::line::FIRST_GAP, "gap = len(a) // 2"),
            (shell::CODE, shell::line::HOLD, "tmp = a[i]"),
            (
                shell::CODE,
                shell::line::COMPARE,
                "while j >= gap and a[j - gap] > tmp:",
            ),
            (shell::CODE, shell::line::SHIFT, "a[j] = a[j - gap]"),
            (shell::CODE, shell::line::DROP, "a[j] = tmp"),
            (shell::CODE, shell::line::NEXT_GAP, "gap //= 2"),
            (shell::CODE, shell::line::RETURN, "return a"),
            (quick::CODE, quick::line::CALL, "def quick_sort(a):"),
            (quick::CODE, quick::line::BASE, "return a"),
            (quick::CODE, quick::line::PIVOT, "pivot = a[0]"),
            (
                quick::CODE,
                quick::line::LEFT,
                "left = [x for x in a[1:] if x < pivot]",
            ),
            (
                quick::CODE,
                quick::line::RIGHT,
                "right = [x for x in a[1:] if x >= pivot]",
            ),
            (
                quick::CODE,
                quick::line::CONCAT,
                "return quick_sort(left) + [pivot] + quick_sort(right)",
            ),
            (
                quick_inplace::CODE,
                quick_inplace::line::CALL,
                "def quick_sort(a, lo, hi):",
            ),
            (quick_inplace::CODE, quick_inplace::line::BASE, "return"),
            (
                quick_inplace::CODE,
                quick_inplace::line::PIVOT,
                "pivot = a[hi]",
            ),
            (
                quick_inplace::CODE,
                quick_inplace::line::COMPARE,
                "if a[j] < pivot:",
            ),
            (
                quick_inplace::CODE,
                quick_inplace::line::SWAP,
                "a[i], a[j] = a[j], a[i]",
            ),
            (
                quick_inplace::CODE,
                quick_inplace::line::PLACE_PIVOT,
                "a[i], a[hi] = a[hi], a[i]",
            ),
            (
                quick_inplace::CODE,
                quick_inplace::line::RETURN_P,
                "return i",
            ),
            (merge::CODE, merge::line::CALL, "def merge_sort(a, lo, hi):"),
            (merge::CODE, merge::line::SPLIT, "mid = (lo + hi) // 2"),
            (merge::CODE, merge::line::NEW_TMP, "tmp = []"),
            (merge::CODE, merge::line::MERGE, "i, j = lo, mid"),
            (merge::CODE, merge::line::COMPARE, "if a[i] <= a[j]:"),
            (
                merge::CODE,
                merge::line::TAKE_LEFT,
                "tmp.append(a[i]); i += 1",
            ),
            (
                merge::CODE,
                merge::line::TAKE_RIGHT,
                "tmp.append(a[j]); j += 1",
            ),
            (merge::CODE, merge::line::REST, "tmp += a[i:mid] + a[j:hi]"),
            (merge::CODE, merge::line::COPY_BACK, "a[lo:hi] = tmp"),
            (radix::CODE, radix::line::PASS, "while m // exp > 0:"),
            (
                radix::CODE,
                radix::line::NEW_BUCKETS,
                "buckets = [[] for _ in range(10)]",
            ),
            (
                radix::CODE,
                radix::line::TO_BUCKET,
                "buckets[abs(x) // exp % 10].append(x)",
            ),
            (
                radix::CODE,
                radix::line::COLLECT,
                "a = [x for b in buckets for x in b]",
            ),
            (
                radix::CODE,
                radix::line::NEG,
                "neg = [x for x in a if x < 0]",
            ),
            (
                radix::CODE,
                radix::line::POS,
                "pos = [x for x in a if x >= 0]",
            ),
            (radix::CODE, radix::line::JOIN, "return neg[::-1] + pos"),
            (
                sequential::CODE,
                sequential::line::KEY,
                "def sequential_search(a, key):",
            ),
            (
                sequential::CODE,
                sequential::line::COMPARE,
                "if a[i] == key:",
            ),
            (sequential::CODE, sequential::line::FOUND, "return i"),
            (sequential::CODE, sequential::line::NOT_FOUND, "return -1"),
            (
                binary::CODE,
                binary::line::KEY,
                "def binary_search(a, key):",
            ),
            (binary::CODE, binary::line::WINDOW, "lo, hi = 0, len(a) - 1"),
            (binary::CODE, binary::line::MID, "mid = (lo + hi) // 2"),
            (binary::CODE, binary::line::EQUAL, "if a[mid] == key:"),
            (binary::CODE, binary::line::FOUND, "return mid"),
            (binary::CODE, binary::line::LESS, "elif a[mid] < key:"),
            (binary::CODE, binary::line::GO_RIGHT, "lo = mid + 1"),
            (binary::CODE, binary::line::GO_LEFT, "hi = mid - 1"),
            (binary::CODE, binary::line::NOT_FOUND, "return -1"),
            (hash::CODE, hash::line::NEW_TABLE, "table = [None] * m"),
            (hash::CODE, hash::line::HOLD, "for x in a:"),
            (hash::CODE, hash::line::HASH, "h = x % m"),
            (hash::CODE, hash::line::COLLIDE, "h = (h + 1) % m"),
            (hash::CODE, hash::line::STORE, "table[h] = x"),
            (hash::CODE, hash::line::KEY, "def hash_search(table, key):"),
            (hash::CODE, hash::line::HASH_KEY, "h = key % m"),
            (hash::CODE, hash::line::COMPARE, "if table[h] == key:"),
            (hash::CODE, hash::line::FOUND, "return h"),
            (hash::CODE, hash::line::NEXT, "h = (h + 1) % m"),
            (hash::CODE, hash::line::NOT_FOUND, "return -1"),
            (block::CODE, block::line::SIZE, "def build_index(a, size):"),
            (
                block::CODE,
                block::line::INDEX,
                "return [max(a[i:i + size]) for i in range(0, len(a), size)]",
            ),
            (
                block::CODE,
                block::line::KEY,
                "def block_search(a, index, size, key):",
            ),
            (
                block::CODE,
                block::line::COMPARE_INDEX,
                "if key <= index[b]:",
            ),
            (block::CODE, block::line::BLOCK, "start = b * size"),
            (block::CODE, block::line::COMPARE, "if a[i] == key:"),
            (block::CODE, block::line::FOUND, "return i"),
            (block::CODE, block::line::NOT_IN_BLOCK, "return -1"),
            (block::CODE, block::line::ABOVE_ALL, "return -1"),
        ];
        for &(code, line, text) in checks {
            assert_eq!(at(code, line), text, "line {line}");
        }
        // ABOVE_ALL is the outer `return -1`, NOT_IN_BLOCK the inner one.
        const { assert!(block::line::ABOVE_ALL > block::line::NOT_IN_BLOCK) };
    }

    #[test]
    fn searches_run_on_arranged_arrays() {
        let run = AlgoId::BinarySearch.run(&[9, 1, 5, 3, 7], 7);
        assert_eq!(run.start, vec![1, 3, 5, 7, 9]);
        assert_eq!(run.key, Some(7));
        assert_eq!(run.trace.steps[0].op, Op::Key(7));
        let run = AlgoId::BubbleSort.run(&[9, 1, 5, 3, 7], 7);
        assert_eq!(run.key, None);
        assert_eq!(run.start, vec![9, 1, 5, 3, 7]);
    }

    /// The operator table agrees with what each algorithm does next: a
    /// true comparison is followed by the branch the Python takes on true.
    #[test]
    fn comparisons_agree_with_the_branch_taken() {
        use crate::algo::input::{generate, InputKind};
        use crate::algo::replay::State;
        use crate::algo::search::binary;
        use crate::algo::sort::{insertion, merge, quick_inplace, shell};
        let then = |a: AlgoId, s: &Step, next: Option<&Step>| -> bool {
            let next_op = next.map(|n| n.op);
            let next_line = next.map(|n| n.line);
            match a {
                AlgoId::BubbleSort => matches!(next_op, Some(Op::Swap(..))),
                AlgoId::QuickSortInplace => next_line == Some(quick_inplace::line::SWAP),
                AlgoId::SelectionSort => matches!(next_op, Some(Op::SetMin(_))),
                AlgoId::QuickSort => {
                    matches!(next_op, Some(Op::Write { .. })) && next_line == Some(s.line)
                }
                AlgoId::MergeSort => next_line == Some(merge::line::TAKE_LEFT),
                AlgoId::InsertionSort => next_line == Some(insertion::line::SHIFT),
                AlgoId::ShellSort => next_line == Some(shell::line::SHIFT),
                AlgoId::BinarySearch if s.line == binary::line::LESS => {
                    next_line == Some(binary::line::GO_RIGHT)
                }
                AlgoId::BlockSearch if matches!(s.op, Op::CompareKey(Place::Index(_))) => {
                    matches!(next_op, Some(Op::Block(_)))
                }
                _ => matches!(next_op, Some(Op::Found(_))),
            }
        };
        for a in AlgoId::ALL {
            for seed in 0..20 {
                for kind in InputKind::ALL {
                    let input = generate(kind, 12, seed);
                    let run = a.run(&input, input[seed as usize % 12]);
                    let steps = &run.trace.steps;
                    let mut state = State::start(&run.start);
                    for (k, s) in steps.iter().enumerate() {
                        state.apply(s);
                        if !matches!(s.op, Op::Compare(..) | Op::CompareKey(_)) {
                            continue;
                        }
                        let Some(cmp) = a.comparison(s) else {
                            panic!("{}: no comparison for {s:?}", a.slug());
                        };
                        let val = |o: Operand| match o {
                            Operand::At(p) => state.value(p),
                            Operand::Key => state.key,
                        };
                        let (Some(l), Some(r)) = (val(cmp.lhs), val(cmp.rhs)) else {
                            panic!("{}: operands of {s:?} hold no value", a.slug());
                        };
                        assert_eq!(
                            cmp.op.holds(l, r),
                            then(a, s, steps.get(k + 1)),
                            "{} step {k} {s:?}: {l} {} {r}",
                            a.slug(),
                            cmp.op.symbol()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn races_pair_like_with_like() {
        assert!(AlgoId::BubbleSort.can_race(AlgoId::QuickSort));
        assert!(AlgoId::BinarySearch.can_race(AlgoId::SequentialSearch));
        assert!(!AlgoId::BubbleSort.can_race(AlgoId::BinarySearch));
        assert!(!AlgoId::BubbleSort.can_race(AlgoId::BubbleSort));
    }
}
