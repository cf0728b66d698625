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
use plotters::element::DashedPathElement;
use plotters::prelude::*;

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

/// `#RRGGBB`, as SVG and HTML attributes take a colour.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// One of the two sizes every chart is drawn in. Pages show the wide one
/// on screens of 40rem and more and on paper, the narrow one on phones;
/// either is drawn so that its smallest text stays at 11 CSS px or more
/// at the narrowest width it is shown at (608 and 288 px).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    /// The canvas width in SVG units.
    pub width: u32,
    /// The font size of every text, in SVG units.
    pub font: f64,
    /// `wide` or `narrow`: the class that picks it on the page.
    pub name: &'static str,
}

/// The size for screens of 40rem and more, and for paper.
pub const WIDE: Size = Size {
    width: 640,
    font: 13.0,
    name: "wide",
};

/// The size for phones.
pub const NARROW: Size = Size {
    width: 360,
    font: 14.0,
    name: "narrow",
};

/// A text on a chart and the language it is in.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text.
    pub text: String,
    /// Its language tag.
    pub lang: String,
}

impl Label {
    /// A text in language `lang`.
    pub fn new(text: impl Into<String>, lang: &str) -> Self {
        Label {
            text: text.into(),
            lang: lang.to_owned(),
        }
    }
}

/// Where a text's box sits against its x: its left edge, centre or right
/// edge, whatever the text's own direction.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Align {
    Left,
    Center,
    Right,
}

/// The width a text takes in the reader's sans-serif font, estimated on
/// the generous side: no font is at hand when the chart is drawn.
pub fn text_width(text: &str, size: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' | '\u{a0}' | '\u{202f}' | '.' | ',' | ':' | ';' | '\'' | '|' | 'i' | 'l' | 'j' | '!' => 0.32,
            '0'..='9' => 0.58,
            'A'..='Z' | 'm' | 'w' | '%' | '\u{2013}' | '\u{2212}' => 0.8,
            '\u{1100}'..='\u{11ff}'
            | '\u{2e80}'..='\u{a4cf}'
            | '\u{ac00}'..='\u{d7a3}'
            | '\u{f900}'..='\u{faff}'
            | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff00}'..='\u{ff60}'
            | '\u{ffe0}'..='\u{ffe6}' => 1.05,
            c if c.is_control()
                || ('\u{200b}'..='\u{200f}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c) =>
            {
                0.0
            }
            _ => 0.64,
        })
        .sum();
    em * size
}

/// `text` shortened with "…" until it fits `max` units.
fn fit(text: &str, max: f64, size: f64) -> String {
    if text_width(text, size) <= max {
        return text.to_owned();
    }
    let mut chars: Vec<char> = text.chars().collect();
    while !chars.is_empty() {
        chars.pop();
        let short: String = chars.iter().collect::<String>().trim_end().to_owned() + "…";
        if text_width(&short, size) <= max {
            return short;
        }
    }
    "…".to_owned()
}

/// A box on the canvas: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Area(f64, f64, f64, f64);

impl Area {
    fn meets(&self, other: &Area) -> bool {
        self.0 < other.2 && other.0 < self.2 && self.1 < other.3 && other.1 < self.3
    }
}

/// The texts of one chart, written as SVG `<text>` elements with their
/// language and writing direction: a right-to-left label reads right to
/// left inside its box, and the box stays where the layout put it.
struct Texts {
    page: String,
    size: f64,
    out: String,
}

/// A coordinate in SVG units, to one decimal, without a trailing `.0`.
fn unit(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

impl Texts {
    fn new(page: &str, size: f64) -> Self {
        Texts {
            page: page.to_owned(),
            size,
            out: String::new(),
        }
    }

    /// Writes `label` at (`x`, `y`), `y` its vertical middle; returns its box.
    fn put(&mut self, label: &Label, x: f64, y: f64, align: Align, fill: RGBColor, class: &str) -> Area {
        let dir = crate::i18n::direction(&label.lang);
        let anchor = match (align, dir) {
            (Align::Center, _) => "middle",
            (Align::Left, "rtl") | (Align::Right, "ltr") => "end",
            _ => "start",
        };
        let lang = if label.lang == self.page {
            String::new()
        } else {
            format!(" lang=\"{}\"", escape(&label.lang, true))
        };
        let class = if class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{class}\"")
        };
        self.out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-family=\"sans-serif\" fill=\"{}\" text-anchor=\"{anchor}\" dominant-baseline=\"central\" direction=\"{dir}\"{lang}{class}>{}</text>\n",
            unit(x),
            unit(y),
            unit(self.size),
            hex(fill),
            escape(&label.text, false)
        ));
        let w = text_width(&label.text, self.size);
        let left = match align {
            Align::Left => x,
            Align::Center => x - w / 2.0,
            Align::Right => x - w,
        };
        Area(left, y - self.size * 0.6, left + w, y + self.size * 0.6)
    }
}

/// Adds `role="img"`, `aria-labelledby`, `<title>` (with its language
/// when it is not the page's), `<desc>` and the size's class to an SVG.
pub fn accessible(svg: &str, id: &str, title: &Label, page: &str, desc: &str, size: Size) -> String {
    let Some(open_end) = svg.find('>') else {
        return svg.to_owned();
    };
    let (open, rest) = svg.split_at(open_end);
    let id = format!("{id}-{}", size.name);
    let lang = if title.lang == page {
        String::new()
    } else {
        format!(" lang=\"{}\"", escape(&title.lang, true))
    };
    format!(
        "{open} role=\"img\" aria-labelledby=\"{id}-t {id}-d\" class=\"chart {}\"><title id=\"{id}-t\"{lang}>{}</title><desc id=\"{id}-d\">{}</desc>{}",
        size.name,
        escape(&title.text, false),
        escape(desc, false),
        &rest[1..]
    )
}

/// Draws shapes with plotters, then adds the texts on top.
fn draw<F>(size: Size, height: f64, texts: Texts, paint: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), Box<dyn std::error::Error>>,
{
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, height.ceil() as u32)).into_drawing_area();
        // Drawing into a string cannot fail; an error would only leave the chart empty.
        let _ = root.fill(&WHITE);
        let _ = paint(&root);
        let _ = root.present();
    }
    match svg.rfind("</svg>") {
        Some(end) => format!("{}{}{}", &svg[..end], texts.out, &svg[end..]),
        None => svg,
    }
}

fn px(x: f64) -> i32 {
    x.round() as i32
}

/// One answer of a chart: its label, share (0..1), the share as printed
/// (`41 %`) and its colour.
#[derive(Debug, Clone)]
pub struct Part {
    /// The answer's label.
    pub label: Label,
    /// Its share of the answers, 0..1.
    pub share: f64,
    /// The share as printed, in the page's language.
    pub shown: Label,
}

/// The colour of each answer of a scale in the scale's order, the best
/// purple and the worst orange; `best_first` for a reversed scale.
pub fn scale_colors(n: usize, best_first: bool) -> Vec<RGBColor> {
    let mut colors = diverging_palette(n);
    if best_first {
        colors.reverse();
    }
    colors
}

/// A diverging stacked bar for a scale question, its answers in the scale's
/// order: the first half to the left of the centre, the second to the right,
/// and the neutral answer (on a scale with a middle point) drawn once,
/// straddling the centre. `best_first` (a reversed scale) turns the colours
/// round so that the best answer is still purple; the ends of the bar say
/// which way is `better` and which `worse`. Shares are printed in their
/// segment where they fit; the page lists every answer beside the chart.
pub fn diverging(
    parts: &[Part],
    best_first: bool,
    better: &Label,
    worse: &Label,
    page: &str,
    size: Size,
) -> String {
    let n = parts.len();
    let colors = scale_colors(n, best_first);
    let f = size.font;
    let w = f64::from(size.width);
    let (left, right) = (8.0, w - 8.0);
    let center = w / 2.0;
    let half = (right - left) / 2.0;
    let y0 = 2.0 * f + 6.0;
    let bar = (2.2 * f).max(30.0);
    let height = y0 + bar + 10.0;
    let mut texts = Texts::new(page, f);
    // The ends: arrows drawn apart from the words, so that they point
    // outwards whatever the words' direction.
    let (first, last) = if best_first {
        (better, worse)
    } else {
        (worse, better)
    };
    let arrow = |t: &str| Label::new(t, page);
    let arrow_w = f + 5.0;
    let room = half - arrow_w - 8.0;
    texts.put(&arrow("\u{2190}"), left, f, Align::Left, MUTED, "");
    texts.put(
        &Label::new(fit(&first.text, room, f), &first.lang),
        left + arrow_w,
        f,
        Align::Left,
        MUTED,
        "",
    );
    texts.put(&arrow("\u{2192}"), right, f, Align::Right, MUTED, "");
    texts.put(
        &Label::new(fit(&last.text, room, f), &last.lang),
        right - arrow_w,
        f,
        Align::Right,
        MUTED,
        "",
    );
    let middle = if n % 2 == 1 { Some(n / 2) } else { None };
    let below: f64 =
        parts[..n / 2].iter().map(|p| p.share).sum::<f64>() + middle.map_or(0.0, |m| parts[m].share / 2.0);
    let mut segments = Vec::new();
    let mut x = center - below * half;
    for (i, p) in parts.iter().enumerate() {
        let seg = p.share * half;
        let (a, b) = (px(x), px(x + seg));
        if b > a {
            segments.push((a, b, colors[i]));
            if text_width(&p.shown.text, f) + 8.0 <= f64::from(b - a) {
                let mid = f64::from(a + b) / 2.0;
                texts.put(
                    &p.shown,
                    mid,
                    y0 + bar / 2.0,
                    Align::Center,
                    text_on(colors[i]),
                    "inside",
                );
            }
        }
        x += seg;
    }
    draw(size, height, texts, |root| {
        for (a, b, color) in segments {
            root.draw(&Rectangle::new([(a, px(y0)), (b, px(y0 + bar))], color.filled()))?;
        }
        // The centre is marked above and below the bar, never across a label.
        let c = px(center);
        for (from, to) in [(y0 - 6.0, y0 - 1.0), (y0 + bar + 1.0, y0 + bar + 6.0)] {
            root.draw(&PathElement::new(
                vec![(c, px(from)), (c, px(to))],
                INK.stroke_width(2),
            ))?;
        }
        Ok(())
    })
}

/// One bar of [`bars`]: its label, share, the value printed after it and
/// its colour.
#[derive(Debug, Clone)]
pub struct Bar {
    /// The answer's label.
    pub label: Label,
    /// Its share, 0..1: the bar's length.
    pub share: f64,
    /// What is printed after the bar.
    pub shown: Label,
    /// The bar's colour.
    pub color: RGBColor,
}

/// Horizontal bars, one per answer (yes/no, options, the eleven nps
/// answers on a phone). Wide: labels in a column on the left; narrow:
/// short labels in a column too, longer ones each above its bar, with the
/// whole width to itself. Labels too
/// long for their room are shortened with "…"; the table beside the
/// chart has them whole.
pub fn bars(items: &[Bar], page: &str, size: Size) -> String {
    let f = size.font;
    let w = f64::from(size.width);
    let margin = 8.0;
    let value_w = items
        .iter()
        .map(|b| text_width(&b.shown.text, f))
        .fold(0.0, f64::max)
        + 8.0;
    // Labels go in a column beside the bars on a wide chart, and on a
    // narrow one when they are short (0-10, yes and no); otherwise each
    // label has a line of its own above its bar.
    let longest = items
        .iter()
        .map(|b| text_width(&b.label.text, f))
        .fold(0.0, f64::max);
    let wide = size == WIDE || longest <= 0.25 * w;
    let label_w = if wide {
        longest.clamp(f, 0.33 * w)
    } else {
        w - 2.0 * margin
    };
    let bar_h = (1.5 * f).round();
    let row = if wide {
        bar_h + 12.0
    } else {
        f * 1.4 + bar_h + 12.0
    };
    let x0 = if wide { margin + label_w + 8.0 } else { margin };
    let max_w = w - margin - value_w - x0;
    let mut texts = Texts::new(page, f);
    let mut rects = Vec::new();
    for (i, b) in items.iter().enumerate() {
        let top = 6.0 + i as f64 * row;
        let bar_top = if wide { top } else { top + f * 1.4 };
        let mid = bar_top + bar_h / 2.0;
        let label = Label::new(fit(&b.label.text, label_w, f), &b.label.lang);
        if wide {
            texts.put(&label, margin + label_w, mid, Align::Right, INK, "");
        } else {
            texts.put(&label, margin, top + f * 0.6, Align::Left, INK, "");
        }
        let len = (b.share * max_w).round();
        if len > 0.0 {
            rects.push((px(x0), px(bar_top), px(x0 + len), px(bar_top + bar_h), b.color));
        }
        texts.put(&b.shown, x0 + len + 6.0, mid, Align::Left, INK, "");
    }
    let height = 6.0 + items.len() as f64 * row;
    draw(size, height, texts, |root| {
        for (a, t, b, bottom, color) in rects {
            root.draw(&Rectangle::new([(a, t), (b, bottom)], color.filled()))?;
        }
        Ok(())
    })
}

/// The colour of each nps answer 0..10: detractors (0-6) orange, passives
/// (7-8) grey, promoters (9-10) purple.
pub fn nps_color(value: usize) -> RGBColor {
    match value {
        0..=6 => WORST,
        7 | 8 => GREY,
        _ => BEST,
    }
}

/// Columns for the eleven answers of an nps question, coloured as
/// detractors, passives and promoters, each with its share above it. On
/// a phone the eleven are bars (see [`bars`]), as columns would crowd.
pub fn nps(shares: &[(f64, Label)], page: &str, size: Size) -> String {
    if size != WIDE {
        let items: Vec<Bar> = shares
            .iter()
            .enumerate()
            .map(|(v, (share, shown))| Bar {
                label: Label::new(v.to_string(), page),
                share: *share,
                shown: shown.clone(),
                color: nps_color(v),
            })
            .collect();
        return bars(&items, page, size);
    }
    let f = size.font;
    let w = f64::from(size.width);
    let (left, top) = (20.0, f * 1.6);
    let base = top + 140.0;
    let step = (w - 2.0 * left) / 11.0;
    let max = shares.iter().map(|s| s.0).fold(0.0, f64::max).max(0.01);
    let mut texts = Texts::new(page, f);
    let mut rects = Vec::new();
    for (v, (share, shown)) in shares.iter().enumerate() {
        let x = left + v as f64 * step;
        let h = (share / max * (base - top)).round();
        if h > 0.0 {
            rects.push((
                px(x + 4.0),
                px(base - h),
                px(x + step - 4.0),
                px(base),
                nps_color(v),
            ));
        }
        if text_width(&shown.text, f) <= step - 2.0 {
            texts.put(shown, x + step / 2.0, base - h - f * 0.8, Align::Center, INK, "");
        }
        texts.put(
            &Label::new(v.to_string(), page),
            x + step / 2.0,
            base + f,
            Align::Center,
            INK,
            "",
        );
    }
    let height = base + 2.0 * f;
    draw(size, height, texts, |root| {
        for (a, t, b, bottom, color) in rects {
            root.draw(&Rectangle::new([(a, t), (b, bottom)], color.filled()))?;
        }
        root.draw(&PathElement::new(
            vec![(px(left), px(base)), (px(w - left), px(base))],
            GRID.stroke_width(1),
        ))?;
        Ok(())
    })
}

/// A level's score per period as a line, with its target as a dashed line.
/// `intervals` holds each point's 95 % interval, drawn as a whisker, so a
/// point from three answers does not look as sure as one from seven
/// hundred. Period names are thinned, counted back from the latest, until
/// none overlaps; the target's label goes where it covers no point.
pub fn trend(
    points: &[(Label, Option<f64>)],
    intervals: &[Option<[f64; 2]>],
    target: f64,
    target_label: &Label,
    page: &str,
    size: Size,
) -> String {
    let f = size.font;
    let w = f64::from(size.width);
    let height = if size == WIDE { 250.0 } else { 230.0 };
    let mut texts = Texts::new(page, f);
    let axis = |v: u32| Label::new(v.to_string(), page);
    let left = 8.0 + text_width("100", f) + 8.0;
    let right = w - 12.0;
    let top = 10.0 + f;
    let bottom = height - 2.0 * f - 6.0;
    let n = points.len().max(1);
    let slot = (right - left) / n as f64;
    let x_of = |i: usize| left + slot * (i as f64 + 0.5);
    let y_of = |v: f64| bottom - (bottom - top) * v.clamp(0.0, 100.0) / 100.0;
    for v in (0..=100).step_by(20) {
        texts.put(&axis(v), left - 8.0, y_of(f64::from(v)), Align::Right, MUTED, "");
    }
    // Period names, every `every`th from the latest, each kept inside the chart.
    let widest = points
        .iter()
        .map(|p| text_width(&p.0.text, f))
        .fold(0.0, f64::max);
    let every = ((widest + 12.0) / slot).ceil().max(1.0) as usize;
    for (i, (label, _)) in points.iter().enumerate() {
        if !(n - 1 - i).is_multiple_of(every) {
            continue;
        }
        let half = text_width(&label.text, f) / 2.0;
        let x = x_of(i).clamp(2.0 + half, w - 2.0 - half);
        texts.put(label, x, bottom + f + 2.0, Align::Center, MUTED, "");
    }
    // What the target's label must not cover: points, whiskers and the line.
    let mut data: Vec<Area> = Vec::new();
    let located: Vec<(usize, f64)> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.1.map(|s| (i, s)))
        .collect();
    for &(i, s) in &located {
        let (x, y) = (x_of(i), y_of(s));
        data.push(Area(x - 6.0, y - 6.0, x + 6.0, y + 6.0));
    }
    for (i, interval) in intervals.iter().enumerate() {
        if let Some([low, high]) = interval {
            data.push(Area(
                x_of(i) - 8.0,
                y_of(*high) - 2.0,
                x_of(i) + 8.0,
                y_of(*low) + 2.0,
            ));
        }
    }
    for pair in points.windows(2).enumerate() {
        let (i, [a, b]) = pair else { continue };
        if let (Some(sa), Some(sb)) = (a.1, b.1) {
            let (ya, yb) = (y_of(sa), y_of(sb));
            data.push(Area(x_of(i), ya.min(yb) - 2.0, x_of(i + 1), ya.max(yb) + 2.0));
        }
    }
    let ty = y_of(target);
    let tw = text_width(&target_label.text, f);
    let gap = f * 0.6 + 4.0;
    let candidates = [
        (right - 2.0, ty - gap, Align::Right),
        (right - 2.0, ty + gap, Align::Right),
        (left + 4.0, ty - gap, Align::Left),
        (left + 4.0, ty + gap, Align::Left),
        (left + (right - left) / 2.0, ty - gap, Align::Center),
        (left + (right - left) / 2.0, ty + gap, Align::Center),
    ];
    let area_of = |(x, y, align): (f64, f64, Align)| {
        let l = match align {
            Align::Left => x,
            Align::Center => x - tw / 2.0,
            Align::Right => x - tw,
        };
        Area(l - 2.0, y - f * 0.6, l + tw + 2.0, y + f * 0.6)
    };
    let inside = |a: &Area| a.1 >= 0.0 && a.3 <= bottom;
    let clashes = |a: &Area| data.iter().filter(|d| d.meets(a)).count() + usize::from(!inside(a)) * 100;
    let best = candidates
        .iter()
        .copied()
        .min_by_key(|c| clashes(&area_of(*c)))
        .unwrap_or(candidates[0]);
    texts.put(target_label, best.0, best.1, best.2, VERMILLION, "target");
    draw(size, height, texts, |root| {
        for v in (0..=100).step_by(20) {
            let y = px(y_of(f64::from(v)));
            root.draw(&PathElement::new(
                vec![(px(left), y), (px(right), y)],
                GRID.stroke_width(1),
            ))?;
        }
        root.draw(&DashedPathElement::new(
            vec![(px(left), px(ty)), (px(right), px(ty))],
            6,
            4,
            VERMILLION.stroke_width(2),
        ))?;
        for (i, interval) in intervals.iter().enumerate() {
            if let Some([low, high]) = interval {
                let x = px(x_of(i));
                let whisker = BLUE.mix(0.45).stroke_width(2);
                root.draw(&PathElement::new(
                    vec![(x, px(y_of(*low))), (x, px(y_of(*high)))],
                    whisker,
                ))?;
                for y in [*low, *high] {
                    let y = px(y_of(y));
                    root.draw(&PathElement::new(vec![(x - 5, y), (x + 5, y)], whisker))?;
                }
            }
        }
        // A gap in the data (a period nobody answered this level) breaks the line.
        let mut run: Vec<(i32, i32)> = Vec::new();
        let mut runs = Vec::new();
        for (i, (_, score)) in points.iter().enumerate() {
            match score {
                Some(s) => run.push((px(x_of(i)), px(y_of(*s)))),
                None => runs.push(std::mem::take(&mut run)),
            }
        }
        runs.push(run);
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            root.draw(&PathElement::new(run.clone(), BLUE.stroke_width(2)))?;
            for p in run {
                root.draw(&Circle::new(p, 4, BLUE.filled()))?;
            }
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
                label: Label::new(format!("v{i}"), "en"),
                share: *s,
                shown: Label::new(format!("{:.0} %", s * 100.0), "en"),
            })
            .collect()
    }

    fn words(t: &str) -> Label {
        Label::new(t, "en")
    }

    /// Each `<text>` element's attributes and content, in order.
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text ")
            .skip(1)
            .map(|t| t[..t.find("</text>").unwrap_or(t.len())].to_owned())
            .collect()
    }

    #[test]
    fn charts_are_deterministic_and_need_no_fonts() {
        for size in [WIDE, NARROW] {
            let a = diverging(
                &parts(&[0.1, 0.2, 0.4, 0.2, 0.1]),
                false,
                &words("better"),
                &words("worse"),
                "en",
                size,
            );
            let b = diverging(
                &parts(&[0.1, 0.2, 0.4, 0.2, 0.1]),
                false,
                &words("better"),
                &words("worse"),
                "en",
                size,
            );
            assert_eq!(a, b);
            assert!(a.contains("font-family=\"sans-serif\""));
            assert!(a.starts_with("<svg"));
            assert!(a.contains(&format!("width=\"{}\"", size.width)));
        }
    }

    #[test]
    fn the_neutral_share_straddles_the_centre_and_the_centre_line_spares_it() {
        // 40 % neutral on a five-point scale: 30 % left of it, so the neutral
        // bar starts at centre - (30 + 20) % of the half width.
        let svg = diverging(
            &parts(&[0.1, 0.2, 0.4, 0.2, 0.1]),
            false,
            &words("better"),
            &words("worse"),
            "en",
            WIDE,
        );
        let center = f64::from(WIDE.width) / 2.0;
        let half = (f64::from(WIDE.width) - 16.0) / 2.0;
        let start = (center - 0.5 * half).round();
        assert!(svg.contains(&format!("x=\"{start}\"")), "{svg}");
        // The neutral share is printed once, in its segment.
        assert_eq!(svg.matches(">40 %</text>").count(), 1);
        assert!(svg.contains("class=\"inside\">40 %"));
        // The centre is marked by two short strokes, outside the bar.
        let y0 = 2.0 * WIDE.font + 6.0;
        assert!(
            svg.contains(&format!("M {},{} {},{}", center, y0 - 6.0, center, y0 - 1.0))
                || svg.contains(&format!("{center},{}", y0 - 6.0)),
            "{svg}"
        );
    }

    #[test]
    fn shares_too_wide_for_their_segment_are_left_to_the_table() {
        let svg = diverging(
            &parts(&[0.02, 0.28, 0.4, 0.28, 0.02]),
            false,
            &words("better"),
            &words("worse"),
            "en",
            NARROW,
        );
        assert!(!svg.contains(">2 %</text>"), "{svg}");
        assert!(svg.contains(">28 %</text>"));
    }

    #[test]
    fn accessible_svg_has_title_desc_and_its_size() {
        let svg = accessible(
            "<svg width=\"1\">x</svg>",
            "c1",
            &words("A & B"),
            "en",
            "desc <here>",
            NARROW,
        );
        assert_eq!(
            svg,
            "<svg width=\"1\" role=\"img\" aria-labelledby=\"c1-narrow-t c1-narrow-d\" class=\"chart narrow\"><title id=\"c1-narrow-t\">A &amp; B</title><desc id=\"c1-narrow-d\">desc &lt;here&gt;</desc>x</svg>"
        );
    }

    #[test]
    fn the_best_answer_is_purple_on_reversed_scales_too() {
        let shares = [0.1, 0.2, 0.4, 0.2, 0.1];
        let purple = "#5E3C99";
        let orange = hex(diverging_palette(5)[0]);
        let first = |svg: &str, color: &str| svg.find(color).expect("the colour is drawn");
        // A scale from bad to good: the first answer is orange, "better" on the right.
        let normal = diverging(
            &parts(&shares),
            false,
            &words("better"),
            &words("worse"),
            "en",
            WIDE,
        );
        assert!(first(&normal, &orange) < first(&normal, purple));
        assert!(normal.find(">worse<") < normal.find(">better<"));
        // Reversed ("Never" is best): the first answer is purple, "better" on the left.
        let reversed = diverging(
            &parts(&shares),
            true,
            &words("better"),
            &words("worse"),
            "en",
            WIDE,
        );
        assert!(first(&reversed, purple) < first(&reversed, &orange));
        assert!(reversed.find(">better<") < reversed.find(">worse<"));
        assert_eq!(scale_colors(5, true)[0], BEST);
    }

    #[test]
    fn nps_and_yes_no_are_coloured_by_favourability() {
        let shares: Vec<(f64, Label)> = (0..11).map(|_| (1.0 / 11.0, words("9 %"))).collect();
        for size in [WIDE, NARROW] {
            let svg = nps(&shares, "en", size);
            // Bars 0-6 before 9-10, so the worst colour comes first.
            assert!(svg.find(&hex(WORST)) < svg.find(&hex(BEST)));
        }
        let items = vec![
            Bar {
                label: words("Yes"),
                share: 0.7,
                shown: words("70 %"),
                color: BEST,
            },
            Bar {
                label: words("No"),
                share: 0.3,
                shown: words("30 %"),
                color: WORST,
            },
        ];
        let yes_no = bars(&items, "en", WIDE);
        assert!(yes_no.find(&hex(BEST)) < yes_no.find(&hex(WORST)));
    }

    #[test]
    fn right_to_left_labels_keep_their_box_and_read_right_to_left() {
        let items = vec![Bar {
            label: Label::new("نعم", "ar"),
            share: 0.5,
            shown: Label::new("٥٠٫٠ ٪", "ar"),
            color: BEST,
        }];
        // On an Arabic page the label column is right-aligned: an RTL
        // text anchored at its start.
        let svg = bars(&items, "ar", WIDE);
        let t = texts(&svg);
        assert!(
            t[0].contains("text-anchor=\"start\"") && t[0].contains("direction=\"rtl\""),
            "{t:?}"
        );
        assert!(!t[0].contains("lang="), "the page's language is not repeated");
        // An English label that fell back on an Arabic page says so.
        let items = vec![Bar {
            label: Label::new("Yes", "en"),
            ..items[0].clone()
        }];
        let t = texts(&bars(&items, "ar", WIDE));
        assert!(
            t[0].contains("lang=\"en\"")
                && t[0].contains("direction=\"ltr\"")
                && t[0].contains("text-anchor=\"end\"")
        );
    }

    #[test]
    fn long_labels_are_shortened_to_their_room() {
        let long = "A very long option label that goes on and on about delivery times";
        let items = vec![Bar {
            label: words(long),
            share: 1.0,
            shown: words("100 %"),
            color: BLUE,
        }];
        for size in [WIDE, NARROW] {
            let t = texts(&bars(&items, "en", size));
            assert!(t[0].ends_with('…'), "{t:?}");
        }
        assert_eq!(fit("short", 100.0, 13.0), "short");
    }

    #[test]
    fn long_period_names_are_thinned_from_the_latest() {
        let points: Vec<(Label, Option<f64>)> = (1..=6)
            .map(|q| (Label::new(format!("{q}-й квартал 2025 г."), "ru"), Some(50.0)))
            .collect();
        let svg = trend(
            &points,
            &[None; 6],
            80.0,
            &Label::new("Цель 80", "ru"),
            "ru",
            NARROW,
        );
        assert!(svg.contains("6-й квартал 2025 г."), "{svg}");
        assert!(!svg.contains("5-й квартал 2025 г."));
    }

    #[test]
    fn the_target_label_avoids_the_points() {
        // Points at the target on the right: the label goes elsewhere.
        let points: Vec<(Label, Option<f64>)> =
            (1..=4).map(|q| (words(&format!("Q{q}")), Some(80.0))).collect();
        let svg = trend(&points, &[None; 4], 80.0, &words("Target 80"), "en", WIDE);
        let t = texts(&svg);
        let target = t
            .iter()
            .find(|t| t.contains("class=\"target\""))
            .expect("a target label");
        let y: f64 = target
            .split("y=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .and_then(|v| v.parse().ok())
            .expect("y");
        let bottom = 250.0 - 2.0 * WIDE.font - 6.0;
        let top = 10.0 + WIDE.font;
        let line = bottom - (bottom - top) * 0.8;
        assert!((y - line).abs() >= WIDE.font * 0.6 + 4.0 - 0.01, "{target}");
    }

    #[test]
    fn palettes_have_a_grey_middle() {
        let p = diverging_palette(5);
        assert_eq!(p[2], RGBColor(217, 217, 217));
        assert_eq!(p.len(), 5);
    }
}
