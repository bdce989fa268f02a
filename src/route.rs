//! The public URLs. People paste these into blog posts: keep them stable.
//!
//! Routes live in the hash (`#/notes/…`), so any static host serves the app
//! without rewrite rules. A query in the hash (`#/tcp/handshake?embed&theme=dark`)
//! carries view options; [`HashQuery`] reads the ones the shell owns.

use crate::i18n::Lang;
use crate::storage::prefs::ThemePref;

/// A page of the app. Matched by hand ([`Route::recognize`]) with the rules
/// `yew-router`'s derived matcher had, which the public URLs were published
/// under: the test `recognizes_what_the_derived_router_recognizes` holds
/// the two to the same answers.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Route {
    /// `/`
    Home,
    /// `/notes`
    Notes,
    /// `/notes/:topic`
    Topic { topic: String },
    /// `/notes/:topic/:id`
    Question { topic: String, id: String },
    /// `/search`
    Search,
    /// `/review`
    Review,
    /// `/stats`
    Stats,
    /// `/tcp`
    TcpIndex,
    /// `/tcp/:scenario`
    Tcp { scenario: String },
    /// `/net`
    NetIndex,
    /// `/net/:scenario`
    Net { scenario: String },
    /// `/algo`
    AlgoIndex,
    /// `/algo/:algorithm`
    Algo { algorithm: String },
    /// `/py`
    PyIndex,
    /// `/py/:scenario`
    Py { scenario: String },
    /// `/settings`
    Settings,
    /// `/404`, and every path that is none of the above.
    #[default]
    NotFound,
}

/// A path parameter as the URL carries it, decoded; `None` when it does not
/// decode to UTF-8 (the route is then "not found").
fn path_param(raw: &str) -> Option<String> {
    String::from_utf8(unescape(raw, false)).ok()
}

/// A path parameter for a URL: everything but unreserved ASCII is `%XX`.
fn path_segment(s: &str) -> String {
    escape(s, b"-_.~")
}

impl Route {
    /// The derived matcher's rules: one trailing `/` and the leading `/` are
    /// optional; a parameter is one or more characters other than `/`;
    /// anything else (or a parameter that does not decode) is not found.
    pub fn recognize(pathname: &str) -> Route {
        let path = pathname.strip_suffix('/').unwrap_or(pathname);
        let path = path.strip_prefix('/').unwrap_or(path);
        let segments: Vec<&str> = match path {
            "" => Vec::new(),
            _ => path.split('/').collect(),
        };
        let found = match segments.as_slice() {
            [] => Some(Route::Home),
            ["notes"] => Some(Route::Notes),
            ["notes", topic] if !topic.is_empty() => {
                path_param(topic).map(|topic| Route::Topic { topic })
            }
            ["notes", topic, id] if !topic.is_empty() && !id.is_empty() => path_param(topic)
                .zip(path_param(id))
                .map(|(topic, id)| Route::Question { topic, id }),
            ["search"] => Some(Route::Search),
            ["review"] => Some(Route::Review),
            ["stats"] => Some(Route::Stats),
            ["tcp"] => Some(Route::TcpIndex),
            ["tcp", scenario] if !scenario.is_empty() => {
                path_param(scenario).map(|scenario| Route::Tcp { scenario })
            }
            ["net"] => Some(Route::NetIndex),
            ["net", scenario] if !scenario.is_empty() => {
                path_param(scenario).map(|scenario| Route::Net { scenario })
            }
            ["algo"] => Some(Route::AlgoIndex),
            ["algo", algorithm] if !algorithm.is_empty() => {
                path_param(algorithm).map(|algorithm| Route::Algo { algorithm })
            }
            ["py"] => Some(Route::PyIndex),
            ["py", scenario] if !scenario.is_empty() => {
                path_param(scenario).map(|scenario| Route::Py { scenario })
            }
            ["settings"] => Some(Route::Settings),
            _ => None,
        };
        found.unwrap_or(Route::NotFound)
    }
    /// The path of a route (`/tcp/handshake`), parameters escaped.
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".into(),
            Route::Notes => "/notes".into(),
            Route::Topic { topic } => format!("/notes/{}", path_segment(topic)),
            Route::Question { topic, id } => {
                format!("/notes/{}/{}", path_segment(topic), path_segment(id))
            }
            Route::Search => "/search".into(),
            Route::Review => "/review".into(),
            Route::Stats => "/stats".into(),
            Route::TcpIndex => "/tcp".into(),
            Route::Tcp { scenario } => format!("/tcp/{}", path_segment(scenario)),
            Route::NetIndex => "/net".into(),
            Route::Net { scenario } => format!("/net/{}", path_segment(scenario)),
            Route::AlgoIndex => "/algo".into(),
            Route::Algo { algorithm } => format!("/algo/{}", path_segment(algorithm)),
            Route::PyIndex => "/py".into(),
            Route::Py { scenario } => format!("/py/{}", path_segment(scenario)),
            Route::Settings => "/settings".into(),
            Route::NotFound => "/404".into(),
        }
    }
}

/// The part of the app a route belongs to, for the navigation highlight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Notes,
    Review,
    Tcp,
    Algo,
    Other,
}

impl Route {
    pub fn section(&self) -> Section {
        match self {
            Route::Home => Section::Home,
            Route::Notes | Route::Topic { .. } | Route::Question { .. } | Route::Search => {
                Section::Notes
            }
            Route::Review | Route::Stats => Section::Review,
            // The networking diagrams sit beside TCP's (the nav has no
            // room for another item on a phone).
            Route::TcpIndex | Route::Tcp { .. } | Route::NetIndex | Route::Net { .. } => {
                Section::Tcp
            }
            Route::AlgoIndex | Route::Algo { .. } => Section::Algo,
            Route::PyIndex | Route::Py { .. } => Section::Other,
            Route::Settings | Route::NotFound => Section::Other,
        }
    }
}

/// The shell's options in the hash query: `embed`, `theme`, `lang`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HashQuery {
    /// Show the widget alone, for an iframe in someone's blog post.
    pub embed: bool,
    pub theme: Option<ThemePref>,
    pub lang: Option<Lang>,
}

impl HashQuery {
    /// Reads `embed`, `theme=dark|light` and `lang=zh|en` from a query string
    /// (with or without the leading `?`). Unknown keys and values are ignored:
    /// they belong to the features.
    pub fn parse(query: &str) -> HashQuery {
        let mut out = HashQuery::default();
        for (key, value) in pairs(query) {
            match key.as_str() {
                "embed" => out.embed = !matches!(value.as_str(), "0" | "false"),
                "theme" => out.theme = ThemePref::parse(&value),
                "lang" => out.lang = Lang::parse(&value),
                _ => {}
            }
        }
        out
    }
}

impl HashQuery {
    /// These options, with any that are missing taken from `other` (the
    /// page's own query, `/?embed#/tcp/handshake`).
    pub fn or(self, other: &HashQuery) -> HashQuery {
        HashQuery {
            embed: self.embed || other.embed,
            theme: self.theme.or(other.theme),
            lang: self.lang.or(other.lang),
        }
    }
}

/// Splits `a=1&b&c=x%20y` into decoded pairs.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (percent_decode(k), percent_decode(v)),
            None => (percent_decode(p), String::new()),
        })
        .collect()
}

/// The value of `key` in a query string (with or without the leading `?`),
/// if present and not empty.
pub fn param(query: &str, key: &str) -> Option<String> {
    pairs(query)
        .into_iter()
        .find(|(k, v)| k == key && !v.is_empty())
        .map(|(_, v)| v)
}

/// True when `key` is present, with or without a value (`?bench`).
pub fn has(query: &str, key: &str) -> bool {
    pairs(query).iter().any(|(k, _)| k == key)
}

/// `query` with `key` set to `value` (or removed when `value` is empty),
/// the other keys kept in order — among them the shell's `embed`, `theme`
/// and `lang`; no leading `?`.
pub fn with_param(query: &str, key: &str, value: &str) -> String {
    let mut parts: Vec<String> = pairs(query)
        .into_iter()
        .filter(|(k, _)| k != key)
        .map(|(k, v)| {
            if v.is_empty() {
                percent_encode(&k)
            } else {
                format!("{}={}", percent_encode(&k), percent_encode(&v))
            }
        })
        .collect();
    if !value.is_empty() {
        parts.push(format!("{}={}", percent_encode(key), percent_encode(value)));
    }
    parts.join("&")
}

/// Decodes `%XX` escapes and `+` as a space; invalid escapes are kept as
/// written, and invalid UTF-8 is replaced, so a mangled link still opens.
pub fn percent_decode(s: &str) -> String {
    String::from_utf8_lossy(&unescape(s, true)).into_owned()
}

/// Encodes a query value: everything but unreserved ASCII is `%XX`.
pub fn percent_encode(s: &str) -> String {
    escape(s, b"-_.~,")
}

/// The bytes `s` stands for: `%XX` escapes decoded (two hex digits exactly:
/// `u8::from_str_radix` would take "+1" as 1), others kept as written, and
/// `+` a space where `plus_is_space` (queries, not paths).
fn unescape(s: &str, plus_is_space: bool) -> Vec<u8> {
    fn hex(b: u8) -> Option<u8> {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', h, l]) => hex(*h).zip(hex(*l)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
            }
            (None, b'+') if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// `s` with every byte `%XX` but ASCII letters, digits and `keep`.
fn escape(s: &str, keep: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

#[cfg(test)]
impl yew_router::Routable for Route {
    fn from_path(path: &str, params: &std::collections::HashMap<&str, &str>) -> Option<Self> {
        let p = |name: &str| params.get(name).and_then(|raw| path_param(raw));
        Some(match path {
            "/" => Route::Home,
            "/notes" => Route::Notes,
            "/notes/:topic" => Route::Topic { topic: p("topic")? },
            "/notes/:topic/:id" => Route::Question {
                topic: p("topic")?,
                id: p("id")?,
            },
            "/search" => Route::Search,
            "/review" => Route::Review,
            "/stats" => Route::Stats,
            "/tcp" => Route::TcpIndex,
            "/tcp/:scenario" => Route::Tcp {
                scenario: p("scenario")?,
            },
            "/net" => Route::NetIndex,
            "/net/:scenario" => Route::Net {
                scenario: p("scenario")?,
            },
            "/algo" => Route::AlgoIndex,
            "/algo/:algorithm" => Route::Algo {
                algorithm: p("algorithm")?,
            },
            "/py" => Route::PyIndex,
            "/py/:scenario" => Route::Py {
                scenario: p("scenario")?,
            },
            "/settings" => Route::Settings,
            "/404" => Route::NotFound,
            _ => return None,
        })
    }

    fn to_path(&self) -> String {
        Route::to_path(self)
    }

    fn routes() -> Vec<&'static str> {
        vec![
            "/",
            "/notes",
            "/notes/:topic",
            "/notes/:topic/:id",
            "/search",
            "/review",
            "/stats",
            "/tcp",
            "/tcp/:scenario",
            "/net",
            "/net/:scenario",
            "/algo",
            "/algo/:algorithm",
            "/py",
            "/py/:scenario",
            "/settings",
            "/404",
        ]
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound)
    }

    fn recognize(pathname: &str) -> Option<Self> {
        Some(Route::recognize(pathname))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_takes_two_hex_digits_only() {
        assert_eq!(percent_decode("%+1"), "% 1", "a sign is not a hex digit");
        assert_eq!(percent_decode("%-1x"), "%-1x");
        assert_eq!(percent_decode("a%20b+c%E4%B8%89"), "a b c三");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
    }

    #[test]
    fn public_urls_parse_to_their_routes() {
        let cases = [
            ("/", Route::Home),
            ("/notes", Route::Notes),
            (
                "/notes/networking",
                Route::Topic {
                    topic: "networking".into(),
                },
            ),
            (
                "/notes/networking/tcp-handshake",
                Route::Question {
                    topic: "networking".into(),
                    id: "tcp-handshake".into(),
                },
            ),
            ("/search", Route::Search),
            ("/review", Route::Review),
            ("/stats", Route::Stats),
            (
                "/tcp/handshake",
                Route::Tcp {
                    scenario: "handshake".into(),
                },
            ),
            ("/net", Route::NetIndex),
            (
                "/net/tls13",
                Route::Net {
                    scenario: "tls13".into(),
                },
            ),
            ("/py", Route::PyIndex),
            (
                "/py/closures",
                Route::Py {
                    scenario: "closures".into(),
                },
            ),
            (
                "/algo/quick-sort",
                Route::Algo {
                    algorithm: "quick-sort".into(),
                },
            ),
        ];
        for (path, route) in cases {
            assert_eq!(Route::recognize(path), route.clone(), "{path}");
            assert_eq!(route.to_path(), path, "round trip of {path}");
        }
    }

    /// The hand-written matcher answers as yew_router's derived one (its
    /// general recognizer over [`Route::routes`]) on every kind of path.
    #[test]
    fn recognizes_what_the_derived_router_recognizes() {
        use yew_router::__macro::{build_router, recognize_with_router};
        let router = build_router::<Route>();
        let paths = [
            "",
            "/",
            "//",
            "///",
            "notes",
            "/notes",
            "/notes/",
            "/notes//",
            "//notes",
            "/notes/x",
            "notes/x",
            "/notes/x/",
            "/notes/x//",
            "/notes//x",
            "/notes/x/y",
            "/notes/x/y/",
            "/notes/x/y/z",
            "/notes/a.b/c.d",
            "/notes/%E7%BD%91%E7%BB%9C",
            "/notes/%FF",
            "/notes/%zz/x",
            "/notes/x/%C3%28",
            "/search",
            "/search/x",
            "/review",
            "/stats",
            "/stats/",
            "/tcp",
            "/tcp/",
            "/tcp/handshake",
            "/tcp/handshake/",
            "/tcp/handshake/x",
            "/tcp/%20a",
            "tcp",
            "tcp/handshake",
            "/algo",
            "/algo/quick-sort",
            "/algo/quick-sort?x",
            "/net",
            "/net/tls13",
            "/net/",
            "/net/tls13/x",
            "/py",
            "/py/closures",
            "/py//",
            "py/copies/",
            "/algo/",
            "/settings",
            "/404",
            "/404/",
            "/nope",
            "/Notes",
            "/notesx",
            "/tcpx/a",
            "/a/b/c/d",
            "/.",
            "/..",
            "/tcp/.",
            "/notes/ /x",
            "/算法",
            "/algo/排序",
        ];
        for path in paths {
            assert_eq!(
                Some(Route::recognize(path)),
                recognize_with_router::<Route>(&router, path),
                "{path:?}"
            );
        }
    }

    #[test]
    fn unknown_paths_are_not_found() {
        for path in ["/nope", "/notes/a/b/c", "/tcp/handshake/extra", "/review/x"] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path}");
        }
    }

    #[test]
    fn sections_group_routes_for_navigation() {
        assert_eq!(Route::Stats.section(), Section::Review);
        assert_eq!(Route::Search.section(), Section::Notes);
        assert_eq!(
            Route::Algo {
                algorithm: "x".into()
            }
            .section(),
            Section::Algo
        );
    }

    #[test]
    fn hash_query_reads_embed_theme_and_lang() {
        assert_eq!(
            HashQuery::parse("?embed&theme=dark&lang=en&input=1,2"),
            HashQuery {
                embed: true,
                theme: Some(ThemePref::Dark),
                lang: Some(Lang::En)
            }
        );
        assert_eq!(
            HashQuery::parse("theme=purple&lang=xx"),
            HashQuery::default()
        );
        assert!(!HashQuery::parse("embed=0").embed);
    }

    #[test]
    fn reads_one_key() {
        assert_eq!(
            param("?q=%E4%B8%89%E6%AC%A1&embed", "q").as_deref(),
            Some("三次")
        );
        assert_eq!(param("", "q"), None);
        assert_eq!(param("?topic=net&card=", "card"), None, "empty is absent");
        assert!(has("?embed&bench", "bench") && !has("?q=bench", "bench"));
    }

    #[test]
    fn rewrites_one_key_and_keeps_the_others() {
        assert_eq!(
            with_param("?embed&theme=dark&q=old", "q", "三次 握手"),
            "embed&theme=dark&q=%E4%B8%89%E6%AC%A1%20%E6%8F%A1%E6%89%8B"
        );
        assert_eq!(with_param("?q=old&lang=en", "q", ""), "lang=en");
        assert_eq!(with_param("", "q", ""), "");
        assert_eq!(
            with_param("?embed&topic=net", "topic", "db"),
            "embed&topic=db"
        );
        let round = with_param("", "q", "TIME_WAIT & a=b?");
        assert_eq!(param(&round, "q").as_deref(), Some("TIME_WAIT & a=b?"));
    }

    #[test]
    fn percent_coding_round_trips_chinese_and_survives_garbage() {
        let q = "三次握手 TIME_WAIT&=";
        assert_eq!(percent_decode(&percent_encode(q)), q);
        assert_eq!(percent_decode("a+b%2"), "a b%2");
        assert_eq!(percent_decode("%zz%E4"), "%zz\u{FFFD}");
    }
}
