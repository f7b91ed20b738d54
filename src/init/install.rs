//! Where the starter's CI workflow installs govatlas from.
//!
//! A site's repository holds content, not govatlas's source, so its CI runs
//! `cargo install --git URL --rev REV`. The best URL and revision are the
//! ones the running govatlas came from: `cargo install --git` records them
//! in `$CARGO_HOME/.crates2.json` (`"govatlas 0.1.0 (git+URL#COMMIT)"`), so
//! CI builds the very commit the researcher has. Installed some other way
//! (`cargo install --path .`), the package's `repository` is used at its
//! default branch; without one the workflow says which line to fill in.

use std::path::PathBuf;

/// A git URL and a branch, tag or commit of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Install {
    /// The repository (empty when unknown).
    pub git: String,
    /// A commit, branch or tag; `HEAD` for the default branch.
    pub rev: String,
}

impl Install {
    /// Where this govatlas came from, as well as can be told.
    pub fn detect() -> Install {
        let recorded = cargo_home()
            .and_then(|home| std::fs::read_to_string(home.join(".crates2.json")).ok())
            .and_then(|text| from_crates2(&text));
        recorded.unwrap_or_else(|| Install {
            git: env!("CARGO_PKG_REPOSITORY").to_string(),
            rev: "HEAD".into(),
        })
    }
}

fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
}

/// The git source of the installed `govatlas` package in cargo's install
/// record, if it was installed from git.
pub fn from_crates2(text: &str) -> Option<Install> {
    let record: serde_json::Value = serde_json::from_str(text).ok()?;
    record["installs"].as_object()?.keys().find_map(|key| {
        let rest = key.strip_prefix("govatlas ")?;
        let source = rest.split_once(" (git+")?.1.strip_suffix(')')?;
        let (url, commit) = source.split_once('#')?;
        // `?branch=`, `?tag=` or `?rev=` says what was asked for; the
        // fragment is the commit it was.
        let url = url.split('?').next()?;
        Some(Install {
            git: url.to_string(),
            rev: commit.to_string(),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_git_source_of_an_install() {
        let text = r#"{"installs":{
            "ripgrep 14.1.0 (registry+https://github.com/rust-lang/crates.io-index)":{"bins":["rg"]},
            "govatlas 0.1.0 (git+https://git.example/team/govatlas?branch=main#0123abcd)":{"bins":["govatlas"]}
        }}"#;
        assert_eq!(
            from_crates2(text),
            Some(Install {
                git: "https://git.example/team/govatlas".into(),
                rev: "0123abcd".into()
            })
        );
    }

    #[test]
    fn a_path_install_has_no_git_source() {
        let text = r#"{"installs":{"govatlas 0.1.0 (path+file:///home/me/govatlas)":{"bins":["govatlas"]}}}"#;
        assert_eq!(from_crates2(text), None);
        assert_eq!(from_crates2("not json"), None);
    }
}
