//! Strings of the TCP diagrams: scenario titles and summaries, state
//! explanations, and the caption of every event.
//!
//! Captions are chosen by `tcp::caption` (which reads the events around one
//! to know, say, whether an ACK completes a handshake or answers a
//! duplicate); this module only words them. Segment labels are
//! Wireshark's (`SYN, ACK seq=0 ack=1`) in both languages.

use super::{Lang, Text};
use crate::tcp::caption::Caption;
use crate::tcp::model::{SegId, Side, State};
use crate::tcp::scenario::ScenarioId;
use crate::tcp::trace::{Call, CallOutcome, SeqMode, Trace};

/// The scenario's name, as the picker lists it.
pub fn title(id: ScenarioId) -> Text {
    match id {
        ScenarioId::Handshake => Text::new("三次握手", "Three-way handshake"),
        ScenarioId::Teardown => Text::new(
            "四次挥手（客户端先关闭）",
            "Four-way teardown (client closes first)",
        ),
        ScenarioId::ServerClose => Text::new(
            "服务器先关闭：Address already in use",
            "Server closes first: Address already in use",
        ),
        ScenarioId::SynLost => Text::new("SYN 丢失", "SYN lost"),
        ScenarioId::SynAckLost => Text::new("SYN-ACK 丢失", "SYN-ACK lost"),
        ScenarioId::AckLost => Text::new("第三次握手的 ACK 丢失", "The handshake's last ACK lost"),
        ScenarioId::FinLost => Text::new("FIN 丢失", "A FIN lost"),
        ScenarioId::LastAckLost => Text::new(
            "最后一个 ACK 丢失：为什么要有 TIME-WAIT",
            "The last ACK lost: why TIME-WAIT exists",
        ),
        ScenarioId::SimultaneousClose => {
            Text::new("同时关闭（CLOSING）", "Simultaneous close (CLOSING)")
        }
        ScenarioId::OldSyn => Text::new(
            "旧的重复 SYN：为什么是三次握手而不是两次",
            "An old duplicate SYN: why three steps, not two",
        ),
        ScenarioId::Refused => Text::new(
            "连接被拒绝：端口上没有程序在监听",
            "Connection refused: nothing listens on the port",
        ),
        ScenarioId::ThreeSegmentClose => Text::new(
            "三个报文的挥手：延迟确认让 ACK 搭上 FIN",
            "A three-segment close: a delayed ACK rides on the FIN",
        ),
        ScenarioId::Transfer => Text::new(
            "数据传输与半关闭：为什么是四次挥手而不是三次",
            "A transfer and a half-close: why four steps, not three",
        ),
    }
}

/// What to watch for, in two or three sentences.
pub fn summary(id: ScenarioId) -> Text {
    match id {
        ScenarioId::Handshake => Text::new(
            "客户端发 SYN，服务器回 SYN-ACK，客户端再回 ACK。SYN 占用一个序号，所以确认号是对方的初始序号加 1。",
            "The client sends SYN, the server answers SYN-ACK, the client sends ACK. A SYN takes one sequence number, so each side acknowledges the other's initial sequence number plus one.",
        ),
        ScenarioId::Teardown => Text::new(
            "客户端 FIN，服务器 ACK；服务器读到 EOF 后再发 FIN，客户端 ACK。主动关闭的一方最后在 TIME-WAIT 停留 2MSL。",
            "Client FIN, server ACK; once the server has read end-of-stream it sends its own FIN, and the client ACKs. The side that closed first waits 2MSL in TIME-WAIT.",
        ),
        ScenarioId::ServerClose => Text::new(
            "这次是服务器先关闭，于是服务器进入 TIME-WAIT。此时重启服务器、再绑定同一端口，就会报 Address already in use，直到 2MSL 结束（或使用 SO_REUSEADDR）。",
            "This time the server closes first, so the server ends in TIME-WAIT. A server restarted meanwhile cannot bind the same port (\"Address already in use\") until 2MSL has passed, unless it sets SO_REUSEADDR.",
        ),
        ScenarioId::SynLost => Text::new(
            "客户端等不到 SYN-ACK，重传计时器（RTO）到期后重传 SYN，下一次的超时时间加倍。",
            "The client never hears a SYN-ACK; when its retransmission timer (RTO) runs out it sends the SYN again and doubles the timeout.",
        ),
        ScenarioId::SynAckLost => Text::new(
            "两边都在等：客户端按自己的 RTO 重传 SYN，服务器按自己的 RTO 重传 SYN-ACK。先到的那个完成握手。",
            "Both sides wait: the client resends its SYN on its own RTO, the server resends its SYN-ACK on its own. Whichever gets through completes the handshake.",
        ),
        ScenarioId::AckLost => Text::new(
            "客户端已经 ESTABLISHED，服务器还在 SYN-RECEIVED。服务器超时重传 SYN-ACK，客户端再回一次 ACK 才完成握手。如果客户端先发了数据，数据段里的 ACK 同样能让服务器进入 ESTABLISHED。",
            "The client is ESTABLISHED, the server still SYN-RECEIVED. The server times out and resends its SYN-ACK; the client's new ACK completes the handshake. Had the client sent data first, the ACK carried by that data segment would have done the same.",
        ),
        ScenarioId::FinLost => Text::new(
            "主动关闭的一方在 FIN-WAIT-1 等不到确认，超时后重传 FIN；对方收到后挥手照常继续。",
            "The closing side waits in FIN-WAIT-1 for an acknowledgment that never comes, resends its FIN on timeout, and the teardown goes on as usual.",
        ),
        ScenarioId::LastAckLost => Text::new(
            "服务器在 LAST-ACK 等不到确认，重传 FIN。客户端还在 TIME-WAIT，所以能再次确认，并重新计时 2MSL。若客户端已经关闭，它只能回 RST，服务器的连接就以错误结束。",
            "The server in LAST-ACK never gets its acknowledgment and resends its FIN. The client is still in TIME-WAIT, so it can acknowledge again, and it restarts 2MSL. Had the client already closed, it could only answer RST and the server's close would end in an error.",
        ),
        ScenarioId::SimultaneousClose => Text::new(
            "双方同时调用 close()，FIN 在路上交错。各自在 FIN-WAIT-1 收到对方的 FIN，进入 CLOSING；收到确认后两边都进入 TIME-WAIT。",
            "Both sides call close() at once and their FINs cross. Each gets the other's FIN in FIN-WAIT-1 and moves to CLOSING; once acknowledged, both wait in TIME-WAIT.",
        ),
        ScenarioId::OldSyn => Text::new(
            "一个旧连接滞留在网络里的 SYN 先到达服务器，服务器回 SYN-ACK。客户端发现它确认的不是自己的 SYN，回 RST，服务器回到 LISTEN；真正的 SYN 随后正常握手。若只有两次握手，服务器在旧 SYN 到达时就已建立连接。",
            "A SYN of an earlier connection, delayed in the network, reaches the server first, and the server answers SYN-ACK. The client sees it acknowledges some other SYN and answers RST; the server returns to LISTEN, and the real SYN then completes a normal handshake. With only two steps, the server would have opened a connection on the stale SYN.",
        ),
        ScenarioId::Refused => Text::new(
            "服务器没有调用 listen()：它的内核收到 SYN 后回 RST, ACK，客户端的 connect() 立刻失败，报 ECONNREFUSED。在本机连一个没开的端口，抓包看到的就是这两个报文。",
            "The server never called listen(): its kernel answers the SYN with RST, ACK, and the client's connect() fails at once with ECONNREFUSED. Connecting to a closed port on your own machine shows exactly these two segments.",
        ),
        ScenarioId::ThreeSegmentClose => Text::new(
            "服务器读到 EOF 后马上关闭，正好在它的延迟确认时间之内：对客户端 FIN 的 ACK 搭上了服务器自己的 FIN，于是只有 FIN,ACK → FIN,ACK → ACK 三个报文。在 Linux 本机抓包常常看到这种挥手。",
            "The server closes as soon as it reads end-of-stream, within its delayed-ACK time: the ACK of the client's FIN rides on the server's own FIN, so only three segments go: FIN,ACK → FIN,ACK → ACK. Loopback captures on Linux often show this.",
        ),
        ScenarioId::Transfer => Text::new(
            "客户端发出请求后关闭自己的发送方向（FIN）；服务器在 CLOSE-WAIT 里继续发送响应，发完才发自己的 FIN。seq 和 ack 随数据字节数前进。",
            "The client sends a request, then closes its sending direction (FIN); the server, in CLOSE-WAIT, goes on sending its response and only then sends its own FIN. seq and ack advance by the data bytes.",
        ),
    }
}

pub const PICKER_LABEL: Text = Text::new("选择场景", "Choose a scenario");
pub const ALL_SCENARIOS: Text = Text::new("全部场景", "All scenarios");
pub const PAGE_TITLE: Text = Text::new("TCP 动画", "TCP diagrams");
pub const INTRO: Text = Text::new(
    "客户端和服务器之间的每个报文、每次状态变化、每个计时器，都可以播放、暂停、单步查看。也可以点一个报文把它丢掉，看 TCP 怎么应对。",
    "Every segment, state change and timer between a client and a server, to play, pause and step through. Click any segment to drop it and see how TCP copes.",
);
pub const CLIENT: Text = Text::new("客户端", "Client");
pub const SERVER: Text = Text::new("服务器", "Server");

pub const UNKNOWN_TITLE: Text = Text::new("没有这个场景", "No such scenario");

/// The not-found message for a scenario id nobody defined.
pub fn unknown_body(lang: Lang, slug: &str) -> String {
    match lang.fixed() {
        Lang::Zh => format!("找不到场景“{slug}”。可以从下面这些场景中选一个："),
        Lang::En => format!("There is no scenario called “{slug}”. Pick one of these:"),
    }
}

pub const STEP_HEADING: Text = Text::new("这一步", "This step");
pub const START_HINT: Text = Text::new(
    "按 ▶ 播放，或按 → 一步一步看。",
    "Press ▶ to play, or → to go one step at a time.",
);
pub const END_NOTE: Text = Text::new("（结束）", "(the end)");

/// "t = 300 ms", the simulated time of a step.
pub fn at_time(ms: u32) -> String {
    format!("t = {ms} ms")
}

pub const NOW_STATES: Text = Text::new("当前状态", "Current states");
pub const DIAGRAM_REGION: Text = Text::new("时序图（可滚动）", "Sequence diagram (scrolls)");

/// The diagram's accessible name.
pub fn diagram_label(lang: Lang, title: &str, client: State, server: State) -> String {
    match lang.fixed() {
        Lang::Zh => format!("{title}的时序图。客户端：{client}；服务器：{server}。下方的事件表列出了同样的内容。"),
        Lang::En => format!("Sequence diagram of {title}. Client: {client}; server: {server}. The event table below lists the same."),
    }
}

pub const SANDBOX_HEADING: Text = Text::new("沙盒：丢掉一个报文", "Sandbox: drop a segment");
pub const SANDBOX_HELP: Text = Text::new(
    "点击图中任意一个报文（箭头），它就会在网络中丢失；再点一次恢复。从那个报文开始，后面的过程重新模拟。",
    "Click any segment (arrow) in the diagram and the network loses it; click again to restore it. Everything after that segment is simulated again.",
);
pub const RESET_DROPS: Text = Text::new("恢复原样", "Undo all drops");

/// How many segments the sandbox has changed.
pub fn changed_count(lang: Lang, n: usize) -> String {
    match lang.fixed() {
        Lang::Zh => format!("已改动 {n} 个报文。"),
        Lang::En if n == 1 => "1 segment changed.".to_string(),
        Lang::En => format!("{n} segments changed."),
    }
}

pub const SEQ_LABEL: Text = Text::new("序号", "Sequence numbers");
pub const SEQ_RELATIVE: Text = Text::new("相对", "Relative");
pub const SEQ_ABSOLUTE: Text = Text::new("绝对", "Absolute");
pub const SEQ_HELP: Text = Text::new(
    "相对序号从各自的初始序号（ISN）算起，和 Wireshark 默认的显示方式一样。",
    "Relative numbers count from each side's initial sequence number (ISN), as Wireshark shows them by default.",
);
pub const NEW_ISN: Text = Text::new("换一组初始序号", "New initial sequence numbers");

pub const NOTES_HEADING: Text = Text::new("笔记里的相关问题", "Questions in the notes");

pub const TABLE_HEADING: Text = Text::new("全部事件", "Every event");
pub const COL_STEP: Text = Text::new("步", "Step");
pub const COL_TIME: Text = Text::new("时间（ms）", "Time (ms)");
pub const COL_EVENT: Text = Text::new("事件", "Event");
pub const COL_SANDBOX: Text = Text::new("沙盒", "Sandbox");
pub const DROP: Text = Text::new("丢弃", "Drop");
pub const RESTORE: Text = Text::new("恢复", "Restore");

/// Accessible name of a segment's drop/restore button.
pub fn toggle_label(lang: Lang, lost: bool, label: &str) -> String {
    match (lang.fixed(), lost) {
        (Lang::Zh, false) => format!("丢弃 {label}"),
        (Lang::Zh, true) => format!("恢复 {label}"),
        (Lang::En, false) => format!("Drop {label}"),
        (Lang::En, true) => format!("Restore {label}"),
    }
}

pub const LEGEND_HEADING: Text = Text::new("图例", "Legend");
pub const LEGEND_CLIENT: Text = Text::new("客户端发出的报文", "Sent by the client");
pub const LEGEND_SERVER: Text = Text::new("服务器发出的报文", "Sent by the server");
pub const LEGEND_LOST: Text = Text::new("✕ 丢失", "✕ lost");
pub const LEGEND_RTX: Text = Text::new("↻ 重传", "↻ retransmission");
pub const LEGEND_OLD: Text = Text::new("虚线：旧连接的报文", "Dashed: from an old connection");
pub const LEGEND_RTO: Text = Text::new("RTO：重传计时器", "RTO: retransmission timer");
pub const LEGEND_TW: Text = Text::new("2MSL：TIME-WAIT 计时器", "2MSL: TIME-WAIT timer");
pub const LEGEND_DELACK: Text = Text::new(
    "ACK：延迟确认计时器（只在打开它的场景里）",
    "ACK: delayed-ACK timer (only where a scenario turns it on)",
);
pub const LEGEND_SQUEEZE: Text =
    Text::new("≈ 省略了一段没有报文的时间", "≈ a quiet stretch, shortened");
pub const TIMER_RTO: &str = "RTO";
pub const TIMER_2MSL: &str = "2MSL";
pub const TIMER_DELACK: &str = "ACK";

/// "client"/"server" inside a sentence.
pub fn side(lang: Lang, side: Side) -> &'static str {
    match (lang.fixed(), side) {
        (Lang::Zh, Side::Client) => "客户端",
        (Lang::Zh, Side::Server) => "服务器",
        (Lang::En, Side::Client) => "client",
        (Lang::En, Side::Server) => "server",
    }
}

/// Sentence-initial "The client"/"The server" (Chinese has no article).
fn subject(lang: Lang, s: Side) -> String {
    match lang.fixed() {
        Lang::Zh => side(lang, s).to_string(),
        Lang::En => format!("The {}", side(lang, s)),
    }
}

/// What a state means, said once when a side enters it.
pub fn state_meaning(to: State, from: State) -> Text {
    use State::*;
    match (from, to) {
        (SynReceived, Listen) => Text::new(
            "这个半连接作废，回到 LISTEN 继续等待。",
            "The half-open connection is dropped; back to LISTEN.",
        ),
        (_, Listen) => Text::new("等待客户端的 SYN。", "Waiting for a client's SYN."),
        (_, SynSent) => Text::new("SYN 已发出，等待 SYN-ACK。", "SYN sent; waiting for a SYN-ACK."),
        (_, SynReceived) => Text::new(
            "收到 SYN，回 SYN-ACK，等待握手的第三步 ACK。",
            "Got a SYN, answers SYN-ACK, waits for the handshake's third step.",
        ),
        (SynSent, Established) => Text::new(
            "收到 SYN-ACK：客户端这边连接已建立，可以发数据了。",
            "Got the SYN-ACK: for the client the connection is open, and it may send data.",
        ),
        (_, Established) => Text::new(
            "收到确认：服务器这边连接也建立了。",
            "Acknowledged: the connection is open for the server too.",
        ),
        (_, FinWait1) => Text::new(
            "发出 FIN，等待对方确认。",
            "Its FIN goes out; it waits for the acknowledgment.",
        ),
        (_, FinWait2) => Text::new(
            "FIN 已被确认，这个方向关闭了。现在等对方的 FIN，对方在此之前仍可以发送数据。",
            "Its FIN is acknowledged: this direction is closed. Now it waits for the peer's FIN; until then the peer may still send data.",
        ),
        (_, CloseWait) => Text::new(
            "收到 FIN：对方不会再发送了，但本端仍可以发送，直到应用调用 close()。所以 ACK 和 FIN 通常分两次发，挥手需要四次。",
            "Got a FIN: the peer will send no more, but this side may still send until its application calls close(). That is why the ACK and the FIN usually go separately: four steps.",
        ),
        (_, Closing) => Text::new(
            "自己的 FIN 还没被确认，就收到了对方的 FIN：双方同时关闭。",
            "The peer's FIN arrives before its own FIN is acknowledged: both are closing at once.",
        ),
        (_, LastAck) => Text::new(
            "发出自己的 FIN，等待最后一个 ACK。",
            "Sends its own FIN and waits for the last ACK.",
        ),
        (_, TimeWait) => Text::new(
            "进入 TIME-WAIT，等待 2MSL：如果最后的 ACK 丢了，对方会重传 FIN，这里还能再确认一次；同时让这个连接的旧报文在网络中消失，不会混进下一个同端口的连接。",
            "TIME-WAIT for 2MSL: should the last ACK be lost, the peer will resend its FIN and this side can still acknowledge it; and every old segment of this connection dies out before the same ports can be used again.",
        ),
        (TimeWait, Closed) => Text::new(
            "2MSL 结束，连接彻底关闭，端口可以再用了。",
            "2MSL has passed: the connection is gone and the port is free.",
        ),
        (LastAck, Closed) => Text::new(
            "FIN 被确认，连接关闭。",
            "Its FIN is acknowledged: the connection is closed.",
        ),
        (Listen, Closed) => Text::new("不再监听。", "No longer listening."),
        (_, Closed) => Text::new("连接中止。", "The connection is aborted."),
    }
}

fn outcome(lang: Lang, o: CallOutcome) -> &'static str {
    let t = match o {
        CallOutcome::Ok => Text::new("成功", "ok"),
        CallOutcome::AddressInUse => Text::new("Address already in use", "Address already in use"),
        CallOutcome::AlreadyConnected => Text::new("连接已存在", "connection already exists"),
        CallOutcome::NotConnected => Text::new("连接不存在", "connection does not exist"),
        CallOutcome::Closing => Text::new("连接正在关闭", "connection closing"),
    };
    t.get(lang)
}

fn call_name(call: Call) -> String {
    match call {
        Call::Listen => "listen()".to_string(),
        Call::Connect => "connect()".to_string(),
        Call::Send(n) => format!("send({n})"),
        Call::Close => "close()".to_string(),
    }
}

/// The caption of one event, in `lang`, with segment labels in `mode`.
pub fn caption(lang: Lang, c: &Caption, trace: &Trace, mode: SeqMode) -> String {
    let zh = lang.fixed() == Lang::Zh;
    let who = |s: Side| subject(lang, s);
    let l = |id: SegId| trace.label(id, mode);
    let len = |id: SegId| trace.segment(id).map_or(0, |s| s.seg.len);
    match *c {
        Caption::Listen { side } if zh => format!("{}调用 listen()，开始在端口上等待连接。", who(side)),
        Caption::Listen { side } => format!("{} calls listen() and waits for connections on its port.", who(side)),
        Caption::AddressInUse { side, state } if zh => format!(
            "{}重启后再次 bind()/listen() 同一端口，失败：Address already in use（EADDRINUSE）。旧连接还在 {state}，占着这个端口；要么等它结束，要么设置 SO_REUSEADDR。",
            who(side)
        ),
        Caption::AddressInUse { side, state } => format!(
            "{} is restarted and binds the same port again: \"Address already in use\" (EADDRINUSE). The old connection, still in {state}, holds the port; wait for it to end, or set SO_REUSEADDR.",
            who(side)
        ),
        Caption::Connect { side } if zh => format!("{}调用 connect()，三次握手开始。", who(side)),
        Caption::Connect { side } => format!("{} calls connect(): the three-way handshake begins.", who(side)),
        Caption::Send { side, bytes } if zh => format!("{}的应用写入 {bytes} 字节。", who(side)),
        Caption::Send { side, bytes } => format!("{}'s application writes {bytes} bytes.", who(side)),
        Caption::ActiveClose { side } if zh => {
            format!("{}调用 close()：没有数据要发了，它先关闭。", who(side))
        }
        Caption::ActiveClose { side } => {
            format!("{} calls close(): it has nothing more to send, and closes first.", who(side))
        }
        Caption::CloseAfterEof { side } if zh => {
            format!("{}读到 EOF、发完自己要发的数据后，也调用 close()。", who(side))
        }
        Caption::CloseAfterEof { side } => format!(
            "Having read end-of-stream and sent what it had to send, {} calls close() too.",
            side_lower(lang, side)
        ),
        Caption::CloseEarly { side, state } if zh => format!("{}在 {state} 时调用 close()。", who(side)),
        Caption::CloseEarly { side, state } => format!("{} calls close() in {state}.", who(side)),
        Caption::CallFailed { side, call, outcome: o } if zh => {
            format!("{}调用 {} 失败：{}。", who(side), call_name(call), outcome(lang, o))
        }
        Caption::CallFailed { side, call, outcome: o } => {
            format!("{}'s {} fails: {}.", who(side), call_name(call), outcome(lang, o))
        }
        Caption::Entered { side, from, to } => {
            let meaning = state_meaning(to, from).get(lang);
            if zh {
                format!("{}：{from} → {to}。{meaning}", who(side))
            } else {
                format!("{}: {from} → {to}. {meaning}", who(side))
            }
        }
        Caption::Syn { side, id } if zh => format!(
            "{}发出 {}：请求建立连接。初始序号（ISN）由时钟加随机数得出；SYN 本身占用一个序号。",
            who(side),
            l(id)
        ),
        Caption::Syn { side, id } => format!(
            "{} sends {}: a request to connect. Its initial sequence number (ISN) comes from a clock plus a secret hash; the SYN itself takes one sequence number.",
            who(side),
            l(id)
        ),
        Caption::SynAck { side, id } if zh => format!(
            "{}回复 {}：确认客户端的 SYN（ack = 客户端 ISN + 1），同时发出自己的 SYN 和 ISN。",
            who(side),
            l(id)
        ),
        Caption::SynAck { side, id } => format!(
            "{} answers {}: it acknowledges the client's SYN (ack = client ISN + 1) and sends its own SYN and ISN.",
            who(side),
            l(id)
        ),
        Caption::HandshakeAck { side, id } if zh => {
            format!("{}发出 {}：握手第三步，确认服务器的 SYN。", who(side), l(id))
        }
        Caption::HandshakeAck { side, id } => format!(
            "{} sends {}: the handshake's third step, acknowledging the server's SYN.",
            who(side),
            l(id)
        ),
        Caption::DataAck { side, id } if zh => {
            format!("{}发出 {}：确认收到的数据（ack = 对方 seq + 数据长度）。", who(side), l(id))
        }
        Caption::DataAck { side, id } => format!(
            "{} sends {}: acknowledging the data (ack = peer's seq + data length).",
            who(side),
            l(id)
        ),
        Caption::FinAck { side, id } if zh => {
            format!("{}发出 {}：确认对方的 FIN（FIN 占一个序号，所以 ack 加 1）。", who(side), l(id))
        }
        Caption::FinAck { side, id } => format!(
            "{} sends {}: acknowledging the peer's FIN (a FIN takes one sequence number, hence ack + 1).",
            who(side),
            l(id)
        ),
        Caption::ReAck { side, id, time_wait: true } if zh => {
            format!("{}再次发出 {}，确认重传来的 FIN。", who(side), l(id))
        }
        Caption::ReAck { side, id, time_wait: true } => {
            format!("{} sends {} again, acknowledging the resent FIN.", who(side), l(id))
        }
        Caption::ReAck { side, id, .. } if zh => {
            format!("{}回复 {}：告诉对方自己期待的下一个序号。", who(side), l(id))
        }
        Caption::ReAck { side, id, .. } => {
            format!("{} answers {}: the sequence number it expects next.", who(side), l(id))
        }
        Caption::Data { side, id, after_peer_fin } => {
            let mut s = if zh {
                format!("{}发出 {}：{} 字节数据。", who(side), l(id), len(id))
            } else {
                format!("{} sends {}: {} bytes of data.", who(side), l(id), len(id))
            };
            if after_peer_fin {
                s.push_str(if zh {
                    "对方已经发来 FIN，但那只表示对方不再发送；本端在 CLOSE-WAIT 中照样可以发送。"
                } else {
                    " The peer's FIN only said the peer will send no more; in CLOSE-WAIT this side may still send."
                });
            }
            s
        }
        Caption::Fin { side, id } if zh => format!("{}发出 {}：没有更多数据要发送了。", who(side), l(id)),
        Caption::Fin { side, id } => format!("{} sends {}: it has no more data to send.", who(side), l(id)),
        Caption::RstStale { side, id } if zh => format!(
            "{}回复 {}：这个 SYN-ACK 确认的不是它发出的 SYN，是旧连接的，拒绝。这就是第三步的用处：只有两次握手的话，服务器会在过期的 SYN 上建立连接、白白占用资源。",
            who(side),
            l(id)
        ),
        Caption::RstStale { side, id } => format!(
            "{} answers {}: that SYN-ACK acknowledges a SYN it never sent, one of an old connection, so it refuses. This is what the third step is for: with two, the server would have opened a connection on the stale SYN and held resources for nothing.",
            who(side),
            l(id)
        ),
        Caption::RstNoConnection { side, id } if zh => {
            format!("{}回复 {}：这里没有对应的连接。", who(side), l(id))
        }
        Caption::RstNoConnection { side, id } => {
            format!("{} answers {}: there is no such connection here.", who(side), l(id))
        }
        Caption::Retransmit { side, id, attempt } if zh => {
            format!("{}超时重传（第 {attempt} 次）：{}。", who(side), l(id))
        }
        Caption::Retransmit { side, id, attempt } => {
            format!("{} retransmits on timeout (retry {attempt}): {}.", who(side), l(id))
        }
        Caption::AnswerDupSyn { side, id } if zh => format!(
            "{}又收到同一个 SYN：看来 SYN-ACK 丢了，重发 {}。",
            who(side),
            l(id)
        ),
        Caption::AnswerDupSyn { side, id } => format!(
            "{} gets the same SYN again: its SYN-ACK must be lost, so it resends {}.",
            who(side),
            l(id)
        ),
        Caption::OldSyn { id } if zh => format!(
            "一个旧连接的 {} 冒了出来：客户端很早以前发出，一直滞留在网络里。",
            l(id)
        ),
        Caption::OldSyn { id } => format!(
            "An old {} turns up: the client sent it long ago, for an earlier connection, and it lingered in the network.",
            l(id)
        ),
        Caption::Arrived { side, id } if zh => format!("{}收到 {}。", who(side), l(id)),
        Caption::Arrived { side, id } => format!("{} receives {}.", who(side), l(id)),
        Caption::Duplicate { side, id } if zh => {
            format!("{}收到 {}：这部分序号已经收到过，是重复的，丢弃。", who(side), l(id))
        }
        Caption::Duplicate { side, id } => format!(
            "{} receives {}: it already has these sequence numbers, so it drops the duplicate.",
            who(side),
            l(id)
        ),
        Caption::OutOfOrder { side, id } if zh => {
            format!("{}收到 {}：不是期待的序号，丢弃。", who(side), l(id))
        }
        Caption::OutOfOrder { side, id } => {
            format!("{} receives {}: not the sequence number it expects; dropped.", who(side), l(id))
        }
        Caption::Refused { side, id } if zh => format!("{}收到 {}：这不是它要的。", who(side), l(id)),
        Caption::Refused { side, id } => format!("{} receives {}: not what it is waiting for.", who(side), l(id)),
        Caption::Ignored { side, id, rate_limited: true } if zh => format!(
            "{}收到重传的 {}，但它刚刚已经重发了 SYN-ACK，不再重复回答（Linux 对这类回答限速）。",
            who(side),
            l(id)
        ),
        Caption::Ignored { side, id, rate_limited: true } => format!(
            "{} receives the resent {}, but has just resent its SYN-ACK and does not answer twice (Linux rate-limits such answers).",
            who(side),
            l(id)
        ),
        Caption::Ignored { side, id, .. } if zh => format!("{}收到 {}，不予理会。", who(side), l(id)),
        Caption::Ignored { side, id, .. } => format!("{} receives {} and ignores it.", who(side), l(id)),
        Caption::Lost { id } if zh => format!("网络丢失了 {}。", l(id)),
        Caption::Lost { id } => format!("The network loses {}.", l(id)),
        Caption::RtoStarted { side, ms, backoff: false } if zh => {
            format!("{}启动重传计时器：{ms} ms 内收不到确认就重传。", who(side))
        }
        Caption::RtoStarted { side, ms, backoff: false } => format!(
            "{} starts its retransmission timer: no acknowledgment within {ms} ms means send again.",
            who(side)
        ),
        Caption::RtoStarted { side, ms, .. } if zh => {
            format!("{}重新启动重传计时器，超时时间加倍为 {ms} ms（指数退避）。", who(side))
        }
        Caption::RtoStarted { side, ms, .. } => format!(
            "{} restarts its retransmission timer with the timeout doubled to {ms} ms (exponential backoff).",
            who(side)
        ),
        Caption::TimeWaitStarted { side, ms, restart: false } if zh => {
            format!("{}启动 TIME-WAIT 计时器：2MSL = {ms} ms。", who(side))
        }
        Caption::TimeWaitStarted { side, ms, restart: false } => {
            format!("{} starts its TIME-WAIT timer: 2MSL = {ms} ms.", who(side))
        }
        Caption::TimeWaitStarted { side, ms, .. } if zh => {
            format!("{}重新开始 2MSL 计时（{ms} ms）：对方可能还没收到确认。", who(side))
        }
        Caption::TimeWaitStarted { side, ms, .. } => format!(
            "{} restarts 2MSL ({ms} ms): the peer may not have its acknowledgment yet.",
            who(side)
        ),
        Caption::RtoFired { side } if zh => format!("{}的重传计时器到期，仍未收到确认。", who(side)),
        Caption::RtoFired { side } => {
            format!("{}'s retransmission timer runs out with no acknowledgment.", who(side))
        }
        Caption::TimeWaitFired { side } if zh => format!("{}的 2MSL 到了。", who(side)),
        Caption::TimeWaitFired { side } => format!("{}'s 2MSL is over.", who(side)),
        Caption::RtoStopped { side } if zh => format!("{}停止重传计时器。", who(side)),
        Caption::RtoStopped { side } => format!("{} stops its retransmission timer.", who(side)),
        Caption::TimeWaitStopped { side } if zh => format!("{}停止 TIME-WAIT 计时器。", who(side)),
        Caption::TimeWaitStopped { side } => format!("{} stops its TIME-WAIT timer.", who(side)),
        Caption::GaveUp { side } if zh => format!("{}多次重传仍无回应，放弃这个连接。", who(side)),
        Caption::GaveUp { side } => {
            format!("{} has retried enough with no answer and abandons the connection.", who(side))
        }
        Caption::ConnectRefused { side } if zh => format!(
            "{}的 connect() 失败：ECONNREFUSED（Connection refused）。对方的端口上没有程序在 listen，内核用 RST 拒绝了 SYN。",
            who(side)
        ),
        Caption::ConnectRefused { side } => format!(
            "{}'s connect() fails with ECONNREFUSED (\"Connection refused\"): nothing listens on that port, so the peer's kernel answered the SYN with a reset.",
            who(side)
        ),
        Caption::DelayedAckStarted { side, ms } if zh => format!(
            "{}先不急着回 ACK（延迟确认，最多 {ms} ms）：如果这期间它自己也要发东西，ACK 就可以搭车。",
            who(side)
        ),
        Caption::DelayedAckStarted { side, ms } => format!(
            "{} holds its ACK back (a delayed ACK, up to {ms} ms): if it has something to send meanwhile, the ACK rides along.",
            who(side)
        ),
        Caption::DelayedAckFired { side } if zh => format!("{}的延迟确认到期，单独发 ACK。", who(side)),
        Caption::DelayedAckFired { side } => {
            format!("{}'s delayed-ACK time is up; the ACK goes alone.", who(side))
        }
        Caption::DelayedAckCarried { side } if zh => format!(
            "{}刚发的段里带着 ACK，单独的 ACK 省掉了：第二次和第三次挥手合成了一个 FIN, ACK。",
            who(side)
        ),
        Caption::DelayedAckCarried { side } => format!(
            "The segment {} just sent carries the ACK, so no ACK goes alone: the second and third steps of the teardown became one FIN, ACK.",
            side_lower(lang, side)
        ),
    }
}

fn side_lower(lang: Lang, s: Side) -> String {
    match lang.fixed() {
        Lang::Zh => side(lang, s).to_string(),
        Lang::En => format!("the {}", side(lang, s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tcp::caption::caption as pick;
    use crate::tcp::sim::simulate;

    #[test]
    fn every_caption_reads_in_both_languages() {
        for id in ScenarioId::ALL {
            let t = simulate(id.scenario(), 1);
            for i in 0..t.len() {
                let c = pick(&t, i).expect("a caption");
                for lang in [Lang::Zh, Lang::En] {
                    for mode in [SeqMode::Relative, SeqMode::Absolute] {
                        let s = caption(lang, &c, &t, mode);
                        assert!(s.len() > 8, "{id:?} {i} {c:?}: {s:?}");
                        assert!(!s.contains("{"), "{s}");
                    }
                }
                let zh = caption(Lang::Zh, &c, &t, SeqMode::Relative);
                assert!(
                    zh.chars().any(|c| c > '\u{2e80}'),
                    "{id:?} {i}: no Chinese in {zh:?}"
                );
            }
            assert!(!title(id).zh.is_empty() && !summary(id).en.is_empty());
        }
    }

    #[test]
    fn captions_carry_the_labels_and_the_reasons() {
        let t = simulate(ScenarioId::Handshake.scenario(), 1);
        let c = pick(&t, 8).expect("a caption");
        assert_eq!(
            caption(Lang::En, &c, &t, SeqMode::Relative),
            "The server answers SYN, ACK seq=0 ack=1: it acknowledges the client's SYN (ack = client ISN + 1) and sends its own SYN and ISN."
        );
        let c = pick(&t, 12).expect("a caption");
        assert_eq!(
            caption(Lang::Zh, &c, &t, SeqMode::Relative),
            "客户端：SYN-SENT → ESTABLISHED。收到 SYN-ACK：客户端这边连接已建立，可以发数据了。"
        );
        assert_eq!(
            caption(Lang::En, &c, &t, SeqMode::Relative),
            "The client: SYN-SENT → ESTABLISHED. Got the SYN-ACK: for the client the connection is open, and it may send data."
        );
        let abs = caption(
            Lang::En,
            &pick(&t, 4).expect("a caption"),
            &t,
            SeqMode::Absolute,
        );
        assert!(abs.contains(&format!("SYN seq={}", t.base[0])), "{abs}");
    }
}
