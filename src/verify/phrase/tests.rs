use num_traits::One;

use super::*;
use crate::verify::interval::decimal_string;

fn p(text: &str) -> Phrase {
    parse(text, Lexicon::built_in(), Rounding::HalfUnit).unwrap()
}

fn bounds(ph: &Phrase) -> String {
    ph.interval.describe(&Q::one(), 6)
}

#[test]
fn amounts_with_currencies_and_scales() {
    let cases = [
        ("$10.69 million", "USD", "10690000", "[10685000, 10695000]"),
        (
            "Tk 1.8 trillion",
            "BDT",
            "1800000000000",
            "[1750000000000, 1850000000000]",
        ),
        (
            "₦7.54 trillion",
            "NGN",
            "7540000000000",
            "[7535000000000, 7545000000000]",
        ),
        (
            "$5,763.45 millions",
            "USD",
            "5763450000",
            "[5763445000, 5763455000]",
        ),
        (
            "4,8 milliards de euros",
            "EUR",
            "4800000000",
            "[4750000000, 4850000000]",
        ),
        (
            "US$27.23 million",
            "USD",
            "27230000",
            "[27225000, 27235000]",
        ),
        (
            "USD 1,028M",
            "USD",
            "1028000000",
            "[1027500000, 1028500000]",
        ),
        (
            "$2.43 billion",
            "USD",
            "2430000000",
            "[2425000000, 2435000000]",
        ),
        (
            "448.8 million yuan",
            "CNY",
            "448800000",
            "[448750000, 448850000]",
        ),
        ("$930,000", "USD", "930000", "[925000, 935000]"),
        (
            "10.69 mln dollars",
            "USD",
            "10690000",
            "[10685000, 10695000]",
        ),
        ("$20,000", "USD", "20000", "[15000, 25000]"),
        ("$34 million", "USD", "34000000", "[33500000, 34500000]"),
        (
            "CNY1.42 billion",
            "CNY",
            "1420000000",
            "[1415000000, 1425000000]",
        ),
        (
            "$221,864,000,000",
            "USD",
            "221864000000",
            "[221863500000, 221864500000]",
        ),
        (
            "1.53 bn dollars",
            "USD",
            "1530000000",
            "[1525000000, 1535000000]",
        ),
    ];
    for (text, currency, point, interval) in cases {
        let ph = p(text);
        assert_eq!(
            ph.measure,
            Measure::Amount {
                currency: currency.into()
            },
            "{text}"
        );
        assert_eq!(
            decimal_string(ph.point.as_ref().unwrap(), 6),
            point,
            "{text}"
        );
        assert_eq!(bounds(&ph), interval, "{text}");
    }
}

#[test]
fn percentages_changes_and_points() {
    let share = p("85.1% of exports");
    assert_eq!(share.measure, Measure::Share);
    assert_eq!(bounds(&share), "[0.8505, 0.8515]");
    let rose = p("rose 42 percent");
    assert_eq!(rose.measure, Measure::Change);
    assert_eq!(bounds(&rose), "[0.415, 0.425]");
    // Trailing zeros of an integer are not significant: "40" is 40 ± 5.
    assert_eq!(bounds(&p("grew 40%")), "[0.35, 0.45]");
    assert_eq!(bounds(&p("an increase of 5%")), "[0.045, 0.055]");
    assert_eq!(p("an increase of 5%").measure, Measure::Change);
    let fell = p("fell 65.2 per cent");
    assert_eq!(fell.measure, Measure::Change);
    assert_eq!(bounds(&fell), "[-0.6525, -0.6515]");
    let less = p("12% less");
    assert_eq!(decimal_string(less.point.as_ref().unwrap(), 3), "-0.12");
    let points = p("up 2.5 percentage points");
    assert_eq!(points.measure, Measure::Points);
    assert_eq!(bounds(&points), "[2.45, 2.55]");
    assert_eq!(p("56%").measure, Measure::Share);
}

#[test]
fn multiples_words_and_numbers() {
    let triple = p("showing a triple growth");
    assert_eq!(triple.measure, Measure::Multiple);
    assert_eq!(bounds(&triple), "[2.5, 3.5]");
    assert_eq!(triple.direction, Some(Direction::Up));
    assert_eq!(bounds(&p("trade doubled")), "[1.5, 2.5]");
    assert_eq!(bounds(&p("treble")), "[2.5, 3.5]");
    assert_eq!(bounds(&p("quadrupled")), "[3.5, 4.5]");
    assert_eq!(bounds(&p("halved")), "[0.45, 0.55]");
    assert_eq!(bounds(&p("3.9 times")), "[3.85, 3.95]");
    assert_eq!(bounds(&p("nine times higher")), "[8.5, 9.5]");
    assert_eq!(bounds(&p("a 5-fold increase")), "[4.5, 5.5]");
    // "fell threefold": a fall to a third.
    let fell = p("fell three times");
    assert_eq!(fell.interval.describe(&Q::one(), 4), "[0.2857, 0.4]");
    assert_eq!(p("a third").measure, Measure::Share);
}

#[test]
fn hedges_apply_to_the_number_as_printed() {
    assert_eq!(bounds(&p("nearly 170 percent")), "[1.53, 1.7)");
    assert_eq!(bounds(&p("almost $10 million")), "[9000000, 10000000)");
    assert_eq!(bounds(&p("about 41%")), "[0.3895, 0.4305]");
    assert_eq!(bounds(&p("roughly 41%")), "[0.3895, 0.4305]");
    // A two-sided hedge never allows less than the printed precision: "40%" alone is
    // [35%, 45%], and "around 1 billion" at least [0.5, 1.5] billion.
    assert_eq!(bounds(&p("around 40%")), "[0.35, 0.45]");
    assert_eq!(
        bounds(&p("around 1 billion U.S. dollars")),
        "[500000000, 1500000000]"
    );
    assert_eq!(bounds(&p("about 1.15 billion")), "[1092500000, 1207500000]");
    assert_eq!(bounds(&p("more than $5 million")), "(5000000, ∞)");
    assert_eq!(bounds(&p("over $5 million")), "(5000000, ∞)");
    assert_eq!(bounds(&p("less than 10%")), "(−∞, 0.1)");
    assert_eq!(bounds(&p("at least 3 times")), "[3, ∞)");
    // A hedge with a direction: "fell nearly 70%" is a change in (−0.70, −0.63].
    assert_eq!(bounds(&p("fell nearly 70 percent")), "(-0.7, -0.63]");
}

#[test]
fn every_hedge_in_the_lexicon() {
    // Each hedge before "$200.0 million" gives its documented interval (in millions).
    let cases = [
        ("nearly", "[180, 200)"),
        ("almost", "[180, 200)"),
        ("neared", "[180, 200)"),
        ("nearing", "[180, 200)"),
        ("just under", "[190, 200)"),
        ("about", "[190, 210]"),
        ("around", "[190, 210]"),
        ("roughly", "[190, 210]"),
        ("approximately", "[190, 210]"),
        ("some", "[190, 210]"),
        ("close to", "[190, 210]"),
        ("more than", "(200, ∞)"),
        ("over", "(200, ∞)"),
        ("above", "(200, ∞)"),
        ("exceeding", "(200, ∞)"),
        ("just over", "(200, 210]"),
        ("at least", "[200, ∞)"),
        ("less than", "(−∞, 200)"),
        ("under", "(−∞, 200)"),
        ("below", "(−∞, 200)"),
        ("at most", "(−∞, 200]"),
        ("up to", "(−∞, 200]"),
        ("no more than", "(−∞, 200]"),
    ];
    let lexicon = Lexicon::built_in();
    assert_eq!(
        cases.len(),
        lexicon.hedges.len(),
        "a hedge of the lexicon is untested"
    );
    for (hedge, wanted) in cases {
        let ph = p(&format!("{hedge} $200.0 million"));
        assert_eq!(ph.hedge.as_deref(), Some(hedge));
        let million = Q::new(1.into(), 1_000_000.into());
        assert_eq!(ph.interval.describe(&million, 2), wanted, "{hedge}");
    }
    // A hedge counts only right before its number.
    assert_eq!(p("rose 5.0% over the year").hedge, None);
}

#[test]
fn directions_surplus_and_deficit() {
    for up in [
        "jumped 5%",
        "surged 5%",
        "inched up 5%",
        "grew 5%",
        "5% growth",
        "an increase of 5%",
    ] {
        assert_eq!(p(up).direction, Some(Direction::Up), "{up}");
    }
    for down in [
        "dropped 5%",
        "plunged 5%",
        "shrank 5%",
        "declined 5%",
        "a decrease of 5%",
        "dove 5%",
        "slid 5%",
        "5% lower",
    ] {
        assert_eq!(p(down).direction, Some(Direction::Down), "{down}");
        assert!(p(down).point.unwrap() < Q::zero(), "{down}");
    }
    let deficit = p("a deficit of $2.5 billion");
    assert_eq!(bounds(&deficit), "[-2550000000, -2450000000]");
    let surplus = p("a surplus of $2.5 billion");
    assert_eq!(bounds(&surplus), "[2450000000, 2550000000]");
}

#[test]
fn rounding_policies() {
    let l = Lexicon::built_in();
    let exact = parse("$10.69 million", l, Rounding::Exact).unwrap();
    assert_eq!(bounds(&exact), "[10690000, 10690000]");
    let cut = parse("$10.69 million", l, Rounding::Truncated).unwrap();
    assert_eq!(bounds(&cut), "[10690000, 10700000]");
}

#[test]
fn share_words_and_errors() {
    let most = p("most of the exports");
    assert_eq!(most.measure, Measure::Share);
    assert_eq!(bounds(&most), "(0.5, 1]");
    assert!(parse("no numbers here", Lexicon::built_in(), Rounding::HalfUnit).is_err());
    let long = "x".repeat(1_000_000);
    let e = parse(&long, Lexicon::built_in(), Rounding::HalfUnit).unwrap_err();
    assert!(e.contains("at most 2000"));
}

#[test]
fn a_hedged_fall_multiple_bounds_the_fall() {
    // "more than halved": below half; "nearly halved": a little above half.
    assert_eq!(bounds(&p("more than halved")), "(0, 0.5)");
    let nearly = bounds(&p("nearly halved"));
    assert!(nearly.starts_with("(0.5"), "{nearly}");
    assert_eq!(bounds(&p("more than doubled")), "(2, ∞)");
}

#[test]
fn thousands_grouped_by_spaces() {
    // "$ 1 246.7 million": one number, its last digit a tenth of a million.
    let ph = p("$ 1 246.7 million");
    assert_eq!(bounds(&ph), "[1246650000, 1246750000]");
    let texts: Vec<String> = tokenize("1 700 000 tonnes in 2019 100 firms")
        .into_iter()
        .filter(|t| t.is_number)
        .map(|t| t.text)
        .collect();
    // Groups of three after one to three digits join; a four-digit year does not.
    assert_eq!(texts, ["1 700 000", "2019", "100"]);
}
