//! Question ids: derived from the question's text, so flashcard progress
//! follows a question wherever it moves, with `{#explicit-id}` as the way to
//! keep an id when a question is reworded (as hashcards does with card hashes).

use crate::fold::half_width;

/// Characters ignored at the end of a question: asking "什么是 GIL？" or
/// "什么是 GIL" is the same question.
const TRAILING_PUNCTUATION: &[char] = &[
    '?', '.', '!', ':', ';', ',', '。', '、', '，', '；', '：', '…', '~', '～',
];

/// The form of a question that its id is computed from: full-width folded to
/// half-width, lowercase, whitespace runs collapsed to one space, trailing
/// punctuation and spaces removed.
pub fn normalize_question(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut pending_space = false;
    for c in title.chars().map(half_width) {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    let trimmed =
        out.trim_end_matches(|c: char| c.is_whitespace() || TRAILING_PUNCTUATION.contains(&c));
    trimmed.to_string()
}

/// FNV-1a, 64-bit. Written out here because std's `DefaultHasher` may change
/// between Rust releases, and an id must never change under a user's progress.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes
        .iter()
        .fold(OFFSET, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(PRIME))
}

/// Crockford's base32 alphabet, lowercase: no `i`, `l`, `o`, `u`, so an id read
/// aloud or copied from a URL is hard to get wrong.
const BASE32: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// Number of base32 characters in a derived id: 10 × 5 = 50 bits, far more
/// than a few hundred questions need to stay collision-free (and a collision
/// would be reported as a duplicate id at build time anyway).
pub const ID_LEN: usize = 10;

/// The id of a question without an explicit `{#id}`.
pub fn question_id(title: &str) -> String {
    let hash = fnv1a64(normalize_question(title).as_bytes());
    (0..ID_LEN)
        .map(|i| char::from(BASE32[((hash >> (64 - 5 * (i + 1))) & 31) as usize]))
        .collect()
}

/// Checks an explicit `{#id}`: it appears in URLs and storage keys, so only
/// `a-z`, `0-9`, `-` and `_`, starting with a letter or digit, at most 64 long.
pub fn check_explicit_id(id: &str) -> Result<(), String> {
    let ok_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    let starts_well = id
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if id.len() <= 64 && starts_well && id.chars().all(ok_char) {
        Ok(())
    } else {
        Err(format!(
            "bad id characters in {{#{id}}}: use a-z, 0-9, '-' and '_' (starting with a letter or digit, at most 64)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_reference_values() {
        // Published FNV test vectors (Fowler/Noll/Vo reference code).
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn normalization_folds_width_case_space_and_trailing_punctuation() {
        assert_eq!(normalize_question("  什么是   ＧＩＬ？ "), "什么是 gil");
        assert_eq!(normalize_question("TCP\t三次握手。"), "tcp 三次握手");
        assert_eq!(normalize_question("Why?!"), "why");
        // Punctuation inside the question is part of it.
        assert_eq!(normalize_question("a?b"), "a?b");
    }

    #[test]
    fn ids_are_stable_golden_values() {
        // Pinned: changing these breaks every user's saved progress.
        assert_eq!(question_id("什么是 GIL"), question_id("什么是　ＧＩＬ？"));
        // Worked out independently (Python, same FNV-1a and alphabet).
        assert_eq!(question_id(""), "sfs9ss4448");
        assert_eq!(question_id("TCP  三次握手？"), "8q82r40kg9");
    }

    #[test]
    fn rewording_changes_the_id() {
        assert_ne!(question_id("TCP 三次握手"), question_id("TCP 的三次握手"));
        assert_ne!(question_id("gil"), question_id("gil2"));
    }

    #[test]
    fn explicit_ids_are_checked() {
        assert!(check_explicit_id("tcp-handshake_2").is_ok());
        for bad in ["", "Tcp", "-x", "a b", "三次", "a/b", &"x".repeat(65)] {
            assert!(check_explicit_id(bad).is_err(), "{bad:?}");
        }
    }
}
