//! Drawing each kind of chart body: grouped and diverging bars, a line, 100% stacked
//! bars, horizontal bars. Each function is one drawing sequence in one coordinate context
//! (`ctx`): axes, marks, labels that shrink, thin or hide, notes for gaps, the legend.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::draw::{
    Area, category_labels, category_mesh, err, fit, legend, nice_range, text_style, tick,
    with_label_room,
};
use super::{Body, Chart, Series, palette};

pub(super) fn bars<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    plot: &Area<'_, DB>,
    chart: &Chart,
    categories: &[String],
    series: &[Series],
    gaps: &[Option<String>],
    scale: f64,
) -> std::result::Result<(), String> {
    let n = categories.len().max(1);
    let values = || {
        series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
    };
    let (lo, hi, step) = with_label_room(nice_range(values()), values());
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
    let y_ticks = ((hi - lo) / step).floor() as usize + 1;
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

pub(super) fn line<DB: DrawingBackend>(
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
pub(super) fn stacked<DB: DrawingBackend>(
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
/// Horizontal bars: a name, a value and its label each.
pub(super) struct Bars<'a> {
    pub names: &'a [String],
    pub values: &'a [f64],
    pub labels: &'a [String],
    pub color: RGBColor,
}

pub(super) fn horizontal<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    plot: &Area<'_, DB>,
    chart: &Chart,
    bars: &Bars<'_>,
    remainder: Option<&(String, String)>,
    scale: f64,
) -> std::result::Result<(), String> {
    // The remainder takes the last row, without a bar: the axis fits the parts.
    let rows = bars.names.len() + usize::from(remainder.is_some());
    let n = rows.max(1);
    let (lo, hi, step) = nice_range(bars.values.iter().copied());
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
    for (i, v) in bars.values.iter().enumerate() {
        // Largest at the top.
        let y = (n - 1 - i) as f64;
        ctx.draw_series(std::iter::once(Rectangle::new(
            [(0.0, y + 0.15), (*v, y + 0.85)],
            bars.color.filled(),
        )))
        .map_err(err)?;
        let (px, py) = ctx.backend_coord(&(v.max(0.0), y + 0.5));
        if let Some(label) = bars.labels.get(i) {
            root.draw(&Text::new(label.clone(), (px + 6, py), value_style.clone()))
                .map_err(err)?;
        }
        let (nx, _) = ctx.backend_coord(&(lo, y + 0.5));
        let name = fit(root, &bars.names[i], &name_style, name_w.saturating_sub(16));
        root.draw(&Text::new(name, (nx - 8, py), name_style.clone()))
            .map_err(err)?;
    }
    if let Some((name, label)) = remainder {
        let muted =
            |h| text_style(13.0 * scale, false, palette::MUTED).pos(Pos::new(h, VPos::Center));
        let (nx, py) = ctx.backend_coord(&(lo, 0.5));
        let name = fit(root, name, &muted(HPos::Right), name_w.saturating_sub(16));
        root.draw(&Text::new(name, (nx - 8, py), muted(HPos::Right)))
            .map_err(err)?;
        root.draw(&Text::new(label.clone(), (nx + 6, py), muted(HPos::Left)))
            .map_err(err)?;
    }
    Ok(())
}
