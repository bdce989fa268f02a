//! Strings of the networking diagrams: scenario titles and summaries, the
//! layers of the picker, and the page's labels. The captions of each step
//! are written by the scenario beside the RFC step they explain
//! (`net::scenario`), in both languages.

use super::{Lang, Text};
use crate::net::scenario::{Layer, ScenarioId};
use crate::net::seq::{Axis, Ms};

pub const PAGE_TITLE: Text = Text::new("网络协议动画", "Network protocol diagrams");
pub const INTRO: Text = Text::new(
    "面试常问的网络问题，一步一步画出来：每个报文是谁发的、带了什么、证明了什么、花了几个往返。每个场景都按对应的 RFC 检查过。",
    "The networking questions interviews ask, drawn step by step: who sends each message, what it carries, what it proves, and how many round trips it costs. Each scenario is checked against its RFC.",
);
pub const NAV_NET: Text = Text::new("网络协议", "Networking");
pub const HOME_NET: Text = Text::new(
    "HTTPS、DNS、HTTP/2、WebSocket、ARP，输入 URL 之后的每个往返。",
    "HTTPS, DNS, HTTP/2, WebSocket, ARP: every round trip after you type a URL.",
);
/// The link from the TCP index to the other protocols.
pub const MORE_PROTOCOLS: Text = Text::new(
    "TLS、DNS、HTTP、WebSocket、ARP 的时序图 →",
    "Sequence diagrams of TLS, DNS, HTTP, WebSocket and ARP →",
);
pub const PICKER_LABEL: Text = Text::new("选择场景", "Choose a scenario");
pub const ALL_SCENARIOS: Text = Text::new("全部场景", "All scenarios");

pub fn layer(l: Layer) -> Text {
    match l {
        Layer::Link => Text::new("链路层", "Link layer"),
        Layer::Transport => Text::new("传输层", "Transport layer"),
        Layer::Security => Text::new("安全（TLS）", "Security (TLS)"),
        Layer::Application => Text::new("应用层", "Application layer"),
    }
}

pub fn title(id: ScenarioId) -> Text {
    match id {
        ScenarioId::Arp => Text::new("ARP：谁有这个 IP？", "ARP: who has this IP?"),
        ScenarioId::Tls13 => Text::new("TLS 1.3 完整握手", "TLS 1.3 full handshake"),
        ScenarioId::Tls12 => Text::new("TLS 1.2 完整握手", "TLS 1.2 full handshake"),
        ScenarioId::Tls13Resume => {
            Text::new("TLS 1.3 会话恢复与 0-RTT", "TLS 1.3 resumption with 0-RTT")
        }
        ScenarioId::DnsLookup => Text::new("DNS 查询与缓存", "A DNS lookup and its cache"),
        ScenarioId::DnsTtlExpired => Text::new("DNS：TTL 过期之后", "DNS: after the TTL runs out"),
        ScenarioId::DnsUdpLost => Text::new("DNS：UDP 查询丢失", "DNS: a UDP query lost"),
        ScenarioId::DnsTruncated => Text::new(
            "DNS：回答被截断，改用 TCP",
            "DNS: a truncated reply, retried over TCP",
        ),
        ScenarioId::Http10 => Text::new(
            "HTTP/1.0：一个请求一个连接",
            "HTTP/1.0: a connection per request",
        ),
        ScenarioId::Http11 => Text::new("HTTP/1.1：长连接", "HTTP/1.1: keep-alive"),
        ScenarioId::Http2 => Text::new("HTTP/2：多路复用", "HTTP/2: multiplexing"),
        ScenarioId::Http2Loss => Text::new(
            "HTTP/2：丢一个 TCP 段，所有流都停",
            "HTTP/2: one lost TCP segment stalls every stream",
        ),
        ScenarioId::WebSocket => {
            Text::new("WebSocket 握手与帧", "The WebSocket handshake and frames")
        }
        ScenarioId::UrlJourney => Text::new(
            "输入 URL 之后发生了什么",
            "What happens after you type a URL",
        ),
    }
}

pub fn summary(id: ScenarioId) -> Text {
    match id {
        ScenarioId::Arp => Text::new(
            "主机 A 广播“谁有 192.168.1.1？”，网关单播回答自己的 MAC，双方都记进 ARP 缓存，下一个包就不用再问。",
            "Host A broadcasts \"who has 192.168.1.1?\", the gateway answers with its MAC by unicast, both cache the mapping, and the next packet needs no question.",
        ),
        ScenarioId::Tls13 => Text::new(
            "TCP 握手之后，ClientHello 就带上密钥交换，服务器一轮回完 ServerHello、证书、签名和 Finished：TLS 只要一个往返，第三个往返拿到响应。",
            "After the TCP handshake, ClientHello already carries the key exchange and the server answers ServerHello, certificate, signature and Finished in one flight: TLS takes one round trip, and the response arrives after the third.",
        ),
        ScenarioId::Tls12 => Text::new(
            "TLS 1.2 先协商再交换密钥：两个往返才能发应用数据，响应在第四个往返才到。",
            "TLS 1.2 negotiates first and exchanges keys second: two round trips before application data, so the response arrives after the fourth.",
        ),
        ScenarioId::Tls13Resume => Text::new(
            "用上次连接拿到的票据（PSK）恢复会话，请求作为 0-RTT 早期数据跟着 ClientHello 一起发：第二个往返就拿到响应。代价是早期数据可能被重放。",
            "Resuming with a ticket (PSK) from an earlier connection, the request rides as 0-RTT early data with ClientHello: the response arrives after the second round trip. The price: early data can be replayed.",
        ),
        ScenarioId::DnsLookup => Text::new(
            "递归解析器从根问到 .com 再问到权威服务器，把答案按 TTL 缓存；一分钟后再查，直接从缓存回答。",
            "The recursive resolver asks the root, then .com, then the authoritative server, and caches the answer for its TTL; a minute later the same lookup is answered from the cache.",
        ),
        ScenarioId::DnsTtlExpired => Text::new(
            "A 记录的 TTL（300 s）过了再查：解析器只需重新问权威服务器，因为 NS 记录的 TTL 长得多，还在缓存里。",
            "Looking up again after the A record's TTL (300 s): the resolver asks only the authoritative server again, since the NS records live much longer and are still cached.",
        ),
        ScenarioId::DnsUdpLost => Text::new(
            "UDP 不重传：问 .com 服务器的查询丢了，解析器等到超时再问一次。",
            "UDP retransmits nothing: the query to the .com server is lost, and the resolver asks again after its timeout.",
        ),
        ScenarioId::DnsTruncated => Text::new(
            "回答太大，UDP 装不下：服务器回 TC=1 的截断回答，解析器改用 TCP 再问一遍。",
            "The answer is too big for UDP: the server replies truncated (TC=1), and the resolver asks again over TCP.",
        ),
        ScenarioId::Http10 => Text::new(
            "三个资源，每个都要新建 TCP 连接、请求、关闭：每个都多付一次握手的往返。",
            "Three resources, each with its own TCP connection, request and close: each pays for a handshake again.",
        ),
        ScenarioId::Http11 => Text::new(
            "一条长连接发完三个请求，只握手一次；但一次只能有一个请求在途，慢的响应挡住后面的。",
            "One persistent connection carries all three requests with a single handshake; but one request at a time, so a slow response holds up the rest.",
        ),
        ScenarioId::Http2 => Text::new(
            "三个请求在三个流上同时发出，快的先回来，慢的不挡别人。",
            "Three requests go at once on three streams; the fast ones come back first, and the slow one holds up nobody.",
        ),
        ScenarioId::Http2Loss => Text::new(
            "三个响应同时发回，装第一个的 TCP 段丢了：另外两个已经到了，也得等重传，因为 TCP 只按顺序交付。这就是 HTTP/3 改用 QUIC 的原因。",
            "Three responses leave together and the TCP segment with the first is lost: the other two are here but must wait for the retransmission, as TCP delivers only in order. This is why HTTP/3 moved to QUIC.",
        ),
        ScenarioId::WebSocket => Text::new(
            "一个带 Upgrade 的 HTTP 请求，101 回答里的 Sec-WebSocket-Accept 按 RFC 6455 算出；之后双方随时互发帧，最后两个 Close 帧结束。",
            "An HTTP request with Upgrade, a 101 answer whose Sec-WebSocket-Accept is computed as RFC 6455 says; then frames both ways at any time, and two Close frames to finish.",
        ),
        ScenarioId::UrlJourney => Text::new(
            "DNS、TCP、TLS 1.3、GET /、响应，再在同一条连接上取 CSS：左边数着已经花了几个往返。",
            "DNS, TCP, TLS 1.3, GET /, the response, then the CSS on the same connection: the count of round trips runs as you go.",
        ),
    }
}

pub const UNKNOWN_TITLE: Text = Text::new("没有这个场景", "No such scenario");

pub fn unknown_body(lang: Lang, slug: &str) -> String {
    match lang.fixed() {
        Lang::Zh => format!("“{slug}”不是一个网络场景。下面是全部场景："),
        Lang::En => format!("\"{slug}\" is not a network scenario. Here are all of them:"),
    }
}

pub const STEP_HEADING: Text = Text::new("这一步", "This step");
pub const START_HINT: Text = Text::new(
    "按 ▶ 播放，或按 → 一步一步看。",
    "Press ▶ to play, or → to go one step at a time.",
);
pub const END_NOTE: Text = Text::new("（结束）", "(the end)");
pub const KEYS_EARLY: Text = Text::new("用 0-RTT 早期密钥加密", "encrypted with 0-RTT early keys");
pub const KEYS_HANDSHAKE: Text = Text::new("用握手密钥加密", "encrypted with handshake keys");
pub const KEYS_APPLICATION: Text =
    Text::new("用应用流量密钥加密", "encrypted with application keys");
pub const FIELDS: Text = Text::new("字段", "Fields");
pub const NOTES_HEADING: Text = Text::new("笔记里的相关问题", "Questions in the notes");

pub const SANDBOX_HEADING: Text = Text::new("沙盒", "Sandbox");
pub const SANDBOX_HELP: Text = Text::new(
    "点图上的报文，或用下表的“丢弃”按钮，让网络丢掉它，看协议怎么补救。",
    "Click a message in the drawing, or use Drop in the table below, to have the network lose it and watch the protocol recover.",
);
pub const RESEED: Text = Text::new("换一个随机 key", "A new random key");
pub const RESEED_HELP: Text = Text::new(
    "浏览器每次连接都随机生成 Sec-WebSocket-Key 和掩码；这里默认用 RFC 6455 里的例子。",
    "A browser draws a new Sec-WebSocket-Key and new masks for every connection; this page starts with RFC 6455's examples.",
);
pub const RESET_DROPS: Text = Text::new("撤销改动", "Undo the changes");

pub fn changed_count(lang: Lang, n: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("已改动 {n} 个报文。"),
        Lang::En if n == 1 => "1 message changed.".to_string(),
        Lang::En => format!("{n} messages changed."),
    }
}

pub const TABLE_HEADING: Text = Text::new("全部事件", "Every event");
pub const COL_STEP: Text = Text::new("步", "Step");
pub const COL_TIME: Text = Text::new("时间（ms）", "Time (ms)");
pub const COL_EVENT: Text = Text::new("事件", "Event");
pub const COL_SANDBOX: Text = Text::new("沙盒", "Sandbox");
pub const DROP: Text = Text::new("丢弃", "Drop");
pub const RESTORE: Text = Text::new("恢复", "Restore");

/// Accessible name of a message's drop/restore control.
pub fn toggle_label(lang: Lang, lost: bool, label: &str) -> String {
    match (lang.fixed(), lost) {
        (Lang::Zh, false) => format!("丢弃 {label}"),
        (Lang::Zh, true) => format!("恢复 {label}"),
        (Lang::En, false) => format!("Drop {label}"),
        (Lang::En, true) => format!("Restore {label}"),
    }
}

pub const LEGEND_HEADING: Text = Text::new("图例", "Legend");
pub const LEGEND_PLAIN: Text = Text::new("实线：明文报文", "Solid: a message in the clear");
pub const LEGEND_ENCRYPTED: Text = Text::new(
    "双线、标签前有锁：加密的报文；{…} 握手密钥，[…] 应用密钥，(…) 0-RTT 早期密钥（RFC 8446 的写法）",
    "Double line and a lock on the label: encrypted; {…} handshake keys, […] application keys, (…) 0-RTT early keys (RFC 8446's notation)",
);
pub const LEGEND_HELD: Text = Text::new(
    "‖ 已到达，但 TCP 还压着没交给应用",
    "‖ arrived, but TCP holds it back from the application",
);
pub const LEGEND_LOST: Text = Text::new("✕ 丢失", "✕ lost");
pub const LEGEND_RETRY: Text = Text::new("↻ 超时后重发", "↻ sent again after a timeout");
pub const LEGEND_MARK: Text = Text::new(
    "◆ 某一方自己做的事（验证、缓存……）",
    "◆ something a party does itself (a check, a cache…)",
);
pub const LEGEND_TIMER: Text = Text::new(
    "竖条：计时器（重传、查询超时、TTL）",
    "Bars: timers (retransmission, query timeout, TTL)",
);
pub const LEGEND_SQUEEZE: Text =
    Text::new("≈ 省略了一段没有报文的时间", "≈ a quiet stretch, shortened");

pub const TIMER_RTO: &str = "RTO";
pub const TIMER_QUERY: &str = "timeout";
pub const TIMER_TTL: &str = "TTL";

pub const DIAGRAM_REGION: Text = Text::new("时序图（可滚动）", "Sequence diagram (scrolls)");
pub const ROUND_TRIPS: Text = Text::new("已完成的往返", "Round trips done");

/// The time of a step, in round trips where the scenario counts them.
pub fn at_time(axis: Axis, ms: Ms) -> String {
    match axis {
        Axis::RoundTrips(rtt) if rtt > 0 => {
            format!(
                "t = {ms} ms ≈ {} RTT",
                crate::decimal::fixed(ms as f64 / rtt as f64, 1)
            )
        }
        _ => format!("t = {ms} ms"),
    }
}

/// The axis tick text at `ms`.
pub fn tick(axis: Axis, ms: Ms) -> String {
    match axis {
        Axis::RoundTrips(rtt) if rtt > 0 => format!("{} RTT", ms / rtt),
        _ => format!("{ms} ms"),
    }
}

/// The diagram's accessible name.
pub fn diagram_label(lang: Lang, title: &str, round_trips: u32) -> String {
    match lang.fixed() {
        Lang::Zh => format!("{title}的时序图；已完成 {round_trips} 个往返。每一步的文字见下方的事件表。"),
        Lang::En => format!("Sequence diagram of {title}; {round_trips} round trips done. The event table below gives every step in words."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scenario_has_a_title_and_summary_in_both_languages() {
        for id in ScenarioId::ALL {
            for t in [title(id), summary(id)] {
                assert!(!t.zh.is_empty() && !t.en.is_empty(), "{id:?}");
            }
        }
    }

    #[test]
    fn times_read_in_round_trips_where_counted() {
        assert_eq!(at_time(Axis::RoundTrips(100), 250), "t = 250 ms ≈ 2.5 RTT");
        assert_eq!(at_time(Axis::Millis, 250), "t = 250 ms");
        assert_eq!(tick(Axis::RoundTrips(100), 300), "3 RTT");
    }
}
