//! What happens after typing `https://example.com/` into the address bar:
//! a DNS lookup (answered from the resolver's cache here; the DNS scenario
//! shows a cold one), the TCP handshake, TLS 1.3, `GET /`, the response,
//! and a second request on the same connection (keep-alive), with the
//! round trips counted as they complete.

use super::parts::{lane, said, tcp_handshake, GAP, ONE_WAY, RTO, TRIES};
use crate::net::seq::{Axis, Carrier, LaneId, LocalKind, Msg, MsgId, Protection, Seq, Trace};

const BROWSER: LaneId = LaneId(0);
const SERVER: LaneId = LaneId(1);
const RESOLVER: LaneId = LaneId(2);

/// One-way to the resolver (the ISP's, a few hops away).
const RESOLVER_ONE_WAY: u32 = 10;

pub fn run(toggled: &[MsgId]) -> Trace {
    let mut seq = Seq::new(
        vec![
            lane("浏览器", "Browser"),
            lane("服务器 example.com", "Server example.com"),
            lane("DNS 解析器", "DNS resolver"),
        ],
        ONE_WAY,
        Axis::RoundTrips(2 * ONE_WAY),
        toggled,
    );
    seq.link(BROWSER, RESOLVER, RESOLVER_ONE_WAY);
    let _ = script(&mut seq);
    seq.finish()
}

fn script(seq: &mut Seq) -> Option<()> {
    seq.local(
        0,
        BROWSER,
        LocalKind::CacheMiss,
        said("缓存里没有", "not cached"),
        said(
            "浏览器解析 URL：协议 https、主机 example.com、端口 443、路径 /。浏览器和操作系统的 DNS 缓存、hosts 文件里都没有这个名字。",
            "The browser parses the URL: scheme https, host example.com, port 443, path /. Neither the browser's nor the OS's DNS cache, nor the hosts file, has the name.",
        ),
    );
    let (q, q_at) = seq.send_reliably(
        0,
        Msg::new(BROWSER, RESOLVER, "DNS Query")
            .over(Carrier::Udp)
            .field("qname", "example.com")
            .field("qtype", "A")
            .droppable(),
        // The stub resolver's own retry (glibc waits 5 s; scaled down).
        RTO,
        TRIES,
        said(
            "操作系统的存根解析器用 UDP 问 DNS 解析器 example.com 的地址。",
            "The OS's stub resolver asks the DNS resolver for example.com's address over UDP.",
        ),
        said(
            "解析器的缓存里有（别人刚查过）：不用去问根和 .com。",
            "The resolver has it cached (someone asked recently): no need to ask the root or .com.",
        ),
    )?;
    let (_, a_at) = seq.send_reliably(
        q_at,
        Msg::new(RESOLVER, BROWSER, "DNS Response")
            .over(Carrier::Udp)
            .reply_to(q)
            .field("answer", "example.com A 192.0.2.10")
            .droppable(),
        RTO,
        TRIES,
        said("解析器回答地址。", "The resolver answers with the address."),
        said(
            "浏览器拿到 IP：第 1 个往返（很短，解析器离得近）。",
            "The browser has the IP: round trip 1 (a short one: the resolver is near).",
        ),
    )?;
    let open = tcp_handshake(seq, a_at + GAP, BROWSER, SERVER)?;
    let mut t = open.client_ready + GAP;
    let (ch, ch_at) = seq.send_reliably(
        t,
        Msg::new(BROWSER, SERVER, "ClientHello")
            .field("key_share", "x25519")
            .field("server_name", "example.com")
            .field("alpn", "h2, http/1.1")
            .droppable(),
        RTO,
        TRIES,
        said(
            "TCP 建好后（第 2 个往返）开始 TLS 1.3：ClientHello 带 key_share 和 SNI。",
            "With TCP up (round trip 2), TLS 1.3 starts: ClientHello with key_share and SNI.",
        ),
        said(
            "服务器选定参数，算出握手密钥。",
            "The server picks the parameters and derives the handshake keys.",
        ),
    )?;
    let mut last = ch_at;
    for (i, (name, p, zh, en)) in [
        (
            "ServerHello",
            Protection::Clear,
            "ServerHello 带服务器的 key_share。",
            "ServerHello with the server's key_share.",
        ),
        (
            "EncryptedExtensions",
            Protection::Handshake,
            "{EncryptedExtensions}。",
            "{EncryptedExtensions}.",
        ),
        (
            "Certificate",
            Protection::Handshake,
            "{Certificate}：证书链，证明身份。",
            "{Certificate}: the chain that proves identity.",
        ),
        (
            "CertificateVerify",
            Protection::Handshake,
            "{CertificateVerify}：证明持有私钥。",
            "{CertificateVerify}: proof of the private key.",
        ),
        (
            "Finished",
            Protection::Handshake,
            "{Finished}：握手完整性。",
            "{Finished}: the handshake's integrity.",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let mut m = Msg::new(SERVER, BROWSER, name).protected(p).droppable();
        if i == 0 {
            m = m.reply_to(ch);
        }
        let (_, a) = seq.send_reliably(
            ch_at + GAP * i as u32,
            m,
            RTO,
            TRIES,
            said(zh, en),
            said(
                format!("浏览器收到 {name}。"),
                format!("The browser has {name}."),
            ),
        )?;
        last = last.max(a);
    }
    seq.local(last, BROWSER, LocalKind::Verified, said("证书 ✓", "certificate ✓"), said("证书链、签名和 Finished 都验证通过：第 3 个往返结束，TLS 握手完成。", "Chain, signature and Finished all check out: round trip 3 is done, and so is the TLS handshake."));
    t = last;
    seq.send_reliably(
        t,
        Msg::new(BROWSER, SERVER, "Finished")
            .protected(Protection::Handshake)
            .droppable(),
        RTO,
        TRIES,
        said("浏览器的 {Finished}。", "The browser's {Finished}."),
        said(
            "服务器验证浏览器的 Finished。",
            "The server checks the browser's Finished.",
        ),
    )?;
    let (get, get_at) = seq.send_reliably(
        t + GAP,
        Msg::new(BROWSER, SERVER, "GET /").protected(Protection::Application).field("Host", "example.com").field("Connection", "keep-alive").droppable(),
        RTO,
        TRIES,
        said("紧跟着发 HTTP 请求 GET /（加密）。", "Right behind it, the HTTP request GET / (encrypted)."),
        said("服务器（或它前面的反向代理）把请求交给应用，生成页面。", "The server (or the reverse proxy in front of it) hands the request to the application, which builds the page."),
    )?;
    let (_, html_at) = seq.send_reliably(
        get_at + 20,
        Msg::new(SERVER, BROWSER, "200 OK text/html").protected(Protection::Application).reply_to(get).droppable(),
        RTO,
        TRIES,
        said("服务器发回 HTML。", "The server sends the HTML back."),
        said("浏览器收到 HTML：第 4 个往返。开始解析 HTML、构建 DOM，发现还要 style.css。", "The browser has the HTML: round trip 4. It parses it, builds the DOM, and finds it needs style.css."),
    )?;
    let (css, css_at) = seq.send_reliably(
        html_at + 2 * GAP,
        Msg::new(BROWSER, SERVER, "GET /style.css")
            .protected(Protection::Application)
            .droppable(),
        RTO,
        TRIES,
        said(
            "第二个请求走同一条连接（keep-alive）：不用再做 DNS、TCP、TLS。",
            "The second request reuses the connection (keep-alive): no DNS, TCP or TLS again.",
        ),
        said(
            "服务器收到第二个请求。",
            "The server has the second request.",
        ),
    )?;
    let (_, done) = seq.send_reliably(
        css_at,
        Msg::new(SERVER, BROWSER, "200 OK text/css")
            .protected(Protection::Application)
            .reply_to(css)
            .droppable(),
        RTO,
        TRIES,
        said("服务器发回 CSS。", "The server sends the CSS."),
        said(
            "第 5 个往返：只花了一个往返，因为连接还在。",
            "Round trip 5: it cost a single round trip, since the connection was still open.",
        ),
    )?;
    seq.local(done, BROWSER, LocalKind::Ready, said("渲染", "render"), said("浏览器计算样式、布局、绘制，页面出现。连接保持打开，供后面的请求再用。", "The browser computes styles, lays out and paints: the page appears. The connection stays open for later requests."));
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::seq::Event;

    #[test]
    fn the_journey_in_order_with_a_running_count_of_round_trips() {
        let t = run(&[]);
        // Round trips complete at: DNS answer, SYN-ACK, ServerHello, HTML, CSS.
        let mut counts = Vec::new();
        let mut last = 0;
        for pos in 0..=t.len() {
            let n = t.round_trips_at(pos);
            if n != last {
                let s = &t.steps[pos - 1];
                let Event::Delivered { id } = s.event else {
                    panic!("a round trip ends on a delivery")
                };
                counts.push((n, t.messages[id.0 as usize].name.clone()));
                last = n;
            }
        }
        assert_eq!(
            counts,
            [
                (1, "DNS Response".to_string()),
                (2, "SYN, ACK".to_string()),
                (3, "ServerHello".to_string()),
                (4, "200 OK text/html".to_string()),
                (5, "200 OK text/css".to_string()),
            ]
        );
        // Keep-alive: a single handshake serves both requests.
        assert_eq!(t.messages.iter().filter(|m| m.name == "SYN").count(), 1);
        let gets: Vec<_> = t
            .messages
            .iter()
            .filter(|m| m.name.starts_with("GET"))
            .map(|m| m.protection)
            .collect();
        assert_eq!(gets, [Protection::Application, Protection::Application]);
    }
}
