//! The WebSocket opening handshake (RFC 6455 §1.3, §4), frames both ways
//! (§5), and the closing handshake (§1.4, §5.5.1, §7), over a TCP
//! connection. `Sec-WebSocket-Accept` is computed as §4.2.2 says, and the
//! frames' bytes are built as §5.2 lays them out, masked from the client
//! (§5.3).

use super::parts::{client_server, said, tcp_handshake, CLIENT, GAP, RTO, SERVER, TRIES};
use crate::net::seq::{LocalKind, Ms, Msg, MsgId, Seq, Trace};

/// RFC 6455 §1.3: the GUID appended to the key.
pub const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
/// RFC 6455 §1.3's example key (a base64 16-byte nonce).
pub const EXAMPLE_KEY: &str = "dGhlIHNhbXBsZSBub25jZQ==";
/// RFC 6455 §5.7's example masking key.
pub const EXAMPLE_MASK: [u8; 4] = [0x37, 0xfa, 0x21, 0x3d];

/// `Sec-WebSocket-Accept`: base64(SHA-1(key + GUID)) (§4.2.2, step 5.4).
pub fn accept(key: &str) -> String {
    let mut h = sha1_smol::Sha1::new();
    h.update(key.as_bytes());
    h.update(GUID.as_bytes());
    base64(&h.digest().bytes())
}

/// Standard base64 with padding (RFC 4648 §4).
pub fn base64(data: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Frame opcodes (§5.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opcode {
    Text = 0x1,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
}

/// One unfragmented frame's bytes (FIN set), masked when a key is given.
/// Payloads here are short (< 126 bytes), so the 7-bit length suffices.
pub fn frame(op: Opcode, payload: &[u8], mask: Option<[u8; 4]>) -> Vec<u8> {
    let len = payload.len().min(125);
    let mut out = vec![
        0x80 | op as u8,
        len as u8 | if mask.is_some() { 0x80 } else { 0 },
    ];
    match mask {
        Some(k) => {
            out.extend_from_slice(&k);
            out.extend(payload[..len].iter().enumerate().map(|(i, b)| b ^ k[i % 4]));
        }
        None => out.extend_from_slice(&payload[..len]),
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A nonce or masking key from the seed (0 gives the RFC's examples). A
/// browser draws these from a strong random source; a seed stands in.
fn from_seed(seed: u64, salt: u64) -> u64 {
    let mut z = seed.wrapping_add(salt).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z ^ (z >> 31)
}

fn key_for(seed: u64) -> String {
    if seed == 0 {
        return EXAMPLE_KEY.to_string();
    }
    let mut nonce = [0u8; 16];
    nonce[..8].copy_from_slice(&from_seed(seed, 1).to_be_bytes());
    nonce[8..].copy_from_slice(&from_seed(seed, 2).to_be_bytes());
    base64(&nonce)
}

fn mask_for(seed: u64, n: u64) -> [u8; 4] {
    if seed == 0 && n == 0 {
        return EXAMPLE_MASK;
    }
    let v = from_seed(seed, 10 + n).to_be_bytes();
    [v[0], v[1], v[2], v[3]]
}

/// The whole exchange; `seed` picks the key and masks (0: the RFC's).
pub fn run(seed: u64, toggled: &[MsgId]) -> Trace {
    let mut seq = client_server(toggled);
    let _ = script(&mut seq, seed);
    seq.finish()
}

fn send(
    seq: &mut Seq,
    at: Ms,
    msg: Msg,
    sent: (String, String),
    arrived: (String, String),
) -> Option<(MsgId, Ms)> {
    seq.send_reliably(
        at,
        msg.droppable(),
        RTO,
        TRIES,
        said(sent.0, sent.1),
        said(arrived.0, arrived.1),
    )
}

fn s(zh: &str, en: &str) -> (String, String) {
    (zh.to_string(), en.to_string())
}

fn script(seq: &mut Seq, seed: u64) -> Option<()> {
    let key = key_for(seed);
    let acc = accept(&key);
    let open = tcp_handshake(seq, 0, CLIENT, SERVER)?;
    let (up, up_at) = send(
        seq,
        open.client_ready + GAP,
        Msg::new(CLIENT, SERVER, "GET /chat HTTP/1.1")
            .field("Upgrade", "websocket")
            .field("Connection", "Upgrade")
            .field("Sec-WebSocket-Key", key.clone())
            .field("Sec-WebSocket-Version", "13"),
        s("客户端发一个普通的 HTTP/1.1 GET，带 Upgrade: websocket 和一个随机的 Sec-WebSocket-Key：请求把这条连接升级成 WebSocket。", "The client sends an ordinary HTTP/1.1 GET with Upgrade: websocket and a random Sec-WebSocket-Key: a request to turn this connection into a WebSocket."),
        s("服务器看到 Upgrade 请求，检查版本和来源。", "The server sees the upgrade request and checks the version and origin."),
    )?;
    seq.local(
        up_at,
        SERVER,
        LocalKind::KeysReady,
        said("算 Accept", "computes Accept"),
        said(
            format!("服务器把 key 与固定的 GUID {GUID} 拼起来，取 SHA-1 再 base64：{acc}。"),
            format!("The server appends the fixed GUID {GUID} to the key, takes SHA-1 and base64: {acc}."),
        ),
    );
    let (_, ok_at) = send(
        seq,
        up_at,
        Msg::new(SERVER, CLIENT, "101 Switching Protocols")
            .reply_to(up)
            .field("Upgrade", "websocket")
            .field("Connection", "Upgrade")
            .field("Sec-WebSocket-Accept", acc.clone()),
        s(
            "服务器回 101 Switching Protocols 和 Sec-WebSocket-Accept。",
            "The server answers 101 Switching Protocols with Sec-WebSocket-Accept.",
        ),
        s("客户端收到 101。", "The client has the 101."),
    )?;
    seq.local(
        ok_at,
        CLIENT,
        LocalKind::Verified,
        said("Accept ✓", "Accept ✓"),
        said(
            "客户端自己算一遍，与 Accept 相同：对面确实是理解 WebSocket 的服务器，而不是把请求当普通 HTTP 处理（或缓存）的程序。之后这条 TCP 连接上跑的是 WebSocket 帧，不再是 HTTP。",
            "The client computes the same value itself and it matches: the peer really is a WebSocket server, not something that took the request for plain HTTP (or a cache). From now on the TCP connection carries WebSocket frames, not HTTP.",
        ),
    );
    let hello = frame(Opcode::Text, b"Hello", Some(mask_for(seed, 0)));
    let (_, h_at) = send(
        seq,
        ok_at + GAP,
        Msg::new(CLIENT, SERVER, "Text \"Hello\"").field("FIN", "1").field("opcode", "0x1").field("MASK", "1").field("bytes", hex(&hello)),
        s("客户端发文本帧 \"Hello\"。客户端发的帧必须用随机的 4 字节掩码异或（RFC 6455 §5.3），防止中间的代理被精心构造的数据欺骗。", "The client sends a text frame \"Hello\". Client frames must be XOR-masked with a random 4-byte key (RFC 6455 §5.3), so crafted bytes cannot fool proxies on the way."),
        s("服务器去掉掩码，读到 \"Hello\"。", "The server unmasks it and reads \"Hello\"."),
    )?;
    let hi = frame(Opcode::Text, b"Hello", None);
    let (_, hi_at) = send(
        seq,
        h_at + GAP,
        Msg::new(SERVER, CLIENT, "Text \"Hello\"").field("FIN", "1").field("opcode", "0x1").field("MASK", "0").field("bytes", hex(&hi)),
        s("服务器随时可以主动推送：这里回一个文本帧（服务器的帧不加掩码）。", "The server may push at any time: here it sends a text frame back (server frames are not masked)."),
        s("客户端收到服务器推来的消息：全双工，不用再发请求。", "The client gets the server's message: full duplex, no request needed."),
    )?;
    let ping = frame(Opcode::Ping, b"", None);
    let (ping_id, ping_at) = send(
        seq,
        hi_at + 2 * GAP,
        Msg::new(SERVER, CLIENT, "Ping")
            .field("opcode", "0x9")
            .field("bytes", hex(&ping)),
        s(
            "服务器发 Ping 检查连接还活着（§5.5.2）。",
            "The server sends a Ping to check the connection is alive (§5.5.2).",
        ),
        s(
            "客户端收到 Ping，必须回 Pong。",
            "The client gets the Ping and must answer Pong.",
        ),
    )?;
    let pong = frame(Opcode::Pong, b"", Some(mask_for(seed, 1)));
    send(
        seq,
        ping_at,
        Msg::new(CLIENT, SERVER, "Pong")
            .reply_to(ping_id)
            .field("opcode", "0xA")
            .field("bytes", hex(&pong)),
        s(
            "客户端回 Pong（§5.5.3）。",
            "The client answers Pong (§5.5.3).",
        ),
        s(
            "服务器知道连接还通。",
            "The server knows the connection is alive.",
        ),
    )?;
    let code = 1000u16.to_be_bytes();
    let close_c = frame(Opcode::Close, &code, Some(mask_for(seed, 2)));
    let (close_id, close_at) = send(
        seq,
        ping_at + 3 * GAP,
        Msg::new(CLIENT, SERVER, "Close 1000").field("opcode", "0x8").field("status", "1000").field("bytes", hex(&close_c)),
        s("客户端要结束：发 Close 帧，状态码 1000（正常关闭），之后不再发数据帧（§5.5.1）。", "The client is done: it sends a Close frame with status 1000 (normal closure) and sends no more data frames (§5.5.1)."),
        s("服务器收到 Close。", "The server has the Close."),
    )?;
    let close_s = frame(Opcode::Close, &code, None);
    let (_, closed_at) = send(
        seq,
        close_at,
        Msg::new(SERVER, CLIENT, "Close 1000").reply_to(close_id).field("opcode", "0x8").field("status", "1000").field("bytes", hex(&close_s)),
        s("服务器回一个 Close：关闭握手完成，双方都确认不再发消息。", "The server answers with a Close: the closing handshake is done; both agree nothing more will be sent."),
        s("客户端收到服务器的 Close。", "The client has the server's Close."),
    )?;
    // §7.1.1: the server should close the TCP connection first, so the
    // TIME-WAIT state stays on the server.
    let fin = seq.send(
        close_at + GAP,
        Msg::new(SERVER, CLIENT, "FIN, ACK"),
        said("服务器先关闭 TCP 连接（RFC 6455 §7.1.1 建议这样，TIME-WAIT 就留在服务器这边）。", "The server closes the TCP connection first (as RFC 6455 §7.1.1 advises, so TIME-WAIT stays on the server)."),
        said("客户端读到连接结束。", "The client reads the end of the connection."),
    );
    if let Some(a) = fin.arrives {
        let fin2 = seq.send(
            a.max(closed_at),
            Msg::new(CLIENT, SERVER, "FIN, ACK"),
            said("客户端也关闭。", "The client closes too."),
            said(
                "服务器收到客户端的 FIN。",
                "The server has the client's FIN.",
            ),
        );
        if let Some(b) = fin2.arrives {
            seq.send(
                b,
                Msg::new(SERVER, CLIENT, "ACK"),
                said(
                    "服务器确认：连接结束。",
                    "The server acknowledges: the connection is over.",
                ),
                said("连接关闭。", "The connection is closed."),
            );
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_matches_rfc_6455_section_1_3() {
        assert_eq!(accept(EXAMPLE_KEY), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    #[test]
    fn base64_matches_rfc_4648_test_vectors() {
        // RFC 4648 §10.
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), enc);
        }
    }

    #[test]
    fn frames_match_rfc_6455_section_5_7() {
        // "A single-frame unmasked text message" and "a single-frame masked
        // text message", both containing "Hello".
        assert_eq!(
            frame(Opcode::Text, b"Hello", None),
            [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f]
        );
        assert_eq!(
            frame(Opcode::Text, b"Hello", Some(EXAMPLE_MASK)),
            [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58]
        );
    }

    #[test]
    fn the_handshake_carries_the_computed_accept_and_frames_follow() {
        let t = run(0, &[]);
        let up = t
            .find(CLIENT, "GET /chat HTTP/1.1")
            .expect("upgrade request");
        let m = &t.messages[up.0 as usize];
        assert_eq!(m.field("Upgrade"), Some("websocket"));
        assert_eq!(m.field("Sec-WebSocket-Key"), Some(EXAMPLE_KEY));
        let ok = t.find(SERVER, "101 Switching Protocols").expect("101");
        assert_eq!(
            t.messages[ok.0 as usize].field("Sec-WebSocket-Accept"),
            Some("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        );
        // Client frames are masked, server frames are not (§5.1).
        for m in t.messages.iter().filter(|m| m.field("opcode").is_some()) {
            let bytes = m.field("bytes").expect("bytes");
            let second = u8::from_str_radix(&bytes[3..5], 16).expect("hex");
            assert_eq!(second & 0x80 != 0, m.from == CLIENT, "{}", m.name);
        }
        // The closing handshake: a Close each way, then TCP closes.
        let closes: Vec<_> = t
            .messages
            .iter()
            .filter(|m| m.name == "Close 1000")
            .map(|m| m.from)
            .collect();
        assert_eq!(closes, [CLIENT, SERVER]);
    }

    #[test]
    fn another_seed_gives_another_key_and_its_own_accept() {
        let t = run(7, &[]);
        let up = &t.messages[t.find(CLIENT, "GET /chat HTTP/1.1").expect("up").0 as usize];
        let key = up.field("Sec-WebSocket-Key").expect("key");
        assert_ne!(key, EXAMPLE_KEY);
        assert_eq!(key.len(), 24, "16 bytes in base64");
        let ok = &t.messages[t.find(SERVER, "101 Switching Protocols").expect("101").0 as usize];
        assert_eq!(ok.field("Sec-WebSocket-Accept"), Some(accept(key).as_str()));
    }
}
