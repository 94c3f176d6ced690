//! Bytes to text: BOMs, legacy encodings, mojibake repair, control removal.
#![no_main]
use libfuzzer_sys::fuzz_target;
use quoteline::load::decode;

fuzz_target!(|data: &[u8]| {
    let declared = decode::declared_encoding(data);
    if let Ok((text, _)) = decode::decode_bytes(data, declared) {
        assert!(
            !text.chars().any(quoteline::load::decode::is_unsafe_char),
            "control left: {text:?}"
        );
        assert!(!text.contains('\r'));
    }
});
