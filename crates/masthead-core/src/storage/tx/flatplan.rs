//! Adverts and the flatplan.

use super::*;

impl SqlTx<'_> {
    pub(crate) fn adverts(&mut self, edition: EditionId) -> Result<Vec<Advert>> {
        self.all(
            &format!(
                "{ADVERT} AND ad.edition_id = ?1 ORDER BY ad.advertiser COLLATE NOCASE, ad.id"
            ),
            p![edition],
            advert,
        )
    }

    /// The adverts of `publication`'s editions still to come after `after`
    /// (or with no on-sale date) that are not ready: pencilled, or booked
    /// with no artwork yet; by advertiser.
    pub(crate) fn adverts_to_chase(
        &mut self,
        publication: PublicationId,
        after: chrono::NaiveDate,
    ) -> Result<Vec<Advert>> {
        let day = after.format("%Y-%m-%d").to_string();
        self.all(
            &format!(
                "{ADVERT} AND ad.state <> 'artwork'
                   AND ad.edition_id IN (SELECT e.id FROM editions e
                        WHERE e.publication_id = ?1 AND e.deleted_at IS NULL
                          AND (e.on_sale_date IS NULL OR e.on_sale_date > ?2))
                 ORDER BY ad.advertiser COLLATE NOCASE, ad.id"
            ),
            p![publication, day],
            advert,
        )
    }

    pub(crate) fn advert(&mut self, id: AdvertId) -> Result<Option<Advert>> {
        self.one(&format!("{ADVERT} AND ad.id = ?1"), p![id], advert)
    }

    pub(crate) fn insert_advert(
        &mut self,
        id: AdvertId,
        edition: EditionId,
        v: &AdvertInput,
        at: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO adverts (id, edition_id, advertiser, size, state, position, notes,
                created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            p![
                id,
                edition,
                v.advertiser,
                v.size.key(),
                v.state.key(),
                v.position,
                v.notes,
                at
            ],
        )
        .map(drop)
    }

    pub(crate) fn update_advert(
        &mut self,
        id: AdvertId,
        version: u32,
        v: &AdvertInput,
        at: &str,
    ) -> Result<bool> {
        self.exec(
            "UPDATE adverts SET advertiser = ?3, size = ?4, state = ?5, position = ?6, notes = ?7,
                updated_at = ?8, version = version + 1
             WHERE id = ?1 AND version = ?2 AND deleted_at IS NULL",
            p![
                id,
                version,
                v.advertiser,
                v.size.key(),
                v.state.key(),
                v.position,
                v.notes,
                at
            ],
        )
        .map(|n| n == 1)
    }

    /// An edition's slots by first page, with what is on them.
    pub(crate) fn slots(&mut self, edition: EditionId) -> Result<Vec<Slot>> {
        self.all(
            &format!("{SLOT} WHERE sl.edition_id = ?1 ORDER BY sl.first_page, sl.part_offset"),
            p![edition],
            slot,
        )
    }

    pub(crate) fn slot(&mut self, id: SlotId) -> Result<Option<Slot>> {
        self.one(&format!("{SLOT} WHERE sl.id = ?1"), p![id], slot)
    }

    pub(crate) fn insert_slot(&mut self, sl: &SlotRow, at: &str) -> Result<()> {
        self.exec(
            "INSERT INTO slots (id, edition_id, article_id, advert_id, first_page, last_page,
                part_offset, part_units, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            p![
                sl.id, sl.edition, sl.article, sl.advert, sl.first_page, sl.last_page,
                sl.part_offset, sl.part_units, at
            ],
        )
        .map(drop)
    }

    /// Moves a slot from `version`; `false` if it moved on or is gone.
    pub(crate) fn update_slot(&mut self, sl: &SlotRow, version: u32, at: &str) -> Result<bool> {
        self.exec(
            "UPDATE slots SET first_page = ?3, last_page = ?4, part_offset = ?5, part_units = ?6,
                updated_at = ?7, version = version + 1
             WHERE id = ?1 AND version = ?2",
            p![
                sl.id, version, sl.first_page, sl.last_page, sl.part_offset, sl.part_units, at
            ],
        )
        .map(|n| n == 1)
    }

    pub(crate) fn delete_slot(&mut self, id: SlotId) -> Result<()> {
        self.exec("DELETE FROM slots WHERE id = ?1", p![id])
            .map(drop)
    }

    pub(crate) fn flatplan_version(&mut self, edition: EditionId) -> Result<Option<u32>> {
        self.one(
            "SELECT flatplan_version FROM editions WHERE id = ?1 AND deleted_at IS NULL",
            p![edition],
            |r| r.get(0),
        )
    }

    pub(crate) fn bump_flatplan(&mut self, edition: EditionId, at: &str) -> Result<()> {
        self.exec(
            "UPDATE editions SET flatplan_version = flatplan_version + 1, updated_at = ?2 WHERE id = ?1",
            p![edition, at],
        )
        .map(drop)
    }
}

const ADVERT: &str = "SELECT ad.id, ad.edition_id, ad.advertiser, ad.size, ad.state, ad.position,
        ad.notes, ad.version,
        EXISTS (SELECT 1 FROM slots sl WHERE sl.advert_id = ad.id) AS placed
     FROM adverts ad WHERE ad.deleted_at IS NULL";

fn advert(row: &Row<'_>) -> Result<Advert> {
    let size: String = row.get("size")?;
    let state: String = row.get("state")?;
    Ok(Advert {
        id: row.get("id")?,
        edition_id: row.get("edition_id")?,
        advertiser: row.get("advertiser")?,
        size: AdvertSize::parse(&size).ok_or_else(|| conversion(UnknownValue(size)))?,
        state: AdvertState::parse(&state).ok_or_else(|| conversion(UnknownValue(state)))?,
        position: row.get("position")?,
        notes: row.get("notes")?,
        placed: row.get("placed")?,
        version: row.get("version")?,
    })
}

const SLOT: &str = concat!(
    "SELECT sl.id, sl.edition_id, sl.article_id, sl.advert_id, sl.first_page,
        sl.last_page, sl.part_offset, sl.part_units, sl.version,
        coalesce(a.title, ad.advertiser) AS label, sec.name AS section, a.status_id,
        s.label AS status_label, s.colour AS status_colour, k.words_per_page, ",
    copy_columns!(),
    "
     FROM slots sl
     LEFT JOIN articles a ON a.id = sl.article_id
     LEFT JOIN kinds k ON k.id = a.kind_id
     LEFT JOIN workflow_statuses s ON s.id = a.status_id
     LEFT JOIN sections sec ON sec.id = a.section_id
     LEFT JOIN adverts ad ON ad.id = sl.advert_id ",
    copy_join!()
);

fn slot(row: &Row<'_>) -> Result<Slot> {
    Ok(Slot {
        id: row.get("id")?,
        edition_id: row.get("edition_id")?,
        article_id: row.get("article_id")?,
        advert_id: row.get("advert_id")?,
        first_page: row.get("first_page")?,
        last_page: row.get("last_page")?,
        part_offset: row.get("part_offset")?,
        part_units: row.get("part_units")?,
        label: row.get("label")?,
        section: row.get("section")?,
        status_id: row.get("status_id")?,
        status_label: row.get("status_label")?,
        status_colour: row.get("status_colour")?,
        words_per_page: row.get("words_per_page")?,
        word_target: row.get("copy_target")?,
        fits_words: None,
        copy: copy(row)?,
        copyfit_off: false,
        version: row.get("version")?,
    })
}
