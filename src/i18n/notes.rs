//! Strings of the notes: table of contents, topic and question pages, search.

use super::{Lang, Text};

pub const NOTES_TITLE: Text = Text::new("笔记", "Notes");
pub const NOTES_LEAD: Text = Text::new(
    "按主题整理的 Python 后端面试题。点开主题逐题阅读，或直接搜索。",
    "Python back-end interview questions by topic. Open a topic to read, or search.",
);
pub const TOPICS_HEADING: Text = Text::new("主题", "Topics");
pub const SEARCH_TITLE: Text = Text::new("搜索笔记", "Search the notes");
pub const SEARCH_LABEL: Text = Text::new("搜索笔记", "Search the notes");
pub const SEARCH_PLACEHOLDER: Text =
    Text::new("例如：三次握手、GIL、幂等", "e.g. 三次握手, GIL, 幂等");
pub const SEARCH_HINT: Text = Text::new(
    "按 / 聚焦搜索框，↓ 移到结果，Enter 打开第一条。",
    "/ focuses the box, ↓ moves into the results, Enter opens the first.",
);
pub const NO_RESULTS: Text = Text::new(
    "没有找到。换个说法试试，比如更短的关键词。",
    "Nothing found. Try other words, or a shorter keyword.",
);
/// Shown with no results, above the topics the query came closest to.
pub const CLOSEST_TOPICS: Text = Text::new(
    "笔记里没有相关的题目。最接近的主题：",
    "No question in the notes is about this. The closest topics:",
);
/// Before a question's other names, under its heading.
pub const ALIASES: Text = Text::new("别名：", "Also: ");
pub const RESULTS_LABEL: Text = Text::new("搜索结果", "Search results");
pub const BREADCRUMB_LABEL: Text = Text::new("位置", "Breadcrumb");
pub const PAGER_LABEL: Text = Text::new("上一题和下一题", "Previous and next question");
pub const TOPIC_PAGER_LABEL: Text = Text::new("上一个和下一个主题", "Previous and next topic");
pub const PREVIOUS: Text = Text::new("上一题", "Previous");
pub const NEXT: Text = Text::new("下一题", "Next");
pub const PREVIOUS_TOPIC: Text = Text::new("上一个主题", "Previous topic");
pub const NEXT_TOPIC: Text = Text::new("下一个主题", "Next topic");
pub const TOPIC_NAV_LABEL: Text = Text::new("本主题的题目", "Questions in this topic");
pub const UNANSWERED: Text = Text::new("未作答", "No answer yet");
pub const UNANSWERED_BODY: Text = Text::new(
    "这道题还没有答案。它在笔记里占个位置，等有人补上；在那之前不会出现在闪卡复习里。",
    "This question has no answer yet. It stays in the notes until someone writes one, and is not a flashcard until then.",
);
pub const KEYS_HINT: Text = Text::new("← → 切换上一题 / 下一题", "← → previous / next question");
pub const TOPIC_NOT_FOUND: Text = Text::new("找不到这个主题", "Topic not found");
pub const QUESTION_NOT_FOUND: Text = Text::new("找不到这道题", "Question not found");
pub const NOT_FOUND_BODY: Text = Text::new(
    "链接里的地址不存在，可能写错了，或者题目已经改名。下面是现有的内容：",
    "Nothing lives at this address: the link may be mistyped, or the question was renamed. Here is what exists:",
);
pub const EMPTY_NOTES: Text = Text::new("笔记还没有内容。", "The notes are empty.");

/// "12 题" / "12 questions".
pub fn question_count(lang: Lang, n: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("{n} 题"),
        Lang::En if n == 1 => "1 question".to_string(),
        Lang::En => format!("{n} questions"),
    }
}

/// "其中 3 题未作答" / "3 without an answer yet".
pub fn unanswered_count(lang: Lang, n: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("{n} 题未作答"),
        Lang::En => format!("{n} without an answer yet"),
    }
}

/// "第 3 / 12 题" / "Question 3 of 12".
pub fn position(lang: Lang, at: usize, of: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("第 {at} / {of} 题"),
        Lang::En => format!("Question {at} of {of}"),
    }
}

/// "找到 5 条结果" / "5 results".
pub fn result_count(lang: Lang, n: usize, capped: bool) -> String {
    let more = if capped { "+" } else { "" };
    match lang.fixed() {
        Lang::Zh => format!("找到 {n}{more} 条结果"),
        Lang::En if n == 1 => "1 result".to_string(),
        Lang::En => format!("{n}{more} results"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_naturally() {
        assert_eq!(question_count(Lang::Zh, 12), "12 题");
        assert_eq!(question_count(Lang::En, 1), "1 question");
        assert_eq!(position(Lang::En, 3, 12), "Question 3 of 12");
        assert_eq!(result_count(Lang::Zh, 50, true), "找到 50+ 条结果");
        assert_eq!(result_count(Lang::En, 2, false), "2 results");
    }
}
