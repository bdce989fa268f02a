//! Sequence diagrams for the networking answers: TLS, DNS, HTTP/1.0–2,
//! WebSocket, the URL journey and ARP, on one engine.
//!
//! `seq` is the engine (lanes, messages with named fields, encryption,
//! losses and retries, timers, captions in both languages); `scenario`
//! holds the protocols, each a pure function returning a trace checked
//! against its RFC; `frame` and `layout` say what to draw at a position;
//! `query` reads and writes a run's options in the URL. None of these
//! import a framework; `cargo test --lib net` checks them. `view` holds
//! the Yew pages, which only draw what those say.
//!
//! The engine grew out of the TCP diagrams: the same player, caption
//! panel, event table, time axis and label placement serve both, while
//! TCP keeps its own RFC 9293 simulator (states, sequence numbers).

pub mod frame;
pub mod layout;
pub mod query;
pub mod scenario;
pub mod seq;
pub mod view;

pub use scenario::{build, Layer, Options, ScenarioId};
pub use seq::{Event, LaneId, Message, MsgId, Trace};
