//! iCalendar (RFC 5545) files: a participant's agenda as a subscribable calendar, and a reader
//! for calendars people upload (availability import) and for our own round-trip tests.
//!
//! # Times are written in UTC
//!
//! Every DTSTART/DTEND is a UTC date-time (`20260512T083000Z`), not a local time with a TZID and
//! a VTIMEZONE. Why:
//! - An agenda entry is a single instant, never a recurrence, and RFC 5545 §3.3.5 form #2 (UTC)
//!   pins it exactly; the local-time-plus-TZID form only pays off for recurrences that must
//!   follow DST changes, which we don't have.
//! - A TZID is only as good as the VTIMEZONE that comes with it. We would have to synthesise
//!   VTIMEZONE rules from chrono-tz (which exposes offsets, not transition rules), and clients
//!   disagree about which wins when a VTIMEZONE and their own tz database differ (Outlook
//!   prefers its Windows zones). A UTC instant cannot be misread.
//! - Clients show UTC times in the reader's device zone, which is what a travelling participant
//!   wants: a Birmingham participant flying to Leipzig sees Leipzig times once the phone switches.
//! - `X-WR-TIMEZONE` still names the event's zone, so Google and Apple show the calendar in it.
//!
//! # Deterministic output
//!
//! DTSTAMP is the entry's `updated_at`, not "now": the same agenda gives byte-identical files,
//! so HTTP caches and ETags work and tests compare exactly. Clients order revisions by SEQUENCE
//! (bumped on every reschedule) and then DTSTAMP, so both only move forward.
//!
//! # Reading
//!
//! [`parse_calendar`] keeps the full component tree ([`RawComponent`], text unescaped) so a file
//! can be written back with [`ParsedCalendar::to_ics`], and extracts the VEVENTs as
//! [`ParsedEvent`]s with typed times. A file that is not a calendar, does not parse completely,
//! or has an event with an unreadable date gives an [`IcsError`] saying where.

use std::fmt::Write as _;

use chrono::{DateTime, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use icalendar::{Component as _, EventLike as _, EventStatus};

use crate::event_docs::{AgendaEntry, CalendarLabels, EntryKind, PersonalAgenda};

/// Identifies us to calendar clients (RFC 5545 §3.7.3: a globally unique product id).
pub const PRODID: &str = "-//Tandem//Brokerage events//EN";

/// How often subscribed clients should fetch the agenda again. One hour: agendas change until
/// the event day (late acceptances, table swaps); Google ignores it and polls ~daily anyway.
pub const REFRESH_INTERVAL: &str = "PT1H";

/// The calendar file (`text/calendar`) of one participant's agenda.
pub fn agenda_calendar(agenda: &PersonalAgenda, labels: &CalendarLabels) -> String {
    let mut calendar = icalendar::Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", PRODID))
        .append_property(("CALSCALE", "GREGORIAN"))
        // PUBLISH: an informational calendar, not an invitation the client should answer.
        .append_property(("METHOD", "PUBLISH"))
        .name(&clean(&format!("{} – {}", agenda.event.name, agenda.participant_name)))
        .timezone(agenda.event.timezone.name());
    calendar.append_property(
        icalendar::Property::new("REFRESH-INTERVAL", REFRESH_INTERVAL)
            .add_parameter("VALUE", "DURATION")
            .done(),
    );
    calendar.append_property(("X-PUBLISHED-TTL", REFRESH_INTERVAL));

    let mut entries: Vec<&AgendaEntry> = agenda.entries.iter().collect();
    entries.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.uid.cmp(&b.uid)));
    for entry in entries {
        calendar.push(vevent(agenda, entry, labels));
    }
    calendar.to_string()
}

fn vevent(agenda: &PersonalAgenda, entry: &AgendaEntry, labels: &CalendarLabels) -> icalendar::Event {
    let event = &agenda.event;
    let mut vevent = icalendar::Event::new();
    vevent
        .uid(&clean(&entry.uid))
        .sequence(entry.sequence)
        .timestamp(entry.updated_at)
        .last_modified(entry.updated_at)
        .starts(entry.start)
        .ends(entry.end)
        .status(if entry.cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed })
        .url(&clean(entry.url.as_deref().unwrap_or(&event.public_url)));

    let at_venue = |place: Option<String>| {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(place) = place.as_deref() {
            parts.push(place);
        }
        parts.push(&event.venue);
        if let Some(address) = event.address.as_deref() {
            parts.push(address);
        }
        parts.join(", ")
    };

    let mut description: Vec<String> = Vec::new();
    match &entry.kind {
        EntryKind::Meeting {
            partner_name,
            partner_organisation,
            partner_city,
            profile_title,
            table,
            remote_link,
            message,
        } => {
            vevent.summary(&clean(&format!("{}: {partner_name} ({partner_organisation})", labels.meeting)));
            let location = match (table, remote_link) {
                (Some(table), _) => at_venue(Some(format!("{} {table}", labels.table))),
                (None, Some(_)) => labels.online.clone(),
                // Not yet at a table: the venue is still the best answer to "where".
                (None, None) => at_venue(None),
            };
            vevent.location(&clean(&location));
            let mut who = format!("{partner_name}, {partner_organisation}");
            if let Some(city) = partner_city {
                let _ = write!(who, ", {city}");
            }
            description.push(who);
            if let Some(profile) = profile_title {
                description.push(format!("{}: {profile}", labels.profile));
            }
            if let Some(link) = remote_link {
                description.push(format!("{}: {link}", labels.online));
            }
            if let Some(message) = message {
                description.push(format!("{}: {message}", labels.message));
            }
        }
        EntryKind::Session { title, kind_label, room, speakers, stream_url } => {
            vevent.summary(&clean(title));
            vevent.location(&clean(&at_venue(room.clone())));
            description.push(kind_label.clone());
            if let Some(room) = room {
                description.push(format!("{}: {room}", labels.room));
            }
            if !speakers.is_empty() {
                description.push(format!("{}: {}", labels.speakers, speakers.join(", ")));
            }
            if let Some(stream) = stream_url {
                description.push(format!("{}: {stream}", labels.stream));
            }
        }
    }
    description.push(format!("{}: {}", labels.link, entry.url.as_deref().unwrap_or(&event.public_url)));
    vevent.description(&clean(&description.join("\n")));
    vevent.done()
}

/// User text may carry Windows line ends or control characters (pasted from elsewhere). The
/// writer escapes only `\n`; a bare CR or other control character would end or corrupt the
/// content line in some readers (RFC 5545 §3.3.11 forbids them in TEXT), so line ends become
/// `\n` and other control characters (except tab) are dropped.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// Why a calendar file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IcsError {
    #[error("the calendar file is not UTF-8 text (invalid byte at offset {0})")]
    NotUtf8(usize),
    #[error("the file is empty")]
    Empty,
    #[error("line {line}: {text:?} has no matching END")]
    Unterminated { line: usize, text: String },
    #[error("not an iCalendar file: it does not start with BEGIN:VCALENDAR (or another BEGIN:)")]
    NotACalendar,
    #[error("line {line}: {text:?} is not a valid iCalendar line")]
    InvalidLine { line: usize, text: String },
    #[error("event {uid}: {property} {value:?} is not a valid date or date-time")]
    BadDate { uid: String, property: String, value: String },
}

/// A property as read, with its TEXT value unescaped (`\n` → line break, `\,` → `,`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawProperty {
    pub name: String,
    /// Parameters in file order; a parameter without `=value` has `None`.
    pub params: Vec<(String, Option<String>)>,
    pub value: String,
}

impl RawProperty {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .and_then(|(_, value)| value.as_deref())
    }
}

/// A component (VCALENDAR, VEVENT, VTIMEZONE, VALARM …) as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawComponent {
    pub name: String,
    pub properties: Vec<RawProperty>,
    pub components: Vec<RawComponent>,
}

impl RawComponent {
    /// The first property of that name (names are case-insensitive in RFC 5545).
    pub fn property(&self, name: &str) -> Option<&RawProperty> {
        self.properties.iter().find(|p| p.name.eq_ignore_ascii_case(name))
    }
}

/// A date or date-time as a calendar file states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IcsTime {
    /// `…Z`: an exact instant.
    Utc(DateTime<Utc>),
    /// Local time in a named zone (`TZID=Europe/Berlin:20260512T103000`).
    Zoned { local: NaiveDateTime, tzid: String },
    /// Local time without zone: "the same wall-clock time wherever you are".
    Floating(NaiveDateTime),
    /// A whole day (`VALUE=DATE`).
    Date(NaiveDate),
}

impl IcsTime {
    /// The instant, where the file pins one: UTC times, and zoned times whose TZID is an IANA
    /// name (Windows zone names such as "W. Europe Standard Time" are not resolved). In a DST
    /// overlap the earlier instant is taken and a time in a DST gap gives `None`, as RFC 5545
    /// §3.3.5 leaves the choice to us.
    pub fn instant(&self) -> Option<DateTime<Utc>> {
        match self {
            IcsTime::Utc(instant) => Some(*instant),
            IcsTime::Zoned { local, tzid } => {
                // Some producers write TZID=/Europe/Berlin (the "globally unique" prefix).
                let tz: Tz = tzid.trim_start_matches('/').parse().ok()?;
                match tz.from_local_datetime(local) {
                    LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
                    LocalResult::Ambiguous(earlier, _) => Some(earlier.with_timezone(&Utc)),
                    LocalResult::None => None,
                }
            }
            IcsTime::Floating(_) | IcsTime::Date(_) => None,
        }
    }

    fn parse(property: &RawProperty) -> Option<IcsTime> {
        let value = property.value.trim();
        let is_date = property.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
            || (value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit()));
        if is_date {
            return NaiveDate::parse_from_str(value, "%Y%m%d").ok().map(IcsTime::Date);
        }
        if let Some(utc) = value.strip_suffix(['Z', 'z']) {
            return NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S")
                .ok()
                .map(|t| IcsTime::Utc(t.and_utc()));
        }
        let local = NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").ok()?;
        Some(match property.param("TZID") {
            Some(tzid) => IcsTime::Zoned { local, tzid: tzid.to_owned() },
            None => IcsTime::Floating(local),
        })
    }
}

/// The parts of a VEVENT that we use.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedEvent {
    pub uid: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    pub location: Option<String>,
    pub url: Option<String>,
    /// As written, upper-cased: CONFIRMED, TENTATIVE, CANCELLED.
    pub status: Option<String>,
    pub sequence: Option<u32>,
    pub start: Option<IcsTime>,
    pub end: Option<IcsTime>,
    pub last_modified: Option<IcsTime>,
}

/// A calendar file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedCalendar {
    /// The top-level components: normally one VCALENDAR.
    pub components: Vec<RawComponent>,
    /// Every VEVENT of the file, in file order.
    pub events: Vec<ParsedEvent>,
    /// Line numbers (1-based, after unfolding) of stray lines outside any component.
    pub ignored_lines: Vec<usize>,
}

impl ParsedCalendar {
    /// A property of the (first) VCALENDAR, e.g. `X-WR-CALNAME`.
    pub fn calendar_property(&self, name: &str) -> Option<&str> {
        self.components
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case("VCALENDAR"))
            .and_then(|c| c.property(name))
            .map(|p| p.value.as_str())
    }

    /// Writes the tree back as an RFC 5545 file: CRLF line ends, lines folded at 75 octets,
    /// TEXT values escaped again.
    pub fn to_ics(&self) -> String {
        let mut out = String::new();
        for component in &self.components {
            write_component(&mut out, component);
        }
        out
    }
}

/// Reads a calendar file (or a bare stream of components such as VEVENTs). A UTF-8
/// byte-order mark is skipped; lines may end in CRLF or LF; blank lines are skipped; several
/// VCALENDARs in one file are all read; stray lines between top-level components (some servers
/// append a comment after END:VCALENDAR) are skipped and listed in
/// [`ParsedCalendar::ignored_lines`].
pub fn parse_calendar(bytes: &[u8]) -> Result<ParsedCalendar, IcsError> {
    let text = std::str::from_utf8(bytes).map_err(|e| IcsError::NotUtf8(e.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(IcsError::Empty);
    }
    let unfolded = icalendar::parser::unfold(text);
    let lines: Vec<(usize, &str)> = unfolded
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    let keyword = |line: &str, word: &str| line.get(..word.len()).is_some_and(|w| w.eq_ignore_ascii_case(word));
    // Lenient: a bare VEVENT/VTODO/VTIMEZONE stream (as some tools export single items) is
    // read too; only something that is not a component at all is refused.
    if !lines.first().is_some_and(|(_, l)| keyword(l, "BEGIN:")) {
        return Err(IcsError::NotACalendar);
    }

    // icalendar's parser reads one top-level component at a time and quietly stops at the
    // first line it does not understand, so split the file into top-level components here.
    let mut components = Vec::new();
    let mut ignored_lines = Vec::new();
    let mut chunk: Vec<(usize, &str)> = Vec::new();
    let mut depth = 0usize;
    for &(number, line) in &lines {
        if keyword(line, "BEGIN:") {
            depth += 1;
        } else if depth == 0 {
            ignored_lines.push(number);
            continue;
        } else if keyword(line, "END:") {
            depth -= 1;
        }
        chunk.push((number, line));
        if depth == 0 {
            components.push(parse_component(&chunk)?);
            chunk.clear();
        }
    }
    if let Some(&(line, text)) = chunk.first() {
        return Err(IcsError::Unterminated { line, text: text.chars().take(80).collect() });
    }
    let mut events = Vec::new();
    for component in &components {
        collect_events(component, &mut events)?;
    }
    Ok(ParsedCalendar { components, events, ignored_lines })
}

fn parse_component(chunk: &[(usize, &str)]) -> Result<RawComponent, IcsError> {
    let text: String = chunk.iter().flat_map(|(_, l)| [*l, "\n"]).collect();
    let parsed = match icalendar::parser::read_components(&text) {
        Ok(parsed) => parsed,
        Err(message) => return Err(invalid_line(chunk, nom_line(&message))),
    };
    let components: Vec<RawComponent> = parsed.iter().map(raw_component).collect();
    // Every line is a BEGIN, an END or a property, so the parsed tree must account for every
    // line; otherwise the parser skipped something and an import would lose data silently.
    // (Counted, not compared line by line: a component's properties may follow its children.)
    fn count(c: &RawComponent) -> usize {
        2 + c.properties.len() + c.components.iter().map(count).sum::<usize>()
    }
    let understood: usize = components.iter().map(count).sum();
    match <[RawComponent; 1]>::try_from(components) {
        Ok([component]) if understood == chunk.len() => Ok(component),
        _ => Err(invalid_line(chunk, None)),
    }
}

/// The error for a component that did not parse: the first line that is visibly wrong (no
/// colon, a space in a name, an END that closes the wrong component), else the line the
/// parser pointed at, else the component's first line.
fn invalid_line(chunk: &[(usize, &str)], hint: Option<usize>) -> IcsError {
    let mut open: Vec<&str> = Vec::new();
    let visibly_wrong = chunk.iter().position(|(_, line)| {
        let begin_end = |word: &str| line.get(..word.len()).filter(|w| w.eq_ignore_ascii_case(word)).map(|_| line[word.len()..].trim());
        if let Some(name) = begin_end("BEGIN:") {
            open.push(name);
            false
        } else if let Some(name) = begin_end("END:") {
            open.pop().is_none_or(|begun| !begun.eq_ignore_ascii_case(name))
        } else {
            let name = line.split([';', ':']).next().unwrap_or_default();
            !line.contains(':') || name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        }
    });
    let index = visibly_wrong.or(hint).unwrap_or(0);
    let (line, text) = chunk.get(index).or(chunk.first()).copied().unwrap_or((0, ""));
    IcsError::InvalidLine { line, text: text.chars().take(80).collect() }
}

/// The 0-based line a nom error message points at ("0: at line 23, in …").
fn nom_line(message: &str) -> Option<usize> {
    let rest = &message[message.find("at line ")? + "at line ".len()..];
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<usize>().ok()?.checked_sub(1)
}

fn raw_property(p: &icalendar::parser::Property<'_>) -> RawProperty {
    RawProperty {
        name: p.name.as_str().to_owned(),
        params: p
            .params
            .iter()
            .map(|param| (param.key.as_str().to_owned(), param.val.as_ref().map(|v| v.as_str().to_owned())))
            .collect(),
        value: p.val.as_str().to_owned(),
    }
}

fn raw_component(c: &icalendar::parser::Component<'_>) -> RawComponent {
    RawComponent {
        name: c.name.as_str().to_owned(),
        properties: c.properties.iter().map(raw_property).collect(),
        components: c.components.iter().map(raw_component).collect(),
    }
}

fn collect_events(component: &RawComponent, out: &mut Vec<ParsedEvent>) -> Result<(), IcsError> {
    for child in &component.components {
        if child.name.eq_ignore_ascii_case("VEVENT") {
            out.push(parsed_event(child)?);
        }
        collect_events(child, out)?;
    }
    Ok(())
}

fn parsed_event(c: &RawComponent) -> Result<ParsedEvent, IcsError> {
    let text = |name: &str| c.property(name).map(|p| p.value.clone());
    let uid = text("UID");
    let time = |name: &str| -> Result<Option<IcsTime>, IcsError> {
        // An empty value is read as a missing one: some exporters write `DTSTART:`.
        let Some(property) = c.property(name).filter(|p| !p.value.trim().is_empty()) else {
            return Ok(None);
        };
        IcsTime::parse(property).map(Some).ok_or_else(|| IcsError::BadDate {
            uid: uid.clone().unwrap_or_else(|| "(without UID)".into()),
            property: name.to_owned(),
            value: property.value.clone(),
        })
    };
    Ok(ParsedEvent {
        summary: text("SUMMARY"),
        description: text("DESCRIPTION"),
        location: text("LOCATION"),
        url: text("URL"),
        status: text("STATUS").map(|s| s.trim().to_ascii_uppercase()),
        sequence: text("SEQUENCE").and_then(|s| s.trim().parse().ok()),
        start: time("DTSTART")?,
        end: time("DTEND")?,
        last_modified: time("LAST-MODIFIED")?,
        uid,
    })
}

fn write_component(out: &mut String, c: &RawComponent) {
    write_line(out, &format!("BEGIN:{}", c.name));
    for p in &c.properties {
        let mut line = p.name.clone();
        for (key, value) in &p.params {
            line.push(';');
            line.push_str(key);
            line.push('=');
            if let Some(value) = value {
                // The parser strips the quotes of a single quoted value but keeps those of a
                // list ("a","b"); RFC 5545 §3.2 needs them around values with , ; :
                if !value.starts_with('"') && value.contains([',', ';', ':']) {
                    let _ = write!(line, "\"{value}\"");
                } else {
                    line.push_str(value);
                }
            }
        }
        line.push(':');
        line.push_str(&escape_like_parser(p));
        write_line(out, &line);
    }
    for child in &c.components {
        write_component(out, child);
    }
    write_line(out, &format!("END:{}", c.name));
}

/// The parser unescapes exactly the TEXT-typed values (by property name or VALUE=TEXT) except
/// the CATEGORIES/RESOURCES lists; escaping the same set makes write → read the identity.
fn escape_like_parser(p: &RawProperty) -> String {
    let mut typed = icalendar::Property::new(p.name.as_str(), "");
    // Same lookup as the parser: the first parameter spelled exactly VALUE.
    if let Some((_, Some(value_type))) = p.params.iter().find(|(key, _)| key == "VALUE") {
        typed.add_parameter("VALUE", value_type);
    }
    let is_list = p.name.eq_ignore_ascii_case("CATEGORIES") || p.name.eq_ignore_ascii_case("RESOURCES");
    if typed.value_type() == Some(icalendar::ValueType::Text) && !is_list {
        p.value.replace('\\', "\\\\").replace(',', "\\,").replace(';', "\\;").replace('\n', "\\n")
    } else {
        p.value.clone()
    }
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1).
fn write_line(out: &mut String, line: &str) {
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
}
