//! The site's public address: the `base_url` of `site.yaml`, or the
//! `--base-url` of a command, when it is one a reader can reach.
//!
//! Only citations, `sitemap.xml`, `robots.txt`'s `Sitemap:` line and the
//! Atom feeds need it (every link inside the site is relative). A site with
//! no address, or with a reserved one (RFC 2606 and RFC 6761: `example.com`,
//! `example.net`, `example.org`, `*.example`, `*.test`, `*.invalid`,
//! `localhost`), is treated alike: citations say the site has no public
//! address instead of printing a dead URL, and the sitemap and feeds, whose
//! formats require absolute URLs, are not written.

/// Where the site is published, as far as the content and the command say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A public address, ending in `/`.
    Public(String),
    /// No `base_url` and no `--base-url`.
    Missing,
    /// An address on a reserved name, which no one can reach.
    Reserved {
        /// The address as given.
        url: String,
        /// The name and why it is reserved.
        why: String,
    },
}

impl Address {
    /// Judges an absolute http(s) URL (already checked to be one).
    pub fn of(url: Option<&str>) -> Address {
        let Some(url) = url.map(str::trim) else {
            return Address::Missing;
        };
        match reserved(host(url)) {
            Some(why) => Address::Reserved {
                url: url.to_string(),
                why,
            },
            None if url.ends_with('/') => Address::Public(url.to_string()),
            None => Address::Public(format!("{url}/")),
        }
    }

    /// The public address, if there is one.
    pub fn public(&self) -> Option<&str> {
        match self {
            Address::Public(u) => Some(u),
            _ => None,
        }
    }

    /// `path` (relative to the site root) as an absolute URL, if the site
    /// has a public address.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.public().map(|base| format!("{base}{path}"))
    }
}

/// The host of an absolute URL, lowercased, without port, user or a
/// trailing dot.
fn host(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        host_port
            .split(']')
            .next()
            .unwrap_or_default()
            .trim_start_matches('[')
    } else {
        host_port.split(':').next().unwrap_or_default()
    };
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// Why `host` is reserved, if it is: the example second-level domains
/// (RFC 2606 §3), the reserved top-level names (RFC 2606 §2, RFC 6761),
/// and loopback addresses.
fn reserved(host: String) -> Option<String> {
    const EXAMPLE_DOMAINS: [&str; 3] = ["example.com", "example.net", "example.org"];
    const RESERVED_TLDS: [&str; 3] = ["example", "test", "invalid"];
    if let Some(d) = EXAMPLE_DOMAINS
        .iter()
        .find(|d| host == **d || host.ends_with(&format!(".{d}")))
    {
        return Some(format!("{d} is reserved for examples by RFC 2606"));
    }
    let tld = host.rsplit('.').next().unwrap_or_default();
    if tld == "localhost" {
        return Some("localhost names this computer, by RFC 6761".into());
    }
    if RESERVED_TLDS.contains(&tld) {
        return Some(format!(
            ".{tld} is reserved by RFC 2606 and never resolves on the internet"
        ));
    }
    if host.starts_with("127.") || host == "::1" || host == "0.0.0.0" {
        return Some(format!("{host} is this computer's own address"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn public(url: &str) -> Option<String> {
        Address::of(Some(url)).public().map(str::to_string)
    }

    #[test]
    fn reserved_names_have_no_public_address() {
        for url in [
            "https://example.org/govatlas/",
            "https://EXAMPLE.com",
            "http://www.example.net/x",
            "https://atlas.example/",
            "https://atlas.test/",
            "https://a.b.invalid/",
            "http://localhost:8000/",
            "http://user@localhost./",
            "http://127.0.0.1:8000/",
            "http://[::1]:8000/",
        ] {
            assert_eq!(public(url), None, "{url}");
        }
    }

    #[test]
    fn other_names_are_public_and_end_in_a_slash() {
        assert_eq!(
            public("https://me.github.io/atlas").as_deref(),
            Some("https://me.github.io/atlas/")
        );
        // Names that only contain a reserved one are not reserved.
        assert!(public("https://example.org.tw/").is_some());
        assert!(public("https://myexample.com/").is_some());
        assert!(public("https://testing.dev/").is_some());
        assert_eq!(Address::of(None), Address::Missing);
        assert_eq!(
            Address::of(Some("https://me.github.io/a/"))
                .absolute("en/index.html")
                .as_deref(),
            Some("https://me.github.io/a/en/index.html")
        );
    }
}
