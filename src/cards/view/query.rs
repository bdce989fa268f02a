//! The review page's hash query (`?topic=…&card=…`), keeping the keys the
//! shell owns (`embed`, `theme`, `lang`).

use crate::route::{pairs, percent_encode};

/// The value of `key`, if present and not empty.
pub fn param(query: &str, key: &str) -> Option<String> {
    pairs(query)
        .into_iter()
        .find(|(k, v)| k == key && !v.is_empty())
        .map(|(_, v)| v)
}

/// `query` with `key` set to `value`, or removed when `value` is empty.
pub fn with_param(query: &str, key: &str, value: &str) -> String {
    let mut parts: Vec<String> = pairs(query)
        .into_iter()
        .filter(|(k, _)| k != key)
        .map(|(k, v)| match v.is_empty() {
            true => percent_encode(&k),
            false => format!("{}={}", percent_encode(&k), percent_encode(&v)),
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
    fn rewrites_one_key_and_keeps_the_others() {
        assert_eq!(param("?topic=net&card=", "card"), None);
        assert_eq!(param("?topic=net", "topic").as_deref(), Some("net"));
        assert_eq!(
            with_param("?embed&topic=net", "topic", "db"),
            "embed&topic=db"
        );
        assert_eq!(with_param("?topic=net&lang=en", "topic", ""), "lang=en");
    }
}
