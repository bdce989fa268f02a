//! The compiler on the fixture notes in `tests/fixtures/`: the good
//! ones render as expected, each bad one fails with its `file:line` message.

use super::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

fn fixture(dir: &str, name: &str) -> SourceFile {
    let text = std::fs::read_to_string(format!("{FIXTURES}/{dir}/{name}"))
        .unwrap_or_else(|e| panic!("fixture {dir}/{name}: {e}"));
    SourceFile {
        path: format!("content/{name}"),
        text,
    }
}

fn source(name: &str, text: &str) -> SourceFile {
    SourceFile {
        path: format!("content/{name}"),
        text: text.to_string(),
    }
}

fn good_book() -> Book {
    let files = [
        fixture("good", "01-network.md"),
        fixture("good", "02-python.md"),
    ];
    compile(&files).unwrap_or_else(|e| panic!("{e:?}"))
}

fn errors_of(files: &[SourceFile]) -> Vec<String> {
    match compile(files) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

fn find<'a>(book: &'a Book, title: &str) -> &'a Question {
    book.topics
        .iter()
        .flat_map(|t| &t.questions)
        .find(|q| q.title == title)
        .unwrap_or_else(|| panic!("no question {title:?}"))
}

#[test]
fn topics_come_from_file_names_and_titles() {
    let book = good_book();
    let got: Vec<(&str, &str, usize)> = book
        .topics
        .iter()
        .map(|t| (t.slug.as_str(), t.title.as_str(), t.questions.len()))
        .collect();
    assert_eq!(got, [("network", "网络", 5), ("python", "Python 基础", 2)]);
    assert!(
        book.topics[0]
            .intro_html
            .starts_with("<p>TCP、HTTP 和 <a href="),
        "{}",
        book.topics[0].intro_html
    );
    assert_eq!(book.topics[1].intro_html, "");
}

#[test]
fn ids_are_derived_or_explicit() {
    let book = good_book();
    assert_eq!(
        find(&book, "TCP 三次握手？").id,
        question_id("tcp 三次握手")
    );
    assert_eq!(find(&book, "四次挥手").id, "tcp-close");
    // Full-width letters and the ideographic space fold before hashing.
    assert_eq!(
        find(&book, "ＨＴＴＰ 的幂等性").id,
        question_id("HTTP 的幂等性")
    );
}

#[test]
fn rewording_changes_a_derived_id_but_not_an_explicit_one() {
    let compile_one = |text: &str| {
        let book = compile(&[source("01-net.md", text)]).unwrap_or_else(|e| panic!("{e:?}"));
        book.topics[0].questions[0].id.clone()
    };
    let before = compile_one("# 网络\n\n## TCP 三次握手\n\n答\n");
    let spacing = compile_one("# 网络\n\n##   TCP　三次握手？  \n\n答\n");
    let reworded = compile_one("# 网络\n\n## TCP 的三次握手过程\n\n答\n");
    assert_eq!(
        before, spacing,
        "whitespace, width and a trailing ？ keep the id"
    );
    assert_ne!(before, reworded);

    let pinned = compile_one("# 网络\n\n## TCP 三次握手 {#handshake}\n\n答\n");
    let pinned_reworded = compile_one("# 网络\n\n## TCP 的三次握手过程 {#handshake}\n\n答\n");
    assert_eq!(pinned, "handshake");
    assert_eq!(pinned_reworded, "handshake");
}

#[test]
fn empty_answers_are_not_answered() {
    let book = good_book();
    let q = find(&book, "UDP 和 TCP 的区别");
    assert!(!q.answered);
    assert_eq!((q.html.as_str(), q.text.as_str()), ("", ""));
    assert!(find(&book, "四次挥手").answered);
}

#[test]
fn answers_render_to_the_expected_html() {
    let book = good_book();
    let handshake = find(&book, "TCP 三次握手？");
    assert_eq!(
        handshake.html,
        "<p>客户端发送 <strong>SYN</strong>，服务端回 SYN+ACK，客户端再回 ACK。</p>\n\
         <h2>为什么是三次</h2>\n<p>防止已失效的连接请求突然又传到服务端。</p>\n"
    );
    assert_eq!(
        handshake.text,
        "客户端发送 SYN，服务端回 SYN+ACK，客户端再回 ACK。 为什么是三次 防止已失效的连接请求突然又传到服务端。"
    );
}

#[test]
fn tables_are_wrapped_to_scroll_sideways() {
    let book = good_book();
    let html = &find(&book, "四次挥手").html;
    assert!(
        html.contains("<div class=\"table-wrap\" tabindex=\"0\"><table>"),
        "{html}"
    );
    assert!(
        html.contains("</table>\n</div>") || html.contains("</table></div>"),
        "{html}"
    );
    assert!(html.contains("<td>TIME_WAIT</td>"), "{html}");
    assert!(html.contains("<code>FIN_WAIT_1</code>"), "{html}");
}

#[test]
fn links_external_and_local() {
    let book = good_book();
    let html = &find(&book, "ＨＴＴＰ 的幂等性").html;
    assert!(
        html.contains(
            "<a href=\"https://developer.mozilla.org/zh-CN/docs/Glossary/Idempotent\" title=\"幂等\" \
             class=\"ext\" target=\"_blank\" rel=\"noopener noreferrer\">MDN<span class=\"ext-mark\" \
             aria-hidden=\"true\">↗</span><span class=\"visually-hidden\">（外部链接）</span></a>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<a href=\"#/notes/network/tcp-close\">上一题</a>"),
        "{html}"
    );
}

#[test]
fn code_is_highlighted_with_a_label_and_stays_searchable() {
    let book = good_book();
    let ports = find(&book, "查看端口占用");
    assert!(
        ports.html.contains("<div class=\"code-lang\">Shell</div>"),
        "{}",
        ports.html
    );
    assert!(
        ports.html.contains("<span class=\"tok-fn\">netstat</span>"),
        "{}",
        ports.html
    );
    assert!(
        ports.html.contains("<span class=\"tok-com\"># 端口</span>"),
        "{}",
        ports.html
    );
    assert!(
        ports
            .html
            .contains("<span class=\"tok-str\">&quot;a &lt; b&quot;</span>"),
        "{}",
        ports.html
    );
    assert!(
        ports.text.contains("netstat -anp | grep 8080"),
        "{}",
        ports.text
    );

    let deco = find(&book, "装饰器(decorator)功能");
    assert!(deco
        .html
        .contains("<span class=\"tok-kw\">def</span> <span class=\"tok-fn\">timefun</span>"));
    assert!(
        deco.text
            .ends_with("装饰器的作用就是为已经存在的对象添加额外的功能。"),
        "{}",
        deco.text
    );
}

#[test]
fn text_never_becomes_markup() {
    let text = "# T\n\n## Q\n\n`<script>` \\<script> &lt;script&gt; [x](https://e.com/\"><script>)\n\n```\n<script>\n```\n";
    let book = compile(&[source("01-t.md", text)]).unwrap_or_else(|e| panic!("{e:?}"));
    let html = &book.topics[0].questions[0].html;
    assert!(!html.contains("<script"), "{html}");
    // Inline code, escaped `\<`, the entity, the link target, the code block.
    assert_eq!(html.matches("&lt;script&gt;").count(), 5, "{html}");
}

/// Each bad fixture and the one message it must give.
const BAD: &[(&str, &str)] = &[
    (
        "01-inline-html.md",
        "content/01-inline-html.md:5: raw HTML is not allowed",
    ),
    (
        "02-html-block.md",
        "content/02-html-block.md:5: raw HTML is not allowed",
    ),
    (
        "03-duplicate-question.md",
        "content/03-duplicate-question.md:7: duplicate id `",
    ),
    (
        "04-empty-question.md",
        "content/04-empty-question.md:7: empty question",
    ),
    (
        "05-outside-topic.md",
        "content/05-outside-topic.md:1: question outside any topic",
    ),
    (
        "06-missing-title.md",
        "content/06-missing-title.md:1: missing title",
    ),
    (
        "07-second-title.md",
        "content/07-second-title.md:7: a `#` heading is only allowed as the title",
    ),
    (
        "08-bad-id.md",
        "content/08-bad-id.md:3: bad id characters in {#Bad_ID}",
    ),
    (
        "09-image.md",
        "content/09-image.md:5: images are not supported",
    ),
    (
        "10-script-link.md",
        "content/10-script-link.md:5: unsupported link scheme `javascript:`",
    ),
    (
        "11-heading-class.md",
        "content/11-heading-class.md:3: bad id characters",
    ),
    (
        "Network.md",
        "content/Network.md:1: file name `Network.md` must look like `NN-slug.md`",
    ),
];

#[test]
fn each_malformed_note_gives_its_file_and_line() {
    for (name, expected) in BAD {
        let errors = errors_of(&[fixture("bad", name)]);
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(
            errors[0].starts_with(expected),
            "{name}: got {:?}, want {expected:?}…",
            errors[0]
        );
    }
}

#[test]
fn the_duplicate_message_points_at_the_first_question() {
    let errors = errors_of(&[fixture("bad", "03-duplicate-question.md")]);
    let id = question_id("问题");
    assert_eq!(
        errors[0],
        format!(
            "content/03-duplicate-question.md:7: duplicate id `{id}`: also the id of the question at \
             content/03-duplicate-question.md:3 (the same question is asked twice: merge the answers)"
        )
    );
}

#[test]
fn ids_and_slugs_are_unique_across_files() {
    let a = source("01-a.md", "# A\n\n## 一 {#same}\n\n答\n");
    let b = source("02-b.md", "# B\n\n## 二\n\n答\n\n## 三 {#same}\n\n答\n");
    assert_eq!(
        errors_of(&[a.clone(), b]),
        ["content/02-b.md:7: duplicate id `same`: also the id of the question at content/01-a.md:3 \
          (give one of them another explicit {#id})"]
    );
    let c = source("02-a.md", "# A again\n");
    assert_eq!(
        errors_of(&[a, c]),
        ["content/02-a.md:1: duplicate topic slug `a`: also the slug of content/01-a.md"]
    );
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = "# T\n\n## \n\n<br>\n\n## Q {#X}\n\n# again\n";
    let lines: Vec<usize> = match compile(&[source("01-t.md", text)]) {
        Ok(_) => panic!("expected errors"),
        Err(errors) => errors.iter().map(|e| e.line).collect(),
    };
    assert_eq!(lines, [5, 3, 7, 9]);
}

#[test]
fn an_empty_content_folder_is_an_empty_book() {
    let book = compile(&[]).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(book.topics.is_empty());
    let rust = to_rust(&book);
    assert!(
        rust.contains("pub static TOPICS: &[Topic] = &[\n];"),
        "{rust}"
    );
    assert!(
        rust.contains("pub static QUESTIONS: &[Question] = &[\n];"),
        "{rust}"
    );
}

#[test]
fn generated_rust_lists_topics_and_flat_questions() {
    let rust = to_rust(&good_book());
    assert!(
        rust.contains(
            "Topic { slug: \"python\", title: \"Python 基础\", intro: \"\", first: 5, len: 2 },"
        ),
        "{rust}"
    );
    assert!(
        rust.contains(
            "Question { id: \"tcp-close\", topic: 0, title: \"四次挥手\", aliases: &[\"TCP teardown\", \"four-way handshake\"], html: \"<ul>\\n<li>"
        ),
        "{rust}"
    );
    assert_eq!(rust.matches("    Question {").count(), 7);
}

#[test]
fn alias_lines_become_aliases_not_answer_text() {
    let book = compile(&[source(
        "01-py.md",
        "# Python\n\n## 装饰器有什么功能？ {#decorator}\n别名：decorator, AOP，装饰器模式、 wrapper \n\n装饰器在不改函数的情况下加功能。\n\n## 什么是 GIL？\n\n别名: GIL, Global Interpreter Lock\n\n## 别名不在第一行\n\n答案。\n\n别名：不是第一行\n",
    )]);
    let Err(errors) = &book else {
        panic!("an alias line below the first line is an error: {book:?}");
    };
    assert_eq!(
        errors.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["content/01-py.md:16: an alias line must come right under its question's `##` heading"]
    );
    let book = compile(&[source(
        "01-py.md",
        "# Python\n\n## 装饰器有什么功能？ {#decorator}\n别名：decorator, AOP，装饰器模式、 wrapper \n\n装饰器在不改函数的情况下加功能。\n\n## 什么是 GIL？\n\n别名: GIL, Global Interpreter Lock\n\n```text\n别名：in code, it is code\n```\n",
    )])
    .unwrap_or_else(|e| panic!("{e:?}"));
    let decorator = find(&book, "装饰器有什么功能？");
    assert_eq!(
        decorator.aliases,
        ["decorator", "AOP", "装饰器模式", "wrapper"]
    );
    assert_eq!(decorator.html, "<p>装饰器在不改函数的情况下加功能。</p>\n");
    assert!(!decorator.text.contains("别名") && !decorator.text.contains("AOP"));
    let gil = find(&book, "什么是 GIL？");
    assert_eq!(gil.aliases, ["GIL", "Global Interpreter Lock"]);
    // Only aliases and a code block: the code block is the answer.
    assert!(gil.answered && gil.html.contains("in code"), "{}", gil.html);
    assert!(!gil.html.contains("GIL, Global"));
}

#[test]
fn an_alias_line_alone_leaves_the_question_unanswered() {
    let book = compile(&[source(
        "01-py.md",
        "# Python\n\n## 什么是幂等？\n别名：idempotent, idempotence\n\n## 下一题\n\n答案。\n",
    )])
    .unwrap_or_else(|e| panic!("{e:?}"));
    let q = find(&book, "什么是幂等？");
    assert_eq!(q.aliases, ["idempotent", "idempotence"]);
    assert!(!q.answered);
    assert!(find(&book, "下一题").aliases.is_empty());
}

#[test]
fn empty_aliases_are_errors_with_their_line() {
    for text in [
        "# T\n\n## 问题\n别名：\n",
        "# T\n\n## 问题\n别名：a,,b\n",
        "# T\n\n## 问题\n别名：a，\n",
    ] {
        assert_eq!(
            errors_of(&[source("01-t.md", text)]),
            ["content/01-t.md:4: empty alias: write names separated by `,`, `，` or `、`"],
            "{text:?}"
        );
    }
}

#[test]
fn sources_are_read_in_name_order_without_the_readme() {
    let root = std::path::Path::new(FIXTURES);
    let files = read_sources(root, "good").unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["good/01-network.md", "good/02-python.md"]);
    assert!(files[0].text.starts_with("# 网络"));
    let bad = read_sources(root, "bad").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bad.len(), 12, "the misnamed `Network.md` is read too");
    assert!(read_sources(root, "missing").is_ok_and(|files| files.is_empty()));
}
