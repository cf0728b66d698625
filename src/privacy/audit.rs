//! The audit: how far someone who reads every published figure, and knows
//! the hiding rules, can narrow each hidden cell.
//!
//! A [`Table`] is a set of cells (counts of respondents) and the sums that
//! tie them (a total is the sum of its parts). A published cell is known
//! exactly; a hidden one is known to be at least 1 (an empty cell is shown
//! as empty, not hidden); an unpublished one (the respondents of a period
//! when only the audience's are shown) at least 0. For each hidden cell,
//! linear programming finds the least and the most it can be while every
//! sum holds; rounded inwards to whole numbers, that is the range an
//! attacker can narrow it to (an upper bound of what they learn: the true
//! integer range may be narrower only where the table is not a plain
//! two-way table, which the rounding accounts for at the ends).
//!
//! [`protect`] hides further cells, the published cell with the fewest
//! respondents that shares a sum with a cell not yet safe (then the first
//! in the table's order), until every hidden cell is safe:
//! a small cell (fewer than `min_group_size`) can be anything from 1 to
//! `min_group_size - 1`, and a cell hidden to protect another spans at
//! least `min_group_size` values.
//!
//! Hiding a cell only widens what every other cell can be, so a cell found
//! safe stays safe; each LP solution also shows values other cells can
//! take, which proves many safe without an LP of their own.
//!
//! Where cells have scores, the counts are audited alone first (what they
//! narrow, the scores narrow too, and their programs are several times
//! smaller); the audit with scores then mostly confirms. To show a cell
//! safe it first solves a small program of the cells around it, every
//! other cell held where a solution of the whole table put it: each
//! solution of the small program is one of the whole, so what it shows is
//! so. Only a cell it cannot show safe gets a program of the whole table.

use std::cell::RefCell;

use microlp::{ComparisonOp, OptimizationDirection, Problem};

/// What is known of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Published: known exactly.
    Published,
    /// Hidden: known to be at least 1.
    Hidden,
    /// Never published (no rule hides it; nothing shows it): at least 0.
    Unpublished,
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Its respondents.
    pub count: u64,
    /// What is known of it.
    pub state: State,
    /// True when it must stay published (a level's own total).
    pub fixed: bool,
    /// Cells hidden along with it (a period's cells go with the period).
    pub with: Vec<usize>,
    /// The most it can be, as far as anyone can tell, when that is
    /// published elsewhere (everyone who answered a level is at most the
    /// survey's respondents).
    pub upper: Option<u64>,
    /// The least it can be, when the site says so (the current period has
    /// at least `min_group_size` respondents); 0 means only what its state
    /// says.
    pub least: u64,
    /// Its scores, 0-100, one per scored level that counts these very
    /// respondents (published for a published cell, the truth for a hidden
    /// one): each level's respondents' scores add up to `score * count`, a
    /// sum the audit ties like the counts. Every cell of a table has as
    /// many (none where scores are not means over respondents).
    pub scores: Vec<Option<f64>>,
    /// Per score, the mean of its respondents' squared scores, where the
    /// page tells it: a published score's 95 % interval gives the spread
    /// of the scores around it, so their squares add up like the counts.
    pub squares: Vec<Option<f64>>,
}

impl Cell {
    /// A cell of `count` respondents known as `state`, with nothing else
    /// known of it.
    pub fn new(count: u64, state: State) -> Cell {
        Cell {
            count,
            state,
            fixed: false,
            with: Vec::new(),
            upper: None,
            least: 0,
            scores: Vec::new(),
            squares: Vec::new(),
        }
    }
}

/// `total` is the sum of `parts`.
#[derive(Debug, Clone, PartialEq)]
pub struct Sum {
    /// The total's cell.
    pub total: usize,
    /// The parts' cells.
    pub parts: Vec<usize>,
}

impl Sum {
    /// Its total's cell, then its parts'.
    pub fn cells(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.total).chain(self.parts.iter().copied())
    }
}

/// Cells and the sums that tie them; a cell's index is its place in the
/// order ties are broken by.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Every cell.
    pub cells: Vec<Cell>,
    /// Every sum.
    pub sums: Vec<Sum>,
    /// Per score, the values one respondent's score can take, in order
    /// (empty when its squares are not audited): between two neighbours
    /// no respondent scores, which bounds a cell's sum of squares by its
    /// sum and count.
    pub grids: Vec<Vec<f64>>,
    /// How many of the last sums tie one level's cell to the same cell of
    /// another ([`super::linked::join`]) rather than add up a row of a
    /// page: the hiding rules never pick a cell through them.
    pub ties: usize,
    /// Per cell, the same cell in the other levels of the table, hidden
    /// with it (empty for a table of one level).
    pub twins: Vec<Vec<usize>>,
}

impl Table {
    /// How many scores each cell has.
    pub fn families(&self) -> usize {
        self.cells.iter().map(|c| c.scores.len()).max().unwrap_or(0)
    }
}

/// The whole numbers a hidden cell can be, as far as anyone can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// The least.
    pub lo: u64,
    /// The most; `None` when nothing bounds it.
    pub hi: Option<u64>,
}

impl Range {
    /// How many values it spans beyond its least: `hi - lo`.
    pub fn width(&self) -> Option<u64> {
        self.hi.map(|hi| hi.saturating_sub(self.lo))
    }
}

/// True when a hidden cell of `count` respondents in `range` is as
/// protected as the rules ask: a small cell spans at least as many values
/// as the rule itself leaves open (1 to `min_group_size - 1`), a cell
/// hidden to protect another at least `min_group_size` beyond its least.
///
/// A small cell is judged by the width of its range, not by where it
/// starts: a segment value hidden in three periods is at least 3 overall,
/// since a hidden cell is never empty; that is what the page says, and it
/// narrows nothing while the range stays as wide.
pub fn is_safe(count: u64, range: Range, min_group_size: u64) -> bool {
    let Some(width) = range.width() else {
        return true;
    };
    if count < min_group_size {
        width + 2 >= min_group_size
    } else {
        width >= min_group_size
    }
}

/// What [`protect`] did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// The cells it hid, in the order it hid them.
    pub hidden: Vec<usize>,
    /// Hidden cells it could not make safe (no published cell left to hide
    /// beside them).
    pub unsafe_cells: Vec<usize>,
    /// The least width proven for any hidden cell: every hidden cell can be
    /// any of at least `narrowest + 1` values (`None` without hidden cells).
    pub narrowest: Option<u64>,
}

impl Outcome {
    /// What it says of the `len` cells from `start` on (one level's, in a
    /// table of several), with their indices counted from `start`.
    pub fn part(&self, start: usize, len: usize) -> Outcome {
        let inside = |cells: &[usize]| -> Vec<usize> {
            cells
                .iter()
                .filter(|&&c| c >= start && c < start + len)
                .map(|&c| c - start)
                .collect()
        };
        Outcome {
            hidden: inside(&self.hidden),
            unsafe_cells: inside(&self.unsafe_cells),
            narrowest: self.narrowest,
        }
    }
}

/// Hides cells until every hidden cell is safe.
pub fn protect(table: &mut Table, min_group_size: u64) -> Outcome {
    protect_near(table, min_group_size, &NEAR)
}

/// [`protect`], trying programs of `near` variables around a cell before
/// the whole table's.
fn protect_near(table: &mut Table, min_group_size: u64, near: &[usize]) -> Outcome {
    if table.families() == 0 {
        return audit(table, min_group_size, None);
    }
    // Counts alone first: a cell they narrow is narrowed with the scores
    // too, and programs without scores are several times smaller, so the
    // audit with scores mostly confirms.
    let mut counts = without_scores(table);
    let first = audit(&mut counts, min_group_size, None);
    let mut hidden = Vec::new();
    for &j in &first.hidden {
        if table.cells[j].state != State::Hidden {
            hide_one(table, j, &mut hidden);
        }
    }
    let mut outcome = audit(table, min_group_size, Some(near));
    hidden.append(&mut outcome.hidden);
    outcome.hidden = hidden;
    outcome
}

/// `table` with its counts alone.
fn without_scores(table: &Table) -> Table {
    let mut counts = table.clone();
    for cell in &mut counts.cells {
        cell.scores.clear();
        cell.squares.clear();
    }
    counts
}

/// [`protect`]. Without scores, programs of the whole table are small
/// enough to probe a cell's range directly; to `confirm` the table with
/// scores after its counts were audited, it probes little and tries
/// programs of the given sizes around each cell first.
fn audit(table: &mut Table, min_group_size: u64, confirm: Option<&[usize]>) -> Outcome {
    let mut outcome = Outcome::default();
    let mut proven: Vec<Option<u64>> = vec![None; table.cells.len()];
    // Values seen in feasible solutions stay feasible when more is hidden
    // (a cell that turns unknown may keep its value), so they are kept.
    let mut seen = Seen::new(table);
    let sums_of = sums_of(table);
    // A group gets one probing round per hundred of its open cells never
    // probed before (2 to 48, or just 2 to confirm): after a cell is
    // hidden, most are proven already and two rounds do.
    let mut probed = vec![false; table.cells.len()];
    'audit: loop {
        let bounds = rule_bounds(table, &sums_of, min_group_size);
        for members in components(table, &sums_of) {
            let open: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| proven[i].is_none() && table.cells[i].state == State::Hidden)
                .collect();
            if open.is_empty() {
                continue;
            }
            let lp = Lp::new(table, &members, &sums_of, &bounds);
            let fresh = open.iter().filter(|&&c| !probed[c]).count();
            let rounds = if confirm.is_some() {
                6.min(fresh.max(2))
            } else {
                (fresh / 100).clamp(2, 48)
            };
            lp.probe(&open, rounds.min(open.len()), &mut seen);
            for &c in &open {
                probed[c] = true;
            }
            for i in open {
                let count = table.cells[i].count;
                if let Some(width) = seen
                    .width(i)
                    .filter(|&w| is_safe(count, Range::spanning(w), min_group_size))
                    .filter(|_| seen.scores_move(i, &table.cells[i].scores))
                {
                    proven[i] = Some(width);
                    continue;
                }
                let safe_seen = |seen: &Seen| {
                    seen.width(i)
                        .filter(|&w| is_safe(count, Range::spanning(w), min_group_size))
                        .filter(|_| seen.scores_move(i, &table.cells[i].scores))
                };
                if let Some(width) = confirm
                    .unwrap_or_default()
                    .iter()
                    .filter(|&&size| size < lp.vars.len())
                    .find_map(|&size| {
                        lp.near(i, size, &mut seen);
                        safe_seen(&seen)
                    })
                {
                    proven[i] = Some(width);
                    continue;
                }
                let range = lp.range(i, &mut seen);
                let free = range.is_some_and(|r| is_safe(count, r, min_group_size))
                    && lp.score_is_free(i, &mut seen);
                if free {
                    proven[i] = Some(range.and_then(|r| r.width()).unwrap_or(u64::MAX));
                    continue;
                }
                match next_to_hide(table, i, &sums_of) {
                    Some(j) => {
                        hide(table, j, &mut outcome.hidden, &sums_of);
                        continue 'audit;
                    }
                    None => {
                        proven[i] = Some(range.and_then(|r| r.width()).unwrap_or(0));
                        outcome.unsafe_cells.push(i);
                    }
                }
            }
        }
        break;
    }
    outcome.narrowest = (0..table.cells.len())
        .filter(|&i| table.cells[i].state == State::Hidden)
        .filter_map(|i| proven[i])
        .min();
    outcome
}

impl Range {
    /// A range of `width` from 1, for judging a width alone.
    fn spanning(width: u64) -> Range {
        Range {
            lo: 1,
            hi: Some(1 + width),
        }
    }
}

/// Hides cell `j` and the cells that go with it, and the same in the
/// table's other levels.
fn hide(table: &mut Table, j: usize, hidden: &mut Vec<usize>, sums_of: &[Vec<usize>]) {
    let twins = table.twins.get(j).cloned().unwrap_or_default();
    hide_one(table, j, hidden);
    for t in twins {
        if hideable(table, t, sums_of) {
            hide_one(table, t, hidden);
        }
    }
}

/// Hides cell `j` and the cells that go with it.
fn hide_one(table: &mut Table, j: usize, hidden: &mut Vec<usize>) {
    table.cells[j].state = State::Hidden;
    hidden.push(j);
    for k in table.cells[j].with.clone() {
        let cell = &mut table.cells[k];
        if cell.state == State::Published {
            // An empty cell of a hidden period is no longer shown as empty.
            if cell.count == 0 {
                cell.state = State::Unpublished;
            } else {
                cell.state = State::Hidden;
                hidden.push(k);
            }
        }
    }
}

/// The range of every hidden cell (`None` for the others): two linear
/// programs a cell.
#[cfg(test)]
fn ranges(table: &Table) -> Vec<Option<Range>> {
    let sums_of = sums_of(table);
    let bounds = vec![None; table.cells.len()];
    let mut seen = Seen::new(table);
    let mut out = vec![None; table.cells.len()];
    for members in components(table, &sums_of) {
        let lp = Lp::new(table, &members, &sums_of, &bounds);
        for &i in &members {
            if table.cells[i].state == State::Hidden {
                out[i] = lp.range(i, &mut seen);
            }
        }
    }
    out
}

/// True when published cell `j` may be hidden to protect another: it has
/// respondents, and it is not a level's total, nor one by another name (the
/// only period, a segment's only value), which would be hidden for nothing.
fn hideable(table: &Table, j: usize, sums_of: &[Vec<usize>]) -> bool {
    let cell = &table.cells[j];
    let pinned = || {
        sums_of[j].iter().any(|&k| {
            let s = &table.sums[k];
            s.parts.len() == 1 && table.cells[if s.total == j { s.parts[0] } else { s.total }].fixed
        })
    };
    cell.state == State::Published && !cell.fixed && cell.count > 0 && !pinned()
}

/// The most each hidden cell can be by the hiding rules themselves, which
/// anyone can read: a cell hidden to protect another was the published
/// cell with the fewest respondents in a sum it shares with that other, so
/// it is at most the least cell still published there that could have been
/// hidden in its place; a small cell is at most `min_group_size - 1`. Not
/// knowing which a hidden cell is, nor through which sum it was chosen, a
/// reader knows the larger of these over its sums. Cells hidden along with
/// a hidden period get no bound, nor does a cell the reasoning would
/// misjudge (more respondents than the bound).
fn rule_bounds(table: &Table, sums_of: &[Vec<usize>], min_group_size: u64) -> Vec<Option<u64>> {
    let n = table.cells.len();
    let rows = table.sums.len() - table.ties;
    let least: Vec<Option<u64>> = table.sums[..rows]
        .iter()
        .map(|s| {
            s.cells()
                .filter(|&j| hideable(table, j, sums_of))
                .map(|j| table.cells[j].count)
                .min()
        })
        .collect();
    let mut along = vec![false; n];
    for cell in table.cells.iter().filter(|c| c.state != State::Published) {
        for &k in &cell.with {
            along[k] = true;
        }
    }
    // A sum of one part says two cells are one (a segment's only value and
    // its total, a value in the only period): whatever bounds one bounds
    // the other, and a pick in such a sum only follows one made elsewhere.
    let mut class: Vec<usize> = (0..n).collect();
    fn root(class: &mut [usize], mut i: usize) -> usize {
        while class[i] != i {
            class[i] = class[class[i]];
            i = class[i];
        }
        i
    }
    for s in table.sums[..rows].iter().filter(|s| s.parts.len() == 1) {
        let (a, b) = (root(&mut class, s.total), root(&mut class, s.parts[0]));
        class[a.max(b)] = a.min(b);
    }
    let roots: Vec<usize> = (0..n).map(|i| root(&mut class, i)).collect();
    let mut sums_of_class: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, sums) in sums_of.iter().enumerate() {
        for &k in sums
            .iter()
            .filter(|&&k| k < rows && table.sums[k].parts.len() > 1)
        {
            sums_of_class[roots[i]].push(k);
        }
    }
    (0..n)
        .map(|i| {
            let sums = &sums_of_class[roots[i]];
            if table.cells[i].state != State::Hidden || along[i] || sums.is_empty() {
                return None;
            }
            let mut bound = 0;
            for &k in sums {
                bound = bound.max(least[k]?.max(min_group_size.saturating_sub(1)));
            }
            (table.cells[i].count <= bound).then_some(bound)
        })
        .collect()
}

/// The published cell to hide for hidden cell `i`: the one with the fewest
/// respondents (then the first) among those sharing a sum with it, else
/// among those sharing a sum with any unknown cell.
fn next_to_hide(table: &Table, i: usize, sums_of: &[Vec<usize>]) -> Option<usize> {
    let cells_of = |k: usize| table.sums[k].cells();
    let pick = |sums: &mut dyn Iterator<Item = usize>| {
        sums.flat_map(cells_of)
            .filter(|&j| hideable(table, j, sums_of))
            .min_by_key(|&j| (table.cells[j].count, j))
    };
    pick(&mut sums_of[i].iter().copied()).or_else(|| {
        pick(
            &mut (0..table.sums.len())
                .filter(|&k| cells_of(k).any(|c| table.cells[c].state != State::Published)),
        )
    })
}

/// For every cell, the sums it is in.
fn sums_of(table: &Table) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); table.cells.len()];
    for (k, s) in table.sums.iter().enumerate() {
        for c in s.cells() {
            if out[c].last() != Some(&k) {
                out[c].push(k);
            }
        }
    }
    out
}

/// The unknown cells, in groups tied by sums (each group sorted, groups in
/// the order of their first cell).
fn components(table: &Table, sums_of: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let unknown = |c: usize| table.cells[c].state != State::Published;
    let mut group = vec![usize::MAX; table.cells.len()];
    let mut out = Vec::new();
    for start in 0..table.cells.len() {
        if !unknown(start) || group[start] != usize::MAX {
            continue;
        }
        let id = out.len();
        group[start] = id;
        let mut members = vec![start];
        let mut k = 0;
        while k < members.len() {
            for &sum in &sums_of[members[k]] {
                for c in table.sums[sum].cells() {
                    if unknown(c) && group[c] == usize::MAX {
                        group[c] = id;
                        members.push(c);
                    }
                }
            }
            k += 1;
        }
        members.sort_unstable();
        out.push(members);
    }
    out
}

/// The least and most values each cell was seen to take in a feasible
/// solution.
struct Seen {
    low: Vec<f64>,
    high: Vec<f64>,
    /// Per score and cell, the least and most of `sum - score * count`
    /// seen: when they differ, the cell's score is not pinned.
    score_low: Vec<Vec<f64>>,
    score_high: Vec<Vec<f64>>,
    /// Per score, how far a sum must move to tell a different score
    /// ([`step`]).
    steps: Vec<f64>,
}

impl Seen {
    fn new(table: &Table) -> Self {
        let n = table.cells.len();
        let families = table.families();
        Seen {
            low: vec![f64::INFINITY; n],
            high: vec![f64::NEG_INFINITY; n],
            score_low: vec![vec![f64::INFINITY; n]; families],
            score_high: vec![vec![f64::NEG_INFINITY; n]; families],
            steps: (0..families).map(|f| step(table, f)).collect(),
        }
    }

    /// The width of the values cell `i` was seen to take, in whole
    /// numbers: a lower bound of its true width.
    fn width(&self, i: usize) -> Option<u64> {
        if self.low[i] > self.high[i] {
            return None;
        }
        let lo = (self.low[i] - 1e-6).ceil();
        let hi = (self.high[i] + 1e-6).floor();
        Some((hi - lo).max(0.0) as u64)
    }

    fn record(&mut self, cell: usize, value: f64) {
        self.low[cell] = self.low[cell].min(value);
        self.high[cell] = self.high[cell].max(value);
    }

    fn record_score(&mut self, family: usize, cell: usize, deviation: f64) {
        self.score_low[family][cell] = self.score_low[family][cell].min(deviation);
        self.score_high[family][cell] = self.score_high[family][cell].max(deviation);
    }

    /// True when solutions were seen in which cell `i`'s respondents'
    /// scores of `family` add up to clearly different means.
    fn score_moves(&self, family: usize, i: usize) -> bool {
        self.score_high[family][i] - self.score_low[family][i] >= self.steps[family]
    }

    /// True when every score the cell has was seen to move.
    fn scores_move(&self, i: usize, scores: &[Option<f64>]) -> bool {
        scores
            .iter()
            .enumerate()
            .all(|(f, score)| score.is_none() || self.score_moves(f, i))
    }
}

/// How far a cell's sum of score `family` must be able to move for its
/// score not to be worked out: sums of answers move in steps of the least
/// gap between two values an answer scores (25 on a five-point scale), so
/// a sum known to less than a step is known exactly. Without the values,
/// a little more than rounding.
fn step(table: &Table, family: usize) -> f64 {
    let least_gap = table
        .grids
        .get(family)
        .into_iter()
        .flat_map(|g| g.windows(2).map(|w| w[1] - w[0]))
        .fold(f64::INFINITY, f64::min);
    if least_gap.is_finite() {
        least_gap * (1.0 - 1e-6)
    } else {
        SCORE_SLACK
    }
}

/// The most values of a score whose squares the audit follows (each
/// brings a bound for each cell): an 11-point scale has 11.
const MOST_VALUES: usize = 12;

/// How many variables the programs around one cell have, tried in turn
/// before the whole program ([`Lp::around`]), and how many they take from
/// each sum.
const NEAR: [usize; 3] = [100, 250, 600];
const PER_SUM: usize = 8;

/// How far apart two sums of scores must be to count as different: sums are
/// means times counts, written with float rounding.
const SCORE_SLACK: f64 = 1e-3;

/// The linear programs of one group of unknown cells: a count for each, and,
/// when the cells have scores, the sum of its respondents' scores, between 0
/// and 100 times its count. Every sum of the table holds for counts and for
/// score sums alike; published cells are moved to the right-hand side.
struct Lp<'t> {
    table: &'t Table,
    vars: &'t [usize],
    /// What the hiding rules tell of each cell's most ([`rule_bounds`]).
    bounds: &'t [Option<u64>],
    /// Per score, whether any unknown cell of the group has it.
    scored: Vec<bool>,
    /// Per score, whether its sums of squares are in too.
    squared: Vec<bool>,
    rows: Vec<Row>,
    /// Per variable, the rows it is in.
    rows_of: Vec<Vec<usize>>,
    /// The solutions of the whole program found so far, every variable's
    /// value (counts, then each score's sums, then each score's squares).
    points: RefCell<Vec<Vec<f64>>>,
}

/// One sum of a group's program: the positions of its variables with their
/// signs, and the right-hand sides of counts and of score sums.
struct Row {
    terms: Vec<(usize, f64)>,
    counts: f64,
    /// Per score.
    scores: Vec<f64>,
    /// Per score, how far its sums may miss: rounding, and where a level's
    /// score is a mean of its questions' means, by how much the true sums
    /// miss (a reader who guessed that closely could use them).
    slack: Vec<f64>,
    /// Per score, whether the sum holds for it.
    holds: Vec<bool>,
    /// Per score, the right-hand side of its sums of squares, when every
    /// published cell of the sum tells its squares.
    squares: Vec<Option<f64>>,
}

impl<'t> Lp<'t> {
    fn new(table: &'t Table, vars: &'t [usize], sums_of: &[Vec<usize>], bounds: &'t [Option<u64>]) -> Self {
        let mut sums: Vec<usize> = vars.iter().flat_map(|&c| sums_of[c].iter().copied()).collect();
        sums.sort_unstable();
        sums.dedup();
        // A sum holds for a score where every published cell of it says
        // that score (an unknown cell's is a variable anyway) and some cell
        // has it: the sums of one level's scores in one level's cells.
        let families = table.families();
        let score = |c: usize, f: usize| table.cells[c].scores.get(f).copied().flatten();
        let has_score = |c: usize, f: usize| {
            vars.binary_search(&c).is_ok() || score(c, f).is_some() || table.cells[c].count == 0
        };
        let scored: Vec<bool> = (0..families)
            .map(|f| vars.iter().any(|&c| score(c, f).is_some()))
            .collect();
        let rows: Vec<Row> = sums
            .into_iter()
            .map(|k| {
                let s = &table.sums[k];
                let mut terms = Vec::new();
                let mut rhs = 0.0;
                let mut score_rhs = vec![0.0; families];
                let mut miss = vec![0.0; families];
                let mut holds = vec![true; families];
                let mut any = vec![false; families];
                let mut squares: Vec<Option<f64>> = vec![Some(0.0); families];
                for (c, sign) in std::iter::once((s.total, -1.0)).chain(s.parts.iter().map(|&p| (p, 1.0))) {
                    let cell = &table.cells[c];
                    let known = vars.binary_search(&c);
                    if let Ok(v) = known {
                        terms.push((v, sign));
                    } else {
                        rhs -= sign * cell.count as f64;
                    }
                    for f in 0..families {
                        if known.is_err() && cell.count > 0 {
                            let square = cell.squares.get(f).copied().flatten();
                            squares[f] = squares[f]
                                .zip(square)
                                .map(|(rhs, sq)| rhs - sign * cell.count as f64 * sq);
                        }
                        holds[f] &= has_score(c, f);
                        any[f] |= score(c, f).is_some();
                        let sum = cell.count as f64 * score(c, f).unwrap_or(0.0);
                        miss[f] += sign * sum;
                        if known.is_err() {
                            score_rhs[f] -= sign * sum;
                        }
                    }
                }
                let slack = (0..families)
                    .map(|f| {
                        SCORE_SLACK
                            .max(score_rhs[f].abs() * 1e-9)
                            .max(miss[f].abs() * (1.0 + 1e-9) + 1e-9)
                    })
                    .collect();
                Row {
                    terms,
                    counts: rhs,
                    scores: score_rhs,
                    slack,
                    holds: holds.iter().zip(&any).map(|(h, a)| h & a).collect(),
                    squares,
                }
            })
            .collect();
        let squared = (0..families)
            .map(|f| {
                scored[f]
                    && table
                        .grids
                        .get(f)
                        .is_some_and(|g| g.len() > 2 && g.len() <= MOST_VALUES)
            })
            .collect();
        let mut rows_of = vec![Vec::new(); vars.len()];
        for (r, row) in rows.iter().enumerate() {
            for &(v, _) in &row.terms {
                rows_of[v].push(r);
            }
        }
        Lp {
            table,
            vars,
            bounds,
            scored,
            squared,
            rows,
            rows_of,
            points: RefCell::new(Vec::new()),
        }
    }

    /// Pushes the hidden cells `open` up in `rounds` interleaved sets
    /// (every `rounds`-th cell, so that the cells pushed together seldom
    /// share a sum), recording the values seen: pushing one set up pushes
    /// the others down, so most cells are seen near both ends of their
    /// range and proven safe without a program of their own. Odd rounds
    /// push the sets' score sums up too.
    fn probe(&self, open: &[usize], rounds: usize, seen: &mut Seen) {
        for round in 0..rounds {
            let mut objective = Vec::new();
            for &c in open.iter().skip(round).step_by(rounds) {
                if let Ok(v) = self.vars.binary_search(&c) {
                    objective.push((v, 1.0));
                    if round % 2 == 1 {
                        for f in (0..self.scored.len()).filter(|&f| self.scored[f]) {
                            objective.push((self.sum_var(f, v), 0.01));
                        }
                    }
                }
            }
            self.solve(&objective, OptimizationDirection::Maximize, seen);
        }
    }

    /// Moves hidden cell `i`, and its scores, both ways in a small program
    /// of the cells around it (see [`Lp::solve_near`]): in a large table,
    /// that most often shows it safe at a fraction of the cost.
    fn near(&self, i: usize, size: usize, seen: &mut Seen) {
        let Ok(v) = self.vars.binary_search(&i) else {
            return;
        };
        let free = self.around(v, size);
        let mut objectives = vec![vec![(v, 1.0)]];
        for (f, score) in self.table.cells[i].scores.iter().enumerate() {
            if let (Some(score), true) = (score, self.scored.get(f) == Some(&true)) {
                objectives.push(vec![(self.sum_var(f, v), 1.0), (v, -score)]);
            }
        }
        // Programs around a cell add no solution of the whole, so the
        // solutions stay as they are while these are solved.
        let points = self.points.borrow();
        for objective in &objectives {
            for direction in [OptimizationDirection::Maximize, OptimizationDirection::Minimize] {
                if let Some(base) = Self::furthest(&points, objective, direction) {
                    self.solve_near(objective, direction, seen, Some((&free, base)));
                }
            }
        }
    }

    /// The variables around variable `v` (sorted, `v` among them): those
    /// sharing a sum with it, then those sharing a sum with them, taking
    /// from each sum the few nearest in the table's order, until there are
    /// `size`.
    fn around(&self, v: usize, size: usize) -> Vec<usize> {
        let mut chosen = vec![v];
        let mut next = 0;
        while next < chosen.len() && chosen.len() < size {
            let u = chosen[next];
            next += 1;
            for &r in &self.rows_of[u] {
                let mut terms: Vec<usize> = self.rows[r]
                    .terms
                    .iter()
                    .map(|&(t, _)| t)
                    .filter(|t| !chosen.contains(t))
                    .collect();
                terms.sort_unstable_by_key(|&t| (t.abs_diff(u), t));
                terms.dedup();
                let room = size.saturating_sub(chosen.len());
                chosen.extend(terms.into_iter().take(PER_SUM.min(room)));
            }
        }
        chosen.sort_unstable();
        chosen
    }

    /// The range of hidden cell `i`; `None` when the solver fails.
    fn range(&self, i: usize, seen: &mut Seen) -> Option<Range> {
        let v = self.vars.binary_search(&i).ok()?;
        let objective = [(v, 1.0)];
        let hi = self.solve(&objective, OptimizationDirection::Maximize, seen)?;
        let lo = self.solve(&objective, OptimizationDirection::Minimize, seen)?;
        Some(Range {
            lo: lo.map_or(1, |v| (v - 1e-6).ceil().max(0.0) as u64),
            hi: hi.map(|v| (v + 1e-6).floor().max(0.0) as u64),
        })
    }

    /// True when hidden cell `i`'s score cannot be worked out: its score
    /// sum minus its score times its count can be told apart from 0 in
    /// some feasible solution. Always true without scores.
    fn score_is_free(&self, i: usize, seen: &mut Seen) -> bool {
        let Ok(v) = self.vars.binary_search(&i) else {
            return true;
        };
        let scores = self.table.cells[i].scores.clone();
        scores.iter().enumerate().all(|(f, score)| {
            let Some(score) = *score else {
                return true;
            };
            if !self.scored[f] || seen.score_moves(f, i) {
                return true;
            }
            let objective = [(self.sum_var(f, v), 1.0), (v, -score)];
            let hi = self.solve(&objective, OptimizationDirection::Maximize, seen);
            let lo = self.solve(&objective, OptimizationDirection::Minimize, seen);
            match (hi, lo) {
                (Some(Some(hi)), Some(Some(lo))) => hi - lo >= seen.steps[f],
                // Unbounded either way: not pinned. A failed solve proves
                // nothing, and the cell counts as pinned.
                (Some(None), Some(_)) | (Some(_), Some(None)) => true,
                _ => false,
            }
        })
    }

    /// The position, in an objective, of score `family`'s sum of variable `v`.
    fn sum_var(&self, family: usize, v: usize) -> usize {
        (1 + family) * self.vars.len() + v
    }

    /// The optimum of `objective` (sparse, over counts then score sums):
    /// `Some(None)` when unbounded, `None` when the solver fails.
    fn solve(
        &self,
        objective: &[(usize, f64)],
        direction: OptimizationDirection,
        seen: &mut Seen,
    ) -> Option<Option<f64>> {
        self.solve_near(objective, direction, seen, None)
    }

    /// Of the whole program's solutions `points`, the one that goes
    /// furthest in `direction` by `objective`.
    fn furthest<'p>(
        points: &'p [Vec<f64>],
        objective: &[(usize, f64)],
        direction: OptimizationDirection,
    ) -> Option<&'p [f64]> {
        let value = |p: &Vec<f64>| objective.iter().map(|&(v, w)| w * p[v]).sum::<f64>();
        let sign = match direction {
            OptimizationDirection::Maximize => 1.0,
            OptimizationDirection::Minimize => -1.0,
        };
        points
            .iter()
            .max_by(|a, b| (sign * value(a)).total_cmp(&(sign * value(b))))
            .map(Vec::as_slice)
    }

    /// [`Lp::solve`], with only the variables `free` (positions, sorted)
    /// free to move and every other one held where a solution of the whole
    /// program puts it. That solution satisfies every sum, so each
    /// solution of the smaller program is one of the whole program too:
    /// what it shows a cell can be, the cell can be.
    fn solve_near(
        &self,
        objective: &[(usize, f64)],
        direction: OptimizationDirection,
        seen: &mut Seen,
        near: Option<(&[usize], &[f64])>,
    ) -> Option<Option<f64>> {
        let n = self.vars.len();
        let families = self.scored.len();
        let (free, base) = match near {
            Some((free, base)) => (Some(free), Some(base)),
            None => (None, None),
        };
        let is_free = |k: usize| free.is_none_or(|f| f.binary_search(&k).is_ok());
        let mut weights = vec![0.0; (1 + families) * n];
        for &(v, w) in objective {
            if v < weights.len() {
                weights[v] += w;
            }
        }
        let mut problem = Problem::new(direction);
        // Each quantity of a cell: a variable of the program, or held at
        // the value of the last whole solution.
        let add = |problem: &mut Problem, slot: usize, k: usize, weight: f64, bounds: (f64, f64)| {
            if is_free(k) {
                Term::Var(problem.add_var(weight, bounds))
            } else {
                Term::Held(base.map_or(0.0, |b| b[slot * n + k]))
            }
        };
        let counts: Vec<Term> = (0..n)
            .map(|k| {
                let c = self.vars[k];
                let cell = &self.table.cells[c];
                let lower = if cell.state == State::Hidden { 1.0 } else { 0.0 };
                let lower = f64::max(lower, cell.least as f64);
                let upper = match (cell.upper, self.bounds[c]) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                let upper = upper.map_or(f64::INFINITY, |u| u as f64);
                add(&mut problem, 0, k, weights[k], (lower, upper))
            })
            .collect();
        // Per score in the program, each cell's sum of it.
        let sums: Vec<Option<Vec<Term>>> = (0..families)
            .map(|f| {
                self.scored[f].then(|| {
                    (0..n)
                        .map(|k| {
                            add(
                                &mut problem,
                                1 + f,
                                k,
                                weights[self.sum_var(f, k)],
                                (0.0, f64::INFINITY),
                            )
                        })
                        .collect()
                })
            })
            .collect();
        for family in sums.iter().flatten() {
            for (k, &sum) in family.iter().enumerate() {
                // A sum of scores from 0 to 100 each.
                constrain(
                    &mut problem,
                    &[(sum, 1.0), (counts[k], -100.0)],
                    ComparisonOp::Le,
                    0.0,
                );
            }
        }
        // Per score whose squares are in, each cell's sum of squares: as a
        // sum of respondents' (1, x, x²) with x on the grid, it lies in the
        // count times their hull, which is bounded by the chord from the
        // least to the most value above and by the chords of neighbours
        // below.
        let squares: Vec<Option<Vec<Term>>> = (0..families)
            .map(|f| {
                let family = sums[f].as_ref().filter(|_| self.squared[f])?;
                let grid = &self.table.grids[f];
                let (low, high) = (grid[0], grid[grid.len() - 1]);
                let vars: Vec<Term> = (0..n)
                    .map(|k| add(&mut problem, 1 + families + f, k, 0.0, (0.0, f64::INFINITY)))
                    .collect();
                for k in 0..n {
                    let (q, sum, count) = (vars[k], family[k], counts[k]);
                    constrain(
                        &mut problem,
                        &[(q, 1.0), (sum, -(low + high)), (count, low * high)],
                        ComparisonOp::Le,
                        0.0,
                    );
                    for pair in grid.windows(2) {
                        let (a, b) = (pair[0], pair[1]);
                        constrain(
                            &mut problem,
                            &[(q, 1.0), (sum, -(a + b)), (count, a * b)],
                            ComparisonOp::Ge,
                            0.0,
                        );
                    }
                }
                Some(vars)
            })
            .collect();
        for row in &self.rows {
            if row.terms.is_empty() {
                continue;
            }
            let expr: Vec<_> = row.terms.iter().map(|&(v, sign)| (counts[v], sign)).collect();
            constrain(&mut problem, &expr, ComparisonOp::Eq, row.counts);
            for (f, family) in sums.iter().enumerate() {
                let Some(family) = family.as_ref().filter(|_| row.holds[f]) else {
                    continue;
                };
                // Published sums are means times counts, rounded: the sum
                // holds to within a little.
                let slack = row.slack[f];
                let expr: Vec<_> = row.terms.iter().map(|&(v, sign)| (family[v], sign)).collect();
                constrain(&mut problem, &expr, ComparisonOp::Le, row.scores[f] + slack);
                constrain(&mut problem, &expr, ComparisonOp::Ge, row.scores[f] - slack);
                if let (Some(vars), Some(rhs)) = (&squares[f], row.squares[f]) {
                    // Squares worked out from rounded intervals: a little
                    // more room.
                    let slack = slack.max(rhs.abs() * 1e-7);
                    let expr: Vec<_> = row.terms.iter().map(|&(v, sign)| (vars[v], sign)).collect();
                    constrain(&mut problem, &expr, ComparisonOp::Le, rhs + slack);
                    constrain(&mut problem, &expr, ComparisonOp::Ge, rhs - slack);
                }
            }
        }
        let solution = match problem.solve() {
            Ok(outcome) => outcome.into_solution().ok()?,
            Err(microlp::Error::Unbounded) => return Some(None),
            Err(_) => return None,
        };
        let value = |term: Term| match term {
            Term::Var(v) => solution.var_value(v),
            Term::Held(x) => x,
        };
        for (k, &c) in self.vars.iter().enumerate() {
            if !is_free(k) {
                continue;
            }
            let x = value(counts[k]);
            seen.record(c, x);
            for (f, family) in sums.iter().enumerate() {
                if let (Some(score), Some(family)) =
                    (self.table.cells[c].scores.get(f).copied().flatten(), family)
                {
                    seen.record_score(f, c, value(family[k]) - score * x);
                }
            }
        }
        let objective = solution.objective();
        if free.is_none() {
            let mut point = vec![0.0; (1 + 2 * families) * n];
            for k in 0..n {
                point[k] = value(counts[k]);
                for f in 0..families {
                    if let Some(family) = &sums[f] {
                        point[(1 + f) * n + k] = value(family[k]);
                    }
                    if let Some(family) = &squares[f] {
                        point[(1 + families + f) * n + k] = value(family[k]);
                    }
                }
            }
            self.points.borrow_mut().push(point);
        }
        Some(Some(objective))
    }
}

/// A quantity in a program: a variable, or held at a value.
#[derive(Clone, Copy)]
enum Term {
    Var(microlp::Variable),
    Held(f64),
}

/// Adds `terms op rhs` to `problem`, held terms moved to the right; a
/// constraint of held terms alone holds already and is left out.
fn constrain(problem: &mut Problem, terms: &[(Term, f64)], op: ComparisonOp, rhs: f64) {
    let mut rhs = rhs;
    let mut expr = Vec::with_capacity(terms.len());
    for &(term, coefficient) in terms {
        match term {
            Term::Var(v) => expr.push((v, coefficient)),
            Term::Held(x) => rhs -= coefficient * x,
        }
    }
    if !expr.is_empty() {
        problem.add_constraint(expr.as_slice(), op, rhs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row: a total and its parts.
    fn row(total: u64, parts: &[(u64, State)]) -> Table {
        let mut cells = vec![Cell {
            fixed: true,
            ..Cell::new(total, State::Published)
        }];
        cells.extend(parts.iter().map(|&(n, s)| Cell::new(n, s)));
        Table {
            sums: vec![Sum {
                total: 0,
                parts: (1..cells.len()).collect(),
            }],
            cells,
            grids: Vec::new(),
            ties: 0,
            twins: Vec::new(),
        }
    }

    #[test]
    fn two_small_cells_that_add_up_to_two_are_each_one() {
        use State::*;
        // 20 = 18 + ? + ?: both hidden cells are exactly 1.
        let t = row(20, &[(18, Published), (1, Hidden), (1, Hidden)]);
        assert_eq!(
            ranges(&t)[1..],
            [
                None,
                Some(Range { lo: 1, hi: Some(1) }),
                Some(Range { lo: 1, hi: Some(1) })
            ]
        );
        let mut t = t;
        let outcome = protect(&mut t, 5);
        // The 18 goes too; now each of the three can be 1 to 18.
        assert_eq!(outcome.hidden, vec![1]);
        assert_eq!(ranges(&t)[2], Some(Range { lo: 1, hi: Some(18) }));
    }

    #[test]
    fn a_lone_hidden_cell_takes_the_smallest_other_with_it() {
        use State::*;
        let mut t = row(
            30,
            &[(12, Published), (3, Hidden), (7, Published), (8, Published)],
        );
        let outcome = protect(&mut t, 5);
        assert_eq!(outcome.hidden, vec![3]);
        // 3 + 7 = 10, each at least 1: 1..9, wide enough for both.
        assert_eq!(ranges(&t)[2], Some(Range { lo: 1, hi: Some(9) }));
    }

    #[test]
    fn the_rule_that_picked_a_protecting_cell_gives_nothing_away() {
        // 4 is small and 5 protects it, both hidden; 5 and 20 are shown.
        // Whoever knows the rule knows the protecting cell was the least
        // that could be hidden, so at most 5, and at least 5 (it is not
        // small): 4 + 5 = 9 would leave {4, 5}. The next least is hidden.
        let mut t = row(
            34,
            &[
                (4, State::Hidden),
                (5, State::Hidden),
                (5, State::Published),
                (20, State::Published),
            ],
        );
        let sums_of = sums_of(&t);
        assert_eq!(rule_bounds(&t, &sums_of, 5)[1..3], [Some(5), Some(5)]);
        let out = protect(&mut t, 5);
        assert_eq!(out.hidden, vec![3]);
        assert!(out.unsafe_cells.is_empty());
        assert_eq!(rule_bounds(&t, &sums_of, 5)[1..4], [Some(20), Some(20), Some(20)]);
    }

    #[test]
    fn a_protecting_cell_must_span_min_group_size() {
        use State::*;
        // A protecting 6 beside a small 1: both 1..6, a width of 5: enough.
        let mut t = row(27, &[(20, Published), (1, Hidden), (6, Hidden)]);
        assert!(protect(&mut t, 5).hidden.is_empty());
        // A protecting 5 beside a small 1: both 1..5, a width of 4: the
        // 20 goes too.
        let mut t = row(26, &[(20, Published), (1, Hidden), (5, Hidden)]);
        assert_eq!(protect(&mut t, 5).hidden, vec![1]);
    }

    #[test]
    fn cells_joined_by_a_bridge_are_audited_together() {
        use State::*;
        // A 2x2 table with margins: rows a, b; columns x, y.
        //        x    y  | total
        //   a    1?   9? | 10
        //   b    9?   1? | 10
        //   ----------------
        //       10   10  | 20
        let mut cells = vec![
            Cell::new(1, Hidden),
            Cell::new(9, Hidden),
            Cell::new(9, Hidden),
            Cell::new(1, Hidden),
            Cell::new(10, Published),
            Cell::new(10, Published),
            Cell::new(10, Published),
            Cell::new(10, Published),
        ];
        cells.push(Cell {
            fixed: true,
            ..Cell::new(20, Published)
        });
        let sum = |total, parts: &[usize]| Sum {
            total,
            parts: parts.to_vec(),
        };
        let t = Table {
            cells,
            sums: vec![
                sum(4, &[0, 1]),
                sum(5, &[2, 3]),
                sum(6, &[0, 2]),
                sum(7, &[1, 3]),
                sum(8, &[4, 5]),
                sum(8, &[6, 7]),
            ],
            grids: Vec::new(),
            ties: 0,
            twins: Vec::new(),
        };
        let r = ranges(&t);
        assert_eq!(r[0], Some(Range { lo: 1, hi: Some(9) }));
        assert!(is_safe(1, r[0].expect("hidden"), 5));
        assert!(is_safe(9, r[1].expect("hidden"), 5));
    }

    /// A table of `periods` rows and `values` columns of respondents who
    /// answer on a five-point scale, with its row, column and overall
    /// totals; cells of fewer than `min_group_size` are hidden. Sizes and
    /// answers come from `seed`, but everyone in every seventh row, from
    /// the fourth, gives the top answer.
    fn scored_grid(periods: usize, values: usize, min_group_size: u64, seed: u64) -> Table {
        let mut state = seed;
        let mut next = |below: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % below
        };
        let grid = vec![0.0, 25.0, 50.0, 75.0, 100.0];
        // Each cell's respondents' count, sum of scores and of squares.
        let mut inner = Vec::new();
        for p in 0..periods {
            for v in 0..values {
                let count = next(12 / (v as u64 + 1) + 1);
                let (mut sum, mut squares) = (0.0, 0.0);
                for _ in 0..count {
                    let x = if p % 7 == 3 { 100.0 } else { grid[next(5) as usize] };
                    sum += x;
                    squares += x * x;
                }
                inner.push((count, sum, squares));
            }
        }
        let add = |cells: &[(u64, f64, f64)]| {
            cells
                .iter()
                .fold((0, 0.0, 0.0), |(n, s, q), &(a, b, c)| (n + a, s + b, q + c))
        };
        let rows: Vec<_> = (0..periods)
            .map(|p| add(&inner[p * values..(p + 1) * values]))
            .collect();
        let columns: Vec<_> = (0..values)
            .map(|v| add(&inner.iter().skip(v).step_by(values).copied().collect::<Vec<_>>()))
            .collect();
        let overall = add(&rows);
        let make = |(count, sum, squares): (u64, f64, f64)| {
            let state = if count == 0 || count >= min_group_size {
                State::Published
            } else {
                State::Hidden
            };
            let mut c = Cell::new(count, state);
            if count > 0 {
                c.scores = vec![Some(sum / count as f64)];
                c.squares = vec![Some(squares / count as f64)];
            } else {
                c.scores = vec![None];
                c.squares = vec![None];
            }
            c
        };
        let mut cells = vec![make(overall)];
        cells[0].fixed = true;
        cells.extend(rows.iter().map(|&r| make(r)));
        cells.extend(columns.iter().map(|&c| make(c)));
        cells.extend(inner.iter().map(|&c| make(c)));
        let first_inner = 1 + periods + values;
        let mut sums = vec![
            Sum {
                total: 0,
                parts: (1..=periods).collect(),
            },
            Sum {
                total: 0,
                parts: (1 + periods..first_inner).collect(),
            },
        ];
        for p in 0..periods {
            sums.push(Sum {
                total: 1 + p,
                parts: (0..values).map(|v| first_inner + p * values + v).collect(),
            });
        }
        for v in 0..values {
            sums.push(Sum {
                total: 1 + periods + v,
                parts: (0..periods).map(|p| first_inner + p * values + v).collect(),
            });
        }
        Table {
            cells,
            sums,
            grids: vec![grid],
            ties: 0,
            twins: Vec::new(),
        }
    }

    #[test]
    fn programs_around_a_cell_prove_safe_only_what_the_whole_program_does() {
        let sizes = [12, 30];
        let mut more_for_scores = 0;
        for seed in 1..=4 {
            let table = scored_grid(16, 5, 5, seed);
            let hidden = table.cells.iter().filter(|c| c.state == State::Hidden).count();
            assert!(
                hidden > sizes[1],
                "{hidden} hidden cells: too few to try programs around one"
            );
            let whole_start = table.clone();
            let (mut near, mut whole) = (table.clone(), table);
            let with_near = protect_near(&mut near, 5, &sizes);
            let without = protect_near(&mut whole, 5, &[]);
            assert_eq!(with_near.hidden, without.hidden, "seed {seed}");
            assert_eq!(with_near.unsafe_cells, without.unsafe_cells, "seed {seed}");
            assert_eq!(near, whole, "seed {seed}");
            // The rows where everyone agrees would tell their hidden
            // cells' scores: the audit with scores hides more than counts
            // alone ask for.
            let mut counts = without_scores(&whole_start);
            more_for_scores +=
                usize::from(protect_near(&mut counts, 5, &[]).hidden.len() < without.hidden.len());
        }
        assert!(more_for_scores > 0);
    }
}
