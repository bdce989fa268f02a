//! The seeds' personal ("人事问题") section must never ship: no company,
//! address, person, landmark or salary from it may appear in `content/` or
//! in the notes compiled into the app. (The Playwright suite checks the
//! built wasm itself for the same strings.)

/// Strings from that section: company, address, landmarks, a person's name,
/// and the salary questions' wording.
const PERSONAL: &[&str] = &[
    "明日网络",
    "黄宇遂",
    "桃花源",
    "平峦山",
    "铁岗水库",
    "松岗",
    "宝安",
    "五险一金",
    "税前薪资",
    "税后薪资",
];

/// The personal strings found in `text`.
fn leaks(text: &str) -> Vec<&'static str> {
    PERSONAL
        .iter()
        .copied()
        .filter(|s| text.contains(s))
        .collect()
}

#[test]
fn the_check_finds_a_planted_leak() {
    assert_eq!(leaks("公司在深圳市宝安区，黄宇遂"), ["黄宇遂", "宝安"]);
    assert!(leaks("TCP 三次握手").is_empty());
}

#[test]
fn no_file_in_content_carries_personal_data() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let mut checked = 0;
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("{dir}: {e}")).path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let found = leaks(&String::from_utf8_lossy(&bytes));
            assert!(found.is_empty(), "{} contains {found:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 0, "no files in {dir}");
}

#[test]
fn the_compiled_notes_carry_no_personal_data() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/notes_data.rs"));
    assert!(generated.contains("pub static QUESTIONS"));
    assert_eq!(leaks(generated), Vec::<&str>::new());
}
