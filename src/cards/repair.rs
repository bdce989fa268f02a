//! Reading as much as possible of damaged JSON.
//!
//! Stored progress can be cut short (a quota hit mid-write, a crash) or
//! damaged in the middle. Everything before the damage is still good, so we
//! cut the text where the parser stopped, back up to the last place where a
//! value was complete, and close the brackets still open. Only structural
//! cut points are used (after a closed container, before a comma), so a
//! half-written number or string is dropped rather than read as a wrong value.

use serde_json::Value;

use super::log::{Problem, ProblemKind};

/// How deep a document may nest before we give up repairing it (serde_json
/// refuses deeper input anyway).
const MAX_DEPTH: usize = 128;
/// How many cut points are tried, latest first.
const MAX_TRIES: usize = 8;

/// Parses `text`; on failure, parses its longest repairable prefix. Returns
/// the value (if any) and a problem describing the damage (if any).
pub(crate) fn parse_salvaging(text: &str) -> (Option<Value>, Vec<Problem>) {
    let error = match serde_json::from_str::<Value>(text) {
        Ok(value) => return (Some(value), Vec::new()),
        Err(e) => e,
    };
    let not_json = || {
        Problem::new(
            "",
            ProblemKind::NotJson {
                line: error.line(),
                column: error.column(),
            },
        )
    };
    let at = if error.is_eof() {
        text.len()
    } else {
        byte_offset(text, error.line(), error.column())
    };
    match repair_prefix(&text[..floor_char_boundary(text, at)]) {
        Some(value) => (Some(value), vec![Problem::new("", ProblemKind::Cut { at })]),
        None => (None, vec![not_json()]),
    }
}

/// The byte offset of a 1-based (line, column) as serde_json reports it
/// (columns count bytes). The offending byte itself is excluded.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Closes the latest complete point of `prefix` and parses it.
fn repair_prefix(prefix: &str) -> Option<Value> {
    let mut stack: Vec<u8> = Vec::new();
    // (cut position, brackets open there), latest last.
    let mut cuts: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in prefix.bytes().enumerate() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                stack.push(b);
                if stack.len() > MAX_DEPTH {
                    return None;
                }
                cuts.push((i + 1, stack.clone()));
            }
            b'}' | b']' => {
                stack.pop();
                cuts.push((i + 1, stack.clone()));
            }
            b',' => cuts.push((i, stack.clone())),
            _ => {}
        }
        if cuts.len() > 2 * MAX_TRIES {
            cuts.drain(..MAX_TRIES);
        }
    }
    cuts.iter().rev().take(MAX_TRIES).find_map(|(at, open)| {
        let mut text = String::with_capacity(at + open.len());
        text.push_str(&prefix[..*at]);
        text.extend(
            open.iter()
                .rev()
                .map(|&b| if b == b'{' { '}' } else { ']' }),
        );
        serde_json::from_str(&text).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_documents_need_no_repair() {
        let (value, problems) = parse_salvaging(r#"{"a":[1,2]}"#);
        assert_eq!(value, Some(serde_json::json!({"a": [1, 2]})));
        assert!(problems.is_empty());
    }

    #[test]
    fn a_cut_document_keeps_its_complete_part() {
        let cases = [
            (
                r#"{"a":[[1,2],[3,4]],"b":[[5"#,
                serde_json::json!({"a": [[1, 2], [3, 4]], "b": [[]]}),
            ),
            (
                r#"{"a":[[1,2],[3,4"#,
                serde_json::json!({"a": [[1, 2], [3]]}),
            ),
            (r#"{"a":[[1,2]],"b"#, serde_json::json!({"a": [[1, 2]]})),
            (r#"{"a":"x\"y"#, serde_json::json!({})),
            (
                r#"{"a":[[1,2]]}garbage"#,
                serde_json::json!({"a": [[1, 2]]}),
            ),
        ];
        for (text, expected) in cases {
            let (value, problems) = parse_salvaging(text);
            assert_eq!(value, Some(expected), "{text}");
            assert!(matches!(
                problems[..],
                [Problem {
                    kind: ProblemKind::Cut { .. },
                    ..
                }]
            ));
        }
    }

    #[test]
    fn damage_in_the_middle_keeps_what_came_before() {
        let (value, problems) =
            parse_salvaging("{\"a\":[[1,2],[3,4]],\n\"b\":[[5,6],[7,#],[8,9]]}");
        assert_eq!(
            value,
            Some(serde_json::json!({"a": [[1, 2], [3, 4]], "b": [[5, 6], [7]]}))
        );
        assert_eq!(
            problems,
            vec![Problem::new("", ProblemKind::Cut { at: 34 })]
        );
    }

    #[test]
    fn text_that_never_was_json_reads_as_nothing() {
        for text in ["", "   ", "hello", "123abc", "\u{feff}{}", "]", "nul"] {
            let (value, problems) = parse_salvaging(text);
            assert_eq!(value, None, "{text:?}");
            assert!(matches!(
                problems[..],
                [Problem {
                    kind: ProblemKind::NotJson { .. },
                    ..
                }]
            ));
        }
    }
}
