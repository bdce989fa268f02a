//! Reading JSON the app stored, keeping all it can of a damaged text.
//!
//! `serde_json` alone is the wrong reader for stored data in three ways:
//! - it keeps the *last* of two equal keys and says nothing, so a value with
//!   a second `"log"` silently reads as the second log only;
//! - past 128 levels of nesting it refuses the whole text, so one junk field
//!   costs every review beside it;
//! - a text cut short (a quota hit mid-write, a crash) is an error, although
//!   everything before the cut is good.
//!
//! [`parse`] reads a whole text, joining duplicated keys (objects merged key
//! by key, arrays concatenated: for a log, the union of both) and replacing
//! anything nested deeper than [`MAX_DEPTH`] with `null`. [`parse_salvaging`]
//! also repairs a cut or damaged text: it cuts where the parser stopped,
//! backs up to the last place where a value was complete, and closes the
//! brackets still open. Only structural cut points are used (after a closed
//! container, before a comma), so a half-written number or string is dropped
//! rather than read as a wrong value. Each departure from a clean read is a
//! [`Damage`], so the caller can back the original up and tell the user.

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Deepest nesting read; anything deeper is replaced by `null`. Nothing the
/// app writes goes past 5 levels.
pub const MAX_DEPTH: usize = 64;
/// How many cut points are tried, latest first.
const MAX_TRIES: usize = 8;

/// How a text departed from a clean read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Damage {
    /// A key appeared more than once in one object (`path` is where, such as
    /// `data.log`); the values were joined.
    DuplicateKey { path: String },
    /// A container at byte `at` nested deeper than [`MAX_DEPTH`]; it was
    /// read as `null`.
    TooDeep { at: usize },
    /// The text broke off or was damaged at byte `at`; what came before it
    /// was kept.
    Cut { at: usize },
    /// Not JSON at all (position of the first error, 1-based).
    NotJson { line: usize, column: usize },
}

/// Reads a whole JSON text, joining duplicated keys and flattening what is
/// nested too deep; a syntax error is an error.
pub fn parse(text: &str) -> Result<(Value, Vec<Damage>), serde_json::Error> {
    let (text, mut damage) = flatten_deep(text);
    let (value, more) = parse_flat(&text)?;
    damage.extend(more);
    Ok((value, damage))
}

/// Reads a JSON text, repairing it where it was cut or damaged. Returns the
/// value (if anything could be read) and every departure from a clean read.
pub fn parse_salvaging(text: &str) -> (Option<Value>, Vec<Damage>) {
    let (flat, mut damage) = flatten_deep(text);
    let error = match parse_flat(&flat) {
        Ok((value, more)) => {
            damage.extend(more);
            return (Some(value), damage);
        }
        Err(e) => e,
    };
    let at = if error.is_eof() {
        flat.len()
    } else {
        byte_offset(&flat, error.line(), error.column())
    };
    match repair_prefix(&flat[..floor_char_boundary(&flat, at)]) {
        Some((value, more)) => {
            damage.push(Damage::Cut { at });
            damage.extend(more);
            (Some(value), damage)
        }
        None => (
            None,
            vec![Damage::NotJson {
                line: error.line(),
                column: error.column(),
            }],
        ),
    }
}

/// Replaces every container nested deeper than [`MAX_DEPTH`] with `null`
/// (or, if it never closes, cuts the text there). One pass, no recursion, so
/// no nesting can exhaust the stack.
fn flatten_deep(text: &str) -> (std::borrow::Cow<'_, str>, Vec<Damage>) {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut damage = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    // Start of the text not yet copied to `out`.
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' if depth == MAX_DEPTH => {
                let end = matching_close(bytes, i);
                let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
                o.push_str(&text[copied..i]);
                damage.push(Damage::TooDeep { at: i });
                match end {
                    Some(end) => {
                        o.push_str("null");
                        copied = end + 1;
                        i = end + 1;
                        continue;
                    }
                    None => {
                        copied = bytes.len();
                        break;
                    }
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    match out {
        Some(mut o) => {
            o.push_str(&text[copied..]);
            (std::borrow::Cow::Owned(o), damage)
        }
        None => (std::borrow::Cow::Borrowed(text), damage),
    }
}

/// The index of the bracket closing the one at `open`, skipping strings.
fn matching_close(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(open) {
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
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Parses a text nested at most [`MAX_DEPTH`] deep, joining duplicates.
fn parse_flat(text: &str) -> Result<(Value, Vec<Damage>), serde_json::Error> {
    let damage = RefCell::new(Vec::new());
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Node {
        damage: &damage,
        path: &Path::Root,
    }
    .deserialize(&mut de)?;
    de.end()?;
    Ok((value, damage.into_inner()))
}

/// Where a value sits, built only when a duplicate must be named.
enum Path<'a> {
    Root,
    Key(&'a str, &'a Path<'a>),
    Index(&'a Path<'a>),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(key, Path::Root) => write!(f, "{key}"),
            Path::Key(key, parent) => write!(f, "{parent}.{key}"),
            Path::Index(parent) => write!(f, "{parent}[]"),
        }
    }
}

/// Builds a [`Value`] like `serde_json` does, except for duplicated keys.
struct Node<'a> {
    damage: &'a RefCell<Vec<Damage>>,
    path: &'a Path<'a>,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let path = Path::Index(self.path);
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Node {
            damage: self.damage,
            path: &path,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let path = Path::Key(&key, self.path);
            let value = map.next_value_seed(Node {
                damage: self.damage,
                path: &path,
            })?;
            let joined = match out.remove(&key) {
                Some(first) => {
                    self.damage.borrow_mut().push(Damage::DuplicateKey {
                        path: path.to_string(),
                    });
                    join(first, value)
                }
                None => value,
            };
            out.insert(key, joined);
        }
        Ok(Value::Object(out))
    }
}

/// Two values found under one key: objects merge key by key, arrays are
/// concatenated, and of two different plain values the later one is kept
/// (what a reader that keeps the last key would have seen).
fn join(first: Value, second: Value) -> Value {
    match (first, second) {
        (Value::Object(mut a), Value::Object(b)) => {
            for (k, v) in b {
                let v = match a.remove(&k) {
                    Some(old) => join(old, v),
                    None => v,
                };
                a.insert(k, v);
            }
            Value::Object(a)
        }
        (Value::Array(mut a), Value::Array(b)) => {
            a.extend(b);
            Value::Array(a)
        }
        (_, second) => second,
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
fn repair_prefix(prefix: &str) -> Option<(Value, Vec<Damage>)> {
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
        parse_flat(&text).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_documents_need_no_repair() {
        let (value, damage) = parse_salvaging(r#"{"a":[1,2]}"#);
        assert_eq!(value, Some(json!({"a": [1, 2]})));
        assert!(damage.is_empty());
    }

    #[test]
    fn duplicated_keys_are_joined_and_named() {
        let text = r#"{"log":{"v":1,"cards":{"a":[[1,3]]}},"s":1,"log":{"v":1,"cards":{"a":[[2,4]],"b":[]}},"s":2}"#;
        let (value, damage) = parse(text).expect("JSON");
        assert_eq!(
            value,
            json!({"log": {"v": 1, "cards": {"a": [[1, 3], [2, 4]], "b": []}}, "s": 2})
        );
        assert_eq!(
            damage,
            vec![
                Damage::DuplicateKey { path: "log".into() },
                Damage::DuplicateKey { path: "s".into() },
            ]
        );
        let (_, damage) = parse(r#"{"d":{"x":[{"k":1,"k":1}]}}"#).expect("JSON");
        assert_eq!(
            damage,
            vec![Damage::DuplicateKey {
                path: "d.x[].k".into()
            }]
        );
        // Keys equal once unescaped are the same key.
        let (value, damage) = parse(r#"{"a":1,"\u0061":2}"#).expect("JSON");
        assert_eq!((value, damage.len()), (json!({"a": 2}), 1));
        // A clean text reads exactly as serde_json reads it.
        let clean = r#"{"a":[1,-2,3.5,"x\"y",null,true,{"b":{}}],"c":18446744073709551615}"#;
        let (value, damage) = parse(clean).expect("JSON");
        assert_eq!(value, serde_json::from_str::<Value>(clean).expect("JSON"));
        assert!(damage.is_empty());
    }

    #[test]
    fn deep_nesting_costs_only_the_deep_part() {
        let deep = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        let text = format!(
            r#"{{"keep":[1,2],"junk":{},"after":"]\"["}}"#,
            deep(100_000)
        );
        let (value, damage) = parse(&text).expect("read");
        let Value::Object(map) = &value else {
            panic!("{value}")
        };
        assert_eq!(map["keep"], json!([1, 2]));
        assert_eq!(map["after"], json!("]\"["));
        assert!(matches!(damage[..], [Damage::TooDeep { .. }]));
        // Exactly MAX_DEPTH levels are kept whole.
        let (value, damage) = parse(&deep(MAX_DEPTH)).expect("read");
        assert!(damage.is_empty());
        assert_eq!(value.to_string(), deep(MAX_DEPTH));
        // A deep part that never closes is a cut.
        let (value, damage) =
            parse_salvaging(&format!(r#"{{"keep":[1],"junk":{}"#, "[".repeat(500)));
        assert_eq!(value.and_then(|v| v.get("keep").cloned()), Some(json!([1])));
        assert!(damage.iter().any(|d| matches!(d, Damage::TooDeep { .. })));
    }

    #[test]
    fn a_cut_document_keeps_its_complete_part() {
        let cases = [
            (
                r#"{"a":[[1,2],[3,4]],"b":[[5"#,
                json!({"a": [[1, 2], [3, 4]], "b": [[]]}),
            ),
            (r#"{"a":[[1,2],[3,4"#, json!({"a": [[1, 2], [3]]})),
            (r#"{"a":[[1,2]],"b"#, json!({"a": [[1, 2]]})),
            (r#"{"a":"x\"y"#, json!({})),
            (r#"{"a":[[1,2]]}garbage"#, json!({"a": [[1, 2]]})),
        ];
        for (text, expected) in cases {
            let (value, damage) = parse_salvaging(text);
            assert_eq!(value, Some(expected), "{text}");
            assert!(matches!(damage[..], [Damage::Cut { .. }]), "{text}");
        }
        // A duplicate before the cut is still joined.
        let (value, damage) = parse_salvaging(r#"{"a":[1],"a":[2],"b":[3"#);
        assert_eq!(value, Some(json!({"a": [1, 2], "b": []})));
        assert_eq!(damage.len(), 2);
    }

    #[test]
    fn damage_in_the_middle_keeps_what_came_before() {
        let (value, damage) = parse_salvaging("{\"a\":[[1,2],[3,4]],\n\"b\":[[5,6],[7,#],[8,9]]}");
        assert_eq!(
            value,
            Some(json!({"a": [[1, 2], [3, 4]], "b": [[5, 6], [7]]}))
        );
        assert_eq!(damage, vec![Damage::Cut { at: 34 }]);
    }

    #[test]
    fn text_that_never_was_json_reads_as_nothing() {
        for text in ["", "   ", "hello", "123abc", "\u{feff}{}", "]", "nul"] {
            let (value, damage) = parse_salvaging(text);
            assert_eq!(value, None, "{text:?}");
            assert!(matches!(damage[..], [Damage::NotJson { .. }]));
        }
    }
}
