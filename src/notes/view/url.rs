//! Reading and rewriting the hash query of the notes pages (`?q=…`), keeping
//! the keys other parts of the app own (`embed`, `theme`, `lang`, `bench`).

use crate::route::{pairs, percent_encode};

/// The value of `key` in a query string (with or without the leading `?`).
pub fn param(query: &str, key: &str) -> Option<String> {
    pairs(query)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// True when `key` is present, with or without a value (`?bench`).
pub fn has(query: &str, key: &str) -> bool {
    pairs(query).iter().any(|(k, _)| k == key)
}

/// `query` with `key` set to `value` (or removed when `value` is empty),
/// other keys kept in order; no leading `?`.
pub fn with_param(query: &str, key: &str, value: &str) -> String {
    let mut parts: Vec<String> = pairs(query)
        .into_iter()
        .filter(|(k, _)| k != key)
        .map(|(k, v)| {
            if v.is_empty() {
                percent_encode(&k)
            } else {
                format!("{}={}", percent_encode(&k), percent_encode(&v))
            }
        })
        .collect();
    if !value.is_empty() {
        parts.push(format!("{}={}", percent_encode(key), percent_encode(value)));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_search_query() {
        assert_eq!(
            param("?q=%E4%B8%89%E6%AC%A1&embed", "q").as_deref(),
            Some("三次")
        );
        assert_eq!(param("", "q"), None);
        assert!(has("?embed&bench", "bench") && !has("?q=bench", "bench"));
    }

    #[test]
    fn rewrites_q_and_keeps_the_shell_keys() {
        assert_eq!(
            with_param("?embed&theme=dark&q=old", "q", "三次 握手"),
            "embed&theme=dark&q=%E4%B8%89%E6%AC%A1%20%E6%8F%A1%E6%89%8B"
        );
        assert_eq!(with_param("?q=old&lang=en", "q", ""), "lang=en");
        assert_eq!(with_param("", "q", ""), "");
        let round = with_param("", "q", "TIME_WAIT & a=b?");
        assert_eq!(param(&round, "q").as_deref(), Some("TIME_WAIT & a=b?"));
    }
}
