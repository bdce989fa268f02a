//! The scenarios, each a pure function from its options to a trace, and
//! the catalogue the picker reads: slugs (public URLs), layers, the note
//! questions each explains.
//!
//! The captions of a scenario live beside its script: each sentence says
//! what one RFC step does or proves, and keeping it next to the code that
//! takes that step is what keeps the two in agreement. UI strings (titles,
//! buttons) are in `i18n::net`.

pub mod arp;
pub mod dns;
pub mod http;
mod parts;
pub mod tls;
pub mod url;
pub mod websocket;

use super::seq::{MsgId, Trace};

/// The layer a scenario belongs to, for grouping in the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layer {
    Link,
    Transport,
    Security,
    Application,
}

impl Layer {
    pub const ALL: [Layer; 4] = [
        Layer::Link,
        Layer::Transport,
        Layer::Security,
        Layer::Application,
    ];
}

/// The scenarios, in the order the picker lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScenarioId {
    Arp,
    Tls13,
    Tls12,
    Tls13Resume,
    DnsLookup,
    DnsTtlExpired,
    DnsUdpLost,
    DnsTruncated,
    Http10,
    Http11,
    Http2,
    Http2Loss,
    WebSocket,
    UrlJourney,
}

impl ScenarioId {
    pub const ALL: [ScenarioId; 14] = [
        ScenarioId::Arp,
        ScenarioId::Tls13,
        ScenarioId::Tls12,
        ScenarioId::Tls13Resume,
        ScenarioId::DnsLookup,
        ScenarioId::DnsTtlExpired,
        ScenarioId::DnsUdpLost,
        ScenarioId::DnsTruncated,
        ScenarioId::Http10,
        ScenarioId::Http11,
        ScenarioId::Http2,
        ScenarioId::Http2Loss,
        ScenarioId::WebSocket,
        ScenarioId::UrlJourney,
    ];

    /// The public URL segment: `#/net/<slug>`. Keep these stable.
    pub const fn slug(self) -> &'static str {
        match self {
            ScenarioId::Arp => "arp",
            ScenarioId::Tls13 => "tls13",
            ScenarioId::Tls12 => "tls12",
            ScenarioId::Tls13Resume => "tls13-0rtt",
            ScenarioId::DnsLookup => "dns",
            ScenarioId::DnsTtlExpired => "dns-ttl",
            ScenarioId::DnsUdpLost => "dns-lost",
            ScenarioId::DnsTruncated => "dns-truncated",
            ScenarioId::Http10 => "http10",
            ScenarioId::Http11 => "http11",
            ScenarioId::Http2 => "http2",
            ScenarioId::Http2Loss => "http2-loss",
            ScenarioId::WebSocket => "websocket",
            ScenarioId::UrlJourney => "url",
        }
    }

    pub fn from_slug(slug: &str) -> Option<ScenarioId> {
        ScenarioId::ALL.into_iter().find(|id| id.slug() == slug)
    }

    pub const fn layer(self) -> Layer {
        match self {
            ScenarioId::Arp => Layer::Link,
            ScenarioId::Tls13 | ScenarioId::Tls12 | ScenarioId::Tls13Resume => Layer::Security,
            _ => Layer::Application,
        }
    }

    /// The note questions the scenario explains.
    pub const fn notes(self) -> &'static [crate::notes::data::QuestionLink] {
        use note::*;
        match self {
            ScenarioId::Arp => &[ARP],
            ScenarioId::Tls13 | ScenarioId::Tls12 | ScenarioId::Tls13Resume => {
                &[HTTPS, TCP_HANDSHAKE]
            }
            ScenarioId::DnsLookup | ScenarioId::DnsTtlExpired => &[DNS_LOOKUP],
            ScenarioId::DnsUdpLost | ScenarioId::DnsTruncated => &[DNS_UDP, DNS_LOOKUP],
            ScenarioId::Http10 | ScenarioId::Http11 => {
                &[HTTP10_VS_11, KEEP_ALIVE, LONG_SHORT, TCP_HANDSHAKE]
            }
            ScenarioId::Http2 | ScenarioId::Http2Loss => {
                &[HTTP2_MULTIPLEXING, HTTP2_FEATURES, KEEP_ALIVE]
            }
            ScenarioId::WebSocket => &[WEBSOCKET, TCP_HANDSHAKE],
            ScenarioId::UrlJourney => &[URL_JOURNEY, DNS_LOOKUP, HTTPS, TCP_HANDSHAKE],
        }
    }

    /// Whether the seed changes anything here (values a real run draws
    /// at random: the WebSocket key and masks).
    pub const fn uses_seed(self) -> bool {
        matches!(self, ScenarioId::WebSocket)
    }

    /// Whether the sandbox can drop messages here (some scenario scripts
    /// have no branch for a loss, so offering it would mislead).
    pub fn can_drop(self) -> bool {
        build(self, &Options::default())
            .messages
            .iter()
            .any(|m| m.droppable)
    }
}

/// The note questions the scenarios explain (`content/04-networking.md`),
/// found while compiling (`notes::data::find`): by id, or by heading where
/// the heading carries no id of its own (one would change the question's
/// id and lose the learners' flashcard progress).
pub mod note {
    use crate::notes::data::{find, QuestionLink};

    pub const TCP_HANDSHAKE: QuestionLink = find("tcp-handshake");
    pub const HTTPS: QuestionLink = find("HTTP 和 HTTPS 的区别，HTTPS 如何保证安全？");
    pub const DNS_LOOKUP: QuestionLink = find("DNS 的查询过程");
    pub const DNS_UDP: QuestionLink = find("为什么使用 UDP 协议进行 DNS 查询？");
    pub const ARP: QuestionLink = find("什么是 ARP 协议？");
    pub const URL_JOURNEY: QuestionLink =
        find("浏览器输入一个 URL，中间经历了哪些过程？（HTTP 请求过程）");
    pub const WEBSOCKET: QuestionLink = find("WebSocket 的握手（建立连接）步骤是怎样的？");
    pub const KEEP_ALIVE: QuestionLink =
        find("HTTP 的 Keep-Alive（长连接）什么时候才会有？为什么需要长连接？");
    pub const LONG_SHORT: QuestionLink = find("TCP 长连接和短连接的区别");
    pub const HTTP10_VS_11: QuestionLink = find("HTTP 1.0 和 HTTP 1.1 的区别");
    pub const HTTP2_FEATURES: QuestionLink =
        find("HTTP 2.0 和 HTTP 1.x 相比有哪些新特性（优势）？");
    pub const HTTP2_MULTIPLEXING: QuestionLink =
        find("HTTP 2.0 的多路复用和 HTTP 1.x 中的长连接复用有什么区别？");
}

/// What a reader can change about a run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Messages whose fate the sandbox flipped.
    pub drops: Vec<MsgId>,
    /// Picks the values a real run would draw at random (the WebSocket
    /// key's nonce and masking keys). 0 gives the RFCs' own examples.
    pub seed: u64,
}

/// Runs a scenario.
pub fn build(id: ScenarioId, opts: &Options) -> Trace {
    let d = &opts.drops;
    match id {
        ScenarioId::Arp => arp::run(d),
        ScenarioId::Tls13 => tls::tls13(d),
        ScenarioId::Tls12 => tls::tls12(d),
        ScenarioId::Tls13Resume => tls::tls13_resume(d),
        ScenarioId::DnsLookup => dns::lookup(dns::SECOND_LOOKUP_SOON, d),
        ScenarioId::DnsTtlExpired => dns::lookup(dns::SECOND_LOOKUP_LATE, d),
        ScenarioId::DnsUdpLost => dns::udp_lost(d),
        ScenarioId::DnsTruncated => dns::truncated(d),
        ScenarioId::Http10 => http::http10(d),
        ScenarioId::Http11 => http::http11(d),
        ScenarioId::Http2 => http::http2(false, d),
        ScenarioId::Http2Loss => http::http2(true, d),
        ScenarioId::WebSocket => websocket::run(opts.seed, d),
        ScenarioId::UrlJourney => url::run(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::seq::Event;

    #[test]
    fn slugs_round_trip_and_are_unique() {
        for id in ScenarioId::ALL {
            assert_eq!(ScenarioId::from_slug(id.slug()), Some(id));
        }
        assert_eq!(ScenarioId::from_slug("tcp"), None);
    }

    /// (A link to a question the notes lack fails the build.)
    #[test]
    fn every_scenario_page_lists_its_questions() {
        for id in ScenarioId::ALL {
            assert!(!id.notes().is_empty(), "{id:?} explains no question");
        }
        assert_eq!(note::DNS_LOOKUP.title, "DNS 的查询过程");
        assert_eq!(note::TCP_HANDSHAKE.id, "tcp-handshake");
    }

    #[test]
    fn every_trace_is_ordered_and_every_message_is_settled() {
        for id in ScenarioId::ALL {
            let t = build(id, &Options::default());
            assert!(!t.is_empty(), "{id:?}");
            assert!(t.steps.windows(2).all(|w| w[0].at <= w[1].at), "{id:?}");
            for (i, m) in t.messages.iter().enumerate() {
                let id_ = MsgId(i as u16);
                let fates = t
                    .steps
                    .iter()
                    .filter(|s| {
                        matches!(s.event, Event::Delivered { id } | Event::Lost { id } if id == id_)
                    })
                    .count();
                assert_eq!(fates, 1, "{id:?}: {} settled {fates} times", m.label());
                assert!(m.arrive_time >= m.send_time);
            }
            for s in &t.steps {
                assert!(
                    !s.caption.zh.is_empty() && !s.caption.en.is_empty(),
                    "{id:?}: {s:?}"
                );
            }
        }
    }

    #[test]
    fn no_scenario_runs_away() {
        // The browser budget (tests/bench/measures/net.mjs) is 1 ms for the
        // slowest; a native debug build is slower than release wasm, so
        // this only catches a blow-up (a runaway retry loop, say).
        for id in ScenarioId::ALL {
            let t = build(id, &Options::default());
            assert!(t.len() < 400, "{id:?}: {} steps", t.len());
        }
    }

    #[test]
    fn dropping_any_message_still_gives_a_settled_trace() {
        for id in ScenarioId::ALL {
            let base = build(id, &Options::default());
            for (i, m) in base.messages.iter().enumerate() {
                if !m.droppable {
                    continue;
                }
                let opts = Options {
                    drops: vec![MsgId(i as u16)],
                    seed: 0,
                };
                let t = build(id, &opts);
                assert!(t.steps.windows(2).all(|w| w[0].at <= w[1].at));
                // Nothing changes before the flipped message.
                assert_eq!(t.messages[..i], base.messages[..i], "{id:?} drop {i}");
                assert_ne!(t.messages[i].lost, base.messages[i].lost);
            }
        }
    }
}
