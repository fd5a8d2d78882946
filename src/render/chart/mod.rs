//! Publication charts (PNG or SVG) with plotters.
//!
//! A chart is described by a `Chart` — title, subtitle, unit, source, and one `Body`
//! (grouped bars, a line, diverging bars, 100% stacked bars, horizontal bars) — built by
//! the chart command from the same metrics code as the tables. Labels are formatted from
//! the exact decimals; floats are used only to place pixels.
//!
//! Fonts are embedded (DejaVu Sans, data/fonts/, Bitstream Vera licence): no system fonts.
//! Output is deterministic: the same input gives the same bytes. Text is shaped and set
//! by usvg with those fonts and both formats come from that one typeset drawing
//! (`typeset`): the PNG is it rasterised by resvg, the SVG is it in outlines (plus the
//! words, invisible, for search and screen readers), so it looks the same everywhere.
//!
//! `spec` builds a `Chart` from the data (what is drawn, with its words); `draw` lays it
//! out with plotters (title, plot area, axes, text), `bodies` draws each kind of body and
//! `typeset` sets the text and writes PNG or SVG.
//! Nothing here computes a metric: values arrive computed.

mod bodies;
pub mod draw;
pub mod spec;
mod typeset;

use std::path::Path;

use plotters::prelude::*;

use crate::error::{Error, Result};

/// Okabe-Ito, a palette that colour-blind readers can tell apart.
pub mod palette {
    use plotters::style::RGBColor;
    pub const EXPORTS: RGBColor = RGBColor(0x00, 0x72, 0xB2); // blue
    pub const IMPORTS: RGBColor = RGBColor(0xE6, 0x9F, 0x00); // orange
    pub const TURNOVER: RGBColor = RGBColor(0x33, 0x33, 0x33);
    pub const SURPLUS: RGBColor = RGBColor(0x00, 0x9E, 0x73); // bluish green
    pub const DEFICIT: RGBColor = RGBColor(0xD5, 0x5E, 0x00); // vermillion
    pub const REPORTED: RGBColor = RGBColor(0x00, 0x72, 0xB2);
    pub const MIRROR: RGBColor = RGBColor(0xCC, 0x79, 0xA7); // reddish purple
    pub const OTHERS: RGBColor = RGBColor(0xBB, 0xBB, 0xBB);
    /// For categories (commodities, partners) in order.
    pub const CYCLE: [RGBColor; 7] = [
        RGBColor(0x00, 0x72, 0xB2),
        RGBColor(0xE6, 0x9F, 0x00),
        RGBColor(0x00, 0x9E, 0x73),
        RGBColor(0xCC, 0x79, 0xA7),
        RGBColor(0x56, 0xB4, 0xE9),
        RGBColor(0xD5, 0x5E, 0x00),
        RGBColor(0xF0, 0xE4, 0x42),
    ];
    pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
    pub const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);
    pub const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
}

/// One series of values, one per category; `None` is missing (drawn as a gap and noted).
#[derive(Clone, Debug)]
pub struct Series {
    pub name: String,
    pub color: RGBColor,
    pub values: Vec<Option<f64>>,
    /// The label printed on each bar or point (from exact decimals).
    pub labels: Vec<Option<String>>,
}

#[derive(Clone, Debug)]
pub enum Body {
    /// Bars side by side per category (exports and imports per period).
    Bars {
        categories: Vec<String>,
        series: Vec<Series>,
        /// A note under a category whose values are missing ("split not published").
        gaps: Vec<Option<String>>,
    },
    /// A line over categories, with a label above each point and a second label (growth)
    /// below it.
    Line {
        categories: Vec<String>,
        series: Series,
        secondary: Vec<Option<String>>,
    },
    /// Bars up from zero for positive values, down for negative, coloured by sign.
    Diverging {
        categories: Vec<String>,
        values: Vec<Option<f64>>,
        labels: Vec<Option<String>>,
        gaps: Vec<Option<String>>,
    },
    /// Shares stacking to 100% per category; `parts` are (name, colour, exact share 0–1 per
    /// category).
    Stacked {
        categories: Vec<String>,
        parts: Vec<(String, RGBColor, Vec<rust_decimal::Decimal>)>,
        gaps: Vec<Option<String>>,
    },
    /// Horizontal bars, largest first (partners); the axis fits these bars.
    Horizontal {
        names: Vec<String>,
        values: Vec<f64>,
        labels: Vec<String>,
        color: RGBColor,
        /// The rest of the whole ("others (193)") and its label: a last row in muted
        /// text, without a bar, so it reads as a remainder and does not dwarf the parts.
        remainder: Option<(String, String)>,
    },
}

#[derive(Clone, Debug)]
pub struct Chart {
    pub title: String,
    pub subtitle: String,
    /// The value axis label, with its unit ("USD million").
    pub value_axis: String,
    /// The category axis label ("Period", "Partner").
    pub category_axis: String,
    pub source: String,
    pub body: Body,
}

pub const DEFAULT_SIZE: (u32, u32) = (1200, 675);

/// Renders to `path`: SVG when it ends in `.svg`, PNG otherwise. Written to a temporary
/// file beside it and renamed, so an interrupted run never leaves half a chart.
pub fn write(chart: &Chart, path: &Path, size: (u32, u32)) -> Result<()> {
    draw::register_fonts();
    let (w, h) = size;
    if !(200..=8000).contains(&w) || !(150..=8000).contains(&h) {
        return Err(Error::Options(format!(
            "chart size {w}×{h}: width must be 200–8000 and height 150–8000 pixels"
        )));
    }
    let svg = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    // One drawing for both formats: plotters draws SVG, usvg sets its text (typeset).
    let mut drawn = String::new();
    {
        let root = SVGBackend::with_string(&mut drawn, size).into_drawing_area();
        draw::draw(&root, chart).map_err(Error::Chart)?;
        root.present()
            .map_err(|e| Error::Chart(format!("chart: {e}")))?;
    }
    let tree = typeset::typeset(&drawn)?;
    let bytes = if svg {
        typeset::svg(&tree, &drawn, &chart.title).into_bytes()
    } else {
        typeset::png(&tree, size)?
    };
    crate::atomic::write_file(path, &bytes)
}

fn encode_png(pixels: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(pixels, w, h, image::ColorType::Rgb8)
        .map_err(|e| Error::Chart(format!("PNG encoding failed: {e}")))?;
    Ok(out)
}
