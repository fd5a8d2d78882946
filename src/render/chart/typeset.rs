//! Setting a drawn chart's text properly, for both formats at once: plotters draws the
//! chart as SVG (shapes, and text as `<text>` in the embedded family); usvg shapes that
//! text with the embedded fonts (rustybuzz: real advances, kerning, one baseline) and
//! turns it into outlines. The PNG is that tree rasterised by resvg; the SVG is that tree
//! written back, so the two are the same drawing and the SVG needs no font to look
//! right. The SVG also keeps the words: an invisible copy of every text (for search,
//! selection and screen readers) and the title as `<title>`.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia;
use resvg::usvg;

use super::draw::{FAMILY, FONT_BOLD, FONT_REGULAR};
use crate::error::{Error, Result};

/// Options for usvg with the embedded fonts as the only fonts (none from the system).
fn options() -> &'static usvg::Options<'static> {
    static OPTIONS: OnceLock<usvg::Options<'static>> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(FONT_REGULAR.to_vec());
        db.load_font_data(FONT_BOLD.to_vec());
        db.set_sans_serif_family(FAMILY);
        usvg::Options {
            font_family: FAMILY.to_string(),
            fontdb: Arc::new(db),
            ..usvg::Options::default()
        }
    })
}

/// The drawing with its text set in outlines.
pub(super) fn typeset(svg: &str) -> Result<usvg::Tree> {
    usvg::Tree::from_str(&crisp(&as_measured(svg)), options())
        .map_err(|e| Error::Chart(format!("chart: the drawing could not be typeset: {e}")))
}

/// plotters lays a chart out with text measured by ab_glyph at a pixel scale `size` (the
/// font's ascent-to-descent height) and anchored by a box whose baseline sits `size / 2`
/// below its top, but writes SVG text at `size / 1.24` with rough `dy` offsets
/// (`0.76em`, `0.5ex`, `-0.5ex`). Each text is rewritten at the size and baseline the
/// layout measured, so labels fill exactly the room they were given.
fn as_measured(svg: &str) -> String {
    static EM_PER_SCALE: OnceLock<f64> = OnceLock::new();
    let em_per_scale = *EM_PER_SCALE.get_or_init(|| {
        use ab_glyph::Font as _;
        ab_glyph::FontRef::try_from_slice(FONT_REGULAR)
            .ok()
            .and_then(|f| Some(f64::from(f.units_per_em()?) / f64::from(f.height_unscaled())))
            .unwrap_or(1.0 / 1.24)
    });
    let mut out = String::with_capacity(svg.len() + svg.len() / 16);
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        let end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        out.push_str(&rest[..start]);
        out.push_str(&retext(&rest[start..end], em_per_scale));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Bars and axis-aligned lines drawn without anti-aliasing, as the pixels they were laid
/// out on: a 1-pixel axis stays one dark pixel, not two grey ones. Slanted lines and
/// points keep their smooth edges.
fn crisp(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    for (i, piece) in svg.split('<').enumerate() {
        if i > 0 {
            out.push('<');
        }
        let square = piece.starts_with("rect ")
            || (piece.starts_with("line ") && line_is_straight(piece))
            || (piece.starts_with("polyline ") && polyline_is_straight(piece));
        match piece.find(' ') {
            Some(at) if square => {
                out.push_str(&piece[..at]);
                out.push_str(" shape-rendering=\"crispEdges\"");
                out.push_str(&piece[at..]);
            }
            _ => out.push_str(piece),
        }
    }
    out
}

/// The value of attribute `name` in an element's text.
fn attribute<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let from = element.find(&format!(" {name}=\""))? + name.len() + 3;
    element[from..]
        .find('"')
        .map(|to| &element[from..from + to])
}

fn line_is_straight(element: &str) -> bool {
    let at = |name| attribute(element, name);
    at("x1") == at("x2") || at("y1") == at("y2")
}

/// Every segment of the polyline horizontal or vertical.
fn polyline_is_straight(element: &str) -> bool {
    let points: Vec<(&str, &str)> = attribute(element, "points")
        .unwrap_or_default()
        .split_whitespace()
        .filter_map(|p| p.split_once(','))
        .collect();
    points
        .windows(2)
        .all(|w| w[0].0 == w[1].0 || w[0].1 == w[1].1)
}

/// One `<text …` opening tag at the measured size and baseline (see `as_measured`).
fn retext(tag: &str, em_per_scale: f64) -> String {
    let Some(size) = attribute(tag, "font-size")
        .and_then(|v| v.parse::<f64>().ok())
        .map(|svg_size| svg_size * 1.24)
    else {
        return tag.to_string();
    };
    let baseline = match attribute(tag, "dy") {
        Some("0.5ex") => size / 2.0 - size / 2.48,
        Some("-0.5ex") => size / 2.0 - size / 1.24,
        _ => size / 2.0,
    };
    let mut tag = tag.to_string();
    for (name, value) in [
        ("font-size", format!("{:.3}", size * em_per_scale)),
        ("dy", format!("{baseline:.3}")),
    ] {
        if let Some(at) = tag.find(&format!(" {name}=\"")) {
            let from = at + name.len() + 3;
            if let Some(len) = tag[from..].find('"') {
                tag.replace_range(from..from + len, &value);
            }
        }
    }
    tag
}

/// The typeset drawing as PNG bytes (RGB, on the white the drawing fills itself with).
pub(super) fn png(tree: &usvg::Tree, (w, h): (u32, u32)) -> Result<Vec<u8>> {
    let mut pixmap = tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| Error::Chart(format!("chart: no {w}×{h} canvas")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    // Every pixel is opaque (the white fill), so premultiplied RGBA is plain RGB.
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    super::encode_png(&rgb, (w, h))
}

/// The typeset drawing as SVG text: outlines, then the words of `drawn` (plotters' SVG)
/// in an invisible layer, and `title` as the document's title.
pub(super) fn svg(tree: &usvg::Tree, drawn: &str, title: &str) -> String {
    let outlines = tree.to_string(&usvg::WriteOptions::default());
    // At the size and place the outlines have, so a selection covers the drawn words.
    let measured = as_measured(drawn);
    let words: String = texts(&measured).collect::<Vec<_>>().join("\n");
    let title = format!("<title>{}</title>", escape(title));
    let open_end = outlines.find('>').map_or(0, |i| i + 1);
    let close = outlines.rfind("</svg>").unwrap_or(outlines.len());
    format!(
        "{}\n{title}\n{}<g opacity=\"0\">\n{words}\n</g>\n{}",
        &outlines[..open_end],
        &outlines[open_end..close].trim_start_matches('\n'),
        &outlines[close..]
    )
}

/// The `<text>…</text>` elements of an SVG, in order.
fn texts(svg: &str) -> impl Iterator<Item = &str> {
    let mut rest = svg;
    std::iter::from_fn(move || {
        let start = rest.find("<text")?;
        let end = rest[start..].find("</text>")? + start + "</text>".len();
        let element = &rest[start..end];
        rest = &rest[end..];
        Some(element)
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_set_at_the_size_and_baseline_the_layout_measured() {
        let em = {
            use ab_glyph::Font as _;
            let f = ab_glyph::FontRef::try_from_slice(FONT_REGULAR).unwrap();
            f64::from(f.units_per_em().unwrap()) / f64::from(f.height_unscaled())
        };
        // plotters wrote size 31 as 25 (31 / 1.24), anchored at its top.
        let drawn = r##"<text x="5" y="9" dy="0.76em" text-anchor="start" font-family="DejaVu Sans" font-size="25" fill="#222222">Germany 452.83</text>"##;
        let set = as_measured(drawn);
        assert!(
            set.contains(&format!(r#"font-size="{:.3}""#, 31.0 * em)),
            "{set}"
        );
        assert!(set.contains(r#"dy="15.500""#), "{set}");
        assert!(set.ends_with(">Germany 452.83</text>"), "{set}");
        // Centred and bottom anchors.
        assert!(as_measured(&drawn.replace("0.76em", "0.5ex")).contains(r#"dy="3.000""#));
        assert!(as_measured(&drawn.replace("0.76em", "-0.5ex")).contains(r#"dy="-9.500""#));
    }

    #[test]
    fn only_bars_and_straight_lines_lose_their_smooth_edges() {
        let drawn = r#"<svg><rect x="1" y="1" width="4" height="4"/><polyline points="93,102 93,580 "/><polyline points="10,10 20,30 "/><line x1="1" y1="5" x2="9" y2="5"/><circle cx="3" cy="3" r="2"/></svg>"#;
        let set = crisp(drawn);
        assert_eq!(set.matches("crispEdges").count(), 3, "{set}");
        assert!(set.contains(r#"<polyline points="10,10 20,30 "/>"#));
        assert!(set.contains(r#"<circle cx="3""#));
    }

    #[test]
    fn the_svg_keeps_its_words_and_title() {
        let drawn = r##"<svg width="200" height="100" xmlns="http://www.w3.org/2000/svg"><rect x="0" y="0" width="200" height="100" fill="#FFFFFF"/><text x="5" y="9" dy="0.76em" font-family="DejaVu Sans" font-size="20">Trade &amp; more</text></svg>"##;
        let tree = typeset(drawn).unwrap();
        let svg = svg(&tree, drawn, "A & B");
        assert!(svg.contains("<title>A &amp; B</title>"), "{svg}");
        assert!(svg.contains(">Trade &amp; more</text>"), "{svg}");
        // The visible text is outlines.
        let visible = &svg[..svg.find("<g opacity=\"0\">").unwrap()];
        assert!(
            !visible.contains("<text") && visible.contains("<path"),
            "{svg}"
        );
    }
}
