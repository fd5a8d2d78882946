//! `tradestat chart`: every kind renders from fixtures, to the requested size, with its
//! series' colours, deterministically, and close to its golden image.
//!
//! Golden images live in tests/golden/. After an intended change, regenerate them with
//! `TRADESTAT_UPDATE_GOLDEN=1 cargo test charts` and look at every one before committing.

use std::path::PathBuf;

use image::RgbImage;

use crate::workdir::{HEADER, Workdir, repo_file};

const EXPORTS: [u8; 3] = [0x00, 0x72, 0xB2];
const IMPORTS: [u8; 3] = [0xE6, 0x9F, 0x00];
const SURPLUS: [u8; 3] = [0x00, 0x9E, 0x73];
const DEFICIT: [u8; 3] = [0xD5, 0x5E, 0x00];
const TURNOVER: [u8; 3] = [0x33, 0x33, 0x33];

fn render(wd: &Workdir, name: &str, args: &[&str]) -> (PathBuf, RgbImage) {
    let out = wd.path(name);
    let mut all = vec!["chart"];
    all.extend_from_slice(args);
    let out_text = out.to_str().unwrap().to_string();
    all.extend_from_slice(&["--out", &out_text]);
    wd.run(&all).expect_code(0);
    let img = image::open(&out).expect("a PNG").to_rgb8();
    (out, img)
}

fn count(img: &RgbImage, rgb: [u8; 3]) -> usize {
    img.pixels().filter(|p| p.0 == rgb).count()
}

fn not_white_share(img: &RgbImage) -> f64 {
    let n = img.pixels().filter(|p| p.0 != [255, 255, 255]).count();
    n as f64 / (img.width() * img.height()) as f64
}

/// Compares with tests/golden/NAME: at most 0.5% of pixels may differ noticeably.
fn golden(name: &str, actual: &PathBuf) {
    let path = PathBuf::from(repo_file(&format!("tests/golden/{name}")));
    if std::env::var_os("TRADESTAT_UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::copy(actual, &path).unwrap();
        return;
    }
    let expected = image::open(&path)
        .unwrap_or_else(|e| {
            panic!(
                "golden {} unreadable ({e}); create it with TRADESTAT_UPDATE_GOLDEN=1",
                path.display()
            )
        })
        .to_rgb8();
    let got = image::open(actual).unwrap().to_rgb8();
    assert_eq!(
        expected.dimensions(),
        got.dimensions(),
        "{name}: size changed"
    );
    let differing = expected
        .pixels()
        .zip(got.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0.iter()).any(|(x, y)| x.abs_diff(*y) > 16))
        .count();
    let share = differing as f64 / (got.width() * got.height()) as f64;
    assert!(
        share < 0.005,
        "{name}: {:.2}% of pixels differ from the golden image",
        share * 100.0
    );
}

#[test]
fn flows_chart_of_the_bundled_data() {
    let wd = Workdir::new();
    let (path, img) = render(
        &wd,
        "flows.png",
        &[
            &repo_file("data/ru-kp-far-east-2019q1.csv"),
            "--kind",
            "flows",
        ],
    );
    assert_eq!(img.dimensions(), (1200, 675));
    assert!(not_white_share(&img) > 0.03, "the chart is nearly blank");
    assert!(count(&img, EXPORTS) > 1000, "no exports bar");
    // The imports bar is tiny (0.02 of 10.67) but its legend swatch is there.
    assert!(count(&img, IMPORTS) > 50, "no imports colour");
    golden("flows.png", &path);
}

#[test]
fn turnover_balance_and_composition_charts() {
    let wd = Workdir::new();
    let data = repo_file("data/ru-kp-far-east-2019q1.csv");
    let (path, img) = render(&wd, "turnover.png", &[&data, "--kind", "turnover"]);
    assert!(count(&img, TURNOVER) > 300, "no turnover line");
    // The YoY label of the fall is drawn in the deficit colour.
    assert!(count(&img, DEFICIT) > 20);
    golden("turnover.png", &path);
    let (path, img) = render(&wd, "balance.png", &[&data, "--kind", "balance"]);
    assert!(count(&img, SURPLUS) > 1000);
    golden("balance.png", &path);
    let (path, img) = render(
        &wd,
        "composition.png",
        &[
            &repo_file("tests/fixtures/hs-breakdown.csv"),
            "--kind",
            "composition",
        ],
    );
    assert!(count(&img, EXPORTS) > 1000 && count(&img, IMPORTS) > 1000);
    golden("composition.png", &path);
}

#[test]
fn partners_chart_with_long_names_and_25_partners() {
    let wd = Workdir::new();
    let (path, img) = render(
        &wd,
        "partners.png",
        &[
            &repo_file("tests/fixtures/partners.csv"),
            "--kind",
            "partners",
            "--top",
            "25",
            "--flow",
            "exports",
            "--width",
            "1000",
            "--height",
            "800",
        ],
    );
    assert_eq!(img.dimensions(), (1000, 800));
    assert!(count(&img, EXPORTS) > 2000);
    golden("partners.png", &path);
}

#[test]
fn many_periods_render_and_partial_ones_are_left_out() {
    let wd = Workdir::new();
    let data = repo_file("tests/fixtures/monthly-12y.csv");
    let run = wd
        .run(&[
            "chart", &data, "--kind", "turnover", "--by", "quarter", "--out", "q.png",
        ])
        .expect_code(0);
    assert!(run.stderr.contains("wrote"));
    let (path, img) = render(
        &wd,
        "months.png",
        &[
            &data,
            "--kind",
            "flows",
            "--period",
            &(1..=12)
                .map(|m| format!("2018-{m:02}"))
                .chain((1..=12).map(|m| format!("2019-{m:02}")))
                .chain((1..=12).map(|m| format!("2017-{m:02}")))
                .collect::<Vec<_>>()
                .join(","),
        ],
    );
    assert!(count(&img, EXPORTS) > 1000 && count(&img, IMPORTS) > 1000);
    golden("months.png", &path);
}

#[test]
fn charts_are_deterministic_and_svg_by_extension() {
    let wd = Workdir::new();
    let data = repo_file("data/ru-kp-far-east-2019q1.csv");
    let (a, _) = render(&wd, "a.png", &[&data, "--kind", "flows"]);
    let (b, _) = render(&wd, "b.png", &[&data, "--kind", "flows"]);
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    wd.run(&["chart", &data, "--kind", "turnover", "--out", "t.svg"])
        .expect_code(0);
    let svg = std::fs::read_to_string(wd.path("t.svg")).unwrap();
    assert!(
        svg.starts_with("<svg")
            && svg.contains("Trade turnover of Russian Far East with North Korea"),
        "{}",
        &svg[..200.min(svg.len())]
    );
    wd.run(&["chart", &data, "--kind", "turnover", "--out", "t2.svg"])
        .expect_code(0);
    assert_eq!(svg, std::fs::read_to_string(wd.path("t2.svg")).unwrap());
}

/// The SVG is the PNG's drawing with its text in outlines: a rasteriser that has no font
/// at all draws it as the PNG, for every kind (issue 16).
#[test]
fn the_svg_draws_as_the_png_without_any_font() {
    let wd = Workdir::new();
    let data = repo_file("data/ru-kp-far-east-2019q1.csv");
    let partners = repo_file("tests/fixtures/partners.csv");
    for (name, args) in [
        ("flows", vec![data.as_str(), "--kind", "flows"]),
        ("turnover", vec![data.as_str(), "--kind", "turnover"]),
        ("balance", vec![data.as_str(), "--kind", "balance"]),
        (
            "partners",
            vec![partners.as_str(), "--kind", "partners", "--top", "5"],
        ),
    ] {
        let (_, png) = render(&wd, &format!("{name}.png"), &args);
        let mut svg_args = args.clone();
        let out = wd
            .path(&format!("{name}.svg"))
            .to_str()
            .unwrap()
            .to_string();
        svg_args.extend_from_slice(&["--out", &out]);
        let mut all = vec!["chart"];
        all.extend_from_slice(&svg_args);
        wd.run(&all).expect_code(0);
        let text = std::fs::read_to_string(&out).unwrap();
        // No font: a text element that were drawn would need one.
        let options = resvg::usvg::Options::default();
        assert!(options.fontdb.is_empty());
        let tree = resvg::usvg::Tree::from_str(&text, &options).unwrap();
        let (w, h) = (png.width(), png.height());
        let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).unwrap();
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        resvg::render(&tree, Default::default(), &mut pixmap.as_mut());
        let differ = pixmap
            .data()
            .chunks_exact(4)
            .zip(png.pixels())
            .filter(|(a, b)| (0..3).any(|c| a[c].abs_diff(b.0[c]) > 8))
            .count();
        assert_eq!(
            differ, 0,
            "{name}: {differ} pixels differ between SVG and PNG"
        );
        // The words are there for search and screen readers, and the text is not drawn
        // twice: the words' layer is invisible.
        assert!(
            text.contains("<title>") && text.contains("<g opacity=\"0\">"),
            "{name}"
        );
    }
}

#[test]
fn negative_single_period_and_all_zero_series_render() {
    let wd = Workdir::new();
    wd.write(
        "deficit.csv",
        format!("{HEADER}AAA,BBB,2019,export,,1,USD,,\nAAA,BBB,2019,import,,5,USD,,\n"),
    );
    let (_, img) = render(&wd, "d.png", &["deficit.csv", "--kind", "balance"]);
    assert!(count(&img, DEFICIT) > 1000, "a deficit bar below zero");
    wd.write("zero.csv", format!("{HEADER}AAA,BBB,2018,export,,0,USD,,\nAAA,BBB,2018,import,,0,USD,,\nAAA,BBB,2019,export,,0,USD,,\nAAA,BBB,2019,import,,0,USD,,\n"));
    for kind in ["flows", "turnover", "balance"] {
        let (_, img) = render(&wd, &format!("z-{kind}.png"), &["zero.csv", "--kind", kind]);
        assert!(not_white_share(&img) > 0.01);
    }
    let long = "A very long partner name that goes on and on, far beyond what fits on any axis";
    wd.write(
        "long.csv",
        format!(
            "{HEADER}AAA,\"{long}\",2019,export,,3,USD,,\nAAA,\"{long}\",2019,import,,2,USD,,\n"
        ),
    );
    render(&wd, "l.png", &["long.csv", "--kind", "flows"]);
    render(&wd, "lp.png", &["long.csv", "--kind", "partners"]);
}

#[test]
fn chart_errors_are_clear() {
    let wd = Workdir::new();
    let data = repo_file("data/ru-kp-far-east-2019q1.csv");
    let run = wd
        .run(&[
            "chart",
            &data,
            "--kind",
            "flows",
            "--out",
            "no-such-dir/x.png",
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("no-such-dir/x.png: cannot write"),
        "{}",
        run.stderr
    );
    let run = wd
        .run(&[
            "chart", &data, "--kind", "flows", "--out", "x.png", "--width", "10",
        ])
        .expect_code(2);
    assert!(run.stderr.contains("width must be"), "{}", run.stderr);
    let run = wd
        .run(&[
            "chart",
            &repo_file("tests/fixtures/monthly-12y.csv"),
            "--kind",
            "composition",
            "--out",
            "c.png",
        ])
        .expect_code(2);
    assert!(
        run.stderr.contains("needs rows other than TOTAL"),
        "{}",
        run.stderr
    );
    assert!(!wd.path("c.png").exists());
}

/// The partners beyond the top N are a remainder: stated in muted text, not drawn as a bar
/// that would dwarf the partners (issue 16).
#[test]
fn the_rest_of_the_partners_is_stated_not_drawn() {
    let wd = Workdir::new();
    let fixture = repo_file("tests/fixtures/partners.csv");
    wd.run(&[
        "chart", &fixture, "--kind", "partners", "--top", "3", "--flow", "exports", "--out",
        "p.svg",
    ])
    .expect_code(0);
    let svg = std::fs::read_to_string(wd.path("p.svg")).unwrap();
    assert!(svg.contains("others ("), "{svg}");
    assert!(svg.contains("— not drawn"), "{svg}");
    // Three bars in the exports colour, none for the rest (text is in outlines, in the
    // text colours).
    assert_eq!(svg.matches("fill=\"#0072b2\"").count(), 3, "{svg}");
}
