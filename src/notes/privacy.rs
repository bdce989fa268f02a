//! The seeds' personal ("人事问题") section must never ship: no company,
//! address, person, landmark or salary from it may appear in `content/` or
//! in the notes compiled into the app. (The Playwright suite checks every
//! built file with the same digests.)
//!
//! The strings are kept as digests (`tests/fixtures/personal-digests.json`:
//! byte length and FNV-1a 32 of the UTF-8 bytes), so this repository never
//! carries them; the check hashes every window of that length.

use serde_json::Value;

/// A forbidden string, as its byte length and FNV-1a 32 digest.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Digest {
    bytes: usize,
    fnv: u32,
}

fn fnv1a32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h: u32, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn digest(s: &str) -> Digest {
    Digest {
        bytes: s.len(),
        fnv: fnv1a32(s.as_bytes()),
    }
}

fn personal() -> Vec<Digest> {
    let json: Value =
        serde_json::from_str(include_str!("../../tests/fixtures/personal-digests.json"))
            .unwrap_or_else(|e| panic!("personal-digests.json: {e}"));
    json["digests"]
        .as_array()
        .unwrap_or_else(|| panic!("personal-digests.json: no digests"))
        .iter()
        .map(|d| Digest {
            bytes: d["bytes"].as_u64().unwrap_or(0) as usize,
            fnv: u32::from_str_radix(d["fnv1a32"].as_str().unwrap_or(""), 16).unwrap_or(0),
        })
        .collect()
}

/// The byte offsets in `text` where a window matches one of `digests`.
fn leaks(text: &[u8], digests: &[Digest]) -> Vec<usize> {
    let mut found = Vec::new();
    for d in digests {
        if d.bytes == 0 || d.bytes > text.len() {
            continue;
        }
        for (at, window) in text.windows(d.bytes).enumerate() {
            if fnv1a32(window) == d.fnv {
                found.push(at);
            }
        }
    }
    found
}

#[test]
fn the_digests_are_all_there() {
    let digests = personal();
    assert_eq!(digests.len(), 10);
    assert!(digests.iter().all(|d| d.bytes >= 6 && d.fnv != 0));
}

#[test]
fn the_check_finds_a_planted_string() {
    let planted = [digest("三次握手")];
    let text = "问：TCP 三次握手是什么？".as_bytes();
    assert_eq!(
        leaks(text, &planted),
        [text.len() - "三次握手是什么？".len()]
    );
    assert!(leaks("四次挥手".as_bytes(), &planted).is_empty());
    assert_eq!(fnv1a32(b"a"), 0xe40c_292c, "FNV-1a 32 reference value");
}

#[test]
fn no_file_in_content_carries_personal_data() {
    let digests = personal();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content");
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let mut checked = 0;
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("{dir}: {e}")).path();
        if path.is_file() {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let found = leaks(&bytes, &digests);
            assert!(found.is_empty(), "{} at bytes {found:?}", path.display());
            checked += 1;
        }
    }
    assert!(checked > 0, "no files in {dir}");
}

#[test]
fn the_compiled_notes_carry_no_personal_data() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/notes_data.rs"));
    assert!(generated.contains("pub static QUESTIONS"));
    assert_eq!(
        leaks(generated.as_bytes(), &personal()),
        Vec::<usize>::new()
    );
}
