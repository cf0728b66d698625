//! Levels share respondents: everyone who answered a question of every
//! level is in the same cell of each, and a level that every respondent
//! answered counts exactly the people of each cell. So a cell hidden in one
//! level and published in another could give the hidden one away. What is
//! hidden anywhere is hidden in every level ([`hide_everywhere`]), except
//! where a level has that cell only as its own total by another name (its
//! only period, a segment's only value), which is published anyway.

use super::{hide_cell, hide_period};
use crate::score::{BreakdownCell, LevelScore};
use std::collections::BTreeSet;

/// A cell's place in any level: the same place counts the same people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    /// A whole period.
    Period(usize),
    /// A segment value's cell in a period.
    Cell(usize, usize, usize),
    /// A segment value's cell overall.
    Overall(usize, usize),
}

/// The places hidden in any of `levels`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hidden(BTreeSet<Place>);

fn is_hidden(cell: &BreakdownCell) -> bool {
    matches!(cell, BreakdownCell::Hidden { .. })
}

/// Where any of `levels` hides something.
pub fn hidden_anywhere(levels: &[LevelScore]) -> Hidden {
    let mut places = BTreeSet::new();
    for level in levels {
        for (p, period) in level.by_period.iter().enumerate() {
            if period.hidden {
                places.insert(Place::Period(p));
                continue;
            }
            for (s, row) in period.by_segment.iter().enumerate() {
                for (v, cell) in row.iter().enumerate() {
                    if is_hidden(cell) {
                        places.insert(Place::Cell(p, s, v));
                    }
                }
            }
        }
        for (s, row) in level.by_segment.iter().enumerate() {
            for (v, cell) in row.iter().enumerate() {
                if is_hidden(cell) {
                    places.insert(Place::Overall(s, v));
                }
            }
        }
    }
    Hidden(places)
}

/// Hides in `level` what is hidden elsewhere; returns how many cells (a
/// period counts as one) it hid. `audience` is the audience's place in its
/// segment, whose overall cell is the level's total.
pub fn hide_everywhere(level: &mut LevelScore, hidden: &Hidden, audience: Option<(usize, usize)>) -> u64 {
    let mut count = 0;
    let periods = level.by_period.len();
    for place in &hidden.0 {
        match *place {
            Place::Period(p) if periods > 1 => {
                if let Some(period) = level.by_period.get_mut(p) {
                    if !period.hidden && period.responses > 0 && hide_period(period) {
                        count += 1;
                    }
                }
            }
            Place::Period(_) => {}
            Place::Cell(p, s, v) => {
                if let Some(row) = level.by_period.get_mut(p).and_then(|p| p.by_segment.get_mut(s)) {
                    count += hide_in(row, s, v, audience);
                }
            }
            Place::Overall(s, v) => {
                if let Some(row) = level.by_segment.get_mut(s) {
                    count += hide_in(row, s, v, audience);
                }
            }
        }
    }
    count
}

/// Hides value `v` of segment `s`'s `row`, unless the row says it is the
/// level's total; 1 when it hid a published cell. A row lists the declared
/// values, then the respondents without one where the level has any.
fn hide_in(row: &mut [BreakdownCell], s: usize, v: usize, audience: Option<(usize, usize)>) -> u64 {
    let own_total = row.len() == 1 || audience == Some((s, v));
    match row.get_mut(v) {
        Some(cell @ BreakdownCell::Score { .. }) if !own_total => {
            hide_cell(cell, true);
            1
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::PeriodScore;

    fn shown(responses: u64) -> BreakdownCell {
        BreakdownCell::Score {
            responses,
            score: Some(50.0),
            ci95: None,
        }
    }

    fn level(cells: &[BreakdownCell]) -> LevelScore {
        let period = |month: &str| PeriodScore {
            period: crate::period::PeriodKind::Quarter.of(crate::period::parse_date(month).expect("a date")),
            responses: 10,
            score: Some(50.0),
            ci95: None,
            hidden: false,
            hidden_score: None,
            by_segment: Vec::new(),
        };
        LevelScore {
            responses: 19,
            score: Some(50.0),
            ci95: None,
            target: 80.0,
            meets_target: Some(false),
            questions: Vec::new(),
            by_period: vec![period("2026-01-01"), period("2026-04-01")],
            by_segment: vec![cells.to_vec()],
            gaps: Vec::new(),
        }
    }

    #[test]
    fn a_cell_hidden_in_one_level_is_hidden_in_the_others() {
        let mut a = level(&[shown(10), shown(3), shown(6)]);
        hide_cell(&mut a.by_segment[0][1], false);
        hide_cell(&mut a.by_segment[0][2], true);
        let mut b = level(&[shown(10), shown(3), shown(6)]);
        hide_cell(&mut b.by_segment[0][1], false);
        let hidden = hidden_anywhere(&[a.clone(), b.clone()]);
        assert_eq!(hide_everywhere(&mut b, &hidden, None), 1);
        assert_eq!(b.by_segment, a.by_segment);
        assert_eq!(hide_everywhere(&mut b, &hidden, None), 0, "once");
    }

    #[test]
    fn a_hidden_period_keeps_its_score_for_the_audit_only() {
        let mut a = level(&[shown(10)]);
        let mut b = a.clone();
        hide_period(&mut a.by_period[1]);
        let hidden = hidden_anywhere(&[a]);
        assert_eq!(hide_everywhere(&mut b, &hidden, None), 1);
        let period = &b.by_period[1];
        assert!(period.hidden);
        assert_eq!((period.score, period.hidden_score), (None, Some(50.0)));
    }

    #[test]
    fn a_level_without_the_unnamed_cell_has_nothing_to_hide_there() {
        // Level a has respondents without a value (the third cell); b none.
        let mut a = level(&[shown(10), shown(9), shown(2)]);
        hide_cell(&mut a.by_segment[0][2], false);
        hide_cell(&mut a.by_segment[0][1], true);
        let mut b = level(&[shown(10), shown(9)]);
        let hidden = hidden_anywhere(&[a]);
        assert_eq!(hide_everywhere(&mut b, &hidden, None), 1);
        assert_eq!(b.by_segment[0].len(), 2);
    }

    #[test]
    fn a_level_total_by_another_name_stays() {
        let mut a = level(&[shown(10), shown(3)]);
        hide_cell(&mut a.by_segment[0][0], false);
        let mut b = level(&[shown(10), shown(3)]);
        let hidden = hidden_anywhere(&[a]);
        assert_eq!(hide_everywhere(&mut b, &hidden, Some((0, 0))), 0);
    }
}
