//! Hooks for fuzz targets and corruption tests, behind the `fuzzing`
//! feature. Not part of the stable API: they exist so that damaged data can
//! get past the integrity checksum and reach the structure checks behind
//! it, which random damage alone never does.

/// Rewrites the payload length and the checksum in the header of a compiled
/// lexicon or mirror index, in place, so the header accepts whatever the
/// payload now holds. Returns false, writing nothing, when `bytes` is
/// shorter than a header.
///
/// Cost: one pass over `bytes`.
///
/// # Example
///
/// ```
/// use vigil::Lexicon;
///
/// let mut bytes = Lexicon::embedded().to_bytes();
/// let last = bytes.len() - 1;
/// bytes[last] ^= 0x55;
/// assert!(Lexicon::from_bytes(&bytes).is_err()); // the checksum sees it
/// assert!(vigil::fuzzing::reseal(&mut bytes));
/// // Past the checksum, the loader's structure checks decide; either way,
/// // no panic.
/// let _ = Lexicon::from_bytes(&bytes);
/// ```
pub fn reseal(bytes: &mut [u8]) -> bool {
    crate::codec::reseal(bytes)
}
