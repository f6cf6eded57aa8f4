//! Mirror accounts (being written).
