//! Organisation export: CSV that the importer reads back unchanged, and JSON with typed values.

use tandem_core::directory::{CompanyFigures, Currency, ExternalIds, OrgKind, Organisation, OrganisationDraft};
use tandem_core::nace::NaceCode;
use tandem_core::{CityId, OrgId};
use tandem_io::org_export::{ExportRecord, columns, write_csv, write_json};
use tandem_io::org_import::{FIELDS, Format, HeaderMap, read};

fn full_org() -> Organisation {
    Organisation {
        id: OrgId::new(),
        name: "Daden Ltd, \"Virtual Humans\"".into(),
        kind: OrgKind::Sme,
        city_id: CityId::new(),
        nace_codes: vec![NaceCode::parse("62.01").expect("valid"), NaceCode::parse("J").expect("valid")],
        description_en: Some("Virtual humans;\nconversational AI for training".into()),
        description_de: Some("Virtuelle Menschen".into()),
        website: Some("https://www.daden.co.uk".into()),
        figures: CompanyFigures {
            staff_headcount: Some(12),
            turnover: Some(1_250_000),
            balance_sheet: Some(400_000),
            currency: Some(Currency::Gbp),
            year: Some(2024),
        },
        external_ids: ExternalIds {
            pic: Some("999999999".into()),
            companies_house: Some("01234567".into()),
            handelsregister: None,
        },
        version: 3,
        created_at: Default::default(),
        updated_at: Default::default(),
    }
}

fn bare_org() -> Organisation {
    Organisation {
        name: "=HYPERLINK(\"http://evil.example\")".into(),
        kind: OrgKind::Incubator,
        nace_codes: Vec::new(),
        description_en: Some("- first point\n- second point".into()),
        description_de: None,
        website: None,
        figures: CompanyFigures::default(),
        external_ids: ExternalIds::default(),
        ..full_org()
    }
}

/// The draft a user would have submitted to create `org` (city by name, so `city_id` empty).
fn draft_of(org: &Organisation) -> OrganisationDraft {
    let text = |n: Option<i64>| n.map(|n| n.to_string());
    OrganisationDraft {
        name: org.name.clone(),
        kind: org.kind.key().into(),
        city_id: String::new(),
        nace_codes: org.nace_codes.iter().map(ToString::to_string).collect(),
        description_en: org.description_en.clone(),
        description_de: org.description_de.clone(),
        website: org.website.clone(),
        staff_headcount: text(org.figures.staff_headcount),
        turnover: text(org.figures.turnover),
        balance_sheet: text(org.figures.balance_sheet),
        currency: org.figures.currency.map(|c| c.key().into()),
        figures_year: org.figures.year.map(|y| y.to_string()),
        pic: org.external_ids.pic.clone(),
        companies_house: org.external_ids.companies_house.clone(),
        handelsregister: org.external_ids.handelsregister.clone(),
    }
}

#[test]
fn csv_export_imports_back_to_equal_drafts() {
    let (full, bare) = (full_org(), bare_org());
    let records = [ExportRecord { org: &full, city: "Birmingham" }, ExportRecord { org: &bare, city: "Leipzig" }];
    let mut out = Vec::new();
    write_csv(&records, &mut out).expect("written");
    let text = String::from_utf8(out.clone()).expect("utf-8");
    assert!(text.starts_with(&(columns().join(",") + "\n")), "{text}");

    let rows = read(&out, Format::Csv, &HeaderMap::default()).expect("export imports");
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].city.as_str(), rows[1].city.as_str()), ("Birmingham", "Leipzig"));
    assert_eq!(rows[0].draft, draft_of(&full));
    assert_eq!(rows[1].draft, draft_of(&bare));
    // The multi-line description makes the second record start on line 4.
    assert_eq!((rows[0].line, rows[1].line), (2, 4));

    // And the imported draft validates to the organisation's own values.
    let mut draft = rows[0].draft.clone();
    draft.city_id = full.city_id.to_string();
    let input = draft.validate().expect("valid");
    assert_eq!((input.name, input.kind, input.nace_codes), (full.name.clone(), full.kind, full.nace_codes.clone()));
    assert_eq!((input.figures, input.external_ids), (full.figures.clone(), full.external_ids.clone()));
}

#[test]
fn csv_export_defuses_formulas() {
    let bare = bare_org();
    let mut out = Vec::new();
    write_csv(&[ExportRecord { org: &bare, city: "Leipzig" }], &mut out).expect("written");
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("\"'=HYPERLINK("), "{text}");
    assert!(text.contains("\"'- first point"), "{text}");
}

#[test]
fn json_export_has_typed_values() {
    let (full, bare) = (full_org(), bare_org());
    let records = [ExportRecord { org: &full, city: "Birmingham" }, ExportRecord { org: &bare, city: "Leipzig" }];
    let mut out = Vec::new();
    write_json(&records, &mut out).expect("written");
    let value: serde_json::Value = serde_json::from_slice(&out).expect("json");
    let array = value.as_array().expect("an array");
    assert_eq!(array.len(), 2);
    let first = array[0].as_object().expect("an object");
    assert_eq!(first.keys().map(String::as_str).collect::<Vec<_>>().len(), FIELDS.len() + 1);
    for column in columns() {
        assert!(first.contains_key(column), "{column} missing");
    }
    assert_eq!(first["id"], serde_json::json!(full.id.to_string()));
    assert_eq!(first["nace_codes"], serde_json::json!(["62.01", "J"]));
    assert_eq!(first["turnover"], serde_json::json!(1_250_000));
    assert_eq!(first["figures_year"], serde_json::json!(2024));
    assert_eq!(first["currency"], serde_json::json!("GBP"));
    assert_eq!(first["city"], serde_json::json!("Birmingham"));
    assert_eq!(first["handelsregister"], serde_json::Value::Null);
    // JSON is for programs: text is written as it is, without the spreadsheet formula guard.
    assert_eq!(array[1]["name"], serde_json::json!(bare.name));
    assert_eq!(array[1]["staff_headcount"], serde_json::Value::Null);

    let mut empty = Vec::new();
    write_json(&[], &mut empty).expect("written");
    assert_eq!(empty, b"[]");
}
