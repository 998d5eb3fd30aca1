//! The rules over what happens after a request is sent (the tracking
//! fields): the written confirmation of an urgent oral request (section B),
//! status enquiries, the notice that assistance is no longer needed and
//! unanswered requests for more information (section I). Most are timer
//! rules: they depend on the date the request is checked on.

use super::{blank, msg, state, Arg, Rule, Severity};
use super::provision::cites;
use crate::request::deadlines::{chase_date, parse_day};
use crate::request::{Request, RequestStatus};

/// The request as the counterpart knows it: its latest reference, else ours.
fn reference(r: &Request) -> Arg {
    let theirs = r.consult.status_log.iter().rev().map(|c| c.counterpart_ref.trim()).find(|s| !s.is_empty());
    match theirs.or(Some(r.case.internal_ref.trim()).filter(|s| !s.is_empty())) {
        Some(reference) => Arg::Text(reference.to_string()),
        None => msg("check.word.this_request").into(),
    }
}

/// The rules of this section, in catalogue order.
pub(super) static RULES: &[Rule] = &[
    Rule {
        code: "UNTOC-18-14-oral",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(14)", UNCAC_46 "UNCAC art. 46(14)", DRUG88_7 "1988 Convention art. 7(9)", BUDAPEST "Budapest Convention art. 25(3)"),
        summary: "An urgent request made orally is confirmed in writing forthwith.",
        check: |c, out| {
            let oral = &c.request.urgent_oral;
            if !blank(&oral.made_at) && blank(&oral.written_confirmation_at) {
                let date = parse_day(&oral.made_at).map_or_else(|| oral.made_at.trim().to_string(), |d| d.to_string());
                out.push("urgent_oral.written_confirmation_at".into(), msg("check.UNTOC-18-14-oral.confirm").arg("date", date));
            }
        },
    },
    Rule {
        code: "STATUS-CHASE",
        severity: Severity::Info,
        provision: cites!(UNTOC_18 "UNTOC art. 18(24)", UNCAC_46 "UNCAC art. 46(24)", BUDAPEST "Budapest Convention art. 27(7)", MT_45_117 "GA res. 45/117 art. 6", MT_45_118 "GA res. 45/118 art. 5"),
        summary: "A request sent with no news for 60 days calls for a status enquiry.",
        check: |c, out| {
            let r = c.request;
            let (Some(due), Some(latest)) = (chase_date(r), r.consult.latest_status()) else { return };
            if c.today >= due {
                out.push(
                    "consult.status_log".into(),
                    msg("check.STATUS-CHASE.chase").arg("reference", reference(r)).arg("date", latest.date.trim()),
                );
            }
        },
    },
    Rule {
        code: "STATUS-NOT-NEEDED",
        severity: Severity::Info,
        provision: cites!(UNTOC_18 "UNTOC art. 18(24)", UNCAC_46 "UNCAC art. 46(24)"),
        summary: "When the assistance is no longer needed while a request is open, the requested State is told.",
        check: |c, out| {
            let r = c.request;
            let status = r.consult.status();
            let open = status.open_after_sending() || status == RequestStatus::InConsultation;
            if r.consult.no_longer_needed && open && blank(&r.consult.no_longer_needed_sent) {
                out.push("consult.no_longer_needed_sent".into(), msg("check.STATUS-NOT-NEEDED.tell").arg("state", state(r)));
            }
        },
    },
    Rule {
        code: "ADDINFO-OPEN",
        severity: Severity::Warning,
        provision: cites!(UNTOC_18 "UNTOC art. 18(16)", UNCAC_46 "UNCAC art. 46(16)", DRUG88_7 "1988 Convention art. 7(11)", MT_45_117 "GA res. 45/117 art. 5(3)"),
        summary: "A request of the requested State for more information is answered.",
        check: |c, out| {
            let r = c.request;
            if r.consult.status().closed() {
                return;
            }
            for (i, entry) in r.consult.additional_info_log.iter().enumerate() {
                if !blank(&entry.answered_at) || (blank(&entry.asked_at) && blank(&entry.asked)) {
                    continue;
                }
                let message = if blank(&entry.asked_at) {
                    msg("check.ADDINFO-OPEN.open_undated").arg("state", state(r))
                } else {
                    msg("check.ADDINFO-OPEN.open").arg("state", state(r)).arg("date", entry.asked_at.trim())
                };
                out.push(format!("consult.additional_info_log.{i}.answered_at"), message);
            }
        },
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::tests::{example, found, only_finding, silent, Example};
    use crate::request::{AdditionalInformation, StatusChange};

    fn change(status: RequestStatus, date: &str, reference: &str) -> StatusChange {
        StatusChange { status: Some(status), date: date.into(), counterpart_ref: reference.into(), note: String::new() }
    }

    #[test]
    fn a_request_sent_without_news_for_sixty_days_is_chased_with_the_counterparts_reference() {
        // The tests' date is 2026-11-27.
        let mut r = example(Example::Mla);
        r.consult.status_log.push(change(RequestStatus::Sent, "2026-09-29", ""));
        silent(&r, "STATUS-CHASE");
        r.consult.status_log[0].date = "2026-09-28".into();
        let f = only_finding(&r, "STATUS-CHASE", Severity::Info, "consult.status_log");
        assert!(f.message.contains(r.case.internal_ref.trim()) && f.message.contains("2026-09-28"), "{}", f.message);
        r.consult.status_log.push(change(RequestStatus::Acknowledged, "2026-09-28", "NOR-MLA-77"));
        assert!(only_finding(&r, "STATUS-CHASE", Severity::Info, "consult.status_log").message.contains("NOR-MLA-77"));
        r.consult.status_log.push(change(RequestStatus::Executed, "2026-10-01", ""));
        silent(&r, "STATUS-CHASE");
    }

    #[test]
    fn an_unanswered_request_for_more_information_warns_until_answered() {
        let mut r = example(Example::Mla);
        r.consult.additional_info_log.push(AdditionalInformation { asked_at: "2026-11-02".into(), asked: "Bank statements".into(), ..Default::default() });
        let f = only_finding(&r, "ADDINFO-OPEN", Severity::Warning, "consult.additional_info_log.0.answered_at");
        assert!(f.message.contains("2026-11-02"), "{}", f.message);
        r.consult.additional_info_log[0].answered_at = "2026-11-20".into();
        silent(&r, "ADDINFO-OPEN");
    }

    #[test]
    fn assistance_no_longer_needed_on_an_open_request_asks_to_tell_the_requested_state() {
        let mut r = example(Example::Mla);
        r.consult.no_longer_needed = true;
        silent(&r, "STATUS-NOT-NEEDED");
        r.consult.status_log.push(change(RequestStatus::Sent, "2026-11-01", ""));
        only_finding(&r, "STATUS-NOT-NEEDED", Severity::Info, "consult.no_longer_needed_sent");
        r.consult.no_longer_needed_sent = "2026-11-20".into();
        silent(&r, "STATUS-NOT-NEEDED");
    }

    #[test]
    fn an_urgent_oral_request_is_confirmed_in_writing() {
        let mut r = example(Example::Emergency);
        r.urgent_oral.made_at = "2026-11-26T22:10".into();
        let f = only_finding(&r, "UNTOC-18-14-oral", Severity::Warning, "urgent_oral.written_confirmation_at");
        assert!(f.message.contains("2026-11-26"), "{}", f.message);
        r.urgent_oral.written_confirmation_at = "2026-11-27T08:00".into();
        assert!(found(&r, "UNTOC-18-14-oral").is_empty());
    }
}
