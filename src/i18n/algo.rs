//! Strings of the sorting and searching visualizations: names, facts notes,
//! input errors, and the one-line caption of each step.
//!
//! Captions are built from the state after the step (values included), so
//! they read like a commentary: "a[3] > a[4]: 8 > 2, true".

use super::{Lang, Text};
use crate::algo::catalog::{AlgoId, Operand};
use crate::algo::input::{InputError, InputKind, MAX_VALUE, MIN_LEN, MIN_VALUE};
use crate::algo::query::QueryError;
use crate::algo::replay::{Role, State};
use crate::algo::search::hash;
use crate::algo::step::{Area, Op, Place, Value, MAX_LEN};

/// The algorithm's name.
pub fn title(algo: AlgoId) -> Text {
    match algo {
        AlgoId::BubbleSort => Text::new("冒泡排序", "Bubble sort"),
        AlgoId::SelectionSort => Text::new("选择排序", "Selection sort"),
        AlgoId::InsertionSort => Text::new("插入排序", "Insertion sort"),
        AlgoId::ShellSort => Text::new("希尔排序", "Shell sort"),
        AlgoId::QuickSort => Text::new("快速排序（列表版）", "Quick sort (with lists)"),
        AlgoId::QuickSortInplace => Text::new("快速排序（原地）", "Quick sort (in place)"),
        AlgoId::MergeSort => Text::new("归并排序", "Merge sort"),
        AlgoId::RadixSort => Text::new("基数排序", "Radix sort"),
        AlgoId::SequentialSearch => Text::new("顺序查找", "Sequential search"),
        AlgoId::BinarySearch => Text::new("二分查找", "Binary search"),
        AlgoId::HashSearch => Text::new("哈希查找", "Hash search"),
        AlgoId::BlockSearch => Text::new("分块查找", "Block search"),
    }
}

/// How to explain it "simply", in one sentence.
pub fn summary(algo: AlgoId) -> Text {
    match algo {
        AlgoId::BubbleSort => Text::new(
            "相邻两个比较，大的往后换；每一趟把最大的“冒”到末尾，一趟没交换就结束。",
            "Compare neighbours and swap the larger one back; each pass bubbles the largest to the end, and a pass with no swap ends it.",
        ),
        AlgoId::SelectionSort => Text::new(
            "每一趟在未排序部分找最小值，和未排序部分的第一个交换。",
            "Each pass finds the smallest unsorted value and swaps it to the front of the unsorted part.",
        ),
        AlgoId::InsertionSort => Text::new(
            "像理扑克牌：取出下一个数，把前面比它大的依次右移，再把它放进空位。",
            "Like sorting cards in hand: take the next value, shift larger ones right, drop it into the gap.",
        ),
        AlgoId::ShellSort => Text::new(
            "先对相隔 gap 的元素做插入排序，gap 逐步减半到 1；远处的逆序先被消掉。",
            "Insertion sort on elements gap apart, halving the gap down to 1; far-apart inversions go first.",
        ),
        AlgoId::QuickSort => Text::new(
            "选第一个数做基准，比它小的放 left，其余放 right，递归排好后拼起来。",
            "Take the first value as pivot, put smaller values in left and the rest in right, sort both recursively and join.",
        ),
        AlgoId::QuickSortInplace => Text::new(
            "Lomuto 划分：以最后一个数为基准，把小于它的换到前面，基准放到中间，再递归两边。",
            "Lomuto partition: the last value is the pivot, smaller values are swapped to the front, the pivot goes between, then recurse on both sides.",
        ),
        AlgoId::MergeSort => Text::new(
            "从中间分成两半，各自排好，再用 tmp 把两个有序段合并成一个。",
            "Split in half, sort each half, then merge the two sorted runs through tmp.",
        ),
        AlgoId::RadixSort => Text::new(
            "从个位开始按每一位数字放进 0–9 号桶再依次收回；负数最后单独翻转放到前面。",
            "Bucket by each digit from the ones up, collecting the buckets in order; negatives are reversed and put first at the end.",
        ),
        AlgoId::SequentialSearch => Text::new(
            "从头到尾一个个比较，找到就返回下标。",
            "Compare each value from the start; return the index on a match.",
        ),
        AlgoId::BinarySearch => Text::new(
            "在有序数组里每次和中间的数比较，排除一半。",
            "In a sorted array, compare with the middle value and discard half each time.",
        ),
        AlgoId::HashSearch => Text::new(
            "用 key % m 算出槽位直接去找；冲突时线性探测下一个槽。",
            "Compute the slot as key % m and look there; on a collision, probe the next slot.",
        ),
        AlgoId::BlockSearch => Text::new(
            "块间有序、块内无序：先在索引（每块最大值）里确定块，再在块内顺序查找。",
            "Blocks in order, values within a block in any order: find the block in the index of maxima, then scan that block.",
        ),
    }
}

pub const FACTS_TITLE: Text = Text::new("复杂度", "Complexity");
pub const BEST: Text = Text::new("最好", "Best");
pub const AVERAGE: Text = Text::new("平均", "Average");
pub const WORST: Text = Text::new("最坏", "Worst");
pub const SPACE: Text = Text::new("额外空间", "Extra space");
pub const STABLE: Text = Text::new("稳定", "Stable");
pub const YES: Text = Text::new("是", "Yes");
pub const NO: Text = Text::new("否", "No");
pub const RELATED_QUESTIONS: Text = Text::new("笔记里的相关问题", "Related questions in the notes");

/// A sentence under the facts table, where the numbers need one.
pub fn facts_note(algo: AlgoId) -> Option<Text> {
    match algo {
        AlgoId::BubbleSort => Some(Text::new(
            "最好 O(n) 靠 swapped 标志：已经有序时一趟就停。",
            "The O(n) best case needs the swapped flag: sorted input stops after one pass.",
        )),
        AlgoId::ShellSort => Some(Text::new(
            "复杂度取决于 gap 序列；这里是 n/2、n/4…1（希尔原始序列），最坏 O(n²)；Knuth 或 Ciura 序列更快。",
            "The cost depends on the gaps; these are Shell's n/2, n/4 … 1, worst O(n²); Knuth's or Ciura's gaps do better.",
        )),
        AlgoId::QuickSort => Some(Text::new(
            "列表版好写但不原地：每层新建列表，平均 O(n) 额外空间，最坏 O(n²)；每个数和基准比较两次（两个推导式）。它是稳定的。",
            "Easy to write, not in place: new lists at every level, O(n) extra space on average, O(n²) at worst; each value meets the pivot twice (two comprehensions). It is stable.",
        )),
        AlgoId::QuickSortInplace => Some(Text::new(
            "选 Lomuto 是因为最好写对；代价是大量重复值时退化为 O(n²)（试试“少量不同值”），Hoare 划分没有这个问题。空间是递归栈：平均 O(log n)，最坏 O(n)。",
            "Lomuto because it is the easiest to get right; the price is O(n²) on many equal values (try “few distinct values”), which Hoare's partition avoids. Space is the recursion: O(log n) on average, O(n) at worst.",
        )),
        AlgoId::RadixSort => Some(Text::new(
            "d 是最大绝对值的位数，r = 10 个桶。每趟必须稳定，低位的顺序才不会被打乱。",
            "d is the number of digits of the largest absolute value, r = 10 buckets. Each pass must be stable so the lower digits stay in order.",
        )),
        AlgoId::BinarySearch => Some(Text::new(
            "前提是数组有序：这里先把输入排好序。",
            "The array must be sorted: the input is sorted first.",
        )),
        AlgoId::HashSearch => Some(Text::new(
            "表长 m 取不小于 1.5n 的质数；最坏 O(n) 是所有值挤在一起时。计数包括建表时的探测。",
            "The table size m is the first prime at least 1.5n; the O(n) worst case is when every value lands in one cluster. Probes include those made while building.",
        )),
        AlgoId::BlockSearch => Some(Text::new(
            "块大小取 √n 时平均查找长度最小；索引也可以用二分查找，那样是 O(log n + √n)。",
            "Blocks of √n values minimise the average search length; a binary search over the index makes it O(log n + √n).",
        )),
        _ => None,
    }
}

/// The name of an input kind.
pub fn input_kind(kind: InputKind) -> Text {
    match kind {
        InputKind::Random => Text::new("随机", "Random"),
        InputKind::NearlySorted => Text::new("基本有序", "Nearly sorted"),
        InputKind::Reversed => Text::new("逆序", "Reversed"),
        InputKind::FewDistinct => Text::new("少量不同值", "Few distinct values"),
    }
}

pub const COMPARISONS: Text = Text::new("比较", "Comparisons");
pub const SWAPS: Text = Text::new("交换", "Swaps");
pub const WRITES: Text = Text::new("写入", "Writes");
pub const PROBES: Text = Text::new("探测", "Probes");

/// The legend entry of a role.
pub fn role(role: Role) -> Text {
    match role {
        Role::Normal => Text::new("未处理", "Waiting"),
        Role::Compared => Text::new("正在比较", "Compared"),
        Role::Swapped => Text::new("刚交换", "Swapped"),
        Role::Written => Text::new("刚写入", "Written"),
        Role::Pivot => Text::new("基准", "Pivot"),
        Role::Min => Text::new("当前最小", "Minimum so far"),
        Role::Mid => Text::new("正在查看", "Looking here"),
        Role::Held => Text::new("被取出的值", "Held value"),
        Role::Found => Text::new("找到", "Found"),
        Role::Sorted => Text::new("已就位", "In place"),
        Role::Outside => Text::new("不在当前范围", "Out of range"),
    }
}

/// Why a typed list was refused, for the message next to the field.
pub fn input_error(lang: Lang, e: &InputError) -> String {
    match (lang.fixed(), e) {
        (Lang::Zh, InputError::Empty) => {
            format!("请输入至少 {MIN_LEN} 个整数，用逗号或空格隔开。")
        }
        (Lang::En, InputError::Empty) => {
            format!("Enter at least {MIN_LEN} whole numbers, separated by commas or spaces.")
        }
        (Lang::Zh, InputError::NotANumber { position, token }) => {
            format!("第 {position} 项「{token}」不是整数。")
        }
        (Lang::En, InputError::NotANumber { position, token }) => {
            format!("Item {position} (“{token}”) is not a whole number.")
        }
        (Lang::Zh, InputError::OutOfRange { position, token }) => {
            format!("第 {position} 项 {token} 超出范围（{MIN_VALUE} 到 {MAX_VALUE}）。")
        }
        (Lang::En, InputError::OutOfRange { position, token }) => {
            format!("Item {position} ({token}) is out of range ({MIN_VALUE} to {MAX_VALUE}).")
        }
        (Lang::Zh, InputError::TooFew { count }) => {
            format!("只有 {count} 个数，至少需要 {MIN_LEN} 个。")
        }
        (Lang::En, InputError::TooFew { count }) => {
            format!("Only {count} numbers: at least {MIN_LEN} are needed.")
        }
        (Lang::Zh, InputError::TooMany { count }) => {
            format!("有 {count} 个数，最多 {MAX_LEN} 个。")
        }
        (Lang::En, InputError::TooMany { count }) => {
            format!("{count} numbers: at most {MAX_LEN} fit.")
        }
    }
}

/// Why a typed search key was refused.
pub fn key_error(lang: Lang, e: &InputError) -> String {
    match (lang.fixed(), e) {
        (Lang::Zh, InputError::Empty) => "请输入要查找的整数。".to_string(),
        (Lang::En, InputError::Empty) => "Enter the whole number to search for.".to_string(),
        (Lang::Zh, InputError::OutOfRange { token, .. }) => {
            format!("{token} 超出范围（{MIN_VALUE} 到 {MAX_VALUE}）。")
        }
        (Lang::En, InputError::OutOfRange { token, .. }) => {
            format!("{token} is out of range ({MIN_VALUE} to {MAX_VALUE}).")
        }
        (Lang::Zh, _) => "要查找的值必须是一个整数。".to_string(),
        (Lang::En, _) => "The key must be one whole number.".to_string(),
    }
}

/// Why a link's run could not be used (the view falls back to the default
/// run and shows this).
pub fn query_error(lang: Lang, e: &QueryError) -> String {
    let detail = match e {
        QueryError::Input(e) => input_error(lang, e),
        QueryError::Key(e) => key_error(lang, e),
        QueryError::Size(s) => match lang.fixed() {
            Lang::Zh => format!("n = {s} 无效：应在 {MIN_LEN} 到 {MAX_LEN} 之间。"),
            Lang::En => format!("n = {s} is not a size from {MIN_LEN} to {MAX_LEN}."),
        },
        QueryError::Seed(s) => match lang.fixed() {
            Lang::Zh => format!("seed = {s} 不是非负整数。"),
            Lang::En => format!("seed = {s} is not a non-negative whole number."),
        },
        QueryError::Kind(s) => match lang.fixed() {
            Lang::Zh => format!("kind = {s} 不是已知的输入类型。"),
            Lang::En => format!("kind = {s} is not a known kind of input."),
        },
        QueryError::Versus(s) => match lang.fixed() {
            Lang::Zh => format!("vs = {s} 不是已知的算法。"),
            Lang::En => format!("vs = {s} is not a known algorithm."),
        },
    };
    match lang.fixed() {
        Lang::Zh => format!("链接中的输入无效，已改用默认输入：{detail}"),
        Lang::En => format!("The link's input was not usable; showing the default run. {detail}"),
    }
}

// ---- The pages -------------------------------------------------------

pub const INDEX_TITLE: Text = Text::new("排序与查找", "Sorting and searching");
pub const INDEX_INTRO: Text = Text::new(
    "每个算法一步步播放，旁边是面试时会写的 Python 代码。选一个开始：",
    "Each algorithm step by step, beside the Python you would write in an interview. Pick one:",
);
pub const SORTS: Text = Text::new("排序", "Sorts");
pub const SEARCHES: Text = Text::new("查找", "Searches");
pub const AVERAGE_SHORT: Text = Text::new("平均", "avg");
pub const UNKNOWN_TITLE: Text = Text::new("没有这个算法", "No such algorithm");
pub const ALGO_PICKER: Text = Text::new("算法", "Algorithm");
pub const ALL_ALGOS: Text = Text::new("全部算法", "All algorithms");

/// The not-found message for `#/algo/<slug>`.
pub fn unknown_body(lang: Lang, slug: &str) -> String {
    match lang.fixed() {
        Lang::Zh => format!("“{slug}” 不是这里的算法。可以看这些："),
        Lang::En => format!("“{slug}” is not one of the algorithms here. Try one of these:"),
    }
}

pub const INPUT_TITLE: Text = Text::new("输入", "Input");
pub const INPUT_KIND: Text = Text::new("输入类型", "Kind of input");
pub const SIZE: Text = Text::new("个数 n", "Size n");
pub const SEED: Text = Text::new("种子", "Seed");
pub const REROLL: Text = Text::new("换一组", "Re-roll");
pub const REROLL_LABEL: Text = Text::new(
    "换一个随机种子，生成新的一组数",
    "New random seed, new values",
);
pub const CUSTOM: Text = Text::new("自己输入", "Your own list");
pub const LIST_LABEL: Text = Text::new("数列", "Values");
pub const LIST_HINT: Text = Text::new(
    "5–200 个整数，-999 到 999，用逗号或空格隔开",
    "5–200 whole numbers from -999 to 999, separated by commas or spaces",
);
pub const APPLY_LIST: Text = Text::new("使用这组数", "Use this list");
pub const KEY_LABEL: Text = Text::new("查找 key", "Search key");
pub const APPLY_KEY: Text = Text::new("查找", "Search");
pub const SEARCH_ARRANGED_SORTED: Text = Text::new(
    "二分查找要求有序：下面是排好序的输入。",
    "Binary search needs order: the input is shown sorted.",
);
pub const SEARCH_ARRANGED_BLOCKS: Text = Text::new(
    "分块查找要求块间有序：输入已按块排列（块内顺序打乱）。",
    "Block search needs ordered blocks: the input is arranged so (shuffled inside each block).",
);

pub const RACE: Text = Text::new("对比", "Race");
pub const RACE_LABEL: Text = Text::new("同时运行另一个算法", "Run another algorithm alongside");
pub const RACE_NONE: Text = Text::new("不对比", "No race");
pub const RACE_RUNNING: Text = Text::new("运行中", "Running");

/// "Done in 340 steps", for a racer that finished.
pub fn race_done(lang: Lang, steps: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("完成：{steps} 步"),
        Lang::En => format!("Done in {steps} steps"),
    }
}

pub const CODE_TITLE: Text = Text::new("Python 代码", "Python code");
pub const COUNTERS_TITLE: Text = Text::new("计数", "Counts");
pub const LEGEND_TITLE: Text = Text::new("图例", "Legend");
pub const CAPTION_LABEL: Text = Text::new("当前步骤", "Current step");
pub const AUX_TMP: Text = Text::new("tmp（辅助数组）", "tmp (auxiliary array)");
pub const BUCKETS: Text = Text::new("桶", "Buckets");
pub const TABLE: Text = Text::new("哈希表", "Hash table");
pub const INDEX: Text = Text::new("索引（每块最大值）", "Index (block maxima)");
pub const EMPTY_SLOT: Text = Text::new("空", "empty");

/// The text alternative of the array drawing.
pub fn array_label(lang: Lang, values: &[Value]) -> String {
    let list: Vec<String> = values.iter().map(|v| v.to_string()).collect();
    match lang.fixed() {
        Lang::Zh => format!("数组 a（{} 个数）：{}", values.len(), list.join("，")),
        Lang::En => format!("Array a ({} values): {}", values.len(), list.join(", ")),
    }
}

/// `a[lo:hi]` as Python slices it.
fn slice(lo: u16, hi: u16) -> String {
    format!("a[{lo}:{hi}]")
}

/// The name the code gives a place.
fn place_name(algo: AlgoId, p: Place) -> String {
    let (left, right) = if algo == AlgoId::RadixSort {
        ("neg", "pos")
    } else {
        ("left", "right")
    };
    match p {
        Place::Main(i) => format!("a[{i}]"),
        Place::Aux(_) => "tmp".to_string(),
        Place::Left(k) => format!("{left}[{k}]"),
        Place::Right(k) => format!("{right}[{k}]"),
        Place::Bucket(d, k) => format!("buckets[{d}][{k}]"),
        Place::Table(h) => format!("table[{h}]"),
        Place::Index(b) => format!("index[{b}]"),
    }
}

/// The name the code gives the held value.
fn key_name(algo: AlgoId, s: &State) -> &'static str {
    match algo {
        AlgoId::ShellSort => "tmp",
        AlgoId::HashSearch if is_building(s) => "x",
        _ => "key",
    }
}

/// Hash search is still building its table (no search key given yet).
fn is_building(s: &State) -> bool {
    !matches!(s.last.map(|l| l.line), Some(l) if l >= hash::line::KEY)
}

fn opt(v: Option<Value>) -> String {
    v.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// The digit's name for radix sort's `exp`.
fn digit_name(lang: Lang, exp: u16) -> String {
    let names: [(&str, &str); 5] = [
        ("个位", "ones"),
        ("十位", "tens"),
        ("百位", "hundreds"),
        ("千位", "thousands"),
        ("万位", "ten-thousands"),
    ];
    match (lang.fixed(), names.get(nearest_power_of_ten(exp))) {
        (Lang::Zh, Some((zh, _))) => zh.to_string(),
        (Lang::En, Some((_, en))) => en.to_string(),
        (_, None) => format!("exp = {exp}"),
    }
}

/// `log10(x)` rounded to the nearest integer (`x` taken as at least 1), in
/// integers: `k` such that `10^(k - ½) ≤ x < 10^(k + ½)`.
fn nearest_power_of_ten(x: u16) -> usize {
    let x = u64::from(x.max(1));
    let mut k = 0;
    // 10^(2k + 1) ≤ x² is x ≥ 10^(k + ½).
    while 10u64.pow(2 * k + 1) <= x * x {
        k += 1;
    }
    k as usize
}

/// The one-line caption of the step that led to `s` (the state after it).
pub fn caption(lang: Lang, algo: AlgoId, s: &State) -> String {
    let zh = lang.fixed() == Lang::Zh;
    let Some(step) = s.last else {
        return if zh {
            "按 ▶ 播放，或按 → 单步前进。".to_string()
        } else {
            "Press ▶ to play, or → to step.".to_string()
        };
    };
    let val = |p: Place| opt(s.value(p));
    let a = |i: u16| opt(s.value(Place::Main(i)));
    match step.op {
        Op::Compare(..) | Op::CompareKey(_) => {
            let Some(c) = algo.comparison(&step) else {
                return String::new();
            };
            let side = |o: Operand| match o {
                Operand::At(p) => (place_name(algo, p), s.value(p)),
                Operand::Key => (key_name(algo, s).to_string(), s.key),
            };
            let ((ln, lv), (rn, rv)) = (side(c.lhs), side(c.rhs));
            let op = c.op.symbol();
            let verdict = match (lv, rv) {
                (Some(l), Some(r)) if c.op.holds(l, r) => Text::new("成立", "true"),
                _ => Text::new("不成立", "false"),
            };
            let (lv, rv) = (opt(lv), opt(rv));
            if zh {
                format!("比较 {ln} {op} {rn}：{lv} {op} {rv}，{}", verdict.get(lang))
            } else {
                format!(
                    "Compare {ln} {op} {rn}: {lv} {op} {rv} is {}",
                    verdict.get(lang)
                )
            }
        }
        Op::Swap(i, j) if i == j => {
            if zh {
                format!("交换 a[{i}] 和它自己（i == j，代码照样执行）")
            } else {
                format!("Swap a[{i}] with itself (i == j; the code swaps anyway)")
            }
        }
        Op::Swap(i, j) => {
            // After the swap, a[j] holds what a[i] held.
            if zh {
                format!("交换 a[{i}] 和 a[{j}]：{} ↔ {}", a(j), a(i))
            } else {
                format!("Swap a[{i}] and a[{j}]: {} ↔ {}", a(j), a(i))
            }
        }
        Op::Write { to, value } => write_caption(lang, algo, s, to, value),
        Op::Hold(i) => {
            let k = key_name(algo, s);
            if zh {
                format!("取出 {k} = a[{i}] = {}", opt(s.key))
            } else {
                format!("Take {k} = a[{i}] = {}", opt(s.key))
            }
        }
        Op::Key(v) => {
            if zh {
                format!("要查找的 key = {v}")
            } else {
                format!("Search for key = {v}")
            }
        }
        Op::SetPivot(i) => {
            if zh {
                format!("基准 pivot = a[{i}] = {}", a(i))
            } else {
                format!("Pivot = a[{i}] = {}", a(i))
            }
        }
        Op::SetMin(i) => {
            if zh {
                format!("目前最小的是 a[{i}] = {}", a(i))
            } else {
                format!("Smallest so far: a[{i}] = {}", a(i))
            }
        }
        Op::MarkSorted(lo, hi) if hi == lo + 1 => {
            if zh {
                format!("a[{lo}] = {} 已在最终位置", a(lo))
            } else {
                format!("a[{lo}] = {} is in its final place", a(lo))
            }
        }
        Op::MarkSorted(lo, hi) => {
            let sl = slice(lo, hi);
            if zh {
                format!("{sl} 已全部就位")
            } else {
                format!("{sl} is in its final order")
            }
        }
        Op::Range(lo, hi) => range_caption(lang, algo, lo, hi),
        Op::Split { lo, mid, hi } => {
            let (l, r) = (slice(lo, mid), slice(mid, hi));
            if zh {
                format!("mid = {mid}：分成 {l} 和 {r}")
            } else {
                format!("mid = {mid}: split into {l} and {r}")
            }
        }
        Op::Merge { lo, mid, hi } => {
            let (l, r) = (slice(lo, mid), slice(mid, hi));
            if zh {
                format!("合并两个有序段 {l} 和 {r}")
            } else {
                format!("Merge the sorted runs {l} and {r}")
            }
        }
        Op::Gap(g) => {
            if zh {
                format!("gap = {g}：对相隔 {g} 的元素做插入排序")
            } else {
                format!("gap = {g}: insertion sort on elements {g} apart")
            }
        }
        Op::Pass(exp) => {
            let d = digit_name(lang, exp);
            if zh {
                format!("exp = {exp}：按{d}分桶")
            } else {
                format!("exp = {exp}: bucket by the {d} digit")
            }
        }
        Op::Clear(area) => match (lang.fixed(), area) {
            (Lang::Zh, Area::Aux) => "tmp = []：准备合并".to_string(),
            (Lang::En, Area::Aux) => "tmp = []: ready to merge".to_string(),
            (Lang::Zh, Area::Lists) => "新建空的 left 和 right".to_string(),
            (Lang::En, Area::Lists) => "New empty left and right lists".to_string(),
            (Lang::Zh, Area::Buckets) => "准备 10 个空桶（0–9）".to_string(),
            (Lang::En, Area::Buckets) => "Ten empty buckets (0–9)".to_string(),
        },
        Op::NewTable(m) => {
            if zh {
                format!("新建 {m} 个槽的空表（m = {m}，质数）")
            } else {
                format!("An empty table of {m} slots (m = {m}, a prime)")
            }
        }
        Op::Probe(h) => probe_caption(lang, algo, s, step.line, h),
        Op::Blocks(size) => {
            let blocks = s.main.len().div_ceil(usize::from(size.max(1)));
            if zh {
                format!("每块 {size} 个数（≈√n），共 {blocks} 块；索引记下每块的最大值")
            } else {
                format!(
                    "{blocks} blocks of {size} values (≈√n); the index keeps each block's maximum"
                )
            }
        }
        Op::Block(b) => {
            let (lo, hi) = s.block_span(b).unwrap_or((0, 0));
            let sl = slice(lo, hi);
            if zh {
                format!("key 只可能在第 {b} 块 {sl} 里：在块内顺序查找")
            } else {
                format!("The key can only be in block {b}, {sl}: scan it")
            }
        }
        Op::Window { lo, end } if end <= lo => {
            let hi = i32::from(end) - 1;
            if zh {
                format!("lo = {lo} > hi = {hi}：范围空了")
            } else {
                format!("lo = {lo} > hi = {hi}: nothing left to search")
            }
        }
        Op::Window { lo, end } => {
            let hi = end - 1;
            if zh {
                format!("查找范围 lo = {lo}, hi = {hi}")
            } else {
                format!("Search a[{lo}..={hi}]: lo = {lo}, hi = {hi}")
            }
        }
        Op::Mid(m) => {
            if zh {
                format!("mid = (lo + hi) // 2 = {m}，a[{m}] = {}", a(m))
            } else {
                format!("mid = (lo + hi) // 2 = {m}, a[{m}] = {}", a(m))
            }
        }
        Op::Found(p) => {
            let name = place_name(algo, p);
            if zh {
                format!("找到了：{name} = {}，返回 {}", val(p), place_index(p))
            } else {
                format!("Found: {name} = {}, return {}", val(p), place_index(p))
            }
        }
        Op::NotFound => {
            if zh {
                format!("没有 {}，返回 -1", opt(s.key))
            } else {
                format!("{} is not there: return -1", opt(s.key))
            }
        }
    }
}

fn place_index(p: Place) -> u16 {
    match p {
        Place::Main(i) | Place::Aux(i) | Place::Table(i) | Place::Index(i) => i,
        Place::Left(k) | Place::Right(k) | Place::Bucket(_, k) => k,
    }
}

fn range_caption(lang: Lang, algo: AlgoId, lo: u16, hi: u16) -> String {
    let zh = lang.fixed() == Lang::Zh;
    let sl = slice(lo, hi);
    match algo {
        AlgoId::BubbleSort => {
            if zh {
                format!("新一趟：在 {sl} 中把最大的冒到末尾")
            } else {
                format!("New pass: bubble the largest of {sl} to its end")
            }
        }
        AlgoId::SelectionSort => {
            if zh {
                format!("新一趟：在 {sl} 中找最小值")
            } else {
                format!("New pass: find the smallest of {sl}")
            }
        }
        AlgoId::InsertionSort => {
            if zh {
                format!(
                    "把 a[{}] 插入到前面已排好的部分（{sl}）",
                    hi.saturating_sub(1)
                )
            } else {
                format!(
                    "Insert a[{}] into the sorted prefix ({sl})",
                    hi.saturating_sub(1)
                )
            }
        }
        _ if hi <= lo => {
            if zh {
                format!("递归调用：{sl} 是空的，直接返回")
            } else {
                format!("Recursive call: {sl} is empty, return")
            }
        }
        _ if hi == lo + 1 => {
            if zh {
                format!("递归调用：{sl} 只有一个数，已经有序")
            } else {
                format!("Recursive call: {sl} has one value, already sorted")
            }
        }
        _ => {
            if zh {
                format!("递归调用：排序 {sl}")
            } else {
                format!("Recursive call: sort {sl}")
            }
        }
    }
}

fn write_caption(lang: Lang, algo: AlgoId, s: &State, to: Place, v: Value) -> String {
    let zh = lang.fixed() == Lang::Zh;
    let name = place_name(algo, to);
    match to {
        Place::Aux(_) => {
            if zh {
                format!("放进 tmp：tmp.append({v})")
            } else {
                format!("tmp.append({v})")
            }
        }
        Place::Left(_) | Place::Right(_) if algo == AlgoId::QuickSort => {
            let (list, cmp) = match to {
                Place::Left(_) => ("left", "<"),
                _ => ("right", ">="),
            };
            let pivot = opt(s.pivot.and_then(|p| s.value(Place::Main(p))));
            if zh {
                format!("{v} {cmp} pivot {pivot}：放进 {list}")
            } else {
                format!("{v} {cmp} pivot {pivot}: into {list}")
            }
        }
        Place::Left(_) => {
            if zh {
                format!("{v} 是负数：放进 neg")
            } else {
                format!("{v} is negative: into neg")
            }
        }
        Place::Right(_) => {
            if zh {
                format!("{v} 不是负数：放进 pos")
            } else {
                format!("{v} is not negative: into pos")
            }
        }
        Place::Bucket(d, _) => {
            let exp = s.exp.unwrap_or(1);
            let digit = digit_name(lang, exp);
            if zh {
                format!("{v} 的{digit}是 {d}：放进 {d} 号桶")
            } else {
                format!("{v}: {digit} digit {d}, into bucket {d}")
            }
        }
        Place::Table(h) => {
            if zh {
                format!("存进槽 {h}：table[{h}] = {v}")
            } else {
                format!("Store in slot {h}: table[{h}] = {v}")
            }
        }
        Place::Index(b) => {
            if zh {
                format!("index[{b}] = {v}：第 {b} 块的最大值")
            } else {
                format!("index[{b}] = {v}: the maximum of block {b}")
            }
        }
        Place::Main(i) => match algo {
            AlgoId::InsertionSort | AlgoId::ShellSort if s.key == Some(v) && !is_shift(algo, s) => {
                let k = key_name(algo, s);
                if zh {
                    format!("把 {k} = {v} 放进空位 a[{i}]")
                } else {
                    format!("Drop {k} = {v} into the gap at a[{i}]")
                }
            }
            AlgoId::InsertionSort | AlgoId::ShellSort => {
                if zh {
                    format!("{v} 比 {} 大：右移到 a[{i}]", key_name(algo, s))
                } else {
                    format!(
                        "{v} is larger than {}: shift it right to a[{i}]",
                        key_name(algo, s)
                    )
                }
            }
            AlgoId::MergeSort => {
                if zh {
                    format!("拷回：a[{i}] = {v}")
                } else {
                    format!("Copy back: a[{i}] = {v}")
                }
            }
            AlgoId::RadixSort => {
                if zh {
                    format!("按桶的顺序收回：a[{i}] = {v}")
                } else {
                    format!("Collect in bucket order: a[{i}] = {v}")
                }
            }
            AlgoId::QuickSort => {
                if zh {
                    format!("拼接 left + [pivot] + right：a[{i}] = {v}")
                } else {
                    format!("Join left + [pivot] + right: a[{i}] = {v}")
                }
            }
            _ => format!("{name} = {v}"),
        },
    }
}

/// Insertion and shell sort: the write just made was a shift (its line is
/// the shift line), not the drop of the key.
fn is_shift(algo: AlgoId, s: &State) -> bool {
    use crate::algo::sort::{insertion, shell};
    let shift = match algo {
        AlgoId::ShellSort => shell::line::SHIFT,
        _ => insertion::line::SHIFT,
    };
    s.last.map(|l| l.line) == Some(shift)
}

fn probe_caption(lang: Lang, algo: AlgoId, s: &State, line: u8, h: u16) -> String {
    let zh = lang.fixed() == Lang::Zh;
    let m = s.table.len();
    let k = opt(s.key);
    let name = key_name(algo, s);
    let prev = (usize::from(h) + m.saturating_sub(1)) % m.max(1);
    match line {
        hash::line::HASH | hash::line::HASH_KEY => {
            if zh {
                format!("计算哈希：h = {name} % m = {k} % {m} = {h}")
            } else {
                format!("Hash: h = {name} % m = {k} % {m} = {h}")
            }
        }
        hash::line::COLLIDE => {
            if zh {
                format!("冲突：槽 {prev} 已被占用，线性探测下一个槽 {h}")
            } else {
                format!("Collision: slot {prev} is taken, probe the next slot, {h}")
            }
        }
        _ => {
            if zh {
                format!("table[{prev}] 不是 key，探测下一个槽 {h}")
            } else {
                format!("table[{prev}] is not the key: probe the next slot, {h}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::algo::input::{generate, parse_list};
    use crate::algo::Trace;

    #[test]
    fn digit_names_follow_the_nearest_power_of_ten() {
        for x in 0..=u16::MAX {
            let float = (x.max(1) as f64).log10().round() as usize;
            assert_eq!(nearest_power_of_ten(x), float, "{x}");
        }
        assert_eq!(digit_name(Lang::En, 100), "hundreds");
        assert_eq!(digit_name(Lang::Zh, 1), "个位");
    }

    fn captions(algo: AlgoId, input: &[Value], key: Value, lang: Lang) -> Vec<String> {
        let run = algo.run(input, key);
        let Trace { steps, .. } = &run.trace;
        let mut s = State::start(&run.start);
        let mut out = vec![caption(lang, algo, &s)];
        for st in steps {
            s.apply(st);
            out.push(caption(lang, algo, &s));
        }
        out
    }

    #[test]
    fn every_step_has_a_caption_in_both_languages() {
        for algo in AlgoId::ALL {
            for kind in InputKind::ALL {
                let input = generate(kind, 9, 3);
                for lang in [Lang::Zh, Lang::En] {
                    for c in captions(algo, &input, input[4], lang) {
                        assert!(!c.is_empty(), "{}", algo.slug());
                        assert!(
                            !c.contains("—"),
                            "{}: a value is missing in {c:?}",
                            algo.slug()
                        );
                        if lang.fixed() == Lang::En {
                            assert!(
                                !c.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)),
                                "{c}"
                            );
                        }
                    }
                }
                assert!(!title(algo).zh.is_empty() && !summary(algo).en.is_empty());
            }
        }
    }

    #[test]
    fn golden_captions() {
        let c = captions(AlgoId::BubbleSort, &[3, 1, 2], 0, Lang::En);
        assert_eq!(c[0], "Press ▶ to play, or → to step.");
        assert_eq!(c[1], "New pass: bubble the largest of a[0:3] to its end");
        assert_eq!(c[2], "Compare a[0] > a[1]: 3 > 1 is true");
        assert_eq!(c[3], "Swap a[0] and a[1]: 3 ↔ 1");
        let c = captions(AlgoId::BubbleSort, &[3, 1, 2], 0, Lang::Zh);
        assert_eq!(c[2], "比较 a[0] > a[1]：3 > 1，成立");

        let c = captions(AlgoId::InsertionSort, &[3, 1, 2], 0, Lang::En);
        assert_eq!(c[2], "Take key = a[1] = 1");
        assert_eq!(c[3], "Compare a[0] > key: 3 > 1 is true");
        assert_eq!(c[4], "3 is larger than key: shift it right to a[1]");
        assert_eq!(c[5], "Drop key = 1 into the gap at a[0]");

        // Hash: 8 → slot 1, 15 collides at 1 and goes to 2; m = 7.
        let c = captions(AlgoId::HashSearch, &[8, 15, 1, 2, 3], 15, Lang::En);
        assert_eq!(c[3], "Hash: h = x % m = 8 % 7 = 1");
        assert_eq!(c[7], "Collision: slot 1 is taken, probe the next slot, 2");

        let c = captions(AlgoId::BinarySearch, &[1, 3, 5, 7, 9], 0, Lang::Zh);
        assert_eq!(c.last().map(String::as_str), Some("没有 0，返回 -1"));
        assert_eq!(c[c.len() - 2], "lo = 0 > hi = -1：范围空了");

        let c = captions(AlgoId::RadixSort, &[12, -5, 3, 40, 7], 0, Lang::En);
        assert_eq!(c[1], "exp = 1: bucket by the ones digit");
        assert_eq!(c[3], "12: ones digit 2, into bucket 2");
    }

    #[test]
    fn error_messages_name_the_problem() {
        let e = parse_list("5, 3, x, 1, 2").err();
        let msg = e.as_ref().map(|e| input_error(Lang::Zh, e));
        assert_eq!(msg.as_deref(), Some("第 3 项「x」不是整数。"));
        let e = parse_list("1 2 3").err();
        let msg = e.as_ref().map(|e| input_error(Lang::En, e));
        assert_eq!(
            msg.as_deref(),
            Some("Only 3 numbers: at least 5 are needed.")
        );
        let msg = query_error(Lang::En, &QueryError::Size("500".into()));
        assert!(msg.contains("n = 500"), "{msg}");
    }
}
