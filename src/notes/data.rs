//! The notes, compiled from `content/*.md` by `build.rs` into plain statics.
//!
//! This is the API other features use: flashcards key their progress by
//! [`Question::id`], the reader walks [`topics`] and [`Topic::questions`].

/// A topic: one file of `content/`.
#[derive(Debug, PartialEq, Eq)]
pub struct Topic {
    /// Names the topic in URLs: `#/notes/<slug>/<id>`.
    pub slug: &'static str,
    /// Plain text.
    pub title: &'static str,
    /// The paragraphs before the first question, as safe HTML (may be empty).
    pub intro: &'static str,
    /// This topic's questions are `QUESTIONS[first..first + len]`.
    pub first: usize,
    pub len: usize,
}

/// A question and its answer.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable id: a hash of the question's text, or its explicit `{#id}`.
    /// Flashcard progress is keyed by it; URLs end with it.
    pub id: &'static str,
    /// Index of the question's topic in [`topics`].
    pub topic: usize,
    /// The question, plain text.
    pub title: &'static str,
    /// Other names for its subject (`别名：` in the notes): English terms,
    /// abbreviations, other Chinese names. Search matches them like the title.
    pub aliases: &'static [&'static str],
    /// The answer as safe HTML (raw HTML in notes is a build error): give it
    /// to the DOM as is.
    pub html: &'static str,
    /// False when the notes have no answer yet: the reader says so, and it
    /// is not a flashcard.
    pub answered: bool,
}

/// Where a question lives and what it is called, without its answer: the
/// bundles that only link into the notes (home, statistics, the diagrams)
/// use these, and so do not carry the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuestionLink {
    pub id: &'static str,
    pub topic_slug: &'static str,
    pub title: &'static str,
    /// Whether the question has an answer (and so is a flashcard).
    pub answered: bool,
}

include!(concat!(env!("OUT_DIR"), "/notes_data.rs"));

/// The link to the question with this id.
pub fn link(id: &str) -> Option<&'static QuestionLink> {
    LINKS.iter().find(|l| l.id == id)
}

/// The question a note's id or heading names, found while the app is
/// compiled: `pub const HANDSHAKE: QuestionLink = find("tcp-handshake");`.
/// A diagram's links to the notes are such constants, so its bundle carries
/// the few titles it links to rather than [`LINKS`], and a key the notes do
/// not have fails the build. By heading where the heading carries no id of
/// its own: giving it one would change its id, and with it the learners'
/// flashcard progress.
pub const fn find(key: &str) -> QuestionLink {
    const fn same(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let mut i = 0;
        while i < a.len() {
            if a[i] != b[i] {
                return false;
            }
            i += 1;
        }
        true
    }
    let mut i = 0;
    while i < LINKS.len() {
        let q = LINKS[i];
        if same(q.id, key) || same(q.title, key) {
            return q;
        }
        i += 1;
    }
    panic!("the notes have no question with this id or heading")
}

/// Every question's link, in reading order.
pub fn links() -> &'static [QuestionLink] {
    LINKS
}

impl Topic {
    /// The topic's questions, in file order.
    pub fn questions(&self) -> &'static [Question] {
        QUESTIONS
            .get(self.first..self.first + self.len)
            .unwrap_or(&[])
    }

    /// How many of its questions have an answer.
    pub fn answered_count(&self) -> usize {
        self.questions().iter().filter(|q| q.answered).count()
    }
}

impl Question {
    /// The answer as plain text, whitespace collapsed, for search: derived
    /// from the HTML once, the first time it is asked for (see `plain.rs`).
    pub fn text(&self) -> &'static str {
        thread_local! {
            static TEXTS: std::cell::RefCell<Vec<Option<&'static str>>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        let Some(index) = question_index(self.id) else {
            return "";
        };
        TEXTS.with(|texts| {
            let mut texts = texts.borrow_mut();
            if texts.len() < QUESTIONS.len() {
                texts.resize(QUESTIONS.len(), None);
            }
            *texts[index].get_or_insert_with(|| {
                Box::leak(super::plain::plain_text(self.html).into_boxed_str())
            })
        })
    }

    /// The slug of the question's topic (for building its URL).
    pub fn topic_slug(&self) -> &'static str {
        TOPICS.get(self.topic).map_or("", |t| t.slug)
    }

    /// The title of the question's topic.
    pub fn topic_title(&self) -> &'static str {
        TOPICS.get(self.topic).map_or("", |t| t.title)
    }
}

/// Every topic, in order.
pub fn topics() -> &'static [Topic] {
    TOPICS
}

/// Every question, grouped by topic, in order.
pub fn questions() -> &'static [Question] {
    QUESTIONS
}

/// The topic with this slug.
pub fn topic(slug: &str) -> Option<&'static Topic> {
    TOPICS.iter().find(|t| t.slug == slug)
}

/// Position of a question in [`questions`].
pub fn question_index(id: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.id == id)
}

/// The question with this id.
pub fn question(id: &str) -> Option<&'static Question> {
    question_index(id).map(|i| &QUESTIONS[i])
}

/// The questions that have answers: the flashcard deck.
pub fn answered_questions() -> impl Iterator<Item = &'static Question> {
    QUESTIONS.iter().filter(|q| q.answered)
}

/// The questions before and after `id` in reading order (across topics),
/// for the reader's previous/next links.
pub fn neighbours(id: &str) -> (Option<&'static Question>, Option<&'static Question>) {
    match question_index(id) {
        Some(i) => (
            i.checked_sub(1).and_then(|p| QUESTIONS.get(p)),
            QUESTIONS.get(i + 1),
        ),
        None => (None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_partition_the_questions() {
        let mut next = 0;
        for (index, topic) in TOPICS.iter().enumerate() {
            assert_eq!(topic.first, next, "{}", topic.slug);
            assert!(topic.questions().iter().all(|q| q.topic == index));
            next += topic.len;
        }
        assert_eq!(next, QUESTIONS.len());
    }

    /// Every question in the notes has an answer: an unanswered one is not
    /// a flashcard, and the reader can only say "not answered yet". The
    /// build accepts an empty question (authors add questions before their
    /// answers); this test is what keeps one from shipping.
    #[test]
    fn every_question_is_answered() {
        let open: Vec<_> = QUESTIONS
            .iter()
            .filter(|q| !q.answered)
            .map(|q| format!("{}: {}", q.topic_slug(), q.title))
            .collect();
        assert!(open.is_empty(), "questions without an answer: {open:#?}");
    }

    #[test]
    fn lookups_agree() {
        for (i, q) in QUESTIONS.iter().enumerate() {
            assert_eq!(question_index(q.id), Some(i));
            assert_eq!(topic(q.topic_slug()).map(|t| t.slug), Some(q.topic_slug()));
            assert_eq!(q.answered, !q.html.trim().is_empty(), "{}", q.id);
        }
        assert_eq!(question("no such id"), None);
        assert_eq!(LINKS.len(), QUESTIONS.len());
        for q in QUESTIONS {
            let l = link(q.id).expect("every question has a link");
            assert_eq!(
                (l.topic_slug, l.title, l.answered),
                (q.topic_slug(), q.title, q.answered)
            );
        }
        assert_eq!(link("no such id"), None);
        assert_eq!(neighbours("no such id"), (None, None));
        if let (Some(first), Some(last)) = (QUESTIONS.first(), QUESTIONS.last()) {
            assert_eq!(neighbours(first.id).0, None);
            assert_eq!(neighbours(last.id).1, None);
        }
    }
}
