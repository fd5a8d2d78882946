//! Drawing a `Chart` with plotters: layout, axes, labels that shrink, thin or hide
//! instead of overlapping. The font is embedded; output bytes are deterministic.

use std::sync::Once;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bodies::{Bars, bars, horizontal, line, stacked};
use super::{Body, Chart, Series, palette};

pub(super) static FONT_REGULAR: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans.ttf");
pub(super) static FONT_BOLD: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans-Bold.ttf");
/// The family the embedded files declare: plotters measures text with it, and usvg finds
/// it by this name when it sets the text (`typeset`).
pub(super) const FAMILY: &str = "DejaVu Sans";

pub(super) type Area<'a, DB> = DrawingArea<DB, Shift>;

pub(super) fn register_fonts() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The embedded files are valid fonts; a failure would leave text undrawn, which the
        // chart tests catch.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT_REGULAR);
        let _ = plotters::style::register_font(FAMILY, FontStyle::Bold, FONT_BOLD);
    });
}

pub(super) fn font(size: f64, bold: bool) -> FontDesc<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FAMILY), size, style)
}

pub(super) fn text_style(size: f64, bold: bool, color: RGBColor) -> TextStyle<'static> {
    TextStyle {
        font: font(size, bold),
        color: color.to_backend_color(),
        pos: Pos::default(),
    }
}

pub(super) fn err<E: std::fmt::Display>(e: E) -> String {
    format!("chart: {e}")
}

/// Shortens a label to fit `max_px` wide, ending it with "…".
pub(super) fn fit<DB: DrawingBackend>(
    area: &Area<'_, DB>,
    text: &str,
    style: &TextStyle<'_>,
    max_px: u32,
) -> String {
    let width = |t: &str| area.estimate_text_size(t, style).map(|s| s.0).unwrap_or(0);
    if width(text) <= max_px {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    for keep in (1..chars.len()).rev() {
        let candidate: String = chars[..keep].iter().collect::<String>() + "…";
        if width(&candidate) <= max_px {
            return candidate;
        }
    }
    "…".to_string()
}

pub(super) fn draw<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    chart: &Chart,
) -> std::result::Result<(), String> {
    root.fill(&WHITE).map_err(err)?;
    let (w, h) = root.dim_in_pixel();
    let scale = f64::from(h) / 675.0;
    let pad = (24.0 * scale) as i32;
    let title = text_style(28.0 * scale, true, palette::TEXT);
    let subtitle = text_style(18.0 * scale, false, palette::MUTED);
    let small = text_style(13.0 * scale, false, palette::MUTED);
    let max_text = w.saturating_sub(2 * pad as u32);
    root.draw(&Text::new(
        fit(root, &chart.title, &title, max_text),
        (pad, pad),
        title.clone(),
    ))
    .map_err(err)?;
    let sub_y = pad + (38.0 * scale) as i32;
    root.draw(&Text::new(
        fit(root, &chart.subtitle, &subtitle, max_text),
        (pad, sub_y),
        subtitle.clone(),
    ))
    .map_err(err)?;
    let source_y = h as i32 - pad - (14.0 * scale) as i32;
    root.draw(&Text::new(
        fit(root, &chart.source, &small, max_text),
        (pad, source_y),
        small.clone(),
    ))
    .map_err(err)?;
    let top = sub_y + (40.0 * scale) as u32 as i32;
    let bottom = source_y - (16.0 * scale) as i32;
    let plot = root.clone().shrink(
        (pad as u32, top as u32),
        (w - 2 * pad as u32, (bottom - top).max(50) as u32),
    );
    match &chart.body {
        Body::Bars {
            categories,
            series,
            gaps,
        } => bars(root, &plot, chart, categories, series, gaps, scale),
        Body::Line {
            categories,
            series,
            secondary,
        } => line(root, &plot, chart, categories, series, secondary, scale),
        Body::Diverging {
            categories,
            values,
            labels,
            gaps,
        } => {
            let colored = Series {
                name: String::new(),
                color: palette::SURPLUS,
                values: values.clone(),
                labels: labels.clone(),
            };
            bars(root, &plot, chart, categories, &[colored], gaps, scale)
        }
        Body::Stacked {
            categories,
            parts,
            gaps,
        } => stacked(root, &plot, chart, categories, parts, gaps, scale),
        Body::Horizontal {
            names,
            values,
            labels,
            color,
            remainder,
        } => {
            let bars = Bars {
                names,
                values,
                labels,
                color: *color,
            };
            horizontal(root, &plot, chart, &bars, remainder.as_ref(), scale)
        }
    }
}

/// The mesh of a chart with categories across and values up: no vertical grid and no x
/// tick labels (category labels are drawn apart, thinned), value ticks, light grid lines.
pub(super) fn category_mesh<DB: DrawingBackend>(
    ctx: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    chart: &Chart,
    y_ticks: usize,
    format: &dyn Fn(&f64) -> String,
    scale: f64,
) -> std::result::Result<(), String> {
    ctx.configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(y_ticks)
        .y_label_formatter(format)
        .y_desc(chart.value_axis.clone())
        .x_desc(chart.category_axis.clone())
        .axis_desc_style(text_style(15.0 * scale, false, palette::MUTED))
        .label_style(text_style(14.0 * scale, false, palette::TEXT))
        .light_line_style(TRANSPARENT)
        .bold_line_style(palette::GRID)
        .draw()
        .map_err(err)
}

/// A "nice" axis range containing zero and every value, with about 5 steps.
pub fn nice_range(values: impl IntoIterator<Item = f64>) -> (f64, f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if hi - lo <= 0.0 {
        hi = 1.0;
    }
    let raw = (hi - lo) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let lo = (lo / step).floor() * step;
    let hi = (hi / step).ceil() * step;
    (lo, hi, step)
}

/// A bar chart's scale with room for the label over the highest bar (and under the
/// lowest, below zero) when a bar reaches the end of the scale: the label would otherwise
/// run into the legend or the axis. Below zero a whole step is added, so ticks stay round.
pub(super) fn with_label_room(
    (mut lo, mut hi, step): (f64, f64, f64),
    values: impl IntoIterator<Item = f64>,
) -> (f64, f64, f64) {
    let (min, max) = values
        .into_iter()
        .fold((0f64, 0f64), |(a, b), v| (a.min(v), b.max(v)));
    if hi - max < 0.3 * step {
        hi += 0.5 * step;
    }
    if min < 0.0 && min - lo < 0.3 * step {
        lo -= step;
    }
    (lo, hi, step)
}

/// Tick text with thousands separators and just enough decimals for the step.
pub fn tick(value: f64, step: f64) -> String {
    // As many decimals as the step needs: 2.5 → 1, 0.25 → 2, 500 → 0.
    let decimals = (0..=6u32)
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6);
    let d = rust_decimal::Decimal::from_f64_retain(value)
        .unwrap_or_default()
        .round_dp(decimals);
    let text = crate::number::grouped(d, decimals, false);
    // Trim zeros a decimal step does not need (0.50 → 0.5) but keep the integer part.
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

pub(super) fn legend<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    items: &[(String, RGBColor)],
    x_right: i32,
    y: i32,
    scale: f64,
) -> std::result::Result<(), String> {
    let style = text_style(15.0 * scale, false, palette::TEXT);
    let swatch = (14.0 * scale) as i32;
    let gap = (18.0 * scale) as i32;
    let mut x = x_right;
    for (name, color) in items.iter().rev() {
        let (tw, _) = root.estimate_text_size(name, &style).map_err(err)?;
        x -= tw as i32;
        root.draw(&Text::new(name.clone(), (x, y), style.clone()))
            .map_err(err)?;
        x -= swatch + (6.0 * scale) as i32;
        root.draw(&Rectangle::new(
            [(x, y + 1), (x + swatch, y + 1 + swatch)],
            color.filled(),
        ))
        .map_err(err)?;
        x -= gap;
    }
    Ok(())
}

/// Labels under categories, thinned so they never overlap: every k-th label is shown.
pub(super) fn category_labels<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    categories: &[String],
    centre: impl Fn(usize) -> (i32, i32),
    slot_px: f64,
    scale: f64,
) -> std::result::Result<(), String> {
    let style =
        text_style(14.0 * scale, false, palette::TEXT).pos(Pos::new(HPos::Center, VPos::Top));
    let widest = categories
        .iter()
        .map(|c| root.estimate_text_size(c, &style).map(|s| s.0).unwrap_or(0))
        .max()
        .unwrap_or(0) as f64
        + 10.0 * scale;
    let every = ((widest / slot_px.max(1.0)).ceil() as usize).max(1);
    let max_px = (slot_px * every as f64 - 6.0 * scale).max(20.0) as u32;
    for (i, c) in categories.iter().enumerate() {
        if i % every != 0 && i + 1 != categories.len() {
            continue;
        }
        if i + 1 == categories.len() && i % every != 0 && every > 1 {
            continue;
        }
        let (x, y) = centre(i);
        root.draw(&Text::new(
            fit(root, c, &style, max_px),
            (x, y + (8.0 * scale) as i32),
            style.clone(),
        ))
        .map_err(err)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_at_the_end_of_the_scale_leave_room_for_their_labels() {
        let room = |v: &[f64]| with_label_room(nice_range(v.iter().copied()), v.iter().copied());
        assert_eq!(room(&[80.0, 100.0]), (0.0, 110.0, 20.0));
        assert_eq!(room(&[10.69, 30.72]), (0.0, 40.0, 10.0));
        assert_eq!(room(&[-10.0, 3.0]), (-15.0, 5.0, 5.0));
    }

    #[test]
    fn nice_ranges_include_zero_and_round_steps() {
        assert_eq!(nice_range([10.69, 30.72]), (0.0, 40.0, 10.0));
        assert_eq!(nice_range([-3.0, 10.0]), (-5.0, 10.0, 5.0));
        assert_eq!(nice_range([0.0, 2.3]), (0.0, 2.5, 0.5));
        let (lo, hi, step) = nice_range([0.0, 0.0]);
        assert!(lo == 0.0 && hi > 0.0 && step > 0.0);
        assert_eq!(tick(1500.0, 500.0), "1,500");
        assert_eq!(tick(0.5, 0.25), "0.5");
        assert_eq!(tick(-2.5, 2.5), "-2.5");
    }
}
