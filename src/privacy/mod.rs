//! Privacy: what may be published of a survey's scores. No cell of a
//! breakdown (a segment value, alone or within a period) is shown with fewer
//! than `min_group_size` respondents, and none can be worked out by
//! subtracting shown cells from a total:
//!
//! - a cell with fewer respondents is hidden;
//! - a lone hidden cell in a breakdown takes the smallest other cell with it;
//! - a segment value hidden in exactly one period takes its smallest other
//!   period cell with it, since the periods add up to the overall cell;
//! - free-text answers are published only when the question says `publish:
//!   true` and at least `min_group_size` people answered it.
//!
//! The scores come in with every cell shown ([`crate::score`]); [`protect`]
//! hides what must not be seen and counts what it hid.

pub mod audit;
pub mod levels;
pub mod linked;

use crate::model::{Kind, Survey};
use crate::score::{BreakdownCell, Current, GapCell, Group, LevelScore, Now, PeriodScore, Scores};

/// How many breakdown cells were hidden, for the privacy summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Privacy {
    /// Cells with fewer than `min_group_size` respondents.
    pub small: u64,
    /// Cells hidden so the small ones cannot be worked out by subtraction
    /// (by the rules of a row, then by the audit).
    pub complement: u64,
    /// Of those, the cells the audit hid.
    pub audit: u64,
    /// The narrowest range proven for any hidden cell (how many values beyond
    /// its least it may take), when any cell is hidden.
    pub narrowest: Option<u64>,
    /// Hidden cells the audit could not make safe (none in any table it
    /// has met: there is always a published cell left to hide).
    pub unsafe_cells: u64,
}

impl Privacy {
    /// Adds another survey's counts.
    pub fn add(&mut self, other: Privacy) {
        self.small += other.small;
        self.complement += other.complement;
        self.audit += other.audit;
        self.unsafe_cells += other.unsafe_cells;
        self.narrowest = match (self.narrowest, other.narrowest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// Applies every privacy rule to a survey's scores; returns what was hidden.
pub fn protect(survey: &Survey, scores: &mut Scores, min_group_size: u64) -> Privacy {
    let mut privacy = Privacy::default();
    // The audience's own cell of its segment is published anyway, as the
    // survey's scores: hiding it would protect nothing, so it is never the
    // cell taken along with a small one.
    let published = |s: usize| survey.audience.filter(|a| a.segment == s).map(|a| a.value);
    // Everyone's responses less the audience's are those of the comparison
    // groups together: too few, and they are left out of the published
    // count, as a small cell would be. A reader then knows only that there
    // are fewer than `min_group_size` of them.
    let mut most_responses = scores.responses;
    if let Some(audience) = scores.audience_responses {
        let others = scores.responses - audience;
        if others > 0 && others < min_group_size {
            scores.responses = audience;
            scores.others_withheld = true;
            most_responses = audience + min_group_size - 1;
            // Nor is a period listed in which only they answered.
            let answered: Vec<bool> = (0..scores.periods.len())
                .map(|p| {
                    scores
                        .levels
                        .iter()
                        .any(|l| l.by_period.get(p).is_some_and(|c| c.responses > 0))
                })
                .collect();
            let mut keep = answered.iter();
            scores.periods.retain(|_| keep.next().copied().unwrap_or(true));
            for level in &mut scores.levels {
                let mut keep = answered.iter();
                level.by_period.retain(|_| keep.next().copied().unwrap_or(true));
            }
        }
    }
    let mut known = linked::Known {
        responses: most_responses,
        small_periods: small_periods(scores),
        large_periods: Vec::new(),
        min_group_size,
    };
    // The current and previous periods have at least min_group_size
    // respondents (of the audience, with one); a level that holds every
    // one of them (as its published total shows) holds them there too.
    let large: Vec<bool> = match &scores.current {
        Some(c) => scores
            .periods
            .iter()
            .map(|p| *p == c.period || c.previous == Some(*p))
            .collect(),
        _ => Vec::new(),
    };
    for level in &mut scores.levels {
        hide_periods(&mut level.by_period, min_group_size, &mut privacy);
        for period in &mut level.by_period {
            for (s, row) in period.by_segment.iter_mut().enumerate() {
                hide_row(row, min_group_size, &mut privacy, published(s));
            }
        }
        protect_periods(
            &mut level.by_period,
            survey.segments.len(),
            &mut privacy,
            published,
        );
        for (s, row) in level.by_segment.iter_mut().enumerate() {
            hide_row(row, min_group_size, &mut privacy, published(s));
        }
    }
    // The rules above look at one row at a time; the audit looks at every
    // sum of a level at once and hides until nothing can be worked out.
    // What one level hides, every level hides; if that hides more, every
    // level is audited again, until none hides more.
    let all = scores.audience_responses.unwrap_or(scores.responses);
    let audience_place = survey.audience.map(|a| (a.segment, a.value));
    // A level scores means over its respondents where it has one scored
    // question, or where everyone answered each of its questions (as their
    // published counts show): then its sums add up, and the values one
    // respondent's score can take bound its squares.
    let grids: Vec<Option<Vec<f64>>> = scores
        .levels
        .iter()
        .enumerate()
        .map(|(l, level)| {
            let scored: Vec<usize> = (0..survey.questions.len())
                .filter(|&q| survey.questions[q].level == Some(l) && survey.questions[q].kind.is_scored())
                .collect();
            let everyone_answered = scored.iter().all(|&q| {
                level
                    .questions
                    .iter()
                    .any(|s| s.question == q && s.answers == level.responses)
            });
            match scored.len() {
                0 => None,
                1 => Some(grid(&survey.questions[scored[0]].kind)),
                _ if everyone_answered => Some(mean_grid(
                    &scored
                        .iter()
                        .map(|&q| grid(&survey.questions[q].kind))
                        .collect::<Vec<_>>(),
                )),
                _ => None,
            }
        })
        .collect();
    let mut outcomes: Vec<Option<audit::Outcome>> = vec![None; scores.levels.len()];
    loop {
        // What one level hides, every level hides.
        let hidden = levels::hidden_anywhere(&scores.levels);
        let mut more = 0;
        for level in &mut scores.levels {
            more += levels::hide_everywhere(level, &hidden, audience_place);
        }
        privacy.complement += more;
        privacy.audit += more;
        let mut tables: Vec<(usize, linked::Linked)> = Vec::new();
        for (l, level) in scores.levels.iter().enumerate() {
            known.large_periods = if level.responses == all {
                large.clone()
            } else {
                Vec::new()
            };
            tables.push((
                l,
                linked::build(level, survey.audience, &known, grids[l].as_deref()),
            ));
        }
        // Levels whose cells count the same respondents are one table with
        // a score for each: together their scores tell more of the counts
        // than each does alone.
        let mut groups: Vec<(Vec<usize>, linked::Linked)> = Vec::new();
        for (l, table) in tables {
            match groups.iter_mut().find(|(_, t)| linked::same_cells(t, &table)) {
                Some((members, t)) => {
                    if let Some(grid) = &grids[l] {
                        linked::add_scores(t, &scores.levels[l], survey.audience, grid);
                    }
                    members.push(l);
                }
                None => groups.push((vec![l], table)),
            }
        }
        // A level every respondent answered counts everyone in each cell:
        // every other level's cell is at most that, and they are audited
        // together with it.
        let full = groups
            .iter()
            .position(|(members, _)| scores.levels[members[0]].responses == all);
        let audits: Vec<Vec<usize>> = match full {
            Some(f) if groups.len() > 1 => {
                let mut order = vec![f];
                order.extend((0..groups.len()).filter(|&g| g != f));
                vec![order]
            }
            _ => (0..groups.len()).map(|g| vec![g]).collect(),
        };
        let mut audit_hid = false;
        for members in audits {
            let first = &groups[members[0]].1;
            let rest: Vec<&linked::Linked> = members[1..].iter().map(|&g| &groups[g].1).collect();
            let (mut table, starts) = linked::join(first, &rest);
            let outcome = audit::protect(&mut table, min_group_size);
            for (k, &g) in members.iter().enumerate() {
                let (levels, linked) = &groups[g];
                let part = outcome.part(starts[k], linked.table.cells.len());
                for &l in levels {
                    let hidden = linked::apply(&mut scores.levels[l], linked, &part.hidden);
                    audit_hid |= hidden > 0;
                    privacy.complement += hidden;
                    privacy.audit += hidden;
                    outcomes[l] = Some(part.clone());
                }
            }
        }
        // Until the audit hides nothing more.
        if !audit_hid {
            break;
        }
    }
    for outcome in outcomes.into_iter().flatten() {
        privacy.unsafe_cells += outcome.unsafe_cells.len() as u64;
        privacy.narrowest = match (privacy.narrowest, outcome.narrowest) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    if let Some(audience) = survey.audience {
        for level in &mut scores.levels {
            protect_gaps(
                level,
                audience.segment,
                survey.segments[audience.segment].values.len(),
                min_group_size,
            );
        }
    }
    if let Some(current) = &mut scores.current {
        protect_current(current, &scores.levels, min_group_size);
    }
    // The day of the latest response says when someone answered: it is not
    // published when it falls after the current period (in a period with
    // too few respondents to be shown), nor when it may be one of others
    // too few to be counted.
    let after_current = |day: time::Date| {
        scores
            .current
            .as_ref()
            .is_none_or(|c| survey.period.of(day) > c.period)
    };
    if scores.latest.is_some_and(after_current) || scores.others_withheld {
        scores.latest = None;
    }
    // Nothing of a `publish: false` question is published: not its id, not
    // its count, in no file.
    scores
        .texts
        .retain(|t| matches!(survey.questions[t.question].kind, Kind::Text { publish: true }));
    for text in &mut scores.texts {
        if scores.others_withheld {
            // The others are left out of every count, so of the texts'
            // too; their answers are among the sample, which then goes.
            if text.answers > text.audience_answers {
                text.published.clear();
            }
            text.answers = text.audience_answers;
        }
        if text.answers < min_group_size {
            text.published.clear();
        }
    }
    privacy
}

/// The scores one answer to a question of `kind` can have, in order; empty
/// when there are too many to list (a multiple choice of many options,
/// whose answer scores the mean of the options chosen).
fn grid(kind: &Kind) -> Vec<f64> {
    let mut values: Vec<f64> = match kind {
        Kind::Scale { points, .. } => {
            let top = f64::from(points.saturating_sub(1).max(1));
            (0..*points).map(|v| f64::from(v) / top * 100.0).collect()
        }
        Kind::Nps => (0..=10).map(|v| f64::from(v) * 10.0).collect(),
        Kind::YesNo => vec![0.0, 100.0],
        Kind::Choice {
            scores: Some(scores), ..
        } => scores.clone(),
        Kind::MultiChoice {
            scores: Some(scores), ..
        } if scores.len() <= 8 => {
            // Every non-empty set of options.
            (1u32..1 << scores.len())
                .map(|set| {
                    let chosen: Vec<f64> = (0..scores.len())
                        .filter(|i| set >> i & 1 == 1)
                        .map(|i| scores[i])
                        .collect();
                    chosen.iter().sum::<f64>() / chosen.len() as f64
                })
                .collect()
        }
        _ => Vec::new(),
    };
    values.sort_by(f64::total_cmp);
    values.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    values
}

/// The scores a respondent who answers each of several questions, whose
/// answers score the values of `grids`, can have: the means of one value
/// of each. Empty when any is, or when there are too many to list.
fn mean_grid(grids: &[Vec<f64>]) -> Vec<f64> {
    let mut sums = vec![0.0];
    for grid in grids {
        let mut next: Vec<f64> = sums
            .iter()
            .flat_map(|a| grid.iter().map(move |b| a + b))
            .collect();
        next.sort_by(f64::total_cmp);
        next.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
        if next.len() > 2000 || grid.is_empty() {
            return Vec::new();
        }
        sums = next;
    }
    let n = grids.len() as f64;
    sums.into_iter().map(|s| s / n).collect()
}

/// The periods the current figures show to have fewer than
/// `min_group_size` respondents: the current period is the latest with that
/// many and the previous one the latest before it, so every period after
/// the current one, and between the two, has fewer.
fn small_periods(scores: &Scores) -> Vec<bool> {
    // Without a current period, no period has that many; without a
    // previous one, none before the current one has.
    let Some(current) = &scores.current else {
        return vec![true; scores.periods.len()];
    };
    scores
        .periods
        .iter()
        .map(|p| {
            *p > current.period
                || match current.previous {
                    Some(prev) => *p > prev && *p < current.period,
                    None => *p < current.period,
                }
        })
        .collect()
}

/// Hides a level's periods with fewer than `min_group_size` respondents:
/// periods are breakdown cells too (they add up to the level's total), so a
/// lone hidden period takes the smallest other with it. Everything inside a
/// hidden period is hidden with it.
fn hide_periods(by_period: &mut [PeriodScore], min_group_size: u64, privacy: &mut Privacy) {
    let mut small = 0;
    for p in by_period.iter_mut() {
        if p.responses > 0 && p.responses < min_group_size {
            p.hidden = true;
            small += 1;
        }
    }
    privacy.small += small;
    if small == 1 {
        let other = by_period
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.hidden && p.responses > 0)
            .min_by_key(|(i, p)| (p.responses, *i))
            .map(|(i, _)| i);
        if let Some(i) = other {
            by_period[i].hidden = true;
            privacy.complement += 1;
        }
    }
    for p in by_period.iter_mut().filter(|p| p.hidden) {
        hide_period(p);
    }
}

/// Hides a period and everything in it; its score is kept, unpublished,
/// for the audit. Returns false when it was hidden already.
pub fn hide_period(period: &mut PeriodScore) -> bool {
    let was = period.hidden;
    period.hidden = true;
    period.hidden_score = period.hidden_score.or(period.score.take());
    period.ci95 = None;
    for cell in period.by_segment.iter_mut().flatten() {
        hide_cell(cell, true);
    }
    !was
}

/// Hides comparison groups beside the audience: a group is hidden where
/// its cell of the audience segment's breakdown is hidden, and wherever it
/// has fewer than `min_group_size` respondents (for a question: answers),
/// so a gap never shows what the breakdown hides.
fn protect_gaps(level: &mut LevelScore, segment: usize, values: usize, min_group_size: u64) {
    let row = &level.by_segment[segment];
    let mut hidden_groups = Vec::new();
    for gap in &mut level.gaps {
        let in_breakdown = match gap.group {
            Group::Value(v) => matches!(row.get(v), Some(BreakdownCell::Hidden { .. })),
            // Respondents without a value are the row's last cell, after
            // the declared values.
            Group::NoValue => row.len() > values && matches!(row.last(), Some(BreakdownCell::Hidden { .. })),
        };
        if let GapCell::Shown { responses, .. } = gap.cell {
            if in_breakdown || (responses > 0 && responses < min_group_size) {
                gap.cell = GapCell::Hidden;
            }
        }
        if gap.cell == GapCell::Hidden {
            hidden_groups.push(gap.group);
        }
    }
    for question in &mut level.questions {
        for gap in &mut question.gaps {
            if let GapCell::Shown { responses, .. } = gap.cell {
                if hidden_groups.contains(&gap.group) || (responses > 0 && responses < min_group_size) {
                    gap.cell = GapCell::Hidden;
                }
            }
        }
    }
}

/// Hides the current period's level figures with fewer than
/// `min_group_size` respondents, and then the current overall score, which
/// would give a hidden level's score away.
///
/// The current figures repeat the level's period cells, so a level whose
/// current period is hidden in its trend is hidden now too, and a change
/// from a previous period hidden there is not shown (its `from` would tell
/// the hidden score).
fn protect_current(current: &mut Current, levels: &[LevelScore], min_group_size: u64) {
    let hidden_in =
        |level: &LevelScore, period| level.by_period.iter().any(|p| p.period == period && p.hidden);
    let mut any_hidden = false;
    let mut any_previous_hidden = false;
    for (now, level) in current.levels.iter_mut().zip(levels) {
        let previous_hidden = current.previous.is_some_and(|p| hidden_in(level, p));
        any_previous_hidden |= previous_hidden;
        if let Now::Shown {
            responses, change, ..
        } = now
        {
            if *responses < min_group_size || hidden_in(level, current.period) {
                *now = Now::Hidden;
                any_hidden = true;
            } else if previous_hidden {
                *change = None;
            }
        }
    }
    // A hidden level is never the current focus level.
    let focus = current
        .levels
        .iter()
        .zip(levels)
        .position(|(now, level)| matches!(now, Now::Shown { score: Some(s), .. } if *s < level.target));
    if focus != current.focus || any_hidden {
        current.focus = focus;
        // The questions were found for another level, or with a hidden
        // level about; naming none whenever a level is hidden now keeps an
        // empty list from saying which.
        current.focus_questions.clear();
    }
    if any_hidden {
        current.overall = Now::Hidden;
    } else if any_previous_hidden {
        if let Now::Shown { change, .. } = &mut current.overall {
            *change = None;
        }
    }
}

/// Applies the privacy rules to one breakdown: cells with fewer than
/// `min_group_size` respondents are hidden, and a lone hidden cell takes the
/// smallest other with it (never `published`, a cell shown elsewhere).
pub fn hide_row(
    row: &mut [BreakdownCell],
    min_group_size: u64,
    privacy: &mut Privacy,
    published: Option<usize>,
) {
    for cell in row.iter_mut() {
        if matches!(cell, BreakdownCell::Score { responses, .. } if *responses < min_group_size) {
            hide_cell(cell, false);
        }
    }
    let small = row.iter().filter(|c| is_hidden(c)).count();
    privacy.small += small as u64;
    if small == 1 {
        if let Some(i) = smallest(row.iter(), published) {
            hide_cell(&mut row[i], true);
            privacy.complement += 1;
        }
    }
}

/// Hides a shown cell (`complement`: to protect another), keeping its
/// respondents for the audit.
pub fn hide_cell(cell: &mut BreakdownCell, complement: bool) {
    if let BreakdownCell::Score { responses, score, .. } = *cell {
        *cell = BreakdownCell::Hidden {
            complement,
            responses,
            score,
        };
    }
}

/// The position of the shown cell with the fewest respondents (the first
/// on a tie), leaving out `skip`.
fn smallest<'a>(cells: impl Iterator<Item = &'a BreakdownCell>, skip: Option<usize>) -> Option<usize> {
    cells
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .filter_map(|(i, c)| match c {
            BreakdownCell::Score { responses, .. } => Some((*responses, i)),
            _ => None,
        })
        .min()
        .map(|(_, i)| i)
}

fn is_hidden(c: &BreakdownCell) -> bool {
    matches!(c, BreakdownCell::Hidden { .. })
}

/// Extends the complementary hiding across periods. A segment value's
/// period cells add up to its overall cell, so a value hidden in exactly one
/// period could be worked out from the overall figure and the other
/// periods: the smallest other period cell of that value is hidden too.
/// That may leave a period with a lone hidden cell, which takes another cell
/// of its period with it, and so on until nothing changes.
///
/// `published(s)` is the cell of segment `s` that is shown elsewhere and so
/// is never taken along (the audience's own value).
pub fn protect_periods(
    by_period: &mut [PeriodScore],
    segments: usize,
    privacy: &mut Privacy,
    published: impl Fn(usize) -> Option<usize>,
) {
    for s in 0..segments {
        let values = by_period.first().map_or(0, |p| p.by_segment[s].len());
        loop {
            let mut changed = false;
            for v in (0..values).filter(|v| published(s) != Some(*v)) {
                let hidden = by_period
                    .iter()
                    .filter(|p| is_hidden(&p.by_segment[s][v]))
                    .count();
                if hidden == 1 {
                    if let Some(i) = smallest(by_period.iter().map(|p| &p.by_segment[s][v]), None) {
                        hide_cell(&mut by_period[i].by_segment[s][v], true);
                        privacy.complement += 1;
                        changed = true;
                    }
                }
            }
            for p in by_period.iter_mut() {
                let row = &mut p.by_segment[s];
                if row.iter().filter(|c| is_hidden(c)).count() == 1 {
                    if let Some(i) = smallest(row.iter(), published(s)) {
                        hide_cell(&mut row[i], true);
                        privacy.complement += 1;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::score::Breakdown;

    /// The cells of one breakdown as [`crate::score`] makes them (no
    /// respondents: no data), with the privacy rules applied.
    fn hide(cells: &[(u64, Option<f64>)], min_group_size: u64, privacy: &mut Privacy) -> Breakdown {
        let mut row: Breakdown = cells
            .iter()
            .map(|&(responses, score)| match responses {
                0 => BreakdownCell::NoData,
                _ => BreakdownCell::Score {
                    responses,
                    score,
                    ci95: None,
                },
            })
            .collect();
        hide_row(&mut row, min_group_size, privacy, None);
        row
    }

    fn period(cells: Vec<BreakdownCell>) -> PeriodScore {
        PeriodScore {
            period: crate::period::PeriodKind::Year
                .of(crate::period::parse_date("2026-01-01").expect("date")),
            responses: 0,
            score: None,
            ci95: None,
            hidden: false,
            hidden_score: None,
            by_segment: vec![cells],
        }
    }

    /// A hidden cell whose score was 50, as [`shown`]'s are.
    fn hidden(complement: bool, responses: u64) -> BreakdownCell {
        hidden_scored(complement, responses, Some(50.0))
    }

    fn hidden_scored(complement: bool, responses: u64, score: Option<f64>) -> BreakdownCell {
        BreakdownCell::Hidden {
            complement,
            responses,
            score,
        }
    }

    fn shown(n: u64) -> BreakdownCell {
        BreakdownCell::Score {
            responses: n,
            score: Some(50.0),
            ci95: None,
        }
    }

    #[test]
    fn a_value_hidden_in_one_period_is_hidden_in_another_too() {
        // Staff (second column) is hidden in the second period only; its
        // overall cell minus the other periods would give it away.
        let mut rows = vec![
            period(vec![shown(10), shown(6)]),
            period(vec![shown(10), hidden(false, 3)]),
            period(vec![shown(12), shown(9)]),
        ];
        // The lone hidden cell of period 2 has already taken customer (10) with it.
        rows[1].by_segment[0][0] = hidden(true, 10);
        let mut p = Privacy::default();
        protect_periods(&mut rows, 1, &mut p, |_| None);
        // Staff in period 1 (6, the smallest) goes too; that leaves period 1
        // with a lone hidden cell, so customer in period 1 goes as well, which
        // in turn is customer's second hidden cell: stable.
        assert_eq!(rows[0].by_segment[0], vec![hidden(true, 10), hidden(true, 6)]);
        assert_eq!(rows[2].by_segment[0], vec![shown(12), shown(9)]);
        assert_eq!(p.complement, 2);
    }

    #[test]
    fn a_published_cell_is_never_the_complement() {
        // The audience (5) is shown as the survey's own scores: taking it
        // along would hide nothing, so the next smallest (9) goes instead.
        let mut row: Breakdown = [5, 9, 2, 12]
            .iter()
            .map(|&responses| BreakdownCell::Score {
                responses,
                score: None,
                ci95: None,
            })
            .collect();
        hide_row(&mut row, 5, &mut Privacy::default(), Some(0));
        assert!(matches!(row[0], BreakdownCell::Score { responses: 5, .. }));
        assert_eq!(row[1], hidden_scored(true, 9, None));
        assert_eq!(row[2], hidden_scored(false, 2, None));
    }

    #[test]
    fn small_cells_are_hidden_with_a_complement() {
        let mut p = Privacy::default();
        // 12, 3, 7, 0: the 3 is hidden, so the smallest other (7) goes too; 0 is no data.
        let cells = hide(
            &[(12, Some(80.0)), (3, Some(10.0)), (7, Some(50.0)), (0, None)],
            5,
            &mut p,
        );
        assert_eq!(
            cells,
            vec![
                BreakdownCell::Score {
                    responses: 12,
                    score: Some(80.0),
                    ci95: None,
                },
                hidden_scored(false, 3, Some(10.0)),
                hidden(true, 7),
                BreakdownCell::NoData,
            ]
        );
        assert_eq!(
            p,
            Privacy {
                small: 1,
                complement: 1,
                ..Privacy::default()
            }
        );
        // Two small cells already protect each other.
        let mut p = Privacy::default();
        let cells = hide(&[(12, None), (3, None), (2, None)], 5, &mut p);
        assert_eq!(
            cells[0],
            BreakdownCell::Score {
                responses: 12,
                score: None,
                ci95: None,
            }
        );
        assert_eq!(
            p,
            Privacy {
                small: 2,
                complement: 0,
                ..Privacy::default()
            }
        );
        // On a tie, the first declared goes.
        let mut p = Privacy::default();
        let cells = hide(&[(9, None), (9, None), (1, None)], 5, &mut p);
        assert_eq!(cells[0], hidden_scored(true, 9, None));
        assert_eq!(
            cells[1],
            BreakdownCell::Score {
                responses: 9,
                score: None,
                ci95: None,
            }
        );
    }
}
