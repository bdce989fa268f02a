//! Build-time syntax highlighting for the code blocks in the notes.
//!
//! A small hand-written lexer per language, not a crate: the notes hold a few
//! short Python, shell and SQL snippets, and syntect's grammars would add
//! minutes to a cold build on two cores for colours nobody would notice. The
//! output is `<span class="tok-…">` with the classes `kw`, `str`, `com`,
//! `num`, `fn`, `builtin` and `op`, so one stylesheet themes both light and
//! dark; nothing of this ships in the wasm.

use super::escape_html;

/// A language the lexer knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Python,
    Shell,
    Sql,
    JavaScript,
}

impl Syntax {
    /// Reads a fence's info string (` ```python `, ` ```SHELL `, ` ```py3 `).
    pub fn from_info(lang: &str) -> Option<Syntax> {
        match lang.to_ascii_lowercase().as_str() {
            "python" | "py" | "python3" | "py3" | "pycon" => Some(Syntax::Python),
            "shell" | "sh" | "bash" | "zsh" | "console" | "shell-session" => Some(Syntax::Shell),
            "sql" | "mysql" | "postgresql" | "sqlite" => Some(Syntax::Sql),
            "javascript" | "js" | "node" => Some(Syntax::JavaScript),
            _ => None,
        }
    }

    /// The label shown above a block.
    pub fn label(self) -> &'static str {
        match self {
            Syntax::Python => "Python",
            Syntax::Shell => "Shell",
            Syntax::Sql => "SQL",
            Syntax::JavaScript => "JavaScript",
        }
    }

    /// The class suffix of `<code class="language-…">`.
    pub fn css_name(self) -> &'static str {
        match self {
            Syntax::Python => "python",
            Syntax::Shell => "shell",
            Syntax::Sql => "sql",
            Syntax::JavaScript => "javascript",
        }
    }

    fn keywords(self) -> &'static [&'static str] {
        match self {
            Syntax::Python => &[
                "False", "None", "True", "and", "as", "assert", "async", "await", "break", "case",
                "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
                "from", "global", "if", "import", "in", "is", "lambda", "match", "nonlocal", "not",
                "or", "pass", "raise", "return", "try", "while", "with", "yield",
            ],
            Syntax::Shell => &[
                "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case",
                "esac", "in", "function", "select", "return", "exit", "break", "continue", "local",
                "export", "readonly", "declare", "sudo",
            ],
            Syntax::Sql => &[
                "add",
                "all",
                "alter",
                "and",
                "as",
                "asc",
                "auto_increment",
                "begin",
                "between",
                "by",
                "case",
                "commit",
                "committed",
                "create",
                "database",
                "default",
                "delete",
                "desc",
                "distinct",
                "drop",
                "else",
                "end",
                "engine",
                "exists",
                "explain",
                "for",
                "foreign",
                "from",
                "full",
                "grant",
                "group",
                "having",
                "if",
                "in",
                "index",
                "inner",
                "insert",
                "into",
                "is",
                "isolation",
                "join",
                "key",
                "left",
                "level",
                "like",
                "limit",
                "lock",
                "mode",
                "not",
                "null",
                "offset",
                "on",
                "or",
                "order",
                "outer",
                "primary",
                "read",
                "references",
                "repeatable",
                "revoke",
                "right",
                "rollback",
                "select",
                "serializable",
                "set",
                "share",
                "show",
                "start",
                "table",
                "then",
                "transaction",
                "trigger",
                "uncommitted",
                "union",
                "unique",
                "update",
                "use",
                "values",
                "view",
                "when",
                "where",
            ],
            Syntax::JavaScript => &[
                "async",
                "await",
                "break",
                "case",
                "catch",
                "class",
                "const",
                "continue",
                "debugger",
                "default",
                "delete",
                "do",
                "else",
                "export",
                "extends",
                "false",
                "finally",
                "for",
                "function",
                "if",
                "import",
                "in",
                "instanceof",
                "let",
                "new",
                "null",
                "of",
                "return",
                "super",
                "switch",
                "this",
                "throw",
                "true",
                "try",
                "typeof",
                "undefined",
                "var",
                "void",
                "while",
                "with",
                "yield",
            ],
        }
    }

    fn builtins(self) -> &'static [&'static str] {
        match self {
            Syntax::Python => &[
                "AttributeError",
                "BaseException",
                "Exception",
                "IndexError",
                "KeyError",
                "NotImplementedError",
                "RuntimeError",
                "StopIteration",
                "TypeError",
                "ValueError",
                "abs",
                "all",
                "any",
                "bool",
                "bytes",
                "callable",
                "classmethod",
                "delattr",
                "dict",
                "dir",
                "enumerate",
                "filter",
                "float",
                "format",
                "getattr",
                "hasattr",
                "hash",
                "id",
                "input",
                "int",
                "isinstance",
                "issubclass",
                "iter",
                "len",
                "list",
                "map",
                "max",
                "min",
                "next",
                "object",
                "open",
                "print",
                "property",
                "range",
                "repr",
                "reversed",
                "set",
                "setattr",
                "sorted",
                "staticmethod",
                "str",
                "sum",
                "super",
                "tuple",
                "type",
                "vars",
                "zip",
            ],
            Syntax::Shell => &[
                "alias", "bg", "cd", "echo", "eval", "exec", "fg", "history", "jobs", "kill",
                "printf", "pwd", "read", "set", "source", "test", "trap", "type", "ulimit",
                "umask", "unset", "wait",
            ],
            Syntax::Sql => &[
                "avg",
                "bigint",
                "boolean",
                "char",
                "coalesce",
                "concat",
                "count",
                "date",
                "datetime",
                "decimal",
                "double",
                "float",
                "int",
                "integer",
                "max",
                "min",
                "now",
                "sum",
                "text",
                "timestamp",
                "varchar",
            ],
            Syntax::JavaScript => &[
                "Array",
                "Date",
                "Error",
                "JSON",
                "Map",
                "Math",
                "Number",
                "Object",
                "Promise",
                "Set",
                "String",
                "console",
                "document",
                "parseInt",
                "setTimeout",
                "window",
            ],
        }
    }

    fn line_comments(self) -> &'static [&'static str] {
        match self {
            Syntax::Python | Syntax::Shell => &["#"],
            Syntax::Sql => &["--", "#"],
            Syntax::JavaScript => &["//"],
        }
    }

    fn has_block_comments(self) -> bool {
        matches!(self, Syntax::Sql | Syntax::JavaScript)
    }

    fn quotes(self) -> &'static [char] {
        match self {
            Syntax::Python | Syntax::Sql => &['\'', '"'],
            Syntax::Shell | Syntax::JavaScript => &['\'', '"', '`'],
        }
    }
}

/// Renders a fenced or indented code block: a language label (when the fence
/// names one) above a `<pre>` that scrolls sideways instead of widening the
/// page, focusable so keyboard users can scroll it too.
pub fn render_code_block(info: &str, code: &str) -> String {
    let lang = info.split_whitespace().next().unwrap_or("");
    let syntax = Syntax::from_info(lang);
    let mut html = String::with_capacity(code.len() * 2 + 128);
    html.push_str("<div class=\"code-block\">");
    match syntax {
        Some(s) => {
            html.push_str(&format!("<div class=\"code-lang\">{}</div>", s.label()));
            html.push_str(&format!(
                "<pre tabindex=\"0\"><code class=\"language-{}\">",
                s.css_name()
            ));
            html.push_str(&highlight(s, code));
        }
        None => {
            if !lang.is_empty() {
                html.push_str(&format!(
                    "<div class=\"code-lang\">{}</div>",
                    escape_html(lang)
                ));
            }
            html.push_str("<pre tabindex=\"0\"><code>");
            html.push_str(&escape_html(code));
        }
    }
    html.push_str("</code></pre></div>");
    html
}

/// Token classes; `Plain` text gets no span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tok {
    Plain,
    Kw,
    Str,
    Com,
    Num,
    Fn,
    Builtin,
    Op,
}

impl Tok {
    fn class(self) -> Option<&'static str> {
        match self {
            Tok::Plain => None,
            Tok::Kw => Some("tok-kw"),
            Tok::Str => Some("tok-str"),
            Tok::Com => Some("tok-com"),
            Tok::Num => Some("tok-num"),
            Tok::Fn => Some("tok-fn"),
            Tok::Builtin => Some("tok-builtin"),
            Tok::Op => Some("tok-op"),
        }
    }
}

/// Highlights `code` as `syntax`: HTML-escaped text with token spans.
pub fn highlight(syntax: Syntax, code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    for (tok, text) in tokenize(syntax, code) {
        match tok.class() {
            Some(class) => {
                out.push_str("<span class=\"");
                out.push_str(class);
                out.push_str("\">");
                out.push_str(&escape_html(text));
                out.push_str("</span>");
            }
            None => out.push_str(&escape_html(text)),
        }
    }
    out
}

const OPERATOR_CHARS: &str = "+-*/%=<>!&|^~:?@";

/// Splits `code` into classified pieces that concatenate back to `code`.
fn tokenize(syntax: Syntax, code: &str) -> Vec<(Tok, &str)> {
    let mut lexer = Lexer {
        syntax,
        code,
        pos: 0,
        tokens: Vec::new(),
        command_start: true,
        prev_word: "",
    };
    while lexer.pos < code.len() {
        lexer.step();
    }
    lexer.tokens
}

struct Lexer<'a> {
    syntax: Syntax,
    code: &'a str,
    pos: usize,
    tokens: Vec<(Tok, &'a str)>,
    /// Shell: the next word is a command name.
    command_start: bool,
    /// The last identifier-like word, for `def name` / `class Name`.
    prev_word: &'a str,
}

impl<'a> Lexer<'a> {
    fn rest(&self) -> &'a str {
        &self.code[self.pos..]
    }

    fn emit(&mut self, tok: Tok, len: usize) {
        let text = &self.code[self.pos..self.pos + len];
        // Merge neighbours of the same class so the HTML stays small.
        // Tokens are contiguous, so the last one ends at `self.pos`.
        match self.tokens.last_mut() {
            Some((last, prev)) if *last == tok => {
                let start = self.pos - prev.len();
                *prev = &self.code[start..self.pos + len];
            }
            _ => self.tokens.push((tok, text)),
        }
        self.pos += len;
    }

    fn step(&mut self) {
        let rest = self.rest();
        let Some(c) = rest.chars().next() else { return };
        if c == '\n' {
            self.command_start = true;
            return self.emit(Tok::Plain, 1);
        }
        if c.is_whitespace() {
            return self.emit(Tok::Plain, c.len_utf8());
        }
        if let Some(len) = self.comment_len(rest) {
            return self.emit(Tok::Com, len);
        }
        if let Some(len) = self.string_len(rest, 0) {
            self.command_start = false;
            return self.emit(Tok::Str, len);
        }
        if self.syntax == Syntax::Shell {
            return self.shell_step(rest, c);
        }
        if c.is_ascii_digit() || (c == '.' && rest[1..].starts_with(|d: char| d.is_ascii_digit())) {
            let len = word_len(rest, |d| d.is_ascii_alphanumeric() || d == '_' || d == '.');
            return self.emit(Tok::Num, len);
        }
        if c == '@' && self.syntax == Syntax::Python {
            let len = 1 + word_len(&rest[1..], |d| d.is_alphanumeric() || d == '_' || d == '.');
            return self.emit(Tok::Fn, len);
        }
        if c.is_alphabetic() || c == '_' || c == '$' {
            let len = word_len(rest, |d| d.is_alphanumeric() || d == '_' || d == '$');
            let word = &rest[..len];
            // Python string prefixes: f"…", rb'…'.
            if self.syntax == Syntax::Python
                && len <= 2
                && word.chars().all(|p| "rbfuRBFU".contains(p))
            {
                if let Some(slen) = self.string_len(rest, len) {
                    return self.emit(Tok::Str, slen);
                }
            }
            let tok = self.classify_word(word, &rest[len..]);
            self.prev_word = word;
            return self.emit(tok, len);
        }
        if OPERATOR_CHARS.contains(c) {
            let len = word_len(rest, |d| OPERATOR_CHARS.contains(d));
            return self.emit(Tok::Op, len);
        }
        self.emit(Tok::Plain, c.len_utf8())
    }

    fn classify_word(&self, word: &str, after: &str) -> Tok {
        let keyword = if self.syntax == Syntax::Sql {
            self.syntax
                .keywords()
                .iter()
                .any(|k| k.eq_ignore_ascii_case(word))
        } else {
            self.syntax.keywords().contains(&word)
        };
        if keyword {
            return Tok::Kw;
        }
        let builtin = if self.syntax == Syntax::Sql {
            self.syntax
                .builtins()
                .iter()
                .any(|k| k.eq_ignore_ascii_case(word))
        } else {
            self.syntax.builtins().contains(&word)
        };
        if matches!(self.prev_word, "def" | "class" | "function")
            || after.trim_start_matches(' ').starts_with('(')
        {
            if builtin {
                return Tok::Builtin;
            }
            return Tok::Fn;
        }
        if builtin {
            return Tok::Builtin;
        }
        Tok::Plain
    }

    fn shell_step(&mut self, rest: &str, c: char) {
        if c == '$' {
            let len = if rest[1..].starts_with('{') {
                rest.find('}').map_or(rest.len(), |i| i + 1)
            } else if rest[1..].starts_with('(') {
                self.command_start = true;
                2
            } else {
                1 + word_len(&rest[1..], |d| d.is_alphanumeric() || d == '_').max(
                    rest[1..]
                        .chars()
                        .next()
                        .filter(|d| "?#@*!$-0123456789".contains(*d))
                        .map_or(0, |d| d.len_utf8()),
                )
            };
            let tok = if len == 2 && rest[1..].starts_with('(') {
                Tok::Op
            } else {
                Tok::Builtin
            };
            return self.emit(tok, len);
        }
        if "|&;<>()`".contains(c) {
            let len = word_len(rest, |d| "|&;<>".contains(d)).max(1);
            if c != '>' && c != '<' {
                self.command_start = true;
            }
            return self.emit(Tok::Op, len);
        }
        let len = word_len(rest, |d| !d.is_whitespace() && !"|&;<>()`'\"$".contains(d));
        let word = &rest[..len];
        let is_assignment = word.contains('=') && !word.starts_with('-');
        let tok = if self.syntax.keywords().contains(&word) {
            // After `then`, `do`, `sudo` … a command follows; after `in`,
            // `export` … words do not.
            self.command_start = matches!(
                word,
                "if" | "then" | "else" | "elif" | "while" | "until" | "do" | "sudo"
            );
            return self.emit(Tok::Kw, len);
        } else if word.chars().all(|d| d.is_ascii_digit()) {
            Tok::Num
        } else if self.command_start && !is_assignment {
            if self.syntax.builtins().contains(&word) {
                Tok::Builtin
            } else {
                Tok::Fn
            }
        } else {
            Tok::Plain
        };
        if !is_assignment {
            self.command_start = false;
        }
        self.emit(tok, len)
    }

    /// Length of a comment starting here, if one does.
    fn comment_len(&self, rest: &str) -> Option<usize> {
        if self.syntax.has_block_comments() && rest.starts_with("/*") {
            return Some(rest[2..].find("*/").map_or(rest.len(), |i| i + 4));
        }
        let starts = self
            .syntax
            .line_comments()
            .iter()
            .any(|m| rest.starts_with(m));
        // In shell `#` opens a comment only at the start of a word (`$#`, `a#b` are not).
        let word_start = self.syntax != Syntax::Shell
            || self.code[..self.pos]
                .chars()
                .next_back()
                .is_none_or(char::is_whitespace);
        (starts && word_start).then(|| rest.find('\n').unwrap_or(rest.len()))
    }

    /// Length of a string literal whose quote is at byte `at` of `rest`
    /// (after a prefix such as Python's `f`), counting the prefix.
    fn string_len(&self, rest: &str, at: usize) -> Option<usize> {
        let body = &rest[at..];
        let quote = body
            .chars()
            .next()
            .filter(|q| self.syntax.quotes().contains(q))?;
        if self.syntax == Syntax::Python {
            let triple: String = std::iter::repeat_n(quote, 3).collect();
            if body.starts_with(&triple) {
                let end = body[3..].find(&triple).map_or(body.len(), |i| i + 6);
                return Some(at + end);
            }
        }
        // Backslash escapes everywhere except shell single quotes; plain
        // quotes end at the line's end in Python, SQL and JavaScript.
        let escapes = !(self.syntax == Syntax::Shell && quote == '\'');
        let multiline = self.syntax == Syntax::Shell || quote == '`';
        let mut chars = body.char_indices().skip(1);
        while let Some((i, d)) = chars.next() {
            if d == quote {
                return Some(at + i + d.len_utf8());
            }
            if d == '\\' && escapes {
                chars.next();
            } else if d == '\n' && !multiline {
                return Some(at + i);
            }
        }
        Some(rest.len())
    }
}

/// Byte length of the longest prefix of `s` whose characters satisfy `ok`.
fn word_len(s: &str, ok: impl Fn(char) -> bool) -> usize {
    s.char_indices()
        .find(|&(_, c)| !ok(c))
        .map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(syntax: Syntax, code: &str) -> Vec<(&'static str, String)> {
        tokenize(syntax, code)
            .into_iter()
            .filter_map(|(t, s)| t.class().map(|c| (c, s.to_string())))
            .collect()
    }

    fn pairs(list: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
        list.iter().map(|&(c, s)| (c, s.to_string())).collect()
    }

    #[test]
    fn tokens_concatenate_back_to_the_source() {
        let samples = [
            (
                Syntax::Python,
                "def f(x):\n    return x * 2  # 注释\ns = f'{x}' + \"\"\"a\nb\"\"\"\n",
            ),
            (
                Syntax::Shell,
                "find . -name '*.pyc' -delete | wc -l; echo $HOME ${X} $(pwd) # c\n",
            ),
            (
                Syntax::Sql,
                "SELECT * FROM t WHERE id = 1 -- c\n/* b */ LOCK IN SHARE MODE;",
            ),
            (
                Syntax::JavaScript,
                "const a = `x${1}`; // c\nfunction g() { return 0x1f; }",
            ),
            (
                Syntax::Python,
                "unterminated = 'abc\nnext = \"\"\"never closed",
            ),
        ];
        for (syntax, code) in samples {
            let joined: String = tokenize(syntax, code).into_iter().map(|(_, s)| s).collect();
            assert_eq!(joined, code);
        }
    }

    #[test]
    fn python_golden() {
        let got = classes(
            Syntax::Python,
            "@wraps(f)\ndef timefun(func):\n    print(\"%s\" % 1.5)  # hi\n",
        );
        let want = pairs(&[
            ("tok-fn", "@wraps"),
            ("tok-kw", "def"),
            ("tok-fn", "timefun"),
            ("tok-op", ":"),
            ("tok-builtin", "print"),
            ("tok-str", "\"%s\""),
            ("tok-op", "%"),
            ("tok-num", "1.5"),
            ("tok-com", "# hi"),
        ]);
        assert_eq!(got, want);
    }

    #[test]
    fn python_string_prefixes_and_triple_quotes() {
        let got = classes(Syntax::Python, "x = rb'\\x00' + f\"{a}\" + '''q\n'''");
        let want = pairs(&[
            ("tok-op", "="),
            ("tok-str", "rb'\\x00'"),
            ("tok-op", "+"),
            ("tok-str", "f\"{a}\""),
            ("tok-op", "+"),
            ("tok-str", "'''q\n'''"),
        ]);
        assert_eq!(got, want);
    }

    #[test]
    fn shell_golden() {
        let got = classes(
            Syntax::Shell,
            "ls/rm/cd -la\nfind . -name '*.pyc' | grep x; echo $# 2 # done\n",
        );
        let want = pairs(&[
            ("tok-fn", "ls/rm/cd"),
            ("tok-fn", "find"),
            ("tok-str", "'*.pyc'"),
            ("tok-op", "|"),
            ("tok-fn", "grep"),
            ("tok-op", ";"),
            ("tok-builtin", "echo"),
            ("tok-builtin", "$#"),
            ("tok-num", "2"),
            ("tok-com", "# done"),
        ]);
        assert_eq!(got, want);
    }

    #[test]
    fn shell_keywords_and_assignments() {
        let got = classes(Syntax::Shell, "if test -f x; then FOO=1 make; fi");
        let want = pairs(&[
            ("tok-kw", "if"),
            ("tok-builtin", "test"),
            ("tok-op", ";"),
            ("tok-kw", "then"),
            ("tok-fn", "make"),
            ("tok-op", ";"),
            ("tok-kw", "fi"),
        ]);
        assert_eq!(got, want);
    }

    #[test]
    fn sql_is_case_insensitive() {
        let got = classes(Syntax::Sql, "select COUNT(*) From t -- x");
        let want = pairs(&[
            ("tok-kw", "select"),
            ("tok-builtin", "COUNT"),
            ("tok-op", "*"),
            ("tok-kw", "From"),
            ("tok-com", "-- x"),
        ]);
        assert_eq!(got, want);
    }

    #[test]
    fn html_in_code_is_escaped() {
        let html = highlight(Syntax::JavaScript, "a < b && \"<script>\"");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        let plain = render_code_block("text", "<b>&");
        assert!(plain.contains("<code>&lt;b&gt;&amp;</code>"), "{plain}");
        assert!(
            plain.contains("<div class=\"code-lang\">text</div>"),
            "{plain}"
        );
    }

    #[test]
    fn blocks_carry_a_label() {
        let html = render_code_block("SHELL", "ls");
        assert!(html.starts_with("<div class=\"code-block\"><div class=\"code-lang\">Shell</div><pre tabindex=\"0\"><code class=\"language-shell\">"), "{html}");
        assert!(!render_code_block("", "x").contains("code-lang"));
    }
}
