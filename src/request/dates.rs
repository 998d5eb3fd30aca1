//! The dates (`YYYY-MM-DD`) and date-times (`YYYY-MM-DDTHH:MM`, or
//! `YYYY-MM-DDTHH:MM:SS` when the seconds are known) a request holds: the one
//! reader of a date-time ([`parse_date_time`]), which the checks and the
//! document use alike, and moving a request in time: every date and
//! date-time from a given day on, each moved by the same number of days, so
//! that the distance between any two of them, and between each of them and
//! the day the request is checked on, stays what it was.
//!
//! Free text is left as written: a date inside a sentence is the drafter's
//! words, not a value.

use serde_json::Value;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{Date, Duration, PrimitiveDateTime};

use crate::request::Request;

/// How a request stores a date.
const DATE: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]");
/// How a request stores a date-time to the minute.
const DATE_TIME: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]T[hour]:[minute]");
/// How a request stores a date-time to the second.
const DATE_TIME_SECONDS: &[BorrowedFormatItem<'static>] = format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");

/// A stored date-time, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, with the
/// form it was written in (so that it is written back the same way);
/// `None` for anything else.
fn read_date_time(value: &str) -> Option<(PrimitiveDateTime, &'static [BorrowedFormatItem<'static>])> {
    [DATE_TIME, DATE_TIME_SECONDS].into_iter().find_map(|form| PrimitiveDateTime::parse(value, form).ok().map(|moment| (moment, form)))
}

/// A stored date-time, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (an IP
/// address's timestamp is often to the second), surrounding spaces
/// ignored; `None` when blank or malformed.
pub fn parse_date_time(value: &str) -> Option<PrimitiveDateTime> {
    read_date_time(value.trim()).map(|(moment, _)| moment)
}

/// `value` moved by `days` when it is a whole date or date-time as a
/// request stores it, on or after `from`; `None` for anything else, or when
/// the result would leave the calendar `time` can write.
fn shifted_value(value: &str, from: Date, days: i64) -> Option<String> {
    let by = Duration::days(days);
    if let Ok(date) = Date::parse(value, DATE) {
        return if date >= from { date.checked_add(by)?.format(DATE).ok() } else { None };
    }
    let (moment, form) = read_date_time(value)?;
    if moment.date() < from {
        return None;
    }
    moment.checked_add(by)?.format(form).ok()
}

fn walk(value: &mut Value, from: Date, days: i64) {
    match value {
        Value::String(text) => {
            if let Some(moved) = shifted_value(text, from, days) {
                *text = moved;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| walk(item, from, days)),
        Value::Object(members) => members.values_mut().for_each(|member| walk(member, from, days)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The request with every date and date-time on or after `from` moved by
/// `days` (earlier when negative); earlier ones stay, as the case's history.
/// A value that is not a well-formed date is left as it is, and so is every
/// free text. `Date::MIN` moves every date.
pub fn shifted(request: &Request, from: Date, days: i64) -> Request {
    let mut json = serde_json::to_value(request).expect("a request is plain data and always serialises");
    walk(&mut json, from, days);
    serde_json::from_value(json).expect("moving dates keeps every value a string, so the request reads back")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Request {
        let mut request = Request::default();
        request.deadline.date = "2027-01-31".into();
        request.deadline.reason = "A review of the case on 2027-02-10.".into();
        request.sign.date = "2026-11-20".into();
        request.proc.limitation_date = "31 January 2027".into();
        request.mla.videoconference.push(Default::default());
        request.mla.videoconference[0].datetime = "2026-12-31T23:30".into();
        request.mla.records.push(Default::default());
        request.mla.records[0].period_from = "2025-05-01".into();
        request.urgent_oral.made_at = "2026-12-31T08:12:37".into();
        request
    }

    #[test]
    fn dates_and_date_times_move_by_whole_days_and_the_rest_stays() {
        let request = sample();
        let moved = shifted(&request, Date::MIN, 731);
        assert_eq!(moved.deadline.date, "2029-01-31", "two years, 29 February 2028 among them");
        assert_eq!(moved.sign.date, "2028-11-20");
        assert_eq!(moved.mla.videoconference[0].datetime, "2028-12-31T23:30");
        assert_eq!(moved.urgent_oral.made_at, "2028-12-31T08:12:37", "the seconds are kept");
        assert_eq!(moved.mla.records[0].period_from, "2027-05-02", "no 29 February on the way");
        assert_eq!(moved.deadline.reason, request.deadline.reason, "a date inside a sentence is text");
        assert_eq!(moved.proc.limitation_date, "31 January 2027", "a date not written as YYYY-MM-DD is not read as one");
        assert_eq!(shifted(&moved, Date::MIN, -731), request);
    }

    #[test]
    fn dates_before_the_day_given_stay_as_the_history_of_the_case() {
        let moved = shifted(&sample(), time::macros::date!(2026 - 11 - 20), 100);
        assert_eq!(moved.sign.date, "2027-02-28");
        assert_eq!(moved.deadline.date, "2027-05-11");
        assert_eq!(moved.mla.videoconference[0].datetime, "2027-04-10T23:30");
        assert_eq!(moved.mla.records[0].period_from, "2025-05-01");
    }

    #[test]
    fn a_date_time_is_read_to_the_minute_or_to_the_second_and_nothing_else() {
        let at = |h, m, s| time::macros::date!(2027 - 03 - 15).with_hms(h, m, s).unwrap();
        assert_eq!(parse_date_time("2027-03-15T08:12"), Some(at(8, 12, 0)));
        assert_eq!(parse_date_time(" 2027-03-15T08:12:37 "), Some(at(8, 12, 37)));
        for bad in ["", "2027-03-15", "2027-03-15T08", "2027-03-15T08:12:60", "2027-03-15T08:12:37.5", "2027-03-15 08:12", "2027-03-15T24:00"] {
            assert_eq!(parse_date_time(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_date_that_would_leave_the_calendar_stays_as_written() {
        let mut request = Request::default();
        request.deadline.date = "9999-12-30".into();
        assert_eq!(shifted(&request, Date::MIN, 5).deadline.date, "9999-12-30");
    }
}
