//! Drawing a `Chart` with plotters: layout, axes, labels that shrink, thin or hide
//! instead of overlapping. The font is embedded; output bytes are deterministic.

use std::sync::Once;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{Body, Chart, Series, palette};

static FONT_REGULAR: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans-Bold.ttf");
const FAMILY: &str = "tradestat-sans";

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

fn font(size: f64, bold: bool) -> FontDesc<'static> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    FontDesc::new(FontFamily::Name(FAMILY), size, style)
}

fn text_style(size: f64, bold: bool, color: RGBColor) -> TextStyle<'static> {
    TextStyle {
        font: font(size, bold),
        color: color.to_backend_color(),
        pos: Pos::default(),
    }
}

fn err<E: std::fmt::Display>(e: E) -> String {
    format!("chart: {e}")
}

/// Shortens a label to fit `max_px` wide, ending it with "…".
fn fit<DB: DrawingBackend>(
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
        } => horizontal(root, &plot, chart, names, values, labels, *color, scale),
    }
}

/// The mesh of a chart with categories across and values up: no vertical grid and no x
/// tick labels (category labels are drawn apart, thinned), value ticks, light grid lines.
fn category_mesh<DB: DrawingBackend>(
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

fn legend<DB: DrawingBackend>(
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
fn category_labels<DB: DrawingBackend>(
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
fn bars<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    plot: &Area<'_, DB>,
    chart: &Chart,
    categories: &[String],
    series: &[Series],
    gaps: &[Option<String>],
    scale: f64,
) -> std::result::Result<(), String> {
    let n = categories.len().max(1);
    let values = series
        .iter()
        .flat_map(|s| s.values.iter().flatten().copied());
    let (lo, hi, step) = nice_range(values);
    let diverging = matches!(chart.body, Body::Diverging { .. });
    let legend_h = if series.len() > 1 || diverging {
        (28.0 * scale) as u32
    } else {
        0
    };
    let mut builder = ChartBuilder::on(plot);
    builder
        .margin_top(legend_h)
        .x_label_area_size((40.0 * scale) as u32)
        .y_label_area_size((70.0 * scale) as u32);
    let mut ctx = builder
        .build_cartesian_2d(0f64..n as f64, lo..hi)
        .map_err(err)?;
    let y_ticks = ((hi - lo) / step).round() as usize + 1;
    category_mesh(&mut ctx, chart, y_ticks, &|v| tick(*v, step), scale)?;
    let k = series.len().max(1) as f64;
    let group = 0.72;
    let width = group / k;
    // Value labels when there are few bars, in a size that fits over a bar; none when even
    // the small size would overlap its neighbour.
    let bar_px = {
        let (a, _) = ctx.backend_coord(&(0.0, 0.0));
        let (b, _) = ctx.backend_coord(&(width, 0.0));
        f64::from(b - a)
    };
    let widest = |size: f64| {
        let style = text_style(size * scale, true, palette::TEXT);
        series
            .iter()
            .flat_map(|s| s.labels.iter().flatten())
            .map(|l| root.estimate_text_size(l, &style).map(|s| s.0).unwrap_or(0))
            .max()
            .unwrap_or(0) as f64
    };
    let label_size = [14.0, 12.0, 10.5]
        .into_iter()
        .find(|s| widest(*s) <= bar_px - 6.0 * scale);
    let few = n * series.len() <= 24 && label_size.is_some();
    let label_size = label_size.unwrap_or(14.0);
    let label_style = text_style(label_size * scale, true, palette::TEXT)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    let below_style =
        text_style(label_size * scale, true, palette::TEXT).pos(Pos::new(HPos::Center, VPos::Top));
    for (j, s) in series.iter().enumerate() {
        for (i, v) in s.values.iter().enumerate() {
            let Some(v) = v else { continue };
            let x0 = i as f64 + (1.0 - group) / 2.0 + j as f64 * width;
            let x1 = x0 + width * 0.92;
            let color = if diverging {
                if *v < 0.0 {
                    palette::DEFICIT
                } else {
                    palette::SURPLUS
                }
            } else {
                s.color
            };
            ctx.draw_series(std::iter::once(Rectangle::new(
                [(x0, 0.0), (x1, *v)],
                color.filled(),
            )))
            .map_err(err)?;
            if few && let Some(Some(label)) = s.labels.get(i) {
                let (px, py) = ctx.backend_coord(&((x0 + x1) / 2.0, *v));
                let (style, dy) = if *v < 0.0 {
                    (&below_style, 4)
                } else {
                    (&label_style, -4)
                };
                root.draw(&Text::new(label.clone(), (px, py + dy), style.clone()))
                    .map_err(err)?;
            }
        }
    }
    // Zero line, drawn over the bars.
    ctx.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, 0.0), (n as f64, 0.0)],
        palette::TEXT.stroke_width(1),
    )))
    .map_err(err)?;
    // Notes for categories without values.
    let note_style =
        text_style(13.0 * scale, false, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Bottom));
    let slot = {
        let (a, _) = ctx.backend_coord(&(0.0, 0.0));
        let (b, _) = ctx.backend_coord(&(1.0, 0.0));
        f64::from(b - a)
    };
    for (i, gap) in gaps.iter().enumerate() {
        if let Some(g) = gap {
            let (px, py) = ctx.backend_coord(&(i as f64 + 0.5, 0.0f64.max(lo)));
            root.draw(&Text::new(
                fit(root, g, &note_style, slot.max(40.0) as u32),
                (px, py - 6),
                note_style.clone(),
            ))
            .map_err(err)?;
        }
    }
    let baseline = ctx.backend_coord(&(0.0, lo)).1;
    category_labels(
        root,
        categories,
        |i| (ctx.backend_coord(&(i as f64 + 0.5, lo)).0, baseline),
        slot,
        scale,
    )?;
    if series.len() > 1 {
        let (right, top) = ctx.backend_coord(&(n as f64, hi));
        let items: Vec<(String, RGBColor)> =
            series.iter().map(|s| (s.name.clone(), s.color)).collect();
        legend(root, &items, right, top - legend_h as i32, scale)?;
    } else if diverging {
        let (right, top) = ctx.backend_coord(&(n as f64, hi));
        let items = vec![
            ("surplus".to_string(), palette::SURPLUS),
            ("deficit".to_string(), palette::DEFICIT),
        ];
        legend(root, &items, right, top - (28.0 * scale) as i32, scale)?;
    }
    Ok(())
}

fn line<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    plot: &Area<'_, DB>,
    chart: &Chart,
    categories: &[String],
    series: &Series,
    secondary: &[Option<String>],
    scale: f64,
) -> std::result::Result<(), String> {
    let n = categories.len().max(1);
    let (lo, hi, step) = nice_range(series.values.iter().flatten().copied());
    // Room above the highest point for its label.
    let hi = hi + step * 0.6;
    let mut ctx = ChartBuilder::on(plot)
        .x_label_area_size((40.0 * scale) as u32)
        .y_label_area_size((70.0 * scale) as u32)
        .build_cartesian_2d(0f64..n as f64, lo..hi)
        .map_err(err)?;
    let y_ticks = ((hi - lo) / step).floor() as usize + 1;
    category_mesh(&mut ctx, chart, y_ticks, &|v| tick(*v, step), scale)?;
    // Segments between consecutive known points; a missing value breaks the line.
    let mut run: Vec<(f64, f64)> = Vec::new();
    let mut runs = Vec::new();
    for (i, v) in series.values.iter().enumerate() {
        match v {
            Some(v) => run.push((i as f64 + 0.5, *v)),
            None => {
                if !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
            }
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    for r in &runs {
        ctx.draw_series(LineSeries::new(
            r.clone(),
            series.color.stroke_width((3.0 * scale).max(1.0) as u32),
        ))
        .map_err(err)?;
        ctx.draw_series(
            r.iter()
                .map(|p| Circle::new(*p, (5.0 * scale) as i32, series.color.filled())),
        )
        .map_err(err)?;
    }
    let slot = {
        let (a, _) = ctx.backend_coord(&(0.0, 0.0));
        let (b, _) = ctx.backend_coord(&(1.0, 0.0));
        f64::from(b - a)
    };
    let above =
        text_style(14.0 * scale, true, palette::TEXT).pos(Pos::new(HPos::Center, VPos::Bottom));
    let below =
        text_style(14.0 * scale, true, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Top));
    // Labels only where they fit between neighbours: never overlapping.
    let fits = |labels: &mut dyn Iterator<Item = &String>, style: &TextStyle<'_>| {
        labels
            .map(|l| {
                root.estimate_text_size(l, style)
                    .map(|s| s.0)
                    .unwrap_or(u32::MAX)
            })
            .max()
            .is_none_or(|w| f64::from(w) <= slot - 6.0 * scale)
    };
    let few = n <= 24 && fits(&mut series.labels.iter().flatten(), &above);
    let secondary_fits = fits(&mut secondary.iter().flatten(), &below);
    for (i, v) in series.values.iter().enumerate() {
        let Some(v) = v else { continue };
        let (px, py) = ctx.backend_coord(&(i as f64 + 0.5, *v));
        if few && let Some(Some(label)) = series.labels.get(i) {
            root.draw(&Text::new(
                label.clone(),
                (px, py - (10.0 * scale) as i32),
                above.clone(),
            ))
            .map_err(err)?;
        }
        if secondary_fits && let Some(Some(g)) = secondary.get(i) {
            let color = if g.starts_with('-') {
                palette::DEFICIT
            } else {
                palette::SURPLUS
            };
            let style = TextStyle {
                color: color.to_backend_color(),
                ..below.clone()
            };
            root.draw(&Text::new(
                fit(root, g, &style, slot.max(30.0) as u32),
                (px, py + (10.0 * scale) as i32),
                style.clone(),
            ))
            .map_err(err)?;
        }
    }
    let baseline = ctx.backend_coord(&(0.0, lo)).1;
    category_labels(
        root,
        categories,
        |i| (ctx.backend_coord(&(i as f64 + 0.5, lo)).0, baseline),
        slot,
        scale,
    )?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn stacked<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    plot: &Area<'_, DB>,
    chart: &Chart,
    categories: &[String],
    parts: &[(String, RGBColor, Vec<rust_decimal::Decimal>)],
    gaps: &[Option<String>],
    scale: f64,
) -> std::result::Result<(), String> {
    let n = categories.len().max(1);
    // The legend takes the right-hand side.
    let legend_w = (220.0 * scale) as u32;
    let (pw, ph) = plot.dim_in_pixel();
    let (left, right) = plot.split_horizontally(pw.saturating_sub(legend_w));
    let mut ctx = ChartBuilder::on(&left)
        .x_label_area_size((40.0 * scale) as u32)
        .y_label_area_size((70.0 * scale) as u32)
        .build_cartesian_2d(0f64..n as f64, 0f64..100f64)
        .map_err(err)?;
    category_mesh(
        &mut ctx,
        chart,
        6,
        &|v| format!("{}%", tick(*v, 20.0)),
        scale,
    )?;
    let inside = text_style(13.0 * scale, true, WHITE).pos(Pos::new(HPos::Center, VPos::Center));
    for i in 0..n {
        let mut base = 0.0;
        for (_, color, shares) in parts {
            let exact = shares.get(i).copied().unwrap_or_default();
            let share = rust_decimal::prelude::ToPrimitive::to_f64(&exact).unwrap_or(0.0) * 100.0;
            if share <= 0.0 {
                continue;
            }
            let (x0, x1) = (i as f64 + 0.18, i as f64 + 0.82);
            ctx.draw_series(std::iter::once(Rectangle::new(
                [(x0, base), (x1, base + share)],
                color.filled(),
            )))
            .map_err(err)?;
            let (px0, py0) = ctx.backend_coord(&(x0, base));
            let (px1, py1) = ctx.backend_coord(&(x1, base + share));
            if (py0 - py1) as f64 > 18.0 * scale && (px1 - px0) as f64 > 44.0 * scale {
                let text_color = if *color == palette::CYCLE[6] || *color == palette::OTHERS {
                    palette::TEXT
                } else {
                    WHITE
                };
                root.draw(&Text::new(
                    crate::number::percent(exact, 1, false),
                    ((px0 + px1) / 2, (py0 + py1) / 2),
                    TextStyle {
                        color: text_color.to_backend_color(),
                        ..inside.clone()
                    },
                ))
                .map_err(err)?;
            }
            base += share;
        }
    }
    let slot = {
        let (a, _) = ctx.backend_coord(&(0.0, 0.0));
        let (b, _) = ctx.backend_coord(&(1.0, 0.0));
        f64::from(b - a)
    };
    let note_style =
        text_style(13.0 * scale, false, palette::MUTED).pos(Pos::new(HPos::Center, VPos::Bottom));
    for (i, gap) in gaps.iter().enumerate() {
        if let Some(g) = gap {
            let (px, py) = ctx.backend_coord(&(i as f64 + 0.5, 0.0));
            root.draw(&Text::new(
                fit(root, g, &note_style, slot.max(40.0) as u32),
                (px, py - 6),
                note_style.clone(),
            ))
            .map_err(err)?;
        }
    }
    let baseline = ctx.backend_coord(&(0.0, 0.0)).1;
    category_labels(
        root,
        categories,
        |i| (ctx.backend_coord(&(i as f64 + 0.5, 0.0)).0, baseline),
        slot,
        scale,
    )?;
    // Legend, top to bottom in stacking order reversed (matches the bars' top).
    let style = text_style(14.0 * scale, false, palette::TEXT);
    let (rx, ry) = right.get_base_pixel();
    let swatch = (14.0 * scale) as i32;
    let row = (24.0 * scale) as i32;
    let _ = ph;
    for (k, (name, color, _)) in parts.iter().rev().enumerate() {
        let y = ry + (10.0 * scale) as i32 + k as i32 * row;
        let x = rx + (16.0 * scale) as i32;
        root.draw(&Rectangle::new(
            [(x, y), (x + swatch, y + swatch)],
            color.filled(),
        ))
        .map_err(err)?;
        let label = fit(
            root,
            name,
            &style,
            legend_w.saturating_sub((40.0 * scale) as u32),
        );
        root.draw(&Text::new(label, (x + swatch + 8, y - 1), style.clone()))
            .map_err(err)?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn horizontal<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    plot: &Area<'_, DB>,
    chart: &Chart,
    names: &[String],
    values: &[f64],
    labels: &[String],
    color: RGBColor,
    scale: f64,
) -> std::result::Result<(), String> {
    let n = names.len().max(1);
    let (lo, hi, step) = nice_range(values.iter().copied());
    let hi = hi + step * 0.8; // room for the value labels
    let name_style =
        text_style(14.0 * scale, false, palette::TEXT).pos(Pos::new(HPos::Right, VPos::Center));
    let name_w = (200.0 * scale) as u32;
    let mut ctx = ChartBuilder::on(plot)
        .x_label_area_size((40.0 * scale) as u32)
        .y_label_area_size(name_w)
        .build_cartesian_2d(lo..hi, 0f64..n as f64)
        .map_err(err)?;
    let x_ticks = ((hi - lo) / step).floor() as usize + 1;
    ctx.configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(x_ticks)
        .x_label_formatter(&|v| tick(*v, step))
        .x_desc(chart.value_axis.clone())
        .axis_desc_style(text_style(15.0 * scale, false, palette::MUTED))
        .label_style(text_style(14.0 * scale, false, palette::TEXT))
        .light_line_style(TRANSPARENT)
        .bold_line_style(palette::GRID)
        .draw()
        .map_err(err)?;
    let value_style =
        text_style(13.0 * scale, true, palette::TEXT).pos(Pos::new(HPos::Left, VPos::Center));
    for (i, v) in values.iter().enumerate() {
        // Largest at the top.
        let y = (n - 1 - i) as f64;
        ctx.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y + 0.15), (*v, y + 0.85)],
            color.filled(),
        )))
        .map_err(err)?;
        let (px, py) = ctx.backend_coord(&(v.max(0.0), y + 0.5));
        if let Some(label) = labels.get(i) {
            root.draw(&Text::new(label.clone(), (px + 6, py), value_style.clone()))
                .map_err(err)?;
        }
        let (nx, _) = ctx.backend_coord(&(lo, y + 0.5));
        let name = fit(root, &names[i], &name_style, name_w.saturating_sub(16));
        root.draw(&Text::new(name, (nx - 8, py), name_style.clone()))
            .map_err(err)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
