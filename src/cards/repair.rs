//! Reading as much as possible of damaged JSON, in the flashcards' terms: the
//! storage owner's reader ([`crate::storage::json`]) does the work, and each
//! departure from a clean read becomes a [`Problem`].

use serde_json::Value;

use super::log::{Problem, ProblemKind};
use crate::storage::json::{self, Damage};

/// Parses `text`, joining duplicated keys, flattening what is nested too
/// deep and, on damage, keeping its longest repairable prefix. Returns the
/// value (if any) and what was not read cleanly.
pub(crate) fn parse_salvaging(text: &str) -> (Option<Value>, Vec<Problem>) {
    let (value, damage) = json::parse_salvaging(text);
    (value, damage.into_iter().map(problem).collect())
}

fn problem(damage: Damage) -> Problem {
    match damage {
        Damage::DuplicateKey { path } => Problem::new(&path, ProblemKind::DuplicateKey),
        Damage::TooDeep { at } => Problem::new("", ProblemKind::TooDeep { at }),
        Damage::Cut { at } => Problem::new("", ProblemKind::Cut { at }),
        Damage::NotJson { line, column } => Problem::new("", ProblemKind::NotJson { line, column }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_damage_is_a_problem_with_its_place() {
        let (value, problems) = parse_salvaging(r#"{"log":{"v":1},"log":{"v":1},"x":[[1],[2"#);
        assert!(value.is_some());
        assert_eq!(
            problems,
            vec![
                Problem::new("", ProblemKind::Cut { at: 40 }),
                Problem::new("log", ProblemKind::DuplicateKey),
            ]
        );
        let (value, problems) = parse_salvaging("nope");
        assert_eq!(value, None);
        assert!(matches!(
            problems[..],
            [Problem {
                kind: ProblemKind::NotJson { .. },
                ..
            }]
        ));
    }
}
