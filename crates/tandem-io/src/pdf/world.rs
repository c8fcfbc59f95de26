//! The smallest typst `World` that compiles our templates: one main source, a few in-memory
//! files (the JSON data, never user text spliced into markup), the fonts bundled with
//! typst-assets, and no file system, packages or clock. So a PDF depends on its inputs only,
//! and nothing is read from or fetched onto the server.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// What every compilation shares: the standard library and the fonts (parsed once, ~10 MB).
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        // Libertinus Serif (text, covers Latin Extended-A: ä ö ü ß ł ś ź č ř ě ů …), New Computer
        // Modern and DejaVu Sans Mono (codes), all under the OFL or a permissive licence.
        let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// The bundled fonts, for tests that check glyph coverage.
#[cfg(test)]
pub(crate) fn fonts() -> &'static [Font] {
    &shared().fonts
}

/// A file id for an absolute path in the project root. The ids are interned, so using the
/// same few paths for every document does not grow typst's file table.
fn file_id(path: &str) -> FileResult<FileId> {
    let vpath = VirtualPath::new(path).map_err(|_| FileError::NotFound(path.into()))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

pub(crate) struct DocWorld {
    main: Source,
    files: Vec<(FileId, Bytes)>,
}

impl DocWorld {
    /// `template` becomes `/main.typ`; `files` are (absolute path, content) pairs it may read.
    pub(crate) fn new(template: &'static str, files: Vec<(&str, Vec<u8>)>) -> FileResult<Self> {
        let main = Source::new(file_id("/main.typ")?, template.to_owned());
        let files = files
            .into_iter()
            .map(|(path, data)| Ok((file_id(path)?, Bytes::new(data))))
            .collect::<FileResult<Vec<_>>>()?;
        Ok(Self { main, files })
    }
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, data)| data.clone())
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    /// No clock: templates get dates from the data, so the same input gives the same PDF.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}
