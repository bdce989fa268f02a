//! Turns the Markdown events of one answer (or a topic's intro) into HTML and
//! into plain text for search.
//!
//! The events go through pulldown-cmark's own HTML writer after a rewrite:
//! links get our attributes, code blocks are highlighted, tables are wrapped
//! so they scroll sideways, headings move up a level (the question is the
//! page's `<h1>`, so an answer's `###` becomes `<h2>`), and any raw HTML is
//! dropped (the compiler has already reported it as an error).

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::{escape_html, highlight::render_code_block};

/// An answer or intro, rendered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rendered {
    /// Safe HTML: every piece of text escaped, no raw HTML from the source.
    pub html: String,
    /// Plain text with whitespace collapsed, for search and snippets.
    pub text: String,
}

/// Marker appended inside an external link: an arrow for the eye, words for a
/// screen reader (the notes are in Chinese, so the words are too).
const EXTERNAL_MARK: &str =
    "<span class=\"ext-mark\" aria-hidden=\"true\">↗</span><span class=\"visually-hidden\">（外部链接）</span>";

/// Where a link points, which decides how it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// `http(s)://…`: opens in a new tab, marked as external.
    External,
    /// Relative, `#…` or `mailto:`.
    Local,
}

/// Classifies a link target, refusing schemes that could run code
/// (`javascript:`, `data:` …).
pub fn link_kind(url: &str) -> Result<LinkKind, String> {
    let scheme_end = url.find([':', '/', '?', '#']);
    match scheme_end {
        Some(i) if url[i..].starts_with(':') => match url[..i].to_ascii_lowercase().as_str() {
            "http" | "https" => Ok(LinkKind::External),
            "mailto" => Ok(LinkKind::Local),
            scheme => Err(format!(
                "unsupported link scheme `{scheme}:` (use http, https, mailto or a relative link)"
            )),
        },
        _ => Ok(LinkKind::Local),
    }
}

/// Renders `events`; problems (bad links, images) go to `report` with the
/// byte offset where they start.
pub fn render<'a>(
    events: &[(Event<'a>, Range<usize>)],
    report: &mut dyn FnMut(usize, String),
) -> Rendered {
    let mut out: Vec<Event<'a>> = Vec::with_capacity(events.len() + 8);
    let mut text = String::new();
    let mut open_link: Vec<LinkKind> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        i += 1;
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let info = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info.to_string(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                let mut code = String::new();
                while let Some((inner, _)) = events.get(i) {
                    i += 1;
                    match inner {
                        Event::End(TagEnd::CodeBlock) => break,
                        Event::Text(t) => code.push_str(t),
                        _ => {}
                    }
                }
                text.push(' ');
                text.push_str(&code);
                text.push(' ');
                out.push(Event::Html(CowStr::from(render_code_block(&info, &code))));
            }
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let kind = link_kind(dest_url).unwrap_or_else(|message| {
                    report(range.start, message);
                    LinkKind::Local
                });
                out.push(Event::Html(CowStr::from(link_open(dest_url, title, kind))));
                open_link.push(kind);
            }
            Event::End(TagEnd::Link) => {
                let close = match open_link.pop() {
                    Some(LinkKind::External) => format!("{EXTERNAL_MARK}</a>"),
                    _ => "</a>".to_string(),
                };
                out.push(Event::Html(CowStr::from(close)));
            }
            Event::Start(Tag::Image { .. }) => {
                report(
                    range.start,
                    "images are not supported (an image hosted elsewhere cannot load offline): describe it in text".into(),
                );
                let mut depth = 1;
                while let Some((inner, _)) = events.get(i) {
                    i += 1;
                    match inner {
                        Event::Start(Tag::Image { .. }) => depth += 1,
                        Event::End(TagEnd::Image) if depth == 1 => break,
                        Event::End(TagEnd::Image) => depth -= 1,
                        _ => {}
                    }
                }
            }
            Event::Start(Tag::Table(_)) => {
                out.push(Event::Html(CowStr::Borrowed(
                    "<div class=\"table-wrap\" tabindex=\"0\">",
                )));
                out.push(event.clone());
            }
            Event::End(TagEnd::Table) => {
                out.push(event.clone());
                out.push(Event::Html(CowStr::Borrowed("</div>")));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                // Ids and classes from the source would collide with the
                // app's own; the page keys headings by question, not by id.
                out.push(Event::Start(Tag::Heading {
                    level: raise(*level),
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                text.push(' ');
                out.push(Event::End(TagEnd::Heading(raise(*level))));
            }
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
            Event::Text(t) | Event::Code(t) => {
                text.push_str(t);
                out.push(event.clone());
            }
            Event::SoftBreak | Event::HardBreak => {
                text.push(' ');
                out.push(event.clone());
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_),
            ) => {
                text.push(' ');
                out.push(event.clone());
            }
            _ => out.push(event.clone()),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    Rendered {
        html,
        text: collapse_whitespace(&text),
    }
}

/// `###` in an answer becomes `<h2>`: the question itself is the `<h1>`.
fn raise(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 | HeadingLevel::H3 => HeadingLevel::H2,
        HeadingLevel::H4 => HeadingLevel::H3,
        HeadingLevel::H5 => HeadingLevel::H4,
        HeadingLevel::H6 => HeadingLevel::H5,
    }
}

fn link_open(url: &str, title: &str, kind: LinkKind) -> String {
    let mut tag = format!("<a href=\"{}\"", escape_html(url));
    if !title.is_empty() {
        tag.push_str(&format!(" title=\"{}\"", escape_html(title)));
    }
    if kind == LinkKind::External {
        tag.push_str(" class=\"ext\" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    tag.push('>');
    tag
}

/// Trims and turns every whitespace run into one space.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
