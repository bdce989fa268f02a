//! The compiler proper: Markdown in, [`Book`] out, errors located by
//! `file:line`. Tested on the fixture notes in `tests/fixtures/`.
//!
//! The format, one topic per file named `NN-slug.md`:
//!
//! ```markdown
//! # Topic title
//!
//! Optional intro paragraph.
//!
//! ## A question? {#optional-explicit-id}
//! 别名：optional, other names, 别的叫法
//!
//! Its answer, any Markdown but raw HTML and images. Empty = not answered yet.
//! ```

mod emit;
mod highlight;
mod ids;
mod render;

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

pub use emit::to_rust;
pub use ids::{normalize_question, question_id};

/// One Markdown file: its path as shown in error messages
/// (`content/03-network.md`) and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// A compiled topic (one file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    /// From the file name `NN-slug.md`; names the topic in URLs.
    pub slug: String,
    /// The `# title` on line 1, as plain text.
    pub title: String,
    /// The paragraphs between the title and the first question, as HTML.
    pub intro_html: String,
    pub questions: Vec<Question>,
}

/// A compiled question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// Explicit `{#id}`, or derived from the question text.
    pub id: String,
    /// The `##` heading as plain text.
    pub title: String,
    /// Other names of the question's subject (English terms, abbreviations,
    /// other Chinese names), from its `别名：` line: search reads them, the
    /// reader shows them under the heading.
    pub aliases: Vec<String>,
    /// The answer as safe HTML.
    pub html: String,
    /// The answer as plain text, for search.
    pub text: String,
    /// False when the answer is empty: shown as "not answered yet", no card.
    pub answered: bool,
    /// 1-based line of the heading, for error messages.
    pub line: usize,
}

/// Every topic, in file-name order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Book {
    pub topics: Vec<Topic>,
}

/// A problem in a note, located for the author.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

/// Reads `root/folder/*.md` in name order (`NN-` prefixes order the topics),
/// each named `folder/NAME.md` for error messages. A missing folder is an
/// empty book: the app must build before content lands. `README.md`
/// describes the format for authors and is not a topic; any other `.md` name
/// is read, so a misnamed topic fails [`compile`] instead of going missing.
pub fn read_sources(root: &Path, folder: &str) -> Result<Vec<SourceFile>, CompileError> {
    let Ok(entries) = fs::read_dir(root.join(folder)) else {
        return Ok(Vec::new());
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md") && !name.eq_ignore_ascii_case("README.md"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = format!("{folder}/{name}");
            match fs::read_to_string(root.join(&path)) {
                Ok(text) => Ok(SourceFile { path, text }),
                Err(e) => Err(CompileError {
                    path,
                    line: 1,
                    message: format!("cannot read the file: {e}"),
                }),
            }
        })
        .collect()
}

/// Compiles every file (callers sort them by name: the order of topics).
/// Returns every error found, not just the first, so one build shows them all.
pub fn compile(files: &[SourceFile]) -> Result<Book, Vec<CompileError>> {
    let mut errors = Vec::new();
    let mut topics = Vec::new();
    for file in files {
        match compile_file(file) {
            Ok(topic) => topics.push((file, topic)),
            Err(mut errs) => errors.append(&mut errs),
        }
    }
    check_unique(&topics, &mut errors);
    if errors.is_empty() {
        Ok(Book {
            topics: topics.into_iter().map(|(_, t)| t).collect(),
        })
    } else {
        Err(errors)
    }
}

/// Slugs and question ids must be unique across the whole book: ids key the
/// flashcard progress, slugs the URLs.
fn check_unique(topics: &[(&SourceFile, Topic)], errors: &mut Vec<CompileError>) {
    let mut slugs: HashMap<&str, &str> = HashMap::new();
    let mut ids: HashMap<&str, (&str, usize, &str)> = HashMap::new();
    for (file, topic) in topics {
        if let Some(first) = slugs.insert(&topic.slug, &file.path) {
            errors.push(error(
                file,
                1,
                format!(
                    "duplicate topic slug `{}`: also the slug of {first}",
                    topic.slug
                ),
            ));
        }
        for q in &topic.questions {
            match ids.get(q.id.as_str()) {
                Some(&(path, line, title)) => {
                    let hint = if normalize_question(title) == normalize_question(&q.title) {
                        "the same question is asked twice: merge the answers"
                    } else {
                        "give one of them another explicit {#id}"
                    };
                    errors.push(error(
                        file,
                        q.line,
                        format!("duplicate id `{}`: also the id of the question at {path}:{line} ({hint})", q.id),
                    ));
                }
                None => {
                    ids.insert(&q.id, (&file.path, q.line, &q.title));
                }
            }
        }
    }
}

fn error(file: &SourceFile, line: usize, message: String) -> CompileError {
    CompileError {
        path: file.path.clone(),
        line,
        message,
    }
}

/// The Markdown extensions the notes use.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Maps byte offsets to 1-based line numbers.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(
            std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
        )
    }

    fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }
}

/// `NN-slug.md` → `slug`.
fn slug_of(path: &str) -> Result<String, String> {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let bad = || {
        format!("file name `{name}` must look like `NN-slug.md` (two digits, then lowercase a-z, 0-9 and '-')")
    };
    let stem = name.strip_suffix(".md").ok_or_else(bad)?;
    let (number, slug) = stem.split_once('-').ok_or_else(bad)?;
    let number_ok = number.len() == 2 && number.bytes().all(|b| b.is_ascii_digit());
    let slug_ok = !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if number_ok && slug_ok {
        Ok(slug.to_string())
    } else {
        Err(bad())
    }
}

type Spanned<'a> = (Event<'a>, Range<usize>);

/// What a run of events between headings belongs to.
enum Section {
    Intro,
    Question {
        title: String,
        explicit_id: Option<String>,
        line: usize,
    },
}

fn compile_file(file: &SourceFile) -> Result<Topic, Vec<CompileError>> {
    let mut errors = Vec::new();
    let slug = slug_of(&file.path).map_err(|m| vec![error(file, 1, m)])?;
    let AliasLines {
        text,
        mut aliases,
        problems,
    } = take_alias_lines(&file.text);
    for (line, message) in problems {
        errors.push(error(file, line, message));
    }
    let lines = Lines::new(&text);
    let events: Vec<Spanned> = Parser::new_ext(&text, options())
        .into_offset_iter()
        .collect();
    for (event, range) in &events {
        let line = lines.line(range.start);
        // `<b>x</b>` is two inline tags: one message per line is enough.
        let reported = errors.last().is_some_and(|e: &CompileError| e.line == line);
        if matches!(event, Event::InlineHtml(_) | Event::Start(Tag::HtmlBlock)) && !reported {
            errors.push(error(
                file,
                line,
                "raw HTML is not allowed: write Markdown, or put the tag in `code`".into(),
            ));
        }
    }

    let Some(title_end) = title_heading_end(&events) else {
        let (line, message) = match events.first() {
            Some((
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }),
                range,
            )) => (
                lines.line(range.start),
                "question outside any topic: the file must start with a `# Title` line",
            ),
            _ => (
                1,
                "missing title: the file must start with a `# Title` line",
            ),
        };
        errors.push(error(file, line, message.into()));
        return Err(errors);
    };
    let title = plain_text(&events[1..title_end]);
    if title.is_empty() {
        errors.push(error(
            file,
            1,
            "empty title: `#` needs the topic's name".into(),
        ));
    }

    let mut topic = Topic {
        slug,
        title,
        intro_html: String::new(),
        questions: Vec::new(),
    };
    let mut section = Section::Intro;
    let mut body: Vec<Spanned> = Vec::new();
    let mut i = title_end + 1;
    while i < events.len() {
        let (event, range) = &events[i];
        i += 1;
        let Event::Start(Tag::Heading {
            level: level @ (HeadingLevel::H1 | HeadingLevel::H2),
            id,
            classes,
            attrs,
        }) = event
        else {
            body.push((event.clone(), range.clone()));
            continue;
        };
        let end = heading_end(&events, i);
        let line = lines.line(range.start);
        let heading = plain_text(&events[i..end]);
        i = end + 1;
        if *level == HeadingLevel::H1 {
            errors.push(error(
                file,
                line,
                "a `#` heading is only allowed as the title on line 1: use `##` for a question"
                    .into(),
            ));
            continue;
        }
        finish(
            file,
            &lines,
            std::mem::replace(&mut section, Section::Intro),
            std::mem::take(&mut body),
            &mut aliases,
            &mut topic,
            &mut errors,
        );
        if heading.is_empty() {
            errors.push(error(
                file,
                line,
                "empty question: `##` needs the question's text".into(),
            ));
        }
        if heading.contains("{#") || !classes.is_empty() || !attrs.is_empty() {
            errors.push(error(
                file,
                line,
                "bad id characters: a question takes only `{#id}` with a-z, 0-9, '-' and '_'"
                    .into(),
            ));
        }
        let explicit_id = id.as_ref().map(|id| id.to_string());
        if let Some(Err(message)) = explicit_id.as_deref().map(ids::check_explicit_id) {
            errors.push(error(file, line, message));
        }
        section = Section::Question {
            title: heading,
            explicit_id,
            line,
        };
    }
    finish(
        file,
        &lines,
        section,
        body,
        &mut aliases,
        &mut topic,
        &mut errors,
    );

    if errors.is_empty() {
        Ok(topic)
    } else {
        Err(errors)
    }
}

/// Renders the events of a finished section into the topic.
fn finish(
    file: &SourceFile,
    lines: &Lines,
    section: Section,
    body: Vec<Spanned>,
    aliases: &mut HashMap<usize, Vec<String>>,
    topic: &mut Topic,
    errors: &mut Vec<CompileError>,
) {
    let mut report =
        |offset: usize, message: String| errors.push(error(file, lines.line(offset), message));
    let rendered = render::render(&body, &mut report);
    match section {
        Section::Intro => topic.intro_html = rendered.html,
        Section::Question {
            title,
            explicit_id,
            line,
        } => {
            let id = explicit_id.unwrap_or_else(|| question_id(&title));
            let answered = !rendered.html.trim().is_empty();
            topic.questions.push(Question {
                id,
                title,
                aliases: aliases.remove(&line).unwrap_or_default(),
                html: rendered.html,
                text: rendered.text,
                answered,
                line,
            });
        }
    }
}

/// How an alias line starts (either colon: input methods type both).
const ALIAS_LABELS: [&str; 2] = ["别名：", "别名:"];

/// A topic file with its alias lines taken out.
struct AliasLines {
    /// The file with each alias line emptied (line numbers unchanged), so
    /// the aliases never render as answer text.
    text: String,
    /// Aliases by the 1-based line of their question's heading.
    aliases: HashMap<usize, Vec<String>>,
    /// Misplaced or empty alias lines: `(line, message)`.
    problems: Vec<(usize, String)>,
}

/// Finds the `别名：a, b、c` lines: the first non-blank line under a `##`
/// heading (outside code blocks), names separated by `,`, `，` or `、`.
fn take_alias_lines(source: &str) -> AliasLines {
    let mut out = AliasLines {
        text: String::with_capacity(source.len()),
        aliases: HashMap::new(),
        problems: Vec::new(),
    };
    let mut fenced = false;
    // The heading line whose first non-blank line has not been seen yet.
    let mut under_heading: Option<usize> = None;
    for (i, raw) in source.split_inclusive('\n').enumerate() {
        let number = i + 1;
        let line = raw.trim_end_matches(['\n', '\r']);
        let fence = line.trim_start().starts_with("```");
        let label = ALIAS_LABELS
            .iter()
            .find_map(|l| line.strip_prefix(l))
            .filter(|_| !fenced);
        if fence {
            fenced = !fenced;
        }
        match label {
            Some(rest) => {
                let names: Vec<String> = rest
                    .split([',', '，', '、'])
                    .map(|n| render::collapse_whitespace(n.trim()))
                    .collect();
                match under_heading.take() {
                    None => out.problems.push((
                        number,
                        "an alias line must come right under its question's `##` heading".into(),
                    )),
                    Some(_) if names.iter().any(String::is_empty) => out.problems.push((
                        number,
                        "empty alias: write names separated by `,`, `，` or `、`".into(),
                    )),
                    Some(heading) => {
                        out.aliases.insert(heading, names);
                    }
                }
                out.text.push_str(&raw[line.len()..]);
                continue;
            }
            None if !fenced && !fence && (line == "##" || line.starts_with("## ")) => {
                under_heading = Some(number);
            }
            None if !line.trim().is_empty() => under_heading = None,
            None => {}
        }
        out.text.push_str(raw);
    }
    out
}

/// Index of the `End` of the title heading, if the file starts with `# …`.
fn title_heading_end(events: &[Spanned]) -> Option<usize> {
    match events.first() {
        Some((
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }),
            _,
        )) => Some(heading_end(events, 1)),
        _ => None,
    }
}

/// Index of the first heading `End` at or after `from` (headings do not nest).
fn heading_end(events: &[Spanned], from: usize) -> usize {
    events[from..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
        .map_or(events.len(), |p| from + p)
}

/// The text of inline events, whitespace collapsed (inline code keeps its text).
fn plain_text(events: &[Spanned]) -> String {
    let mut s = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    render::collapse_whitespace(&s)
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
