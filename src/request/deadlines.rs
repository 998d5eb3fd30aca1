//! The dates by which something must happen to a request, computed from its
//! data alone: the execution date asked for, the end of a preservation
//! (Budapest art. 29(7)), limitation, custody and trial dates, the written
//! confirmation of an urgent oral request (UNTOC art. 18(14)), and the day
//! to chase a request that has had no answer (UNTOC art. 18(24)).
//!
//! Architecture invariant: pure: no clock. Which deadlines are overdue or
//! near is for the caller to say, with the date it passes in.

use time::{Date, Duration, Weekday};

use super::dates::parse_date_time;
use super::model::vocabulary;
use super::{Request, RequestKind};

/// Days a preservation lasts at least (Budapest art. 29(7)).
pub const PRESERVATION_DAYS: i64 = 60;

/// Days without an answer after which a request sent is chased (UNTOC art. 18(24)).
pub const CHASE_AFTER_DAYS: i64 = 60;

vocabulary! {
    /// What falls due.
    pub enum DueKind {
        /// The date by which execution is asked for (`deadline.date`).
        Execution = "execution",
        /// The day a preservation lapses (Budapest art. 29(7)).
        PreservationExpiry = "preservation_expiry",
        /// The day prosecution becomes time-barred.
        Limitation = "limitation",
        /// The end of the suspect's custody time limit.
        Custody = "custody",
        /// The next hearing or trial date.
        Trial = "trial",
        /// The written confirmation of an urgent oral request (UNTOC art. 18(14)).
        OralConfirmation = "oral_confirmation",
        /// The day to send a status enquiry: no news since the request was sent.
        Chase = "chase",
    }
}

/// One date by which something must happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueDate {
    /// What falls due.
    pub kind: DueKind,
    /// When.
    pub date: Date,
}

/// A stored date, `YYYY-MM-DD`, or the day of a stored date-time
/// (`YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, read by
/// [`parse_date_time`]); `None` when blank or malformed.
pub fn parse_day(text: &str) -> Option<Date> {
    let text = text.trim();
    if text.contains('T') {
        return parse_date_time(text).map(|moment| moment.date());
    }
    Date::parse(text, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// The day a preservation that took effect on `preserved_at` lapses: at
/// least [`PRESERVATION_DAYS`] later, or the extended date when later still.
/// `None` while the preservation has not taken effect.
pub fn preservation_expiry(r: &Request) -> Option<Date> {
    let since = parse_day(&r.preservation.preserved_at)?;
    let minimum = since.checked_add(Duration::days(PRESERVATION_DAYS))?;
    Some(parse_day(&r.preservation.extended_until).map_or(minimum, |extended| extended.max(minimum)))
}

/// The working day after `day` (Saturday and Sunday are not).
pub fn next_working_day(day: Date) -> Option<Date> {
    let mut next = day.next_day()?;
    while matches!(next.weekday(), Weekday::Saturday | Weekday::Sunday) {
        next = next.next_day()?;
    }
    Some(next)
}

/// The day to chase a request with no news: [`CHASE_AFTER_DAYS`] after its
/// latest change of status, while the counterpart owes an answer to a
/// request sent. `None` otherwise.
pub fn chase_date(r: &Request) -> Option<Date> {
    let latest = r.consult.latest_status()?;
    let status = latest.status?;
    if !(status.open_after_sending() && status.waits_on_counterpart()) {
        return None;
    }
    parse_day(&latest.date)?.checked_add(Duration::days(CHASE_AFTER_DAYS))
}

/// Every deadline of an open request, earliest first. A closed request
/// (executed, refused, withdrawn, no longer needed) has none.
pub fn deadlines(r: &Request) -> Vec<DueDate> {
    if r.consult.status().closed() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut add = |kind, date: Option<Date>| {
        if let Some(date) = date {
            out.push(DueDate { kind, date });
        }
    };
    add(DueKind::Execution, parse_day(&r.deadline.date));
    let follow_up_sent = !r.preservation.followup_mla_ref.trim().is_empty();
    if r.kind == RequestKind::Preservation && !follow_up_sent {
        add(DueKind::PreservationExpiry, preservation_expiry(r));
    }
    add(DueKind::Limitation, parse_day(&r.proc.limitation_date));
    if r.proc.custody.in_custody {
        add(DueKind::Custody, parse_day(&r.proc.custody.expiry_date));
    }
    add(DueKind::Trial, parse_day(&r.proc.next_hearing_date));
    if r.urgent_oral.written_confirmation_at.trim().is_empty() {
        add(DueKind::OralConfirmation, parse_day(&r.urgent_oral.made_at).and_then(next_working_day));
    }
    add(DueKind::Chase, chase_date(r));
    out.sort_by_key(|d| (d.date, d.kind.key()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::{RequestStatus, StatusChange};
    use time::macros::date;

    fn sent_on(day: &str) -> StatusChange {
        StatusChange { status: Some(RequestStatus::Sent), date: day.into(), ..StatusChange::default() }
    }

    #[test]
    fn a_preservation_lapses_sixty_days_after_it_took_effect_unless_extended_further() {
        let mut r = Request { kind: RequestKind::Preservation, ..Request::default() };
        assert_eq!(preservation_expiry(&r), None);
        r.preservation.preserved_at = "2026-10-01".into();
        assert_eq!(preservation_expiry(&r), Some(date!(2026 - 11 - 30)));
        r.preservation.extended_until = "2027-01-31".into();
        assert_eq!(preservation_expiry(&r), Some(date!(2027 - 01 - 31)));
        r.preservation.extended_until = "2026-10-15".into();
        assert_eq!(preservation_expiry(&r), Some(date!(2026 - 11 - 30)), "an extension never shortens the 60 days");
        r.preservation.followup_mla_ref = "ARD-MLA-2026-9".into();
        assert!(deadlines(&r).iter().all(|d| d.kind != DueKind::PreservationExpiry), "the follow-up keeps the data preserved");
    }

    #[test]
    fn deadlines_come_earliest_first_and_a_closed_request_has_none() {
        let mut r = Request::default();
        r.deadline.date = "2027-03-01".into();
        r.proc.limitation_date = "2030-01-01".into();
        r.proc.next_hearing_date = "2027-02-01".into();
        r.proc.custody.expiry_date = "2027-01-15".into();
        assert_eq!(deadlines(&r).iter().map(|d| d.kind).collect::<Vec<_>>(), [DueKind::Trial, DueKind::Execution, DueKind::Limitation]);
        r.proc.custody.in_custody = true;
        assert_eq!(deadlines(&r)[0], DueDate { kind: DueKind::Custody, date: date!(2027 - 01 - 15) });
        r.consult.status_log.push(StatusChange { status: Some(RequestStatus::Executed), date: "2026-12-01".into(), ..StatusChange::default() });
        assert!(deadlines(&r).is_empty());
    }

    #[test]
    fn a_request_sent_is_chased_sixty_days_after_its_latest_news_while_the_counterpart_owes_an_answer() {
        let mut r = Request::default();
        assert_eq!(chase_date(&r), None, "a draft is not chased");
        r.consult.status_log.push(sent_on("2026-09-01"));
        assert_eq!(chase_date(&r), Some(date!(2026 - 10 - 31)));
        r.consult.status_log.push(StatusChange { status: Some(RequestStatus::Acknowledged), date: "2026-09-20".into(), ..StatusChange::default() });
        assert_eq!(chase_date(&r), Some(date!(2026 - 11 - 19)));
        r.consult.status_log.push(StatusChange {
            status: Some(RequestStatus::AdditionalInformationRequested),
            date: "2026-10-01".into(),
            ..StatusChange::default()
        });
        assert_eq!(chase_date(&r), None, "the next move is ours");
    }

    #[test]
    fn an_oral_request_is_confirmed_by_the_next_working_day() {
        let mut r = Request::default();
        r.urgent_oral.made_at = "2026-11-27T16:30".into(); // a Friday
        assert_eq!(deadlines(&r), [DueDate { kind: DueKind::OralConfirmation, date: date!(2026 - 11 - 30) }]);
        r.urgent_oral.written_confirmation_at = "2026-11-30T09:00".into();
        assert!(deadlines(&r).is_empty());
        r.urgent_oral.written_confirmation_at.clear();
        r.urgent_oral.made_at = "2026-11-27T16:30:45".into();
        assert_eq!(deadlines(&r), [DueDate { kind: DueKind::OralConfirmation, date: date!(2026 - 11 - 30) }], "a time to the second");
        r.urgent_oral.made_at = "2026-11-27T16:30:45.5".into();
        assert!(deadlines(&r).is_empty(), "not a date-time (DATE-ORDER says so)");
    }

    #[test]
    fn dates_at_the_end_of_the_calendar_give_no_deadline_rather_than_fail() {
        let mut r = Request { kind: RequestKind::Preservation, ..Request::default() };
        r.preservation.preserved_at = "9999-12-01".into();
        r.consult.status_log.push(sent_on("9999-12-30"));
        r.urgent_oral.made_at = "9999-12-31T10:00".into();
        assert!(deadlines(&r).is_empty(), "{:?}", deadlines(&r));
        assert_eq!(parse_day("2026-11-27 and more"), None);
    }

    proptest::proptest! {
        /// Any text in any date field, whatever its script, gives a date or
        /// none, never a failure: a character across the tenth byte once did.
        #[test]
        fn any_text_in_a_date_field_gives_a_date_or_none(text in "\\PC{0,14}") {
            let _ = parse_day(&text);
            let _ = parse_day(&format!("2026-11-2{text}"));
        }
    }

    #[test]
    fn a_character_across_the_tenth_byte_is_no_date() {
        assert_eq!(parse_day("00H\u{2d6f}.\u{11825}"), None);
        assert_eq!(parse_day("2026-11-27\u{e9}"), None);
        assert_eq!(parse_day("2026-11-27T10:00"), Some(date!(2026 - 11 - 27)));
    }
}
