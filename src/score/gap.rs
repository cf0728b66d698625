//! With an audience: the comparison groups beside it (the other values of
//! its segment, and respondents without one), and the gap to each, tested
//! with Welch's t-test.

use super::stats;
use crate::aggregate::{Cell, CellCounts, Moments, Tally, NO_VALUE};
use crate::model::Survey;

/// A comparison group of a survey with an audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Another value of the audience's segment (index into its values).
    Value(usize),
    /// Respondents without a value for the audience's segment.
    NoValue,
}

/// A comparison group beside the audience: its figures and the gap.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// Who.
    pub group: Group,
    /// What may be shown of them.
    pub cell: GapCell,
}

/// A comparison group's figures.
#[derive(Debug, Clone, PartialEq)]
pub enum GapCell {
    /// The figures.
    Shown {
        /// The group's respondents (for a question: its answers).
        responses: u64,
        /// The group's score.
        score: Option<f64>,
        /// Its 95 % interval.
        ci95: Option<[f64; 2]>,
        /// The group's score minus the audience's.
        difference: Option<f64>,
        /// Welch's test of the two groups' scores; `None` without a test.
        p: Option<f64>,
    },
    /// Too few respondents, or hidden with the group's breakdown cell.
    Hidden,
}

/// The comparison groups of a survey with an audience, with their counts
/// over all periods: the other values of the audience's segment, in
/// declared order, then the respondents without a value, when there are any.
pub(super) fn comparison_groups<'t>(
    survey: &Survey,
    tally: &'t Tally,
    empty: &'t CellCounts,
) -> Vec<(Group, &'t CellCounts)> {
    let Some(audience) = survey.audience else {
        return Vec::new();
    };
    let segment = audience.segment as u32;
    let counts = |value: u32| {
        tally.cell(Cell {
            period: None,
            segment: Some((segment, value)),
            audience: false,
        })
    };
    let mut groups: Vec<(Group, &CellCounts)> = (0..survey.segments[audience.segment].values.len())
        .filter(|v| *v != audience.value)
        .map(|v| (Group::Value(v), counts(v as u32).unwrap_or(empty)))
        .collect();
    groups.extend(counts(NO_VALUE).map(|c| (Group::NoValue, c)));
    groups
}

/// A comparison group's figures beside the audience's: `figures` are its
/// respondents, score and interval; the test compares `theirs` with `ours`.
pub(super) fn gap(
    group: Group,
    (responses, score, ci95): (u64, Option<f64>, Option<[f64; 2]>),
    audience_score: Option<f64>,
    theirs: &Moments,
    ours: &Moments,
) -> Gap {
    Gap {
        group,
        cell: GapCell::Shown {
            responses,
            score,
            ci95,
            difference: score.zip(audience_score).map(|(a, b)| a - b),
            p: stats::welch_p(theirs, ours),
        },
    }
}
