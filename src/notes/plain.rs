//! An answer's plain text, for search and snippets, derived from its HTML in
//! the browser rather than compiled in: the notes bundle then carries each
//! answer once (the text would add about 100 KB gzip to every first visit of
//! the reader). The rule mirrors the compiler's
//! (`crates/notes-compiler/src/compile/render.rs`): text and inline code as
//! written, a space where a block ends, code blocks between spaces, the labels
//! the compiler adds (a code block's language, an external link's mark) left
//! out, whitespace collapsed. A test checks the two agree on every note.

/// Tags whose content the compiler adds for the eye or the screen reader,
/// not from the note's own words.
fn is_added_label(tag: &str) -> bool {
    tag.contains("class=\"code-lang\"")
        || tag.contains("class=\"ext-mark\"")
        || tag.contains("class=\"visually-hidden\"")
}

/// Tags after which the compiler's text has a space (paragraphs, list items,
/// table cells, quotes, headings, code blocks).
fn ends_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "li" | "td" | "th" | "blockquote" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre"
    )
}

/// Tags that lay out blocks: whitespace next to them is not text.
fn is_block_name(name: &str) -> bool {
    matches!(
        name,
        "ul" | "ol"
            | "li"
            | "p"
            | "pre"
            | "div"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "blockquote"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "br"
    )
}

/// True when `html` starts with a tag (opening or closing) of a block.
fn is_block_tag(html: &str) -> bool {
    let Some(tag) = html.strip_prefix('<') else {
        return false;
    };
    let name: String = tag
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    is_block_name(&name)
}

/// True when `html` starts with a tag that opens a block.
fn opens_block(html: &str) -> bool {
    let Some(tag) = html.strip_prefix('<') else {
        return false;
    };
    let name: String = tag
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    matches!(
        name.as_str(),
        "ul" | "ol"
            | "p"
            | "pre"
            | "div"
            | "table"
            | "blockquote"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
    )
}

/// The plain text of compiled answer HTML (safe HTML the compiler wrote:
/// no comments, no scripts, attributes always quoted).
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    // Depth inside an added label (a span or div the compiler wrote).
    let mut skip: Vec<&str> = Vec::new();
    // Whether the last tag opened or closed a block.
    let mut after_block = false;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').map_or(after.len(), |e| e + 1);
            let tag = &after[..end.saturating_sub(1)];
            rest = &after[end.min(after.len())..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if let Some(open) = skip.last() {
                if closing && *open == name {
                    skip.pop();
                } else if !closing && name == *open {
                    skip.push(open);
                }
                continue;
            }
            if !closing && is_added_label(tag) {
                skip.push(if name == "div" { "div" } else { "span" });
                continue;
            }
            after_block = is_block_name(&name);
            if name == "pre" && !closing {
                out.push(' ');
            }
            if name == "br" || (closing && ends_block(&name)) {
                out.push(' ');
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        if skip.is_empty() {
            let mut chunk = &rest[..next];
            // The renderer puts a line break before a block that opens
            // inside an item (`<li>text\n<ul>`); the note's words have none.
            if opens_block(&rest[next..]) {
                chunk = chunk.strip_suffix('\n').unwrap_or(chunk);
            }
            // Line breaks between block tags are the renderer's layout.
            let layout = chunk.trim().is_empty() && (after_block || is_block_tag(&rest[next..]));
            if !layout {
                decode_into(chunk, &mut out);
            }
        }
        rest = &rest[next..];
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Appends `text` with the entities the compiler writes decoded.
fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let (ch, len) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&#x27;", '\''),
        ]
        .iter()
        .find(|(e, _)| tail.starts_with(e))
        .map_or(('&', 1), |(e, c)| (*c, e.len()));
        out.push(ch);
        rest = &tail[len..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_inline_code_and_entities() {
        assert_eq!(
            plain_text("<p>用 <code>a &lt; b</code> 和 <strong>&amp;</strong></p><p>下一段</p>"),
            "用 a < b 和 & 下一段"
        );
    }

    #[test]
    fn labels_the_compiler_adds_are_left_out() {
        let html = "<p>见 <a href=\"https://x.org\">文档<span class=\"ext-mark\" aria-hidden=\"true\">↗</span><span class=\"visually-hidden\">（外部链接）</span></a>。</p>\
                    <div class=\"code-block\"><div class=\"code-lang\">Python</div><pre tabindex=\"0\"><code class=\"language-python\"><span class=\"tok-kw\">def</span> f():\n    pass</code></pre></div>";
        assert_eq!(plain_text(html), "见 文档。 def f(): pass");
    }

    /// The compiler's own text and the one derived from its HTML agree on
    /// every real note, so search finds what it found before.
    #[test]
    fn agrees_with_the_compiler_on_every_note() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let files = mianjing_notes_compiler::read_sources(root, "content")
            .unwrap_or_else(|e| panic!("{e}"));
        let book = mianjing_notes_compiler::compile(&files)
            .unwrap_or_else(|errors| panic!("the notes do not compile: {errors:?}"));
        let mut checked = 0;
        for topic in &book.topics {
            for q in &topic.questions {
                assert_eq!(plain_text(&q.html), q.text, "{}", q.id);
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} questions compiled");
    }
}
