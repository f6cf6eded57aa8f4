//! Property-test settings shared by the test crates that run proptest.

use proptest::test_runner::{Config, RngSeed};

/// Property-test settings: `cases` cases from a fixed seed, so CI is
/// repeatable. To explore beyond what CI runs, set
/// `PROPTEST_RNG_SEED` (any number) and `PROPTEST_CASES`, e.g.
/// `PROPTEST_RNG_SEED=$RANDOM PROPTEST_CASES=100000 cargo test --release`.
pub fn proptest_config(cases: u32) -> Config {
    let env = Config::default();
    let set = |name: &str| std::env::var_os(name).is_some();
    Config {
        cases: if set("PROPTEST_CASES") {
            env.cases
        } else {
            cases
        },
        rng_seed: if set("PROPTEST_RNG_SEED") {
            env.rng_seed
        } else {
            RngSeed::Fixed(0x5EED_1E55)
        },
        ..env
    }
}
