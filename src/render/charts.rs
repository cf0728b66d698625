//! Charts as SVG strings, drawn with plotters' SVG backend: no font files
//! are needed (text is SVG `<text>` in the reader's sans-serif font) and the
//! bytes are the same on every machine. Every chart gets `role="img"`, a
//! `<title>` and a `<desc>` (plotters cannot add them itself), and the report
//! shows the same numbers as a table beside it.
//!
//! Colours come from palettes that stay distinct for colour-blind readers
//! (Okabe-Ito, and an orange-to-purple diverging scale). Colours follow
//! favourability, not position: the best answer is always purple (the
//! first answer of a reversed scale, nps 9-10, yes) and the worst orange,
//! while labels, their numbering and the order of the scale stay as the
//! question asks them.

use super::templates::escape;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Chart width in SVG units; pages scale charts down on narrow screens.
pub const WIDTH: u32 = 640;

const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const MUTED: RGBColor = RGBColor(0x59, 0x59, 0x59);
const GRID: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);
/// Okabe-Ito blue.
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xb2);
/// Okabe-Ito vermillion.
pub const VERMILLION: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
/// A neutral grey that reads on white.
pub const GREY: RGBColor = RGBColor(0xa6, 0xa6, 0xa6);
const NEGATIVE: (f64, f64, f64) = (230.0, 97.0, 1.0);
const NEUTRAL: (f64, f64, f64) = (217.0, 217.0, 217.0);
const POSITIVE: (f64, f64, f64) = (94.0, 60.0, 153.0);
/// The most favourable answer's colour: the purple end of the diverging scale.
pub const BEST: RGBColor = RGBColor(94, 60, 153);
/// The least favourable answer's colour: the orange end of the diverging scale.
pub const WORST: RGBColor = RGBColor(230, 97, 1);

fn mix(a: (f64, f64, f64), b: (f64, f64, f64), t: f64) -> RGBColor {
    let ch = |x: f64, y: f64| (x + (y - x) * t).round().clamp(0.0, 255.0) as u8;
    RGBColor(ch(a.0, b.0), ch(a.1, b.1), ch(a.2, b.2))
}

/// `n` colours from orange (worst) through grey to purple (best).
pub fn diverging_palette(n: usize) -> Vec<RGBColor> {
    if n < 2 {
        return vec![mix(NEUTRAL, POSITIVE, 1.0)];
    }
    let mid = (n - 1) as f64 / 2.0;
    (0..n)
        .map(|i| {
            let x = i as f64;
            if x < mid {
                mix(NEGATIVE, NEUTRAL, 0.15 + 0.7 * x / mid)
            } else if x > mid {
                mix(NEUTRAL, POSITIVE, 0.15 + 0.85 * (x - mid) / mid)
            } else {
                mix(NEUTRAL, NEUTRAL, 0.0)
            }
        })
        .collect()
}

fn text_on(bg: RGBColor) -> RGBColor {
    let lum = 0.2126 * f64::from(bg.0) + 0.7152 * f64::from(bg.1) + 0.0722 * f64::from(bg.2);
    if lum > 140.0 {
        INK
    } else {
        WHITE
    }
}

fn font(size: u32, color: RGBColor, h: HPos) -> TextStyle<'static> {
    ("sans-serif", size * 5 / 4)
        .into_font()
        .color(&color)
        .pos(Pos::new(h, VPos::Center))
}

/// Adds `role="img"`, `aria-labelledby`, `<title>` and `<desc>` to an SVG.
pub fn accessible(svg: &str, id: &str, title: &str, desc: &str) -> String {
    let Some(open_end) = svg.find('>') else {
        return svg.to_owned();
    };
    let (open, rest) = svg.split_at(open_end);
    format!(
        "{open} role=\"img\" aria-labelledby=\"{id}-t {id}-d\" class=\"chart\"><title id=\"{id}-t\">{}</title><desc id=\"{id}-d\">{}</desc>{}",
        escape(title, false),
        escape(desc, false),
        &rest[1..]
    )
}

fn draw<F>(height: u32, paint: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), Box<dyn std::error::Error>>,
{
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        // Drawing into a string cannot fail; an error would only leave the chart empty.
        let _ = root.fill(&WHITE);
        let _ = paint(&root);
        let _ = root.present();
    }
    svg
}

/// One segment of a diverging bar: its label, share (0..1), colour index.
pub struct Part {
    /// The answer's label.
    pub label: String,
    /// Its share of the answers, 0..1.
    pub share: f64,
    /// The share as printed (`41 %`).
    pub shown: String,
}

/// A diverging stacked bar for a scale question, its answers in the scale's
/// order: the first half to the left of the centre, the second to the right,
/// and the neutral answer (on a scale with a middle point) drawn once,
/// straddling the centre. `best_first` (a reversed scale) turns the colours
/// round so that the best answer is still purple; the ends of the bar say
/// which way is `better` and which `worse`.
pub fn diverging(parts: &[Part], best_first: bool, better: &str, worse: &str) -> String {
    let n = parts.len();
    let mut colors = diverging_palette(n);
    if best_first {
        colors.reverse();
    }
    let legend_rows = n.div_ceil(2) as u32;
    let height = 70 + legend_rows * 22;
    draw(height, |root| {
        let (left, right) = (20.0, f64::from(WIDTH) - 20.0);
        let center = (left + right) / 2.0;
        let half = (right - left) / 2.0;
        let (y0, y1) = (22, 58);
        let middle = if n % 2 == 1 { Some(n / 2) } else { None };
        let below: f64 = parts[..n / 2].iter().map(|p| p.share).sum::<f64>()
            + middle.map_or(0.0, |m| parts[m].share / 2.0);
        let mut x = center - below * half;
        for (i, p) in parts.iter().enumerate() {
            let w = p.share * half;
            let (a, b) = (x.round() as i32, (x + w).round() as i32);
            if b > a {
                root.draw(&Rectangle::new([(a, y0), (b, y1)], colors[i].filled()))?;
                if w >= 34.0 {
                    let t = font(12, text_on(colors[i]), HPos::Center);
                    root.draw(&Text::new(p.shown.clone(), ((a + b) / 2, (y0 + y1) / 2), t))?;
                }
            }
            x += w;
        }
        let c = center.round() as i32;
        root.draw(&PathElement::new(
            vec![(c, y0 - 6), (c, y1 + 6)],
            INK.stroke_width(1),
        ))?;
        let (first, last) = if best_first {
            (better, worse)
        } else {
            (worse, better)
        };
        let ends = [
            (format!("\u{2190} {first}"), left, HPos::Left),
            (format!("{last} \u{2192}"), right, HPos::Right),
        ];
        for (text, x, h) in ends {
            root.draw(&Text::new(text, (x.round() as i32, 10), font(12, MUTED, h)))?;
        }
        for (i, p) in parts.iter().enumerate() {
            let (row, col) = ((i / 2) as i32, (i % 2) as i32);
            let (lx, ly) = (20 + col * 310, 78 + row * 22);
            root.draw(&Rectangle::new(
                [(lx, ly - 6), (lx + 12, ly + 6)],
                colors[i].filled(),
            ))?;
            let label = format!("{}. {} ({})", i + 1, p.label, p.shown);
            root.draw(&Text::new(label, (lx + 18, ly), font(12, INK, HPos::Left)))?;
        }
        Ok(())
    })
}

/// Bars for the eleven answers of an nps question, coloured as detractors
/// (0-6, orange), passives (7-8, grey) and promoters (9-10, purple).
pub fn nps(shares: &[(f64, String)], legend: [&str; 3]) -> String {
    let height = 230;
    draw(height, |root| {
        let (left, base, top) = (30, 170, 30);
        let step = (WIDTH as i32 - 2 * left) / 11;
        let max = shares.iter().map(|s| s.0).fold(0.0, f64::max).max(0.01);
        for (v, (share, shown)) in shares.iter().enumerate() {
            let color = match v {
                0..=6 => WORST,
                7 | 8 => GREY,
                _ => BEST,
            };
            let x = left + v as i32 * step;
            let h = (share / max * f64::from(base - top)).round() as i32;
            if h > 0 {
                root.draw(&Rectangle::new(
                    [(x + 4, base - h), (x + step - 4, base)],
                    color.filled(),
                ))?;
            }
            root.draw(&Text::new(
                shown.clone(),
                (x + step / 2, base - h - 10),
                font(11, INK, HPos::Center),
            ))?;
            root.draw(&Text::new(
                v.to_string(),
                (x + step / 2, base + 12),
                font(12, INK, HPos::Center),
            ))?;
        }
        root.draw(&PathElement::new(
            vec![(left, base), (WIDTH as i32 - left, base)],
            GRID.stroke_width(1),
        ))?;
        for (i, (label, color)) in legend.iter().zip([WORST, GREY, BEST]).enumerate() {
            let lx = left + i as i32 * 200;
            root.draw(&Rectangle::new([(lx, 200), (lx + 12, 212)], color.filled()))?;
            root.draw(&Text::new(
                (*label).to_owned(),
                (lx + 18, 206),
                font(12, INK, HPos::Left),
            ))?;
        }
        Ok(())
    })
}

/// Horizontal bars, one per answer (yes/no, options): label, share, printed
/// value. `colors` gives answers their colours in order (yes [`BEST`], no
/// [`WORST`]); answers past its end are blue.
pub fn bars(items: &[(String, f64, String)], colors: &[RGBColor]) -> String {
    let row = 30;
    let height = 10 + row * items.len() as u32;
    draw(height, |root| {
        let label_w = 210;
        let max_w = f64::from(WIDTH - label_w - 110);
        for (i, (label, share, shown)) in items.iter().enumerate() {
            let y = 10 + i as i32 * row as i32;
            let mid = y + (row as i32 - 8) / 2;
            let short: String = if label.chars().count() > 30 {
                format!("{}…", label.chars().take(29).collect::<String>())
            } else {
                label.clone()
            };
            root.draw(&Text::new(
                short,
                (label_w as i32 - 8, mid),
                font(12, INK, HPos::Right),
            ))?;
            let w = (share * max_w).round() as i32;
            let x0 = label_w as i32;
            if w > 0 {
                root.draw(&Rectangle::new(
                    [(x0, y), (x0 + w, y + row as i32 - 8)],
                    colors.get(i).unwrap_or(&BLUE).filled(),
                ))?;
            }
            root.draw(&Text::new(
                shown.clone(),
                (x0 + w + 6, mid),
                font(12, INK, HPos::Left),
            ))?;
        }
        Ok(())
    })
}

/// The trend chart's plot width: the chart less its margins and the score axis.
const PLOT_WIDTH: u32 = WIDTH - 24 - 36;
/// The width of an average character of the trend's period labels (15 px sans-serif).
const LABEL_CHAR: f64 = 8.5;

/// A level's score per period as a line, with its target as a dashed line.
/// `intervals` holds each point's 95 % interval, drawn as a whisker, so a
/// point from three answers does not look as sure as one from seven hundred.
pub fn trend(
    points: &[(String, Option<f64>)],
    intervals: &[Option<[f64; 2]>],
    target: f64,
    target_label: &str,
) -> String {
    let height = 240;
    draw(height, |root| {
        let n = points.len().max(1) as i32;
        let labels: Vec<String> = points.iter().map(|p| p.0.clone()).collect();
        // Periods in words are long ("3rd quarter 2026"): label every
        // `every`th period, counted back from the latest, so that labels do
        // not overlap, and leave room for the last one's right half. The
        // table and the description name every period.
        let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64 * LABEL_CHAR;
        let slot = f64::from(PLOT_WIDTH) / f64::from(n);
        let every = ((widest + 16.0) / slot).ceil().max(1.0) as usize;
        let right = (widest / 2.0 - slot / 2.0 + 4.0).max(12.0).round() as u32;
        let mut chart = ChartBuilder::on(root)
            .margin(12)
            .margin_right(right)
            .x_label_area_size(34)
            .y_label_area_size(36)
            .build_cartesian_2d(-0.5f64..(f64::from(n) - 0.5), 0f64..100f64)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .y_labels(6)
            .x_labels(labels.len().max(1))
            .x_label_formatter(&|x| {
                let i = x.round() as usize;
                if (x - x.round()).abs() < 1e-6
                    && i < labels.len()
                    && (labels.len() - 1 - i).is_multiple_of(every)
                {
                    labels[i].clone()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| format!("{y:.0}"))
            .label_style(("sans-serif", 15).into_font().color(&MUTED))
            .axis_style(GRID)
            .draw()?;
        chart.draw_series(DashedLineSeries::new(
            vec![(-0.5, target), (f64::from(n) - 0.5, target)],
            6,
            4,
            VERMILLION.stroke_width(2),
        ))?;
        let (tx, ty) = chart.backend_coord(&(f64::from(n) - 0.5, target));
        root.draw(&Text::new(
            target_label.to_owned(),
            (tx - 4, ty - 10),
            font(12, VERMILLION, HPos::Right),
        ))?;
        for (i, interval) in intervals.iter().enumerate() {
            if let Some([low, high]) = interval {
                let x = i as f64;
                let whisker = BLUE.mix(0.45).stroke_width(2);
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(x, *low), (x, *high)],
                    whisker,
                )))?;
                for y in [*low, *high] {
                    chart.draw_series(std::iter::once(PathElement::new(
                        vec![(x - 0.08, y), (x + 0.08, y)],
                        whisker,
                    )))?;
                }
            }
        }
        // A gap in the data (a period nobody answered this level) breaks the line.
        let mut run: Vec<(f64, f64)> = Vec::new();
        let mut runs = Vec::new();
        for (i, (_, score)) in points.iter().enumerate() {
            match score {
                Some(s) => run.push((i as f64, *s)),
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            chart.draw_series(LineSeries::new(run.clone(), BLUE.stroke_width(2)))?;
            chart.draw_series(run.into_iter().map(|p| Circle::new(p, 4, BLUE.filled())))?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(shares: &[f64]) -> Vec<Part> {
        shares
            .iter()
            .enumerate()
            .map(|(i, s)| Part {
                label: format!("v{i}"),
                share: *s,
                shown: format!("{:.0} %", s * 100.0),
            })
            .collect()
    }

    #[test]
    fn charts_are_deterministic_and_need_no_fonts() {
        let a = diverging(&parts(&[0.1, 0.2, 0.4, 0.2, 0.1]), false, "better", "worse");
        let b = diverging(&parts(&[0.1, 0.2, 0.4, 0.2, 0.1]), false, "better", "worse");
        assert_eq!(a, b);
        assert!(a.contains("font-family=\"sans-serif\""));
        assert!(a.starts_with("<svg"));
    }

    #[test]
    fn the_neutral_share_straddles_the_centre() {
        // 40 % neutral on a five-point scale: 30 % left of it, so the neutral
        // bar starts at centre - (30 + 20) % of the half width.
        let svg = diverging(&parts(&[0.1, 0.2, 0.4, 0.2, 0.1]), false, "better", "worse");
        let center = f64::from(WIDTH) / 2.0;
        let half = (f64::from(WIDTH) - 40.0) / 2.0;
        let start = (center - 0.5 * half).round();
        assert!(svg.contains(&format!("x=\"{start}\"")), "{svg}");
        // The neutral share is printed once, in its segment, and once in the legend.
        assert_eq!(svg.matches(">\n40 %").count() + svg.matches(">40 %").count(), 1);
    }

    #[test]
    fn accessible_svg_has_title_and_desc() {
        let svg = accessible("<svg width=\"1\">x</svg>", "c1", "A & B", "desc <here>");
        assert_eq!(
            svg,
            "<svg width=\"1\" role=\"img\" aria-labelledby=\"c1-t c1-d\" class=\"chart\"><title id=\"c1-t\">A &amp; B</title><desc id=\"c1-d\">desc &lt;here&gt;</desc>x</svg>"
        );
    }

    #[test]
    fn the_best_answer_is_purple_on_reversed_scales_too() {
        let shares = [0.1, 0.2, 0.4, 0.2, 0.1];
        let purple = "#5E3C99";
        let orange = format!(
            "#{:02X}{:02X}{:02X}",
            diverging_palette(5)[0].0,
            diverging_palette(5)[0].1,
            diverging_palette(5)[0].2
        );
        let first = |svg: &str, color: &str| svg.find(color).expect("the colour is drawn");
        // A scale from bad to good: the first answer is orange, "better" on the right.
        let normal = diverging(&parts(&shares), false, "better", "worse");
        assert!(first(&normal, &orange) < first(&normal, purple));
        assert!(normal.contains("\u{2190} worse") && normal.contains("better \u{2192}"));
        // Reversed ("Never" is best): the first answer is purple, "better" on the left.
        let reversed = diverging(&parts(&shares), true, "better", "worse");
        assert!(first(&reversed, purple) < first(&reversed, &orange));
        assert!(reversed.contains("\u{2190} better") && reversed.contains("worse \u{2192}"));
        // Labels and their order stay as the scale is asked.
        let at = |svg: &str, label: &str| svg.find(label).expect("the label is drawn");
        assert!(at(&reversed, "1. v0") < at(&reversed, "5. v4"));
    }

    #[test]
    fn nps_and_yes_no_are_coloured_by_favourability() {
        let shares: Vec<(f64, String)> = (0..11).map(|_| (1.0 / 11.0, "9 %".to_owned())).collect();
        let svg = nps(&shares, ["d", "p", "pr"]);
        let hex = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        // Bars 0-6 before 9-10, so the worst colour comes first.
        assert!(svg.find(&hex(WORST)) < svg.find(&hex(BEST)));
        let items = vec![
            ("Yes".to_owned(), 0.7, "70 %".to_owned()),
            ("No".to_owned(), 0.3, "30 %".to_owned()),
        ];
        let yes_no = bars(&items, &[BEST, WORST]);
        assert!(yes_no.find(&hex(BEST)) < yes_no.find(&hex(WORST)));
        assert!(bars(&items, &[]).contains(&hex(BLUE)));
    }

    #[test]
    fn long_period_names_are_thinned_from_the_latest() {
        let points: Vec<(String, Option<f64>)> = (1..=6)
            .map(|q| (format!("{q}-й квартал 2025 г."), Some(50.0)))
            .collect();
        let svg = trend(&points, &[None; 6], 80.0, "Цель 80");
        // Six long names fit every other one, counted back from the latest.
        assert!(svg.contains("6-й квартал 2025 г."), "{svg}");
        assert!(svg.contains("4-й квартал 2025 г."));
        assert!(!svg.contains("5-й квартал 2025 г."));
    }

    #[test]
    fn palettes_have_a_grey_middle() {
        let p = diverging_palette(5);
        assert_eq!(p[2], RGBColor(217, 217, 217));
        assert_eq!(p.len(), 5);
    }
}
