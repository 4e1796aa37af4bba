//! The contributors' page over real HTTP: a server on a loopback port in
//! this process, a file store beside it, and reqwest as the browser (the
//! real browser's test is `tests/e2e`'s `contributor_page`).

mod flows;
mod hostile;
mod load;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use masthead_core::model::{
    ArticleId, AssignmentId, AssignmentInput, ContributorId, ContributorInput, ContributorKind,
};
use masthead_core::{Actor, Store};
use masthead_serve::{App, Config, Limits};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A running page over the demo, with two contributors offered a piece each.
pub struct Site {
    pub url: String,
    pub dir: tempfile::TempDir,
    pub editor: Actor,
    pub hannah: ContributorId,
    pub omar: ContributorId,
    pub hers: AssignmentId,
    pub theirs: AssignmentId,
    pub piece: ArticleId,
    pub other_piece: ArticleId,
}

impl Site {
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("plan.db")
    }

    /// A second connection, as the editor's app.
    pub fn store(&self) -> Store {
        Store::open_existing(self.db()).unwrap()
    }

    /// A new link for `who`: its token.
    pub fn link(&self, who: ContributorId) -> String {
        self.store()
            .contributor_link(&self.editor, who, 30, None)
            .unwrap()
            .token
    }

    pub fn drafts_of(&self, piece: ArticleId) -> usize {
        self.store().drafts(piece).unwrap().len()
    }
}

fn person(name: &str) -> ContributorInput {
    ContributorInput {
        name: name.into(),
        role: "Policy manager".into(),
        organisation: "NALC".into(),
        email: Some(format!(
            "{}@example.org",
            name.split(' ').next().unwrap().to_lowercase()
        )),
        phone: String::new(),
        kind: ContributorKind::Freelance,
        notes: "Editors' note: slow to answer".into(),
    }
}

pub fn offer(to: ContributorId) -> AssignmentInput {
    AssignmentInput {
        contributor_id: to,
        role: "writer".into(),
        brief: "## Angle\nWhat councils **actually** need.\n\n<script>alert(1)</script>".into(),
        word_target: Some(500),
        due_date: chrono::NaiveDate::from_ymd_opt(2027, 1, 4),
        fee: Some("350.00".into()),
        currency: Some("gbp".into()),
    }
}

/// Starts a page with `limits` on the tokio runtime of the calling test.
pub async fn site(limits: Limits) -> Site {
    site_with(limits, false).await
}

/// The same, told its public address (its own) when `public` is set.
pub async fn site_with(limits: Limits, public: bool) -> Site {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("plan.db");
    let editor = Actor::new("Tess Editor").unwrap();
    let (hannah, omar, hers, theirs, piece, other_piece) = {
        let mut store = Store::open(&db).unwrap();
        let edition = store.load_demo(&editor).unwrap();
        let today = chrono::Utc::now().date_naive();
        let open: Vec<ArticleId> = store
            .list_articles(edition, today)
            .unwrap()
            .into_iter()
            .filter(|a| a.contributors.is_empty() && a.status_label == "Idea")
            .map(|a| a.id)
            .collect();
        let (piece, other_piece) = (open[0], open[1]);
        let hannah = store
            .add_contributor(&editor, &person("Hannah Price"))
            .unwrap()
            .id;
        let omar = store
            .add_contributor(&editor, &person("Omar Other"))
            .unwrap()
            .id;
        let hers = store
            .commission(&editor, piece, &offer(hannah))
            .unwrap()
            .item
            .id;
        let theirs = store
            .commission(&editor, other_piece, &offer(omar))
            .unwrap()
            .item
            .id;
        (hannah, omar, hers, theirs, piece, other_piece)
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let app = App::new(
        Store::open_existing(&db).unwrap(),
        Config {
            public_url: public.then(|| url.clone()),
            secure_cookies: false,
            behind_proxy: false,
            limits,
        },
    );
    tokio::spawn(masthead_serve::serve(listener, Arc::clone(&app), None));
    Site {
        url,
        dir,
        editor,
        hannah,
        omar,
        hers,
        theirs,
        piece,
        other_piece,
    }
}

/// A browser: keeps cookies, follows redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

/// A browser that keeps its cookies in `jar` and stops at redirects.
pub fn browser_in(jar: Arc<reqwest::cookie::Jar>) -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_provider(jar)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A browser that opened `token`'s link: it and her page's CSRF token.
pub async fn signed_in(site: &Site, token: &str) -> (reqwest::Client, String) {
    let b = browser();
    let r = b
        .get(format!("{}/l/{token}", site.url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let page = b.get(format!("{}/", site.url)).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    (b, csrf_of(&html))
}

/// Her answer to `assignment` at version 1, posted from her page.
pub async fn answer(
    b: &reqwest::Client,
    site: &Site,
    csrf: &str,
    assignment: AssignmentId,
    answer: &str,
) -> reqwest::Response {
    b.post(format!("{}/answer", site.url))
        .form(&[
            ("csrf", csrf),
            ("assignment", &assignment.to_string()),
            ("version", "1"),
            ("answer", answer),
        ])
        .send()
        .await
        .unwrap()
}

pub fn csrf_of(html: &str) -> String {
    let at = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with its CSRF token");
    let rest = &html[at + 19..];
    rest[..rest.find('"').unwrap()].to_owned()
}

pub fn upload_form(
    csrf: &str,
    assignment: AssignmentId,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::multipart::Form {
    reqwest::multipart::Form::new()
        .text("csrf", csrf.to_owned())
        .text("assignment", assignment.to_string())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        )
}

pub fn seed_docx() -> Vec<u8> {
    std::fs::read(repo_root().join("tests/fixtures/drafts/leeds.docx")).unwrap()
}
