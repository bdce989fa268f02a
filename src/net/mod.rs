//! Sequence diagrams for the networking answers: TLS, DNS, HTTP/1.0–2,
//! WebSocket, the URL journey and ARP, on one engine.
//!
//! `seq` is the engine (lanes, messages with named fields, encryption,
//! losses and retries, timers, captions in both languages); `scenario`
//! holds the protocols, each a pure function returning a trace checked
//! against its RFC; `frame` and `layout` say what to draw at a position.
//! None of these import a framework; `cargo test --lib net` checks them.

pub mod frame;
pub mod layout;
pub mod query;
pub mod scenario;
pub mod seq;
pub mod view;

pub use scenario::{build, Layer, Options, ScenarioId};
pub use seq::{Event, LaneId, Message, MsgId, Trace};
