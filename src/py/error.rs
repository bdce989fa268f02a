//! What can go wrong, with where: a Python exception the program raised
//! (catchable by `try`), a syntax error, or code outside the subset.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A Python exception such as `TypeError`; `try`/`except` can catch it.
    Raised(String),
    Syntax,
    /// Valid Python that this model does not run.
    Unsupported,
    /// Too many steps, objects or nested calls for a teaching diagram.
    Limit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyError {
    pub kind: ErrorKind,
    pub message: String,
    pub line: u32,
    /// 0 when unknown.
    pub col: u32,
}

impl PyError {
    pub fn syntax(msg: &str, line: u32, col: u32) -> PyError {
        PyError {
            kind: ErrorKind::Syntax,
            message: msg.to_string(),
            line,
            col,
        }
    }

    pub fn unsupported(msg: &str, line: u32, col: u32) -> PyError {
        PyError {
            kind: ErrorKind::Unsupported,
            message: msg.to_string(),
            line,
            col,
        }
    }

    pub fn raised(exc: &str, msg: impl Into<String>) -> PyError {
        PyError {
            kind: ErrorKind::Raised(exc.to_string()),
            message: msg.into(),
            line: 0,
            col: 0,
        }
    }

    pub fn limit(msg: &str) -> PyError {
        PyError {
            kind: ErrorKind::Limit,
            message: msg.to_string(),
            line: 0,
            col: 0,
        }
    }

    /// The error placed at a line, unless it already has one.
    pub fn at(mut self, line: u32, col: u32) -> PyError {
        if self.line == 0 {
            self.line = line;
            self.col = col;
        }
        self
    }

    /// The exception's class name, as Python prints it.
    pub fn name(&self) -> &str {
        match &self.kind {
            ErrorKind::Raised(n) => n,
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Unsupported => "NotInSubset",
            ErrorKind::Limit => "LimitExceeded",
        }
    }
}

impl fmt::Display for PyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if self.col > 0 {
            write!(f, ", column {}", self.col)?;
        }
        write!(f, ": {}: {}", self.name(), self.message)
    }
}
