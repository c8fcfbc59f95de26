//! Behaviour of the EN/DE analysis layer: detection, compounds, the bilingual lexicon and the
//! shipped curated lexicon.

use tandem_match::analysis::{
    Analysis, Analyzer, Language, Lexicon, LexiconError, TermKind, detect,
};

fn keys(analysis: &Analysis) -> Vec<&str> {
    analysis.terms.iter().map(|t| t.key.as_str()).collect()
}

fn shared<'a>(a: &'a Analysis, b: &Analysis) -> Vec<&'a str> {
    keys(a)
        .into_iter()
        .filter(|k| b.term(k).is_some())
        .collect()
}

#[test]
fn detects_english_and_german() {
    assert_eq!(
        detect("virtual reality training simulations for medical devices"),
        Some(Language::En)
    );
    assert_eq!(
        detect("VR-Trainingssimulationen für die Medizintechnik"),
        Some(Language::De)
    );
    assert_eq!(
        detect("We are looking for a partner to develop software for the logistics industry."),
        Some(Language::En)
    );
    assert_eq!(
        detect(
            "Wir suchen einen Partner für die Entwicklung von Software für die Logistikbranche."
        ),
        Some(Language::De)
    );
    assert_eq!(detect("Die Firma und der Kunde"), Some(Language::De));
    assert_eq!(detect(""), None);
    assert_eq!(detect("1234"), None);
}

#[test]
fn medizintechnik_splits_into_medizin_and_technik() {
    // The shipped vocabulary knows the parts, even without a lexicon.
    let analyzer = Analyzer::new(Lexicon::empty());
    assert_eq!(
        analyzer.split_compound("Medizintechnik"),
        Some(vec!["medizin".to_owned(), "technik".to_owned()])
    );
    assert_eq!(
        analyzer.split_compound("Trainingssimulationen"),
        Some(vec!["training".to_owned(), "simulationen".to_owned()])
    );
    assert_eq!(analyzer.split_compound("Technik"), None);
    assert_eq!(analyzer.split_compound("Quatschwort"), None);
}

#[test]
fn vr_training_simulations_meet_across_languages() {
    let analyzer = Analyzer::new(Lexicon::curated());
    let de = analyzer.analyze("VR-Trainingssimulationen für die Medizintechnik", None);
    let en = analyzer.analyze(
        "virtual reality training simulations for medical devices",
        None,
    );
    assert_eq!(de.language, Language::De);
    assert_eq!(en.language, Language::En);
    let common = shared(&de, &en);
    for key in [
        "c:virtual_reality",
        "c:training",
        "c:simulation",
        "c:medical_devices",
        "w:train",
        "w:simul",
        "w:medic",
        "w:devic",
    ] {
        assert!(
            common.contains(&key),
            "{key} missing from shared keys {common:?}\nDE {:?}\nEN {:?}",
            keys(&de),
            keys(&en)
        );
    }
    let medtech = de.term("c:medical_devices").map(|t| t.surface.as_str());
    assert_eq!(medtech, Some("Medizintechnik"));
    assert_eq!(
        de.term("c:medical_devices").map(|t| t.kind),
        Some(TermKind::Concept)
    );
}

#[test]
fn cognates_meet_without_a_lexicon() {
    let analyzer = Analyzer::new(Lexicon::empty());
    let de = analyzer.analyze(
        "Technologie Produktion Elektrizität Mechanik Logistik Kapazität Software",
        Some(Language::De),
    );
    let en = analyzer.analyze(
        "technology production electricity mechanics logistics capacity software",
        Some(Language::En),
    );
    let common: Vec<&str> = shared(&de, &en)
        .into_iter()
        .filter(|k| k.starts_with("g:"))
        .collect();
    assert_eq!(common.len(), 7, "shared cognate keys: {common:?}");
}

#[test]
fn ding_lines_with_annotations_are_parsed() {
    let mut lexicon = Lexicon::empty();
    let text = "# Ding sample\n\
                Werkzeugmaschine {f}; Bearbeitungsmaschine {f} | Werkzeugmaschinen {pl} :: machine tool; machining machine | machine tools\n\
                Gießerei {f} [techn.] :: foundry (metal works)\n\
                Zahnrad\tgear wheel; cog\n";
    let added = lexicon.add_dictionary(text).expect("valid dictionary");
    // The plural shares the singular's key, so it adds to that entry.
    assert_eq!(added, 4);
    assert_eq!(
        lexicon.translate("Gießerei"),
        Some(&["foundri".to_owned()][..])
    );
    assert_eq!(
        lexicon.translate("Werkzeugmaschinen").map(<[String]>::len),
        Some(2)
    );
    assert_eq!(
        lexicon.translate("Zahnräder"),
        Some(&["gear".to_owned(), "wheel".to_owned(), "cog".to_owned()][..])
    );
    let analyzer = Analyzer::new(lexicon);
    let a = analyzer.analyze("Die Gießerei fertigt Zahnräder", Some(Language::De));
    assert!(
        a.term("w:foundri").is_some() && a.term("w:cog").is_some(),
        "{:?}",
        keys(&a)
    );
}

#[test]
fn malformed_dictionary_line_reports_its_line_number() {
    let mut lexicon = Lexicon::empty();
    let err = lexicon
        .add_dictionary("Haus {n} :: house\n\nGarten {m :: garden\n")
        .expect_err("unclosed bracket");
    let LexiconError::Line { line, message } = err;
    assert_eq!(line, 3);
    assert!(message.contains('{'), "{message}");
    let err = lexicon
        .add_dictionary("Haus | Häuser :: house\n")
        .expect_err("unbalanced parts");
    assert!(err.to_string().starts_with("line 1:"), "{err}");
    let err = lexicon
        .add_dictionary("Haus house\n")
        .expect_err("no separator");
    assert!(err.to_string().contains("'::'"), "{err}");
}

#[test]
fn curated_lexicon_parses_and_is_large() {
    let mut lexicon = Lexicon::empty();
    let lines = lexicon
        .add_tsv(tandem_match::analysis::CURATED_TSV)
        .unwrap_or_else(|e| panic!("data/lexicon/en-de.tsv: {e}"));
    assert!(lines > 1500, "{lines} lines");
    let curated = Lexicon::curated();
    assert_eq!(curated.len(), lexicon.len());
    assert!(
        curated.dictionary_len() > 2500,
        "{} dictionary entries",
        curated.dictionary_len()
    );
    assert!(
        curated.concept_count() > 80,
        "{} concepts",
        curated.concept_count()
    );
    assert_eq!(
        curated.concept_label("medical_devices", Language::De),
        Some("Medizinprodukte")
    );
    assert_eq!(
        curated.concept_label("medical_devices", Language::En),
        Some("medical devices")
    );
}

#[test]
fn stopwords_produce_no_terms() {
    let analyzer = Analyzer::new(Lexicon::curated());
    assert!(
        analyzer
            .analyze("the and of for with which would", Some(Language::En))
            .terms
            .is_empty()
    );
    assert!(
        analyzer
            .analyze("der die das und für mit über werden", Some(Language::De))
            .terms
            .is_empty()
    );
    assert!(analyzer.analyze("", None).terms.is_empty());
}

#[test]
fn output_is_deterministic() {
    let text = "Herstellung von Kunststoffteilen und Werkzeugmaschinen für die Automobilindustrie";
    let a = Analyzer::new(Lexicon::curated()).analyze(text, None);
    let b = Analyzer::new(Lexicon::curated()).analyze(text, None);
    assert_eq!(a, b);
    assert!(
        a.terms.windows(2).all(|w| w[0].key < w[1].key),
        "sorted, one term per key"
    );
}

#[test]
fn terms_merge_per_key_with_dampened_weight() {
    let analyzer = Analyzer::new(Lexicon::empty());
    let a = analyzer.analyze("software software software", Some(Language::En));
    let t = a.term("w:softwar").expect("software term");
    assert!(t.weight > 1.0 && t.weight < 3.0, "{}", t.weight);
    assert_eq!(t.surface, "software");
}
