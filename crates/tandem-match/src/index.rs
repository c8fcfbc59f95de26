//! Weighted term vectors of documents in an inverted index.
