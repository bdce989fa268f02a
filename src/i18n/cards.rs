//! Strings of the flashcards: review screen, statistics, settings, import
//! and export, the home page's panel.

use super::{Lang, Text};
use crate::cards::log::{Problem, ProblemKind};
use crate::cards::schedule::{DueIn, Phase};
use crate::cards::time::{Date, DAY_MS, MINUTE_MS};
use crate::cards::transfer::{ImportError, MAX_IMPORT_BYTES};
use crate::cards::Grade;

pub const REVIEW_TITLE: Text = Text::new("复习", "Review");
pub const STATS_TITLE: Text = Text::new("学习统计", "Statistics");
pub const STATS_SHORT: Text = Text::new("统计", "Stats");
pub const SETTINGS_TITLE: Text = Text::new("设置", "Settings");
pub const SETTINGS_LINK: Text = Text::new("设置与备份", "Settings and backup");

// Counts.
pub const COUNT_NEW: Text = Text::new("新卡片", "New");
pub const COUNT_LEARNING: Text = Text::new("学习中", "Learning");
pub const COUNT_REVIEW: Text = Text::new("待复习", "Due");
pub const COUNTS_LABEL: Text = Text::new("今天剩余", "Left today");

// The card.
pub const SHOW_ANSWER: Text = Text::new("显示答案", "Show answer");
pub const OPEN_IN_NOTES: Text = Text::new("在笔记中查看", "Open in the notes");
pub const GRADES_LABEL: Text = Text::new("你记得多少？", "How well did you recall it?");
pub const UNDO: Text = Text::new("撤销", "Undo");
pub const UNDO_HINT: Text = Text::new("撤销上一次评分（z）", "Undo the last grade (z)");
pub const SUSPEND: Text = Text::new("暂停这张卡片", "Suspend card");
pub const UNSUSPEND: Text = Text::new("恢复", "Unsuspend");
pub const FLAG: Text = Text::new("标记有误", "Flag as wrong");
pub const UNFLAG: Text = Text::new("取消标记", "Unflag");
pub const FLAGGED: Text = Text::new("已标记有误", "Flagged as wrong");
pub const TOPIC_FILTER: Text = Text::new("主题", "Topic");
pub const ALL_TOPICS: Text = Text::new("全部主题", "All topics");
pub const CARD_LOST: Text = Text::new(
    "这张卡片的问题已不在笔记中。",
    "This card's question is no longer in the notes.",
);
pub const EARLY: Text = Text::new("提前复习", "Ahead of schedule");

// Nothing due.
pub const ALL_DONE: Text = Text::new("今天的复习都完成了！", "All done for today!");
pub const NOTHING_IN_TOPIC: Text = Text::new(
    "这个主题现在没有要复习的卡片。",
    "Nothing to review in this topic right now.",
);
pub const NOTHING_EVER: Text = Text::new(
    "没有可复习的卡片：笔记里还没有带答案的问题。",
    "No cards: the notes have no answered questions yet.",
);
pub const STUDY_MORE_NEW: Text = Text::new("再学 10 张新卡片", "Study 10 more new cards");
pub const REVIEW_AHEAD: Text = Text::new("提前复习", "Review ahead");
pub const BACK_HOME: Text = Text::new("回到首页", "Back home");
pub const SEE_STATS: Text = Text::new("查看统计", "See statistics");

// Home panel.
pub const HOME_PANEL_TITLE: Text = Text::new("今天的复习", "Today's review");
pub const START_REVIEW: Text = Text::new("开始复习", "Start review");
pub const HOME_NOTHING_DUE: Text = Text::new("今天没有要复习的卡片。", "Nothing due today.");
pub const INTERVIEW_TITLE: Text = Text::new("面试倒计时", "Interview countdown");
pub const INTERVIEW_TODAY: Text = Text::new(
    "今天就是面试日，祝你顺利！",
    "The interview is today. Good luck!",
);
pub const NOT_LEARNED: Text = Text::new("还没学的卡片", "Cards not yet learned");
pub const PREDICTED_RECALL: Text = Text::new("预计面试当天能回忆", "Predicted recall on the day");
pub const EXTRA_REVIEWS: Text = Text::new("为面试加排的复习", "Extra reviews before the interview");
pub const EXPORT_NUDGE: Text = Text::new(
    "浏览器可能会清除长期未访问网站的数据（Safari 7 天）。建议导出一份进度备份。",
    "Browsers may clear data of sites not visited for a while (Safari: 7 days). Export a backup of your progress.",
);
pub const EXPORT_NOW: Text = Text::new("去导出", "Export now");

// Stats.
pub const STATES_TITLE: Text = Text::new("卡片状态", "Cards by state");
pub const SUSPENDED: Text = Text::new("已暂停", "Suspended");
pub const RELEARNING: Text = Text::new("重新学习", "Relearning");
pub const REVIEWING: Text = Text::new("复习中", "Review");
pub const FORECAST_TITLE: Text = Text::new("未来 30 天的复习量", "Reviews due in the next 30 days");
pub const HEATMAP_TITLE: Text = Text::new("过去一年的复习", "Reviews over the past year");
pub const RETENTION_TITLE: Text =
    Text::new("最近 30 天的真实记忆率", "True retention, last 30 days");
pub const RETENTION_NONE: Text = Text::new(
    "最近 30 天还没有到期复习。",
    "No review of a graduated card in the last 30 days yet.",
);
pub const TOPICS_TITLE: Text = Text::new("各主题进度", "Progress per topic");
pub const FLAGGED_TITLE: Text = Text::new("标记有误的卡片", "Cards flagged as wrong");
pub const FLAGGED_NONE: Text = Text::new("没有标记的卡片。", "No flagged cards.");
pub const SUSPENDED_TITLE: Text = Text::new("已暂停的卡片", "Suspended cards");
pub const SUSPENDED_NONE: Text = Text::new("没有暂停的卡片。", "No suspended cards.");
pub const TODAY: Text = Text::new("今天", "Today");
pub const LESS: Text = Text::new("少", "Less");
pub const MORE: Text = Text::new("多", "More");

// Settings.
pub const SCHEDULING_TITLE: Text = Text::new("复习安排", "Scheduling");
pub const RETENTION_SETTING: Text = Text::new("目标记忆率", "Desired retention");
pub const RETENTION_HELP: Text = Text::new(
    "复习时希望还记得的概率。越高复习越频繁（0.70–0.97）。",
    "The chance of recall FSRS aims for at each review. Higher means more reviews (0.70–0.97).",
);
pub const NEW_LIMIT: Text = Text::new("每天新卡片上限", "New cards per day");
pub const REVIEW_LIMIT: Text = Text::new("每天复习上限", "Reviews per day");
pub const INTERVIEW_SETTING: Text = Text::new("面试日期", "Interview date");
pub const INTERVIEW_HELP: Text = Text::new(
    "设置后，新卡片会在面试前 4 天学完；面试当天可能记不住的卡片会在最后几天加排一次复习。",
    "When set, every card is learned 4 days before; cards you might not recall on the day get one more review in the last days.",
);
pub const CLEAR_DATE: Text = Text::new("清除日期", "Clear date");
pub const TARGET_SETTING: Text = Text::new("面试当天的目标记忆率", "Recall target on the day");
pub const INVALID_NUMBER: Text =
    Text::new("请输入范围内的数字。", "Enter a number within the range.");
pub const SAVED: Text = Text::new("已保存", "Saved");

pub const DATA_TITLE: Text = Text::new("进度备份", "Backup of your progress");
pub const EXPORT: Text = Text::new("导出进度", "Export progress");
pub const IMPORT: Text = Text::new("导入进度…", "Import progress…");
pub const IMPORT_CONFIRM: Text = Text::new("合并导入", "Merge it in");
pub const CANCEL: Text = Text::new("取消", "Cancel");
pub const NEVER_EXPORTED: Text = Text::new("还没有导出过。", "Never exported.");
pub const PERSISTED: Text = Text::new(
    "浏览器已同意长期保存这里的数据。",
    "The browser agreed to keep this site's data.",
);
pub const NOT_PERSISTED: Text = Text::new(
    "浏览器没有承诺长期保存数据：请定期导出备份。",
    "The browser has not promised to keep this data: export a backup now and then.",
);
pub const MEMORY_ONLY: Text = Text::new(
    "这里不能保存数据：本次的进度只在内存中，请在离开前导出。",
    "Storage is not available: progress lives in memory for this visit. Export it before you leave.",
);
pub const EXPORT_BLOCKED: Text = Text::new(
    "这个嵌入页在沙箱里，浏览器不让它下载文件，所以这次没有导出。请复制下面的导出内容，保存成 .json 文件，或在完整版的设置里粘贴导入。",
    "This embed runs in a sandbox where the browser allows no download, so nothing was exported. Copy the export below and save it as a .json file, or paste it into Import in the full app's settings.",
);
pub const EXPORT_COPY: Text = Text::new("复制到剪贴板", "Copy to the clipboard");
pub const EXPORT_OPEN_FULL: Text =
    Text::new("在新标签页打开完整版 ↗", "Open the full app in a new tab ↗");
pub const EXPORT_COPIED: Text = Text::new(
    "已复制。请粘贴到文件或完整版的导入框里保存。",
    "Copied. Paste it into a file, or into Import in the full app, to keep it.",
);
pub const EXPORT_COPY_REFUSED: Text = Text::new(
    "浏览器不允许这里使用剪贴板：请在下面的文本框里全选并手动复制。",
    "The browser refuses the clipboard here: select all in the box below and copy it by hand.",
);
pub const EXPORT_TEXT_LABEL: Text = Text::new("导出内容", "The export");
pub const IMPORT_PASTE: Text = Text::new("粘贴导出内容…", "Paste an export…");
pub const IMPORT_PASTE_READ: Text = Text::new("读取", "Read it");
pub const BACKUPS_TITLE: Text = Text::new("自动备份", "Automatic backups");
pub const BACKUPS_HELP: Text = Text::new(
    "导入前的进度和无法读取的数据都保存在这里。",
    "Progress before each import, and data that could not be read, are kept here.",
);
pub const NO_BACKUPS: Text = Text::new("没有备份。", "No backups.");
pub const RESTORE: Text = Text::new("恢复", "Restore");
pub const UNREADABLE_BACKUP: Text = Text::new(
    "这个备份里没有可读的进度。",
    "This backup holds no readable progress.",
);

/// A backup restored: how much it held, and how much of it was damaged.
pub fn restored(lang: Lang, cards: usize, reviews: usize, dropped: usize) -> String {
    let mut s = match lang.fixed() {
        Lang::Zh => format!("恢复了 {cards} 张卡片的 {reviews} 次复习。恢复前的进度已自动备份。"),
        Lang::En => format!(
            "Restored {reviews} reviews of {cards} cards. Your progress before the restore is backed up."
        ),
    };
    if dropped > 0 {
        s.push(' ');
        s.push_str(&import_dropped(lang, dropped));
    }
    s
}

/// Parts of a file or backup that could not be read and were left out.
pub fn import_dropped(lang: Lang, dropped: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("其中有 {dropped} 处损坏或重复，无法完整读取；能读的部分都已保留。"),
        Lang::En => format!(
            "{dropped} damaged or repeated parts could not be read whole; everything readable is kept."
        ),
    }
}

/// A grade button's name.
pub fn grade(lang: Lang, grade: Grade) -> &'static str {
    let t = match grade {
        Grade::Again => Text::new("重来", "Again"),
        Grade::Hard => Text::new("困难", "Hard"),
        Grade::Good => Text::new("良好", "Good"),
        Grade::Easy => Text::new("简单", "Easy"),
    };
    t.get(lang)
}

/// A card phase's name.
pub fn phase(lang: Lang, phase: Phase) -> &'static str {
    let t = match phase {
        Phase::New => COUNT_NEW,
        Phase::Learning => COUNT_LEARNING,
        Phase::Review => REVIEWING,
        Phase::Relearning => RELEARNING,
    };
    t.get(lang)
}

/// "10分钟", "3天", "2.5个月", "1.2年" — what a grade button shows.
pub fn due_in(lang: Lang, due: DueIn) -> String {
    let one_decimal = |x: f64| {
        let s = format!("{x:.1}");
        s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
    };
    match (due, lang.fixed()) {
        (DueIn::Minutes(m), Lang::Zh) if m < 60 => format!("{m}分钟"),
        (DueIn::Minutes(m), Lang::En) if m < 60 => format!("{m} min"),
        (DueIn::Minutes(m), Lang::Zh) if m < 1440 => {
            format!("{}小时", one_decimal(f64::from(m) / 60.0))
        }
        (DueIn::Minutes(m), Lang::En) if m < 1440 => {
            format!("{} h", one_decimal(f64::from(m) / 60.0))
        }
        (DueIn::Minutes(m), _) => self::due_in(lang, DueIn::Days(m / 1440)),
        (DueIn::Days(d), Lang::Zh) if d < 30 => format!("{d}天"),
        (DueIn::Days(1), Lang::En) => "1 day".to_owned(),
        (DueIn::Days(d), Lang::En) if d < 30 => format!("{d} days"),
        (DueIn::Days(d), Lang::Zh) if d < 365 => {
            format!("{}个月", one_decimal(f64::from(d) / 30.0))
        }
        (DueIn::Days(d), Lang::En) if d < 365 => {
            format!("{} mo", one_decimal(f64::from(d) / 30.0))
        }
        (DueIn::Days(d), Lang::Zh) => format!("{}年", one_decimal(f64::from(d) / 365.0)),
        (DueIn::Days(d), Lang::En) => format!("{} yr", one_decimal(f64::from(d) / 365.0)),
    }
}

/// A local date and time: `2026-11-23 09:05`.
pub fn local_time(ms: i64, utc_offset_min: i32) -> String {
    let local = ms + i64::from(utc_offset_min) * MINUTE_MS;
    let date = Date::from_days(local.div_euclid(DAY_MS));
    let minutes = local.rem_euclid(DAY_MS) / MINUTE_MS;
    format!("{date} {:02}:{:02}", minutes / 60, minutes % 60)
}

/// When the next card is due: in minutes when close, else today / tomorrow
/// at a time, else a date and time.
pub fn next_due(lang: Lang, now_ms: i64, due_ms: i64, utc_offset_min: i32) -> String {
    let minutes = (due_ms - now_ms + MINUTE_MS - 1) / MINUTE_MS;
    let local_day = |ms: i64| (ms + i64::from(utc_offset_min) * MINUTE_MS).div_euclid(DAY_MS);
    let full = local_time(due_ms, utc_offset_min);
    let clock = full.split(' ').nth(1).unwrap_or_default().to_owned();
    let when = match (local_day(due_ms) - local_day(now_ms), lang) {
        (0, Lang::Zh) => format!("今天 {clock}"),
        (0, Lang::En) => format!("today at {clock}"),
        (1, Lang::Zh) => format!("明天 {clock}"),
        (1, Lang::En) => format!("tomorrow at {clock}"),
        (_, Lang::Zh) => full,
        (_, Lang::En) => format!("on {full}"),
    };
    match lang.fixed() {
        Lang::Zh if minutes < 60 => format!("下一张卡片 {} 分钟后到期。", minutes.max(1)),
        Lang::En if minutes < 60 => format!("The next card is due in {} min.", minutes.max(1)),
        Lang::Zh => format!("下一张卡片到期时间：{when}。"),
        Lang::En => format!("The next card is due {when}."),
    }
}

/// "3 reviews", "已复习 3 次" etc. for counts with a unit.
pub fn cards_count(lang: Lang, n: u32) -> String {
    match lang.fixed() {
        Lang::Zh => format!("{n} 张"),
        Lang::En if n == 1 => "1 card".to_owned(),
        Lang::En => format!("{n} cards"),
    }
}

/// The reviews count for a heatmap cell or a bar.
pub fn reviews_on(lang: Lang, date: Date, n: u32) -> String {
    match lang.fixed() {
        Lang::Zh => format!("{date}：{n} 次复习"),
        Lang::En => format!("{date}: {n} reviews"),
    }
}

/// The forecast chart described in words (its text alternative).
pub fn forecast_summary(lang: Lang, total: u32, busiest: u32, today: u32) -> String {
    match lang.fixed() {
        Lang::Zh => {
            format!("未来 30 天共 {total} 次复习，今天 {today} 次，最多的一天 {busiest} 次。")
        }
        Lang::En => format!(
            "{total} reviews in the next 30 days; {today} today; at most {busiest} in a day."
        ),
    }
}

/// The heatmap described in words.
pub fn heatmap_summary(lang: Lang, total: u32, days: u32) -> String {
    match lang.fixed() {
        Lang::Zh => format!("过去一年共复习 {total} 次，学习了 {days} 天。"),
        Lang::En => format!("{total} reviews over the past year, on {days} days."),
    }
}

/// "92.5%" with the counts behind it.
pub fn retention(lang: Lang, rate: f32, passed: u32, failed: u32) -> String {
    let pct = rate * 100.0;
    match lang.fixed() {
        Lang::Zh => format!("{pct:.1}%（记得 {passed} 次，忘记 {failed} 次）"),
        Lang::En => format!("{pct:.1}% ({passed} recalled, {failed} forgotten)"),
    }
}

/// A percentage for display.
pub fn percent(x: f32) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

/// Days until the interview.
pub fn days_left(lang: Lang, days: i64, date: Date) -> String {
    match lang.fixed() {
        Lang::Zh => format!("距离面试还有 {days} 天（{date}）"),
        Lang::En if days == 1 => format!("1 day to the interview ({date})"),
        Lang::En => format!("{days} days to the interview ({date})"),
    }
}

/// Said when the interview date raised today's new-card quota.
pub fn quota_raised(lang: Lang, per_day: u32, usual: u32) -> String {
    match lang.fixed() {
        Lang::Zh => format!("为了在面试前学完所有卡片，今天的新卡片上限从 {usual} 张提高到 {per_day} 张。"),
        Lang::En => format!(
            "To learn every card before the interview, today's new-card limit rises from {usual} to {per_day}."
        ),
    }
}

/// The last export.
pub fn last_export(lang: Lang, ms: i64, utc_offset_min: i32) -> String {
    match lang.fixed() {
        Lang::Zh => format!("上次导出：{}", local_time(ms, utc_offset_min)),
        Lang::En => format!("Last export: {}", local_time(ms, utc_offset_min)),
    }
}

/// A backup in the list.
pub fn backup_label(lang: Lang, ms: i64, utc_offset_min: i32) -> String {
    match lang.fixed() {
        Lang::Zh => format!("{} 的进度", local_time(ms, utc_offset_min)),
        Lang::En => format!("Progress as of {}", local_time(ms, utc_offset_min)),
    }
}

/// What an import would do.
pub fn import_preview(lang: Lang, reviews: usize, events: usize, cards: usize) -> String {
    let other = events - reviews.min(events);
    match lang.fixed() {
        Lang::Zh => format!(
            "这个文件包含 {cards} 张卡片的进度，会新增 {reviews} 次复习记录和 {other} 条其他记录。已有的进度不会丢失。"
        ),
        Lang::En => format!(
            "This file holds progress on {cards} cards. It adds {reviews} reviews and {other} other entries; nothing you have is lost."
        ),
    }
}

/// Import preview: cards the notes do not have.
pub fn import_unknown(lang: Lang, n: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("其中 {n} 张卡片的问题不在当前笔记里：它们的进度会保留，问题回来时恢复。"),
        Lang::En => format!(
            "{n} of its cards are not in the current notes: their progress is kept and returns with their questions."
        ),
    }
}

pub const IMPORT_SETTINGS: Text = Text::new(
    "文件里的设置比这里的新，会一并采用。",
    "The file's settings are newer than these and will be used.",
);
pub const IMPORT_NOTHING_NEW: Text = Text::new(
    "这个文件里的进度这里都已经有了。",
    "Everything in this file is already here.",
);

/// Import finished.
pub fn imported(lang: Lang, events: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("已导入 {events} 条记录。导入前的进度已自动备份。"),
        Lang::En => {
            format!("Imported {events} entries. Your progress before the import is backed up.")
        }
    }
}

/// Why a file was refused, in a sentence a person can act on.
pub fn import_error(lang: Lang, error: &ImportError) -> String {
    let mb = MAX_IMPORT_BYTES / (1024 * 1024);
    match (lang.fixed(), error) {
        (Lang::Zh, ImportError::TooLarge { bytes }) => format!(
            "文件太大（{:.1} MB），进度文件不会超过 {mb} MB。没有做任何改动。",
            *bytes as f64 / 1_048_576.0
        ),
        (Lang::En, ImportError::TooLarge { bytes }) => format!(
            "The file is too large ({:.1} MB); a progress file is never over {mb} MB. Nothing was changed.",
            *bytes as f64 / 1_048_576.0
        ),
        (Lang::Zh, ImportError::NotJson { line, column }) => format!(
            "这不是有效的 JSON 文件（第 {line} 行第 {column} 列出错），可能已损坏或不是进度文件。没有做任何改动。"
        ),
        (Lang::En, ImportError::NotJson { line, column }) => format!(
            "This is not valid JSON (error at line {line}, column {column}): the file is damaged or not a progress file. Nothing was changed."
        ),
        (Lang::Zh, ImportError::NotProgress) => {
            "这个 JSON 文件不是面经导出的进度文件。没有做任何改动。".to_owned()
        }
        (Lang::En, ImportError::NotProgress) => {
            "This JSON file is not a mianjing progress export. Nothing was changed.".to_owned()
        }
        (Lang::Zh, ImportError::UnsupportedVersion { found }) => format!(
            "这个文件来自更新版本的面经（格式 {found}），请先刷新页面更新应用。没有做任何改动。"
        ),
        (Lang::En, ImportError::UnsupportedVersion { found }) => format!(
            "This file comes from a newer mianjing (format {found}); reload to update the app first. Nothing was changed."
        ),
        (Lang::Zh, ImportError::VersionNotNumber { found }) => format!(
            "文件的版本号 {found} 不是数字，面经写出的文件里它是一个数字。没有做任何改动。"
        ),
        (Lang::En, ImportError::VersionNotNumber { found }) => format!(
            "The file's version {found} is not a number; mianjing always writes a number there. Nothing was changed."
        ),
        (Lang::Zh, ImportError::UnknownVersion { found }) => format!(
            "文件的版本号 {found} 不是任何一个面经版本用过的格式。没有做任何改动。"
        ),
        (Lang::En, ImportError::UnknownVersion { found }) => format!(
            "The file's version {found} is not one any mianjing ever wrote. Nothing was changed."
        ),
        (Lang::Zh, ImportError::Invalid(problem)) => {
            format!("文件内容有误：{}。没有做任何改动。", problem_text(lang, problem))
        }
        (Lang::En, ImportError::Invalid(problem)) => {
            format!("The file is invalid: {}. Nothing was changed.", problem_text(lang, problem))
        }
        (Lang::Zh, ImportError::NoKnownCards { unknown }) => format!(
            "文件里的 {unknown} 张卡片都不在这份笔记里，它不是这里的进度。没有做任何改动。"
        ),
        (Lang::En, ImportError::NoKnownCards { unknown }) => format!(
            "None of the file's {unknown} cards exists in these notes: it is not progress on them. Nothing was changed."
        ),
    }
}

fn problem_text(lang: Lang, problem: &Problem) -> String {
    let at = &problem.path;
    match (lang.fixed(), &problem.kind) {
        (Lang::Zh, ProblemKind::Missing) => format!("缺少 “{at}”"),
        (Lang::En, ProblemKind::Missing) => format!("“{at}” is missing"),
        (Lang::Zh, ProblemKind::WrongType { expected }) => format!("“{at}” 应为 {expected}"),
        (Lang::En, ProblemKind::WrongType { expected }) => format!("“{at}” should be {expected}"),
        (Lang::Zh, ProblemKind::BadCardId) => format!("“{at}” 不是有效的卡片编号"),
        (Lang::En, ProblemKind::BadCardId) => format!("“{at}” is not a valid card id"),
        (Lang::Zh, ProblemKind::Cut { at }) => {
            format!("文件在第 {at} 字节处中断或损坏，之前没有可用的进度")
        }
        (Lang::En, ProblemKind::Cut { at }) => {
            format!("the file breaks off or is damaged at byte {at}, with no progress before that")
        }
        (Lang::Zh, ProblemKind::DuplicateKey) => format!("“{at}” 出现了两次"),
        (Lang::En, ProblemKind::DuplicateKey) => format!("“{at}” is given twice"),
        (Lang::Zh, ProblemKind::TooDeep { .. }) => "嵌套层数过深".to_owned(),
        (Lang::En, ProblemKind::TooDeep { .. }) => "it is nested too deep".to_owned(),
        (Lang::Zh, _) => format!("“{at}” 的值超出范围"),
        (Lang::En, _) => format!("“{at}” has a value out of range"),
    }
}

/// The card badge in the reader.
pub fn badge(lang: Lang, phase: Phase, due_in_days: Option<i64>) -> String {
    match (lang.fixed(), phase, due_in_days) {
        (_, Phase::New, _) => COUNT_NEW.get(lang).to_owned(),
        (Lang::Zh, _, Some(d)) if d <= 0 => "今天到期".to_owned(),
        (Lang::En, _, Some(d)) if d <= 0 => "Due today".to_owned(),
        (Lang::Zh, _, Some(d)) => format!("{d} 天后到期"),
        (Lang::En, _, Some(1)) => "Due tomorrow".to_owned(),
        (Lang::En, _, Some(d)) => format!("Due in {d} days"),
        (_, phase, None) => self::phase(lang, phase).to_owned(),
    }
}

pub const REVIEW_NOW: Text = Text::new("现在复习", "Review now");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_read_like_anki_s() {
        let zh = |i| due_in(Lang::Zh, i);
        let en = |i| due_in(Lang::En, i);
        assert_eq!(zh(DueIn::Minutes(10)), "10分钟");
        assert_eq!(zh(DueIn::Days(1)), "1天");
        assert_eq!(zh(DueIn::Days(3)), "3天");
        assert_eq!(zh(DueIn::Days(45)), "1.5个月");
        assert_eq!(zh(DueIn::Days(60)), "2个月");
        assert_eq!(zh(DueIn::Days(800)), "2.2年");
        assert_eq!(en(DueIn::Minutes(90)), "1.5 h");
        assert_eq!(en(DueIn::Minutes(3000)), "2 days");
        assert_eq!(en(DueIn::Days(1)), "1 day");
        assert_eq!(en(DueIn::Days(8)), "8 days");
    }

    #[test]
    fn times_are_shown_in_local_time() {
        // 2026-11-23 00:00 UTC is 08:00 in Beijing.
        let ms = 20_780 * DAY_MS;
        assert_eq!(local_time(ms, 480), "2026-11-23 08:00");
        assert_eq!(local_time(ms, -300), "2026-11-22 19:00");
        assert_eq!(
            next_due(Lang::En, ms, ms + 9 * MINUTE_MS + 1, 0),
            "The next card is due in 10 min."
        );
        assert_eq!(
            next_due(Lang::Zh, ms, ms + DAY_MS, 480),
            "下一张卡片到期时间：明天 08:00。"
        );
        assert_eq!(
            next_due(Lang::En, ms, ms + 3 * 3_600_000, 480),
            "The next card is due today at 11:00."
        );
        assert!(next_due(Lang::Zh, ms, ms + 3 * DAY_MS, 480).contains("2026-11-26 08:00"));
    }

    #[test]
    fn every_import_error_has_a_message_in_both_languages() {
        let errors = [
            ImportError::TooLarge { bytes: 50 << 20 },
            ImportError::NotJson { line: 1, column: 2 },
            ImportError::NotProgress,
            ImportError::UnsupportedVersion { found: "2".into() },
            ImportError::Invalid(Problem::new("log.cards.x[0]", ProblemKind::BadValue)),
            ImportError::NoKnownCards { unknown: 3 },
        ];
        for e in &errors {
            for lang in [Lang::Zh, Lang::En] {
                let m = import_error(lang, e);
                assert!(
                    m.contains("没有做任何改动") || m.contains("Nothing was changed"),
                    "{m}"
                );
            }
        }
        assert!(import_error(Lang::En, &errors[0]).contains("50.0 MB"));
    }
}
