//! The learner's scheduling settings, their ranges and their stored form.
//!
//! Stored as `{"v":1,"retention":0.9,"new_per_day":20,"reviews_per_day":200,
//! "interview":"2026-12-20","interview_target":0.95}` (`interview` may be
//! `null`). A spoiled field falls back to its default alone; the rest is kept.

use std::ops::RangeInclusive;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{json, Map, Value};

use super::log::{Problem, ProblemKind, Strictness};
use super::repair::parse_salvaging;
use super::time::Date;

/// Schema version of the stored settings.
pub const SETTINGS_VERSION: u64 = 1;

/// What the learner can tune.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// The recall probability FSRS aims for at each review.
    pub desired_retention: f32,
    /// New cards introduced per day (the interview date may raise it).
    pub new_per_day: u32,
    /// Review-card reviews per day.
    pub reviews_per_day: u32,
    /// The day of the interview, if one is planned.
    pub interview: Option<Date>,
    /// The recall every card should have on the interview day.
    pub interview_target: f32,
}

impl Settings {
    /// Allowed desired retention.
    pub const RETENTION: RangeInclusive<f32> = 0.70..=0.97;
    /// Allowed interview target.
    pub const INTERVIEW_TARGET: RangeInclusive<f32> = 0.80..=0.99;
    /// Allowed daily limits.
    pub const LIMIT: RangeInclusive<u32> = 0..=9_999;

    /// The same settings with every value brought inside its range.
    pub fn clamped(self) -> Settings {
        let clamp_f = |x: f32, r: &RangeInclusive<f32>, default: f32| {
            if x.is_finite() {
                x.clamp(*r.start(), *r.end())
            } else {
                default
            }
        };
        let d = Settings::default();
        Settings {
            desired_retention: clamp_f(
                self.desired_retention,
                &Self::RETENTION,
                d.desired_retention,
            ),
            new_per_day: self.new_per_day.min(*Self::LIMIT.end()),
            reviews_per_day: self.reviews_per_day.min(*Self::LIMIT.end()),
            interview: self.interview,
            interview_target: clamp_f(
                self.interview_target,
                &Self::INTERVIEW_TARGET,
                d.interview_target,
            ),
        }
    }

    /// The stored form.
    pub fn to_value(&self) -> Value {
        json!({
            "v": SETTINGS_VERSION,
            "retention": tidy(self.desired_retention),
            "new_per_day": self.new_per_day,
            "reviews_per_day": self.reviews_per_day,
            "interview": self.interview.map(|d| d.to_string()),
            "interview_target": tidy(self.interview_target),
        })
    }

    /// The stored form as text.
    pub fn to_json(&self) -> String {
        self.to_value().to_string()
    }

    /// Reads stored settings, keeping every valid field; spoiled fields take
    /// their default and are reported. Never fails.
    pub fn load(text: &str) -> (Settings, Vec<Problem>) {
        let (value, mut problems) = parse_salvaging(text);
        let Some(value) = value else {
            return (Settings::default(), problems);
        };
        match Settings::from_value(&value, Strictness::Tolerant, "") {
            Ok((settings, more)) => {
                problems.extend(more);
                (settings, problems)
            }
            Err(problem) => {
                problems.push(problem);
                (Settings::default(), problems)
            }
        }
    }

    /// Reads settings; strict mode fails on the first problem. Missing
    /// fields take their default in both modes (older files lack newer
    /// settings), except the version in strict mode.
    pub(crate) fn from_value(
        value: &Value,
        strictness: Strictness,
        prefix: &str,
    ) -> Result<(Settings, Vec<Problem>), Problem> {
        let path = |field: &str| {
            if prefix.is_empty() {
                field.to_owned()
            } else {
                format!("{prefix}.{field}")
            }
        };
        let Value::Object(map) = value else {
            return Err(Problem::wrong_type(prefix, "object"));
        };
        let mut problems = Vec::new();
        let mut note = |problem: Problem| match strictness {
            Strictness::Strict => Err(problem),
            Strictness::Tolerant => {
                problems.push(problem);
                Ok(())
            }
        };
        match map.get("v").map(Value::as_u64) {
            Some(Some(SETTINGS_VERSION)) => {}
            Some(Some(found)) if found > SETTINGS_VERSION => note(Problem::new(
                &path("v"),
                ProblemKind::UnsupportedVersion { found },
            ))?,
            Some(_) => note(Problem::new(&path("v"), ProblemKind::BadValue))?,
            None => note(Problem::new(&path("v"), ProblemKind::Missing))?,
        }
        let d = Settings::default();
        let mut s = d;
        match read_f32(map, "retention", &Self::RETENTION) {
            Ok(Some(x)) => s.desired_retention = x,
            Ok(None) => {}
            Err(kind) => note(Problem::new(&path("retention"), kind))?,
        }
        match read_f32(map, "interview_target", &Self::INTERVIEW_TARGET) {
            Ok(Some(x)) => s.interview_target = x,
            Ok(None) => {}
            Err(kind) => note(Problem::new(&path("interview_target"), kind))?,
        }
        for (field, slot) in [
            ("new_per_day", &mut s.new_per_day),
            ("reviews_per_day", &mut s.reviews_per_day),
        ] {
            match map.get(field) {
                None => {}
                Some(v) => match v.as_u64() {
                    Some(n) if n <= u64::from(*Self::LIMIT.end()) => *slot = n as u32,
                    Some(_) => note(Problem::new(&path(field), ProblemKind::BadValue))?,
                    None => note(Problem::wrong_type(&path(field), "integer"))?,
                },
            }
        }
        match map.get("interview") {
            None | Some(Value::Null) => {}
            Some(Value::String(text)) => match Date::parse(text) {
                Some(date) => s.interview = Some(date),
                None => note(Problem::new(&path("interview"), ProblemKind::BadValue))?,
            },
            Some(_) => note(Problem::wrong_type(
                &path("interview"),
                "date string or null",
            ))?,
        }
        Ok((s, problems))
    }
}

/// An f32 as the short decimal a person would write (0.85, not
/// 0.8500000238418579); reading it back gives the same f32.
fn tidy(x: f32) -> f64 {
    (f64::from(x) * 10_000.0).round() / 10_000.0
}

fn read_f32(
    map: &Map<String, Value>,
    field: &str,
    range: &RangeInclusive<f32>,
) -> Result<Option<f32>, ProblemKind> {
    let Some(v) = map.get(field) else {
        return Ok(None);
    };
    let x = v
        .as_f64()
        .ok_or(ProblemKind::WrongType { expected: "number" })? as f32;
    // Stored values went through f32 → JSON → f64 → f32, so they are exact;
    // the small slack admits hand-written bounds like 0.97.
    if x >= range.start() - 1e-6 && x <= range.end() + 1e-6 {
        Ok(Some(x.clamp(*range.start(), *range.end())))
    } else {
        Err(ProblemKind::BadValue)
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: 0.90,
            new_per_day: 20,
            reviews_per_day: 200,
            interview: None,
            interview_target: 0.95,
        }
    }
}

impl Serialize for Settings {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Settings {
    /// Strict; use [`Settings::load`] for stored data.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Settings::from_value(&value, Strictness::Strict, "")
            .map(|(s, _)| s)
            .map_err(|p| D::Error::custom(p.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_defaults_are_the_issue_s() {
        let d = Settings::default();
        assert_eq!(
            (d.desired_retention, d.new_per_day, d.reviews_per_day),
            (0.90, 20, 200)
        );
        assert_eq!((d.interview, d.interview_target), (None, 0.95));
        let s = Settings {
            desired_retention: 0.85,
            new_per_day: 35,
            reviews_per_day: 120,
            interview: Date::new(2026, 12, 20),
            interview_target: 0.97,
        };
        let text = s.to_json();
        assert!(text.contains(r#""interview":"2026-12-20""#), "{text}");
        assert!(text.contains(r#""retention":0.85,"#), "{text}");
        assert_eq!(Settings::load(&text), (s, vec![]));
        assert_eq!(serde_json::from_str::<Settings>(&text).ok(), Some(s));
        assert_eq!(Settings::load(&d.to_json()), (d, vec![]));
    }

    #[test]
    fn spoiled_fields_fall_back_alone() {
        let text = r#"{"v":1,"retention":5,"new_per_day":"x","reviews_per_day":50,"interview":"2026-02-30","interview_target":0.9}"#;
        let (s, problems) = Settings::load(text);
        assert_eq!(s.reviews_per_day, 50);
        assert_eq!(s.interview_target, 0.9);
        assert_eq!(
            (s.desired_retention, s.new_per_day, s.interview),
            (0.9, 20, None)
        );
        let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, vec!["retention", "new_per_day", "interview"]);
        assert!(serde_json::from_str::<Settings>(text).is_err());
        assert_eq!(Settings::load("garbage").0, Settings::default());
    }

    #[test]
    fn clamping_keeps_values_in_range() {
        let wild = Settings {
            desired_retention: f32::NAN,
            new_per_day: u32::MAX,
            reviews_per_day: 3,
            interview: None,
            interview_target: 0.2,
        }
        .clamped();
        assert_eq!(wild.desired_retention, 0.9);
        assert_eq!(wild.new_per_day, 9_999);
        assert_eq!(wild.reviews_per_day, 3);
        assert_eq!(wild.interview_target, 0.8);
    }
}
