//! Output files kept in pieces, so that an update re-makes a few pieces
//! and `serve` rewrites each file only from the first piece that changed.

/// One output file kept in pieces.
pub(super) trait Part {
    fn path(&self) -> &str;
    /// Exact length of the file.
    fn len(&self) -> usize;
    /// Hands the file to `f` piece by piece, in order, each with whether it
    /// is at or after the first piece the last update changed.
    fn pieces(&self, f: &mut dyn FnMut(&[u8], bool));
    /// Appends the file to `out`.
    fn write(&self, out: &mut Vec<u8>) {
        self.pieces(&mut |bytes, _| out.extend_from_slice(bytes));
    }
}

/// A file that does not depend on the cases' contents.
pub(super) struct Fixed {
    pub path: String,
    pub bytes: Vec<u8>,
    /// Whether the last update changed it.
    pub changed: bool,
}

impl Fixed {
    /// Puts `bytes` in, noting whether they differ.
    pub fn set(&mut self, bytes: Vec<u8>) {
        if bytes != self.bytes {
            self.bytes = bytes;
            self.changed = true;
        }
    }
}

impl Part for Fixed {
    fn path(&self) -> &str {
        &self.path
    }
    fn len(&self) -> usize {
        self.bytes.len()
    }
    fn pieces(&self, f: &mut dyn FnMut(&[u8], bool)) {
        f(&self.bytes, self.changed);
    }
}

/// A file made of a fixed head, one item per case joined by `sep`, and a
/// fixed tail.
pub(super) struct Joined {
    pub path: String,
    pub head: Vec<u8>,
    pub sep: &'static [u8],
    pub items: Vec<Vec<u8>>,
    pub tail: Vec<u8>,
    /// The whole file when there is no item, if it is not head + tail.
    pub empty: Option<Vec<u8>>,
    /// The first item the last update changed.
    pub dirty: Option<usize>,
    /// Whether the last update changed the head (then everything after it
    /// counts as changed).
    pub head_changed: bool,
}

impl Joined {
    /// A file of `items` between `head` and `tail`.
    pub fn new(
        path: String,
        head: Vec<u8>,
        sep: &'static [u8],
        items: Vec<Vec<u8>>,
        tail: Vec<u8>,
    ) -> Joined {
        Joined {
            path,
            head,
            sep,
            items,
            tail,
            empty: None,
            dirty: None,
            head_changed: false,
        }
    }

    /// Forgets what the last update changed.
    pub fn clean(&mut self) {
        self.dirty = None;
        self.head_changed = false;
    }

    /// Replaces item `n` when `new` differs, remembering the first change.
    pub fn put(&mut self, n: usize, new: Vec<u8>) {
        if self.items[n] != new {
            self.items[n] = new;
            self.dirty = Some(self.dirty.map_or(n, |d| d.min(n)));
        }
    }

    /// Replaces the head (and tail) and every item.
    pub fn replace_all(&mut self, head: Vec<u8>, items: Vec<Vec<u8>>, tail: Vec<u8>) {
        self.head_changed = head != self.head;
        self.head = head;
        for (n, item) in items.into_iter().enumerate() {
            self.put(n, item);
        }
        if tail != self.tail {
            self.tail = tail;
            self.dirty = Some(self.dirty.unwrap_or(self.items.len()));
        }
    }
}

impl Part for Joined {
    fn path(&self) -> &str {
        &self.path
    }
    fn len(&self) -> usize {
        match &self.empty {
            Some(e) if self.items.is_empty() => e.len(),
            _ => {
                self.head.len()
                    + self.items.iter().map(Vec::len).sum::<usize>()
                    + self.sep.len() * self.items.len().saturating_sub(1)
                    + self.tail.len()
            }
        }
    }
    fn pieces(&self, f: &mut dyn FnMut(&[u8], bool)) {
        let any = self.dirty.is_some() || self.head_changed;
        let dirty = if self.head_changed {
            0
        } else {
            self.dirty.unwrap_or(usize::MAX)
        };
        if let Some(e) = self.empty.as_ref().filter(|_| self.items.is_empty()) {
            return f(e, any);
        }
        f(&self.head, self.head_changed);
        for (n, item) in self.items.iter().enumerate() {
            if n > 0 {
                f(self.sep, n >= dirty);
            }
            f(item, n >= dirty);
        }
        f(&self.tail, any);
    }
}
