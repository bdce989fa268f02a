//! Every localStorage key the app uses. Nothing else names a key.

/// Theme and language.
pub const PREFS: &str = "mianjing.prefs";
/// Flashcard review log and settings.
pub const PROGRESS: &str = "mianjing.progress";
/// Written and removed at start-up to learn whether storage works.
pub const PROBE: &str = "mianjing.probe";
/// Prefix of backups of values the app could not read.
pub const BACKUP_PREFIX: &str = "mianjing.backup.";

/// The backup key for `key` taken at `now_ms`.
pub fn backup(key: &str, now_ms: i64) -> String {
    let short = key.strip_prefix("mianjing.").unwrap_or(key);
    format!("{BACKUP_PREFIX}{short}.{now_ms}")
}

/// The time a backup key was taken, for ordering.
pub fn backup_time(backup_key: &str) -> i64 {
    backup_key
        .rsplit('.')
        .next()
        .and_then(|t| t.parse().ok())
        .unwrap_or(0)
}
