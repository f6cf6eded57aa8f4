#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| vigil_fuzz::lexicon_from_bytes(data));
