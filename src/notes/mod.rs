//! The notes: data generated at build time from `content/`, search, and the
//! reader.
