//! The demo database: PSE's "Feb/Mar 21" edition from the seed page, spread
//! across the workflow, and a later edition in early planning.

use chrono::NaiveDate;

use super::articles::{add_article, change_status, find_status};
use super::contributors::add_contributor;
use super::editions::create_edition;
use super::flatplan::{add_advert, place_advert, place_article};
use super::publications::create_publication;
use super::sections::{add_section, rename_section};
use super::{Result, Store, need};
use crate::actor::Actor;
use crate::error::Error;
use crate::history::{ChangeSet, Entity};
use crate::model::{
    AdvertInput, AdvertSize, AdvertState, ArticleId, ArticleInput, AssignmentId, AssignmentState,
    AssignmentTerms, ContributorId, ContributorInput, ContributorKind, EditionId, EditionInput,
    Placement, PublicationId, PublicationInput,
};
use crate::storage::{AssignmentRow, Tx};

pub const DEMO_PUBLICATION: &str = "PSE — Public Sector Executive";
pub const DEMO_EDITION: &str = "Feb/Mar 21";

const SECTIONS: &[&str] = &[
    "News", "Magazine Feature", "Cyber Security", "Health & Social Care", "Housing", "Opinion",
    "Videos", "Partner content",
];

struct Person {
    name: &'static str,
    role: &'static str,
    organisation: &'static str,
    email: &'static str,
    kind: ContributorKind,
}

const PEOPLE: &[Person] = &[
    Person {
        name: "Chris Borg",
        role: "Policy manager",
        organisation: "NALC",
        email: "chris.borg@nalc.example",
        kind: ContributorKind::Freelance,
    },
    Person {
        name: "Hannah Okafor",
        role: "News reporter",
        organisation: "PSE",
        email: "hannah.okafor@pse.example",
        kind: ContributorKind::Staff,
    },
    Person {
        name: "Priya Shah",
        role: "Partnerships editor",
        organisation: "PSE",
        email: "priya.shah@pse.example",
        kind: ContributorKind::Staff,
    },
    Person {
        name: "Dr Alan McKay",
        role: "Director of adult social care",
        organisation: "Northshire County Council",
        email: "alan.mckay@northshire.example",
        kind: ContributorKind::Freelance,
    },
    Person {
        name: "Rachel Dunn",
        role: "Head of housing strategy",
        organisation: "Westbridge Borough Council",
        email: "rachel.dunn@westbridge.example",
        kind: ContributorKind::Freelance,
    },
];

struct Piece {
    section: &'static str,
    title: &'static str,
    standfirst: &'static str,
    /// The key of one of the default kinds.
    kind: &'static str,
    words: Option<u32>,
    /// The statuses the piece walks through from Idea, in order.
    path: &'static [&'static str],
    writer: Option<&'static str>,
    notes: &'static str,
}

const FORWARD: [&str; 7] = [
    "commissioned", "draft_received", "in_edit", "subbed", "approved", "laid_out", "published",
];

fn upto(status: &str) -> &'static [&'static str] {
    let end = FORWARD
        .iter()
        .position(|s| *s == status)
        .map_or(0, |i| i + 1);
    &FORWARD[..end]
}

fn feb_mar_pieces() -> Vec<Piece> {
    vec![
        Piece {
            section: "News",
            title: "Leeds commits to working with European cities on important issues",
            standfirst: "Leeds and Dortmund re-sign their memorandum of understanding to share insights on climate change, economic development and health and wellbeing.",
            kind: "news",
            words: Some(500),
            path: upto("published"),
            writer: Some("Hannah Okafor"),
            notes: "Quotes from Cllr Judith Blake, Leader of Leeds City Council, and Thomas Westphal, Mayor of Dortmund.",
        },
        Piece {
            section: "News",
            title: "Leeds to sign memoranda with Lille and Brno",
            standfirst: "Follow-up: Leeds plans new agreements with its other European partner cities.",
            kind: "news",
            words: Some(350),
            path: &[],
            writer: None,
            notes: "Follow-up idea from the Leeds–Dortmund story.",
        },
        Piece {
            section: "Magazine Feature",
            title: "Keep communities at the heart of planning",
            standfirst: "Chris Borg discusses the Planning for the Future white paper and explains the importance of residents and local councils having a say when it comes to planning.",
            kind: "feature",
            words: Some(1200),
            path: upto("subbed"),
            writer: Some("Chris Borg"),
            notes: "",
        },
        Piece {
            section: "Cyber Security",
            title: "Is the Public Sector safe against a cyber-attack?",
            standfirst: "Have you got 2 minutes to talk to us about cyber security? PSE has teamed up with Checkpoint to assess the state of cyber-security in the public sector.",
            kind: "survey",
            words: Some(300),
            path: upto("approved"),
            writer: Some("Priya Shah"),
            notes: "Partner survey with Checkpoint.",
        },
        Piece {
            section: "Cyber Security",
            title: "Win a £100 Amazon Voucher",
            standfirst: "Complete the cyber-security survey for a chance to win.",
            kind: "competition",
            words: Some(120),
            path: upto("laid_out"),
            writer: Some("Priya Shah"),
            notes: "Runs beside the Checkpoint survey.",
        },
        Piece {
            section: "Health & Social Care",
            title: "Building back better in health and social care",
            standfirst: "What integrated care can learn from the pandemic year.",
            kind: "feature",
            words: Some(1500),
            path: upto("in_edit"),
            writer: Some("Dr Alan McKay"),
            notes: "Focus topic: health and social care.",
        },
        Piece {
            section: "Housing",
            title: "Housing at the heart of levelling up",
            standfirst: "Why councils need the powers and funding to build the homes their places need.",
            kind: "feature",
            words: Some(1400),
            path: upto("commissioned"),
            writer: Some("Rachel Dunn"),
            notes: "Focus topic: housing.",
        },
        Piece {
            section: "Magazine Feature",
            title: "Training tomorrow's public sector leaders",
            standfirst: "Leadership and skills for the recovery.",
            kind: "feature",
            words: Some(1500),
            path: &[],
            writer: None,
            notes: "Focus topic: training and leadership. Needs a writer.",
        },
        Piece {
            section: "Opinion",
            title: "Digital services after the pandemic",
            standfirst: "The shift online was forced on councils; keeping it is a choice.",
            kind: "opinion",
            words: Some(800),
            path: upto("draft_received"),
            writer: Some("Hannah Okafor"),
            notes: "",
        },
        Piece {
            section: "Opinion",
            title: "Ten lessons from lockdown",
            standfirst: "",
            kind: "opinion",
            words: Some(900),
            path: &["spiked"],
            writer: None,
            notes: "Spiked: overlaps with the health and social care feature.",
        },
        Piece {
            section: "Videos",
            title: "View all videos",
            standfirst: "The edition's video slot on the web.",
            kind: "video",
            words: None,
            path: upto("published"),
            writer: Some("Hannah Okafor"),
            notes: "",
        },
    ]
}

fn apr_may_pieces() -> Vec<Piece> {
    vec![
        Piece {
            section: "Magazine Feature",
            title: "Net zero: what councils can do this year",
            standfirst: "",
            kind: "feature",
            words: Some(1500),
            path: &[],
            writer: None,
            notes: "",
        },
        Piece {
            section: "Health & Social Care",
            title: "The vaccine roll-out and local government",
            standfirst: "",
            kind: "interview",
            words: Some(1200),
            path: upto("commissioned"),
            writer: Some("Dr Alan McKay"),
            notes: "",
        },
        Piece {
            section: "Housing",
            title: "Modern methods of construction: a case study",
            standfirst: "",
            kind: "case_study",
            words: Some(1000),
            path: &[],
            writer: None,
            notes: "",
        },
    ]
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

impl Store {
    /// True when the demo edition is in this database.
    pub fn has_demo(&self) -> Result<bool> {
        self.info().map(|i| i.has_demo)
    }

    /// True when the database holds no publication yet (first run).
    pub fn is_empty(&self) -> Result<bool> {
        self.info().map(|i| i.is_empty)
    }

    /// Loads the demo publication, contributors and two editions in one
    /// transaction. Refuses when the demo edition is already there.
    pub fn load_demo(&mut self, actor: &Actor) -> Result<EditionId> {
        self.write(|tx| {
            let publication = demo_publication(tx, actor)?;
            if tx.editions(Some(publication))?.iter().any(|e| e.name == DEMO_EDITION) {
                return Err(Error::DemoPresent);
            }
            for person in PEOPLE {
                demo_contributor(tx, actor, person)?;
            }
            let feb_mar = create_edition(
                tx,
                actor,
                publication,
                &EditionInput {
                    name: DEMO_EDITION.into(),
                    theme: "The ingredients for levelling up".into(),
                    focus_topics: vec![
                        "Health and social care".into(),
                        "Housing".into(),
                        "Training and leadership".into(),
                    ],
                    cover_date: date(2021, 2, 1),
                    page_count: 68,
                    commissioning_closes: date(2020, 12, 11),
                    copy_deadline: date(2021, 1, 8),
                    subbing_deadline: date(2021, 1, 15),
                    press_date: date(2021, 1, 22),
                    on_sale_date: date(2021, 2, 1),
                    notes: "In this Feb/March edition of PSE, we focus on some of the key aspects of the public sector which will help us to overcome and build back better after Covid-19: including health and social care, housing and training and leadership.".into(),
                },
            )?
            .item
            .id;
            demo_pieces(tx, actor, publication, feb_mar, feb_mar_pieces())?;
            demo_flatplan(tx, actor, feb_mar)?;
            let apr_may = create_edition(
                tx,
                actor,
                publication,
                &EditionInput {
                    name: "Apr/May 21".into(),
                    theme: "Recovery and renewal".into(),
                    focus_topics: vec!["Net zero".into(), "Vaccine roll-out".into()],
                    cover_date: date(2021, 4, 1),
                    page_count: 64,
                    commissioning_closes: date(2021, 2, 19),
                    copy_deadline: date(2021, 3, 12),
                    subbing_deadline: date(2021, 3, 19),
                    press_date: date(2021, 3, 26),
                    on_sale_date: date(2021, 4, 6),
                    notes: String::new(),
                },
            )?
            .item
            .id;
            demo_pieces(tx, actor, publication, apr_may, apr_may_pieces())?;
            Ok(feb_mar)
        })
    }
}

fn demo_publication(tx: &mut Tx<'_>, actor: &Actor) -> Result<PublicationId> {
    let existing = tx
        .publications()?
        .into_iter()
        .find(|p| p.name == DEMO_PUBLICATION);
    let publication = match existing {
        Some(p) => p.id,
        None => {
            create_publication(
                tx,
                actor,
                &PublicationInput {
                    name: DEMO_PUBLICATION.into(),
                    frequency: "Bi-monthly".into(),
                    is_print: true,
                },
            )?
            .id
        }
    };
    let sections = tx.sections(publication)?;
    let mut have: Vec<String> = sections.iter().map(|s| s.name.clone()).collect();
    if let Some(features) = sections.iter().find(|s| s.name == "Features") {
        rename_section(
            tx,
            actor,
            features.id,
            Some(features.version),
            "Magazine Feature",
        )?;
        have.push("Magazine Feature".into());
    }
    for name in SECTIONS {
        if !have.iter().any(|h| crate::rules::same_name(h, name)) {
            add_section(tx, actor, publication, name)?;
        }
    }
    Ok(publication)
}

fn demo_contributor(tx: &mut Tx<'_>, actor: &Actor, person: &Person) -> Result<ContributorId> {
    if let Some(c) = tx
        .contributors()?
        .into_iter()
        .find(|c| c.email.as_deref() == Some(person.email))
    {
        return Ok(c.id);
    }
    Ok(add_contributor(
        tx,
        actor,
        &ContributorInput {
            name: person.name.into(),
            role: person.role.into(),
            organisation: person.organisation.into(),
            email: Some(person.email.into()),
            phone: String::new(),
            kind: person.kind,
            notes: String::new(),
        },
    )?
    .id)
}

fn demo_pieces(
    tx: &mut Tx<'_>,
    actor: &Actor,
    publication: PublicationId,
    edition: EditionId,
    pieces: Vec<Piece>,
) -> Result<()> {
    let sections = tx.sections(publication)?;
    let kinds = tx.kinds(publication, false)?;
    let contributors = tx.contributors()?;
    for piece in pieces {
        let section = sections
            .iter()
            .find(|s| s.name == piece.section)
            .map(|s| s.id);
        let kind = need(
            kinds.iter().find(|k| k.key == piece.kind).map(|k| k.id),
            "kind",
            piece.kind,
        )?;
        let article = add_article(
            tx,
            actor,
            edition,
            &ArticleInput {
                title: piece.title.into(),
                standfirst: piece.standfirst.into(),
                section_id: section,
                kind_id: kind,
                word_target: piece.words,
                notes: piece.notes.into(),
            },
        )?
        .id;
        if let Some(writer) = piece.writer {
            let contributor = need(
                contributors.iter().find(|c| c.name == writer),
                "contributor",
                writer,
            )?;
            let id = AssignmentId::new();
            let mut cs = ChangeSet::new(actor, Some(publication), Some(edition));
            let fields = AssignmentTerms {
                role: crate::model::WRITER_ROLE.into(),
                brief: String::new(),
                word_target: piece.words,
                due_date: None,
                fee: None,
            };
            tx.insert_assignment(
                &AssignmentRow {
                    id,
                    article,
                    contributor: contributor.id,
                    fields: &fields,
                    state: AssignmentState::Accepted,
                },
                cs.at(),
            )?;
            cs.created(Entity::Assignment, id, &contributor.name);
            tx.write_change_set(&cs)?;
        }
        for status in piece.path {
            if *status == "draft_received" {
                // The writer's draft arrives, which moves the piece on: no
                // piece reaches Draft received without one.
                let draft = need(
                    DRAFTS.iter().find(|d| d.0 == piece.title),
                    "draft",
                    piece.title,
                )?;
                demo_draft(tx, actor, publication, edition, article, draft)?;
                continue;
            }
            let to = find_status(tx, article, status)?.id;
            change_status(tx, actor, article, None, to)?;
        }
    }
    Ok(())
}

/// A draft of the demo: its piece, the file its writer sent, and its text.
type DemoDraft = (&'static str, &'static str, &'static str);

/// The drafts of the pieces that reach Draft received. The Leeds piece's is
/// the seed article as the seed page prints it.
const DRAFTS: &[DemoDraft] = &[
    (
        "Leeds commits to working with European cities on important issues",
        "Leeds and Dortmund - Hannah Okafor.txt",
        include_str!("../../../../tests/fixtures/drafts/leeds.txt"),
    ),
    (
        "Keep communities at the heart of planning",
        "Planning - Chris Borg.md",
        include_str!("../../../../tests/fixtures/drafts/demo/communities.md"),
    ),
    (
        "Is the Public Sector safe against a cyber-attack?",
        "Cyber survey intro.md",
        include_str!("../../../../tests/fixtures/drafts/demo/cyber-survey.md"),
    ),
    (
        "Win a £100 Amazon Voucher",
        "Voucher competition.md",
        include_str!("../../../../tests/fixtures/drafts/demo/voucher.md"),
    ),
    (
        "Building back better in health and social care",
        "Health and care - A McKay.md",
        include_str!("../../../../tests/fixtures/drafts/demo/health.md"),
    ),
    (
        "Digital services after the pandemic",
        "Digital services - Hannah Okafor.md",
        include_str!("../../../../tests/fixtures/drafts/demo/digital.md"),
    ),
    (
        "View all videos",
        "Videos running order.md",
        include_str!("../../../../tests/fixtures/drafts/demo/videos.md"),
    ),
];

fn demo_draft(
    tx: &mut Tx<'_>,
    actor: &Actor,
    publication: PublicationId,
    edition: EditionId,
    article: ArticleId,
    draft: &DemoDraft,
) -> Result<()> {
    let upload = masthead_text::Upload {
        name: draft.1.into(),
        bytes: draft.2.as_bytes().to_vec(),
    };
    let extracted = masthead_text::extract(&upload)?;
    let piece = need(tx.article(article)?, "article", article)?;
    let mut cs = ChangeSet::new(actor, Some(publication), Some(edition));
    super::drafts::record(tx, &mut cs, actor, &piece, &upload, &extracted, None)?;
    tx.write_change_set(&cs)
}

/// An advert of the demo: advertiser, size, state, position request, and
/// where it sits (first page, last page, twelfths, offset).
type DemoAdvert = (
    &'static str,
    AdvertSize,
    AdvertState,
    &'static str,
    u32,
    u32,
    u32,
    u32,
);

/// Adverts booked in Feb/Mar 21.
#[rustfmt::skip]
const ADVERTS: &[DemoAdvert] = &[
    ("Northgate Homes", AdvertSize::Full, AdvertState::Artwork, "Inside front cover", 2, 2, 12, 0),
    ("CivicTech Solutions", AdvertSize::Full, AdvertState::Artwork, "Outside back cover", 68, 68, 12, 0),
    ("NHS Digital Academy", AdvertSize::Full, AdvertState::Booked, "Inside back cover", 67, 67, 12, 0),
    ("Rail for Growth", AdvertSize::Spread, AdvertState::Booked, "Centre spread", 34, 35, 12, 0),
    ("Local Government Pensions", AdvertSize::Half, AdvertState::Booked, "Facing matter", 7, 7, 6, 6),
    ("Council Insurance Partners", AdvertSize::Quarter, AdvertState::Pencilled, "", 40, 40, 3, 9),
    ("Greenfield Energy", AdvertSize::Full, AdvertState::Booked, "Right-hand page", 11, 11, 12, 0),
    ("Smart Streets Forum", AdvertSize::Half, AdvertState::Pencilled, "Events section", 44, 44, 6, 6),
    ("PSE Awards 2021", AdvertSize::Full, AdvertState::Artwork, "House advert", 3, 3, 12, 0),
    ("Civic Cloud Services", AdvertSize::Full, AdvertState::Booked, "Facing contents", 15, 15, 12, 0),
    ("Northshire Recruitment", AdvertSize::Full, AdvertState::Booked, "", 24, 24, 12, 0),
    ("Better Buildings Group", AdvertSize::Full, AdvertState::Artwork, "Facing the housing feature", 25, 25, 12, 0),
    ("Skills for Leaders", AdvertSize::Full, AdvertState::Booked, "Facing the training feature", 29, 29, 12, 0),
    ("Secure Gov Networks", AdvertSize::Spread, AdvertState::Booked, "Cyber section", 32, 33, 12, 0),
    ("Care Tech Alliance", AdvertSize::Full, AdvertState::Pencilled, "Health section", 36, 36, 12, 0),
    ("Local Energy Partnership", AdvertSize::Full, AdvertState::Booked, "", 37, 37, 12, 0),
    ("Public Finance Live", AdvertSize::Full, AdvertState::Artwork, "Events section", 41, 41, 12, 0),
    ("Town Hall Digital", AdvertSize::Half, AdvertState::Booked, "", 42, 42, 6, 6),
    ("Modular Homes UK", AdvertSize::Full, AdvertState::Pencilled, "Housing section", 43, 43, 12, 0),
    ("PSE Subscriptions", AdvertSize::Full, AdvertState::Artwork, "House advert", 56, 56, 12, 0),
    ("Fleet Electric", AdvertSize::Full, AdvertState::Booked, "", 57, 57, 12, 0),
    ("Council Connect", AdvertSize::Full, AdvertState::Pencilled, "", 58, 58, 12, 0),
];

/// Where the Feb/Mar 21 pieces sit: title, first page, last page, twelfths, offset.
#[rustfmt::skip]
const PLACES: &[(&str, u32, u32, u32, u32)] = &[
    ("Leeds commits to working with European cities on important issues", 6, 6, 12, 0),
    ("Leeds to sign memoranda with Lille and Brno", 7, 7, 6, 0),
    ("Keep communities at the heart of planning", 12, 14, 12, 0),
    ("Building back better in health and social care", 16, 19, 12, 0),
    ("Housing at the heart of levelling up", 20, 23, 12, 0),
    ("Training tomorrow's public sector leaders", 26, 28, 12, 0),
    ("Digital services after the pandemic", 30, 31, 12, 0),
    ("Is the Public Sector safe against a cyber-attack?", 38, 39, 12, 0),
    ("Win a £100 Amazon Voucher", 40, 40, 6, 0),
];

fn demo_flatplan(tx: &mut Tx<'_>, actor: &Actor, edition: EditionId) -> Result<()> {
    for (advertiser, size, state, position, first, last, units, offset) in ADVERTS {
        let ad = add_advert(
            tx,
            actor,
            edition,
            &AdvertInput {
                advertiser: (*advertiser).into(),
                size: *size,
                state: *state,
                position: (*position).into(),
                notes: String::new(),
            },
        )?;
        place_advert(tx, actor, ad.id, &placement(*first, *last, *units, *offset))?;
    }
    let articles = tx.articles(edition)?;
    for (title, first, last, units, offset) in PLACES {
        let id = need(
            articles.iter().find(|a| a.title == *title).map(|a| a.id),
            "article",
            title,
        )?;
        place_article(tx, actor, id, &placement(*first, *last, *units, *offset))?;
    }
    Ok(())
}

fn placement(first: u32, last: u32, units: u32, offset: u32) -> Placement {
    Placement {
        first_page: first,
        last_page: last,
        part_units: units,
        part_offset: Some(offset),
    }
}
