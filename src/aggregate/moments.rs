//! Mergeable moments of a set of scores: how many, their sum and their sum
//! of squares, enough for a mean, a standard deviation, an interval and a
//! test. Scores are kept as whole millionths in integers, so adding and
//! merging are exact: any split and any order of files gives the same bits.

use serde::{Deserialize, Serialize};

/// Millionths of a score point: the resolution scores are summed at.
const UNIT: f64 = 1_000_000.0;

/// Count, sum and sum of squares of scores (0..100), in millionths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moments {
    /// How many scores.
    pub n: u64,
    /// Their sum, in millionths.
    sum: i128,
    /// The sum of their squares, in millionths squared.
    sumsq: i128,
}

impl Moments {
    /// Adds one score.
    pub fn add(&mut self, score: f64) {
        self.add_many(score, 1);
    }

    /// Adds the same score `count` times.
    pub fn add_many(&mut self, score: f64, count: u64) {
        let x = (score * UNIT).round() as i128;
        let k = i128::from(count);
        self.n += count;
        self.sum += x * k;
        self.sumsq += x * x * k;
    }

    /// Adds other moments.
    pub fn merge(&mut self, other: &Moments) {
        self.n += other.n;
        self.sum += other.sum;
        self.sumsq += other.sumsq;
    }

    /// Takes out moments that were merged in before.
    pub fn unmerge(&mut self, other: &Moments) {
        self.n -= other.n;
        self.sum -= other.sum;
        self.sumsq -= other.sumsq;
    }

    /// The mean, when there is a score.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64 / UNIT)
    }

    /// The sample variance (n - 1), when there are two scores or more.
    pub fn variance(&self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let n = i128::from(self.n);
        // n * sum(x^2) - (sum x)^2 is exact in integers and never negative.
        let spread = n * self.sumsq - self.sum * self.sum;
        Some(spread.max(0) as f64 / (n * (n - 1)) as f64 / (UNIT * UNIT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(scores: &[f64]) -> Moments {
        let mut m = Moments::default();
        for s in scores {
            m.add(*s);
        }
        m
    }

    #[test]
    fn mean_and_variance_match_the_textbook() {
        let m = of(&[100.0, 50.0, 0.0, 75.0]);
        assert_eq!(m.mean(), Some(56.25));
        // Sample variance of 100, 50, 0, 75: 1822.916666...
        let v = m.variance().expect("two or more");
        assert!((v - 1822.9166666666667).abs() < 1e-9, "{v}");
        assert_eq!(of(&[42.0]).variance(), None);
        assert_eq!(of(&[]).mean(), None);
        assert_eq!(of(&[70.0, 70.0, 70.0]).variance(), Some(0.0));
    }

    #[test]
    fn merging_is_exact_in_any_order() {
        let scores = [33.333333333, 66.666666667, 12.5, 99.9, 0.1, 50.0, 71.428571];
        let whole = of(&scores);
        let (a, b) = scores.split_at(3);
        let mut ab = of(a);
        ab.merge(&of(b));
        let mut ba = of(b);
        ba.merge(&of(a));
        assert_eq!(ab, whole);
        assert_eq!(ba, whole);
        let mut twice = Moments::default();
        twice.add_many(12.5, 2);
        assert_eq!(twice, of(&[12.5, 12.5]));
    }
}
