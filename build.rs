//! Compiles the notes in `content/*.md` into `$OUT_DIR/notes_data.rs`, which
//! `src/notes/data.rs` includes: the wasm carries rendered HTML and plain
//! text, never a Markdown parser or a highlighter.
//!
//! A malformed note fails the build with `content/FILE.md:LINE: what is wrong`.

#[path = "src/notes/compile/mod.rs"]
mod compile;

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use compile::{Book, SourceFile};

/// The folder of notes, relative to the package root.
const CONTENT_DIR: &str = "content";

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/notes/compile");
    println!("cargo:rerun-if-changed=src/notes/fold.rs");
    // A directory here makes Cargo rerun when a file is added or removed.
    println!("cargo:rerun-if-changed={CONTENT_DIR}");
    let files = read_notes();
    let book = compile_notes(&files);
    write_data(&book);
}

/// Reads `content/*.md` in name order (`NN-` prefixes order the topics). A
/// missing folder is an empty book: the app must build before content lands.
/// `README.md` describes the format for authors and is not a topic; any other
/// stray name is an error rather than a silently missing topic.
fn read_notes() -> Vec<SourceFile> {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let Ok(entries) = fs::read_dir(root.join(CONTENT_DIR)) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.ends_with(".md") && !name.eq_ignore_ascii_case("README.md"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let path = format!("{CONTENT_DIR}/{name}");
            println!("cargo:rerun-if-changed={path}");
            let text = fs::read_to_string(root.join(&path))
                .unwrap_or_else(|e| panic!("{path}:1: cannot read the file: {e}"));
            SourceFile { path, text }
        })
        .collect()
}

/// Compiles the notes, or fails the build listing every problem.
fn compile_notes(files: &[SourceFile]) -> Book {
    compile::compile(files).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!(
            "\n\nthe notes in {CONTENT_DIR}/ have {} problem(s):\n{}\n",
            list.len(),
            list.join("\n")
        )
    })
}

fn write_data(book: &Book) {
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR is not set: {e}"));
    let path = Path::new(&out_dir).join("notes_data.rs");
    fs::write(&path, compile::to_rust(book))
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
