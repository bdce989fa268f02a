//! The notes compiler: `content/*.md` in, checked and rendered notes out, and
//! the character folding that the compiler and the app's search share.
//!
//! Three users, each taking what it needs:
//!
//! - `build.rs` (a build-dependency) compiles `content/` on every build into
//!   plain Rust data that the app includes: the wasm carries rendered HTML and
//!   plain text, never a Markdown parser or a highlighter.
//! - The app's tests (a dev-dependency) compile the real notes to check what
//!   the browser derives from them against what the compiler made.
//! - The app itself (a normal dependency with `default-features = false`)
//!   uses [`fold`] at run time.
//!
//! Why [`fold`] lives here: question ids (computed here, at build time) and
//! search (in the browser) must agree on what "the same text" means, so the
//! rules need one home that both can depend on. The app cannot be that home,
//! since `build.rs` cannot depend on the crate it builds; a third crate for
//! two small functions would be more machinery than the rules are worth. So
//! the Markdown half is behind the `compiler` feature (on by default, for
//! `build.rs` and tests), and the app's dependency turns it off: the app's
//! wasm gets `fold` and not `pulldown-cmark`, and is no bigger than when
//! `fold.rs` was part of the app.

pub mod fold;

#[cfg(feature = "compiler")]
mod compile;

#[cfg(feature = "compiler")]
pub use compile::{
    compile, normalize_question, question_id, read_sources, to_rust, Book, CompileError, Question,
    SourceFile, Topic,
};
