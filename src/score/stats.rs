//! How sure a score is: 95 % intervals of means and of the Net Promoter
//! Score, and Welch's t-test for the difference of two means, as the format
//! defines them. The t distribution comes from statrs.

use crate::aggregate::Moments;
use statrs::distribution::{ContinuousCDF, StudentsT};

/// The 0.975 quantile of Student's t with `df` degrees of freedom.
pub fn t975(df: f64) -> Option<f64> {
    StudentsT::new(0.0, 1.0, df).ok().map(|t| t.inverse_cdf(0.975))
}

/// The 95 % interval of a published score `center` whose spread is that of
/// `moments`: center ± t(0.975, n-1) · s / √n, clipped to 0..100. `None`
/// with fewer than two scores.
pub fn ci95(center: f64, moments: &Moments) -> Option<[f64; 2]> {
    let variance = moments.variance()?;
    let n = moments.n as f64;
    let half = t975(n - 1.0)? * (variance / n).sqrt();
    Some([(center - half).max(0.0), (center + half).min(100.0)])
}

/// The 95 % interval of a Net Promoter Score from `promoters` and
/// `detractors` among `n` answers: 100 · (d ± 1.96 · √((p + q − d²) / n)),
/// clipped to −100..100. `None` with fewer than two answers.
pub fn nps_ci95(promoters: u64, detractors: u64, n: u64) -> Option<[f64; 2]> {
    if n < 2 {
        return None;
    }
    let (p, q) = (promoters as f64 / n as f64, detractors as f64 / n as f64);
    let d = p - q;
    let half = 1.96 * ((p + q - d * d).max(0.0) / n as f64).sqrt();
    Some([(100.0 * (d - half)).max(-100.0), (100.0 * (d + half)).min(100.0)])
}

/// Whether a test's p-value is significant at the 5 % level; `None`
/// without a test. The one place the threshold is set.
pub fn significant(p: Option<f64>) -> Option<bool> {
    p.map(|p| p < 0.05)
}

/// The two-sided p-value of Welch's t-test (Welch–Satterthwaite degrees of
/// freedom) for the means of `a` and `b`. `None` with fewer than two scores
/// on either side, or no variance on both.
pub fn welch_p(a: &Moments, b: &Moments) -> Option<f64> {
    let (va, vb) = (a.variance()? / a.n as f64, b.variance()? / b.n as f64);
    let se2 = va + vb;
    if se2 <= 0.0 {
        return None;
    }
    let t = (a.mean()? - b.mean()?) / se2.sqrt();
    let df = se2 * se2 / (va * va / (a.n as f64 - 1.0) + vb * vb / (b.n as f64 - 1.0));
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    // The survival function keeps tiny p-values that 1 - cdf would round to 0.
    Some((2.0 * dist.sf(t.abs())).clamp(0.0, 1.0))
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

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9 * b.abs().max(1.0)
    }

    // Reference values from scipy 1.x: stats.t.ppf(0.975, df) and
    // stats.ttest_ind(a, b, equal_var=False).
    #[test]
    fn t_quantiles_match_scipy() {
        for (df, expected) in [
            (1.0, 12.706204736174694),
            (2.0, 4.302652729749462),
            (5.0, 2.5705818356363146),
            (30.0, 2.0422724563012378),
            (1000.0, 1.9623390808264083),
        ] {
            let t = t975(df).expect("a quantile");
            assert!((t - expected).abs() < 1e-6, "df {df}: {t} != {expected}");
        }
    }

    #[test]
    fn welch_matches_scipy() {
        let a = of(&[100.0, 75.0, 50.0, 75.0, 100.0, 25.0]);
        let b = of(&[50.0, 25.0, 50.0, 0.0, 25.0, 75.0, 50.0, 25.0]);
        let p = welch_p(&a, &b).expect("a p-value");
        assert!((p - 0.045712829244392475).abs() < 1e-6, "{p}");
        let a = of(&[&[100.0; 5][..], &[0.0; 3]].concat());
        let b = of(&[&[100.0; 20][..], &[0.0; 2]].concat());
        let p = welch_p(&a, &b).expect("a p-value");
        assert!((p - 0.17712309454836062).abs() < 1e-6, "{p}");
        // Too few, or no variance at all: no test.
        assert_eq!(welch_p(&of(&[50.0]), &b), None);
        assert_eq!(welch_p(&of(&[50.0, 50.0]), &of(&[70.0, 70.0])), None);
    }

    #[test]
    fn intervals_match_scipy_and_are_clipped() {
        let m = of(&[100.0, 75.0, 50.0, 75.0, 100.0, 25.0]);
        let [low, high] = ci95(m.mean().expect("mean"), &m).expect("an interval");
        assert!(close(low, 40.162391040708975), "{low}");
        assert_eq!(high, 100.0, "101.504... is clipped");
        assert_eq!(ci95(50.0, &of(&[50.0])), None);
        let [low, high] = nps_ci95(5, 2, 10).expect("an interval");
        // d = 0.3, sqrt((0.5 + 0.2 - 0.09) / 10) = 0.24698..., half = 0.48408...
        assert!(close(low, 100.0 * (0.3 - 1.96 * (0.061_f64).sqrt())), "{low}");
        assert!(close(high, 100.0 * (0.3 + 1.96 * (0.061_f64).sqrt())), "{high}");
        assert_eq!(nps_ci95(1, 0, 1), None);
    }
}
