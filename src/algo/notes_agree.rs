//! The notes and the animations tell the same story: every question an
//! algorithm links to shows exactly the Python the player steps through,
//! states the same complexity as the facts card, and links back to the
//! animation. Read from `content/*.md` itself, so an edit on either side that
//! drifts fails `cargo test`.

use std::collections::BTreeSet;
use std::path::Path;

use super::AlgoId;

/// A question's section of a topic file: its heading line and body.
struct Section {
    file: String,
    heading: String,
    body: String,
}

/// Every `## ` section of every topic file in `content/`.
fn sections() -> Vec<Section> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".md") && n != "README.md")
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name)).unwrap_or_default();
        let mut fenced = false;
        for line in text.lines() {
            if line.starts_with("```") {
                fenced = !fenced;
            }
            if !fenced && line.starts_with("## ") {
                out.push(Section {
                    file: name.clone(),
                    heading: line.to_string(),
                    body: String::new(),
                });
            } else if let Some(s) = out.last_mut().filter(|s| s.file == name) {
                s.body.push_str(line);
                s.body.push('\n');
            }
        }
    }
    out
}

/// The section whose heading carries `{#id}`.
fn section<'a>(all: &'a [Section], id: &str) -> &'a Section {
    let tag = format!("{{#{id}}}");
    all.iter()
        .find(|s| s.heading.trim_end().ends_with(&tag))
        .unwrap_or_else(|| panic!("no question with {tag} in content/"))
}

/// The fenced blocks whose info string starts with `python`, without their
/// final newline.
fn python_blocks(body: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in body.lines() {
        match current.as_mut() {
            None if line.starts_with("```python") => current = Some(String::new()),
            None => {}
            Some(_) if line.starts_with("```") => {
                blocks.extend(current.take().map(|b| b.trim_end_matches('\n').to_string()))
            }
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
        }
    }
    blocks
}

#[test]
fn each_note_shows_exactly_the_code_of_its_animations() {
    let all = sections();
    let ids: BTreeSet<&str> = AlgoId::ALL
        .iter()
        .flat_map(|a| a.questions().iter().map(|q| q.id))
        .collect();
    for id in ids {
        let s = section(&all, id);
        let shown: BTreeSet<String> = python_blocks(&s.body).into_iter().collect();
        let animated: BTreeSet<String> = AlgoId::ALL
            .into_iter()
            .filter(|a| a.questions().iter().any(|q| q.id == id))
            .map(|a| a.code().to_string())
            .collect();
        for code in &animated {
            assert!(
                shown.contains(code),
                "{} `{}` must show the animation's code exactly:\n{code}",
                s.file,
                s.heading
            );
        }
        // A note may add a demo block, but never a second version of the
        // algorithm that the animation does not play.
        for block in &shown {
            let defines = block.lines().any(|l| l.starts_with("def "));
            assert!(
                animated.contains(block) || !defines,
                "{} `{}` has a Python block defining code no animation shows:\n{block}",
                s.file,
                s.heading
            );
        }
    }
}

#[test]
fn each_note_states_the_facts_card_and_links_to_the_animation() {
    let all = sections();
    for a in AlgoId::ALL {
        for q in a.questions() {
            let s = section(&all, q.id);
            let f = a.facts();
            let stable = match f.stable {
                Some(true) => " 稳定 |",
                Some(false) => " 不稳定 |",
                None => "",
            };
            let row = format!(
                "| {} | {} | {} | {} |{stable}",
                f.best, f.average, f.worst, f.space
            );
            assert!(
                s.body.contains(&row),
                "{} `{}` should state {row} for {}",
                s.file,
                s.heading,
                a.slug()
            );
            let link = format!("](#/algo/{})", a.slug());
            assert!(
                s.body.contains(&link),
                "{} `{}` should link to #/algo/{}",
                s.file,
                s.heading,
                a.slug()
            );
        }
    }
}

#[test]
fn python_blocks_are_read_whole() {
    let body = "text\n```python\ndef f():\n    return 1\n```\n\n```python fragment\nx\n```\n```text\ny\n```\n";
    assert_eq!(python_blocks(body), ["def f():\n    return 1", "x"]);
}
