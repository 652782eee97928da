#![no_main]
// libfuzzer-sys's entry point is an `extern "C"` function with `#[no_mangle]`, so this root
// cannot forbid unsafe code; the body is safe code in zonegate_fuzz (src/lib.rs), which does.

libfuzzer_sys::fuzz_target!(|data: &[u8]| zonegate_fuzz::spec(data));
