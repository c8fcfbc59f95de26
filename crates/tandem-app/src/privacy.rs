//! Personal data (GDPR; issue 6, item 8): exporting everything stored about a person (Art. 15
//! right of access, Art. 20 portability) and erasing a person (Art. 17) while the funder
//! evidence and the audit trail stay countable and verifiable.
//!
//! # The export (`tandem-person-export/1`)
//!
//! One JSON object; ids are UUIDs as text, so a reader can follow every link (a support record's
//! `enterprise_id` to the directory, a meeting's `requester_id` to `registrations[].id`, an audit
//! entry's `entity_id` to the record it changed):
//!
//! - `format`, `exported_at`;
//! - `account`: id, email, display_name, email_verified, locale, is_platform_admin, created_at,
//!   updated_at (never the password hash);
//! - `memberships`: org_id, org_name, org_kind, role;
//! - `api_tokens` (never the digest), `saved_searches` (never the unsubscribe secret);
//! - `directory_contacts`: organisations' contact entries with their address or, in their
//!   organisations, their name;
//! - `profiles_created`, `profile_actions` (lifecycle steps they took), `interests` (sent or
//!   decided), `agreements` (recorded or confirmed), `evidence_uploads` (file names and digests);
//! - `events_created`, `registrations`, `registration_answers`, `meetings` (requested or
//!   received), `meeting_feedback`, `recommendation_votes`;
//! - `support_records`: `{ roles, record }`, roles `adviser` (their account, or their name in a
//!   record of one of their organisations) and `recorder`;
//! - `sme_declarations`: `{ roles, record }`, roles `signatory` (their name) and `recorder`;
//! - `audit_entries`: seq, at, actor_user_id, entity_kind, entity_id, action, before, after,
//!   erased_at and `roles`: `actor` (they made the change) and/or `mentioned` (the content names
//!   them, their address or their account);
//! - `mail`: emails to them, sent or pending.
//!
//! # Erasure
//!
//! One transaction (rolled back for a dry run). The account stays as a pseudonym ("Erased person
//! 1a2b3c4d", a unique address under `erased.invalid`, no password hash: no login, no mail) so
//! that the ids in evidence and in the hash-chained audit trail still lead somewhere. Deleted:
//! sessions, one-time links, API tokens, saved searches, votes, memberships, failed-login counts,
//! mail to them, contact entries, answers to registration questions. Kept but pseudonymised:
//! support records where they are the adviser (name, and their name in the written output and
//! withdrawal reason), SME declarations they signed, their event registrations (messages of
//! their meeting requests and their meeting comments removed); the hours, dates, amounts, states
//! and links stay, so every indicator counts as before. Other mail that names them is rewritten.
//! Audit entries whose content names them (their name, address or a name they were recorded
//! under) have their content erased by `tandem_store::audit::erase`: the salted content hash
//! stays, so `tandem audit verify` still passes. Each pseudonymised record gets a `pseudonymised`
//! entry with its new state (the replaced values shown as `[erased]`), and the trail ends with a
//! `person` / `erased` entry that holds the counts only. Entries that carry only their account id stay readable: the id is a pseudonym.
//! Free text is rewritten where it holds their name exactly as written; evidence files are not
//! opened.

use crate::auth::secret::new_secret;
use crate::evidence::{Change, audit_change, kind};
use crate::text::fold;
use crate::{App, AppError, AppResult};
use chrono::{DateTime, SubsecRound, Utc};
use serde::Serialize;
use serde_json::{Value, json};
use tandem_core::account::{Email, Membership, User};
use tandem_core::evidence::sme::Declaration;
use tandem_core::evidence::support::SupportRecord;
use tandem_core::policy::{Actor, Denied, PlatformAdmin};
use tandem_core::{OrgId, RegistrationId, SupportRecordId, UserId};
use tandem_store::privacy::{
    self as store, AccountRow, AdviserRewrite, AgreementRow, AnswerRow, AuditRow, ContactRow, EventRow, InterestRow, MailRow,
    MeetingFeedbackRow, MeetingRow, ProfileActionRow, ProfileRow, RegistrationRow, SavedSearchRow, TokenRow, UploadRow, VoteRow,
};
use tandem_store::{Conn, audit, memberships, registrations, sme_declarations, support_records, users};

/// The export's format tag.
pub const EXPORT_FORMAT: &str = "tandem-person-export/1";
/// The audit trail's `entity_kind` of a person's erasure.
pub const PERSON: &str = "person";
/// Domain of the pseudonymous addresses (`.invalid` is reserved: RFC 2606, no mail is delivered).
pub const ERASED_DOMAIN: &str = "erased.invalid";
/// What a `pseudonymised` audit entry shows as the earlier value of a field that held personal
/// data (the value itself must not enter the trail again).
pub const ERASED_MARK: &str = "[erased]";
/// Audit entries read at a time.
const AUDIT_PAGE: i64 = 1_000;
/// Needles shorter than this (folded) must equal a whole text instead of occurring in it, so a
/// two-letter name does not match half the trail.
const SUBSTRING_MIN: usize = 4;

/// Everything stored about a person; see the module documentation for the schema.
#[derive(Debug, Clone, Serialize)]
pub struct PersonExport {
    /// [`EXPORT_FORMAT`].
    pub format: &'static str,
    /// When it was made.
    pub exported_at: DateTime<Utc>,
    /// The account.
    pub account: AccountRow,
    /// Roles in organisations.
    pub memberships: Vec<Membership>,
    /// API tokens.
    pub api_tokens: Vec<TokenRow>,
    /// Saved searches with alerts.
    pub saved_searches: Vec<SavedSearchRow>,
    /// Directory contact entries that are them.
    pub directory_contacts: Vec<ContactRow>,
    /// Partnering profiles they created.
    pub profiles_created: Vec<ProfileRow>,
    /// Lifecycle steps they took on profiles.
    pub profile_actions: Vec<ProfileActionRow>,
    /// Expressions of interest they sent or decided.
    pub interests: Vec<InterestRow>,
    /// Agreements they recorded or confirmed.
    pub agreements: Vec<AgreementRow>,
    /// Evidence files they uploaded.
    pub evidence_uploads: Vec<UploadRow>,
    /// Events they created.
    pub events_created: Vec<EventRow>,
    /// Their event registrations.
    pub registrations: Vec<RegistrationRow>,
    /// Their answers to registration questions.
    pub registration_answers: Vec<AnswerRow>,
    /// Meetings they requested or received.
    pub meetings: Vec<MeetingRow>,
    /// Their meeting ratings and follow-up answers.
    pub meeting_feedback: Vec<MeetingFeedbackRow>,
    /// Their votes on recommendations.
    pub recommendation_votes: Vec<VoteRow>,
    /// Support records they advised on or recorded.
    pub support_records: Vec<Involved<SupportRecord>>,
    /// SME declarations they signed or recorded.
    pub sme_declarations: Vec<Involved<Declaration>>,
    /// Audit entries they made or that name them.
    pub audit_entries: Vec<AuditEntry>,
    /// Mail to them.
    pub mail: Vec<MailRow>,
}

/// A record and the person's part in it.
#[derive(Debug, Clone, Serialize)]
pub struct Involved<T> {
    /// `adviser`, `signatory`, `recorder`.
    pub roles: Vec<&'static str>,
    /// The record as stored.
    pub record: T,
}

/// An audit entry in the export.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    /// `actor` and/or `mentioned`.
    pub roles: Vec<&'static str>,
    /// Place in the trail.
    pub seq: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who made the change.
    pub actor_user_id: Option<UserId>,
    /// Kind of record.
    pub entity_kind: String,
    /// Its id.
    pub entity_id: String,
    /// What happened.
    pub action: String,
    /// The record before.
    pub before: Option<Value>,
    /// The record after.
    pub after: Option<Value>,
    /// When the content was erased.
    pub erased_at: Option<DateTime<Utc>>,
}

/// What an erasure changed (or, for a dry run, would change).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErasureReport {
    /// The account.
    pub user_id: UserId,
    /// The name it now has.
    pub pseudonym: String,
    /// Nothing was written.
    pub dry_run: bool,
    /// Rows per table and change, in the order they were made.
    pub changes: Vec<TableChange>,
}

/// Rows of one table changed in one way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableChange {
    /// The table.
    pub table: &'static str,
    /// `deleted`, `pseudonymised`, `rewritten`, `content erased`, `appended` …
    pub change: &'static str,
    /// How many rows.
    pub rows: u64,
}

impl ErasureReport {
    /// Rows changed in `table` (all changes together).
    pub fn rows(&self, table: &str) -> u64 {
        self.changes.iter().filter(|c| c.table == table).map(|c| c.rows).sum()
    }
}

/// The account with address `email`, for the operator's `tandem person` commands.
pub async fn account_by_email(app: &App, _admin: PlatformAdmin, email: &str) -> AppResult<User> {
    let email = Email::parse(email)?;
    let mut conn = app.db().acquire().await?;
    users::by_email(conn.conn(), &email)
        .await?
        .ok_or_else(|| AppError::invalid("email", "unknown_user", format!("no account has the address {}", email.as_str())))
}

/// Everything stored about `user`: for the person themself and for platform admins.
pub async fn export_person(app: &App, actor: &Actor, user: UserId) -> AppResult<PersonExport> {
    let me = actor.user()?;
    if me.id != user && !me.is_platform_admin {
        return Err(Denied::Forbidden.into());
    }
    collect(app, user).await
}

/// Everything stored about `user`, for the operator (`tandem person export`).
pub async fn export_person_as_operator(app: &App, _admin: PlatformAdmin, user: UserId) -> AppResult<PersonExport> {
    collect(app, user).await
}

/// Who the person is, as the data names them.
struct Person {
    id: UserId,
    email: String,
    name: String,
    orgs: Vec<OrgId>,
}

impl Person {
    async fn load(mut conn: Conn<'_>, user: UserId) -> AppResult<(Person, AccountRow, Vec<Membership>)> {
        let account = store::account(conn.reborrow(), user).await?.ok_or(AppError::NotFound)?;
        let memberships = memberships::of_user(conn, user).await?;
        let person = Person {
            id: user,
            email: account.email.clone(),
            name: account.display_name.clone(),
            orgs: memberships.iter().map(|m| m.org_id).collect(),
        };
        Ok((person, account, memberships))
    }

    /// `text` is the person's name (case, accents and spacing aside).
    fn is_named(&self, text: &str) -> bool {
        let name = fold(&self.name);
        !name.is_empty() && fold(text) == name
    }

    fn adviser_roles(&self, r: &store::AdvisedRow) -> Vec<&'static str> {
        let mut roles = Vec::new();
        if r.adviser_user_id == Some(self.id.0) || self.is_named(&r.adviser_name) {
            roles.push("adviser");
        }
        if r.created_by == Some(self.id.0) {
            roles.push("recorder");
        }
        roles
    }

    fn declaration_roles(&self, r: &store::SignedRow) -> Vec<&'static str> {
        let mut roles = Vec::new();
        if self.is_named(&r.declared_by) && (r.recorded_by == Some(self.id.0) || self.orgs.contains(&OrgId(r.org_id))) {
            roles.push("signatory");
        }
        if r.recorded_by == Some(self.id.0) {
            roles.push("recorder");
        }
        roles
    }

    fn is_contact(&self, c: &ContactRow) -> bool {
        c.email.as_deref().is_some_and(|e| e.eq_ignore_ascii_case(&self.email)) || self.is_named(&c.name)
    }
}

/// Texts that identify the person, folded; matched against every string in a JSON document.
struct Needles(Vec<String>);

impl Needles {
    fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Needles {
        let mut needles: Vec<String> = texts.into_iter().map(fold).filter(|n| !n.is_empty()).collect();
        needles.sort();
        needles.dedup();
        Needles(needles)
    }

    fn matches(&self, text: &str) -> bool {
        let text = fold(text);
        self.0.iter().any(|n| if n.chars().count() < SUBSTRING_MIN { text == *n } else { text.contains(n.as_str()) })
    }

    /// Some string in `content` (JSON, or text when it does not parse) names the person.
    fn found_in(&self, content: &str) -> bool {
        fn walk(needles: &Needles, v: &Value) -> bool {
            match v {
                Value::String(s) => needles.matches(s),
                Value::Array(items) => items.iter().any(|i| walk(needles, i)),
                Value::Object(map) => map.values().any(|i| walk(needles, i)),
                _ => false,
            }
        }
        match serde_json::from_str::<Value>(content) {
            Ok(v) => walk(self, &v),
            Err(_) => self.matches(content),
        }
    }
}

async fn collect(app: &App, user: UserId) -> AppResult<PersonExport> {
    let mut pooled = app.db().acquire().await?;
    let mut conn = pooled.conn();
    let (person, account, memberships) = Person::load(conn.reborrow(), user).await?;

    let mut support = Vec::new();
    for row in store::advised(conn.reborrow(), user).await? {
        let roles = person.adviser_roles(&row);
        if let (false, Some(record)) = (roles.is_empty(), support_records::get(conn.reborrow(), SupportRecordId(row.id)).await?) {
            support.push(Involved { roles, record });
        }
    }
    let mut declarations = Vec::new();
    for row in store::signed(conn.reborrow(), user).await? {
        let roles = person.declaration_roles(&row);
        if roles.is_empty() {
            continue;
        }
        let all = sme_declarations::for_org(conn.reborrow(), OrgId(row.org_id)).await?;
        if let Some(record) = all.into_iter().find(|d| d.id == row.id) {
            declarations.push(Involved { roles, record });
        }
    }
    let registrations = store::registrations(conn.reborrow(), user).await?;
    let id_text = user.to_string();
    let needles = Needles::new(
        [person.name.as_str(), person.email.as_str(), id_text.as_str()]
            .into_iter()
            .chain(registrations.iter().map(|r| r.display_name.as_str())),
    );
    let audit_entries =
        audit_scan(conn.reborrow(), &person, &needles).await?.into_iter().map(|(roles, row)| exported(roles, row)).collect();

    Ok(PersonExport {
        format: EXPORT_FORMAT,
        exported_at: Utc::now().trunc_subsecs(6),
        api_tokens: store::tokens(conn.reborrow(), user).await?,
        saved_searches: store::saved_searches(conn.reborrow(), user).await?,
        directory_contacts: contacts(conn.reborrow(), &person).await?,
        profiles_created: store::profiles(conn.reborrow(), user).await?,
        profile_actions: store::profile_actions(conn.reborrow(), user).await?,
        interests: store::interests(conn.reborrow(), user).await?,
        agreements: store::agreements(conn.reborrow(), user).await?,
        evidence_uploads: store::uploads(conn.reborrow(), user).await?,
        events_created: store::events(conn.reborrow(), user).await?,
        registration_answers: store::answers(conn.reborrow(), user).await?,
        meetings: store::meetings(conn.reborrow(), user).await?,
        meeting_feedback: store::meeting_feedback(conn.reborrow(), user).await?,
        recommendation_votes: store::votes(conn.reborrow(), user).await?,
        mail: store::mail_to(conn.reborrow(), &person.email).await?,
        registrations,
        support_records: support,
        sme_declarations: declarations,
        audit_entries,
        account,
        memberships,
    })
}

async fn contacts(conn: Conn<'_>, person: &Person) -> AppResult<Vec<ContactRow>> {
    let candidates = store::contact_candidates(conn, person.id, &person.email.to_lowercase()).await?;
    Ok(candidates.into_iter().filter(|c| person.is_contact(c)).collect())
}

/// Audit entries the person made or whose content names them, with the reasons.
async fn audit_scan(mut conn: Conn<'_>, person: &Person, needles: &Needles) -> AppResult<Vec<(Vec<&'static str>, AuditRow)>> {
    let mut found = Vec::new();
    let mut after = 0;
    loop {
        let page = store::audit_page(conn.reborrow(), person.id, after, AUDIT_PAGE).await?;
        let full = page.len() as i64 == AUDIT_PAGE;
        after = page.last().map_or(after, |r| r.seq);
        for row in page {
            let mut roles = Vec::new();
            if row.actor_user_id == Some(person.id.0) {
                roles.push("actor");
            }
            let about = row.entity_kind == PERSON && row.entity_id == person.id.to_string();
            if about || row.content.as_deref().is_some_and(|c| needles.found_in(c)) {
                roles.push("mentioned");
            }
            if !roles.is_empty() {
                found.push((roles, row));
            }
        }
        if !full {
            return Ok(found);
        }
    }
}

fn exported(roles: Vec<&'static str>, row: AuditRow) -> AuditEntry {
    let content: Option<Value> = row.content.as_deref().and_then(|c| serde_json::from_str(c).ok());
    let part = |key: &str| content.as_ref().and_then(|c| c.get(key)).filter(|v| !v.is_null()).cloned();
    AuditEntry {
        roles,
        seq: row.seq,
        at: row.at,
        actor_user_id: row.actor_user_id.map(UserId),
        before: part("before"),
        after: part("after"),
        entity_kind: row.entity_kind,
        entity_id: row.entity_id,
        action: row.action,
        erased_at: row.erased_at,
    }
}

/// "Erased person 1a2b3c4d": stable for the account, and not its id.
pub fn pseudonym(user: UserId) -> String {
    let digest = tandem_core::digest::sha256_hex(user.0.as_bytes());
    format!("Erased person {}", &digest[..8])
}

/// The account's pseudonymous address: unique (it holds the id) and never delivered.
pub fn erased_email(user: UserId) -> String {
    format!("erased-{}@{ERASED_DOMAIN}", user.0.simple())
}

/// `text` with every occurrence of each of `names` (as written) replaced by `pseudonym`.
fn replace_names(text: &str, names: &[&str], pseudonym: &str) -> String {
    names.iter().filter(|n| !n.trim().is_empty()).fold(text.to_owned(), |t, n| t.replace(n, pseudonym))
}

/// Collects the report's lines as the erasure goes.
struct Changes(Vec<TableChange>);

impl Changes {
    fn add(&mut self, table: &'static str, change: &'static str, rows: u64) {
        self.0.push(TableChange { table, change, rows });
    }
}

/// Erases `user`: see the module documentation. With `dry_run` nothing is kept; the report says
/// what would have changed.
pub async fn erase_person(app: &App, _admin: PlatformAdmin, user: UserId, dry_run: bool) -> AppResult<ErasureReport> {
    let now = Utc::now().trunc_subsecs(6);
    let pseudonym = pseudonym(user);
    let mut changes = Changes(Vec::new());
    let mut tx = app.db().begin().await?;
    let mut conn = tx.conn();
    let (person, _, _) = Person::load(conn.reborrow(), user).await?;
    // Names the person was recorded under, for the audit trail and mail (found before rewriting).
    let mut names: Vec<String> = vec![person.name.clone()];

    let (advised, advised_names) = pseudonymise_advice(conn.reborrow(), &person, &pseudonym, now).await?;
    names.extend(advised_names);
    changes.add("support_records", "pseudonymised", advised);
    let (signed, signed_names) = pseudonymise_declarations(conn.reborrow(), &person, &pseudonym, now).await?;
    names.extend(signed_names);
    changes.add("sme_declarations", "pseudonymised", signed);
    changes.add("audit_log", "appended (pseudonymised records)", advised + signed);

    names.extend(store::registrations(conn.reborrow(), user).await?.into_iter().map(|r| r.display_name));
    changes.add("event_registrations", "pseudonymised", store::pseudonymise_registrations(conn.reborrow(), user, &pseudonym, now).await?);
    for id in store::own_registrations(conn.reborrow(), user).await? {
        // The old calendar subscription URL stops working.
        registrations::set_calendar_token(conn.reborrow(), RegistrationId(id), &new_secret(), now).await?;
    }
    changes.add("event_answers", "deleted", store::delete_answers(conn.reborrow(), user).await?);
    changes.add("event_meetings", "message removed", store::clear_meeting_messages(conn.reborrow(), user).await?);
    changes.add("event_meeting_feedback", "comment removed", store::clear_feedback_comments(conn.reborrow(), user).await?);

    let mut contacts_deleted = 0;
    for c in contacts(conn.reborrow(), &person).await? {
        contacts_deleted += store::delete_contact(conn.reborrow(), c.id).await?;
    }
    changes.add("people", "deleted", contacts_deleted);

    names.sort();
    names.dedup();
    let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
    changes.add("outbox", "deleted (to them)", store::delete_mail_to(conn.reborrow(), &person.email).await?);
    changes.add("outbox", "rewritten (naming them)", rewrite_mail(conn.reborrow(), &name_refs, &pseudonym).await?);
    changes.add("tower_sessions", "deleted", store::delete_sessions(conn.reborrow(), user).await?);
    changes.add("email_tokens", "deleted", store::delete_email_tokens(conn.reborrow(), user).await?);
    changes.add("api_tokens", "deleted", store::delete_api_tokens(conn.reborrow(), user).await?);
    changes.add("saved_searches", "deleted", store::delete_saved_searches(conn.reborrow(), user).await?);
    changes.add("match_feedback", "deleted", store::delete_votes(conn.reborrow(), user).await?);
    changes.add("memberships", "deleted", store::delete_memberships(conn.reborrow(), user).await?);
    changes.add("login_failures", "deleted", store::delete_login_failures(conn.reborrow(), &person.email).await?);
    changes.add("users", "pseudonymised", store::pseudonymise_user(conn.reborrow(), user, &erased_email(user), &pseudonym, now).await?);

    // Last, so that the entries just appended are checked too.
    let needles = Needles::new(name_refs.iter().copied().chain([person.email.as_str()]));
    let mut erased = 0;
    for (_, row) in audit_scan(conn.reborrow(), &person, &needles).await? {
        if row.content.as_deref().is_some_and(|c| needles.found_in(c)) {
            erased += audit::erase(conn.reborrow(), row.seq, now).await?;
        }
    }
    changes.add("audit_log", "content erased", erased);
    changes.add("audit_log", "appended (person erased)", 1);

    let counts: serde_json::Map<String, Value> = changes.0.iter().map(|c| (format!("{} {}", c.table, c.change), json!(c.rows))).collect();
    let after = json!({ "pseudonym": pseudonym, "changes": counts });
    let entry = audit::NewEntry {
        actor: None,
        entity_kind: PERSON,
        entity_id: &user.to_string(),
        action: "erased",
        before: None,
        after: Some(&after),
    };
    audit::append(conn, &entry, now).await?;
    if !dry_run {
        tx.commit().await?;
    }
    Ok(ErasureReport { user_id: user, pseudonym, dry_run, changes: changes.0 })
}

/// Pseudonymises the support records the person advised on; returns how many and the adviser
/// names they replaced.
async fn pseudonymise_advice(mut conn: Conn<'_>, person: &Person, pseudonym: &str, now: DateTime<Utc>) -> AppResult<(u64, Vec<String>)> {
    let mut count = 0;
    let mut names = Vec::new();
    for row in store::advised(conn.reborrow(), person.id).await? {
        if !person.adviser_roles(&row).contains(&"adviser") {
            continue;
        }
        let Some(before) = support_records::get(conn.reborrow(), SupportRecordId(row.id)).await? else { continue };
        let replaced = [person.name.as_str(), row.adviser_name.as_str()];
        let written_output = before.input.written_output.as_deref().map(|t| replace_names(t, &replaced, pseudonym));
        let withdrawn_reason = before.withdrawn_reason.as_deref().map(|t| replace_names(t, &replaced, pseudonym));
        let rewrite = AdviserRewrite {
            id: row.id,
            adviser_name: pseudonym,
            written_output: written_output.as_deref(),
            withdrawn_reason: withdrawn_reason.as_deref(),
        };
        count += store::pseudonymise_adviser(conn.reborrow(), &rewrite, now).await?;
        let after = support_records::get(conn.reborrow(), before.id).await?.ok_or(AppError::NotFound)?;
        let redacted = redacted_record(before, &after);
        let change = Change {
            kind: kind::SUPPORT_RECORD,
            id: row.id.to_string(),
            action: "pseudonymised",
            before: Some(&redacted),
            after: Some(&after),
        };
        audit_change(conn.reborrow(), &Actor::Anonymous, change, now).await?;
        names.push(row.adviser_name);
    }
    Ok((count, names))
}

/// `before` as a `pseudonymised` entry shows it: every field that held the person's name marked
/// [`ERASED_MARK`], so the record's history says what changed without saying what it was.
fn redacted_record(mut before: SupportRecord, after: &SupportRecord) -> SupportRecord {
    let mark = |old: &mut Option<String>, new: &Option<String>| {
        if old != new {
            *old = Some(ERASED_MARK.to_owned());
        }
    };
    before.input.adviser_name = ERASED_MARK.to_owned();
    mark(&mut before.input.written_output, &after.input.written_output);
    mark(&mut before.withdrawn_reason, &after.withdrawn_reason);
    before
}

/// Pseudonymises the SME declarations the person signed; returns how many and the signatory
/// names they replaced.
async fn pseudonymise_declarations(
    mut conn: Conn<'_>,
    person: &Person,
    pseudonym: &str,
    now: DateTime<Utc>,
) -> AppResult<(u64, Vec<String>)> {
    let mut count = 0;
    let mut names = Vec::new();
    for row in store::signed(conn.reborrow(), person.id).await? {
        if !person.declaration_roles(&row).contains(&"signatory") {
            continue;
        }
        count += store::pseudonymise_signatory(conn.reborrow(), row.id, pseudonym).await?;
        let all = sme_declarations::for_org(conn.reborrow(), OrgId(row.org_id)).await?;
        let after = all.into_iter().find(|d| d.id == row.id).ok_or(AppError::NotFound)?;
        let mut redacted = after.clone();
        redacted.declaration.declared_by = ERASED_MARK.to_owned();
        let change = Change {
            kind: kind::SME_DECLARATION,
            id: row.id.to_string(),
            action: "pseudonymised",
            before: Some(&redacted),
            after: Some(&after),
        };
        audit_change(conn.reborrow(), &Actor::Anonymous, change, now).await?;
        names.push(row.declared_by);
    }
    Ok((count, names))
}

/// Replaces the person's names in mail to others; returns how many emails changed.
async fn rewrite_mail(mut conn: Conn<'_>, names: &[&str], pseudonym: &str) -> AppResult<u64> {
    let mut rewritten = 0;
    for name in names.iter().filter(|n| !n.trim().is_empty()) {
        for mail in store::mail_mentioning(conn.reborrow(), name).await? {
            let subject = replace_names(&mail.subject, names, pseudonym);
            let body = replace_names(&mail.body_text, names, pseudonym);
            if subject != mail.subject || body != mail.body_text {
                rewritten += store::rewrite_mail(conn.reborrow(), mail.id, &subject, &body).await?;
            }
        }
    }
    Ok(rewritten)
}
