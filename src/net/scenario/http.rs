//! Three requests for the same page over HTTP/1.0 (a connection per
//! request), HTTP/1.1 (one kept-alive connection, one request at a time:
//! RFC 9112 §9.3) and HTTP/2 (streams multiplexed on one connection:
//! RFC 9113 §5). The first resource is slow to produce: on HTTP/1.1 it
//! holds up the ones behind it, on HTTP/2 the other streams pass it. But
//! HTTP/2's streams share one TCP byte stream, so one lost segment stalls
//! them all — why HTTP/3 runs over QUIC, whose streams are delivered
//! independently (RFC 9000 §2.2, RFC 9114 §1).
//!
//! TLS is left out to keep the pictures on the point (browsers use HTTP/2
//! only over TLS; the TLS scenarios show that part).

use super::parts::{
    client_server, said, stream, tcp_handshake, Segment, CLIENT, GAP, ONE_WAY, RTO, SERVER, TRIES,
};
use crate::net::seq::{LocalKind, Ms, Msg, MsgId, Seq, Trace};

/// The page's resources, the first one slow to produce.
const PATHS: [&str; 3] = ["/app.js", "/style.css", "/logo.png"];
/// How long the server works on `/app.js`.
pub const SLOW_MS: Ms = 150;

fn work(path: &str) -> Ms {
    if path == PATHS[0] {
        SLOW_MS
    } else {
        0
    }
}

fn busy(seq: &mut Seq, at: Ms, path: &str) {
    if work(path) > 0 {
        seq.local(
            at,
            SERVER,
            LocalKind::Busy,
            said(format!("生成 {path}…"), format!("building {path}…")),
            said(
                format!("服务器生成 {path} 要 {SLOW_MS} ms（比如要查数据库）。"),
                format!("The server needs {SLOW_MS} ms to produce {path} (a database query, say)."),
            ),
        );
    }
}

/// A request and its response on an open connection; returns when the
/// client has the response.
fn get(seq: &mut Seq, at: Ms, path: &str, version: &str) -> Option<Ms> {
    let (req, req_at) = seq.send_reliably(
        at,
        Msg::new(CLIENT, SERVER, format!("GET {path}"))
            .field("version", version)
            .droppable(),
        RTO,
        TRIES,
        said(
            format!("客户端请求 {path}。"),
            format!("The client asks for {path}."),
        ),
        said(
            format!("服务器收到 {path} 的请求。"),
            format!("The server has the request for {path}."),
        ),
    )?;
    busy(seq, req_at, path);
    let (_, back) = seq.send_reliably(
        req_at + work(path),
        Msg::new(SERVER, CLIENT, format!("200 {path}"))
            .reply_to(req)
            .droppable(),
        RTO,
        TRIES,
        said(
            format!("服务器发回 {path}。"),
            format!("The server sends {path}."),
        ),
        said(
            format!("客户端拿到 {path}。"),
            format!("The client has {path}."),
        ),
    )?;
    Some(back)
}

/// The server closes (HTTP/1.0 marks the end of a response this way when
/// it has no length), FIN,ACK → FIN,ACK → ACK. Returns when the client
/// may open the next connection.
fn close(seq: &mut Seq, at: Ms) -> Option<Ms> {
    let fin = seq.send(
        at,
        Msg::new(SERVER, CLIENT, "FIN, ACK"),
        said("服务器发完响应就关闭连接：HTTP/1.0 默认一个请求一个连接。", "The server closes the connection after the response: HTTP/1.0 uses a connection per request by default."),
        said("客户端读到连接结束。", "The client reads the end of the connection."),
    );
    let fin_at = fin.arrives?;
    let fin2 = seq.send(
        fin_at,
        Msg::new(CLIENT, SERVER, "FIN, ACK"),
        said(
            "客户端也关闭（确认与 FIN 合在一个段里）。",
            "The client closes too (its ACK and FIN in one segment).",
        ),
        said(
            "服务器收到客户端的 FIN。",
            "The server has the client's FIN.",
        ),
    );
    if let Some(a) = fin2.arrives {
        seq.send(
            a,
            Msg::new(SERVER, CLIENT, "ACK"),
            said("服务器确认，连接结束；它在 TIME-WAIT 里占着这个四元组。", "The server acknowledges; the connection is over, and the server holds the pair of ports in TIME-WAIT."),
            said("客户端的 FIN 被确认了。", "The client's FIN is acknowledged."),
        );
    }
    Some(fin_at + GAP)
}

/// HTTP/1.0: a new TCP connection for each request, one after another.
pub fn http10(toggled: &[MsgId]) -> Trace {
    let mut seq = client_server(toggled);
    let mut t = 0;
    for path in PATHS {
        let Some(open) = tcp_handshake(&mut seq, t, CLIENT, SERVER) else {
            break;
        };
        let Some(back) = get(&mut seq, open.client_ready + GAP, path, "HTTP/1.0") else {
            break;
        };
        let Some(next) = close(&mut seq, back + GAP - ONE_WAY) else {
            break;
        };
        t = next;
    }
    seq.local(t, CLIENT, LocalKind::Ready, said("3 个都到了", "all 3 here"), said("每个请求都多付一次握手的往返（还有慢启动）：三个资源用了六个往返。浏览器因此会并行开好几个连接。", "Each request pays a handshake round trip (and slow start) again: three resources took six round trips. Browsers open several connections in parallel because of it."));
    seq.finish()
}

/// HTTP/1.1: one persistent connection, a request at a time.
pub fn http11(toggled: &[MsgId]) -> Trace {
    let mut seq = client_server(toggled);
    let mut t = None;
    if let Some(open) = tcp_handshake(&mut seq, 0, CLIENT, SERVER) {
        let mut at = open.client_ready + GAP;
        t = Some(at);
        for (i, path) in PATHS.into_iter().enumerate() {
            if i == 1 {
                seq.local(at - GAP, CLIENT, LocalKind::Ready, said("等了 /app.js", "waited for /app.js"), said("/style.css 本来可以马上回来，却排在慢的 /app.js 后面：连接上一次只有一个请求在途（HTTP/1.1 的管线化要求按顺序回答，一样会被挡住，浏览器也不用它）。", "/style.css could have come back at once, but waited behind the slow /app.js: one request at a time on the connection (HTTP/1.1 pipelining must answer in order, so it is held up the same way, and browsers do not use it)."));
            }
            match get(&mut seq, at, path, "HTTP/1.1") {
                Some(back) => {
                    at = back + GAP;
                    t = Some(at);
                }
                None => {
                    t = None;
                    break;
                }
            }
        }
    }
    if let Some(t) = t {
        seq.local(t, CLIENT, LocalKind::Ready, said("3 个都到了", "all 3 here"), said("一个连接复用到底（keep-alive）：只握手一次，但请求只能一个接一个。", "One connection reused throughout (keep-alive): one handshake, but the requests go one after another."));
    }
    seq.finish()
}

/// HTTP/2: the three requests at once on streams 1, 3 and 5; responses
/// as soon as each is ready. With `lose_first`, the TCP segment carrying
/// the first response to leave is lost.
pub fn http2(lose_first: bool, toggled: &[MsgId]) -> Trace {
    let mut seq = client_server(toggled);
    let _ = http2_script(&mut seq, lose_first);
    seq.finish()
}

fn http2_script(seq: &mut Seq, lose_first: bool) -> Option<()> {
    let open = tcp_handshake(seq, 0, CLIENT, SERVER)?;
    let mut t = open.client_ready + GAP;
    let (_, pre_at) = seq.send_reliably(
        t,
        Msg::new(CLIENT, SERVER, "PRI * HTTP/2.0, SETTINGS").droppable(),
        RTO,
        TRIES,
        said("客户端先发连接前言（PRI * HTTP/2.0）和它的 SETTINGS（RFC 9113 §3.4），不必等回答就能发请求。", "The client opens with the connection preface (PRI * HTTP/2.0) and its SETTINGS (RFC 9113 §3.4); it need not wait for an answer before requesting."),
        said("服务器收到前言和设置。", "The server has the preface and settings."),
    )?;
    let mut reqs: Vec<(u32, &str, MsgId, Ms)> = Vec::new();
    for (i, path) in PATHS.into_iter().enumerate() {
        t += GAP;
        let sid = 1 + 2 * i as u32;
        let (id, arr) = seq.send_reliably(
            t,
            Msg::new(CLIENT, SERVER, format!("HEADERS s{sid} GET {path}")).stream(sid).droppable(),
            RTO,
            TRIES,
            said(format!("请求 {path} 放在流 {sid} 上，立刻发出，不等前一个回答。"), format!("The request for {path} goes on stream {sid}, at once, without waiting for the one before.")),
            said(format!("服务器收到流 {sid} 的请求。"), format!("The server has stream {sid}'s request.")),
        )?;
        reqs.push((sid, path, id, arr));
    }
    seq.send_reliably(
        pre_at,
        Msg::new(SERVER, CLIENT, "SETTINGS, SETTINGS ACK").droppable(),
        RTO,
        TRIES,
        said(
            "服务器发自己的 SETTINGS，并确认客户端的。",
            "The server sends its SETTINGS and acknowledges the client's.",
        ),
        said(
            "客户端收到服务器的设置。",
            "The client has the server's settings.",
        ),
    )?;
    // Each response leaves as soon as it is ready: the slow one last
    // unless all are ready at once (the loss case).
    let mut out: Vec<(Ms, u32, &str, MsgId)> = reqs
        .iter()
        .map(|&(sid, path, id, arr)| {
            let ready = if lose_first {
                reqs.last().map_or(arr, |r| r.3)
            } else {
                arr + work(path)
            };
            (ready, sid, path, id)
        })
        .collect();
    crate::small_sort::by_key(&mut out, |o| (o.0, o.1));
    for &(_, _, path, _) in &out {
        if !lose_first {
            if let Some(r) = reqs.iter().find(|r| r.1 == path) {
                busy(seq, r.3, path);
            }
        }
    }
    let mut last = 0;
    let segs: Vec<Segment> = out
        .iter()
        .enumerate()
        .map(|(i, &(ready, sid, path, req))| {
            let at = ready.max(last + GAP * (i > 0) as Ms);
            last = at;
            let mut msg = Msg::new(SERVER, CLIENT, format!("HEADERS+DATA s{sid}")).stream(sid).reply_to(req).field("path", path);
            if lose_first && i == 0 {
                msg = msg.lose();
            }
            Segment {
                at,
                msg,
                sent: said(format!("服务器在流 {sid} 上发回 {path}：{path} 一准备好就发，不管别的流。"), format!("The server sends {path} on stream {sid} as soon as it is ready, whatever the other streams are doing.")),
                arrived: said(format!("客户端拿到流 {sid}：{path}。"), format!("The client has stream {sid}: {path}.")),
            }
        })
        .collect();
    let ready = stream(seq, CLIENT, segs);
    if let Some(Some(end)) = ready.iter().copied().max() {
        let text = if lose_first {
            said("HTTP/2 的流只在 HTTP 这一层独立：底下仍是一条 TCP 字节流，丢一个段，所有流都得等重传。HTTP/3 因此改用 QUIC：每个流单独按序交付，丢包只耽误它所在的流（RFC 9000 §2.2）。", "HTTP/2's streams are independent only at the HTTP layer: underneath is one TCP byte stream, so one lost segment makes every stream wait for the retransmission. That is why HTTP/3 runs over QUIC, which delivers each stream in order on its own, so a loss delays only its own stream (RFC 9000 §2.2).")
        } else {
            said("慢的 /app.js 没有挡住其它两个流：一个连接上并发多个请求（多路复用）。", "The slow /app.js held up neither of the other streams: several requests at once on one connection (multiplexing).")
        };
        seq.local(
            end,
            CLIENT,
            LocalKind::Ready,
            said("3 个都到了", "all 3 here"),
            text,
        );
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::scenario::parts::RTT;
    use crate::net::seq::{Event, Trace};

    /// When the client has each resource (the arrival of its response, or
    /// its release from TCP's buffer when it was held).
    fn got(t: &Trace, path: &str) -> Ms {
        let ids: Vec<MsgId> = t
            .messages
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                m.from == SERVER && (m.name.ends_with(path) || m.field("path") == Some(path))
            })
            .map(|(i, _)| MsgId(i as u16))
            .collect();
        let arrived = ids
            .iter()
            .filter_map(|&id| t.delivered_at(id))
            .max()
            .expect(path);
        let held = ids
            .iter()
            .any(|&id| t.steps.iter().any(|s| s.event == Event::Held { id }));
        if held {
            t.steps
                .iter()
                .filter(|s| {
                    matches!(
                        s.event,
                        Event::Local {
                            kind: LocalKind::Released,
                            ..
                        }
                    ) && s.at >= arrived
                })
                .map(|s| s.at)
                .min()
                .expect("released")
        } else {
            arrived
        }
    }

    fn handshakes(t: &Trace) -> usize {
        t.messages.iter().filter(|m| m.name == "SYN").count()
    }

    #[test]
    fn http10_opens_a_connection_per_request() {
        // RFC 1945 §1.3: the connection is closed after each response.
        let t = http10(&[]);
        assert_eq!(handshakes(&t), 3);
        assert_eq!(
            t.messages.iter().filter(|m| m.name == "FIN, ACK").count(),
            6
        );
        assert_eq!(t.round_trips_at(t.len()), 6, "two round trips per resource");
    }

    #[test]
    fn http11_keeps_one_connection_and_the_slow_response_holds_the_rest() {
        // RFC 9112 §9.3: persistent by default; one response after another.
        let t = http11(&[]);
        assert_eq!(handshakes(&t), 1);
        let (js, css, png) = (
            got(&t, "/app.js"),
            got(&t, "/style.css"),
            got(&t, "/logo.png"),
        );
        assert!(js < css && css < png);
        assert!(
            css >= js + RTT,
            "style.css is asked for only after app.js arrived"
        );
        assert_eq!(t.round_trips_at(t.len()), 4);
    }

    #[test]
    fn http2_streams_pass_the_slow_one() {
        // RFC 9113 §5: streams are independent; responses interleave.
        let t = http2(false, &[]);
        assert_eq!(handshakes(&t), 1);
        let (js, css, png) = (
            got(&t, "/app.js"),
            got(&t, "/style.css"),
            got(&t, "/logo.png"),
        );
        assert!(css < js && png < js, "fast streams first: {css} {png} {js}");
        let h11 = http11(&[]);
        assert!(got(&t, "/logo.png") < got(&h11, "/logo.png"));
        // Stream ids are odd, chosen by the client (RFC 9113 §5.1.1).
        let sids: Vec<u32> = t
            .messages
            .iter()
            .filter(|m| m.from == CLIENT)
            .filter_map(|m| m.stream)
            .collect();
        assert_eq!(sids, [1, 3, 5]);
    }

    #[test]
    fn one_lost_segment_stalls_every_http2_stream() {
        let t = http2(true, &[]);
        let first_lost = t
            .messages
            .iter()
            .position(|m| m.lost)
            .expect("a lost segment");
        assert_eq!(t.messages[first_lost].stream, Some(1));
        let held: Vec<u32> = t
            .steps
            .iter()
            .filter_map(|s| match s.event {
                Event::Held { id } => t.message(id).and_then(|m| m.stream),
                _ => None,
            })
            .collect();
        assert_eq!(held, [3, 5], "streams 3 and 5 arrived but wait");
        let (js, css, png) = (
            got(&t, "/app.js"),
            got(&t, "/style.css"),
            got(&t, "/logo.png"),
        );
        assert_eq!(css, js);
        assert_eq!(png, js);
        assert!(js >= RTO, "all wait for the retransmission");
        // Restoring the segment in the sandbox: nothing is held.
        let lost_id = MsgId(first_lost as u16);
        let fixed = http2(true, &[lost_id]);
        assert!(!fixed
            .steps
            .iter()
            .any(|s| matches!(s.event, Event::Held { .. })));
    }
}
