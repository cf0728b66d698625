//! Looking a name up among several things that may each have many names
//! (an id, aliases, texts in every language), where a name shared by two
//! things is an error and not a guess.

use super::layout::normalize;
use std::collections::HashMap;

/// How strongly a name belongs to a thing: an id beats an alias, which
/// beats a text or label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// The thing's id.
    Id,
    /// One of its aliases.
    Alias,
    /// Its text or label in some language.
    Label,
}

/// What a name is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Nothing.
    None,
    /// One thing, by its index.
    One(usize),
    /// Several, at the same tier: the name does not decide.
    Several(Vec<usize>),
}

/// Names of numbered things, compared without case or extra space.
#[derive(Debug, Default, Clone)]
pub struct Names {
    map: HashMap<String, Vec<(Tier, usize)>>,
    /// Every name as written, for "did you mean".
    written: Vec<String>,
}

impl Names {
    /// Adds a name of thing `index`.
    pub fn add(&mut self, name: &str, tier: Tier, index: usize) {
        let key = normalize(name);
        if key.is_empty() {
            return;
        }
        let entry = self.map.entry(key).or_default();
        if !entry.contains(&(tier, index)) {
            entry.push((tier, index));
        }
        if !self.written.iter().any(|w| w == name) {
            self.written.push(name.to_owned());
        }
    }

    /// The thing a name belongs to.
    pub fn find(&self, name: &str) -> Found {
        let Some(entries) = self.map.get(&normalize(name)) else {
            return Found::None;
        };
        let best = entries.iter().map(|(t, _)| *t).min();
        let mut at_best: Vec<usize> = entries
            .iter()
            .filter(|(t, _)| Some(*t) == best)
            .map(|(_, i)| *i)
            .collect();
        at_best.sort_unstable();
        at_best.dedup();
        match at_best[..] {
            [one] => Found::One(one),
            _ => Found::Several(at_best),
        }
    }

    /// Every name as written, in the order added.
    pub fn all(&self) -> Vec<&str> {
        self.written.iter().map(String::as_str).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_beats_a_label_and_a_shared_label_decides_nothing() {
        let mut names = Names::default();
        names.add("email", Tier::Id, 0);
        names.add("E-mail", Tier::Label, 0);
        names.add("Post", Tier::Label, 1);
        names.add("post", Tier::Label, 2);
        names.add("1", Tier::Alias, 0);
        names.add("1", Tier::Id, 3);
        assert_eq!(names.find("  E-MAIL "), Found::One(0));
        assert_eq!(names.find("post"), Found::Several(vec![1, 2]));
        assert_eq!(names.find("1"), Found::One(3));
        assert_eq!(names.find("fax"), Found::None);
    }
}
