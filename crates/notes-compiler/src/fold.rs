//! Character folding shared by the build-time compiler (question ids) and the
//! run-time search, so that both agree on what "the same text" means.
//!
//! The app's wasm includes this module, so it depends on nothing but `core`.

/// Folds full-width ASCII forms (`Ａ`, `１`, `？`, ideographic space) to their
/// half-width twins; every other character is returned unchanged.
///
/// Chinese input methods type full-width Latin letters and punctuation, so
/// "ＧＩＬ" and "GIL" must be one word for ids and search alike.
pub fn half_width(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// True for the characters of scripts written without spaces between words
/// (Han, kana, Hangul): search indexes them as single characters and
/// bigrams instead of words.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{20000}'..='\u{2FFFF}' // CJK extensions B–F
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_forms_fold_to_ascii() {
        let folded: String = "ＴＩＭＥ＿ＷＡＩＴ？１２３　ａ"
            .chars()
            .map(half_width)
            .collect();
        assert_eq!(folded, "TIME_WAIT?123 a");
    }

    #[test]
    fn other_characters_are_unchanged() {
        for c in ['三', '。', '？', 'é', 'a', '~', '\u{FF5F}'] {
            let expected = if c == '？' { '?' } else { c };
            assert_eq!(half_width(c), expected, "{c:?}");
        }
    }

    #[test]
    fn cjk_ranges() {
        assert!(is_cjk('握') && is_cjk('の') && is_cjk('한') && is_cjk('\u{20000}'));
        assert!(!is_cjk('a') && !is_cjk('。') && !is_cjk('，') && !is_cjk('1'));
    }
}
