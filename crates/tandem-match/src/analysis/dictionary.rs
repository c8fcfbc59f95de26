//! Parsing of bilingual dictionary lines: Ding / FreeDict text (`Deutsch :: English`), plain
//! `de<TAB>en`, and the curated lexicon's three-column form.

/// One dictionary pairing: every German phrase translates to every English phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pairing {
    /// German phrases, annotations removed.
    pub de: Vec<String>,
    /// English phrases, annotations removed.
    pub en: Vec<String>,
}

/// One line of the curated lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CuratedLine {
    /// A concept (`id<TAB>english|…<TAB>german|…`): labels are the first terms.
    Concept {
        id: String,
        en: Vec<String>,
        de: Vec<String>,
    },
    /// A word entry (`-<TAB>english|…<TAB>german|…`).
    Words(Pairing),
}

/// Parses one line of a Ding/FreeDict or tab-separated dictionary. `Ok(None)` for blank and
/// `#` comment lines; `Err` says what is wrong and how to fix it.
pub(crate) fn parse_dictionary_line(line: &str) -> Result<Option<Vec<Pairing>>, String> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return Ok(None);
    }
    if let Some((de, en)) = line.split_once("::") {
        if en.contains("::") {
            return Err("more than one '::'; a Ding line is 'Deutsch :: English'".into());
        }
        let de_parts: Vec<&str> = de.split('|').collect();
        let en_parts: Vec<&str> = en.split('|').collect();
        if de_parts.len() != en_parts.len() {
            return Err(format!(
                "the German side has {} '|'-separated parts and the English side {}; give each \
                 German part its English part, or join synonyms with ';'",
                de_parts.len(),
                en_parts.len()
            ));
        }
        let mut pairings = Vec::new();
        for (d, e) in de_parts.iter().zip(&en_parts) {
            let de = synonyms(d, &[';'])?;
            let en = synonyms(e, &[';'])?;
            if !de.is_empty() && !en.is_empty() {
                pairings.push(Pairing { de, en });
            }
        }
        if pairings.is_empty() {
            return Err(
                "no German and English words left after removing annotations; write \
                        'Deutsch :: English'"
                    .into(),
            );
        }
        return Ok(Some(pairings));
    }
    if line.contains('\t') {
        let columns: Vec<&str> = line.split('\t').collect();
        let [de, en] = columns.as_slice() else {
            return Err(format!(
                "{} tab-separated columns; a TSV dictionary line is 'Deutsch<TAB>English' \
                 (separate synonyms with ';' or '|')",
                columns.len()
            ));
        };
        return pairing(de, en).map(|p| Some(vec![p]));
    }
    Err("no '::' and no tab; write 'Deutsch :: English' (Ding) or 'Deutsch<TAB>English'".into())
}

/// Parses one line of the curated lexicon (see the header of `data/lexicon/en-de.tsv`).
pub(crate) fn parse_curated_line(line: &str) -> Result<Option<CuratedLine>, String> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return Ok(None);
    }
    let columns: Vec<&str> = line.split('\t').collect();
    let [id, en, de] = columns.as_slice() else {
        return Err(format!(
            "{} tab-separated columns; write 'id<TAB>english|…<TAB>german|…' (id '-' for a \
             word entry)",
            columns.len()
        ));
    };
    let Pairing { de, en } = pairing(de, en)?;
    let id = id.trim();
    if id == "-" {
        return Ok(Some(CuratedLine::Words(Pairing { de, en })));
    }
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_.-:".contains(c))
    {
        return Err(format!(
            "concept id '{id}' must be ASCII letters, digits, '_', '.', '-' or ':' (or '-' for \
             a word entry)"
        ));
    }
    Ok(Some(CuratedLine::Concept {
        id: id.to_owned(),
        en,
        de,
    }))
}

fn pairing(de: &str, en: &str) -> Result<Pairing, String> {
    let de = synonyms(de, &[';', '|'])?;
    let en = synonyms(en, &[';', '|'])?;
    if de.is_empty() || en.is_empty() {
        return Err("a side is empty; both the German and the English column need a word".into());
    }
    Ok(Pairing { de, en })
}

/// Splits one side into synonyms and removes annotations.
fn synonyms(side: &str, separators: &[char]) -> Result<Vec<String>, String> {
    let clean = strip_annotations(side)?;
    Ok(clean
        .split(separators)
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect())
}

/// Removes `{m}`, `[Br.]`, `(etw.)` and `<Abk.>` style annotations (Ding's grammar, usage and
/// abbreviation notes), which are not part of the phrase.
fn strip_annotations(side: &str) -> Result<String, String> {
    let mut out = String::with_capacity(side.len());
    let mut open: Vec<char> = Vec::new();
    for c in side.chars() {
        match c {
            '{' | '[' | '(' | '<' => open.push(c),
            '}' | ']' | ')' | '>' => {
                let expected = match c {
                    '}' => '{',
                    ']' => '[',
                    ')' => '(',
                    _ => '<',
                };
                if open.pop() != Some(expected) {
                    return Err(format!("unbalanced '{c}'; close every bracket it opens"));
                }
            }
            c if open.is_empty() => out.push(c),
            _ => {}
        }
    }
    if let Some(c) = open.last() {
        return Err(format!("unclosed '{c}'; close every bracket it opens"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ding_line_with_annotations() {
        let got = parse_dictionary_line(
            "Gebäude {n}; Bau {m} | Gebäude {pl} :: building; structure [Br.] | buildings (pl)",
        );
        assert_eq!(
            got,
            Ok(Some(vec![
                Pairing {
                    de: vec!["Gebäude".into(), "Bau".into()],
                    en: vec!["building".into(), "structure".into()]
                },
                Pairing {
                    de: vec!["Gebäude".into()],
                    en: vec!["buildings".into()]
                },
            ]))
        );
    }

    #[test]
    fn unbalanced_bracket_is_an_error() {
        assert!(parse_dictionary_line("Haus {n :: house").is_err());
        assert!(parse_dictionary_line("Haus house").is_err());
        assert_eq!(parse_dictionary_line("# comment"), Ok(None));
    }
}
