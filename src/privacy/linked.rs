//! A level's figures as the linked table an attacker sees: every period,
//! every segment value (and the unnamed cell of respondents without one),
//! every period x value, and the sums that tie them. [`build`] makes the
//! [`audit::Table`](super::audit::Table) from a level's scores; [`apply`] hides on the page
//! what the audit hid in the table.
//!
//! With an audience, a period's published respondents are the audience's
//! cell of that period, and the level's respondents are the audience's
//! value overall; the period's respondents of every group are published
//! nowhere, but are the sum of each segment's cells.

use super::audit::{Cell, State, Sum, Table};
use super::{hide_cell, hide_period};
use crate::model::Audience;
use crate::score::{BreakdownCell, LevelScore};
use std::collections::BTreeMap;

/// Where a cell of the table is on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// The level's respondents: never hidden.
    Level,
    /// All respondents of the level (published as the level's total when
    /// there is no audience).
    All,
    /// A period's figures: hiding it hides the whole period.
    Period(usize),
    /// All respondents of a period, with an audience: published nowhere.
    PeriodAll(usize),
    /// A segment value's cell in a period.
    Cell(usize, usize, usize),
    /// A segment value's cell overall.
    Overall(usize, usize),
}

/// The table of one level, and where each of its cells is.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    /// The cells and sums.
    pub table: Table,
    /// Each cell's place.
    pub places: Vec<Place>,
}

fn state_of(cell: &BreakdownCell, period_hidden: bool) -> (u64, State) {
    match *cell {
        BreakdownCell::Score { responses, .. } if period_hidden => (responses, State::Hidden),
        BreakdownCell::Score { responses, .. } => (responses, State::Published),
        BreakdownCell::Hidden { responses, .. } => (responses, State::Hidden),
        // In a hidden period even emptiness is not shown.
        BreakdownCell::NoData if period_hidden => (0, State::Unpublished),
        BreakdownCell::NoData => (0, State::Published),
    }
}

/// What else the site tells about a level's table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Known {
    /// The survey's published number of responses, which bounds everyone's.
    pub responses: u64,
    /// Per period: true when the site shows it has fewer than
    /// `min_group_size` respondents without a figure (a period after the
    /// current one, or between the previous and the current one, which
    /// are the latest two with that many).
    pub small_periods: Vec<bool>,
    /// Per period: true when the site shows it has at least
    /// `min_group_size` of this level's respondents (the current and the
    /// previous period, where the level holds every respondent).
    pub large_periods: Vec<bool>,
    /// `min_group_size`.
    pub min_group_size: u64,
}

/// The linked table of `level`, with what else is `known` of it. With
/// `values` (the level's scores are means over its respondents: it has one
/// scored question, whose answers score these values), a score
/// times its count is a sum that adds up like the counts, and so are the
/// squares an interval tells; the cells carry both.
pub fn build(
    level: &LevelScore,
    audience: Option<Audience>,
    known: &Known,
    values: Option<&[f64]>,
) -> Linked {
    let additive = values.is_some();
    let mut cells: Vec<Cell> = Vec::new();
    let mut places = Vec::new();
    let mut add = |count: u64, state: State, fixed: bool, place: Place| {
        cells.push(Cell {
            fixed,
            scores: if additive {
                vec![score_at(level, audience, place)]
            } else {
                Vec::new()
            },
            squares: if additive {
                vec![square_at(level, audience, place)]
            } else {
                Vec::new()
            },
            ..Cell::new(count, state)
        });
        places.push(place);
        cells.len() - 1
    };
    let segments = level.by_segment.len();
    let periods = level.by_period.len();
    // Period x segment x value.
    let mut grid: Vec<Vec<Vec<usize>>> = Vec::with_capacity(periods);
    // Per period: the respondents of every group.
    let mut period_all = Vec::with_capacity(periods);
    for (p, period) in level.by_period.iter().enumerate() {
        let all_count = period
            .by_segment
            .first()
            .map_or(period.responses, |row| row.iter().map(cell_count).sum());
        let all = match audience {
            Some(_) => add(all_count, State::Unpublished, false, Place::PeriodAll(p)),
            None => add(
                period.responses,
                if period.hidden {
                    State::Hidden
                } else {
                    State::Published
                },
                false,
                Place::Period(p),
            ),
        };
        period_all.push(all);
        let mut rows = Vec::with_capacity(segments);
        for (s, row) in period.by_segment.iter().enumerate() {
            let mut ids = Vec::with_capacity(row.len());
            for (v, cell) in row.iter().enumerate() {
                let (count, state) = state_of(cell, period.hidden);
                let is_audience = audience.is_some_and(|a| a.segment == s && a.value == v);
                let place = if is_audience {
                    Place::Period(p)
                } else {
                    Place::Cell(p, s, v)
                };
                ids.push(add(count, state, false, place));
            }
            rows.push(ids);
        }
        grid.push(rows);
    }
    // Overall per segment value.
    let mut overall: Vec<Vec<usize>> = Vec::with_capacity(segments);
    for (s, row) in level.by_segment.iter().enumerate() {
        let mut ids = Vec::with_capacity(row.len());
        for (v, cell) in row.iter().enumerate() {
            let is_audience = audience.is_some_and(|a| a.segment == s && a.value == v);
            let (count, state) = state_of(cell, false);
            ids.push(if is_audience {
                add(level.responses, State::Published, true, Place::Level)
            } else {
                add(count, state, false, Place::Overall(s, v))
            });
        }
        overall.push(ids);
    }
    let total_count = match (audience, level.by_segment.first()) {
        (Some(_), Some(row)) => row.iter().map(cell_count).sum(),
        _ => level.responses,
    };
    let all = match audience {
        Some(_) => add(total_count, State::Unpublished, false, Place::All),
        None => add(level.responses, State::Published, true, Place::Level),
    };
    // Everyone who answered the level is among the survey's respondents,
    // whose number is published.
    if audience.is_some() {
        cells[all].upper = Some(known.responses);
    }
    let mut sums = vec![Sum {
        total: all,
        parts: period_all.clone(),
    }];
    // With an audience, only the audience's own segment counts everyone;
    // the other segments' cells count the audience alone, so they add up
    // to the audience's cells: its period figures and the level's total.
    let audience_of_period = |p: usize| audience.map(|a| grid[p][a.segment][a.value]);
    let level_total = audience.map(|a| overall[a.segment][a.value]);
    for s in 0..segments {
        let everyone = audience.is_none_or(|a| a.segment == s);
        sums.push(Sum {
            total: if everyone { all } else { level_total.unwrap_or(all) },
            parts: overall[s].clone(),
        });
        for p in 0..periods {
            sums.push(Sum {
                total: if everyone {
                    period_all[p]
                } else {
                    audience_of_period(p).unwrap_or(period_all[p])
                },
                parts: grid[p][s].clone(),
            });
        }
        for v in 0..overall[s].len() {
            sums.push(Sum {
                total: overall[s][v],
                parts: (0..periods).map(|p| grid[p][s][v]).collect(),
            });
        }
    }
    // A period the current figures show to be small is at most
    // min_group_size - 1.
    for (c, place) in places.iter().enumerate() {
        if let Place::Period(p) = *place {
            if known.small_periods.get(p).copied().unwrap_or(false) {
                cells[c].upper = Some(known.min_group_size.saturating_sub(1));
            }
            if known.large_periods.get(p).copied().unwrap_or(false) && cells[c].count >= known.min_group_size
            {
                cells[c].least = known.min_group_size;
            }
        }
    }
    // A period goes with everything in it.
    for (p, rows) in grid.iter().enumerate() {
        let inside: Vec<usize> = rows.iter().flatten().copied().collect();
        let period_cell = match audience {
            Some(a) => rows.get(a.segment).and_then(|r| r.get(a.value)).copied(),
            None => Some(period_all[p]),
        };
        if let Some(c) = period_cell {
            cells[c].with = inside.into_iter().filter(|&x| x != c).collect();
        }
    }
    Linked {
        table: Table {
            cells,
            sums,
            grids: values.map(|g| vec![g.to_vec()]).unwrap_or_default(),
            ties: 0,
            twins: Vec::new(),
        },
        places,
    }
}

/// Several levels' tables as one: `full`, whose cells count everyone
/// (a level every respondent answered), then each of `partial`, each of
/// whose cells counts some of the people of the same cell of `full`:
/// `full = partial + the rest`, the rest a cell published nowhere. Scores
/// stay apart (each table's after the ones before it). Returns the table
/// and where each member's cells start in it.
pub fn join(full: &Linked, partial: &[&Linked]) -> (Table, Vec<usize>) {
    let mut table = full.table.clone();
    let mut starts = vec![0];
    let mut families = full.table.families();
    table.grids.resize(families, Vec::new());
    table.twins = vec![Vec::new(); table.cells.len()];
    let index: BTreeMap<Place, usize> = full.places.iter().enumerate().map(|(c, &p)| (p, c)).collect();
    let mut ties = Vec::new();
    for member in partial {
        let start = table.cells.len();
        starts.push(start);
        let own = member.table.families();
        for cell in &member.table.cells {
            let mut cell = cell.clone();
            cell.with = cell.with.iter().map(|&c| c + start).collect();
            let (mut scores, mut squares) = (vec![None; families], vec![None; families]);
            cell.scores.resize(own, None);
            cell.squares.resize(own, None);
            scores.append(&mut cell.scores);
            squares.append(&mut cell.squares);
            (cell.scores, cell.squares) = (scores, squares);
            table.cells.push(cell);
            table.twins.push(Vec::new());
        }
        let mut grids = member.table.grids.clone();
        grids.resize(own, Vec::new());
        table.grids.append(&mut grids);
        for sum in &member.table.sums {
            table.sums.push(Sum {
                total: sum.total + start,
                parts: sum.parts.iter().map(|&c| c + start).collect(),
            });
        }
        for (c, place) in member.places.iter().enumerate() {
            if let Some(&f) = index.get(place) {
                ties.push((f, start + c));
            }
        }
        families += own;
    }
    // The same place in every level: hidden in one, hidden in all.
    let mut places: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(f, c) in &ties {
        places.entry(f).or_insert_with(|| vec![f]).push(c);
    }
    for same in places.values() {
        for &c in same {
            table.twins[c] = same.iter().copied().filter(|&x| x != c).collect();
        }
    }
    table.ties = ties.len();
    for (f, c) in ties {
        let rest = table.cells[f].count.saturating_sub(table.cells[c].count);
        table.cells.push(Cell::new(rest, State::Unpublished));
        table.twins.push(Vec::new());
        table.sums.push(Sum {
            total: f,
            parts: vec![c, table.cells.len() - 1],
        });
    }
    (table, starts)
}

/// True when two levels' tables have the same cells in the same places,
/// with the same counts, known the same way.
pub fn same_cells(a: &Linked, b: &Linked) -> bool {
    let known = |c: &Cell| (c.count, c.state, c.fixed, c.upper, c.least, c.with.clone());
    a.places == b.places
        && a.table.sums == b.table.sums
        && a.table
            .cells
            .iter()
            .map(known)
            .eq(b.table.cells.iter().map(known))
}

/// Adds `level`'s scores to a table built from another level whose cells
/// count the very same respondents.
pub fn add_scores(linked: &mut Linked, level: &LevelScore, audience: Option<Audience>, grid: &[f64]) {
    let families = linked.table.families();
    for (cell, &place) in linked.table.cells.iter_mut().zip(&linked.places) {
        cell.scores.resize(families, None);
        cell.squares.resize(families, None);
        cell.scores.push(score_at(level, audience, place));
        cell.squares.push(square_at(level, audience, place));
    }
    linked.table.grids.resize(families, Vec::new());
    linked.table.grids.push(grid.to_vec());
}

/// The mean square of the respondents' scores at `place`, as the page
/// tells it: a published score with its interval and count (one
/// respondent: the score squared). `None` where the page does not tell it
/// (hidden, or an interval clipped at both ends).
fn square_at(level: &LevelScore, audience: Option<Audience>, place: Place) -> Option<f64> {
    let shown = |cell: &BreakdownCell| match *cell {
        BreakdownCell::Score {
            responses,
            score,
            ci95,
        } => Some((responses, score?, ci95)),
        _ => None,
    };
    let (n, score, ci95) = match (place, audience) {
        (Place::Level, _) | (Place::All, None) => (level.responses, level.score?, level.ci95),
        (Place::All | Place::PeriodAll(_), Some(_)) | (Place::PeriodAll(_), None) => return None,
        (Place::Period(p), None) => {
            let period = level.by_period.get(p).filter(|p| !p.hidden)?;
            (period.responses, period.score?, period.ci95)
        }
        (Place::Period(p), Some(a)) => shown(cell_at(level, Some(p), a.segment, a.value)?)?,
        (Place::Cell(p, s, v), _) => shown(cell_at(level, Some(p), s, v)?)?,
        (Place::Overall(s, v), _) => shown(cell_at(level, None, s, v)?)?,
    };
    mean_square(n, score, ci95)
}

/// What a reader works out from a score, its count and its 95 % interval
/// (score ± t · s / √n, clipped to 0..100): the mean of the squared scores,
/// (n - 1) s² / n + score².
pub fn mean_square(n: u64, score: f64, ci95: Option<[f64; 2]>) -> Option<f64> {
    if n == 1 {
        return Some(score * score);
    }
    let [low, high] = ci95?;
    if low <= 0.0 && high >= 100.0 {
        return None;
    }
    let half = (score - low).max(high - score);
    let n = n as f64;
    let s = half * n.sqrt() / crate::score::stats::t975(n - 1.0)?;
    Some((n - 1.0) * s * s / n + score * score)
}

/// The score at `place` in `level`, published or not; `None` where no score
/// is published (the respondents of every group, with an audience).
fn score_at(level: &LevelScore, audience: Option<Audience>, place: Place) -> Option<f64> {
    match (place, audience) {
        (Place::Level, _) | (Place::All, None) => level.score,
        (Place::All | Place::PeriodAll(_), Some(_)) | (Place::PeriodAll(_), None) => None,
        (Place::Period(p), None) => level.by_period.get(p).and_then(|p| p.score.or(p.hidden_score)),
        (Place::Period(p), Some(a)) => cell_at(level, Some(p), a.segment, a.value).and_then(score_of),
        (Place::Cell(p, s, v), _) => cell_at(level, Some(p), s, v).and_then(score_of),
        (Place::Overall(s, v), _) => cell_at(level, None, s, v).and_then(score_of),
    }
}

fn cell_at(level: &LevelScore, period: Option<usize>, s: usize, v: usize) -> Option<&BreakdownCell> {
    let rows = match period {
        Some(p) => &level.by_period.get(p)?.by_segment,
        None => &level.by_segment,
    };
    rows.get(s)?.get(v)
}

/// A cell's score, published or not.
fn score_of(cell: &BreakdownCell) -> Option<f64> {
    match *cell {
        BreakdownCell::Score { score, .. } | BreakdownCell::Hidden { score, .. } => score,
        BreakdownCell::NoData => None,
    }
}

fn cell_count(cell: &BreakdownCell) -> u64 {
    match *cell {
        BreakdownCell::Score { responses, .. } | BreakdownCell::Hidden { responses, .. } => responses,
        BreakdownCell::NoData => 0,
    }
}

/// Hides on the page the cells the audit hid (`hidden`, table indices);
/// returns how many cells were hidden there.
pub fn apply(level: &mut LevelScore, linked: &Linked, hidden: &[usize]) -> u64 {
    let mut count = 0;
    for &c in hidden {
        match linked.places[c] {
            Place::Period(p) => {
                if hide_period(&mut level.by_period[p]) {
                    count += 1;
                }
            }
            Place::Cell(p, s, v) => {
                let cell = &mut level.by_period[p].by_segment[s][v];
                if matches!(cell, BreakdownCell::Score { .. }) {
                    hide_cell(cell, true);
                    count += 1;
                }
            }
            Place::Overall(s, v) => {
                let cell = &mut level.by_segment[s][v];
                if matches!(cell, BreakdownCell::Score { .. }) {
                    hide_cell(cell, true);
                    count += 1;
                }
            }
            Place::Level | Place::All | Place::PeriodAll(_) => {}
        }
    }
    count
}
