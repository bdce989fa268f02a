//! Source text to tokens, with Python's INDENT/DEDENT and implicit line
//! joining inside brackets. Positions are 1-based (line, column).

use super::error::PyError;

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Name(String),
    Int(i64),
    Str(String),
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub line: u32,
    pub col: u32,
}

const OPS: [&str; 45] = [
    "**=", "//=", ">>=", "<<=", "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=",
    "->", "<<", ">>", "&=", "|=", "^=", "+", "-", "*", "/", "%", "(", ")", "[", "]", "{", "}", ",",
    ":", ".", "=", "<", ">", "~", "&", "|", "^", "@", ";", "!",
];

/// Splits `src` into tokens, or says where it cannot.
pub fn tokenize(src: &str) -> Result<Vec<Token>, PyError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut indents = vec![0usize];
    let mut depth = 0usize; // open brackets
    let (mut i, mut line, mut col) = (0usize, 1u32, 1u32);
    let mut at_line_start = true;
    while i < chars.len() {
        if at_line_start && depth == 0 {
            // Measure indentation; skip blank and comment-only lines.
            let mut width = 0usize;
            let mut j = i;
            while j < chars.len() && (chars[j] == ' ' || chars[j] == '\t') {
                width = if chars[j] == '\t' {
                    (width / 8 + 1) * 8
                } else {
                    width + 1
                };
                j += 1;
            }
            if j >= chars.len() || chars[j] == '\n' || chars[j] == '#' || chars[j] == '\r' {
                while j < chars.len() && chars[j] != '\n' {
                    j += 1;
                }
                i = j + 1;
                line += 1;
                col = 1;
                continue;
            }
            col += (j - i) as u32;
            i = j;
            at_line_start = false;
            let cur = *indents.last().unwrap_or(&0);
            if width > cur {
                indents.push(width);
                out.push(Token {
                    tok: Tok::Indent,
                    line,
                    col,
                });
            } else {
                while width < *indents.last().unwrap_or(&0) {
                    indents.pop();
                    out.push(Token {
                        tok: Tok::Dedent,
                        line,
                        col,
                    });
                }
                if width != *indents.last().unwrap_or(&0) {
                    return Err(PyError::syntax(
                        "unindent does not match any outer indentation level",
                        line,
                        col,
                    ));
                }
            }
            continue;
        }
        let c = chars[i];
        let (tl, tc) = (line, col);
        match c {
            '\n' => {
                if depth == 0 {
                    out.push(Token {
                        tok: Tok::Newline,
                        line,
                        col,
                    });
                    at_line_start = true;
                }
                i += 1;
                line += 1;
                col = 1;
            }
            ' ' | '\t' | '\r' => {
                i += 1;
                col += 1;
            }
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '\\' if chars.get(i + 1) == Some(&'\n') => {
                i += 2;
                line += 1;
                col = 1;
            }
            c if c.is_alphabetic() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                col += (i - start) as u32;
                if matches!(chars.get(i), Some('\'') | Some('"')) {
                    return Err(PyError::unsupported(
                        &format!("string prefixes such as {word}'…' are outside this subset"),
                        tl,
                        tc,
                    ));
                }
                out.push(Token {
                    tok: Tok::Name(word),
                    line: tl,
                    col: tc,
                });
            }
            c if c.is_ascii_digit() => {
                let start = i;
                while i < chars.len()
                    && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '.')
                {
                    i += 1;
                }
                let text: String = chars[start..i].iter().filter(|&&c| c != '_').collect();
                col += (i - start) as u32;
                if text.contains('.')
                    || text.contains('e')
                    || text.contains('E') && !text.starts_with("0x")
                {
                    return Err(PyError::unsupported(
                        "floats are outside this subset (integers only)",
                        tl,
                        tc,
                    ));
                }
                let value = if let Some(hex) =
                    text.strip_prefix("0x").or_else(|| text.strip_prefix("0X"))
                {
                    i64::from_str_radix(hex, 16).ok()
                } else if text.len() > 1 && text.starts_with('0') && text.chars().any(|c| c != '0')
                {
                    None
                } else {
                    text.parse::<i64>().ok()
                };
                match value {
                    Some(v) => out.push(Token {
                        tok: Tok::Int(v),
                        line: tl,
                        col: tc,
                    }),
                    None => {
                        return Err(PyError::syntax(
                            &format!("invalid number literal {text}"),
                            tl,
                            tc,
                        ))
                    }
                }
            }
            '\'' | '"' => {
                let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                let quote_len = if triple { 3 } else { 1 };
                i += quote_len;
                col += quote_len as u32;
                let mut s = String::new();
                loop {
                    let Some(&d) = chars.get(i) else {
                        return Err(PyError::syntax("unterminated string literal", tl, tc));
                    };
                    if d == c
                        && (!triple
                            || (chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c)))
                    {
                        i += quote_len;
                        col += quote_len as u32;
                        break;
                    }
                    if d == '\n' {
                        if !triple {
                            return Err(PyError::syntax("unterminated string literal", tl, tc));
                        }
                        s.push('\n');
                        i += 1;
                        line += 1;
                        col = 1;
                        continue;
                    }
                    if d == '\\' {
                        let e = chars.get(i + 1).copied().unwrap_or('\\');
                        match e {
                            'n' => s.push('\n'),
                            't' => s.push('\t'),
                            '\\' => s.push('\\'),
                            '\'' => s.push('\''),
                            '"' => s.push('"'),
                            '0' => s.push('\0'),
                            '\n' => {
                                line += 1;
                                col = 0;
                            }
                            other => {
                                s.push('\\');
                                s.push(other);
                            }
                        }
                        i += 2;
                        col += 2;
                        continue;
                    }
                    s.push(d);
                    i += 1;
                    col += 1;
                }
                out.push(Token {
                    tok: Tok::Str(s),
                    line: tl,
                    col: tc,
                });
            }
            _ => {
                let rest: String = chars[i..(i + 3).min(chars.len())].iter().collect();
                let Some(op) = OPS.iter().find(|op| rest.starts_with(**op)) else {
                    return Err(PyError::syntax(
                        &format!("unexpected character {c:?}"),
                        tl,
                        tc,
                    ));
                };
                match *op {
                    "(" | "[" | "{" => depth += 1,
                    ")" | "]" | "}" => depth = depth.saturating_sub(1),
                    _ => {}
                }
                i += op.len();
                col += op.len() as u32;
                out.push(Token {
                    tok: Tok::Op(op),
                    line: tl,
                    col: tc,
                });
            }
        }
    }
    if !matches!(
        out.last().map(|t| &t.tok),
        None | Some(Tok::Newline) | Some(Tok::Dedent)
    ) {
        out.push(Token {
            tok: Tok::Newline,
            line,
            col,
        });
    }
    while indents.len() > 1 {
        indents.pop();
        out.push(Token {
            tok: Tok::Dedent,
            line,
            col,
        });
    }
    out.push(Token {
        tok: Tok::Eof,
        line,
        col,
    });
    Ok(out)
}
