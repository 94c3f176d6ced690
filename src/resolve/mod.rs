//! Resolution: dates and speakers across the corpus.

pub mod dates;
pub mod speakers;
pub mod when;
