//! Names this build for the reader's cache of read articles
//! (`src/cache.rs`): a cache written by another build, whose cleaning or
//! extraction may differ, is not used. A hash of every file under `src/`,
//! of `Cargo.toml`, `Cargo.lock` and this file, of the compiler's version
//! (its Unicode tables decide what is a letter) and of the profile: the
//! same for every build of them whatever the files' times, different when
//! any of them changes.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=Cargo.toml");
    let mut files = vec![
        PathBuf::from("Cargo.lock"),
        PathBuf::from("Cargo.toml"),
        PathBuf::from("build.rs"),
    ];
    add_files(Path::new("src"), &mut files);
    files.sort();
    // FNV-1a, 64 bits: no crate for the build script.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in &files {
        eat(file.to_string_lossy().as_bytes());
        eat(&[0]);
        eat(&std::fs::read(file).unwrap_or_default());
        eat(&[0]);
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc).arg("-vV").output();
    eat(&version.map(|o| o.stdout).unwrap_or_default());
    eat(std::env::var("PROFILE").unwrap_or_default().as_bytes());
    println!("cargo:rustc-env=QUOTELINE_SOURCE_HASH={hash:016x}");
}

fn add_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(listing) = std::fs::read_dir(dir) else { return };
    for entry in listing.flatten() {
        let path = entry.path();
        if path.is_dir() {
            add_files(&path, out);
        } else {
            out.push(path);
        }
    }
}
