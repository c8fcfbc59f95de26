//! Organisation import from CSV and XLSX: structure, line numbers, header mapping, and robustness
//! against arbitrary bytes.

use proptest::prelude::*;
use rust_xlsxwriter::{ExcelDateTime, Format as XlsxFormat, Workbook};
use std::path::Path;
use tandem_core::directory::OrganisationDraft;
use tandem_core::validation::ValidationErrors;
use tandem_io::org_import::{
    Format, HeaderMap, ImportError, RowError, normalise_kind, read, row_errors, split_nace_codes,
};

fn csv(text: &str) -> Result<Vec<tandem_io::org_import::ImportRow>, ImportError> {
    read(text.as_bytes(), Format::Csv, &HeaderMap::default())
}

fn row_errors_of(result: Result<Vec<tandem_io::org_import::ImportRow>, ImportError>) -> Vec<RowError> {
    match result {
        Err(ImportError::Rows(errors)) => errors,
        other => panic!("expected row errors, got {other:?}"),
    }
}

const GOOD: &str = "\
name,kind,city,nace_codes,description_en,website,staff_headcount,turnover,currency,figures_year,pic,companies_house
Daden Ltd,sme,Birmingham,62.01;62.02,Virtual humans,https://www.daden.co.uk,12,\"1,250,000\",GBP,2024,999999999,01234567
Innovation Birmingham,Incubator,Birmingham,,,,,,,,,
";

#[test]
fn a_comma_separated_file_reads_every_field() {
    let rows = csv(GOOD).expect("valid file");
    assert_eq!(rows.len(), 2);
    let daden = &rows[0];
    assert_eq!((daden.line, daden.city.as_str()), (2, "Birmingham"));
    assert_eq!(
        daden.draft,
        OrganisationDraft {
            name: "Daden Ltd".into(),
            kind: "sme".into(),
            nace_codes: vec!["62.01".into(), "62.02".into()],
            description_en: Some("Virtual humans".into()),
            website: Some("https://www.daden.co.uk".into()),
            staff_headcount: Some("12".into()),
            turnover: Some("1,250,000".into()),
            currency: Some("GBP".into()),
            figures_year: Some("2024".into()),
            pic: Some("999999999".into()),
            companies_house: Some("01234567".into()),
            ..Default::default()
        }
    );
    // Word forms of the kind become the key; empty cells become None, not Some("").
    assert_eq!(rows[1].draft.kind, "incubator");
    assert_eq!(rows[1].draft.website, None);
    assert!(rows[1].draft.nace_codes.is_empty());
    assert_eq!(rows[1].line, 3);
}

#[test]
fn a_semicolon_separated_file_is_detected() {
    let rows = csv("name;kind;city;turnover\nSpinLab;accelerator;Leipzig;1.250.000,50\n").expect("valid file");
    assert_eq!(rows[0].draft.name, "SpinLab");
    assert_eq!(rows[0].city, "Leipzig");
    assert_eq!(rows[0].draft.turnover.as_deref(), Some("1.250.000,50"));
}

#[test]
fn german_headers_and_kind_words_are_understood() {
    let text = "Firmenname;Art;Stadt;WZ 2008;Beschreibung;Webseite;Mitarbeiter;Umsatz;Währung;Geschäftsjahr;Handelsregister\n\
                Basislager GmbH;KMU;Leipzig;62,01;Coworking in Leipzig;https://basislager.co;25;900000;EUR;2023;HRB 12345\n";
    let rows = csv(text).expect("valid file");
    let draft = &rows[0].draft;
    assert_eq!((draft.name.as_str(), draft.kind.as_str()), ("Basislager GmbH", "sme"));
    assert_eq!(draft.nace_codes, ["62.01"]);
    assert_eq!(draft.description_de.as_deref(), Some("Coworking in Leipzig"));
    assert_eq!(draft.handelsregister.as_deref(), Some("HRB 12345"));
    assert_eq!(draft.currency.as_deref(), Some("EUR"));
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let rows = csv("\u{feff}name,kind,city\nDaden Ltd,sme,Birmingham\n").expect("valid file");
    assert_eq!(rows[0].draft.name, "Daden Ltd");
}

#[test]
fn multi_line_fields_keep_later_line_numbers_right() {
    let text = "name,kind,city,description_en\n\
                A,sme,Birmingham,\"first line\nsecond line\nthird line\"\n\
                B,sme,Birmingham,short\n\
                C,guild,Birmingham,\"x\"\"y\"\"\n";
    let rows = csv(text).expect("valid file");
    assert_eq!(rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 5, 6]);
    assert_eq!(rows[0].draft.description_en.as_deref(), Some("first line\nsecond line\nthird line"));
    // Unknown kinds pass through for validation to report with the accepted keys.
    assert_eq!(rows[2].draft.kind, "guild");

    let bad = "name,kind,city,description_en\nA,sme,Birmingham,\"two\nlines\"\nB,sme\n";
    assert_eq!(row_errors_of(csv(bad))[0].line, 4);
}

#[test]
fn missing_required_columns_are_named() {
    let err = csv("Organisation,Website,Notes\nDaden,https://daden.co.uk,x\n").expect_err("no kind or city");
    assert_eq!(
        err,
        ImportError::MissingColumns {
            missing: vec!["kind".into(), "city".into()],
            found: vec!["Organisation".into(), "Website".into(), "Notes".into()],
        }
    );
    let message = err.to_string();
    assert!(message.contains("kind, city") && message.contains("Notes"), "{message}");
}

#[test]
fn a_row_with_the_wrong_number_of_fields_is_reported_with_its_line() {
    let errors = row_errors_of(csv("name,kind,city\nA,sme,Birmingham\nB,sme\nC,sme,Leipzig,extra\nD,sme,Leipzig,,\n"));
    assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [3, 4]);
    assert!(errors[0].field.is_empty());
    assert!(errors[0].to_string().starts_with("line 3: has 2 fields but the header has 3"), "{}", errors[0]);
}

#[test]
fn every_bad_row_is_reported() {
    let mut text = String::from("name,kind,city\n");
    for i in 0..10 {
        text.push_str(if i % 3 == 0 { "bad row\n" } else { "Ok,sme,Leipzig\n" });
    }
    let err = csv(&text).expect_err("bad rows");
    let ImportError::Rows(errors) = &err else { panic!("{err:?}") };
    assert_eq!(errors.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 5, 8, 11]);
    assert!(err.to_string().starts_with("4 problem(s) in the file: line 2:"), "{err}");
}

#[test]
fn invalid_utf8_is_a_field_error_and_empty_rows_are_skipped() {
    let mut bytes = b"name,kind,city,notes\n,,,\nA\xff,sme,Leipzig,\xfe\n\nB,sme,Leipzig,ok\n".to_vec();
    let errors = row_errors_of(read(&bytes, Format::Csv, &HeaderMap::default()));
    // The unmapped "notes" column may hold anything.
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].field.as_str()), (3, "name"));
    assert!(errors[0].message.contains("UTF-8"), "{}", errors[0]);

    bytes = b"na\xffme,kind,city\n".to_vec();
    let err = read(&bytes, Format::Csv, &HeaderMap::default()).expect_err("bad header");
    assert!(matches!(err, ImportError::Unreadable { .. }), "{err:?}");
}

#[test]
fn empty_files_and_header_only_files() {
    assert!(matches!(csv(""), Err(ImportError::Unreadable { .. })));
    assert!(matches!(csv("\n\n"), Err(ImportError::Unreadable { .. })));
    assert_eq!(csv("name,kind,city\n"), Ok(Vec::new()));
}

#[test]
fn header_overrides_map_custom_columns() {
    let map = HeaderMap::with_overrides(&["Unternehmen=name".into(), " Sitz = city ".into(), "Sorte=KIND".into()])
        .expect("valid overrides");
    let rows = read("Unternehmen;Sorte;Sitz\nBasislager;KMU;Leipzig\n".as_bytes(), Format::Csv, &map).expect("valid");
    assert_eq!((rows[0].draft.name.as_str(), rows[0].city.as_str()), ("Basislager", "Leipzig"));

    assert_eq!(
        HeaderMap::with_overrides(&["Unternehmen".into()]),
        Err(ImportError::MalformedOverride { entry: "Unternehmen".into() })
    );
    assert_eq!(
        HeaderMap::with_overrides(&["Unternehmen=company".into()]),
        Err(ImportError::UnknownField { entry: "Unternehmen=company".into(), field: "company".into() })
    );
    assert!(HeaderMap::with_overrides(&["=name".into()]).is_err());
}

#[test]
fn two_columns_for_one_field_are_refused() {
    let err = csv("name,company,kind,city\nA,B,sme,Leipzig\n").expect_err("ambiguous");
    assert_eq!(err, ImportError::DuplicateColumn { field: "name".into(), headers: vec!["name".into(), "company".into()] });
}

#[test]
fn formats_follow_the_file_extension() {
    assert_eq!(Format::from_path(Path::new("orgs.CSV")), Some(Format::Csv));
    assert_eq!(Format::from_path(Path::new("dir/orgs.xlsx")), Some(Format::Xlsx));
    assert_eq!(Format::from_path(Path::new("orgs.xls")), None);
    assert_eq!(Format::from_path(Path::new("orgs")), None);
}

#[test]
fn validation_errors_become_row_errors_with_import_field_names() {
    let errors = OrganisationDraft { name: "A".into(), kind: "guild".into(), ..Default::default() }
        .validate()
        .expect_err("invalid");
    let mapped = row_errors(7, &errors);
    assert!(mapped.iter().all(|e| e.line == 7));
    assert!(mapped.iter().any(|e| e.field == "city"), "{mapped:?}");
    let kind = mapped.iter().find(|e| e.field == "kind").expect("kind error");
    assert!(kind.to_string().starts_with("line 7, field 'kind': kind must be one of"), "{kind}");
    assert!(row_errors(2, &ValidationErrors::default()).is_empty());
}

#[test]
fn nace_cells_and_kind_words() {
    assert_eq!(split_nace_codes("62.01; 62.02|J, 70.22"), ["62.01", "62.02", "J", "70.22"]);
    assert_eq!(split_nace_codes("62,01 1.11\n2"), ["62.01", "01.11", "02"]);
    assert!(split_nace_codes("  ").is_empty());
    assert_eq!(normalise_kind(" public_body "), "public_body");
    for (word, key) in [("Start-up", "startup"), ("Hochschule", "university_lab"), ("Behörde", "public_body")] {
        assert_eq!(normalise_kind(word), key, "{word}");
    }
}

/// Writes rows of cells (text, or numbers when they parse as f64 and `numbers` is set) to XLSX bytes.
fn xlsx(rows: &[&[&str]], first_row: u32, numbers: bool) -> Vec<u8> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        let r = first_row + u32::try_from(r).expect("small");
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).expect("small");
            match cell.parse::<f64>() {
                Ok(n) if numbers => sheet.write_number(r, c, n).map(|_| ()),
                _ if cell.is_empty() => Ok(()),
                _ => sheet.write_string(r, c, *cell).map(|_| ()),
            }
            .expect("write cell");
        }
    }
    workbook.save_to_buffer().expect("xlsx bytes")
}

#[test]
fn xlsx_round_trip() {
    let bytes = xlsx(
        &[
            &["Name", "Kind", "City", "NACE", "Website"],
            &["Daden Ltd", "SME", "Birmingham", "62.01;62.02", "https://www.daden.co.uk"],
            &["", "", "", "", ""],
            &["SpinLab", "Accelerator", "Leipzig", "", ""],
        ],
        0,
        false,
    );
    let rows = read(&bytes, Format::Xlsx, &HeaderMap::default()).expect("valid workbook");
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].line, rows[1].line), (2, 4));
    assert_eq!(rows[0].draft.nace_codes, ["62.01", "62.02"]);
    assert_eq!(rows[0].draft.website.as_deref(), Some("https://www.daden.co.uk"));
    assert_eq!((rows[1].draft.kind.as_str(), rows[1].city.as_str()), ("accelerator", "Leipzig"));
    assert_eq!(rows[1].draft.website, None);
}

#[test]
fn xlsx_numbers_become_plain_text() {
    // The table starts on sheet row 3: line numbers are sheet row numbers.
    let bytes = xlsx(
        &[
            &["name", "kind", "city", "staff", "turnover", "year", "pic", "nace"],
            &["Daden Ltd", "sme", "Birmingham", "12", "1250000", "2024", "999999999", "1.11"],
            &["Half", "sme", "Birmingham", "2.5", "0", "2023", "", "62.01"],
        ],
        2,
        true,
    );
    let rows = read(&bytes, Format::Xlsx, &HeaderMap::default()).expect("valid workbook");
    let d = &rows[0].draft;
    assert_eq!(rows[0].line, 4);
    assert_eq!(d.staff_headcount.as_deref(), Some("12"));
    assert_eq!(d.turnover.as_deref(), Some("1250000"));
    assert_eq!(d.figures_year.as_deref(), Some("2024"));
    assert_eq!(d.pic.as_deref(), Some("999999999"));
    // A spreadsheet drops the division's leading zero of 01.11; the importer restores it.
    assert_eq!(d.nace_codes, ["01.11"]);
    assert_eq!(rows[1].draft.staff_headcount.as_deref(), Some("2.5"));
    assert_eq!(rows[1].draft.nace_codes, ["62.01"]);
}

#[test]
fn xlsx_dates_become_iso_dates() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, header) in ["name", "kind", "city", "year"].into_iter().enumerate() {
        sheet.write_string(0, u16::try_from(c).expect("small"), header).expect("header");
        sheet.write_string(1, u16::try_from(c).expect("small"), "x").expect("cell");
    }
    let date = ExcelDateTime::from_ymd(2024, 1, 31).expect("date");
    sheet.write_datetime_with_format(1, 3, &date, &XlsxFormat::new().set_num_format("dd.mm.yyyy")).expect("date");
    let bytes = workbook.save_to_buffer().expect("xlsx bytes");
    let rows = read(&bytes, Format::Xlsx, &HeaderMap::default()).expect("valid workbook");
    // Validation then reports that this is not a year, which is clearer than Excel's serial 45322.
    assert_eq!(rows[0].draft.figures_year.as_deref(), Some("2024-01-31"));
}

#[test]
fn a_corrupt_xlsx_is_unreadable_with_a_clear_message() {
    let err = read(b"\x00\x01garbage, not a zip", Format::Xlsx, &HeaderMap::default()).expect_err("corrupt");
    let ImportError::Unreadable { message } = &err else { panic!("{err:?}") };
    assert!(message.contains("not a readable .xlsx workbook"), "{message}");

    let workbook = xlsx(&[&["name", "kind", "city"]], 0, false);
    let err = read(&workbook, Format::Csv, &HeaderMap::default()).expect_err("xlsx given as csv");
    assert!(err.to_string().contains("import it as .xlsx"), "{err}");

    let truncated = &workbook[..workbook.len() / 2];
    assert!(matches!(read(truncated, Format::Xlsx, &HeaderMap::default()), Err(ImportError::Unreadable { .. })));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn reading_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = read(&bytes, Format::Csv, &HeaderMap::default());
        let _ = read(&bytes, Format::Xlsx, &HeaderMap::default());
    }

    #[test]
    fn reading_arbitrary_text_never_panics(text in "(name|kind|city|[,;\"\n\r a-zé]){0,200}") {
        let _ = read(text.as_bytes(), Format::Csv, &HeaderMap::default());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Random bytes rarely form a zip archive, so also damage a real workbook to reach the XML parser.
    #[test]
    fn reading_a_damaged_workbook_never_panics(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = xlsx(&[&["name", "kind", "city"], &["Daden", "sme", "Birmingham"]], 0, false);
        for (index, value) in flips {
            let i = index.index(bytes.len());
            bytes[i] = value;
        }
        let _ = read(&bytes, Format::Xlsx, &HeaderMap::default());
    }
}
