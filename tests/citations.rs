//! Findings cite the provision of the legal basis the request chose, as
//! `mla check` prints them: every example, under every instrument it could
//! be made under, cites that instrument's provisions, and `mla rules` lists
//! each rule's provision in every instrument.

mod common;
use common::{examples, mla};

use serde_json::Value;

/// The instruments each example could be made under, by the example's kind.
fn bases(kind: &str) -> &'static [&'static str] {
    match kind {
        "mla_evidence" => &["UNTOC_18", "UNCAC_46", "DRUG88_7", "BUDAPEST", "ETS_30", "HARARE", "BILATERAL", "RECIPROCITY"],
        "preservation" => &["BUDAPEST", "BILATERAL"],
        "emergency_disclosure" => &["CETS_224", "BILATERAL"],
        "transfer_of_proceedings" => &["ETS_73", "UNTOC_21", "UNCAC_47", "BILATERAL"],
        other => panic!("unknown kind {other}"),
    }
}

/// `mla rules --format json`, by code.
fn rules(dir: &std::path::Path) -> std::collections::BTreeMap<String, Value> {
    let out = mla(&["rules", "--format", "json"], dir);
    assert!(out.status.success());
    let list: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    list.into_iter().map(|r| (r["code"].as_str().unwrap().to_string(), r)).collect()
}

/// The citation of `instrument` in a rule's table, if it has one.
fn citation<'a>(rule: &'a Value, instrument: &str) -> Option<&'a str> {
    rule["provisions"].as_array().unwrap().iter().find(|p| p["instrument"] == instrument).map(|p| p["citation"].as_str().unwrap())
}

#[test]
fn check_on_each_example_under_each_instrument_it_could_use_cites_that_instruments_provisions() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules(dir.path());
    for file in examples() {
        let mut request: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        // Two defects every kind can have: no address of the authority
        // (UNTOC-18-15-a) and no channel (UNTOC-18-13-channel).
        request["req_auth"]["address"] = "".into();
        request["channel"]["route"] = Value::Null;
        let kind = request["kind"].as_str().unwrap().to_string();
        if kind == "transfer_of_proceedings" {
            // And the forum analysis (UNTOC-21-forum), the one rule of UNTOC art. 21.
            request["transfer"]["forum"]["territory"] = "".into();
        }
        let model = if kind == "transfer_of_proceedings" { "MT_45_118" } else { "MT_45_117" };
        for &basis in bases(&kind) {
            request["basis"]["primary"] = basis.into();
            request["basis"]["treaty_citation"] = if basis == "BILATERAL" { "Treaty of 14 May 2009".into() } else { "".into() };
            let secondary: Vec<String> =
                request["basis"]["secondary"].as_array().map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect()).unwrap_or_default();
            let path = dir.path().join("request.json");
            std::fs::write(&path, serde_json::to_string(&request).unwrap()).unwrap();
            let out = mla(&["check", path.to_str().unwrap(), "--format", "json", "--today", "2026-11-27"], dir.path());
            let findings: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
            let mut own = 0;
            for f in &findings {
                let (code, provision) = (f["code"].as_str().unwrap(), f["provision"].as_str().unwrap());
                let rule = &rules[code];
                let chosen = std::iter::once(basis).chain(secondary.iter().map(String::as_str)).find_map(|b| citation(rule, b));
                match chosen {
                    Some(cited) => {
                        assert!(provision.starts_with(cited), "{} under {basis}: {code} cites {provision:?}, not {cited:?}", file.display());
                        own += usize::from(citation(rule, basis) == Some(cited));
                    }
                    None => {
                        for other in rule["provisions"].as_array().unwrap() {
                            let (instrument, cited) = (other["instrument"].as_str().unwrap(), other["citation"].as_str().unwrap());
                            if instrument != model {
                                assert!(!provision.contains(cited), "{} under {basis}: {code} cites {instrument}: {provision:?}", file.display());
                            }
                        }
                        if rule["provisions"].as_array().unwrap().iter().any(|p| p["instrument"] != model) {
                            own += usize::from(match basis {
                                "BILATERAL" => provision.starts_with("Treaty of 14 May 2009: the treaty's own article on this applies"),
                                "RECIPROCITY" => provision.starts_with("No treaty applies (reciprocity)"),
                                _ => false,
                            });
                        }
                    }
                }
            }
            assert!(own > 0, "{} under {basis}: no finding cites the basis: {findings:#?}", file.display());
        }
    }
}

#[test]
fn rules_list_every_instruments_provision() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules(dir.path());
    let bank = &rules["UNTOC-18-8-bank"];
    for (instrument, cited) in [
        ("UNTOC_18", "UNTOC art. 18(8)"),
        ("UNCAC_46", "UNCAC art. 46(8)"),
        ("DRUG88_7", "1988 Convention art. 7(5)"),
        ("MT_45_117", "GA res. 45/117 art. 4"),
    ] {
        assert_eq!(citation(bank, instrument), Some(cited));
    }
    assert_eq!(citation(&rules["ETS73-8-ground"], "ETS_73"), Some("ETS 73 art. 8(1)"));
    assert_eq!(rules["M2-PROOF"]["general"], "Practice");
    let out = mla(&["rules"], dir.path());
    let text = String::from_utf8(out.stdout).unwrap();
    let block: Vec<&str> = text.lines().skip_while(|l| !l.starts_with("UNTOC-18-8-bank ")).take(5).collect();
    assert!(block[2].contains("UNCAC_46") && block[2].ends_with("UNCAC art. 46(8)"), "{block:#?}");
}
