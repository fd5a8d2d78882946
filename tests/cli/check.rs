//! `tradestat check ARTICLE`: from an article's raw text to verdicts, with no editing.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::Value as Json;

use crate::workdir::{Workdir, repo_file};

fn check_json(wd: &Workdir, args: &[&str], code: i32) -> Json {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    let run = wd.run(&all).expect_code(code);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stdout))
}

fn kinds(doc: &Json) -> Vec<(String, String)> {
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The seed paragraph, as printed: the sum and the oil share hold, the "triple growth" is
/// a 65.2% fall (the ratio taken the wrong way round), with periods 2019-Q1 and 2018-Q1.
#[test]
fn the_seed_article_gives_its_three_relations() {
    let wd = Workdir::new();
    let doc = check_json(&wd, &[&repo_file("tests/fixtures/article-ru-kp.txt")], 1);
    assert_eq!(doc["format_version"], 1);
    let mut got = kinds(&doc);
    got.sort();
    assert_eq!(
        got,
        [
            ("multiple".to_string(), "inconsistent".to_string()),
            ("share".to_string(), "consistent".to_string()),
            ("sum".to_string(), "consistent".to_string()),
        ]
    );
    let claims = doc["claims"].as_array().unwrap();
    let growth = claims.iter().find(|c| c["kind"] == "multiple").unwrap();
    assert_eq!(growth["says"], "triple growth");
    assert_eq!(
        growth["diagnoses"],
        serde_json::json!(["direction", "inverse"])
    );
    let periods: Vec<(&str, &str)> = growth["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["printed"].as_str().unwrap(),
                f["period"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        periods,
        [("$30.72 million", "2018-Q1"), ("$10.69 million", "2019-Q1")]
    );
    let sum = claims.iter().find(|c| c["kind"] == "sum").unwrap();
    let printed: Vec<&str> = sum["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["printed"].as_str().unwrap())
        .collect();
    assert_eq!(printed, ["$10.69 million", "$10.67 million", "$20,000"]);
    // Whose flows: Russia's exports and North Korea's (the Far East's imports).
    let measures: Vec<(&str, &str)> = sum["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["measure"].as_str().unwrap(),
                f["reporter"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        measures,
        [
            ("turnover", "RU-FE"),
            ("exports", "RU-FE"),
            ("exports", "PRK")
        ]
    );
    let share = claims.iter().find(|c| c["kind"] == "share").unwrap();
    assert_eq!(share["figures"][0]["commodity"], "oil products");
    assert!(
        share["explanation"].as_str().unwrap().contains("0.851"),
        "{share}"
    );
    // Every number is accounted for: five amounts, one multiple, one year.
    let roles: Vec<(&str, &str)> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["printed"].as_str().unwrap(), n["role"].as_str().unwrap()))
        .collect();
    assert!(roles.contains(&("2019", "ignored")), "{roles:?}");
    assert_eq!(
        roles.iter().filter(|r| r.1 == "figure").count(),
        6,
        "{roles:?}"
    );
}

/// The whole article, not only its trade paragraph: a story code, durations, a distance,
/// counts and a name are listed as ignored with their reason, and no claim uses them;
/// "provided in April 2019" is a date of publication, not the figures' period.
#[test]
fn numbers_that_are_not_trade_figures_are_listed_and_never_claimed() {
    let wd = Workdir::new();
    let text = "A Controversial Visit\n\
        SEOUL, April 29 (Yonhap) -- Story code 20190429000351. The delegation spent 48 hours in \
        Vladivostok, 130 kilometres from the border, on the leader's first trip in 12 years; he \
        made 7 trips abroad since 2018 and flew past two F-16 jets.\n\n\
        According to data provided in April 2019 by the consulate, trade between the Russian Far \
        East and North Korea came to $10.69 million from January to March of 2019. In the same \
        period last year this figure was $30.72 million, showing a triple growth. Russian exports \
        made up $10.67 million, of which oil products accounted for $9.08 million, while North \
        Korean supplies were worth only $20,000.\n";
    wd.write("article.txt", text);
    let doc = check_json(&wd, &["article.txt"], 1);
    assert_eq!(doc["claims"].as_array().unwrap().len(), 3, "{doc}");
    let ignored: BTreeMap<String, String> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["role"] == "ignored")
        .map(|n| {
            (
                n["printed"].as_str().unwrap().to_string(),
                n["why"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (printed, why) in [
        ("20190429000351", "code"),
        ("48", "duration"),
        ("130", "distance"),
        ("12", "duration"),
        ("7", "count"),
        ("16", "name"),
        ("29", "date"),
        ("2018", "year"),
    ] {
        let reason = ignored
            .get(printed)
            .unwrap_or_else(|| panic!("{printed} not ignored: {ignored:?}"));
        assert!(reason.contains(why), "{printed}: {reason}");
    }
    for claim in doc["claims"].as_array().unwrap() {
        for f in claim["figures"].as_array().unwrap() {
            assert!(
                !ignored.contains_key(f["printed"].as_str().unwrap()),
                "{claim}"
            );
            let period = f["period"].as_str().unwrap();
            assert!(period == "2019-Q1" || period == "2018-Q1", "{claim}");
        }
    }
}

/// The claims `check` reads, written with --emit-claims, run through `verify`: the same
/// verdicts (one engine).
#[test]
fn emitted_claims_verify_to_the_same_verdicts() {
    let wd = Workdir::new();
    let doc = check_json(
        &wd,
        &[
            &repo_file("tests/fixtures/article-ru-kp.txt"),
            "--emit-claims",
            "claims.toml",
        ],
        1,
    );
    let run = wd
        .run(&["verify", "claims.toml", "--format", "json"])
        .expect_code(1);
    let verified: Json = serde_json::from_str(&run.stdout).unwrap();
    let mut a: Vec<&str> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    let mut b: Vec<&str> = verified["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b);
}

/// Relations between an article's own numbers, one of each kind, with their verdicts.
#[test]
fn changes_shares_balances_and_differences_are_checked() {
    let wd = Workdir::new();
    wd.write(
        "a.txt",
        "Japan's exports to South Korea rose 12.3% to ¥4.56 trillion in 2019 from ¥4.06 trillion \
         in 2018, while imports from South Korea fell 5% to ¥3.20 trillion from ¥3.50 trillion. \
         Japan's trade surplus with South Korea was ¥1.36 trillion in 2019. \
         Semiconductors accounted for 25% of Japan's exports to South Korea, or ¥1.14 trillion. \
         Bilateral trade grew by ¥0.20 trillion to ¥7.76 trillion in 2019 from ¥7.56 trillion in 2018.",
    );
    let doc = check_json(&wd, &["a.txt"], 1);
    let got = kinds(&doc);
    let has =
        |kind: &str, verdict: &str| got.iter().any(|(k, v)| k == kind && v.starts_with(verdict));
    // 4.56 / 4.06 − 1 = 12.3%
    assert!(has("change", "consistent"), "{got:?}");
    // 3.20 / 3.50 − 1 = −8.6%, not −5%
    assert!(has("change", "inconsistent"), "{got:?}");
    // 4.56 − 3.20 = 1.36
    assert!(has("balance", "consistent"), "{got:?}");
    // 1.14 / 4.56 = 25%
    assert!(has("share", "consistent"), "{got:?}");
    // 7.76 − 7.56 = 0.20
    assert!(has("difference", "consistent"), "{got:?}");
    let fell = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["says"] == "fell 5%")
        .unwrap();
    assert_eq!(fell["verdict"], "inconsistent");
    assert!(
        fell["explanation"].as_str().unwrap().contains("-8.6%"),
        "{fell}"
    );
}

/// "up 12% to $45 billion": nothing in the text to check the change against, so it is
/// unverifiable — and with data, its base is taken from the data.
#[test]
fn a_change_without_its_base_is_unverifiable_until_data_gives_the_base() {
    let wd = Workdir::new();
    wd.write(
        "data.csv",
        "reporter,partner,period,flow,commodity,value,unit\n\
         AAA,BBB,2018,export,TOTAL,40,USD billion\n\
         AAA,BBB,2019,export,TOTAL,45,USD billion\n",
    );
    wd.write(
        "a.txt",
        "Exports from AAA to BBB rose 12.5% to $45 billion in 2019.\n",
    );
    let doc = check_json(&wd, &["a.txt", "--reporter", "AAA", "--partner", "BBB"], 0);
    assert_eq!(
        kinds(&doc),
        [("change".to_string(), "unverifiable".to_string())]
    );
    assert_eq!(doc["claims"][0]["unchecked"], "no-base");
    let doc = check_json(
        &wd,
        &[
            "a.txt",
            "--reporter",
            "AAA",
            "--partner",
            "BBB",
            "--data",
            "data.csv",
        ],
        0,
    );
    // 45 / 40 − 1 = 12.5%
    assert_eq!(
        kinds(&doc),
        [("change".to_string(), "consistent".to_string())]
    );
    assert_eq!(doc["figures_against_data"][0]["status"], "confirmed");
}

/// A yearly figure against monthly records: the months are rolled up; a year the data
/// covers only in part is said to be partial, never compared as if whole.
#[test]
fn a_yearly_figure_is_rolled_up_from_monthly_records() {
    let wd = Workdir::new();
    let fixture = std::fs::read_to_string(repo_file("tests/fixtures/monthly-12y.csv")).unwrap();
    // Exports of KOR to CHN per year, and how many months each year has.
    let mut years: BTreeMap<String, (Decimal, usize)> = BTreeMap::new();
    for line in fixture.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if f[0] == "KOR" && f[1] == "CHN" && f[3] == "export" && f[4] == "TOTAL" {
            let e = years.entry(f[2][..4].to_string()).or_default();
            e.0 += f[5].parse::<Decimal>().unwrap();
            e.1 += 1;
        }
    }
    let (year, (thousands, _)) = years.iter().find(|(_, (_, n))| *n == 12).unwrap();
    let (short_year, (_, months)) = years.iter().find(|(_, (_, n))| *n < 12).unwrap();
    let millions = (thousands / Decimal::from(1000)).round_dp(1);
    wd.write(
        "a.txt",
        format!(
            "South Korea's exports to China reached ${millions} million in {year}. \
             In {short_year}, South Korea's exports to China were $1,000 million.\n"
        ),
    );
    let data = repo_file("tests/fixtures/monthly-12y.csv");
    let doc = check_json(
        &wd,
        &[
            "a.txt",
            "--data",
            &data,
            "--reporter",
            "KOR",
            "--partner",
            "CHN",
        ],
        0,
    );
    let figures = doc["figures_against_data"].as_array().unwrap();
    let whole = figures
        .iter()
        .find(|f| f["printed"] == format!("${millions} million"))
        .unwrap();
    assert_eq!(whole["status"], "confirmed", "{whole}");
    assert!(
        whole["explanation"]
            .as_str()
            .unwrap()
            .contains("summed from the shorter periods"),
        "{whole}"
    );
    let partial = figures
        .iter()
        .find(|f| f["printed"] == "$1,000 million")
        .unwrap();
    assert_eq!(partial["status"], "not-in-data", "{partial}");
    assert!(
        partial["explanation"]
            .as_str()
            .unwrap()
            .contains(&format!("only {months} of the 12 months")),
        "{partial}"
    );
}

/// Amounts as the press prints them: currency after the number, symbols, "bn", "mln",
/// codes, crore, ranges — each read to its exact value in its currency.
#[test]
fn amounts_in_every_form_are_read_with_their_currency() {
    let wd = Workdir::new();
    wd.write(
        "a.txt",
        "Trade reached 27.5 billion U.S. dollars in 2011. Exports were 3.2 trillion won in 2012. \
         Imports were 1.5 billion euros in 2013. Trade came to 448.8 million yuan in 2014. \
         Exports hit USD 1,028M in 2015. Imports were $1.2bn in 2016. Exports were Rs 5,000 crore \
         in 2017. Trade was worth C$3.4 bln in 2018. Exports were ₩2.1 trillion in 2019. \
         Trade was $10–12 billion in 2020.\n",
    );
    let doc = check_json(&wd, &["a.txt", "--emit-claims", "c.toml"], 0);
    let numbers: Vec<(&str, &str)> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["role"] == "figure")
        .map(|n| (n["printed"].as_str().unwrap(), n["why"].as_str().unwrap()))
        .collect();
    let printed: Vec<&str> = numbers.iter().map(|n| n.0).collect();
    assert_eq!(
        printed,
        [
            "27.5 billion U.S. dollars",
            "3.2 trillion won",
            "1.5 billion euros",
            "448.8 million yuan",
            "USD 1,028M",
            "$1.2bn",
            "Rs 5,000 crore",
            "C$3.4 bln",
            "₩2.1 trillion",
            "$10–12 billion",
        ]
    );
    assert!(numbers.iter().all(|n| n.1 == "amount"), "{numbers:?}");
    // The claims file reads them back exactly: verify prints each figure's interval.
    let claims = std::fs::read_to_string(wd.path("c.toml")).unwrap();
    assert!(claims.contains("printed = \"Rs 5,000 crore\""), "{claims}");
    let lexicon = tradestat::verify::lexicon::Lexicon::built_in();
    let read = |t: &str| {
        tradestat::verify::phrase::parse(t, lexicon, tradestat::verify::phrase::Rounding::HalfUnit)
            .unwrap()
    };
    let amount = |t: &str| {
        let p = read(t);
        let currency = match p.measure {
            tradestat::verify::phrase::Measure::Amount { currency } => currency,
            m => panic!("{t}: {m:?}"),
        };
        (p.point.unwrap().to_string(), currency)
    };
    assert_eq!(
        amount("27.5 billion U.S. dollars"),
        ("27500000000".into(), "USD".into())
    );
    assert_eq!(
        amount("3.2 trillion won"),
        ("3200000000000".into(), "KRW".into())
    );
    assert_eq!(
        amount("Rs 5,000 crore"),
        ("50000000000".into(), "INR".into())
    );
    assert_eq!(amount("C$3.4 bln"), ("3400000000".into(), "CAD".into()));
    assert_eq!(
        amount("₩2.1 trillion"),
        ("2100000000000".into(), "KRW".into())
    );
    let range = read("$10–12 billion");
    assert!(
        range
            .interval
            .contains(&tradestat::verify::interval::q_int(10_000_000_000))
    );
    assert!(
        range
            .interval
            .contains(&tradestat::verify::interval::q_int(12_000_000_000))
    );
    assert!(
        !range
            .interval
            .contains(&tradestat::verify::interval::q_int(13_000_000_000))
    );
}

/// A currency word several countries use ("Dh", "dirhams", "rupees") is the currency of the
/// one such country the text names, in the check and in the claims it emits; the lexicon's
/// default when the text names none of them, or several.
#[test]
fn a_shared_currency_word_is_the_currency_of_the_country_named() {
    let wd = Workdir::new();
    let cases = [
        (
            "The UAE's exports to India reached Dh12 billion in 2022 and its imports from India \
             Dh8 billion, bringing trade to Dh20 billion.",
            "AED",
        ),
        (
            "Morocco's exports to Spain were 12 billion dirhams in 2022 and its imports from \
             Spain 8 billion dirhams, bringing trade to 20 billion dirhams.",
            "MAD",
        ),
        (
            "Pakistan's exports to China were Rs 12 billion in 2022 and its imports from China \
             Rs 8 billion, bringing trade to Rs 20 billion.",
            "PKR",
        ),
        // Both dirham countries named: the default reading.
        (
            "Morocco's exports to the UAE were 12 billion dirhams in 2022 and its imports from \
             the UAE 8 billion dirhams, bringing trade to 20 billion dirhams.",
            "AED",
        ),
    ];
    for (i, (text, code)) in cases.iter().enumerate() {
        let name = format!("a{i}.txt");
        let claims = format!("c{i}.toml");
        wd.write(&name, text);
        let doc = check_json(&wd, &[&name, "--emit-claims", &claims], 0);
        let sum = claim(&doc, "sum");
        assert_eq!(sum["verdict"], "consistent", "{text}: {sum}");
        let explanation = sum["explanation"].as_str().unwrap();
        assert!(explanation.contains(code), "{text}: {explanation}");
        // The printed figures stay as printed; the claims file says the currency read.
        let printed: Vec<&str> = sum["figures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["printed"].as_str().unwrap())
            .collect();
        assert!(printed.iter().all(|p| !p.contains(code)), "{printed:?}");
        let emitted = std::fs::read_to_string(wd.path(&claims)).unwrap();
        let run = wd
            .run(&["verify", &claims, "--format", "json"])
            .expect_code(0);
        assert!(run.stdout.contains(code), "{emitted}\n{}", run.stdout);
    }
}

/// An amount restated in another currency in brackets keeps the period said after the
/// bracket ("18.33 billion dirhams ($1.87 billion) in 2020"); "from the world's third
/// largest economy" names a place, not a base; "This was a 17 percent increase from $447.8m
/// (Shs1.5 trillion)" takes its new value from the sentence before, in the base's currency.
#[test]
fn restatements_in_brackets_keep_their_amounts_periods() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "restated.txt",
        "Morocco's imports from Turkiye were 18.33 billion dirhams ($1.87 billion) in 2020 \
         and 22.5 billion dirhams ($2.3 billion) in 2021.\n",
    );
    for (printed, period) in [
        ("18.33 billion dirhams", "2020"),
        ("$1.87 billion", "2020"),
        ("22.5 billion dirhams", "2021"),
        ("$2.3 billion", "2021"),
    ] {
        assert_eq!(
            number(&doc, printed)["read_as"]["period"],
            period,
            "{printed}"
        );
    }

    let doc = check_text(
        &wd,
        "place.txt",
        "Saudi imports from the world's third largest economy amounted to SAR 1.48 billion \
         ($395.86 million) in October 2018, compared to SAR 1.42 billion ($379.42 million) \
         during the corresponding month a year before.\n",
    );
    assert_eq!(
        number(&doc, "SAR 1.48 billion")["read_as"]["period"],
        "2018-10"
    );
    assert_eq!(
        number(&doc, "SAR 1.42 billion")["read_as"]["period"],
        "2017-10"
    );
    assert_eq!(
        number(&doc, "$379.42 million")["read_as"]["period"],
        "2017-10"
    );

    let doc = check_text(
        &wd,
        "back.txt",
        "Uganda exported goods worth $544.5m (Shs1.9trillion) to Kenya in 2021.\n\n\
         This was a 17 percent increase from $447.8m (Shs1.5 trillion) the country registered \
         in 2020.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$447.8m", "$544.5m"], "{change}");
    // 544.5 / 447.8 = +21.6%, not 17%.
    assert_eq!(change["verdict"], "inconsistent", "{change}");
}

/// Whose trade a figure is: "US dollars" names a currency, not the United States; flows
/// after a figure with a third economy in one sentence are with that economy; a total with
/// a third economy is no sum of the pair's flows.
#[test]
fn currency_names_third_economies_and_their_flows() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "us-dollars.txt",
        "Total trade between Romania and Moldova was 573 million US dollars in 2021, of which \
         exports were 381.5 million US dollars and imports 191.5 million US dollars.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    let read = &number(&doc, "381.5 million US dollars")["read_as"];
    assert_eq!(
        (read["reporter"].as_str(), read["partner"].as_str()),
        (Some("ROU"), Some("MDA"))
    );

    let doc = check_text(
        &wd,
        "third.txt",
        "Japan's trade surplus with the United States was ¥7 trillion in 2017, as exports to \
         the US reached ¥15.2 trillion and imports from the US ¥8.2 trillion. Japan had a \
         trade deficit of ¥3.4 trillion with China in 2017, after imports rose to ¥18.6 \
         trillion while exports reached ¥15.2 trillion.\n",
    );
    assert_eq!(number(&doc, "¥18.6 trillion")["read_as"]["partner"], "CHN");
    let balances: Vec<Vec<&str>> = claims_of(&doc, "balance")
        .into_iter()
        .map(figures_printed)
        .collect();
    assert!(
        balances.contains(&vec!["¥3.4 trillion", "¥15.2 trillion", "¥18.6 trillion"]),
        "{balances:?}"
    );

    let doc = check_text(
        &wd,
        "outside.txt",
        "New Zealand's two-way trade with the European Union (EU) was $22.2 billion for the \
         year ended March 2018.\n\nFor the year ended March 2018, New Zealand's two-way trade \
         with China was valued at $26.9 billion.\n\nIn the March 2018 year, almost one-fifth of \
         New Zealand's imports came from the EU ($13.4 billion).\n\nNew Zealand exported $8.8 \
         billion worth of goods and services to the EU for the year ended March 2018.\n",
    );
    let sums: Vec<Vec<&str>> = claims_of(&doc, "sum")
        .into_iter()
        .map(figures_printed)
        .collect();
    assert!(
        sums.iter().all(|f| !f.contains(&"$26.9 billion")),
        "{sums:?}"
    );
}

/// "Germany is Australia's fifth-largest source of imports ($16.2 billion)" are Australia's
/// imports from Germany; "goods and services exports" are the whole flow; a change of
/// "non-traditional shipments" is no change of the total exports printed after it.
#[test]
fn whose_flow_a_role_names_and_which_words_name_a_product() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "role.txt",
        "Germany is Australia's ninth-largest trade partner, with two-way goods and services \
         trade valued at $19.7 billion in 2015-16. Australia's goods and services exports to \
         Germany were worth $3.6 billion in 2015-16.\n\nGermany is Australia's fifth-largest \
         source of imports ($16.2 billion).\n",
    );
    let read = &number(&doc, "$16.2 billion")["read_as"];
    assert_eq!(read["measure"], "imports");
    assert_eq!(
        (read["reporter"].as_str(), read["partner"].as_str()),
        (Some("AUS"), Some("DEU"))
    );
    assert!(
        number(&doc, "$3.6 billion")["read_as"]["commodity"].is_null(),
        "{doc}"
    );
    // 3.6 + 16.2 = 19.8: $19.7 billion only by the rounding of the parts.
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent-by-rounding", "{sum}");

    let doc = check_text(
        &wd,
        "product.txt",
        "Peruvian exports to Australia totaled US$240.178 million in 2017. Traditional exports \
         amounted to US$189.627 million in 2017, whereas non-traditional shipments reached \
         US$50.551 million.\n\nNon-traditional shipments expanded 3.89% compared to 2016, \
         while traditional exports decreased 10.11%.\n\nThe value of Peruvian shipments to \
         Australia slid 7.49% going from US$259.613 million in 2016 to US$240.178 million in \
         2017.\n",
    );
    assert_eq!(
        number(&doc, "US$50.551 million")["read_as"]["commodity"],
        "non-traditional"
    );
    for rate in ["expanded 3.89%", "decreased 10.11%"] {
        let change = claims_of(&doc, "change")
            .into_iter()
            .find(|c| c["says"] == rate)
            .unwrap();
        assert!(
            !figures_printed(change).contains(&"US$259.613 million"),
            "{change}"
        );
        assert_ne!(change["verdict"], "inconsistent", "{change}");
    }
}

/// "from US$2,487.5 million in Jan-June 2006 to US$2,802.6 million for the same period in
/// 2007": the same months of 2007; a period after "to <amount>" in a "from" clause is the
/// new value's and holds for the next sentence ("the first half of the year"); "$F68m" is
/// in Fiji dollars; "the DR" is the Dominican Republic.
#[test]
fn the_same_period_of_a_year_and_signs_before_a_countrys_letter() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "dr.txt",
        "US exports to the DR are up 12.67%, from US$2,487.5 million in Jan-June 2006 to \
         US$2,802.6 million for the same period in 2007. Dominican exports to the US have \
         declined from US$2,162.5 million for the first half of 2006 to US$2,060.2 million for \
         Jan-June 2007. The DR had a negative balance of US$742.3 million with the US for the \
         first half of the year.\n",
    );
    assert_eq!(
        number(&doc, "US$2,802.6 million")["read_as"]["period"],
        "2007-H1"
    );
    assert_eq!(
        number(&doc, "US$2,060.2 million")["read_as"]["period"],
        "2007-H1"
    );
    let read = &number(&doc, "US$742.3 million")["read_as"];
    assert_eq!(read["period"], "2007-H1");
    assert_eq!(read["reporter"], "DOM");
    let balance = claim(&doc, "balance");
    assert_eq!(
        figures_printed(balance),
        [
            "US$742.3 million",
            "US$2,060.2 million",
            "US$2,802.6 million"
        ]
    );
    // 2,060.2 - 2,802.6 = -742.4: $742.3 million only by the rounding of the parts.
    assert_eq!(balance["verdict"], "consistent-by-rounding", "{balance}");

    let doc = check_text(
        &wd,
        "fiji.txt",
        "Fiji exports to the US amounted to $31.6m ($F68m) in the first quarter of 2014. \
         Fiji's imports from the US rose to $19.8m ($F43m). Fiji recorded a trade surplus with \
         the US valued at $11.8m ($F25m).\n",
    );
    let balances: Vec<Vec<&str>> = claims_of(&doc, "balance")
        .into_iter()
        .map(figures_printed)
        .collect();
    assert!(
        balances.contains(&vec!["$F25m", "$F68m", "$F43m"]),
        "{balances:?}"
    );
    let explained = claims_of(&doc, "balance")
        .into_iter()
        .any(|c| c["explanation"].as_str().unwrap().contains("FJD"));
    assert!(explained, "{doc}");
}

/// "Since 2017 imports have almost doubled from X to Y": X is 2017's; "between 2020 and
/// 2021" is 2021's and names 2020 as the base; "it imported around six times more goods
/// than it exported" is imports over exports; "During the same period, exports increased
/// from A to B" spans the periods of the pair before; a base compared with remittances,
/// and a share of "foreign direct investment (FDI)", are no trade figures.
#[test]
fn spans_since_a_year_flows_compared_and_money_that_is_not_trade() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "norway.txt",
        "The import of Russian goods into Norway increased by almost 60 percent between 2020 \
         and 2021.\n\nSince 2017 imports have grown from 12.7 billion kroner to 21.8 billion \
         kroner in 2021.\n\nIn 2021 the country exported 3.7 billion kroner worth of goods to \
         Russia. This meant that it imported around six times more goods than it exported.\n",
    );
    assert_eq!(
        number(&doc, "12.7 billion kroner")["read_as"]["period"],
        "2017"
    );
    let rate = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("60 percent"))
        .unwrap();
    assert!(
        !figures_printed(rate).contains(&"12.7 billion kroner"),
        "{rate}"
    );
    let times = claim(&doc, "multiple");
    assert_eq!(
        figures_printed(times),
        ["3.7 billion kroner", "21.8 billion kroner"]
    );
    assert_eq!(times["verdict"], "consistent", "{times}");

    let doc = check_text(
        &wd,
        "span.txt",
        "The total trade between Tanzania and the UK increased from GBP139.8m in 2010 to \
         GBP143.4m in 2015. During the same period, exports from Tanzania to the UK increased \
         from GBP21.6m to GBP23.1m, while imports from the UK to Tanzania increased from \
         GBP118.2m to GBP120.3m. The UK is the largest supplier of foreign direct investment \
         (FDI) to Tanzania with 36% market share.\n",
    );
    assert_eq!(number(&doc, "GBP21.6m")["read_as"]["period"], "2010");
    assert_eq!(number(&doc, "GBP118.2m")["read_as"]["period"], "2010");
    let sums: Vec<Vec<&str>> = claims_of(&doc, "sum")
        .into_iter()
        .map(figures_printed)
        .collect();
    assert!(
        sums.contains(&vec!["GBP139.8m", "GBP21.6m", "GBP118.2m"]),
        "{sums:?}"
    );
    assert_eq!(number(&doc, "36%")["role"], "ignored", "{doc}");

    let doc = check_text(
        &wd,
        "remittances.txt",
        "Egyptian imports from Greece hiked 2.6 percent to reach $209.1 million, up from $203.8 \
         million. Remittances from Egyptians working in Greece reached $8.4 million during the \
         fiscal year 2018-2019, compared to $7.1 million during the year 2017-2018, with an \
         increase of 18.7 percent.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$203.8 million", "$209.1 million"]
    );
    for printed in ["$8.4 million", "$7.1 million", "18.7 percent"] {
        assert_eq!(number(&doc, printed)["role"], "ignored", "{printed}");
    }
}

/// A list of products with their shares is of the whole printed before it when all the
/// listed shares make a hundred percent (not the first few that nearly do); amounts in
/// lats are their own currency, not the euros they are converted to.
#[test]
fn listed_shares_take_the_whole_list_and_old_currencies_are_read() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "list.txt",
        "Trade turnover between Kazakhstan and France in January-September 2022 reached $2.5 \
         billion, including $1.9 billion in exports. The main goods exported from Kazakhstan to \
         France are crude oil - $1.7 billion (89.8% share), uranium - $146.5 million (7.6%), \
         titanium - $28 million (1.5%), sulfur - $10.2 million (0.53%), gases - $1.9 million \
         (0.1%), motors - $1.3 million (0.07%).\n",
    );
    let oil = claims_of(&doc, "share")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("89.8%"))
        .unwrap();
    assert_eq!(
        figures_printed(oil),
        ["$1.7 billion", "$1.9 billion"],
        "{oil}"
    );
    // 1.7 / 1.9 = 89.5%: 89.8% within the rounding of the two amounts.
    assert_eq!(oil["verdict"], "consistent-by-rounding", "{oil}");

    let doc = check_text(
        &wd,
        "lats.txt",
        "In 2010, the total value of Latvia's foreign trade turnover with Estonia reached 1.2 \
         billion lats (1.7 billion euros). Exports to Estonia amounted to 722.5 million lats, \
         while imports reached 489.9 million lats.\n",
    );
    for c in claims_of(&doc, "sum") {
        assert_ne!(c["verdict"], "inconsistent", "{c}");
    }
    let sum = claim(&doc, "sum");
    assert!(
        sum["explanation"].as_str().unwrap().contains("LVL"),
        "{sum}"
    );
}

/// "the increase in imports by 22.4% annually" is a year-on-year change when its amounts
/// are a year apart; "TURKSTAT data showed in 2012, Bangladesh exported ..." dates the
/// clause after the year, not the report; "a total bilateral trade volume of $980 million"
/// beside the flows is of their year; "exceeded $2.1 billion, up 17 percent over the same
/// period in 2020" is no amount of 2020.
#[test]
fn annual_rates_years_that_open_a_clause_and_periods_after_a_rate() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "annually.txt",
        "The trade balance of Greece and Russia remained negative in June 2024, with the \
         increase in imports by 22.4% annually.\n\nImports from Russia amounted to 145.8 mln \
         euro in June (119.1 mln euro in June 2023).\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["119.1 mln euro", "145.8 mln euro"]
    );
    assert_eq!(change["verdict"], "consistent", "{change}");

    let doc = check_text(
        &wd,
        "showed.txt",
        "Bangladesh's export to Turkey during 2013 was $1 billion growing by 31 per cent from \
         the previous year.\n\nTURKSTAT data showed in 2012, Bangladesh exported products \
         worth $766 million to Turkey against the import of $214 million with a total \
         bilateral trade volume of $980 million.\n",
    );
    for printed in ["$766 million", "$214 million", "$980 million"] {
        assert_eq!(
            number(&doc, printed)["read_as"]["period"],
            "2012",
            "{printed}"
        );
    }
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$766 million", "$1 billion"]);

    let doc = check_text(
        &wd,
        "over.txt",
        "In 2021, the two-way trade turnover between Vietnam and Poland reached nearly $2.6 \
         billion. Export value from Vietnam to Poland exceeded $2.1 billion, up 17 percent \
         over the same period in 2020.\n",
    );
    assert_ne!(
        number(&doc, "$2.1 billion")["read_as"]["period"],
        "2020",
        "{doc}"
    );
}

/// "the nation's trade deficit with the entire Middle East" is with the Middle East, not the
/// text's pair; "Japan's trade surplus worldwide" is with the world; "$68 mil-lion" (a
/// scale broken over a line) is $68 million.
#[test]
fn regions_the_world_and_scales_broken_over_a_line() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "region.txt",
        "Japan's trade deficit with Kuwait widened to JPY 146.64 billion in April, and the \
         nation's trade deficit with the entire Middle East grew to JPY 1.138 trillion (USD \
         10.94 billion). Exports to Kuwait rose to JPY 14.96 billion in April, and imports \
         jumped to JPY 161.60 billion. Exports to the Middle East advanced to JPY 257.52 \
         billion (USD 2.47 billion). April imports from the Middle East surged to JPY 1.396 \
         trillion (USD 13.43 billion). Japan's trade surplus worldwide fell to JPY 485.03 \
         billion.\n",
    );
    assert_eq!(
        number(&doc, "JPY 1.138 trillion")["read_as"]["partner"],
        "_MIDDLE_EAST"
    );
    assert_eq!(
        number(&doc, "JPY 485.03 billion")["read_as"]["partner"],
        "WLD"
    );
    let balances: Vec<(Vec<&str>, &str)> = claims_of(&doc, "balance")
        .into_iter()
        .map(|c| (figures_printed(c), c["verdict"].as_str().unwrap()))
        .collect();
    // 2.47 - 13.43 = -10.96: the dollar deficit printed is off by 0.02 billion.
    assert!(
        balances.contains(&(
            vec!["USD 10.94 billion", "USD 2.47 billion", "USD 13.43 billion"],
            "inconsistent"
        )),
        "{balances:?}"
    );
    assert!(
        balances.contains(&(
            vec![
                "JPY 1.138 trillion",
                "JPY 257.52 billion",
                "JPY 1.396 trillion"
            ],
            "consistent"
        )),
        "{balances:?}"
    );

    let doc = check_text(
        &wd,
        "broken.txt",
        "Between October and April, bilateral trade between Myanmar and the Philippines \
         totalled $97 million, with exports of $68 mil-lion and imports crossing $29 million.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$97 million", "$68 mil-lion", "$29 million"]
    );
    assert_eq!(sum["verdict"], "consistent", "{sum}");

    // The scale read in the claim is the one the number was read with.
    let doc = check_text(
        &wd,
        "broken-trillion.txt",
        "In 2023, trade between India and Japan totalled ₹3.2 tril-lion, with exports of ₹1.1 \
         trillion and imports of ₹2.1 trillion.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// "in two years, the overall trade volume has expanded by almost 25 percent" after the
/// 2008 amount: from it to the amount printed two years later, not year on year; a rate of
/// another flow in the sentence ("and imports growing, up 42% over the same period") is not
/// taken for it.
#[test]
fn a_change_over_a_stated_number_of_years() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "two-years.txt",
        "The total bilateral trade between Pakistan and Thailand during 2010 amounted to $916 \
         million, an increase of 15 percent on the $794.5 million of 2009. Bilateral trade in \
         2008 was to the tune of $737 million, which indicates that in two years the overall \
         trade volume has expanded by almost 25 percent.\n",
    );
    let change = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("25 percent"))
        .unwrap();
    assert_eq!(figures_printed(change), ["$737 million", "$916 million"]);
    // 916 / 737 = +24.3%: "almost 25 percent".
    assert_eq!(change["verdict"], "consistent", "{change}");

    let doc = check_text(
        &wd,
        "other-flow.txt",
        "Goods exported doubled in the five years to 2019 from $75b in 2014 to $150b in 2019, \
         and imports grew significantly also, up 42% over the same period.\n",
    );
    let rate = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("42%"))
        .unwrap();
    assert_ne!(rate["verdict"], "inconsistent", "{rate}");
}

/// "up 18.2% ($321 million) from 2012": an amount in brackets right after a rate is the
/// change in money, the base the new value less it — for that rate only ("and up 324% from
/// 2003" has no base printed); after a period ("a 2% increase from 2023 (€2.89 billion)")
/// it is the base.
#[test]
fn an_amount_bracketed_after_a_rate_is_the_change_in_money() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "ustr.txt",
        "U.S. goods exports to Jordan in 2013 were $2.1 billion, up 18.2% ($321 million) from \
         2012, and up 324% from 2003.\n",
    );
    let changes = claims_of(&doc, "change");
    let money = changes
        .iter()
        .find(|c| c["says"].as_str().unwrap().contains("18.2%"))
        .unwrap();
    assert_eq!(figures_printed(money), ["$321 million", "$2.1 billion"]);
    // 321 / (2,100 - 321) = +18.0%, and 18.2% within the rounding of "$2.1 billion".
    assert!(
        money["verdict"].as_str().unwrap().starts_with("consistent"),
        "{money}"
    );
    let long = changes
        .iter()
        .find(|c| c["says"].as_str().unwrap().contains("324%"))
        .unwrap();
    assert!(!figures_printed(long).contains(&"$321 million"), "{long}");

    let doc = check_text(
        &wd,
        "base.txt",
        "The value of Greek imports into Cyprus reached €2.93 billion in 2024, a 2% increase \
         from 2023 (€2.89 billion).\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["€2.89 billion", "€2.93 billion"]);
}

/// Periods from words: quarters, halves, the first months of a year, "a year earlier",
/// fiscal years; a comparison of fiscal years is checked like any other.
#[test]
fn periods_are_read_from_the_words_around_each_amount() {
    let wd = Workdir::new();
    wd.write(
        "a.txt",
        "In the first half of 2021, China's exports to Kenya were $3.1 billion. \
         In the first 11 months of 2021, they were $6.0 billion, up 10% from $5.5 billion a year earlier. \
         India's trade with the US rose 7.6% to $128.55 billion in 2022-23 from $119.5 billion in 2021-22.\n",
    );
    let doc = check_json(&wd, &["a.txt"], 0);
    let mut periods: Vec<String> = Vec::new();
    for c in doc["claims"].as_array().unwrap() {
        for f in c["figures"].as_array().unwrap() {
            periods.push(format!(
                "{} {}",
                f["printed"].as_str().unwrap(),
                f["period"].as_str().unwrap()
            ));
        }
    }
    for want in [
        "$6.0 billion 2021-01..2021-11",
        "$5.5 billion 2020-01..2020-11",
        "$128.55 billion FY2022/23",
        "$119.5 billion FY2021/22",
    ] {
        assert!(
            periods.iter().any(|p| p == want),
            "{want} not in {periods:?}"
        );
    }
    assert!(
        kinds(&doc).iter().all(|(_, v)| v.starts_with("consistent")),
        "{doc}"
    );
}

/// The article as a page: every number marked by verdict with a symbol (not colour
/// alone), the arithmetic reachable by keyboard focus, nothing fetched from the network.
#[test]
fn the_html_page_marks_each_number_and_needs_no_network() {
    let wd = Workdir::new();
    let run = wd
        .run(&[
            "check",
            &repo_file("tests/fixtures/article-ru-kp.txt"),
            "--format",
            "html",
        ])
        .expect_code(1);
    let html = run.stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("class=\"n inconsistent\" tabindex=\"0\""),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"sym\" aria-hidden=\"true\">✗</span>$30.72 million"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"sym\" aria-hidden=\"true\">✓</span>$9.08 million"),
        "{html}"
    );
    assert!(html.contains("class=\"n ignored\""), "{html}");
    assert!(
        html.contains(".n:focus .tip"),
        "the arithmetic must show on focus"
    );
    assert!(html.contains("role=\"tooltip\""));
    for remote in ["http://", "https://", "src=", "@import", "<script"] {
        assert!(!html.contains(remote), "{remote} in the page");
    }
}

/// Bad input: a file that is not UTF-8 is refused with its name and the byte.
#[test]
fn an_article_that_is_not_text_is_refused_with_its_name() {
    let wd = Workdir::new();
    wd.write("bad.txt", b"Trade was $5 million \xff\xfe in 2019.");
    let run = wd.run(&["check", "bad.txt"]).expect_code(2);
    assert!(run.stderr.contains("bad.txt"), "{}", run.stderr);
    let run = wd.run(&["check", "missing.txt"]).expect_code(2);
    assert!(run.stderr.contains("missing.txt"), "{}", run.stderr);
}

/// A total printed with a one-sided hedge ("over $133 billion") is checked against what
/// the words allow: the parts' sum must lie above it.
#[test]
fn a_total_said_to_be_over_an_amount_is_checked_one_sided() {
    let wd = Workdir::new();
    for (total, verdict) in [
        ("over US$133 billion", "consistent"),
        ("over US$140 billion", "inconsistent"),
    ] {
        wd.write(
            "a.txt",
            format!(
                "Two-way trade between Vietnam and China in 2020 reached {total}. Vietnam's exports to China \
                 reached $49 billion, and imports from China reached $84.1 billion.\n"
            ),
        );
        let code = if verdict == "inconsistent" { 1 } else { 0 };
        let doc = check_json(&wd, &["a.txt"], code);
        assert_eq!(
            kinds(&doc),
            [("sum".to_string(), verdict.to_string())],
            "{total}: {doc}"
        );
    }
}

/// `check` of `text`, written to `name`, as JSON (whatever the exit code: the claims say).
fn check_text(wd: &Workdir, name: &str, text: &str) -> Json {
    wd.write(name, text);
    let run = wd.run(&["check", name, "--format", "json"]);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stdout))
}

/// Every claim of `kind`, in order.
fn claims_of<'a>(doc: &'a Json, kind: &str) -> Vec<&'a Json> {
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == kind)
        .collect()
}

/// The first claim of `kind`.
fn claim<'a>(doc: &'a Json, kind: &str) -> &'a Json {
    doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {doc}"))
}

/// The periods of a claim's figures, in order (a figure without one left out).
fn periods(claim: &Json) -> Vec<&str> {
    claim["figures"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["period"].as_str())
        .collect()
}

/// The number the text prints as `printed`, as the JSON lists it.
fn number<'a>(doc: &'a Json, printed: &str) -> &'a Json {
    doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["printed"] == printed)
        .unwrap_or_else(|| panic!("no number printed {printed:?} in {doc}"))
}

/// The printed text of every number the article holds.
fn printed(doc: &Json) -> Vec<&str> {
    doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["printed"].as_str().unwrap())
        .collect()
}

/// "over the same period" after an amount is the period just named; after a comparison
/// word it is the base a year before.
#[test]
fn the_same_period_is_when_unless_it_is_compared_with() {
    let wd = Workdir::new();
    let during = check_text(
        &wd,
        "during.txt",
        "In 2011 alone, German exports to Turkey amounted to 20.1 billion euros, with imports \
         totaling 11.7 billion euros over the same period. The German trade surplus therefore \
         reached 8.4 billion euros.\n",
    );
    let balance = claim(&during, "balance");
    assert_eq!(balance["verdict"], "consistent");
    assert_eq!(periods(balance), ["2011"; 3], "{balance}");
    let compared = check_text(
        &wd,
        "compared.txt",
        "German exports to France were 30 billion euros in 2012, against 25 billion euros in \
         the same period, a rise of 20 percent.\n",
    );
    let change = claim(&compared, "change");
    assert_eq!(change["verdict"], "consistent");
    let p = periods(change);
    assert!(p.contains(&"2011") && p.contains(&"2012"), "{p:?}");
}

#[test]
fn an_amount_compared_with_another_measure_shares_its_period() {
    let wd = Workdir::new();
    // Exports against imports: two measures side by side in one year.
    let side = check_text(
        &wd,
        "side.txt",
        "Kenyan exports to Uganda reached $800 million in 2023, compared with $350 million in \
         imports. Kenya's trade surplus with Uganda was therefore $450 million.\n",
    );
    let balance = claim(&side, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
    assert_eq!(periods(balance), ["2023"; 3], "{balance}");
    // The same measure compared: the base is still a year before.
    let before = check_text(
        &wd,
        "before.txt",
        "Kenyan exports to Uganda reached $800 million in 2023, compared with $640 million, a \
         rise of 25 percent.\n",
    );
    let change = claim(&before, "change");
    assert_eq!(change["verdict"], "consistent", "{change}");
    let p = periods(change);
    assert!(p.contains(&"2022") && p.contains(&"2023"), "{p:?}");
    // "the same period of 2022" names its year, even after "amounted to".
    let named = check_text(
        &wd,
        "named.txt",
        "Trade between Ghana and Togo amounted to $541.1 million in January-February 2021. It \
         amounted to $933.4 million in the same period of 2022, a rise of 72.5 percent.\n",
    );
    let change = claim(&named, "change");
    assert_eq!(change["verdict"], "consistent", "{change}");
    let p = periods(change);
    assert!(
        p.contains(&"2021-01..2021-02") && p.contains(&"2022-01..2022-02"),
        "{p:?}"
    );
}

#[test]
fn plural_scale_words_and_the_first_three_quarters_are_read() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "q.txt",
        "Philippine exports to Japan rose 12.8 percent to $6.54 billion in the first three \
         quarters of 2011, from $5.8 billion in the same period a year ago. Trade was worth \
         $5,763.45 millions in 2013, against $4,609.21 millions in 2012, a growth of 25.04 \
         per cent.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    for change in &changes {
        assert_eq!(change["verdict"], "consistent", "{change}");
    }
    let p = periods(changes[0]);
    assert!(
        p.contains(&"2011-01..2011-09") && p.contains(&"2010-01..2010-09"),
        "{p:?}"
    );
    assert!(printed(&doc).contains(&"$5,763.45 millions"), "{doc}");
}

#[test]
fn a_period_that_opens_the_sentence_holds_for_its_amounts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "open.txt",
        "Trade between Peru and Chile peaked in 2019. In 2016 trade between the two countries \
         was $3.3 billion, with Peruvian exports of $1.2 billion and imports of $2.1 billion.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    assert_eq!(periods(sum), ["2016"; 3], "{sum}");
}

#[test]
fn more_than_in_a_sum_is_a_little_more() {
    let wd = Workdir::new();
    let text = |exports: &str| {
        format!(
            "Trade turnover between Armenia and Iran reached $700 million in 2022. Armenian \
             exports to Iran amounted to more than {exports} in the year, while imports \
             equaled $460 million.\n"
        )
    };
    // (150, 165] + [455, 465] cannot reach [650, 750]; (250, 275] + [455, 465] can.
    for (exports, verdict) in [
        ("$150 million", "inconsistent"),
        ("$250 million", "consistent"),
    ] {
        let doc = check_text(&wd, "more.txt", &text(exports));
        let sum = claim(&doc, "sum");
        assert_eq!(sum["verdict"], verdict, "{exports}: {sum}");
    }
}

#[test]
fn a_rate_of_each_year_is_not_one_change_between_amounts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "each.txt",
        "Exports to Norway grew by 10 percent in both 2013 and 2014, reaching 150 billion \
         kroner, up from 124 billion kroner in 2012.\n",
    );
    // The yearly rate is said, with no amount of the text as its own.
    for claim in doc["claims"].as_array().unwrap() {
        assert_ne!(claim["verdict"], "inconsistent", "{claim}");
        if claim["says"].as_str().unwrap_or("").contains("10 percent") {
            assert_eq!(claim["verdict"], "unverifiable", "{claim}");
            assert_eq!(claim["figures"].as_array().unwrap().len(), 0, "{claim}");
        }
    }
}

#[test]
fn a_hoped_for_figure_is_a_target_not_a_figure() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "hope.txt",
        "Trade between Peru and Ecuador reached $2.1 billion in 2023. \"We hope to achieve \
         the record figure of $3 billion by 2026,\" the minister said, and officials aim to \
         double it later.\n",
    );
    let target = number(&doc, "$3 billion");
    assert_eq!(target["role"], "ignored", "{target}");
    for claim in doc["claims"].as_array().unwrap() {
        let figures: Vec<&str> = claim["figures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["printed"].as_str().unwrap())
            .collect();
        assert!(!figures.contains(&"$3 billion"), "{claim}");
    }
}

#[test]
fn a_base_that_names_its_year_says_which_year_this_year_is() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "this.txt",
        "In the first half of this year, trade between Chile and Peru increased nearly 15 \
         percent amounting to $1.439 billion as compared with the same period in 2021 which \
         was $1.255 billion.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["verdict"], "consistent", "{change}");
    let p = periods(change);
    assert!(p.contains(&"2022-H1") && p.contains(&"2021-H1"), "{p:?}");
}

#[test]
fn a_lead_total_is_summed_from_parts_a_paragraph_later() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "lead.txt",
        "Trade between Ghana and Nigeria amounted to $4.2bn in 2023, the statistics office \
         said.\n\nThe figures were released on Tuesday. The office publishes them every \
         quarter. Officials met in Accra. They discussed ports. They discussed customs. \
         They also discussed roads.\n\nGhanaian exports to Nigeria reached $1.3bn in 2023, \
         while Ghanaian imports from Nigeria totalled $2.9bn.\n",
    );
    assert_eq!(claim(&doc, "sum")["verdict"], "consistent", "{doc}");
}

#[test]
fn a_period_right_after_a_comparison_word_is_the_bases() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "cmp.txt",
        "Trade between Peru and Bolivia in March 2019 increased by 20 percent if to compare \
         with March 2018 and reached $120 million.\n",
    );
    let figure = &claim(&doc, "change")["figures"][0];
    assert_eq!(figure["printed"], "$120 million", "{doc}");
    assert_eq!(figure["period"], "2019-03", "{doc}");
}

#[test]
fn a_when_clause_speaks_of_the_period_just_named() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "when.txt",
        "In the first half of this year, trade between Chile and Peru increased nearly 15 \
         percent to $1.439 billion, compared with the same period in 2021, when it was \
         $1.255 billion.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["verdict"], "consistent", "{change}");
    let p = periods(change);
    assert_eq!(p.len(), 2, "{change}");
    assert!(p.contains(&"2022-H1") && p.contains(&"2021-H1"), "{p:?}");
}

#[test]
fn a_currency_after_a_bracket_belongs_to_the_next_amount() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "bracket.txt",
        "Tanzania's exports to Kenya were Tsh 400 billion (KES 26 billion) in 2022.\n",
    );
    let numbers = printed(&doc);
    assert!(numbers.contains(&"KES 26 billion"), "{numbers:?}");
    assert!(
        !numbers
            .iter()
            .any(|p| p.contains("(KES") || p.ends_with("KES")),
        "{numbers:?}"
    );
}

#[test]
fn a_sentence_that_names_one_period_speaks_of_it_throughout() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "one.txt",
        "Kenya and Rwanda have traded for centuries.\n\nBilateral trade between the two \
         countries stood at US$ 900 million in 2022, out of which Kenya's export to Rwanda \
         US$ 820 million and imports were US$ 80 million in 2022.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    assert_eq!(periods(sum), ["2022"; 3], "{sum}");
}

#[test]
fn flows_named_before_a_respective_list_go_in_order() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "resp.txt",
        "In 2024 Irish goods exports to and imports from Canada were €5.8bn and €5.6bn \
         respectively, a surplus of €0.2bn. Imports from Canada stood at €5.6bn and €5.1bn in \
         2024 and 2023, respectively.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
    let measures: Vec<(&str, &str)> = balance["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["printed"].as_str().unwrap(),
                f["measure"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(measures.contains(&("€5.8bn", "exports")), "{measures:?}");
    assert!(measures.contains(&("€5.6bn", "imports")), "{measures:?}");
}

/// The printed amounts of a claim's figures, in order.
fn figures_printed(claim: &Json) -> Vec<&str> {
    claim["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["printed"].as_str().unwrap())
        .collect()
}

/// "RATE from A to B": A is the base, B the new value, whatever the periods say; a
/// multiple's "N times the X" takes X as its base.
#[test]
fn a_rate_from_one_amount_to_another_compares_them() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "from-to.txt",
        "Brazil's exports to Chile shot up 420% from USD 2.5 billion in 1995 to USD 13 \
         billion last year, while imports declined by a whopping 40 percent from $5.0 \
         billion to $3.5 billion.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    // 13 / 2.5 = 5.2: +420%, consistent.
    assert_eq!(changes[0]["verdict"], "consistent", "{}", changes[0]);
    assert_eq!(
        figures_printed(changes[0]),
        ["USD 2.5 billion", "USD 13 billion"]
    );
    // 3.5 / 5.0 = 0.7: a 30% fall, not 40%.
    assert_eq!(changes[1]["verdict"], "inconsistent", "{}", changes[1]);
    assert_eq!(changes[1]["says"], "declined by a whopping 40 percent");

    let doc = check_text(
        &wd,
        "times-the.txt",
        "Shipments to Chile last year hit USD 26 billion, 13 times the USD 2 billion \
         achieved in 1995.\n",
    );
    let multiple = claim(&doc, "multiple");
    assert_eq!(multiple["verdict"], "consistent", "{multiple}");
    assert_eq!(
        figures_printed(multiple),
        ["USD 2 billion", "USD 26 billion"]
    );
}

/// "P% of X's overall exports of W": W is the whole and the amount before the share the
/// part.
#[test]
fn a_share_of_a_whole_printed_after_it_is_checked() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "share-of.txt",
        "Chinese shipments to Chile last year reached USD 150 billion, accounting for 5% of \
         China's overall exports of USD 3 trillion.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(share["verdict"], "consistent", "{share}");
    assert_eq!(
        figures_printed(share),
        ["USD 150 billion", "USD 3 trillion"]
    );
}

/// Investment, remittances, loans and aid are money, not trade: neither their amounts nor
/// their rates make claims.
#[test]
fn money_other_than_trade_makes_no_claim() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "other-money.txt",
        "Egyptian exports to Chile rose by 20% in 2022, reaching $6bn. Chilean investments in \
         Egypt grew by 30.3%, reaching $179.9m, while remittances of Egyptians working in \
         Chile increased by 35.2%, amounting to $29.1m.\n",
    );
    for n in doc["numbers"].as_array().unwrap() {
        if ["30.3%", "$179.9m", "35.2%", "$29.1m"].contains(&n["printed"].as_str().unwrap()) {
            assert_eq!(n["role"], "ignored", "{n}");
            assert!(
                n["why"].as_str().unwrap().contains("other than trade"),
                "{n}"
            );
        }
    }
    for c in doc["claims"].as_array().unwrap() {
        assert_eq!(figures_printed(c), ["$6bn"], "{c}");
    }
}

/// "in favour of X" makes the balance X's surplus; "worth of goods" is no product; a year
/// after "compared to" is the base's, not the sentence's.
#[test]
fn a_balance_in_favour_of_a_country_is_its_surplus() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "favour.txt",
        "In the first nine months of 2018, trade between Laos and Chile reached 2.42 billion \
         USD. Laos imported US$ 970 million worth of goods from Chile, compared to 2017. Laos \
         exported US$ 1.45 billion worth of goods to Chile, increased to 28.8% compared to \
         2017. The balance was US$ 480 million in favour of Laos.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    assert_eq!(periods(sum), ["2018-01..2018-09"; 3]);
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
}

/// A change said "on the previous year" has its base a year before, not any earlier amount.
#[test]
fn a_change_on_the_previous_year_takes_no_older_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "previous.txt",
        "In 2011, trade between Chile and Peru reached US$2.39bn, up 19 per cent on the \
         previous year and triple the US$770m recorded in 2003.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["verdict"], "unverifiable", "{change}");
    let multiple = claim(&doc, "multiple");
    assert_eq!(multiple["verdict"], "consistent", "{multiple}");
}

/// A sentence that names one period, not as a base, gives it to every amount in it, over a
/// period carried from earlier sentences — unless an amount's clause says its own
/// ("the previous year's sales").
#[test]
fn the_one_period_a_sentence_names_beats_the_carried_one() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "one-period.txt",
        "Until 2001 Chile was in deficit, but in 2002 it had a surplus with Peru. Both flows \
         decreased in 2009, with Chile's exports to Peru being 722.8 million dollars (a 35% \
         decrease from the previous year) and Chile's imports from Peru being 857.5 million \
         dollars (a 35% decrease from the previous year), resulting in a trade deficit of \
         134.7 million dollars for Chile.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
    assert_eq!(periods(balance), ["2009"; 3]);
}

/// A share of a flow said with no amount is reported, unverifiable; a share of GDP is no
/// trade relation.
#[test]
fn a_share_said_with_no_amount_is_unverifiable() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "share-no-amount.txt",
        "Chile is Peru's biggest partner, with 39% of all goods exported in 2020 going to \
         Chile, while 27% of all goods imported were from Chile. Exports to Chile were 0.9% \
         of Peru's GDP.\n",
    );
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 2, "{doc}");
    for s in &shares {
        assert_eq!(s["verdict"], "unverifiable", "{s}");
        assert_eq!(s["unchecked"], "no-amount", "{s}");
    }
    assert!(
        shares
            .iter()
            .all(|s| !s["says"].as_str().unwrap().contains("0.9"))
    );
}

/// A signed percentage is a change: in brackets after an amount, that amount's, its base
/// not printed; never a share.
#[test]
fn a_signed_percentage_is_a_change_of_the_amount_before_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "signed.txt",
        "En 2017, les exportations vers le Chili ont atteint 56,8 milliards de DH (+17,9%), \
         alors que les importations se sont élevées à 51,9 milliards de DH (-4,6%). Après \
         une décrue de 4,9 milliards de DH en 2016, le solde est devenu excédentaire.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(figures_printed(changes[0]), ["56,8 milliards de DH"]);
    assert_eq!(figures_printed(changes[1]), ["51,9 milliards de DH"]);
    for c in &changes {
        assert_eq!(c["verdict"], "unverifiable", "{c}");
        assert_eq!(c["unchecked"], "no-base", "{c}");
    }
    assert!(
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["kind"] != "share")
    );
}

/// A dateline ("HANOI, Vietnam — ...") names where the story was written, not the pair's
/// first economy: the flows are the first-named economy's.
#[test]
fn a_dateline_does_not_choose_the_reporter() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "dateline.txt",
        "LIMA, Peru — President Boric wants to address trade imbalances between Chile and \
         Peru. In 2022, Chile and Peru engaged in total trade amounting to $6.18 billion, \
         comprising exports worth $1.72 billion and imports totaling $4.46 billion. Peru \
         enjoyed a trade surplus of $2.74 billion in this bilateral relationship.\n",
    );
    assert_eq!(doc["reporter"], "CHL", "{doc}");
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
}

/// "grew 50.2% in 2016 to RM8.42 billion from RM5.61 billion": the new value first, the
/// base after "from" (or "compared to"); ISO codes and signs glued to the number are
/// currencies.
#[test]
fn a_rate_to_one_amount_from_another_compares_them() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "to-from.txt",
        "Malaysia-Chile bilateral trade grew 50.2% in 2016 to RM8.42 billion from RM5.61 \
         billion in 2015. Chile's deficit with Peru jumped 285% to $585.76 million in \
         February to September compared to $152.1 million a year earlier.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        ["RM5.61 billion", "RM8.42 billion"]
    );
    // 8.42 / 5.61 = 1.5009: +50.1%, 50.2% only within the amounts' rounding.
    assert_eq!(
        changes[0]["verdict"], "consistent-by-rounding",
        "{}",
        changes[0]
    );
    assert_eq!(
        figures_printed(changes[1]),
        ["$152.1 million", "$585.76 million"]
    );
    // 585.76 / 152.1 = 3.851: +285.1%.
    assert_eq!(changes[1]["verdict"], "consistent", "{}", changes[1]);
}

/// Two capitals that are the initials of a country the text names in full are that
/// country: "SA" beside "South Africa" is not Saudi Arabia.
#[test]
fn initials_of_a_country_named_in_full_are_that_country() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "initials.txt",
        "Total bilateral trade between South Africa and Mozambique totalled R43.6 billion in \
         2016. Mozambican exports to South Africa were R10.1bn in 2016, while SA exports to \
         Mozambique were R33.5bn.\n",
    );
    assert_eq!(doc["reporter"], "ZAF", "{doc}");
    assert_eq!(doc["partner"], "MOZ", "{doc}");
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// Investment said after "with", in a "Label: amount" line or as what a share is of, and a
/// goal said with an infinitive ("to expand that to $10 billion"), are no trade figures.
#[test]
fn investment_and_goals_in_any_form_make_no_claim() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "fdi-goal.txt",
        "Chile was Peru's largest source of foreign direct investment in 2024, with 357.5 \
         billion soles, amounting to 43 per cent of Peru's total FDI applications.\n\
         Outward stock of FDI (2019): £26.1 billion (1.7% of the total UK outward FDI stock)\n\
         Our objective is to expand our bilateral trade which stands at just about $7 billion \
         today to expand that to $10 billion.\n",
    );
    for printed in [
        "357.5 billion",
        "43 per cent",
        "£26.1 billion",
        "1.7%",
        "$10 billion",
    ] {
        let n = number(&doc, printed);
        assert_eq!(n["role"], "ignored", "{n}");
    }
    // The level of today is a trade figure; the goal is not.
    let seven = number(&doc, "$7 billion");
    assert_eq!(seven["role"], "figure", "{seven}");
    assert!(doc["claims"].as_array().unwrap().is_empty(), "{doc}");
}

/// A total that names no economy is the pair's: a third country's flow is not one of its
/// parts.
#[test]
fn a_third_countrys_flow_is_no_part_of_the_pairs_total() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "third.txt",
        "In July, Mexico's exports to the U.S. reached $41.94 billion. In July, Chinese exports \
         to the U.S. amounted to $40.837 billion. U.S. exports to Mexico grew 8.7% in July, \
         reaching $28.716 billion. Bilateral trade was robust, with total trade reaching \
         $70.657 billion in July alone.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$70.657 billion", "$41.94 billion", "$28.716 billion"]
    );
    assert_ne!(sum["verdict"], "inconsistent", "{sum}");
}

/// "This is a jump of about 177 per cent compared to a trade figure of $188.9 million
/// recorded throughout all 2020": the base said after the rate, the new value the amount
/// the sentence refers back to; and the base's year does not become the text's.
#[test]
fn a_rate_compared_to_a_printed_figure_takes_it_as_the_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "compared-to.txt",
        "The trade volume of Chile and Peru reached $523.2 million in the first half of 2021. \
         This is a jump of about 177 per cent compared to a trade figure of $188.9 million \
         recorded throughout all 2020. Chile's exports to Peru were $300 million in \
         January-June.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$188.9 million", "$523.2 million"]
    );
    // 523.2 / 188.9 = 2.77: +177%.
    assert_eq!(change["verdict"], "consistent", "{change}");
    let exports = number(&doc, "$300 million");
    assert_eq!(exports["read_as"]["period"], "2021-H1", "{exports}");
}

/// A hedge before a share word moves its bounds: "more than half" is (50%, 100%], not
/// 45–55%.
#[test]
fn more_than_half_is_more_than_half() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "half.txt",
        "Moroccan exports to Chile were 235 million euros in 2018. Indeed, more than half of \
         shipments (a little over 150 million euros) are made up of raw products.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(share["says"], "more than half", "{share}");
    assert_eq!(share["verdict"], "consistent", "{share}");
}

/// The Trend template: each amount of this year, its base a year before in brackets after
/// "compared to the same period last year"; the bracket's period is never the text's.
#[test]
fn a_bracketed_base_period_does_not_become_the_texts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "trend.txt",
        "Trading between Chile and Peru was worth $1.2 billion between January and May 2024. \
         This figure is 7.7 percent lower compared to the same period last year ($1.3 billion \
         in January–May 2023). The volume of exports to Peru from Chile amounted to $500 \
         million during this period, which is less by 16.7 percent, compared to the same \
         period last year ($600 million in January–May 2023). Chile's imports from Peru \
         reached $700 million from January through May 2024.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$1.2 billion", "$500 million", "$700 million"]
    );
    assert_eq!(periods(sum), ["2024-01..2024-05"; 3]);
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// A headline "almost doubled" and "increased 93 percent ..., reaching a total of $636
/// million from $330 million in the same period last year": both between the two amounts.
#[test]
fn a_headline_multiple_finds_the_amounts_reached_from() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "reaching-from.txt",
        "Chile's exports to Peru have almost doubled in the first eight months of this year. \
         According to the data, Chile's exports to Peru have increased 93 percent \
         year-on-year from January to August, reaching a total of $636 million from $330 \
         million in the same period last year.\n",
    );
    for kind in ["multiple", "change"] {
        let c = claim(&doc, kind);
        assert_eq!(figures_printed(c), ["$330 million", "$636 million"], "{c}");
        assert_eq!(c["verdict"], "consistent", "{c}");
    }
}

/// Months named without a year hold for the amounts of the next sentences that name none.
#[test]
fn months_without_a_year_carry_to_the_parts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "months.txt",
        "Between January and February, trade between Chile and Peru totalled $2.2 billion. \
         Chile's exports to Peru were worth $227.75 million, while Chile's imports from Peru \
         were valued at $1.97 billion.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    assert_eq!(
        figures_printed(sum),
        ["$2.2 billion", "$227.75 million", "$1.97 billion"]
    );
}

/// "$1,858 billion" may be a decimal comma: a sum or balance a thousand apart through such
/// a number is not claimed as a slip of units.
#[test]
fn a_thousand_apart_through_a_decimal_comma_is_no_claim() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "comma.txt",
        "Chile imported goods from Peru worth $1,858 billion against exports worth $1,273 \
         billion, giving a trade deficit of $585,76 million.\n",
    );
    for c in doc["claims"].as_array().unwrap() {
        assert_ne!(c["kind"], "balance", "{c}");
    }
}

/// A relation the reader paired itself, far off what the text says with no known slip to
/// explain it, is not judged; the same mismatch between amounts the text names is.
#[test]
fn a_far_mismatch_between_amounts_paired_by_the_reader_is_not_judged() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "far.txt",
        "Chile's exports to Peru were $10.0 billion in 2019. In 2020 Chile's exports to Peru \
         were $30.0 billion, up 5%.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["verdict"], "unverifiable", "{change}");
    assert!(
        change["explanation"]
            .as_str()
            .unwrap()
            .starts_with("not judged"),
        "{change}"
    );
    let doc = check_text(
        &wd,
        "far-said.txt",
        "Chile's exports to Peru fell 10% from $5.0 billion in 2019 to $2.0 billion in 2020.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["verdict"], "inconsistent", "{change}");
}

/// "The value moved the other way" alone does not explain a size far off too: not judged.
#[test]
fn a_direction_alone_does_not_explain_a_size_far_off() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "direction-far.txt",
        "Chile's exports to Peru were $0.50 billion in 2001. In 2002 Chile's exports to Peru \
         reached $1.60 billion, down 4.7%.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["verdict"], "unverifiable", "{change}");
    assert_eq!(change["diagnoses"], serde_json::json!(["direction"]));
}

/// Scale words of other languages: "Mds", "Mrd", "milhões", "miliardi".
#[test]
fn scale_words_of_other_languages_are_read() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "scales.txt",
        "Le commerce entre la France et le Chili a atteint 8,3 Mds€ en 2024, dont 5,0 Mds€ \
         d'exportations et 3,3 Mds€ d'importations.\n",
    );
    let printed = printed(&doc);
    assert!(printed.contains(&"8,3 Mds€"), "{printed:?}");
    let n = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["printed"].as_str().unwrap().starts_with("8,3"))
        .unwrap();
    assert_eq!(n["role"], "figure", "{n}");
}

/// "41.28pc", "5 pct": the press's short forms of "percent"; "PC" as a word is no percent.
#[test]
fn pc_and_pct_are_percent() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "pc.txt",
        "Pakistan's exports to Chile rose by 363.95pc from $3.082m last year to $14.299m, \
         while imports from Chile fell 5 pct. Chile bought 20 PC units.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["says"], "rose by 363.95pc", "{change}");
    assert_eq!(change["verdict"], "consistent", "{change}");
    let printed = printed(&doc);
    assert!(printed.contains(&"5 pct"), "{printed:?}");
}

/// "an increase of 31.6 per cent or £1.3 billion": the amount after the rate is the change's
/// difference, and the base is the new value less it.
#[test]
fn a_difference_said_after_its_rate_makes_the_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "or-difference.txt",
        "UK exports to Chile were £5.4 billion in Q1 2023, an increase of 31.6 per cent or \
         £1.3 billion compared with Q1 2022.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["£1.3 billion", "£5.4 billion"]);
    // 5.4 / (5.4 − 1.3) = 1.317: +31.7%, 31.6% within the amounts' rounding.
    assert_eq!(change["verdict"], "consistent-by-rounding", "{change}");
}

/// "trade reached $X, of which A exported $Y … its imports were $Z": the flows after "of
/// which" are the trade's breakdown (a sum), not a product; the exports then also make a
/// balance said later.
#[test]
fn flows_after_of_which_are_the_trade_breakdown() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "of-which-flows.txt",
        "Trade between Chile and Peru reached $8.9 billion in 2019, of which Chile exported \
         $6.3 billion worth of goods to Peru while its imports were $2.9 billion. Chile thus \
         enjoyed a trade surplus of $3.4 billion with Peru in 2019.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$8.9 billion", "$6.3 billion", "$2.9 billion"]
    );
    // 6.3 + 2.9 = 9.2 against a printed 8.9: off by more than the rounding allows.
    assert_eq!(sum["verdict"], "inconsistent", "{sum}");
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
    let kinds: Vec<_> = kinds(&doc).into_iter().map(|(k, _)| k).collect();
    assert!(!kinds.contains(&"share".to_string()), "{kinds:?}");
}

/// "during July-June (2021-22)": a fiscal year named by its months and bracketed years;
/// "the period under review" is the period the text reports on, and "same period of last
/// year" in its sentence is the fiscal year before.
#[test]
fn a_fiscal_year_in_brackets_and_the_period_under_review() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "under-review.txt",
        "Exports to Chile were recorded at $870.604m during July-June (2021-22) against \
         exports of $616.202m during July-June (2020-21), showing growth of 41.29pc.\n\n\
         Meanwhile, exports to Chile during June 2022 rose to $80.1m.\n\n\
         Imports from Chile during the period under review were $97.500m against $76.134m \
         during same period of last year.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(periods(change), ["FY2020/21", "FY2021/22"], "{change}");
    assert_eq!(change["verdict"], "consistent", "{change}");
    let read: Vec<(String, String)> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["read_as"].is_object())
        .map(|n| {
            (
                n["printed"].as_str().unwrap().to_string(),
                n["read_as"]["period"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let period_of = |p: &str| read.iter().find(|(x, _)| x == p).unwrap().1.clone();
    assert_eq!(period_of("$97.500m"), "FY2021/22", "{read:?}");
    assert_eq!(period_of("$76.134m"), "FY2020/21", "{read:?}");
    assert_eq!(period_of("$80.1m"), "2022-06", "{read:?}");
}

/// "the United Arab Emirates (UAE), the trade volume": an economy before a comma owns no
/// flow after it; "up 143 per cent from $94.2 million": the base said right after the rate;
/// a total and parts said in one sentence are its parts however far off they are.
#[test]
fn owners_bases_and_parts_said_in_one_breath() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "one-breath.txt",
        "Following ties between Israel and the United Arab Emirates (UAE), the trade volume of \
         the two nations reached $523.2 million in the first half of 2021. Trade totalled \
         $229 million in January-June, up 143 per cent from $94.2 million in all 2020. \
         Israeli imports from the UAE were $342.2 million in the first half. Israeli exports \
         to the UAE were $181 million in the first half.\n\n\
         Between April and October, trade between Israel and Ghana amounted to $2.6 billion, \
         with Israel exporting goods worth $4.75 billion to Ghana and importing goods \
         amounting to $2.15 billion.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 2, "{sums:?}");
    assert_eq!(
        figures_printed(sums[0]),
        ["$523.2 million", "$181 million", "$342.2 million"]
    );
    assert_eq!(sums[0]["verdict"], "consistent", "{}", sums[0]);
    // 4.75 + 2.15 = 6.9, not 2.6.
    assert_eq!(figures_printed(sums[1])[0], "$2.6 billion");
    assert_eq!(sums[1]["verdict"], "inconsistent", "{}", sums[1]);
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$94.2 million", "$229 million"]);
    // 229 / 94.2 = 2.431: up 143.1%.
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// A share's part in brackets before or after the words it is "of", its whole printed a
/// paragraph earlier; a multiple of a share "from P% to Q%" ("more than halved": below half).
#[test]
fn shares_with_bracketed_parts_and_multiples_of_shares() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "bracketed-parts.txt",
        "The share of Chile's imports from Korea more than halved, from 8.1pct in 2002 to \
         3.6pct in 2013.\n\
         In 2013, Chile's exports to Korea were 40 billion euro, while imports were 30 billion \
         euro.\n\
         The ministry released the figures on Tuesday.\n\
         Copper led the list of goods.\n\
         Ports in the north handled most of it.\n\
         Machinery accounted for 25pct (10 billion euro) of Chile's exports to Korea, and for \
         70pct of Chile's imports from Korea (21 billion euro).\n",
    );
    let multiple = claim(&doc, "multiple");
    // 3.6 / 8.1 = 0.444: more than halved.
    assert_eq!(multiple["verdict"], "consistent", "{multiple}");
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 2, "{shares:?}");
    assert_eq!(
        figures_printed(shares[0]),
        ["10 billion euro", "40 billion euro"]
    );
    assert_eq!(shares[0]["verdict"], "consistent", "{}", shares[0]);
    assert_eq!(
        figures_printed(shares[1]),
        ["21 billion euro", "30 billion euro"]
    );
    assert_eq!(shares[1]["verdict"], "consistent", "{}", shares[1]);
}

/// "of the latter, 24% went to China": a share said of a third economy is not a share of
/// the pair's amount printed before it; foreign country names ("Paraguai", "Estados
/// Unidos") name the pair.
#[test]
fn a_share_of_a_third_economy_and_foreign_country_names() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "third-share.txt",
        "In total, Ecuador's exports to Colombia reach $19,590 million in 2022, of which \
         $10,767 million for other products and of the latter, 24% went to China.\n",
    );
    let inconsistent = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] == "inconsistent")
        .count();
    assert_eq!(inconsistent, 0, "{doc}");
    let doc = check_text(
        &wd,
        "foreign-names.txt",
        "As exportações do Paraguai para os Estados Unidos cresceram 19,2% em 2024.\n",
    );
    assert_eq!(doc["reporter"], "PRY", "{doc}");
    assert_eq!(doc["partner"], "USA", "{doc}");
}

/// "in January to May 2024 exceeded $823 million": "May" the month is no forecast's "may";
/// "imports from China to Tanzania" are Tanzania's.
#[test]
fn may_the_month_and_imports_to_their_importer() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "may-month.txt",
        "Trade turnover between Tajikistan and Chile in January to May 2024 exceeded $823 \
         million. Imports from Chile amounted to $770.3 million, exports to Chile reached \
         about $52.8 million.\n\n\
         Trade between Tanzania and Peru grew to US$47 million in 2005, as imports from Peru \
         to Tanzania reached US$30 million while exports from Tanzania to Peru totalled US$17 \
         million.\n",
    );
    let n = number(&doc, "$823 million");
    assert_eq!(n["role"], "figure", "{n}");
    let sums: Vec<Vec<&str>> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "sum")
        .map(figures_printed)
        .collect();
    // Exports and imports in the reporter's view, whichever side the reporter is.
    assert!(
        sums.iter().any(|s| s[0] == "US$47 million"
            && s[1..].contains(&"US$17 million")
            && s[1..].contains(&"US$30 million")),
        "{sums:?}"
    );
}

/// "Data from the annual report reveals that ... $54.7 billion ..., compared to $33.5
/// billion in 2021, representing a 63% increase": "from the report" is a source, not a
/// base; "compared to X" is the base, not a new value.
#[test]
fn a_source_is_no_base_and_compared_to_is_no_new_value() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "source-base.txt",
        "Data from the annual foreign trade report reveals that Chile imported products \
         worth $54.7 billion from Peru last year, compared to $33.5 billion in 2021, \
         representing a 63% increase.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$33.5 billion", "$54.7 billion"]);
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// "a population of 1.2 million (12 lakh)": people, not money, even in a text of dollars.
#[test]
fn a_population_is_no_money() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "population.txt",
        "Indian-origin people comprise nearly 70 per cent of the island's population of 1.2 \
         million (12 lakh). Exports to Mauritius were USD 778.03 mn, and 2.5 million \
         people visited.\n",
    );
    for p in ["1.2 million", "12 lakh", "2.5 million"] {
        let n = number(&doc, p);
        assert_eq!(n["role"], "ignored", "{n}");
    }
    assert!(doc["claims"].as_array().unwrap().is_empty(), "{doc}");
}

/// "compared to the same period in 2022 ($12.131 million)": the amount in brackets is the
/// base, of the period said before the bracket; the new value may be a sentence back.
#[test]
fn a_bracketed_base_after_its_period() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "bracketed-base.txt",
        "Chile's exports to Peru amounted to $29.273 million from January through September \
         2023. The figure increased by 2.4 times compared to the same period in 2022 \
         ($12.131 million).\n",
    );
    let multiple = claim(&doc, "multiple");
    assert_eq!(
        figures_printed(multiple),
        ["$12.131 million", "$29.273 million"]
    );
    assert_eq!(
        periods(multiple),
        ["2022-01..2022-09", "2023-01..2023-09"],
        "{multiple}"
    );
    // 29.273 / 12.131 = 2.413: "2.4 times".
    assert_eq!(multiple["verdict"], "consistent", "{multiple}");
}

/// "the first half (H1) of 2017": the bracketed abbreviation does not hide the year;
/// "exceeded the $2bn record": a threshold, not a figure.
#[test]
fn a_bracketed_abbreviation_and_a_record_threshold() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "h1-record.txt",
        "Chilean exports to Peru reached $1.204bn during the first half (H1) of 2017, up \
         from $1.126bn during the same period of 2016, an increase of 7%. Exports exceeded, for the first \
         time, the $2bn record.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(periods(change), ["2016-H1", "2017-H1"], "{change}");
    let n = number(&doc, "$2bn");
    assert_eq!(n["role"], "ignored", "{n}");
}

/// "China accounted for 9.4% of South Africa's exports ... exports to China totalled
/// R188.4 billion": the share's part is the flow to the economy it is said of, printed a
/// paragraph on; another share's whole is reused only for the same period.
#[test]
fn a_share_of_a_named_economy_finds_its_flow() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "named-share.txt",
        "In 2022, China accounted for 9.4% of South Africa's exports, according to Sars.\n\n\
         In rand terms, exports to China totalled R188.4 billion, while exports to India were \
         R90.1bn.\n\n\
         In 2010, vehicle imports from India were only R2.8bn for a 13.5% share, but in 2022 \
         this had expanded to R26.8 billion for a 20.5% share.\n",
    );
    let shares = claims_of(&doc, "share");
    let of_china = shares
        .iter()
        .find(|c| c["says"].as_str().unwrap().contains("9.4%"))
        .unwrap();
    assert_eq!(figures_printed(of_china), ["R188.4 billion"], "{of_china}");
    assert_eq!(of_china["verdict"], "unverifiable", "{of_china}");
    assert!(
        !shares.iter().any(|c| c["verdict"] == "inconsistent"),
        "{shares:?}"
    );
}

/// Measure words in the languages the corpus meets: "superávit", "exportaciones",
/// "importações" name balances and flows.
#[test]
fn measure_words_in_other_languages() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "es-measures.txt",
        "En 2016, las exportaciones de Argentina a Chile sumaron US$ 2.651 millones y las \
         importaciones US$ 1.043 millones, con un superávit de US$ 1.608 millones.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
}

/// "increased with 17.3% to EUR 1.9 billion" is a change; a group named beside a total
/// ("India's 5th largest partner in the EU") does not make it another pair's.
#[test]
fn increased_with_and_a_group_beside_the_total() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "with-rate.txt",
        "Trade between Bulgaria and Chile amounted to EUR 3.9 billion in 2017. Bulgaria's \
         exports to Chile exceeded EUR 2 billion. Chile's export to Bulgaria increased with \
         17.3% to EUR 1.9 billion.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["says"], "increased with 17.3%", "{change}");
    assert_eq!(change["verdict"], "unverifiable", "{change}");
    assert_eq!(claim(&doc, "sum")["verdict"], "consistent", "{doc}");
    let doc = check_text(
        &wd,
        "group-beside.txt",
        "Italy is Peru's 5th largest trading partner in the EU with a bilateral trade at \
         $8.79 billion in 2016. Peru's exports to Italy are at $4.90 billion, while its \
         imports are at $3.89 billion.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(figures_printed(sum)[0], "$8.79 billion", "{sum}");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// "The aim is to double annual bilateral trade from the current $9.2 billion": the goal's
/// starting point is today's trade, not a forecast.
#[test]
fn the_current_amount_of_a_goal_is_a_figure() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "current.txt",
        "The aim is to double annual bilateral trade between Chile and Peru from the current \
         $9.2 billion within the next decade; the target is $20 billion.\n",
    );
    let role = |p: &str| number(&doc, p)["role"].clone();
    assert_eq!(role("$9.2 billion"), "figure");
    assert_eq!(role("$20 billion"), "ignored");
}

/// A share the reader paired itself, far off, whose only diagnosis is "another printed
/// amount would make the base": the reader's base is as doubtful as the text — not judged.
#[test]
fn a_far_share_explained_only_by_another_base_is_not_judged() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "far-share.txt",
        "German exports to Chile rose to 20.1 billion euros in 2011, while Germany's \
         total exports reached 1,060 billion euros. Vehicles made up the bulk of German \
         exports to Chile and reached 5.1 billion euros.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(share["verdict"], "unverifiable", "{share}");
    assert!(
        share["explanation"]
            .as_str()
            .unwrap()
            .starts_with("not judged"),
        "{share}"
    );
}

/// "From January to July" is a run of months, not a base; a total's parts are the closest
/// pair that can be its parts, not the closest pair.
#[test]
fn from_january_to_july_and_the_next_closest_parts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "next-parts.txt",
        "In July, Mexico's exports to Chile reached $41.94 billion. Chile's exports to Mexico \
         grew 8.7% in July, reaching $28.716 billion. Total trade reached $70.657 billion in \
         July. From January to July, Mexico's exports to Chile totaled $290.981 billion.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$70.657 billion", "$41.94 billion", "$28.716 billion"]
    );
    let ytd = number(&doc, "$290.981 billion");
    assert_eq!(ytd["read_as"]["months"], "01..07", "{ytd}");
}

/// "a 10.6 percent reduction in Chile's trade surplus with Peru, falling from US$926
/// million to US$827.6 million": the verb of movement names the base and the new value.
#[test]
fn a_rate_then_falling_from_a_to_b() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "falling-from.txt",
        "Exports rose 25 percent in 2008, but imports rose faster, leading to a 10.6 percent \
         reduction in Chile's trade surplus with Peru, falling from US$926 million to \
         US$827.6 million in the period.\n",
    );
    let change = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["says"] == "10.6 percent reduction")
        .unwrap();
    assert_eq!(
        figures_printed(change),
        ["US$926 million", "US$827.6 million"]
    );
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// "dipping by 28 per cent from $958 million": -ing forms of movement are directions.
#[test]
fn dipping_is_a_fall() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "dipping.txt",
        "In January-September 2021, Chile's exports to Peru were worth $687 million, dipping \
         by 28 per cent from $958 million in the year-ago period.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$958 million", "$687 million"]);
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// "55.19 billion Japanese yen": a currency named with its country's adjective.
#[test]
fn a_currency_with_its_country_adjective() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "japanese-yen.txt",
        "The trade surplus of Chile with Japan was 55.19 billion Japanese yen in August, as \
         Chile's exports to Japan were 61.06 billion yen and its imports 5.89 billion yen.\n",
    );
    let n = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["printed"].as_str().unwrap().starts_with("55.19"))
        .unwrap();
    assert_eq!(n["printed"], "55.19 billion Japanese yen", "{n}");
    let balance = claim(&doc, "balance");
    // 61.06 − 5.89 = 55.17, not 55.19.
    assert_eq!(balance["verdict"], "inconsistent", "{balance}");
}

/// "Sh67 billion", "Shs965b": East African shillings; a deficit no economy is said to own
/// is the side's whose flows make one — "Uganda exported Shs1.1 trillion compared with
/// imports of Shs965b, resulting in a trade deficit of Shs153b" is Kenya's deficit.
#[test]
fn shillings_and_a_deficit_nobody_is_said_to_own() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "shillings.txt",
        "The central bank put the value of goods Uganda exported to Kenya at Shs1.1 trillion \
         in the period to May compared with imports of Shs965b, resulting in a trade deficit \
         of Shs135b.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
    let n = number(&doc, "Shs965b");
    assert_eq!(n["role"], "figure", "{n}");
}

/// "Russian export fell by 2.1% to $6.7 bln, while import lost 2.5% to $5.7 bln": the
/// import is Russia's too; capitals name their countries ("Nairobi's imports from
/// Pretoria").
#[test]
fn an_elided_owner_and_capitals() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "elided.txt",
        "MINSK, May 24. Trade turnover between Russia and Belarus amounted to around $12.4 \
         bln in Q1 2024. Russian export fell by 2.1% to $6.7 bln, while import lost 2.5% to \
         $5.7 bln.\n",
    );
    let sum = claim(&doc, "sum");
    // 6.7 + 5.7 = 12.4.
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    let doc = check_text(
        &wd,
        "capitals.txt",
        "Nairobi's imports from Pretoria jumped 28.3 percent in 2023 to Sh80 billion.\n",
    );
    assert_eq!(doc["reporter"], "KEN", "{doc}");
    assert_eq!(doc["partner"], "ZAF", "{doc}");
}

/// "over the reporting period of 2022" is the period reviewed; "compared to the 2022
/// figures ($770.215 million)" is the 2022 base.
#[test]
fn the_reporting_period_of_a_year_and_the_figures_of_a_year() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "reporting-period.txt",
        "Chile's trade turnover with Peru in January 2022 totaled $11.1 million. Chile's \
         imports from Peru over the reporting period of 2022 amounted to $2.6 million, while \
         its exports to Peru in January 2022 amounted to $8.5 million. Chile's imports from \
         Peru in 2023 totaled $862.182 million, which is an 11.9 percent increase compared \
         to the 2022 figures ($770.215 million).\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(periods(sum), ["2022-01", "2022-01", "2022-01"], "{sum}");
    let change = claim(&doc, "change");
    assert_eq!(periods(change), ["2022", "2023"], "{change}");
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// Italian text: "per cento", "miliardi di euro" and direction words are read; a change is
/// reported with its amount and no base is paired (the language's comparison words are
/// not read); money that is not trade ("capitali investiti") is no figure.
#[test]
fn a_paragraph_in_italian() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "italiano.txt",
        "Le esportazioni italiane verso il Cile hanno toccato i 2,9 miliardi di euro nel \
         2024, registrando una crescita del 2,7 per cento rispetto al 2023. Il totale dei \
         capitali italiani investiti in Cile era pari a 11,5 miliardi di euro.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["says"], "crescita del 2,7 per cento", "{change}");
    assert_eq!(figures_printed(change), ["2,9 miliardi di euro"]);
    assert_eq!(change["verdict"], "unverifiable", "{change}");
    let n = number(&doc, "11,5 miliardi di euro");
    assert_eq!(n["role"], "ignored", "{n}");
}

/// "almost double since February, rising from 4.3 per cent to 7.7 per cent": a multiple of
/// two shares said a few words on.
#[test]
fn a_multiple_of_shares_said_a_few_words_on() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "shares-double.txt",
        "Chile's share of Peru's imports is almost double since February, rising from 4.3 per \
         cent to 7.7 per cent.\n",
    );
    let multiple = claim(&doc, "multiple");
    // 7.7 / 4.3 = 1.79, "almost double" allows [1.8, 2): only the rounding of the
    // printed shares (up to 7.75 / 4.25 = 1.82) makes them agree.
    assert_eq!(multiple["verdict"], "consistent-by-rounding", "{multiple}");
    assert_eq!(figures_printed(multiple), ["4.3 per cent", "7.7 per cent"]);
}

/// "grew to N$67.1 billion last year, an increase from N$59.1 billion recorded in 2021":
/// the base's year says which year "last year" is (2022), and is not the sentence's.
#[test]
fn a_base_year_says_which_year_last_year_is() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "last-year.txt",
        "Trade between Namibia and Chile grew to N$67.1 billion last year, an increase from \
         N$59.1 billion recorded in 2021. Namibia's exports to Chile stood at N$16.8 billion \
         in 2022, while its imports from Chile were valued at N$50.3 billion in 2022.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(periods(sum), ["2022", "2022", "2022"], "{sum}");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// "Last month, by 49.8% at 272.88 billion yen": "by" says a change, never a share.
#[test]
fn by_a_percentage_is_no_share() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "by-share.txt",
        "Last month, by 49.8% at 272.88 billion yen, compared to 543.29 billion yen in August \
         of the previous year.\n",
    );
    let kinds: Vec<String> = kinds(&doc).into_iter().map(|(k, _)| k).collect();
    assert!(!kinds.contains(&"share".to_string()), "{kinds:?}");
}

/// Of the flows that could be a total's parts, the pair that adds up within the rounding of
/// the printed numbers is the text's, not a product's amount printed closer.
#[test]
fn the_parts_that_add_up_are_the_texts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "adds-up.txt",
        "Chile-Peru trade hit US$15.85 billion in 2014. Chile shipped its partner US$3.1 \
         billion worth of commodities. Telephones brought home US$987 million last year. \
         Peru's export to Chile rose to US$12.75 billion last year.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(figures_printed(sum)[0], "US$15.85 billion", "{sum}");
    assert!(figures_printed(sum).contains(&"US$3.1 billion"), "{sum}");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// "US$3.1 billion (SGD4.05 billion) worth of commodities, up 22.4%": the change is of the
/// amount in the text's own currency, not of its bracketed restatement.
#[test]
fn a_change_of_the_amount_not_its_bracketed_restatement() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "restated.txt",
        "In 2014, Chile shipped Peru around US$3.1 billion (SGD4.05 billion) worth of \
         commodities, up 22.4%.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["US$3.1 billion"], "{change}");
    assert_eq!(change["verdict"], "unverifiable", "{change}");
}

/// "Chile exported $792.85 million ... and imported $1.2 billion. This represented 1.0% of
/// all exports and 1.3% of imports": shares of the flows the sentence points back to.
#[test]
fn shares_of_the_flows_pointed_back_to() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "points-back.txt",
        "In 2022, Chile exported $792.85 million of goods to Peru and imported $1.2 billion. \
         This represented 1.0% of all exports and 1.3% of imports.\n",
    );
    let shares: Vec<Vec<&str>> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "share")
        .map(figures_printed)
        .collect();
    assert_eq!(
        shares,
        [vec!["$792.85 million"], vec!["$1.2 billion"]],
        "{doc}"
    );
}

/// "as of November 2021" is the year to date, January to November.
#[test]
fn as_of_a_month_is_the_year_to_date() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "as-of.txt",
        "Trade between Chile and Peru reached 6.02 billion USD as of November 2021, with \
         Chile enjoying a surplus of 4.46 billion USD. In the first 11 months of 2021, Chile \
         earned 5.24 billion USD from exporting goods to Peru, while it imported 778 million \
         USD worth of goods from Peru.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        periods(sum),
        ["2021-01..2021-11", "2021-01..2021-11", "2021-01..2021-11"],
        "{sum}"
    );
    assert_eq!(claim(&doc, "balance")["verdict"], "consistent", "{doc}");
}

/// "at $35 million in 2010 also tripled to $112 million in 2016": the new value's period
/// is the one said after it.
#[test]
fn a_new_values_period_is_said_after_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "tripled-to.txt",
        "Chile's exports to Peru at $35 million in 2010 also tripled to $112 million in \
         2016.\n",
    );
    let multiple = claim(&doc, "multiple");
    assert_eq!(periods(multiple), ["2010", "2016"], "{multiple}");
    assert_eq!(multiple["verdict"], "consistent", "{multiple}");
}

/// "imports from Peru increased 27 percent in 2023, totaling $2 billion. In 2022, imports
/// totaled $1.6 billion.": the base a sentence on that names no economy; "from 2017 to
/// US$2.84 billion": the year after "from" is the base's, not the new value's.
#[test]
fn a_base_said_after_and_a_year_after_from() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "base-after.txt",
        "Chile's imports from Peru increased 27 percent in 2023, totaling $2 billion. In \
         2022, imports totaled $1.6 billion.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$1.6 billion", "$2 billion"]);
    let doc = check_text(
        &wd,
        "year-after-from.txt",
        "Chile's trade with Peru totalled US$2.7 billion in 2018. It was down by 48.8 per \
         cent from 2017 to US$2.84 billion.\n",
    );
    let n = number(&doc, "US$2.84 billion");
    assert_eq!(n["read_as"]["period"], "2018", "{n}");
}

/// A share whose part and whole are printed in the sentence before: "Chile exported a total
/// $94.6b ..., with $3.1b of this going to Peru. Exports to Peru made up 3% of Chile's
/// total exports": the larger amount is the whole, the smaller the part.
#[test]
fn a_share_of_two_amounts_printed_before_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "share-before.txt",
        "Chile exported a total $94.6b in goods in 2023, with $3.1b of this going to Peru. \
         Goods exports to Peru made up 3% of Chile's total goods exports in 2023.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(figures_printed(share), ["$3.1b", "$94.6b"], "{share}");
    assert_eq!(share["verdict"], "consistent", "{share}");
    // 3.1 / 94.6 is 3.3%: "8%" is flagged.
    let doc = check_text(
        &wd,
        "share-before-wrong.txt",
        "Chile exported a total $94.6b in goods in 2023, with $3.1b of this going to Peru. \
         Goods exports to Peru made up 8% of Chile's total goods exports in 2023.\n",
    );
    assert_eq!(claim(&doc, "share")["verdict"], "inconsistent", "{doc}");
}

/// "Peru's total exports [were] $63.3 billion" and "exported $63.3 billion to the world"
/// are the world totals a share "of Peru's total exports" is of; the part is the flow to
/// the partner printed before.
#[test]
fn a_world_total_is_the_whole_of_a_share_said_before_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "world-total.txt",
        "Peru exported goods worth $63.3 billion to the world in 2022. Its exports to Chile \
         reached $1.9 billion in 2022. Chile accounts for 3 per cent of Peru's total \
         exports.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(
        figures_printed(share),
        ["$1.9 billion", "$63.3 billion"],
        "{share}"
    );
    assert_eq!(share["verdict"], "consistent", "{share}");
    let doc = check_text(
        &wd,
        "world-total-after.txt",
        "In 2022 Peru imported $2.2 billion worth of goods from Chile. Chilean goods \
         accounted for 4.3 percent of the country's total imports, which were valued at \
         $51.5 billion in 2022.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(
        figures_printed(share),
        ["$2.2 billion", "$51.5 billion"],
        "{share}"
    );
    assert_eq!(share["verdict"], "consistent", "{share}");
}

/// "accounting for 2 per cent of Peru's total trade of US$420.5 billion in 2012": the part
/// is the pair's trade of that year printed in the sentence before.
#[test]
fn a_share_with_its_whole_after_and_its_part_a_sentence_before() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "whole-after.txt",
        "Trade between Chile and Peru rose 4 per cent to US$8.6 billion in 2012. Chile, \
         one of Peru's main partners, accounted for 2 per cent of Peru's total trade of \
         US$420.5 billion in 2012.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(
        figures_printed(share),
        ["US$8.6 billion", "US$420.5 billion"],
        "{share}"
    );
    assert_eq!(share["verdict"], "consistent", "{share}");
    // The whole is Peru's trade with the world, not with Chile, and is bound to no data.
    let whole = &share["figures"][1];
    assert_eq!(whole["partner"], "WLD", "{whole}");
    assert_eq!(whole["reporter"], "PER", "{whole}");
}

/// "... to SGD 12.4 billion last year from 11.2 billion Singaporean dollar (SGD) in 2016":
/// the base's year says which year "last year" is (2017), and the base is 2016's; the
/// singular and demonym forms of a currency are read.
#[test]
fn last_year_from_an_amount_of_a_named_year() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "last-year-from.txt",
        "Trade between Chile and Singapore rose by 10.7 per cent to SGD 12.4 billion last \
         year from 11.2 billion Singaporean dollar (SGD) in 2016, the agency said.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(periods(change), ["2016", "2017"], "{change}");
    assert_eq!(change["verdict"], "consistent", "{change}");
    let n = number(&doc, "11.2 billion Singaporean dollar");
    assert_eq!(n["role"], "figure", "{n}");
}

/// "imported goods worth $X from Peru against the export of $Y": "against" sets the two
/// flows side by side in one period (not a base a year before), and the export is the
/// importer's, not Peru's.
#[test]
fn against_another_flow_is_the_same_period() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "against.txt",
        "The trade deficit between the two countries in 2022 stood at $1,120.5 million as \
         Chile imported goods worth $1,460.25 million from Peru against the export of \
         $339.75 million.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(periods(balance), ["2022", "2022", "2022"], "{balance}");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
}

/// "... of total imports in March 2021 — rising 4% to $210.5 million in March": months said
/// without a year take the year the sentence gives those months.
#[test]
fn months_said_again_without_their_year() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "months-again.txt",
        "Chile's imports from Peru made up 5.1% of its total import bill in March 2021, \
         rising 4% year on year to $210.5 million in March. Meanwhile, Chile's exports to \
         Peru amounted to $98.25 million, for total trade of $308.75 million.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(periods(sum), ["2021-03", "2021-03", "2021-03"], "{sum}");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// "to JOD 9.2 from JOD 3.6 million": an amount printed without its scale takes the one its
/// sentence prints in that currency, even when the article prints others elsewhere.
#[test]
fn a_missing_scale_is_the_sentences() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "scale.txt",
        "Jordan's exports to Egypt jumped in May 2015 to JOD 9.2 from JOD 3.6 million in the \
         same month of the previous year (i.e. 155.6 per cent increase). The trade deficit \
         reached JOD 1.2 billion.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// "a recovery from the previous year's downturn by about 4%": the direction is the
/// recovery's, not the other year's downturn.
#[test]
fn a_direction_word_of_another_year_is_not_the_numbers() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "recovery.txt",
        "Trade between Chile and Peru fell in 2022 to about $5.0bn. It rebounded in 2023 to \
         $5.2bn, a recovery from the previous year's downturn by approximately 4%.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["verdict"], "consistent", "{change}");
    assert!(
        change["says"].as_str().unwrap().contains("recovery"),
        "{change}"
    );
}

/// Nigerian press: "N1.25 trillion in Q1'24 from N399.19 billion in Q1'23" — naira glued to
/// the number, quarters with the year after an apostrophe.
#[test]
fn naira_and_quarters_with_an_apostrophe_year() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "naira.txt",
        "Nigeria's export to Ghana rose by 150 per cent to N500 billion in Q2'23 from N200 \
         billion in Q2'22.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(periods(change), ["2022-Q2", "2023-Q2"], "{change}");
    assert_eq!(change["verdict"], "consistent", "{change}");
    assert_eq!(number(&doc, "N500 billion")["role"], "figure");
    // Without a scale, a one-letter currency is a name's letter.
    let doc = check_text(
        &wd,
        "naira-name.txt",
        "Nigeria's exports to Ghana reached N500 billion in 2023, the minister said on the N2 \
         highway.\n",
    );
    assert_eq!(number(&doc, "N2")["role"], "ignored", "{doc}");
}

/// "a trade balance of-US $ 410.5 million", "a negative $410.5 million trade balance": a
/// minus sign or "negative" before the amount is a deficit.
#[test]
fn a_minus_sign_before_a_balance_is_a_deficit() {
    let wd = Workdir::new();
    for (name, text) in [
        (
            "minus.txt",
            "Trade between Chile and Peru stood at US $ 700.5 million in 2021 with a trade \
             balance of-US $ 410.5 million. Chile's exports to Peru were $ 145 million while \
             imports from Peru were $ 555.5 million.\n",
        ),
        (
            "negative.txt",
            "Chile suffers negative $ 410.5 million trade balance with Peru in 2021. Chile's \
             exports to Peru were $ 145 million while imports from Peru were $ 555.5 million \
             in 2021.\n",
        ),
    ] {
        let doc = check_text(&wd, name, text);
        let balance = claim(&doc, "balance");
        assert_eq!(balance["verdict"], "consistent", "{name}: {balance}");
    }
}

/// "in the first nine months of the year ... from $35.7 billion in 2017 to $42.36 billion in
/// 2018": a year named alone beside a run of months without a year is those months of it;
/// a single month ("Last October, the chamber said ... in 2016") is not.
#[test]
fn a_year_beside_months_without_a_year() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "months-year.txt",
        "Total trade between Chile and Peru in the first nine months of the year increased \
         by 18.4 percent from $3.57 billion in 2017 to $4.23 billion in 2018.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        periods(change),
        ["2017-01..2017-09", "2018-01..2018-09"],
        "{change}"
    );
    let doc = check_text(
        &wd,
        "month-said.txt",
        "Last October, the chamber said that trade between Chile and Peru reached $4.9 \
         billion in 2016.\n",
    );
    let n = number(&doc, "$4.9 billion");
    assert_eq!(n["read_as"]["period"], "2016", "{n}");
}

/// In Spanish (and pt, fr, it, de), a period after the words that open a comparison's base
/// ("en relación con el 2020", "frente a los ... de 2020") is the base's, not the
/// sentence's; "exportaciones por $X frente a importaciones por $Y" sets two flows of one
/// period side by side; "el año pasado" is last year.
#[test]
fn foreign_base_words_keep_the_sentences_period() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "es-sum.txt",
        "El intercambio comercial entre Perú y Chile sumó US$ 2.400 millones durante el \
         2021, una cifra 10,1% superior a los US$ 2.180 millones registrados en el 2020.\n\n\
         Las exportaciones peruanas hacia Chile en este periodo sumaron US$ 1.300 millones, \
         monto que representó un alza de 20% en relación con el 2020.\n\n\
         Las importaciones desde Chile sumaron US$ 1.100 millones, frente a los US$ 1.095 \
         millones de 2020.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(periods(sum), ["2021", "2021", "2021"], "{sum}");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    let doc = check_text(
        &wd,
        "es-balance.txt",
        "Con ese país, Chile registró un superávit comercial de $ 3.566 millones en 2021, \
         producto de exportaciones por $ 6.570 millones frente a importaciones por $ 3.004 \
         millones.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(periods(balance), ["2021", "2021", "2021"], "{balance}");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
    let doc = check_text(
        &wd,
        "es-last-year.txt",
        "Las exportaciones de Chile a Perú alcanzaron 220 millones de dólares el año pasado, \
         frente a los 189 millones de dólares de 2016.\n",
    );
    let n = number(&doc, "220 millones de dólares");
    assert_eq!(n["read_as"]["period"], "2017", "{n}");
}

/// A change said with no amount of its own is about the amount of its measure printed just
/// before ("Chile's imports from Peru totaled $2.07 billion in 2018 ... Imports from Peru
/// decreased 11.3%"); "The figure increased by 34.5 percent" points back the same way. Its
/// base is not printed: unverifiable from the text, the amount named.
#[test]
fn a_change_without_an_amount_is_about_the_one_before() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "before.txt",
        "Chile's imports from Peru totaled $2.07 billion in 2018, the customs office said. \
         Imports from Peru decreased 11.3%, the office added.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$2.07 billion"], "{change}");
    assert_eq!(change["verdict"], "unverifiable", "{change}");
    let doc = check_text(
        &wd,
        "figure.txt",
        "Trade between Chile and Peru reached $626.1 million in 2019. The figure increased \
         by 34.5 percent.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$626.1 million"], "{change}");
    // A year the change names that the amount is not of: not that amount.
    let doc = check_text(
        &wd,
        "other-year.txt",
        "Chile's imports from Peru totaled $2.07 billion in 2018. In 2019, imports from Peru \
         decreased 11.3%.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        change["figures"].as_array().map(Vec::len),
        Some(0),
        "{change}"
    );
}

/// "Our imports and exports increased by 1.6% and 5.3%, respectively": the second rate
/// takes the direction said before the list, and each rate is of its own flow;
/// "N$45.6 billion and N$50.3 billion in 2021 and 2022 respectively": each amount is of its
/// own year.
#[test]
fn rates_and_periods_said_respectively() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "rates.txt",
        "In 2016, Chile's imports from Peru were $5.0 billion and exports to Peru $4.99 \
         billion. Our imports and exports increased by 1.6% and 5.3%, respectively.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(figures_printed(changes[0]), ["$5.0 billion"], "{doc}");
    assert_eq!(figures_printed(changes[1]), ["$4.99 billion"], "{doc}");
    let doc = check_text(
        &wd,
        "periods.txt",
        "Chile's imports from Peru were valued at N$45.6 billion and N$50.3 billion in 2021 \
         and 2022 respectively.\n",
    );
    assert_eq!(number(&doc, "N$45.6 billion")["read_as"]["period"], "2021");
    assert_eq!(number(&doc, "N$50.3 billion")["read_as"]["period"], "2022");
}

/// "widened to $4.19 billion in 2013 from $3.6 billion in 2012", "achieved a remarkable
/// growth ..., reaching $24.2 million, compared to $986 million": a direction said with no
/// rate is checked for its sign — and only the direction is diagnosed.
#[test]
fn a_direction_without_a_rate_is_checked_for_its_sign() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "direction.txt",
        "Chile's trade deficit with Peru widened to $4.19 billion in 2013 from $3.6 billion \
         in 2012. Chilean exports to Peru achieved a remarkable growth during the first eight \
         months of 2019, reaching $24.2 million, compared to $986 million in the same period \
         of 2018.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(changes[0]["says"], "widened");
    assert_eq!(changes[0]["verdict"], "consistent", "{}", changes[0]);
    assert_eq!(
        figures_printed(changes[0]),
        ["$3.6 billion", "$4.19 billion"]
    );
    assert_eq!(changes[1]["says"], "growth");
    assert_eq!(changes[1]["verdict"], "inconsistent", "{}", changes[1]);
    assert_eq!(changes[1]["diagnoses"].as_array().map(Vec::len), Some(1));
    assert_eq!(changes[1]["diagnoses"][0], "direction", "{}", changes[1]);
}

/// "around £2.6bn (63.8 percent) were goods and £1.5bn (36.2 percent) were services, while
/// of the imports, around £2.1bn (91.3 percent) were goods and £199m (8.7 percent) were
/// services": each bracketed share is of its breakdown's sum (the run of shares that make
/// a hundred percent), or of the total printed before that the parts add up to.
#[test]
fn bracketed_shares_of_a_breakdown() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "breakdown.txt",
        "Of all UK exports to Chile in 2019, around £2.6bn (63.8 percent) were goods and \
         £1.5bn (36.2 percent) were services, while of the total imports from Chile, around \
         £2.1bn (91.3 percent) were goods and £199m (8.7 percent) were services.\n",
    );
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 4, "{doc}");
    assert_eq!(figures_printed(shares[0]), ["£2.6bn", "£1.5bn"]);
    assert_eq!(figures_printed(shares[3]), ["£199m", "£2.1bn"]);
    for share in &shares {
        assert!(
            share["verdict"].as_str().unwrap().starts_with("consistent"),
            "{share}"
        );
    }
    // 60% said for 1.4 of 3.5 (40%): flagged.
    let doc = check_text(
        &wd,
        "breakdown-total.txt",
        "UK imports from Chile reached £3.5 billion in 2019. Of those, £1.4 billion (60.0 per \
         cent) were goods and £2.1 billion (40.0 per cent) were services.\n",
    );
    let shares = claims_of(&doc, "share");
    assert_eq!(
        figures_printed(shares[0]),
        ["£1.4 billion", "£3.5 billion"],
        "{doc}"
    );
    assert_eq!(shares[0]["verdict"], "inconsistent", "{}", shares[0]);
}

/// "baisse de -16,7% (8,1 Md€ en 2023 à 6,9 Md€ en 2024)": the two amounts in the bracket
/// after a rate, each with the period said right after it, are its base and new value —
/// in any language (the earlier period is the base).
#[test]
fn a_rate_with_its_two_dated_amounts_in_brackets() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "fr-brackets.txt",
        "Les exportations françaises vers le Chili ont baissé de -1,7% par rapport à 2023 \
         (4,4 Md€ pour 2024 et 4,48 Md€ pour 2023). Les importations sont en hausse de \
         +54,4% (0,5 Md€ en 2023 à 0,9 Md€ en 2024).\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(periods(changes[0]), ["2023", "2024"], "{}", changes[0]);
    assert!(
        changes[0]["verdict"]
            .as_str()
            .unwrap()
            .starts_with("consistent"),
        "{}",
        changes[0]
    );
    // 0.5 → 0.9 is +80% (+70% to +90% by the rounding): "+54,4%" is flagged.
    assert_eq!(figures_printed(changes[1]), ["0,5 Md€", "0,9 Md€"]);
    assert_eq!(changes[1]["verdict"], "inconsistent", "{}", changes[1]);
}

/// "Imports from Peru were valued at $17.25 million for the month, a decrease of 8% from
/// January 2023": "from Peru" after a flow is where goods came from, not a base; "from
/// January 2023" is the base's month, not the amount's. "CAN$" is the Canadian dollar.
#[test]
fn from_an_economy_and_from_a_month() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "from.txt",
        "In January 2024, Chile's exports to Peru amounted to CAN$626.83 million, an 11.4% \
         increase from CAN$562.45 million in January 2023. Imports from Peru were valued at \
         CAN$17.25 million for the month, a decrease of 8% from January 2023. Total trade \
         between the two nations reached CAN$644.08 million.\n",
    );
    let n = number(&doc, "CAN$17.25 million");
    assert_eq!(n["read_as"]["period"], "2024-01", "{n}");
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    assert!(
        sum["explanation"].as_str().unwrap().contains("CAD"),
        "{sum}"
    );
}

/// The closing line counts every relation the table lists, those with nothing to check
/// them against as unverifiable (not only those put as claims).
#[test]
fn the_closing_line_counts_every_relation_listed() {
    let wd = Workdir::new();
    wd.write(
        "rates.txt",
        "Chile's exports to Peru dropped 4.6% compared to the same period last year, while \
         imports from Peru fell by 3.7%. Trade between Chile and Peru was $5.1 billion in \
         2021, with exports of $2.0 billion and imports of $3.1 billion.\n",
    );
    let run = wd.run(&["check", "rates.txt"]).expect_code(0);
    let last = run.stdout.trim_end().lines().last().unwrap_or_default();
    assert!(
        last.starts_with(
            "3 relation(s) — 1 consistent, 0 consistent only by rounding, 0 inconsistent, 2 \
             unverifiable;"
        ),
        "{}",
        run.stdout
    );
}

/// "increased a measly Sh901.3 million, or 1.95 percent, to Sh47.02 billion": a verb right
/// before an amount with a new value after "to" makes the amount a difference (the base is
/// the new value less it); "grew 13.9 percent to $284.6 billion" does not.
#[test]
fn a_difference_said_by_a_verb_before_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "difference.txt",
        "Chile's exports to Peru increased a measly $901.3 million, or 1.95 percent, to \
         $47.02 billion in 2016.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$901.3 million", "$47.02 billion"],
        "{change}"
    );
    assert_eq!(change["verdict"], "consistent", "{change}");
    let doc = check_text(
        &wd,
        "level.txt",
        "Chile's total exports to Peru grew 13.9 percent to $284.6 billion in 2010.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(change["unchecked"], "no-base", "{change}");
}

/// A text whose every two-decimal figure ends in 0 ("2.70%", "$646.10 million") pads its
/// figures: they are read to one decimal, and the output says so. "8M-22" is January to
/// August 2022, "(8M)" no amount; "the last quarter of 2020" is its fourth quarter.
#[test]
fn padded_figures_and_short_periods() {
    let wd = Workdir::new();
    let text = "Chile's exports to Peru amounted to $481.60 million during 8M-22, down 3.30% \
                when compared to $498.10 million in 8M-21. Imports from Peru were $90.90 \
                million in the first eight months (8M) of 2022.\n";
    let doc = check_text(&wd, "padded.txt", text);
    let change = claim(&doc, "change");
    assert_eq!(
        periods(change),
        ["2021-01..2021-08", "2022-01..2022-08"],
        "{change}"
    );
    // 481.60 / 498.10 is -3.31%: outside "3.30%" read to two decimals, inside "3.3%".
    assert_eq!(change["verdict"], "consistent", "{change}");
    assert_eq!(number(&doc, "8M")["role"], "ignored");
    let run = wd.run(&["check", "padded.txt"]);
    assert!(
        run.stdout.contains("the text pads its figures"),
        "{}",
        run.stdout
    );
    let doc = check_text(
        &wd,
        "last-quarter.txt",
        "Chile's exports to Peru jumped by 40 percent in the first quarter of 2021 compared to \
         the last quarter of 2020. Chile exported $61.6 million to Peru in the last quarter of \
         2020 and $86.1 million from January to March 2021, against $58.7 million in the same \
         quarter of 2020.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$61.6 million", "$86.1 million"],
        "{change}"
    );
}

/// "a new export record of $717.6 million (TL 27.27 billion) ... exports surged by 62.6%,
/// reaching a record-high of $717.6 million": one figure said twice is no base and new
/// value (and "TL" is the Turkish lira, not a dollar amount to pair).
#[test]
fn one_amount_said_twice_is_no_change() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "twice.txt",
        "Chile set a new export record to Peru of $717.6 million (TL 27.27 billion) in 2024. \
         In 2020, Chilean exports to Peru stood at $441.2 million. By 2022, this figure had \
         increased to $664.4 million. And last year, exports surged by 62.6% compared to \
         2020, reaching a record-high of $717.6 million.\n",
    );
    for c in doc["claims"].as_array().unwrap() {
        assert_ne!(c["verdict"], "inconsistent", "{c}");
    }
    assert!(
        number(&doc, "TL 27.27 billion")["role"] == "figure",
        "{doc}"
    );
}

/// "Chile recorded £1,158 million of exports to Peru in 2014, signifying a 36 percent
/// annual growth ... The copper sector accounted for 74 percent of the total exports with £
/// 865 million": "annual growth" is the rate's direction; "the total exports" is the pair's
/// total the text is about when no world total is printed; one amount printed twice
/// (the headline's "£ 1,158mn") is no part of itself; a part of a forecast is forecast.
#[test]
fn the_total_the_text_is_about_and_forecast_parts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "total.txt",
        "Chile records £ 1,158mn exports to Peru in 2014\n\nChile recorded £1,158 million of \
         exports to Peru in 2014, signifying a 36 percent annual growth.\n\nThe copper sector \
         accounted for 74 percent of the total exports with £ 865 million, a 34 percent \
         increase from 2013.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(
        figures_printed(share),
        ["£ 865 million", "£1,158 million"],
        "{share}"
    );
    // 865 / 1,158 is 74.7%: "74 percent" is flagged.
    assert_eq!(share["verdict"], "inconsistent", "{share}");
    assert_eq!(claim(&doc, "change")["says"], "36 percent annual growth");
    let doc = check_text(
        &wd,
        "forecast.txt",
        "Last October, the chamber forecast Chile-Peru trade would likely reach $34.9 billion \
         in 2014, including $29.4 billion from Chile's exports to Peru.\n",
    );
    assert_eq!(number(&doc, "$29.4 billion")["role"], "ignored", "{doc}");
}

/// "1,584.76 US$ Mn in 2018 decreased to 875.47 US$ Mn in 2019": the scale after the
/// currency.
#[test]
fn a_scale_after_the_currency() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "scale-after.txt",
        "Chile's imports from Peru of 1,584.76 US$ Mn in 2018 decreased to 875.47 US$ Mn in \
         2019 by 44.76%.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["1,584.76 US$ Mn", "875.47 US$ Mn"],
        "{change}"
    );
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// German: "Prozent", "Milliarden", and the verb at the end of the clause ("die Importe um
/// 6,7 Prozent auf 20,06 Milliarden Dollar gesunken" is a fall of 6.7%).
#[test]
fn german_rates_with_the_verb_last() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "de.txt",
        "Die Exporte der Türkei nach Deutschland sind im Jahr 2018 um 11,6 Prozent auf 14,08 \
         Milliarden Dollar gestiegen, während die Importe aus Deutschland um 6,7 Prozent auf \
         20,06 Milliarden Dollar gesunken sind.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(changes[1]),
        ["20,06 Milliarden Dollar"],
        "{doc}"
    );
    assert!(
        changes[1]["says"].as_str().unwrap().contains("gesunken"),
        "{}",
        changes[1]
    );
}

/// Rates that say no recorded trade value: a goal ("has targeted a 15% growth"), a rate
/// joined to a goal's amount, a rate of quantities ("in volume terms", a bracket after
/// tonnes), sales at home; and the conversion of money that is not trade.
#[test]
fn rates_of_goals_quantities_and_home_sales_are_no_trade_claims() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "rates.txt",
        "The ministry has targeted a 15% growth for Thai-Vietnamese trade in 2012. The deal \
         has the potential of boosting the economy by $1.7 billion in addition to increasing \
         Thai exports to Vietnam by 32 per cent. Trade between Thailand and Vietnam \
         increased by 54% in value terms and by 24% in volume terms in 2011, when Thai \
         exports reached $12.5 billion. Copper exports came to 16,832 tonnes (241.3%). \
         Sales in Vietnam grew by 13%. Sales to Vietnam grew by 11% to $4.1 billion. \
         A Thai firm invested about 16 bln baht ($450mln) in Vietnam.\n",
    );
    for (p, why) in [
        ("15%", "forecast"),
        ("32 per cent", "forecast"),
        ("24%", "quantity"),
        ("241.3%", "quantity"),
        ("13%", "other than trade"),
        ("$450mln", "other than trade"),
    ] {
        let n = number(&doc, p);
        assert_eq!(n["role"], "ignored", "{p}: {n}");
        assert!(n["why"].as_str().unwrap().contains(why), "{p}: {n}");
    }
    // Said in value terms, and sales abroad: trade rates.
    let says: Vec<&str> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["says"].as_str().unwrap())
        .collect();
    assert!(says.iter().any(|s| s.contains("54%")), "{says:?}");
    assert!(says.iter().any(|s| s.contains("11%")), "{says:?}");
}

/// "43.72 billion ringgit (US$14 billion) in 2012, accounting for 3.3 per cent of
/// Malaysia's total trade": the part is the amount the bracket restates.
#[test]
fn a_share_of_a_converted_amount_is_of_the_amount_printed_first() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "converted.txt",
        "Malaysia's trade with Australia increased by 13.6 per cent to 43.72 billion ringgit \
         (US$14 billion) in 2012, accounting for 3.3 per cent of Malaysia's total trade.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(figures_printed(share), ["43.72 billion ringgit"], "{share}");
}

/// "In 2022, ... $17.5mn. The following year, exports increased to $22.6mn": the year after
/// the one in focus.
#[test]
fn the_following_year_is_the_year_after_the_one_in_focus() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "following.txt",
        "In 2022, Uzbekistan's exports to South Korea were valued at $17.5mn. The following \
         year, exports increased to $22.6mn reflecting 29.1% rise, and in 2024, they further \
         dropped to $19.5mn, reflecting a 13.7% drop from the previous year.\n",
    );
    let changes = claims_of(&doc, "change");
    let by_says = |w: &str| {
        *changes
            .iter()
            .find(|c| c["says"].as_str().unwrap().contains(w))
            .unwrap_or_else(|| panic!("no change {w} in {doc}"))
    };
    assert_eq!(periods(by_says("29.1%")), ["2022", "2023"]);
    assert_eq!(periods(by_says("13.7%")), ["2023", "2024"]);
    assert_eq!(by_says("13.7%")["verdict"], "consistent");
}

/// A total and flows of its period paragraphs apart, that add up: its parts.
#[test]
fn a_total_is_summed_from_flows_far_off_that_add_up() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "far-sum.txt",
        "In 2022, the total trade volume between Uzbekistan and South Korea was approximately \
         $1.3bn. The trade relationship has evolved. Officials met twice. Talks went well. \
         Ministers spoke. Both sides agreed. A forum was held. Firms took part. More talks are \
         planned.\n\nWhen examining the components of this trade, imports from South Korea \
         played a major role. In 2022, Uzbekistan imported $1.28bn worth of goods from South \
         Korea. In 2022, exports from Uzbekistan to South Korea were valued at $17.5mn.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$1.3bn", "$17.5mn", "$1.28bn"],
        "{sum}"
    );
    assert_eq!(sum["verdict"], "consistent");
}

/// A rate of a sentence about trade that pairs with no printed amount is still said, as
/// unverifiable; a rate "of" something that is not trade is not.
#[test]
fn a_trade_rate_without_an_amount_is_said_and_never_dropped() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "rates-alone.txt",
        "Exports declined by 15% compared to the previous year, while imports rose by 6.3%. \
         Japan came second with a share of just over 15 percent. China is the largest \
         producer of steel and a big buyer of South African exports, accounting for 57.4% of \
         global steel production.\n",
    );
    let says: Vec<(&str, &str, &str)> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["says"].as_str().unwrap(),
                c["kind"].as_str().unwrap(),
                c["verdict"].as_str().unwrap(),
            )
        })
        .collect();
    for (rate, kind) in [
        ("15%", "change"),
        ("6.3%", "change"),
        ("15 percent", "share"),
    ] {
        assert!(
            says.iter()
                .any(|(s, k, v)| s.contains(rate) && *k == kind && *v == "unverifiable"),
            "{rate}: {says:?}"
        );
    }
    assert!(
        !says.iter().any(|(s, _, _)| s.contains("57.4%")),
        "{says:?}"
    );
}

/// "By the first half of 2023, exports had increased to $368.5mn ... The upward trajectory
/// continued into 2024, with exports reaching $448.3mn, marking a 21.7% rise from 2023": a
/// bare year right after a run of months from January is those months of it; a sentence
/// that opens with its year, or a paragraph later, is the whole year.
#[test]
fn a_bare_year_right_after_the_first_months_is_those_months() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "half.txt",
        "In the first half of 2022, Uzbekistan's exports to Afghanistan were valued at \
         $364.4mn. By the first half of 2023, exports had increased to $368.5mn. The upward \
         trajectory continued into 2024, with exports reaching $448.3mn, marking a 21.7% rise \
         from 2023 and a significant 23.1% increase from 2022.\n\n\
         In 2016, Uzbekistan's exports to Afghanistan grew by 2.2 percent to $69.5 billion.\n",
    );
    let changes = claims_of(&doc, "change");
    let by_says = |w: &str| {
        *changes
            .iter()
            .find(|c| c["says"].as_str().unwrap().contains(w))
            .unwrap_or_else(|| panic!("no change {w} in {doc}"))
    };
    assert_eq!(periods(by_says("21.7%")), ["2023-H1", "2024-H1"]);
    assert_eq!(by_says("21.7%")["verdict"], "consistent");
    assert_eq!(periods(by_says("23.1%")), ["2022-H1", "2024-H1"]);
    assert_eq!(periods(by_says("2.2 percent")), ["2016"]);
}

/// "increased by an impressive 22 per cent from last year ($2.77 billion) ... Mexico
/// overtook Brazil ($2.3 billion)": the bracket after the base period is the base, the new
/// value is not printed; the bracket after another economy is that economy's.
#[test]
fn a_base_in_brackets_with_no_new_value_is_the_base_alone() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "bracket-base.txt",
        "But India's exports to Mexico have increased by an impressive 22 per cent from last \
         year ($2.77 billion). In Latin America, Mexico overtook Brazil ($2.3 billion) in 2016 \
         as the largest market for India's exports. India's vehicle exports to Mexico have \
         increased by an incredible 56 per cent from 2015 ($1.17 billion).\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    for (c, base) in changes.iter().zip(["$2.77 billion", "$1.17 billion"]) {
        assert_eq!(figures_printed(c), [base], "{c}");
        assert_eq!(c["verdict"], "unverifiable", "{c}");
        assert!(
            c["explanation"]
                .as_str()
                .unwrap()
                .contains("not the new value"),
            "{c}"
        );
    }
    let brazil = number(&doc, "$2.3 billion");
    assert_eq!(brazil["read_as"]["partner"], "BRA", "{brazil}");
}

/// "The country earned US$6.3 billion from exports to ASEAN in 2006, up nearly six times over
/// 1995 and imported US$12.6 billion ...": "from exports" is where money came from, "over
/// 1995" the growth's base, and a growth is no ratio of the two flows.
#[test]
fn a_growth_multiple_over_a_year_is_no_ratio_of_two_flows() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "six-times.txt",
        "The country earned US$6.3 billion from exports to ASEAN in 2006, up nearly six times \
         over 1995 and imported US$12.6 billion from the bloc, resulting in a big trade \
         deficit of US$6.3 billion.\n",
    );
    let multiple = claim(&doc, "multiple");
    assert_eq!(multiple["verdict"], "unverifiable", "{multiple}");
    assert_eq!(figures_printed(multiple), ["US$6.3 billion"], "{multiple}");
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
    assert_eq!(periods(balance), ["2006", "2006", "2006"], "{balance}");
}

/// "Last year, exports and imports amounted to $1.173 billion and $774.989 million,
/// respectively, narrowing the surplus to $398.041 million versus $453.116 million in 2021":
/// the year after "versus" and an amount is the base's, not the flows'; "up 16.34 per cent
/// from $136.31 million" after "up 4.29 per cent from $152.05 million" is of the level, not
/// of the other base.
#[test]
fn a_year_said_with_a_compared_amount_is_the_base_period() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "versus.txt",
        "Trade between Cambodia and Japan totalled $1.948 billion in 2022. Last year, \
         Cambodian goods exports to and imports from Japan amounted to $1.173 billion and \
         $774.989 million, respectively, narrowing the Kingdom's trade surplus to $398.041 \
         million versus $453.116 million in 2021. In December 2022, trade between Cambodia \
         and Japan was $158.58 million, up 4.29 per cent from $152.05 million in December 2021 \
         and up 16.34 per cent from $136.31 million in November 2022.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(periods(sum), ["2022", "2022", "2022"], "{sum}");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    let changes = claims_of(&doc, "change");
    let later = changes
        .iter()
        .find(|c| c["says"].as_str().unwrap().contains("16.34"))
        .unwrap();
    assert_eq!(
        figures_printed(later),
        ["$136.31 million", "$158.58 million"],
        "{later}"
    );
}

/// "Egyptian exports to Germany amounted to $463m in H1 2024, up from $417m in the same
/// period of 2023 ... imports from Germany reached $2bn, compared to $1.9bn": "H1 2024" is
/// the first half; the amount after "compared to" is the base, a year before.
#[test]
fn h1_and_a_base_after_the_new_value_in_the_clause_before() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "h1.txt",
        "Trade between Egypt and Germany rose 4.2% to $2.5bn during the first half of 2024, \
         compared to $2.4bn in the same period of 2023.\n\n\
         Egyptian exports to Germany amounted to $463m in H1 2024, up from $417m in the same \
         period of 2023, an 11% increase. On the other hand, Egyptian imports from Germany \
         reached $2bn, compared to $1.9bn, a 5.3% rise.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 2, "{doc}");
    assert_eq!(periods(sums[0]), ["2024-H1", "2024-H1", "2024-H1"]);
    assert_eq!(periods(sums[1]), ["2023-H1", "2023-H1", "2023-H1"]);
    let rise = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("5.3%"))
        .unwrap();
    assert_eq!(periods(rise), ["2023-H1", "2024-H1"], "{rise}");
    assert_eq!(rise["verdict"], "consistent", "{rise}");
}

/// "Exports amounted to €479.8 million ... Serbia was the top export destination, accounting
/// for €138.9 million, followed by Slovenia (€27.8 million) ... Exports declined by 15%": a
/// rate that names no partner is of the flow printed with none.
#[test]
fn a_rate_naming_no_partner_is_of_the_total_flow() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "total-flow.txt",
        "Montenegro's foreign trade from January to October totaled €3.88 billion. Exports \
         amounted to €479.8 million, while imports reached €3.4 billion.\n\n\
         Serbia was the top export destination, accounting for €138.9 million, followed by \
         Slovenia (€27.8 million). On the import side, Serbia led again with €589.2 million.\n\n\
         Exports declined by 15% compared to the previous year, while imports rose by 6.3%.\n",
    );
    let changes = claims_of(&doc, "change");
    let of = |w: &str| {
        figures_printed(
            changes
                .iter()
                .find(|c| c["says"].as_str().unwrap().contains(w))
                .unwrap(),
        )
    };
    assert_eq!(of("15%"), ["€479.8 million"]);
    assert_eq!(of("6.3%"), ["€3.4 billion"]);
}

/// "$3.71 billion, 34.33 per cent higher than $2.76 billion during 2001-02": past the comma,
/// the rate compares the level with the amount after "than" — the level is no difference.
#[test]
fn a_level_then_a_rate_higher_than_an_amount() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "higher-than.txt",
        "Belgium's exports to India during the last financial year were estimated at $3.71 \
         billion, 34.33 per cent higher than $2.76 billion during 2001-02.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$2.76 billion", "$3.71 billion"],
        "{change}"
    );
    assert_ne!(change["verdict"], "inconsistent", "{change}");
    assert_ne!(change["verdict"], "unverifiable", "{change}");
}

/// "Colombia's trade balance was in the red by US$14.2 billion": a deficit.
#[test]
fn a_balance_in_the_red_is_a_deficit() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "red.txt",
        "Colombia's trade balance with China was in the red by US$14.2 billion in 2015, with \
         exports of US$2.3 billion and imports of US$16.5 billion.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent", "{balance}");
}

/// A list of partners, each amount with its share in brackets: every share is of the whole
/// the first item names, not of the item before.
#[test]
fn a_list_of_bracketed_shares_shares_one_whole() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "list.txt",
        "Sweden shipped US$140.1 billion worth of products around the globe in 2015.\n\n\
         1. Norway: US$14.1 billion (10.1% of total Sweden exports)\n\
         2. Germany: $14 billion (10%)\n\
         3. United States: $10.2 billion (7.3%)\n\
         4. United Kingdom: $9.8 billion (7.5%)\n",
    );
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 4, "{doc}");
    for s in &shares {
        assert_eq!(figures_printed(s)[1], "US$140.1 billion", "{s}");
    }
    let verdicts: Vec<&str> = shares
        .iter()
        .map(|s| s["verdict"].as_str().unwrap())
        .collect();
    // 9.8 / 140.1 = 7.0%, not 7.5%.
    assert_eq!(
        verdicts,
        ["consistent", "consistent", "consistent", "inconsistent"]
    );
}

/// "The two-way trade surged to $230 million in 2009, of which Vietnam reaped $126.1 million
/// from exported goods and imported $104 million": the parts are flows, not products.
#[test]
fn of_which_a_country_reaped_from_exports_is_a_flow() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "reaped.txt",
        "The two-way trade between Vietnam and Chile surged to $230 million in 2009, of which \
         Vietnam reaped $126.1 million from exported goods and imported $104 million.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$230 million", "$126.1 million", "$104 million"],
        "{sum}"
    );
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// "Exports to Indonesia increased ... Imports also increased ... a trade deficit of $5.53
/// billion with Indonesia": imports that name no economy are of the side the text speaks
/// from (the Philippines'), so the sum holds and the deficit is flagged.
#[test]
fn a_flow_naming_no_economy_keeps_the_side_the_text_speaks_from() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "side.txt",
        "In 2018 Indonesia was the ninth trading partner of the Philippines. Total bilateral \
         trade was valued at $7.81 billion. Exports to Indonesia increased by 21.79 percent, \
         from $724.21 million in 2017 to $881.99 million in 2018.\n\n\
         Imports also increased by 9.05 percent, from $6.35 billion in 2017 to $6.93 billion \
         in 2018.\n\n\
         This resulted in the Philippines's having a trade deficit of $5.53 billion with \
         Indonesia.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "inconsistent", "{balance}");
}

/// "bringing bilateral trade to $1.98 billion, 52.3 per cent higher than 2014" with 2014's
/// trade printed paragraphs later: the base the text names by its period — here a fall,
/// flagged.
#[test]
fn a_base_named_by_its_year_is_found_anywhere_in_the_text() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "than-year.txt",
        "Bilateral trade between Vietnam and Mexico touched $1.98 billion in 2015, 52.3 per \
         cent higher than 2014.\n\n\
         The embassy gave other figures. Officials met in Hanoi. Talks went well.\n\n\
         In 2014, trade between Vietnam and Mexico reached $2.26 billion.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$2.26 billion", "$1.98 billion"],
        "{change}"
    );
    assert_eq!(change["verdict"], "inconsistent", "{change}");
}

/// "rose 7.2 per cent last year to US$17.98 billion (RM72.60 billion) from US$15.76 billion
/// (RM67.71 billion) in 2017": a bracketed conversion is its amount's figure restated — its
/// period too.
#[test]
fn a_converted_amount_has_the_period_of_the_amount_it_restates() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "converted-period.txt",
        "Two-way trade between Malaysia and South Korea rose 7.2 per cent last year to \
         US$17.98 billion (RM72.60 billion) from US$15.76 billion (RM67.71 billion) in 2017.\n",
    );
    let period = |p: &str| number(&doc, p)["read_as"]["period"].clone();
    assert_eq!(period("RM72.60 billion"), period("US$17.98 billion"));
    assert_eq!(period("RM67.71 billion"), "2017");
    assert_ne!(period("RM72.60 billion"), "2017");
}

/// "imported more than 9 billion euro in 2003": "more than" is a hedge, not a comparison —
/// the year is the sentence's, and the next sentence's; "up more than four percent on 2009"
/// names the base's year.
#[test]
fn more_than_is_a_hedge_and_on_a_year_a_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "hedge.txt",
        "The Netherlands imported more than 9 billion euro worth of goods from China in 2003. \
         Exports to China rose to 1.5 billion euro.\n\n\
         Last year exports from Chile to Japan were worth more than US$7.5 billion, up more \
         than four percent on 2009.\n",
    );
    let period = |p: &str| number(&doc, p)["read_as"]["period"].clone();
    assert_eq!(period("1.5 billion euro"), "2003");
    assert_ne!(period("US$7.5 billion"), "2009");
}

/// "rose 26 percent to around $2.0 billion ..., from $1.5 billion last year": a hedge
/// before either amount does not hide "to" and "from"; nor do "its previous" and "the
/// present" ("from its previous $365 million to the present $236 million").
#[test]
fn from_and_to_are_read_through_hedges_and_pointing_words() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "from-to-hedged.txt",
        "Trade between Kenya and Uganda rose 20 percent to around $1.8 billion in the first \
         half of the year, from $1.2 billion last year.\n\n\
         Kenya's imports from Uganda have increased by 10 percent from its previous $400 \
         million to the present $440 million.\n",
    );
    let changes: Vec<&Json> = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        ["$1.2 billion", "$1.8 billion"],
        "{}",
        changes[0]
    );
    assert_eq!(changes[0]["verdict"], "inconsistent", "{}", changes[0]);
    assert_eq!(
        figures_printed(changes[1]),
        ["$400 million", "$440 million"],
        "{}",
        changes[1]
    );
    assert_eq!(changes[1]["verdict"], "consistent", "{}", changes[1]);
}

/// "which increased by 21% compared to the $3.55 billion exported during the same period
/// last year" with this year's exports printed paragraphs before: the text says which
/// amount is the base, and the one amount of that flow is the new value. With no such
/// amount, the relation says the new value is not printed (not "no base").
#[test]
fn a_base_said_after_the_rate_finds_its_new_value_elsewhere() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "base-after.txt",
        "Turkey exported goods worth $6.0 billion to Egypt in the first five months of the \
         year, the ministry said.\n\n\
         Officials met in Ankara. Talks went well.\n\n\
         The minister praised the growth in exports, which increased by 20% compared to the \
         $5.0 billion exported during the same period last year.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$5.0 billion", "$6.0 billion"],
        "{change}"
    );
    assert_eq!(change["verdict"], "consistent", "{change}");

    let doc = check_text(
        &wd,
        "base-only.txt",
        "The minister praised the growth in exports to Egypt, which increased by 20% \
         compared to the $5.0 billion exported during the same period last year.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["$5.0 billion"], "{change}");
    assert!(
        change["explanation"]
            .as_str()
            .unwrap()
            .contains("not the new value"),
        "{change}"
    );
}

/// "stood at $741 million in the same time in the preceding year but grew by 41 percent,
/// hitting $1.019 billion": a period after an amount that can only be a base's makes it the
/// base.
#[test]
fn an_amount_of_the_preceding_year_is_the_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "preceding.txt",
        "Ghana's exports to Togo stood at $500 million in the same time in the preceding \
         year but grew by 30 percent, hitting $650 million in the said period this year.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$500 million", "$650 million"],
        "{change}"
    );
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// "$68 million in January-June 2025, of which $22 million is exports and $46 million
/// imports": the flows named after the amounts are the parts of the whole, of its period —
/// not a year named in another paragraph ("the 2006 Treaty").
#[test]
fn parts_of_which_take_the_whole_period_and_flows_named_after_them() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "of-which-flows.txt",
        "The countries signed the 2006 Treaty of Friendship.\n\n\
         Trade between Armenia and Georgia totaled $140 million in 2024 and $70 million in \
         January-June 2025, of which $25 million is exports from Armenia and $45 million \
         imports.\n\n\
         Bilateral trade, which was $1.6 billion in 2010, reached $2.05 billion in 2011 \
         (including Chile's exports to Peru at $600 million and Chile's imports from Peru at \
         $1.45 billion).\n",
    );
    let period = |p: &str| number(&doc, p)["read_as"]["period"].clone();
    assert_eq!(period("$25 million"), "2025-H1");
    assert_eq!(period("$45 million"), "2025-H1");
    assert_eq!(period("$600 million"), "2011");
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(sums[0]),
        ["$70 million", "$25 million", "$45 million"],
        "{}",
        sums[0]
    );
    assert_eq!(sums[0]["verdict"], "consistent", "{}", sums[0]);
    assert_eq!(sums[1]["verdict"], "consistent", "{}", sums[1]);
}

/// "reached AED24 billion, including AED4 billion in imports, AED2.8 billion in exports and
/// AED17.3 billion in re-exports": re-exports are not the exports, and a total listed as
/// three flows is their sum — an error in any of them is flagged.
#[test]
fn a_total_listed_as_three_flows_with_re_exports_is_their_sum() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "re-exports.txt",
        "Dubai's trade with Oman in 2019 reached AED30.5 billion, including AED5.1 billion \
         in imports, AED3.2 billion in exports and AED20.4 billion in re-exports.\n",
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        [
            "AED30.5 billion",
            "AED5.1 billion",
            "AED3.2 billion",
            "AED20.4 billion"
        ],
        "{sum}"
    );
    assert_eq!(sum["verdict"], "inconsistent", "{sum}");
    assert_eq!(
        number(&doc, "AED20.4 billion")["read_as"]["commodity"],
        "re-exports"
    );
}

/// "Investments valued at $73.70 million ..., an annual hike of 98.70% from $37.10
/// million": the rate and the base of money that is not trade are not trade figures; and
/// "stood at $888.50 million as of 31 December 2022, down 11.60% YoY from $1 billion": a
/// base said year on year is a year before.
#[test]
fn a_rate_of_investment_is_ignored_and_a_yoy_base_is_a_year_before() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "investment-yoy.txt",
        "Korea pumped investments valued at $80.50 million in Ghana during fiscal year (FY) \
         2021/2022, an annual hike of 50.30% from $53.52 million.\n\n\
         Trade between Ghana and Korea rose in 2022.\n\n\
         Ghana's imports from Korea stood at $450.50 million as of 31 December 2022, down \
         9.90% YoY from $500.00 million.\n",
    );
    assert_eq!(number(&doc, "50.30%")["role"], "ignored", "{doc}");
    assert_eq!(number(&doc, "$53.52 million")["role"], "ignored", "{doc}");
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$500.00 million", "$450.50 million"],
        "{change}"
    );
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// "Azerbaijan has increased the trade turnover with Italy by $6.4 billion in the first
/// seven months of 2022", this year's and last year's turnovers printed paragraphs later
/// ("During the corresponding period of 2021" is those months of 2021): the difference
/// between them.
#[test]
fn a_difference_finds_its_two_amounts_in_other_paragraphs() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "difference-far.txt",
        "Georgia has increased the trade turnover with Armenia by $2.5 billion in the first \
         seven months of 2022, the agency reports.\n\n\
         In January-July, the trade turnover between the two countries amounted to $7.3 \
         billion.\n\n\
         During the corresponding period of 2021, the trade turnover between Georgia and \
         Armenia amounted to $4.6 billion.\n",
    );
    assert_eq!(
        number(&doc, "$4.6 billion")["read_as"]["period"],
        "2021-01..2021-07"
    );
    let difference = claim(&doc, "difference");
    assert_eq!(
        figures_printed(difference),
        ["$2.5 billion", "$4.6 billion", "$7.3 billion"],
        "{difference}"
    );
    assert_eq!(difference["verdict"], "inconsistent", "{difference}");
}

/// "rose from CHF31.2 billion in 2000 to CHF46.5 billion in 2010. This corresponds to
/// average annual growth of 4.1%": the yearly rate compounded over the ten years, not the
/// plain change (+49%); the claims file says `annual_change(base, new, 10)`, which
/// `verify` reads.
#[test]
fn an_average_annual_rate_is_compounded_over_the_years_between() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "average.txt",
        "Swiss exports to Austria rose from CHF31.2 billion in 2000 to CHF46.5 billion in \
         2010. This corresponds to average annual growth of 4.1%.\n\n\
         Swiss imports from Austria rose from CHF20.4 billion in 2000 to CHF30.6 billion in \
         2010, an annual average growth rate of about five percent.\n",
    );
    // (Each "rose" is checked as a direction too.)
    let changes: Vec<&Json> = claims_of(&doc, "change")
        .into_iter()
        .filter(|c| c["says"] != "rose")
        .collect();
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        ["CHF31.2 billion", "CHF46.5 billion"],
        "{}",
        changes[0]
    );
    assert_eq!(changes[0]["verdict"], "consistent", "{}", changes[0]);
    assert!(
        changes[0]["explanation"]
            .as_str()
            .unwrap()
            .contains("annual_change("),
        "{}",
        changes[0]
    );
    // (30.6 / 20.4)^(1/10) − 1 = 4.1%: not "about five percent".
    assert_eq!(changes[1]["verdict"], "inconsistent", "{}", changes[1]);

    wd.run(&["check", "average.txt", "--emit-claims", "average.toml"]);
    let toml = std::fs::read_to_string(wd.path("average.toml")).unwrap();
    assert!(toml.contains(", 10)"), "{toml}");
    let run = wd.run(&["verify", "average.toml", "--format", "json"]);
    let verified: Json = serde_json::from_str(&run.stdout).unwrap();
    let verdicts: Vec<&str> = verified["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["consistent", "inconsistent"], "{verified}");
}

/// "the second largest economy of the Americas", "the American country" in a text about
/// Cambodia and Canada are not the United States; "(2020: €19 billion)" is 2020's amount.
#[test]
fn the_americas_are_no_demonym_and_a_year_label_dates_its_amount() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "americas.txt",
        "Cambodia's exports to the second largest economy of the Americas rose in 2022, \
         expanding the Kingdom's trade surplus with the American country by 18.8 per cent to \
         $1.087 billion versus $914.9 million in 2021.\n\n\
         In 2021, bilateral trade between Germany and Mexico amounted to more than €20 \
         billion (2020: €19 billion).\n",
    );
    let surplus = number(&doc, "$1.087 billion");
    assert_ne!(surplus["read_as"]["partner"], "USA", "{surplus}");
    assert_ne!(surplus["read_as"]["reporter"], "USA", "{surplus}");
    assert_eq!(number(&doc, "€19 billion")["read_as"]["period"], "2020");
}

/// "trade saw a 13-fold surge, to 4.88 billion USD from 378 million USD" (2022 and 2007),
/// then "In 2023, the bilateral trade stood at 3.45 billion USD, down 29.6% year-on-year":
/// the base is the year before, not the nearest amount printed; and "after recording
/// US$2,128.7 million in exports in 2022" is 2022's.
#[test]
fn a_year_on_year_change_takes_the_year_before_from_another_sentence() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "yoy-far.txt",
        "Between 2007 and 2022, trade between Peru and Vietnam saw a 13-fold surge, to 4.88 \
         billion USD from 378 million USD. Peru currently stands as a leading supplier.\n\n\
         In 2023, the bilateral trade stood at 3.45 billion USD, down 29.6% year-on-year.\n\n\
         Peru's exports to Vietnam decreased by 18.82 percent to US$1,728 million in 2023 \
         after recording US$2,128.7 million in exports in 2022.\n",
    );
    let change = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("29.6%"))
        .unwrap();
    assert_eq!(
        figures_printed(change),
        ["4.88 billion USD", "3.45 billion USD"],
        "{change}"
    );
    assert_eq!(change["verdict"], "inconsistent", "{change}");
    assert_eq!(
        number(&doc, "US$2,128.7 million")["read_as"]["period"],
        "2022"
    );
}

/// "In the first quarter of the preceding year, the trade turnover amounted to $625.1
/// million" after 2024-Q1's: those months a year before ("last year", said from the day of
/// writing, is left as it was); "$676 million of Israeli exports" names its flow after a
/// demonym.
#[test]
fn months_of_the_preceding_year_and_a_flow_after_a_demonym() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "preceding-months.txt",
        "In the first quarter of 2024, trade between Georgia and China reached $748.8 million, \
         an increase of $123.7 million.\n\n\
         In the first quarter of the preceding year, the trade turnover between Georgia and \
         China amounted to $625.1 million.\n",
    );
    assert_eq!(
        number(&doc, "$625.1 million")["read_as"]["period"],
        "2023-Q1"
    );
    let difference = claim(&doc, "difference");
    assert_eq!(difference["verdict"], "consistent", "{difference}");
    let doc = check_text(
        &wd,
        "demonym-flow.txt",
        "Bilateral trade between Israel and Japan in 2007 was about $2.48b., including $676 \
         million of Israeli exports and $1.8b. of imports from Japan.\n",
    );
    assert_eq!(
        number(&doc, "$676 million")["read_as"]["measure"],
        "exports"
    );
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$2.48b", "$676 million", "$1.8b"],
        "{sum}"
    );
}

/// "imports increased by 82.6%, rising from CFA517.9 billion in 2017 to CFA946.1 billion in
/// 2023": the CFA franc is a currency (which one, the text does not say); "increased by 3.9%
/// to RM 5.04 billion (USD 1.17 billion) from RM 4.85 billion (USD 1.17 billion) in 2016"
/// pairs the ringgit amounts, the year after "from ..." the base's; "committed to
/// increasing trade to $5 billion" is a goal.
#[test]
fn cfa_francs_conversions_between_from_and_to_and_goals_said_with_a_gerund() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "cfa.txt",
        "Over this period, Gabon's imports from China increased by 82.6%, rising from \
         CFA517.9 billion in 2017 to CFA946.1 billion in 2023.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["CFA517.9 billion", "CFA946.1 billion"],
        "{change}"
    );
    assert_eq!(change["verdict"], "inconsistent", "{change}");

    let doc = check_text(
        &wd,
        "conversions.txt",
        "In 2017, trade between Malaysia and Nepal increased by 3.5% to RM 5.76 billion.\n\n\
         Export increased by 3.9% to RM 5.04 billion (USD 1.17 billion) from RM 4.85 billion \
         (USD 1.17 billion) in 2016.\n",
    );
    let change = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("3.9%"))
        .unwrap();
    assert_eq!(
        figures_printed(change),
        ["RM 4.85 billion", "RM 5.04 billion"],
        "{change}"
    );
    assert_eq!(number(&doc, "RM 5.04 billion")["read_as"]["period"], "2017");

    let doc = check_text(
        &wd,
        "gerund-goal.txt",
        "Turkey and Oman expressed commitment to increasing bilateral trade volume to $5 \
         billion from its current level of $3.1 billion.\n",
    );
    assert_eq!(number(&doc, "$5 billion")["role"], "ignored", "{doc}");
}

/// "in the ten months of 2006" is January to October; "since 2001, when the total trade was
/// $252 million" is 2001's amount; "Turkey almost tripled its exports to Libya last year"
/// names its flow after the multiple, its amounts in the next sentence.
#[test]
fn ten_months_since_when_and_a_lead_naming_its_flow_after_the_rate() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "months-since.txt",
        "Total bilateral trade between India and Poland was worth $552 million in the first \
         ten months of 2006.\n\n\
         During the previous year 2005 total trade turnover was $568 million, the highest \
         since 2001, when the total trade was a meager $252 million.\n\n\
         Polish exports to India were worth $158 million in the ten months of 2006. Polish \
         imports from India were $394 million in the same period.\n",
    );
    let period = |p: &str| number(&doc, p)["read_as"]["period"].clone();
    assert_eq!(period("$158 million"), "2006-01..2006-10");
    assert_eq!(period("$252 million"), "2001");
    assert_eq!(claim(&doc, "sum")["verdict"], "consistent");

    let doc = check_text(
        &wd,
        "lead-after.txt",
        "Turkey almost tripled its exports to Libya last year.\n\n\
         In 2012, Turkish exports to Libya were $2.1 billion, up from $747 million in 2011.\n",
    );
    let multiple = claim(&doc, "multiple");
    assert_eq!(
        figures_printed(multiple),
        ["$747 million", "$2.1 billion"],
        "{multiple}"
    );
    assert_eq!(multiple["verdict"], "consistent", "{multiple}");
}

/// "Over the eight months, trade between Kazakhstan and Romania amounted to US$1.045
/// billion ... exports ... US$1.0 billion, imports ... US$48 million. Kazakhstan's trade
/// with EU member states ... exceeding US$26 billion": the EU total is no sum of the
/// pair's flows.
#[test]
fn a_total_with_a_group_is_not_made_of_the_pairs_flows() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "group-total.txt",
        "Trade turnover between Kazakhstan and Romania grows\n\n\
         Over the eight months of the current year, trade between Kazakhstan and Romania \
         amounted to US$1.045 billion. Exports amounted to US$997 million, whereas imports \
         amounted to only US$48 million. Kazakhstan's mutual trade with EU member states \
         has increased this year, exceeding US$26 billion. Exports of domestic goods to the \
         EU grew to more than US$22 billion.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert!(sums.iter().all(|c| c["says"] != "US$26 billion"), "{doc}");
    assert!(
        sums.iter()
            .any(|c| c["says"] == "US$1.045 billion" && c["verdict"] == "consistent"),
        "{doc}"
    );
}

/// "increased by 26.1 per cent to RM25.51 billion from the RM20.23 billion recorded in
/// 2016": "from the RM..." is an amount, not a place ("from the United States"), so the
/// new value keeps the sentence's 2017; "$741thnd" is thousands.
#[test]
fn from_the_amount_is_a_base_and_thnd_is_thousands() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "from-the.txt",
        "In 2017, bilateral trade between Malaysia and Brunei increased by 26.1 per cent to \
         RM25.51 billion from the RM20.23 billion recorded in 2016.\n\n\
         In 2007, trade between Armenia and Brunei totaled $8.64mln: commodities worth \
         $741thnd were exported from Armenia to Brunei and imports from Brunei were $7.9mln.\n",
    );
    assert_eq!(number(&doc, "RM25.51 billion")["read_as"]["period"], "2017");
    assert_eq!(claim(&doc, "change")["verdict"], "consistent");
    // $8.64 million = $741 thousand + $7.9 million: only with "thnd" read as thousands.
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$8.64mln", "$7.9mln", "$741thnd"],
        "{sum}"
    );
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// "paper products and favorite food skyrocketed by 168.6% and 165% with $3.6 million and
/// $3.1 million respectively": each rate leads to its own amount, its base not printed —
/// never another flow's amounts printed earlier.
#[test]
fn rates_listed_respectively_with_amounts_take_their_own() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "respectively-amounts.txt",
        "Bangladesh's export to Japan increased by 22.9% with $678 million in 2022 from $552 \
         million in the previous year.\n\n\
         RMG recorded $564 million in 2022, while paper products and favorite food \
         skyrocketed by 168.6% and 165% with $3.6 million and $3.1 million respectively.\n",
    );
    let said = |p: &str| {
        claims_of(&doc, "change")
            .into_iter()
            .find(|c| c["says"].as_str().unwrap().contains(p))
            .unwrap()
    };
    assert_eq!(figures_printed(said("168.6%")), ["$3.6 million"]);
    assert_eq!(figures_printed(said("165%")), ["$3.1 million"]);
    assert_eq!(said("165%")["verdict"], "unverifiable");
}

/// "with Bangladesh's import from the country standing at $196 million": a verb that gives
/// the flow its value comes before the amount, so "from" opens no base — the amount keeps
/// the sentence's 2013 and the year's sum and balance are found.
#[test]
fn imports_from_the_country_standing_at_an_amount_are_no_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "from-the-country.txt",
        "Bangladesh's export to Turkey during 2013 was $1 billion. The total bilateral trade \
         volume between Bangladesh and Turkey during 2013 stood at $1.2 billion with \
         Bangladesh's import from the country standing at $196 million. Bangladesh had a \
         trade surplus of $809 million during the period.\n",
    );
    assert_eq!(number(&doc, "$196 million")["read_as"]["period"], "2013");
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$1.2 billion", "$1 billion", "$196 million"],
        "{sum}"
    );
    assert_eq!(sum["verdict"], "consistent", "{sum}");
    // 1,000 - 196 = 804 against 809: only "$1 billion" printed to one digit makes them agree.
    assert_eq!(claim(&doc, "balance")["verdict"], "consistent-by-rounding");
}

/// "A major increase is also observed in Polish investments in Belarus. These went up from
/// $32.7 million ...": a sentence opened by a pronoun speaks of the money the sentence
/// before it spoke of, and so does an aside in brackets; none of it is trade.
#[test]
fn a_pronoun_after_a_sentence_on_investment_is_not_trade() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "pronoun-investment.txt",
        "Overall, trade turnover between Poland and Belarus in 2006 reached $2.4 billion, and \
         was 2.7 times higher than four years ago.\n\n\
         A major increase is also observed in Polish investments in Belarus. These went up \
         from $32.7 million in 2005 to $61.4 million in 2006. That is an almost 15-fold \
         increase over 2002 (up from $4.1 million).\n",
    );
    for printed in ["$32.7 million", "$61.4 million", "$4.1 million", "15-fold"] {
        assert_eq!(number(&doc, printed)["role"], "ignored", "{printed}: {doc}");
    }
    assert!(
        doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["verdict"] != "inconsistent"),
        "{doc}"
    );
}

/// "Polish exports went up by 32.1 per cent (up to $765 million), and Belarussian ones by
/// 21.9 per cent (up to $1 billion)": the verb left out, the rate is still a change, and the
/// amount in its bracket is its new value.
#[test]
fn a_rate_with_its_verb_left_out_takes_the_direction_in_its_bracket() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "elided-verb.txt",
        "In 2006 Polish exports to Belarus went up by 32.1 per cent (up to $765 million), and \
         Belarussian ones by 21.9 per cent (up to $1 billion).\n",
    );
    let changes = claims_of(&doc, "change");
    let said = changes
        .iter()
        .find(|c| c["says"].as_str().unwrap().contains("21.9"))
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(figures_printed(said), ["$1 billion"], "{said}");
}

/// Services trade beside goods trade: "turnover in services", "export ... in the services
/// sector" are services' flows, so a total of goods and services is never compared with
/// services alone, and services' own total is the sum of services' flows.
#[test]
fn services_flows_are_apart_from_the_total() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "services.txt",
        "Turnover between Poland and Belarus in services amounted in 2002 to $389.4 million. \
         Overall, trade turnover between Poland and Belarus in 2006 reached $2.4 billion, 2.7 \
         times higher than in 2002.\n\n\
         In the first quarter of 2018, India's export to the U.S. in the services sector was \
         $7 billion and America's export to India in the services sector was $6.3 billion. \
         Total bilateral trade in services in the first quarter was $13.3 billion.\n",
    );
    assert_eq!(
        number(&doc, "$389.4 million")["read_as"]["commodity"],
        "services"
    );
    assert_eq!(
        number(&doc, "$2.4 billion")["read_as"]["commodity"],
        serde_json::Value::Null
    );
    let multiple = claim(&doc, "multiple");
    assert_eq!(multiple["verdict"], "unverifiable", "{multiple}");
    let sum = claim(&doc, "sum");
    assert_eq!(
        figures_printed(sum),
        ["$13.3 billion", "$7 billion", "$6.3 billion"],
        "{sum}"
    );
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// A Spanish text that groups thousands with dots: "1.413 millones" is 1,413 million, so
/// 960 − 1,413 is the deficit of 452 million (by rounding), not a contradiction.
#[test]
fn dots_group_thousands_in_a_text_that_uses_them_so() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "dot-groups.txt",
        "En 2014, la balanza comercial entre Argentina y México sumó apenas 2.351 millones de \
         dólares. En 2015, entre enero y noviembre, el saldo negativo fue de 452 millones de \
         dólares, producto de exportaciones por 960 millones e importaciones por 1.413 \
         millones de dólares.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(balance["verdict"], "consistent-by-rounding", "{balance}");
    // An English text keeps the dot a decimal point.
    let english = check_text(
        &wd,
        "dot-decimal.txt",
        "In 2015, Argentina's exports to Mexico were $1.413 million and its imports from \
         Mexico $0.96 million, a surplus of $0.453 million.\n",
    );
    assert_eq!(claim(&english, "balance")["verdict"], "consistent");
}

/// "rose from 6.3 to 26.7 billion dollars", "de 6.371 a 26.760 millones de dólares": the
/// first number of a range shares the scale and currency printed after the second.
#[test]
fn the_start_of_a_range_shares_the_scale_of_its_end() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "range-scale.txt",
        "Imports of South Korea from Chile increased 251.5 percent from 3.3 to 11.6 billion \
         dollars between 1994 and 2009.\n",
    );
    assert_eq!(number(&doc, "3.3")["role"], "figure", "{doc}");
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["3.3", "11.6 billion dollars"],
        "{change}"
    );
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// Multiples in the languages of the corpus: "casi 4,8 veces más" and "se quintuplicaron"
/// are multiples, not counts.
#[test]
fn multiples_are_read_in_other_languages() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "multiples-es.txt",
        "El comercio entre Corea del Sur y Chile alcanzó 5.330 millones de dólares en 2009, \
         casi 4,8 veces más que en 1994. Con Brasil, los flujos comerciales casi se \
         quintuplicaron, hasta alcanzar 9.050 millones de dólares.\n",
    );
    let multiples = claims_of(&doc, "multiple");
    assert_eq!(multiples.len(), 2, "{doc}");
    assert_eq!(number(&doc, "4,8 veces")["role"], "figure");
}

/// "increased by 46.9% in the first 10 months of 2021, amounting to $890 million, compared
/// to $286.6 million during the same period in 2020": the text names the base and the new
/// value itself, so a rate far from them is the text's error — flagged, not doubted as a
/// misreading.
#[test]
fn a_rate_far_from_the_amounts_the_text_names_is_inconsistent() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "named-pair.txt",
        "The value of trade exchange between Egypt and South Korea increased by 46.9% in the \
         first 10 months of 2021, amounting to $890 million, compared to $286.6 million \
         during the same period in 2020.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$286.6 million", "$890 million"],
        "{change}"
    );
    assert_eq!(change["verdict"], "inconsistent", "{change}");
}

/// "increased at an annualized rate of 13.7 percent from $7.8 billion in 2009 to $14.8
/// billion in 2014" is an average yearly change over five years (no tariff "rate");
/// "a 27.78 percent upsurge to US$ 215 million ..., from US$ 168 million" is a change.
#[test]
fn an_annualized_rate_averages_and_an_upsurge_is_a_change() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "annualized.txt",
        "Over the last five years, imports of Ghana from Switzerland have increased at an \
         annualized rate of 13.7 percent from $7.8 billion in 2009 to $14.8 billion in \
         2014.\n\n\
         Bilateral trade between the UAE and Indonesia witnessed a 27.78 percent upsurge to \
         US$ 215 million during the first seven months of 2021, from US$ 168 million during \
         the same period in 2020.\n",
    );
    let changes = claims_of(&doc, "change");
    let said = |p: &str| {
        changes
            .iter()
            .find(|c| c["says"].as_str().unwrap().contains(p))
            .unwrap_or_else(|| panic!("{p}: {doc}"))
    };
    assert_eq!(said("13.7")["verdict"], "consistent", "{doc}");
    assert!(
        said("13.7")["explanation"]
            .as_str()
            .unwrap()
            .contains("annual_change"),
        "{doc}"
    );
    assert_eq!(
        figures_printed(said("27.78")),
        ["US$ 168 million", "US$ 215 million"]
    );
}

/// A text written from one economy (South Africa's, named with "'s") listing its flows with
/// three partners: "exports to China" are South Africa's (not the other pair member's),
/// "R130.6bn from India" is with India, and each "surplus in favour of X of R..." is X's
/// with South Africa — three balances found and checked.
#[test]
fn a_list_of_partners_keeps_each_amount_with_its_own() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "partners-list.txt",
        "Brazil is South Africa's third-largest trading partner. In 2022, China accounted for \
         9.4% of South Africa's exports and 20.2% of South Africa's imports.\n\n\
         In rand terms, exports to China totalled R188.4 billion, while exports to India were \
         R90.1bn and exports to Brazil were R8.3bn. South Africa imported R367.4bn from \
         China, R130.6bn from India and R26.1bn from Brazil, resulting in a trade surplus in \
         favour of China worth R179bn, in favour of India of R40.5bn and in favour of Brazil \
         of R17.8bn.\n",
    );
    assert_eq!(number(&doc, "R188.4 billion")["read_as"]["reporter"], "ZAF");
    assert_eq!(number(&doc, "R130.6bn")["read_as"]["partner"], "IND");
    let balances = claims_of(&doc, "balance");
    for (total, parts) in [
        ("R179bn", ["R367.4bn", "R188.4 billion"]),
        ("R40.5bn", ["R130.6bn", "R90.1bn"]),
        ("R17.8bn", ["R26.1bn", "R8.3bn"]),
    ] {
        let b = balances
            .iter()
            .find(|c| c["says"] == total)
            .unwrap_or_else(|| panic!("{total}: {doc}"));
        assert_eq!(figures_printed(b), [total, parts[0], parts[1]], "{b}");
        assert_eq!(b["verdict"], "consistent", "{b}");
    }
}

/// "in 2023H1", "from 2022H2's $10.69 million": halves glued to their year; "up 8.0 per
/// cent half-on-half from $215.39 million" compares with the half before (2022-H2), not a
/// year before; "imports from the world's officially most populous nation" are from a
/// country, not the world.
#[test]
fn glued_halves_and_half_on_half_bases() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "halves.txt",
        "The volume of goods exchanged between Cambodia and India in 2023H1 totalled \
         $232.590 million, up 3.55 per cent year-on-year from $224.612 million and up 8.0 \
         per cent half-on-half from $215.39 million. Cambodia's imports from the world's \
         officially most populous nation stood at $109.019 million.\n",
    );
    assert_eq!(
        number(&doc, "$232.590 million")["read_as"]["period"],
        "2023-H1"
    );
    assert_eq!(
        number(&doc, "$224.612 million")["read_as"]["period"],
        "2022-H1"
    );
    assert_eq!(
        number(&doc, "$215.39 million")["read_as"]["period"],
        "2022-H2"
    );
    assert_eq!(
        number(&doc, "$109.019 million")["read_as"]["partner"],
        "IND"
    );
    for c in claims_of(&doc, "change") {
        assert_eq!(c["verdict"], "consistent", "{c}");
    }
    assert_eq!(claims_of(&doc, "change").len(), 2, "{doc}");
}

/// "with the balance of trade heavily in favor of the Philippines, which exported 4
/// billion euros, and Germany exported 2.5 billion euros": the relative pronoun's economy
/// owns the flow, so the two exports are the two sides of the total.
#[test]
fn which_exported_is_the_named_economys_flow() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "which-exported.txt",
        "Bilateral trade between Germany and the Philippines in 2019 stood at 6.5 billion \
         euros with the balance of trade heavily in favor of the Philippines, which exported \
         4 billion euros, and Germany exported 2.5 billion euros worth only.\n",
    );
    assert_eq!(
        number(&doc, "4 billion euros")["read_as"]["reporter"],
        "PHL"
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{sum}");
}

/// "from ... to" and fractions in the languages of the corpus: "passando de 9.679 para
/// 10.100,6 milhões de euros" pairs base and new value; "wuchsen ... um ein Fünftel auf
/// 1,6 Milliarden Euro" is a change by a fifth, its base not printed.
#[test]
fn from_to_and_fractions_in_other_languages() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "foreign-from-to.txt",
        "As exportações de Portugal para França cresceram 4,4%, passando de 9.679 para \
         10.100,6 milhões de euros em 2023.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["9.679", "10.100,6 milhões de euros"],
        "{change}"
    );
    assert_eq!(change["verdict"], "consistent", "{change}");
    let german = check_text(
        &wd,
        "fraction-de.txt",
        "Die deutschen Importe aus der Ukraine wuchsen im ersten Halbjahr 2024 um ein \
         Fünftel auf 1,6 Milliarden Euro.\n",
    );
    let change = claim(&german, "change");
    assert_eq!(figures_printed(change), ["1,6 Milliarden Euro"], "{change}");
    assert_eq!(change["verdict"], "unverifiable", "{change}");
}

/// "Azerbaijan's commercial turnover with Turkmenistan was $710.3 million during January
/// through October 2023 ($377.2 million year on year). As a result, the two countries'
/// trade turnover surged by 88.31 percent.": the bracketed amount is the same months a year
/// before, and "As a result" speaks of the amounts of the sentence before.
#[test]
fn a_bracketed_year_on_year_amount_is_the_base_of_the_next_sentences_rate() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "bracket-yoy.txt",
        "Azerbaijan's commercial turnover with Turkmenistan was $710.3 million during January \
         through October 2023 ($377.2 million year on year). As a result, the two countries' \
         trade turnover surged by 88.31 percent.\n",
    );
    assert_eq!(
        number(&doc, "$377.2 million")["read_as"]["period"],
        "2022-01..2022-10"
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$377.2 million", "$710.3 million"],
        "{change}"
    );
    assert_eq!(change["verdict"], "consistent", "{change}");
}

/// "a growth rate of 15.5 per cent compared to the same period in year 2003" is a change
/// (not a share); "up 25.6 percent annually since CEPA took effect" with no amount a year
/// before is a change to the amount it follows, its base not printed.
#[test]
fn a_growth_rate_is_a_change_and_an_annual_rate_keeps_its_amount() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "growth-rate.txt",
        "For the period January-December 2004, India-Hong Kong bilateral trade reached a \
         total of $5.86 billion, a growth rate of 15.5 per cent compared to the same period in \
         year 2003. In 2003, India-Hong Kong trade was worth $5.07 billion.\n\n\
         India's non-oil exports to the UAE alone touched $27.4 billion in 2023, up 25.6 \
         percent annually since CEPA took effect.\n",
    );
    let changes = claims_of(&doc, "change");
    let said = |p: &str| {
        changes
            .iter()
            .find(|c| c["says"].as_str().unwrap().contains(p))
            .unwrap_or_else(|| panic!("{p}: {doc}"))
    };
    assert_eq!(
        figures_printed(said("15.5")),
        ["$5.07 billion", "$5.86 billion"]
    );
    assert_ne!(said("15.5")["verdict"], "inconsistent");
    assert_eq!(figures_printed(said("25.6")), ["$27.4 billion"]);
    assert_eq!(said("25.6")["verdict"], "unverifiable");
}

/// "The trade turnover ... reached 4.61 billion euros last year, which is 41 percent more
/// than in 2021, when it amounted to 2.77 billion euros" after a text on January–July
/// 2023: the amount after ", when" is 2021's, "last year" is 2022 (the year after the base
/// said), and the rate is checked between them: +66.4%, not 41%.
#[test]
fn when_clauses_and_last_year_after_a_months_text() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "when-clause.txt",
        "Uzbekistan's exports to the EU reached nearly 423.43 million euros from January \
         through July 2023.\n\n\
         The trade turnover between Uzbekistan and the EU countries reached 4.61 billion \
         euros last year, which is 41 percent more than in 2021, when it amounted to 2.77 \
         billion euros.\n",
    );
    assert_eq!(
        number(&doc, "2.77 billion euros")["read_as"]["period"],
        "2021"
    );
    assert_eq!(
        number(&doc, "4.61 billion euros")["read_as"]["period"],
        "2022"
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["2.77 billion euros", "4.61 billion euros"],
        "{change}"
    );
    assert_eq!(change["verdict"], "inconsistent", "{change}");
}

/// "surged by 25.75 percent in contrast to the initial 7 months of the year prior (2.35
/// billion euros)": the bracketed base is January–July of the year before; "compared to the
/// corresponding months of 2022, when it was 471.21 million euros": January–July 2022.
#[test]
fn the_year_prior_and_the_corresponding_months() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "year-prior.txt",
        "The trade exchange between Uzbekistan and EU member states reached 2.95 billion euros \
         from January through July 2023. During the reporting period, the trade volume \
         between Uzbekistan and EU countries surged by 25.75 percent in contrast to the \
         initial 7 months of the year prior (2.35 billion euros).\n\n\
         Uzbekistan's exports to the EU reached 423.43 million euros from January through July \
         2023, reflecting a 10 percent decrease compared to the corresponding months of 2022, \
         when it was 471.21 million euros.\n",
    );
    assert_eq!(
        number(&doc, "2.35 billion euros")["read_as"]["period"],
        "2022-01..2022-07"
    );
    assert_eq!(
        number(&doc, "471.21 million euros")["read_as"]["period"],
        "2022-01..2022-07"
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    for c in &changes {
        assert_eq!(figures_printed(c).len(), 2, "{c}");
        assert_ne!(c["verdict"], "inconsistent", "{c}");
    }
}

/// "Bilateral trade between the UAE and Brazil increase by a third in the first eight months
/// of 2021": a lead that names its months leads to an amount of those months ($1.8bn in
/// January–August), never to a change between 2018 and 2019 printed paragraphs later.
#[test]
fn a_lead_with_months_of_its_own_pairs_only_those_months() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "lead-months.txt",
        "Bilateral trade between the UAE and Brazil increase by a third in the first eight \
         months of 2021, compared to the same period last year.\n\n\
         This year bilateral trade reached $1.8bn in the first eight months.\n\n\
         Brazil-UAE bilateral trade in 2018 stood at $2.6bn, which went up to $2.81bn in \
         2019.\n",
    );
    let change = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("third"))
        .unwrap_or_else(|| panic!("{doc}"));
    assert_ne!(change["verdict"], "inconsistent", "{change}");
    assert!(
        figures_printed(change).iter().all(|p| *p != "$2.6bn"),
        "{change}"
    );
}

/// German figures with "Mrd." and "Mio." before "Euro" (no sentence end), a dot before a
/// scale of billions as a decimal point ("1.876 Mrd." is 1.876 billion), "im Vorjahr" a year
/// before, and rates printed a few sentences after their amounts ("die Einfuhren um 43,8
/// Prozent ... gestiegen") paired with the one pair of their measure around them.
#[test]
fn german_amounts_and_rates_paired_with_the_amounts_around_them() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "de.txt",
        "Im gesamten Jahr 2018 sei der Handelsumsatz um 39,4 Prozent gestiegen im Vergleich \
         zum Zeitraum 2017.\n\n\
         Der Warenaustausch zwischen Deutschland und Aserbaidschan lag bei 1.876 Mrd. Euro \
         gegenüber 1.345 Mrd. Euro im Jahr 2017. Die Einfuhren aus Aserbaidschan nach \
         Deutschland beliefen sich auf 1.442 Mrd. Euro (1.002 Mrd. Euro im Vorjahr). Ausfuhren \
         von Deutschland nach Aserbaidschan beliefen sich auf 434 Mio. Euro (342 Mio. Euro im \
         Vorjahr).\n\n\
         Die Einfuhren sind um 43,8 Prozent und die Ausfuhren um 26,7 Prozent gestiegen.\n",
    );
    assert_eq!(
        number(&doc, "1.002 Mrd. Euro")["read_as"]["period"],
        "2017",
        "{doc}"
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 2, "{doc}");
    for c in &sums {
        assert_ne!(c["verdict"], "inconsistent", "{c}");
        assert_ne!(c["verdict"], "unverifiable", "{c}");
    }
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 3, "{doc}");
    for c in &changes {
        assert_eq!(figures_printed(c).len(), 2, "{c}");
        assert_ne!(c["verdict"], "inconsistent", "{c}");
        assert_ne!(c["verdict"], "unverifiable", "{c}");
    }
}

/// A rate printed with no amount of its own is paired only when its sentence allows it:
/// "Since 1996, ... increased tenfold" is not between 2009's and 2010's amounts.
#[test]
fn a_rate_since_a_year_is_not_paired_with_other_years() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "since.txt",
        "Polish exports to Britain were worth 6 billion pounds in 2010 against 4.6 billion \
         pounds in 2009. Since 1996, Polish exports to Britain have increased tenfold.\n",
    );
    let multiple = claims_of(&doc, "multiple")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("tenfold"))
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(multiple["verdict"], "unverifiable", "{multiple}");
    assert!(figures_printed(multiple).is_empty(), "{multiple}");
}

/// "Angola's balance of trade with the United States provided a surplus": Angola's, not the
/// United States' (the economy after "with" is the other side); "US$6 billion, 98.5 percent
/// of which was oil" prints the whole of a share, not its part.
#[test]
fn a_surplus_after_with_and_a_share_of_which() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "angola.txt",
        "Angola's balance of trade with the United States provided a surplus of US$5.213 \
         billion in the first half of 2012.\n\n\
         In the period, Angola sold goods to the US worth US$6 billion, 98.5 percent of which \
         was oil, and bought goods worth just US$787 million.\n",
    );
    let balance = claims_of(&doc, "balance");
    assert_eq!(balance.len(), 1, "{doc}");
    assert_eq!(balance[0]["verdict"], "consistent", "{}", balance[0]);
    let share = claims_of(&doc, "share");
    assert_eq!(share.len(), 1, "{doc}");
    assert_eq!(share[0]["verdict"], "unverifiable", "{}", share[0]);
    assert_eq!(
        figures_printed(share[0]),
        vec!["US$6 billion"],
        "{}",
        share[0]
    );
}

/// "a trade imbalance of US$543 million in favor of Korea": a balance (Korea's surplus),
/// not trade.
#[test]
fn a_trade_imbalance_is_a_balance() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "imbalance.txt",
        "In 2018-19 Pakistan's exports to Korea were US$275 million while its imports from \
         Korea were US$818 million, showing a trade imbalance of US$543 million in favor of \
         Korea.\n",
    );
    assert_eq!(
        number(&doc, "US$543 million")["read_as"]["measure"],
        "balance",
        "{doc}"
    );
    let balance = claims_of(&doc, "balance");
    assert_eq!(balance.len(), 1, "{doc}");
    assert_eq!(balance[0]["verdict"], "consistent", "{}", balance[0]);
}

/// French: "passées de A en 2014 à B de F CFA en 2015, soit une hausse de X%" pairs the
/// from-to printed before the rate; "multiplié par trente ... (de A à B)" is a multiple
/// between the bracketed pair; "multipliées par quatre" is a multiple.
#[test]
fn french_from_to_before_a_rate_and_multiplied_by() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "fr.txt",
        "Le volume des exportations sénégalaises en direction de la Chine est passé de 18,763 \
         milliards en 2014 à 70,042 milliards de F CFA en 2015 (soit une hausse de 273,28%).\n\n\
         Le Sénégal a multiplié par trente les expéditions de graines d'arachide (de 1,177 \
         milliards à 31,155 milliards de F CFA).\n",
    );
    assert_eq!(
        number(&doc, "70,042 milliards de F CFA")["read_as"]["period"],
        "2015",
        "{doc}"
    );
    let change = claims_of(&doc, "change");
    assert_eq!(change.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(change[0]),
        vec!["18,763 milliards", "70,042 milliards de F CFA"],
        "{}",
        change[0]
    );
    // 70.042 / 18.763 = +273.2985%, outside 273.28 ± 0.005.
    assert_eq!(change[0]["verdict"], "inconsistent", "{}", change[0]);
    let multiple = claims_of(&doc, "multiple");
    assert_eq!(multiple.len(), 1, "{doc}");
    assert_eq!(figures_printed(multiple[0]).len(), 2, "{}", multiple[0]);
    assert_ne!(multiple[0]["verdict"], "unverifiable", "{}", multiple[0]);
}

/// "Egypt's imports from Britain hit about £300 million during the aforementioned period
/// of 2021, compared to £258 million recorded in 2020": the first quarter of each year (the
/// quarter in focus), and the trade of the first quarter is exports plus those imports;
/// trade "India and Chile had" is the pair's whichever economy the flows name.
#[test]
fn the_aforementioned_period_and_a_base_year_of_those_months() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "aforementioned.txt",
        "The volume of trade between Egypt and Britain hit £519 million in the first quarter \
         of 2021.\n\n\
         The volume of Egypt's exports to the UK reached about £219 million during the first \
         quarter of the current year.\n\n\
         Meanwhile, Egypt's imports from Britain hit about £300 million during the \
         aforementioned period of 2021, compared to £258 million recorded in 2020, he said.\n",
    );
    assert_eq!(
        number(&doc, "£300 million")["read_as"]["period"],
        "2021-Q1",
        "{doc}"
    );
    assert_eq!(
        number(&doc, "£258 million")["read_as"]["period"],
        "2020-Q1",
        "{doc}"
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(sums[0]["verdict"], "consistent", "{}", sums[0]);

    let doc = check_text(
        &wd,
        "india-chile.txt",
        "India and Chile had bilateral trade of $3.8 billion in 2024, the ministry said. In \
         2024, exports from India totalled $1.2 billion and imports from Chile amounted to \
         $2.6 billion.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(sums[0]["verdict"], "consistent", "{}", sums[0]);
}

/// Currency prefixes glued to the number: "JD575 million" (Jordanian dinars), "SFr777
/// million" (Swiss francs), "K10.7 billion" (Zambian kwacha in a text about Zambia) — not
/// parts of a name like "F-16".
#[test]
fn glued_currency_prefixes() {
    let wd = Workdir::new();
    for (name, text, currency) in [
        (
            "jd.txt",
            "In 2022 trade between Jordan and India reached JD1,025 million: Jordan's exports \
             were JD575 million and its imports JD450 million.\n",
            "JOD",
        ),
        (
            "sfr.txt",
            "In 2003 trade between Switzerland and Thailand reached SFr1,385 million: Swiss \
             exports were SFr777 million and imports SFr608 million.\n",
            "CHF",
        ),
        (
            "k.txt",
            "In 2021 trade between Zambia and the DRC reached K12.7 billion: Zambia's exports \
             were K10.7 billion and its imports K2 billion.\n",
            "ZMW",
        ),
    ] {
        let doc = check_text(&wd, name, text);
        let change = claims_of(&doc, "sum");
        assert_eq!(change.len(), 1, "{doc}");
        assert_eq!(change[0]["verdict"], "consistent", "{}", change[0]);
        assert!(
            change[0]["explanation"]
                .as_str()
                .unwrap()
                .contains(currency),
            "{currency}: {}",
            change[0]
        );
    }
}

/// Amounts said in words: "about six billion dollars", "gut eine Milliarde Euro",
/// "nine-point-nine billion dollars" (a decimal said in words, as radio scripts print it);
/// "the symbolic threshold of one billion euros" is a threshold, not a figure.
#[test]
fn amounts_in_words_and_spoken_decimals() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "spoken.txt",
        "Seoul's goods surplus with the U.S. stood at nine-point-nine billion dollars in July, \
         with its exports to the U.S. reaching 41-point-six billion dollars and imports being \
         31-point-eight billion dollars.\n",
    );
    let balance = claims_of(&doc, "balance");
    assert_eq!(balance.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(balance[0]),
        vec![
            "nine-point-nine billion dollars",
            "41-point-six billion dollars",
            "31-point-eight billion dollars"
        ],
        "{}",
        balance[0]
    );
    assert_ne!(balance[0]["verdict"], "inconsistent", "{}", balance[0]);

    let doc = check_text(
        &wd,
        "words.txt",
        "Trade between Egypt and Russia reached about six billion dollars in 2017, with \
         Egyptian exports of $500 million and imports of $5.4 billion.\n\n\
         In 2011, trade between Egypt and Russia exceeded the symbolic threshold of one \
         billion dollars.\n",
    );
    assert_eq!(
        number(&doc, "one billion dollars")["role"],
        "ignored",
        "{doc}"
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(sums[0])[0],
        "six billion dollars",
        "{}",
        sums[0]
    );
    assert_eq!(sums[0]["verdict"], "consistent", "{}", sums[0]);
}

/// "rose 11% year-on-year in 2017, recording EUR 1.6 billion from EUR 1.4 billion a year
/// earlier": 2017 is the new value's year, and "a year earlier" is 2016 — "year-on-year"
/// before the year makes it no base.
#[test]
fn a_year_after_year_on_year_is_the_new_values() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "yoy.txt",
        "Cairo: Trade exchange between Egypt and Belgium rose 11% year-on-year in 2017, \
         recording EUR 1.6 billion from EUR 1.4 billion a year earlier.\n",
    );
    assert_eq!(
        number(&doc, "EUR 1.4 billion")["read_as"]["period"],
        "2016",
        "{doc}"
    );
    let change = claims_of(&doc, "change");
    assert_eq!(change.len(), 1, "{doc}");
    assert_ne!(change[0]["verdict"], "unverifiable", "{}", change[0]);
}

/// "Iran's exports to India experienced a 38 percent drop and reached $641 million in
/// 2023. ... In 2022 Iran's exports to India stood at $1.038 billion": a change whose
/// sentence prints its new value only takes the one amount of that flow a year before
/// printed around it; a base of the same year as the new value is none.
#[test]
fn a_base_printed_in_the_next_sentence() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "next.txt",
        "Iran's exports to India experienced a 38 percent drop and reached $641 million in \
         2023. In 2022, Iran's exports to India stood at $1.038 billion, officials said.\n",
    );
    let change = claims_of(&doc, "change");
    assert_eq!(change.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(change[0]),
        vec!["$1.038 billion", "$641 million"],
        "{}",
        change[0]
    );
    assert_eq!(change[0]["verdict"], "consistent", "{}", change[0]);
}

/// "China had 15.4 per cent share in India's total imports. India imported goods worth
/// $613.2 billion from the world, including goods worth $94.2 billion from China": a share
/// of a world total with no amount beside it takes the one world total of that measure
/// around it, and the flow printed with it.
#[test]
fn a_share_of_a_world_total_printed_in_the_next_sentence() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "world.txt",
        "In FY22, China had 15.4 per cent share in India's total imports. India imported goods \
         worth $613.2 billion from the world, including goods worth $94.2 billion from China \
         alone.\n",
    );
    let share = claims_of(&doc, "share")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("15.4"))
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(
        figures_printed(share),
        vec!["$94.2 billion", "$613.2 billion"],
        "{share}"
    );
    assert_eq!(share["verdict"], "consistent", "{share}");
}

/// "The value of export amounted to $9.8 billion or 59.6 percent of the total turnover":
/// a flow whose share of the trade is printed is still a part of that trade's sum and
/// balance, and the share stays a relation of its own.
#[test]
fn a_flow_with_its_share_is_still_a_part_of_the_sum() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "flows.txt",
        "Georgia's foreign trade turnover with Turkey reached $4.2 billion in 2021. Exports \
         amounted to $1.5 billion or 35.7 percent of the turnover, while imports amounted to \
         $2.7 billion or 64.3 percent. The trade deficit thus stood at $1.2 billion.\n",
    );
    let sum = claims_of(&doc, "sum");
    assert_eq!(sum.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(sum[0]),
        vec!["$4.2 billion", "$1.5 billion", "$2.7 billion"],
        "{}",
        sum[0]
    );
    let balance = claims_of(&doc, "balance");
    assert_eq!(balance.len(), 1, "{doc}");
    assert_eq!(balance[0]["verdict"], "consistent", "{}", balance[0]);
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 2, "{doc}");
    assert!(
        shares
            .iter()
            .all(|s| s["figures"].as_array().unwrap().len() == 2),
        "{doc}"
    );
}

/// "Between January and February, trade totalled $2.2 billion, up by 29% compared to $1.7
/// million in the same period of 2023": with no dated period in the text, "the same period
/// of 2023" is the months it names, of 2023 — a base, not a total of those months' parts.
#[test]
fn the_same_period_of_a_year_takes_the_months_named_without_one() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "months.txt",
        "Between January and February, trade between the two nations totalled $2.2 billion, up \
         by 29% compared to $1.7 million in the same period of 2023. Laos exported goods worth \
         $227.75 million, while imports were valued at $1.97 billion.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(figures_printed(sums[0])[0], "$2.2 billion", "{}", sums[0]);
    let change = claims_of(&doc, "change");
    assert_eq!(change.len(), 1, "{doc}");
    assert_eq!(
        change[0]["figures"][0]["period"], "2023-01..2023-02",
        "{}",
        change[0]
    );
    assert_eq!(change[0]["verdict"], "inconsistent", "{}", change[0]);
}

/// "The UK imported £2.5 billion of services from China (1.4% of all services imports) and
/// exported £8.2 billion of services": "of services" after an amount names its product, a
/// share in brackets is of the words inside them, and a total the goods flows fall short of
/// is the sum of goods and services.
#[test]
fn goods_and_services_flows_make_the_total_trade() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "services.txt",
        "In 2022, the UK imported £40.1 billion of goods from Japan and exported £7.3 billion of \
         goods. In 2022, the UK imported £3.4 billion of services from Japan (1.6% of all \
         services imports) and exported £9.9 billion of services (2.9% of all services \
         exports). Japan accounted for £60.7 billion of the UK's total trade in 2022. The UK \
         had a £6.5 billion surplus in services.\n",
    );
    let sum = claims_of(&doc, "sum");
    assert_eq!(sum.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(sum[0]),
        vec![
            "£60.7 billion",
            "£7.3 billion",
            "£40.1 billion",
            "£9.9 billion",
            "£3.4 billion"
        ],
        "{}",
        sum[0]
    );
    assert_eq!(sum[0]["verdict"], "consistent", "{}", sum[0]);
    let balance = claims_of(&doc, "balance");
    assert_eq!(balance.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(balance[0]),
        vec!["£6.5 billion", "£9.9 billion", "£3.4 billion"],
        "{}",
        balance[0]
    );
    let one_four = claims_of(&doc, "share")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("1.6"))
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(one_four["verdict"], "unverifiable", "{one_four}");
}

/// "... down 24.8 percent from $566.92 million a year earlier" after "the first four months
/// of this year": an amount said a year before a period the text never dates takes no year
/// from a later sentence ("which amounted to $328.65 million in 1999"); an owner is not
/// read past the end of its sentence.
#[test]
fn a_year_earlier_than_an_undated_period_borrows_no_later_year() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "undated.txt",
        "Trade between Laos and Cambodia plunged nearly 25 percent in the first four months of \
         this year, a report showed Tuesday. Trade amounted to US$426.35 million during the \
         January-April period, down 24.8 percent from $566.92 million a year earlier. Trade \
         between the two, which amounted to $328.65 million in 1999, surged more than \
         five-fold to $1.79 billion in 2007.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    for c in &changes {
        assert_eq!(
            figures_printed(c),
            vec!["$566.92 million", "US$426.35 million"],
            "{c}"
        );
        assert_eq!(c["verdict"], "consistent", "{c}");
    }
}

/// "a 70% fall in trade between the two countries in only two years ... $2.2 billion in
/// 2016, compared to $4.2 billion a year earlier and $7.3 billion in 2014": a rate said over
/// N years is between amounts N years apart (or N−1, counted with both ends: "in the last
/// five years ... in FY22 from $63 billion in FY18").
#[test]
fn a_rate_over_n_years_pairs_amounts_n_years_apart() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "span.txt",
        "Figures reveal a 70% fall in trade between Bolivia and Peru in only two years. The \
         trade in merchandise was $2.2 billion in 2016, compared to $4.2 billion in 2015 and \
         $7.3 billion in 2014.\n",
    );
    let change = claims_of(&doc, "change");
    assert_eq!(change.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(change[0]),
        vec!["$7.3 billion", "$2.2 billion"],
        "{}",
        change[0]
    );
    assert_eq!(change[0]["verdict"], "consistent", "{}", change[0]);
}

/// "imports were valued at US$1,965.2 million, 29.4 per cent below the US$2,784.6 million
/// spent in the similar period last year": "below" after a rate says a fall (a change, not
/// a share); "the similar period" is "the same period".
#[test]
fn a_rate_below_an_amount_is_a_fall() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "below.txt",
        "In January to May 2020, Jamaica's imports from Mexico were valued at US$196.5 \
         million, 29.4 per cent below the US$278.4 million spent in the similar period last \
         year.\n",
    );
    let change = claims_of(&doc, "change");
    assert_eq!(change.len(), 1, "{doc}");
    assert!(claims_of(&doc, "share").is_empty(), "{doc}");
    assert_eq!(
        figures_printed(change[0]),
        vec!["US$278.4 million", "US$196.5 million"],
        "{}",
        change[0]
    );
    assert_eq!(
        change[0]["figures"][0]["period"], "2019-01..2019-05",
        "{}",
        change[0]
    );
    assert_eq!(change[0]["verdict"], "consistent", "{}", change[0]);
}

/// "35.377 million Jordanian dinars (49.845 million US dollars), compared to 6.077 million
/// dinars": a country's adjective before a currency name several countries share names the
/// currency (JOD, not the first dinar of the lexicon, nor Iraq's), the text's other dinars
/// are those too, and the change is between the dinar amounts, not the dollar ones.
#[test]
fn a_countrys_adjective_names_a_shared_currency() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "dinars.txt",
        "Jordanian exports to Iraq rose by 482% during the first two months of the current \
         year. The value of Jordan's exports to Iraq during January and February of this year \
         reached 35.377 million Jordanian dinars (49.845 million US dollars), compared to \
         6.077 million dinars (8.454 million dollars) during the same period last year.\n",
    );
    let change = claims_of(&doc, "change");
    assert_eq!(change.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(change[0]),
        vec!["6.077 million dinars", "35.377 million Jordanian dinars"],
        "{}",
        change[0]
    );
    assert_eq!(change[0]["verdict"], "consistent", "{}", change[0]);
}

/// "American exports have increased 28 per cent ... Still, Bahrain's exports dropped by 10
/// per cent in the same period." with the amounts in the next sentences: a rate said of
/// one economy's flow is not paired with the other economy's amounts of that flow.
#[test]
fn a_lead_rate_takes_the_flow_of_the_economy_it_names() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "whose.txt",
        "American exports to Oman have increased 28 per cent in 2007. Still, Oman's exports \
         dropped by 10 per cent in the same period. American exports to Oman amounted to $529 \
         million in 2007, up from $414 million in 2006. Oman's exports to the US stood at $638 \
         million in 2007, down from $710 million in 2006.\n",
    );
    let changes = claims_of(&doc, "change");
    let dropped = changes
        .iter()
        .find(|c| c["says"].as_str().unwrap().contains("10 per cent"))
        .unwrap_or_else(|| panic!("{doc}"));
    assert_ne!(dropped["verdict"], "inconsistent", "{dropped}");
    assert!(
        !figures_printed(dropped).contains(&"$529 million"),
        "{dropped}"
    );
}

/// "a balance of $1,000 million, with a growth of 8.7% compared to 2020 ($80 millions
/// more)": an amount in brackets with "more" after it is a difference, not the base.
#[test]
fn a_difference_in_brackets_after_a_change_is_no_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "more.txt",
        "In 2021, Peru's exports to Russia reached $1,000 million, with a growth of 8.7% \
         compared to 2020 ($80 millions more).\n",
    );
    let change = claims_of(&doc, "change");
    assert_eq!(change.len(), 1, "{doc}");
    assert_ne!(change[0]["verdict"], "inconsistent", "{}", change[0]);
    assert!(
        change[0]["value"].as_str().unwrap().contains(" - "),
        "the base is the amount less the difference: {}",
        change[0]
    );
}

/// "in 2011 it was 11 times higher than in 1995 (990.1 million dollars)" with "87.6 million
/// dollars" of 1995 too: two amounts read as of one period leave the order a guess; when the
/// other way round reproduces the text, the relation is not judged.
#[test]
fn a_multiple_between_amounts_of_one_period_is_not_judged_backwards() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "order.txt",
        "In 1995, Honduran exports to Mexico totaled 87.6 million dollars, and in 2011 they were \
         11 times higher than in 1995 (990.1 million dollars).\n",
    );
    let multiple = claims_of(&doc, "multiple");
    assert_eq!(multiple.len(), 1, "{doc}");
    assert_ne!(multiple[0]["verdict"], "inconsistent", "{}", multiple[0]);
}

/// "Until September 30, 2022, Nicaragua's total exports reached 3130.1 million dollars": the
/// year to that date, not a period carried from a sentence before.
#[test]
fn until_a_date_is_the_year_to_that_month() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "until.txt",
        "In 2007, Nicaragua exported some 366.1 million dollars to the United States. Until \
         September 30, 2022, Nicaragua's exports to the United States reached 1,421.5 million \
         dollars.\n",
    );
    let figures: Vec<&serde_json::Value> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["printed"].as_str().unwrap().starts_with("1,421.5"))
        .collect();
    assert_eq!(figures.len(), 1, "{doc}");
    assert_eq!(
        figures[0]["read_as"]["period"], "2022-01..2022-09",
        "{}",
        figures[0]
    );
}

/// "foi distribuído para importações com um valor de AED 8,34 bilhões, exportações com um
/// valor de 8,08 bilhões de dirhams e reexportações com um valor de AED 7,25 bilhões,
/// enquanto os produtos minerais ... AED 5,25 bilhões": a total the exports and imports
/// fall short of, with the re-exports printed beside, is the sum of the three; and an
/// amount in the parts' sentence that misses them is no second total of theirs.
#[test]
fn re_exports_make_up_the_total_and_claim_no_second_one() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "reexports.txt",
        "O comércio entre Abu Dhabi e o Catar atingiu AED 23,67 bilhões em 2020. O comércio foi \
         distribuído para importações com um valor de AED 8,34 bilhões, exportações com um \
         valor de 8,08 bilhões de dirhams e reexportações com um valor de AED 7,25 bilhões, \
         enquanto os produtos minerais representaram a maior parte do comércio total com um \
         valor de AED 5,25 bilhões.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(figures_printed(sums[0]).len(), 4, "{}", sums[0]);
    assert_eq!(sums[0]["verdict"], "consistent", "{}", sums[0]);
}

/// "Over 69 percent of New Zealand's exports to Taiwan are now tariff free, representing
/// savings of around 78.4 million NZ dollars (61.33 million U.S. dollars)": savings are no
/// trade, nor is their conversion, and a share with no trade amount beside it is unchecked.
#[test]
fn savings_and_their_conversion_are_no_trade() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "savings.txt",
        "New Zealand's total exports to Taiwan were up by 150 million NZ dollars to 884 million \
         NZ dollars in 2014. \"Over 69 percent of New Zealand's exports to Taiwan are now \
         tariff free, representing savings of around 78.4 million NZ dollars (61.33 million \
         U.S. dollars) to date,\" said Groser.\n",
    );
    let share = claims_of(&doc, "share")
        .into_iter()
        .find(|c| c["says"].as_str().unwrap().contains("69"))
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(share["verdict"], "unverifiable", "{share}");
    let savings: Vec<&serde_json::Value> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| {
            let p = n["printed"].as_str().unwrap();
            p.starts_with("78.4") || p.starts_with("61.33")
        })
        .collect();
    assert_eq!(savings.len(), 2, "{doc}");
    assert!(savings.iter().all(|n| n["role"] == "ignored"), "{doc}");
}

/// "progressent de 34 % à 315 M€", "atteignent 968 M EUR": a one-letter scale right before
/// a currency makes an amount.
#[test]
fn a_one_letter_scale_before_a_currency_is_an_amount() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "meur.txt",
        "Les exportations françaises vers la Corée progressent de 34 % à 315 M€ en 2021. Les \
         ventes de la France au Sénégal atteignent 968 M EUR en 2022, en hausse de 17,8 % par \
         rapport à 2021.\n",
    );
    let amounts: Vec<&str> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["why"] == "amount")
        .map(|n| n["printed"].as_str().unwrap())
        .collect();
    assert_eq!(amounts, vec!["315 M€", "968 M EUR"], "{doc}");
}

/// "oltre 34,5 mld euro (+4,3%)": "mld" is a billion; "obiettivo superamento 4 mld euro" a
/// target, no trade figure.
#[test]
fn mld_is_a_billion_and_obiettivo_a_target() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "mld.txt",
        "Export italiano in Serbia, obiettivo superamento 4 mld euro nell'interscambio. \
         L'interscambio tra Italia e Serbia ha raggiunto oltre 3,5 mld euro (+4,3%) nel 2024.\n",
    );
    let numbers = doc["numbers"].as_array().unwrap();
    let role = |p: &str| {
        numbers
            .iter()
            .find(|n| n["printed"] == p)
            .map(|n| n["role"].as_str().unwrap().to_string())
    };
    assert_eq!(role("3,5 mld euro").as_deref(), Some("figure"), "{doc}");
    assert_eq!(role("4 mld euro").as_deref(), Some("ignored"), "{doc}");
}

/// A headline's total with no period of its own is the total of the flows of one period
/// printed below only when they add up to it; flows that do not add up make no sum with it.
#[test]
fn an_undated_headline_total_is_the_sum_of_flows_that_add_up_to_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "headline.txt",
        "Thailand enjoys US$1.4 billion trade surplus with Australia in first quarter\n\nIn \
         the first quarter \
         of 2009, Thai exports to Australia were $2.085 billion while imports from Australia \
         were $661 million.\n",
    );
    let balances = claims_of(&doc, "balance");
    assert_eq!(balances.len(), 1, "{doc}");
    assert_eq!(balances[0]["verdict"], "consistent", "{doc}");
    let printed = figures_printed(balances[0]);
    assert_eq!(
        printed,
        vec!["US$1.4 billion", "$2.085 billion", "$661 million"],
        "{doc}"
    );
    let doc = check_text(
        &wd,
        "apart.txt",
        "Thailand and Australia trade US$5.2 billion in first quarter\n\nIn the first quarter \
         of 2009, Thai exports to Australia were $2.085 billion while imports from Australia \
         were $661 million.\n",
    );
    assert!(claims_of(&doc, "sum").is_empty(), "{doc}");
}

/// "South America" is a continent's part, not the United States: the total beside it is
/// still the pair's.
#[test]
fn south_america_is_not_the_united_states() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "continent.txt",
        "Chile is India's fifth largest trading partner in South America, with bilateral \
         trade touching $3.8 billion in 2024. In 2024, exports from India totalled $1.2 \
         billion and imports from Chile amounted to $2.6 billion.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(sums[0]["verdict"], "consistent", "{doc}");
    let partners: Vec<&str> = sums[0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| [f["reporter"].as_str(), f["partner"].as_str()])
        .flatten()
        .collect();
    assert!(!partners.contains(&"USA"), "{doc}");
}

/// A unit's price ("the price of oil is around US$ 60, whereas last July the figure was US$
/// 145") is no trade figure: no share or sum is built on it.
#[test]
fn a_price_is_no_trade_figure() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "price.txt",
        "Exports from Algeria totalled US$ 20.7 billion in the first half of 2009. Oil answers \
         to more than 95% of the export basket, and the price of the commodity is currently \
         around US$ 60, whereas in July last year the figure was US$ 145. Brazil sold goods \
         worth US$ 20,000 to Algeria at US$ 300 per tonne.\n",
    );
    let numbers = doc["numbers"].as_array().unwrap();
    let role = |p: &str| {
        let n = numbers.iter().find(|n| n["printed"] == p).unwrap();
        (
            n["role"].as_str().unwrap().to_string(),
            n["why"].as_str().unwrap().to_string(),
        )
    };
    for price in ["US$ 60", "US$ 145", "US$ 300"] {
        let (r, why) = role(price);
        assert_eq!(r, "ignored", "{price}: {doc}");
        assert!(why.contains("price"), "{price}: {why}");
    }
    assert_eq!(role("US$ 20,000").0, "figure", "{doc}");
    assert!(
        claims_of(&doc, "share")
            .iter()
            .all(|c| c["verdict"] != "inconsistent"),
        "{doc}"
    );
}

/// Percentages in words past twelve and in the languages read ("fourteen per cent", "um
/// rund sechs Prozent") are rates like their digits.
#[test]
fn percentages_in_words_are_rates() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "words.txt",
        "Exports to Chile rose fourteen per cent to $352 million in 2019 from $309 million in \
         2018.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    // the rate is what is checked, not the direction "rose" alone
    assert_eq!(changes[0]["says"], "rose fourteen per cent", "{doc}");
    let doc = check_text(
        &wd,
        "vier.txt",
        "Von Jänner bis November 2023 sind die Einfuhren um rund sechs Prozent auf 187,53 \
         Milliarden Euro gesunken.\n",
    );
    let percents: Vec<&str> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["why"] == "percentage")
        .map(|n| n["printed"].as_str().unwrap())
        .collect();
    assert_eq!(percents, vec!["sechs Prozent"], "{doc}");
}

/// A group and one of its members are no pair ("Cambodia's trade with the EU ... Spain
/// imported $953 million"); "EU imports into Cambodia" are Cambodia's imports from the EU.
#[test]
fn a_group_and_its_member_are_no_pair_and_imports_into_are_the_importers() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "eu.txt",
        "From January to November 2024, the total trade value between Cambodia and the European \
         Union amounted to $4.887 billion. Of this, exports to the EU totalled $4.032 billion, \
         while EU imports into Cambodia amounted to $854 million.\n\nSpain imported goods worth \
         $953 million; Germany imported $828 million.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_ne!(sums[0]["verdict"], "inconsistent", "{doc}");
    let imports = &sums[0]["figures"][2];
    assert_eq!(imports["printed"], "$854 million", "{doc}");
    assert_eq!(
        (imports["reporter"].as_str(), imports["partner"].as_str()),
        (Some("KHM"), Some("EUN")),
        "{doc}"
    );
}

/// "amounted to $26.6 million – 11.4% more than last year's $23.8 million": the amount
/// before the dash is a level (not a difference), the one after "than" the base.
#[test]
fn a_rate_more_than_an_amount_has_that_amount_as_its_base() {
    let wd = Workdir::new();
    for dash in ["–", "-"] {
        let doc = check_text(
            &wd,
            "than.txt",
            &format!(
                "Imports amounted to $26.6 million {dash} 11.4% more than last year's $23.8 \
                 million.\n"
            ),
        );
        let changes = claims_of(&doc, "change");
        assert_eq!(changes.len(), 1, "{doc}");
        let printed = figures_printed(changes[0]);
        assert_eq!(printed, vec!["$23.8 million", "$26.6 million"], "{doc}");
        assert_ne!(changes[0]["verdict"], "inconsistent", "{doc}");
    }
}

/// "reached 3.8 billion US dollars, up 833 million US dollars or 28 percent from 2.967
/// billion": the rate of a difference is a change of the level printed before it, not of
/// the base printed after.
#[test]
fn the_rate_of_a_difference_is_a_change_of_the_level_before_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "diff.txt",
        "Trade between Myanmar and Singapore reached 3.8 billion US dollars in the fiscal year \
         2017-18 which ended in March, up 833 million US dollars or 28 percent from 2.967 \
         billion US dollars in 2016-17.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    let printed = figures_printed(changes[0]);
    assert!(printed.contains(&"3.8 billion US dollars"), "{doc}");
}

/// Fiscal years named by their end: "July-December FY22" is July to December 2021;
/// "FY17" and "FY2016/17" are one period (their figures add up); "FY 2020/21" keeps both
/// years.
#[test]
fn fiscal_years_named_by_their_end() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "fy.txt",
        "Exports were $151.9 million during July-December FY23 compared to $138.70 million \
         during July-December FY22. Trade between Pakistan and Brazil was $800 million in \
         FY2016/17. Pakistan's exports to Brazil were $100 million and its imports from \
         Brazil $700 million in FY17. Imports in FY 2020/21 were $5 million.\n",
    );
    let numbers = doc["numbers"].as_array().unwrap();
    let period = |p: &str| {
        numbers
            .iter()
            .find(|n| n["printed"] == p)
            .and_then(|n| n["read_as"]["period"].as_str())
            .map(str::to_string)
    };
    assert_eq!(
        period("$151.9 million").as_deref(),
        Some("2022-H2"),
        "{doc}"
    );
    assert_eq!(
        period("$138.70 million").as_deref(),
        Some("2021-H2"),
        "{doc}"
    );
    assert_eq!(period("$5 million").as_deref(), Some("FY2020/21"), "{doc}");
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(sums[0]["verdict"], "consistent", "{doc}");
}

/// A difference with its rate is a change of the level it goes with: "This indicates an
/// increase of $154.6 million, or 26.2%" of the amount the sentence before ends on;
/// "Sh5.18 billion goods — Sh156.4 million or 3.12 percent growth" ("growth" after the rate
/// makes the amount a difference).
#[test]
fn a_difference_and_its_rate_are_a_change_of_their_level() {
    let wd = Workdir::new();
    for (text, level) in [
        (
            "In the first quarter of 2024, imports from China amounted to $743.7 million. This \
             indicates a substantial increase of $154.6 million, or 26.2%.\n",
            "$743.7 million",
        ),
        (
            "In the nine months to September 2019, Burundi bought Sh5.18 billion goods from \
             Kenya — Sh156.4 million or 3.12 percent growth.\n",
            "Sh5.18 billion",
        ),
    ] {
        let doc = check_text(&wd, "difference.txt", text);
        let changes = claims_of(&doc, "change");
        assert_eq!(changes.len(), 1, "{doc}");
        assert_ne!(changes[0]["verdict"], "inconsistent", "{doc}");
        assert_ne!(changes[0]["verdict"], "unverifiable", "{doc}");
        let printed = figures_printed(changes[0]);
        assert!(printed.contains(&level), "{doc}");
    }
}

/// A table of amounts with the currency after each ("1,28 billion Dollars   1,27 billion
/// Dollars") is read, each currency word one amount's — it once made `check` panic.
#[test]
fn a_table_of_amounts_with_currency_words_after_them_is_read() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "table.txt",
        "Turkey-Canada bilateral trade reached a total of 2,3 billion USD in 2013.\n\n\
         \x20                   2013                    2014\n\n\
         Turkish Exports to Canada:      1,28 billion Dollars         1,27 billion Dollars\n\n\
         Turkish Imports from Canada: 862 million Dollars          962 million Dollars\n",
    );
    let amounts: Vec<&str> = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["why"] == "amount")
        .map(|n| n["printed"].as_str().unwrap())
        .collect();
    assert_eq!(
        amounts,
        vec![
            "2,3 billion USD",
            "1,28 billion Dollars",
            "1,27 billion Dollars",
            "862 million Dollars",
            "962 million Dollars"
        ],
        "{doc}"
    );
}

/// "neared US$704 million" is a hedge, as "nearly": a little under it.
#[test]
fn neared_is_a_hedge() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "neared.txt",
        "In 2018, Peru's trade with the UK grew. Total exports neared US$704 million and imports \
         totaled US$243 million. The traditional sector (US$296 million) accounted for 42.2% of \
         total shipments.\n",
    );
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 1, "{doc}");
    assert!(
        shares[0]["verdict"]
            .as_str()
            .is_some_and(|v| v.starts_with("consistent")),
        "{doc}"
    );
}

/// "descendieron un 19,2%, de US$531 millones a US$429 millones": the Spanish "a" is "to"
/// (not the English article), so the pair after the rate is its base and new value.
#[test]
fn a_spanish_from_to_after_a_rate_is_its_pair() {
    let wd = Workdir::new();
    for text in [
        "Las exportaciones a Brasil descendieron un 19,2%, de US$531 millones a US$429 \
         millones, entre enero y mayo de 2016.\n",
        "Las importaciones cayeron un 12.6%, pasando de 531.5 a 464.5 millones de dólares en \
         el primer trimestre de 2024.\n",
    ] {
        let doc = check_text(&wd, "es.txt", text);
        let changes = claims_of(&doc, "change");
        assert_eq!(changes.len(), 1, "{doc}");
        assert_eq!(changes[0]["figures"].as_array().unwrap().len(), 2, "{doc}");
        assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    }
}

/// Spanish and Portuguese verbs of trade name their flow: "vendió" (sold) are exports,
/// "erogó en comprar" (spent buying) imports — a balance of the two is checked.
#[test]
fn spanish_verbs_of_selling_and_buying_are_flows() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "verbos.txt",
        "En 2022, Honduras vendió 133.7 millones de dólares a Costa Rica, en cambio, erogó en \
         comprar 611.8 millones de dólares, generando un déficit de 478.1 millones de dólares.\n",
    );
    let balances = claims_of(&doc, "balance");
    assert_eq!(balances.len(), 1, "{doc}");
    assert_eq!(balances[0]["verdict"], "consistent", "{doc}");
    assert_eq!(balances[0]["figures"].as_array().unwrap().len(), 3, "{doc}");
}

/// A spaced ampersand is "and": "imports & exports" is the trade.
#[test]
fn imports_and_exports_with_an_ampersand_are_the_trade() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "amp.txt",
        "In the first ten months of 2015, Latvia's imports & exports volume with China was USD \
         22.04 billion; exports were USD 10.04 billion and imports USD 12 billion.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(sums[0]["verdict"], "consistent", "{doc}");
}

/// "the increase was 15.2% compared to 2017 (43.28 million USD)": a direction word before
/// "was" says the rate is a change.
#[test]
fn the_increase_was_a_rate_is_a_change() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "was.txt",
        "In 2018, exports from Armenia to Italy amounted to 49.88 million USD; the increase was \
         15.2% compared to 2017 (43.28 million USD).\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["43.28 million USD", "49.88 million USD"],
        "{doc}"
    );
}

/// "It should be noted that ..." is a remark, not a forecast: the amount it introduces is
/// a figure.
#[test]
fn it_should_be_noted_is_no_forecast() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "noted.txt",
        "It should be noted that the trade turnover between Azerbaijan and the UK amounted to \
         $667.8 million in 2021. Azerbaijani exports to the UK amounted to $396.6 million while \
         imports were $271.1 million.\n",
    );
    assert_eq!(number(&doc, "$667.8 million")["role"], "figure", "{doc}");
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    // (396.6 + 271.1 = 667.7: 667.8 only by the rounding of the printed numbers)
    assert_eq!(sums[0]["verdict"], "consistent-by-rounding", "{doc}");
}

/// "It accounted for 1.0% of Latvia's total exports": the whole is the economy's total of
/// that flow and period printed sentences before; the part stays a flow of the pair's
/// trade (its sum is still found); a full stop with its space lost still ends a sentence.
#[test]
fn a_partners_share_of_a_total_printed_before() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "latvia.txt",
        "From January to October in 2015, Latvia's exports volume was USD 10.04 billion, down \
         17.7%, and imports volume was USD 12 billion, down 18.8%.The trade deficit was USD \
         1.96 billion.\nFrom January to October, imports and exports between Latvia and China \
         was USD 490 million, down 4.4%. Latvia's exports value was USD 100 million, down \
         12.9%. It accounted for 1.0% of Latvia's total exports. Latvia's imports from China \
         reached USD 390 million, down 1.9%. It accounted for 3.2% of total imports.\n",
    );
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(shares[0]),
        vec!["USD 100 million", "USD 10.04 billion"],
        "{doc}"
    );
    assert_eq!(
        figures_printed(shares[1]),
        vec!["USD 390 million", "USD 12 billion"],
        "{doc}"
    );
    assert!(shares.iter().all(|s| s["verdict"] == "consistent"), "{doc}");
    let sums = claims_of(&doc, "sum");
    assert!(
        sums.iter()
            .any(|s| figures_printed(s)[0] == "USD 490 million" && s["verdict"] == "consistent"),
        "{doc}"
    );
    // "down 18.8%.The": the rate is the imports', not the deficit's.
    let changes = claims_of(&doc, "change");
    assert!(
        changes
            .iter()
            .any(|c| c["says"] == "down 18.8%" && figures_printed(c) == vec!["USD 12 billion"]),
        "{doc}"
    );
}

/// The cedi's signs ("GH¢", "GH₵"); parts said "together"; a whole is not read past the
/// bracket a share closes ("(20.9% of total imports), followed by the UAE at ...").
#[test]
fn cedis_and_parts_that_together_make_a_share() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "ghana.txt",
        "Ghana's overall trade value stood at GH¢123.0 billion in the second quarter of 2024, \
         with exports totaling GH¢64.2 billion and imports at GH¢58.8 billion.\nGhana's import \
         market is dominated by gas oil GH¢7.3 billion, and motor spirit super GH¢7.2 billion, \
         which together account for 24.7 percent of the total import value of GH₵58.8 \
         billion. China is the primary source of Ghana's imports, contributing GH¢12.3 billion \
         (20.9% of total imports), followed by the UAE at GH¢9.1 billion.\n",
    );
    assert_eq!(number(&doc, "GH¢123.0 billion")["role"], "figure", "{doc}");
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(shares[0]),
        vec!["GH¢7.3 billion", "GH¢7.2 billion", "GH₵58.8 billion"],
        "{doc}"
    );
    assert_eq!(shares[0]["verdict"], "consistent", "{doc}");
    assert_eq!(
        figures_printed(shares[1])[1].replace('₵', "¢"),
        "GH¢58.8 billion",
        "{doc}"
    );
    assert_eq!(shares[1]["verdict"], "consistent", "{doc}");
}

/// "ISK 267 billion (USD 2.2 billion, EUR 1.9 billion), a decline of 6 percent": an ISO
/// code is a currency, and the rate is the main amount's, not its last conversion's.
#[test]
fn a_rate_after_conversions_is_the_main_amounts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "iceland.txt",
        "In value terms, Iceland's 2015 marine exports totaled ISK 267 billion (USD 2.2 \
         billion, EUR 1.9 billion), a decline of 6 percent compared to the previous year.\n\
         Europe provided the main markets, accounting for 75 percent of exports last year at \
         ISK 196.1 billion (USD 1.6 billion, EUR 1.4 billion).\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["ISK 267 billion"],
        "{doc}"
    );
    // 196.1 / 267 = 73.4%, not 75.
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(shares[0]),
        vec!["ISK 196.1 billion", "ISK 267 billion"],
        "{doc}"
    );
    assert_eq!(shares[0]["verdict"], "inconsistent", "{doc}");
}

/// "decreased by more than half": a fall of over 50%, the hedge not read as "more".
#[test]
fn a_fall_by_more_than_half() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "half.txt",
        "Trade between Venezuela and the United States decreased by more than half, from \
         $25.7 billion in the first half of 2008 to just over $12 billion in the first half of \
         2009.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    let doc = check_text(
        &wd,
        "half2.txt",
        "Trade between Venezuela and the United States decreased by more than half, from \
         $25.7 billion in the first half of 2008 to $14 billion in the first half of 2009.\n",
    );
    assert_eq!(
        claims_of(&doc, "change")[0]["verdict"],
        "inconsistent",
        "{doc}"
    );
}

/// "A significant excess of exports over imports in trade with Switzerland is $217.1
/// million": a surplus, not trade.
#[test]
fn an_excess_of_exports_over_imports_is_a_surplus() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "excess.txt",
        "In January-October 2019, Tajikistan's exports of goods to Switzerland totaled $224.8 \
         million, while imports from Switzerland were $7.7 million. A significant excess of \
         exports over imports in trade with Switzerland is $217.1 million.\n",
    );
    assert!(claims_of(&doc, "sum").is_empty(), "{doc}");
    let balances = claims_of(&doc, "balance");
    assert_eq!(balances.len(), 1, "{doc}");
    assert_eq!(balances[0]["verdict"], "consistent", "{doc}");
}

/// "Overall Exports (including export and re-export) fell by 0.3% to USD284.32 billion":
/// the bracket's words are not the amount's (it is all exports, not re-exports), so the
/// deficit is checked against it; "C&SD" names no country (SD is Sudan's code).
#[test]
fn words_in_a_closed_bracket_and_abbreviations_with_an_ampersand() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "hk.txt",
        "According to the statistics from C&SD in Hong Kong, its volume of goods trade was \
         USD582.12 billion from January to July in 2016. Overall Exports (including export and \
         re-export) fell by 0.3% to USD284.32 billion. The volume of export grew by 157.0% to \
         USD17.30 billion, and the volume of re-export fell by 4.1% to USD 267.02 billion. \
         Imports fell by 6.3% to USD297.80 billion. The trade deficit was USD13.61 billion.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert!(
        sums.iter().any(|s| figures_printed(s)
            == vec![
                "USD582.12 billion",
                "USD284.32 billion",
                "USD297.80 billion"
            ]
            && s["verdict"] == "consistent"),
        "{doc}"
    );
    // 297.80 - 284.32 = 13.48, not 13.61.
    let balances = claims_of(&doc, "balance");
    assert_eq!(balances.len(), 1, "{doc}");
    assert_eq!(balances[0]["verdict"], "inconsistent", "{doc}");
    let text = doc.to_string();
    assert!(!text.contains("SDN"), "{doc}");
}

/// "double negative rates of growth" is no multiple.
#[test]
fn a_double_negative_is_no_multiple() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "double.txt",
        "After these double negative rates of growth in 2012, trade between India and Austria \
         grew from EUR 338 million in 2001 to EUR 1.40 billion in 2015.\n",
    );
    assert!(claims_of(&doc, "multiple").is_empty(), "{doc}");
}

/// Polish: "mld dol.", "proc.", "wzrost o" ("up by"), "10 miesięcy 2021 r." (the first ten
/// months; "r." is the year's, no rand), "obroty", "eksport", "import".
#[test]
fn polish_amounts_rates_and_months() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "pl.txt",
        "Obroty handlowe Polski z Rosją w okresie 10 miesięcy 2021 r. wyniosły 23,487 mld dol. \
         (wzrost o 45,4 proc.). Dodano, że polski eksport stanowił 7,798 mld dol. (wzrost o \
         18,5 proc.), a polski import - 15,688 mld dol. (wzrost o 63,9 proc.).\n",
    );
    assert_eq!(number(&doc, "2021")["role"], "ignored", "{doc}");
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(sums[0]),
        vec!["23,487 mld dol", "7,798 mld dol", "15,688 mld dol"],
        "{doc}"
    );
    assert_eq!(sums[0]["figures"][0]["period"], "2021-01..2021-10", "{doc}");
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 3, "{doc}");
    assert!(
        changes.iter().all(|c| c["verdict"] == "unverifiable"),
        "{doc}"
    );
    assert_eq!(changes[1]["says"], "wzrost o 18,5 proc", "{doc}");
    assert_eq!(figures_printed(changes[1]), vec!["7,798 mld dol"], "{doc}");
}

/// Turkish "%30,1 artış" (the sign before the number) and "milyar dolar"; a count of
/// people with a word between ("423 thousand Romanian tourists") is no money.
#[test]
fn a_percent_sign_before_the_number_and_people_counted() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "tr.txt",
        "İki ülke arasındaki toplam ticaret hacmiyse 1,829 milyar dolar olarak gerçekleşti ve \
         2005 yılına göre, 2006'da %30,1 artış sağlandı.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["says"], "%30,1 artış", "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["1,829 milyar dolar"],
        "{doc}"
    );
    let doc = check_text(
        &wd,
        "tourists.txt",
        "In 2017, 423 thousand Romanian tourists have visited Turkey, with an increase of \
         %18,57 compared to 2016. Trade between Turkey and Romania was $5 billion.\n",
    );
    assert_eq!(number(&doc, "423 thousand")["role"], "ignored", "{doc}");
}

/// "a 24 percent drop in 2009 -- $528 million, compared with 2008, when they hit a record
/// of $710 million": a double dash is a pause, not a range from the year 2009.
#[test]
fn a_double_dash_after_a_year_is_no_range() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "dash.txt",
        "U.S. exports to Cuba already had seen a 24 percent drop in 2009 -- $528 million, \
         compared with 2008, when they hit a record of $710 million.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["$710 million", "$528 million"],
        "{doc}"
    );
    // 528 / 710 - 1 = -25.6%, not -24%.
    assert_eq!(changes[0]["verdict"], "inconsistent", "{doc}");
}

/// French verbs of trade ("a exporté", "a importé") name the flows; "up 53.2% from January
/// to May 2023": after a rate, "from" opens the base, whatever its months.
#[test]
fn french_verbs_and_a_base_range_after_a_rate() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "fr.txt",
        "La France a ainsi exporté vers Israël en 2019 pour 1536,3 millions d’euros, et a \
         importé à hauteur de 1305,1 millions d’euros. Entre 2018 et 2019, les échanges \
         commerciaux ont ainsi augmenté de 6,8 % entre les deux pays, atteignant un record de \
         2,84 milliards d’euros.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(sums[0]["verdict"], "consistent", "{doc}");
    let doc = check_text(
        &wd,
        "base.txt",
        "In the first five months of 2024, trade between Uzbekistan and the US surged to \
         $386.2 million. Uzbekistan's exports to the US totaled $110.2 million, up 53.2% from \
         January to May 2023. Meanwhile, imports from the US reached $276 million, a 48.9% \
         increase year-on-year.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(sums[0]["figures"][2]["period"], "2024-01..2024-05", "{doc}");
    assert_eq!(sums[0]["verdict"], "consistent", "{doc}");
}

/// "1 billion 496 million USD": one amount in two parts (1.496 billion, to the million).
#[test]
fn an_amount_in_two_parts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "parts.txt",
        "The bilateral trade volume between Turkey and Portugal stood at 1 billion 496 million \
         USD in 2017. (Turkish exports 811 million USD, imports 684 million USD).\n",
    );
    assert_eq!(
        number(&doc, "1 billion 496 million USD")["role"],
        "figure",
        "{doc}"
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    // 811 + 684 = 1,495: 1,496 only by the rounding of the printed numbers.
    assert_eq!(sums[0]["verdict"], "consistent-by-rounding", "{doc}");
    let doc = check_text(
        &wd,
        "parts2.txt",
        "The bilateral trade volume between Turkey and Portugal stood at 1 billion 596 million \
         USD in 2017. (Turkish exports 811 million USD, imports 684 million USD).\n",
    );
    assert_eq!(
        claims_of(&doc, "sum")[0]["verdict"],
        "inconsistent",
        "{doc}"
    );
    // Abbreviated scales are joined and valued alike: 1.496 / 1.3 - 1 = +15.1%.
    let doc = check_text(
        &wd,
        "parts3.txt",
        "Trade rose to 1 bln 496 mln USD in 2017 from 1 bln 300 mln USD in 2016, up 15.1%.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["1 bln 300 mln USD", "1 bln 496 mln USD"],
        "{doc}"
    );
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
}

/// "... compared to 2012 with total US$ 11.1 billion with minus balance (US$4.3 bln exports
/// and 6.7 bln imports)": the bracket's amounts are 2012's; "the main import partners of
/// Mongolia are China 35.2% (US$3.07 bln)": of the 2022 imports printed a paragraph before.
#[test]
fn a_brackets_amounts_share_its_period_and_a_list_finds_its_total() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "mn.txt",
        "In 2022, the total trade turnover of Mongolia reached US$ 21.2 billion (US$12.5 bln \
         exports and 8.7 bln imports) compared to 2012 with total US$ 11.1 billion with minus \
         balance (US$4.3 bln exports and 6.7 bln imports).\n\nThe main export destinations of \
         Mongolia are China 84% (US$10.5 bln) and Switzerland 8.2% (US$1.03 bln). Top EU \
         destinations include Italy and Germany. With leading export commodities such as live \
         animals and textiles.\n\nMeanwhile, the main import partners of Mongolia are China \
         35.2% (US$3.07 bln) and Russia 30% (US$2.61 bln).\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 2, "{doc}");
    assert_eq!(sums[1]["figures"][1]["period"], "2012", "{doc}");
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 4, "{doc}");
    assert_eq!(
        figures_printed(shares[2]),
        vec!["US$3.07 bln", "8.7 bln"],
        "{doc}"
    );
    assert!(
        shares.iter().all(|s| s["verdict"] != "inconsistent"),
        "{doc}"
    );
}

/// "imports ... were $120.50 billion (US$0.80 billion at $150=US$1) ... This, compared to
/// imports in 2020 of $100.00 billion (US$0.70 billion) versus exports of $44.00 billion.
/// Imports rose by $20.50 billion or 20.5 per cent": an exchange rate is no trade figure, a
/// sentence of bases has the one period it names for each, and a rate said with a
/// difference compares the difference's amounts, in its direction.
#[test]
fn a_rate_said_with_a_difference_printed_sentences_before() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "bb.txt",
        "Figures from the statistics office show that imports into Barbados from its CARICOM \
         partners were $120.50 billion (US$0.80 billion at $150=US$1), while exports by \
         Barbados to these countries totalled $40.20 billion in 2021. This, compared to imports \
         in 2020 of $100.00 billion (US$0.70 billion) versus exports to the CARICOM countries \
         of $44.00 billion.\n\nImports into Barbados from its CARICOM partners rose by $20.50 \
         billion or 20.5 per cent in 2021 when compared to 2020. Exports declined by $3.80 \
         billion or 9 per cent in 2021 compared to the year before.\n",
    );
    let ignored = |printed: &str| {
        doc["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["printed"] == printed && n["role"] == "ignored")
    };
    assert!(ignored("$150") && ignored("US$1"), "{doc}");
    let differences = claims_of(&doc, "difference");
    assert_eq!(differences.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(differences[1]),
        vec!["$3.80 billion", "$44.00 billion", "$40.20 billion"],
        "{doc}"
    );
    assert_eq!(differences[1]["figures"][1]["period"], "2020", "{doc}");
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["$100.00 billion", "$120.50 billion", "$20.50 billion"],
        "{doc}"
    );
    assert!(
        changes.iter().all(|c| c["verdict"] == "consistent"),
        "{doc}"
    );
}

/// "the import figure is three times that of the country's export, which stands at about Nu
/// 12bn" (the imports a sentence before, in ngultrum); "... is expected to continue as the
/// first quarter saw Nu 24bn in trade deficit" (a fact past "as the", no forecast); "surged
/// at an average rate of 20.1% annually, rising from ..." (an average rate of change, no
/// tariff); "a 19.5 per cent year-on-year growth" (a change past the year-on-year).
#[test]
fn times_that_of_the_sentence_before_and_rates_past_their_words() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "bt.txt",
        "Bhutan imported over Nu 36bn worth of goods in the first three months of 2024. The \
         import figure is three times that of the country's export, which stands at about Nu \
         12bn. The trend of a widening gap is expected to continue as the first quarter saw Nu \
         24bn in trade deficit.\n\nOver the past five years, Bhutan's exports to Nepal have \
         surged at an average rate of 20.1% annually, rising from $40 million in 2018 to $100 \
         million in 2023. Its exports to Bangladesh climbed from $50 million in 2022 to $59.75 \
         million in 2023 — a 19.5 per cent year-on-year growth.\n",
    );
    let multiples = claims_of(&doc, "multiple");
    assert_eq!(multiples.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(multiples[0]),
        vec!["Nu 12bn", "Nu 36bn"],
        "{doc}"
    );
    assert_eq!(multiples[0]["verdict"], "consistent", "{doc}");
    let balances = claims_of(&doc, "balance");
    assert_eq!(balances.len(), 1, "{doc}");
    assert_eq!(balances[0]["figures"][0]["printed"], "Nu 24bn", "{doc}");
    let changes = claims_of(&doc, "change");
    let said = |says: &str| changes.iter().find(|c| c["says"] == says).cloned();
    let average = said("20.1%").unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(
        figures_printed(average),
        vec!["$40 million", "$100 million"],
        "{doc}"
    );
    assert_eq!(average["verdict"], "consistent", "{doc}");
    let growth = said("19.5 per cent year-on-year growth").unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(growth["verdict"], "consistent", "{doc}");
}

/// "an average annual negative growth rate of 8.1%" is a fall; "1,193 billion US dollars ...
/// 20.85% more than last year (987,6 million)" may print a decimal comma, so a result a
/// thousand times off is not judged; "exports in 2000 were worth $10.3 million, more than 4
/// times higher than that in the previous year": the amount is the new value, not the base
/// of the next year's.
#[test]
fn a_negative_growth_an_ambiguous_comma_and_the_previous_years_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "neg.txt",
        "Exports from the Community to the region fell from $1.2 billion in 2010 to $0.8 \
         billion in 2015, at an average annual negative growth rate of 7.8%.\n\nFor the first \
         half of 2022, the volume of imports from Peru amounted to 1,204 billion US dollars, \
         which is of 20.55% more than last year (999,1 million).\n\nIn the first six months \
         of 2001, exports to Chile amounted to $3.4 million. Exports to Chile in 2000 were \
         worth $11.6 million, which is more than 4 times higher than that in the previous \
         year.\n",
    );
    let changes = claims_of(&doc, "change");
    let said = |says: &str| {
        changes
            .iter()
            .find(|c| c["says"].as_str().unwrap().contains(says))
            .unwrap_or_else(|| panic!("{says}: {doc}"))
    };
    assert_eq!(
        said("negative growth rate")["verdict"],
        "consistent",
        "{doc}"
    );
    assert_eq!(said("20.55%")["verdict"], "unverifiable", "{doc}");
    let multiples = claims_of(&doc, "multiple");
    assert_eq!(multiples.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(multiples[0]),
        vec!["$11.6 million"],
        "{doc}"
    );
    assert_eq!(multiples[0]["verdict"], "unverifiable", "{doc}");
}

/// Months in Spanish, Portuguese and French: "entre enero y abril de 2013", "los primeros
/// siete meses del 2014", "des onze premiers mois de l'année 2009", "la première moitié de
/// 2012", "no mesmo período" (the period in focus, not a year before); a headline line with
/// no full stop is a sentence of its own.
#[test]
fn months_and_periods_in_other_languages() {
    let wd = Workdir::new();
    let period_of = |name: &str, text: &str, printed: &str| -> String {
        let doc = check_text(&wd, name, text);
        doc["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["printed"] == printed)
            .and_then(|n| n["read_as"]["period"].as_str())
            .unwrap_or_else(|| panic!("{printed}: {doc}"))
            .to_string()
    };
    assert_eq!(
        period_of(
            "es.txt",
            "Las ventas a Chile cayeron por US$ 90 millones\nEntre enero y abril de 2013 el Perú \
             despachó hacia Chile mercaderías por 1.200 millones de dólares, según datos \
             publicados por la SUNAT, lo que implica una baja de 7% con respecto al mismo \
             período del año pasado y muestra un mercado que sigue siendo importante.\n",
            "1.200 millones de dólares"
        ),
        "2013-01..2013-04"
    );
    let doc = check_text(
        &wd,
        "es3.txt",
        "Las ventas a Chile cayeron por US$ 90 millones\nEntre enero y abril de 2013 el Perú \
         despachó hacia Chile mercaderías por 1.200 millones de dólares, lo que implica una \
         baja de 7% con respecto al mismo período del año pasado.\n",
    );
    let fall = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"] == "baja de 7%")
        .unwrap_or_else(|| panic!("{doc}"));
    assert!(
        fall["quote"].as_str().unwrap().starts_with("Entre enero"),
        "{doc}"
    );
    assert_eq!(
        period_of(
            "es2.txt",
            "Las exportaciones ecuatorianas a Italia se situaron en los 354,4 millones de euros \
             en los primeros siete meses del 2014.\n",
            "354,4 millones de euros"
        ),
        "2014-01..2014-07"
    );
    assert_eq!(
        period_of(
            "fr.txt",
            "La France conserve un excédent commercial avec ce pays : 395 millions d'euros à \
             l'issue des onze premiers mois de l'année 2009.\n",
            "395 millions d'euros"
        ),
        "2009-01..2009-11"
    );
    assert_eq!(
        period_of(
            "fr2.txt",
            "Le déficit commercial de la France avec le Japon dans la première moitié de 2012 \
             était de 3,4 milliards d'euros.\n",
            "3,4 milliards d'euros"
        ),
        "2012-H1"
    );
    assert_eq!(
        period_of(
            "pt.txt",
            "De janeiro a julho deste ano de 2018, o Brasil exportou para o Chile US$ 2,18 \
             bilhões e importou no mesmo período US$ 1,09 bilhões.\n",
            "US$ 1,09 bilhões"
        ),
        "2018-01..2018-07"
    );
}

/// "exports ... totalled EUR 12.4 billion ... The most important partners in exports were
/// Estonia (12.8 per cent)": a share with no amount of its own is of the economy's total of
/// the flow its sentence names, printed before; its part is not printed.
#[test]
fn a_partners_share_of_the_flow_named_before_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "lv.txt",
        "In January–June 2011, exports of Latvia totalled EUR 4.4 billion, while imports \
         totalled EUR 5.6 billion. Exports decreased by 12.0 per cent against the same period \
         of 2010. The most important partners in exports were Estonia (12.8 per cent) and \
         Lithuania (10.2 per cent).\n",
    );
    // ... and a change with no amount of its own is of that flow's amount just before.
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["EUR 4.4 billion"],
        "{doc}"
    );
    assert_eq!(changes[0]["unchecked"], "no-base", "{doc}");
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 2, "{doc}");
    for share in &shares {
        assert_eq!(figures_printed(share), vec!["EUR 4.4 billion"], "{doc}");
        assert_eq!(share["unchecked"], "no-part", "{doc}");
        assert_eq!(share["verdict"], "unverifiable", "{doc}");
    }
}

/// "a coverage ratio of 62.5 percent": exports over imports of the amounts printed before
/// it, in any language; the ratio of another period ("from 58.1%") is not paired with them,
/// and the exports stay a part of the trade's sum.
#[test]
fn an_export_to_import_coverage_ratio() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "cov.txt",
        "In 2022, trade between Ruritania and Norway reached €6.5 billion. Ruritania's exports \
         to Norway were €2.5 billion and its imports from Norway €4 billion. The \
         export-to-import coverage ratio rose to 62.5 percent from 58.1 percent a year earlier.\n",
    );
    let shares = claims_of(&doc, "share");
    let paired: Vec<_> = shares
        .iter()
        .filter(|c| c["figures"].as_array().is_some_and(|f| f.len() == 2))
        .collect();
    assert_eq!(paired.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(paired[0]),
        vec!["€2.5 billion", "€4 billion"],
        "{doc}"
    );
    assert_eq!(paired[0]["verdict"], "consistent", "{doc}");
    assert_eq!(claims_of(&doc, "sum").len(), 1, "{doc}");
    // French, the ratio off by a point: flagged.
    let doc = check_text(
        &wd,
        "cov-fr.txt",
        "En 2019, les exportations du Maroc vers l'Espagne ont atteint 7,5 milliards d'euros et \
         les importations 8,4 milliards d'euros. Le taux de couverture des importations par les \
         exportations s'établit ainsi à 91,3%.\n",
    );
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(shares[0]),
        vec!["7,5 milliards d'euros", "8,4 milliards d'euros"],
        "{doc}"
    );
    assert_eq!(shares[0]["verdict"], "inconsistent", "{doc}");
    // "covered" with no imports after it is no coverage ratio.
    let doc = check_text(
        &wd,
        "cov-no.txt",
        "Exports to Norway were €2.5 billion and imports from Norway €4 billion. Fish covered \
         40 percent of the total trade.\n",
    );
    assert!(
        claims_of(&doc, "share")
            .iter()
            .all(|c| figures_printed(c) != vec!["€2.5 billion", "€4 billion"]),
        "{doc}"
    );
}

/// "showing a 57.85% of growth" is a change; "in the first 10 months of 2005 and 2006
/// amounted to USD 34.5 million and 49.8 million respectively": the periods listed before
/// the amounts, the second year with the first's months.
#[test]
fn a_percent_of_growth_and_periods_listed_before_their_amounts() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "growth.txt",
        "Ruritania's exports to Chile in the first 10 months of 2005 and 2006 amounted to USD \
         40.0 million and 50.0 million respectively, which means a 25% of growth.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["USD 40.0 million", "50.0 million"],
        "{doc}"
    );
    let periods: Vec<&str> = changes[0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["period"].as_str().unwrap())
        .collect();
    assert_eq!(
        periods,
        vec!["2005-01..2005-10", "2006-01..2006-10"],
        "{doc}"
    );
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
}

/// "In 2013 ... Ten years later": so many years after the year in focus; "total apparel
/// exports were valued at $ 4.3 billion, with exports to Italy accounting for 9% or $ 408
/// million": a share of the product's total printed just before.
#[test]
fn years_later_and_a_share_of_a_products_total() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "later.txt",
        "In 2013, Ruritania's total apparel exports were valued at $ 4.0 billion, with exports \
         to Italy accounting for 10% or $ 400 million. Ten years later, Ruritania's total \
         apparel exports saw a 10% increase to $ 4.4 billion, while exports to Italy surged \
         50% to $ 600 million, accounting for nearly 20% of Ruritania's total apparel \
         exports.\n",
    );
    let change = claims_of(&doc, "change")
        .into_iter()
        .find(|c| c["says"] == "surged 50%")
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(
        figures_printed(change),
        vec!["$ 400 million", "$ 600 million"],
        "{doc}"
    );
    assert_eq!(change["verdict"], "consistent", "{doc}");
    let shares = claims_of(&doc, "share");
    let of = |says: &str| {
        shares
            .iter()
            .find(|c| c["says"] == says)
            .unwrap_or_else(|| panic!("{says}: {doc}"))
    };
    assert_eq!(
        figures_printed(of("10%")),
        vec!["$ 400 million", "$ 4.0 billion"],
        "{doc}"
    );
    assert_eq!(of("10%")["verdict"], "consistent", "{doc}");
    // 600 / 4,400 = 13.6%: not "nearly 20%".
    assert_eq!(
        figures_printed(of("nearly 20%")),
        vec!["$ 600 million", "$ 4.4 billion"],
        "{doc}"
    );
    assert_eq!(of("nearly 20%")["verdict"], "inconsistent", "{doc}");
}

/// Russian: scales ("млн", "млрд"), currencies ("евро", "долларов"), flows ("товарооборот",
/// "экспорт", "импорт", "сальдо"), changes said with "на" (never a share), country names
/// in their cases ("Молдовой", "Украины") and the prepositions of a flow ("в", "из").
#[test]
fn russian_amounts_flows_and_countries() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "ru.txt",
        "Товарооборот между Молдовой и Румынией в январе-мае 2019 г. составил $250,5 млн. \
         Экспорт в Румынию вырос на 12% - до $100,2 млн., а импорт из Румынии уменьшился на \
         5% - до $150,3 млн. Отрицательное сальдо составило $60,1 млн.\n",
    );
    assert_eq!(doc["reporter"], "MDA", "{doc}");
    assert_eq!(doc["partner"], "ROU", "{doc}");
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(sums[0]),
        vec!["$250,5 млн", "$100,2 млн", "$150,3 млн"],
        "{doc}"
    );
    assert_eq!(sums[0]["verdict"], "consistent", "{doc}");
    let periods: Vec<&str> = sums[0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, vec!["2019-01..2019-05"; 3], "{doc}");
    // A negative balance: 100.2 - 150.3 = -50.1, not the printed 60.1.
    let balances = claims_of(&doc, "balance");
    assert_eq!(balances.len(), 1, "{doc}");
    assert_eq!(balances[0]["verdict"], "inconsistent", "{doc}");
    // The rates said with "на" are changes with no base printed, never shares.
    assert!(claims_of(&doc, "share").is_empty(), "{doc}");
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert!(
        changes.iter().all(|c| c["verdict"] == "unverifiable"),
        "{doc}"
    );
}

/// "worth NZD$3.62 billion. NZD$2.17 billion of that was goods exported ..., and NZD$1.45
/// billion goods imported ...": a currency that opens the next amount starts a sentence,
/// and the participle after an amount names its flow; "imports climbing $35.4 million, or
/// 32.9 percent to $143 million": a difference said with a verb in -ing; "increased by
/// 11.1 percent – up to $3.4 million": "up to" after a rate is the new value, no bound.
#[test]
fn glued_codes_participles_and_up_to_after_a_rate() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "nz.txt",
        "In 2018, two-way trade between Ruritania and the Pacific was worth NZD$3.62 billion. \
         NZD$2.17 billion of that was goods exported from Ruritania to the Pacific, and \
         NZD$1.45 billion goods imported from the Pacific.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(sums[0]),
        vec!["NZD$3.62 billion", "NZD$2.17 billion", "NZD$1.45 billion"],
        "{doc}"
    );
    assert_eq!(sums[0]["verdict"], "consistent", "{doc}");
    let doc = check_text(
        &wd,
        "fj.txt",
        "In June, Ruritania's imports from Singapore were up, climbing $35.4 million, or 32.9 \
         percent to $143 million.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        vec!["$35.4 million", "$143 million"],
        "{doc}"
    );
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    let doc = check_text(
        &wd,
        "upto.txt",
        "In January-May 2017, trade between Ruritania and Latvia amounted to $3.72 million. \
         Exports to Latvia amounted to $312,010 and imports from Latvia increased by 11.1 \
         percent – up to $3.4 million.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    // 0.312 + 3.4 = 3.712, within the rounding of "$3.4 million": no bound "up to" it.
    assert_eq!(sums[0]["verdict"], "consistent-by-rounding", "{doc}");
}

/// "It hit €104 billion, comprising €53.3 billion in goods trade and €51.1 billion in
/// services trade": a total and the kinds of trade that make it up all (the sentence
/// pointing back with "it" to the trade named before); "In the first semester of this
/// year ... compared to the first semester of 2021": the base's year says which year
/// "this year" is.
#[test]
fn kinds_of_trade_that_make_up_a_total_and_this_year_by_its_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "kinds.txt",
        "Total trade in goods and services between Ruritania and the EU passed €100 billion in \
         2017. It hit €104 billion, comprising €53.3 billion in goods trade and €49.1 billion \
         in services trade.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(sums[0]),
        vec!["€104 billion", "€53.3 billion", "€49.1 billion"],
        "{doc}"
    );
    // 53.3 + 49.1 = 102.4, not 104.
    assert_eq!(sums[0]["verdict"], "inconsistent", "{doc}");
    // "including" lists some of the parts: no sum.
    let doc = check_text(
        &wd,
        "incl.txt",
        "Total trade between Ruritania and the EU hit €104 billion in 2017, including €53.3 \
         billion in goods trade and €20.1 billion in services trade.\n",
    );
    assert!(claims_of(&doc, "sum").is_empty(), "{doc}");
    let doc = check_text(
        &wd,
        "this.txt",
        "In the first semester of this year, the total trade between Ruritania and Chile \
         increased by 55.1 percent or worth 1.80 billion US dollars, compared to the first \
         semester of 2021 of 1.16 billion US dollars.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    let periods: Vec<&str> = changes[0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, vec!["2021-H1", "2022-H1"], "{doc}");
}

/// "$803.6 million in the 5-year period — 2013-2017 –": a run of years is no one period,
/// and its amount is summed with no parts; "since in 2017 ..." gives a reason, not a
/// starting point: 2017 is the period of the amounts after it.
#[test]
fn a_run_of_years_and_a_since_of_reason() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "run.txt",
        "While trade between Ruritania and Chile was $803.6 million in the 5-year period — \
         2013-2017 –, it reached $892.4 million in the first five months of 2018. Ruritania's \
         exports to Chile were $58.2 million and imports $834.2 million in the 5-month \
         period.\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(sums[0]),
        vec!["$892.4 million", "$58.2 million", "$834.2 million"],
        "{doc}"
    );
    assert_eq!(sums[0]["verdict"], "consistent", "{doc}");
    let doc = check_text(
        &wd,
        "since.txt",
        "The deficit of Ruritania with Chile grew, since in 2017 Ruritanian exports to Chile \
         reached 831.7 million dollars.\n",
    );
    let amount = doc["numbers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["printed"] == "831.7 million dollars")
        .unwrap_or_else(|| panic!("{doc}"));
    assert_eq!(amount["read_as"]["period"], "2017", "{doc}");
}

/// Rates of a price or a volume ("boosted by a 4.2% increase in the average price, while
/// volume was up 14.5%") are no rates of the trade's value; a measure word inside a name
/// given with its abbreviation ("the International Merchandise Trade (IMT) Statistical
/// Bulletin") is no figure's measure; in Spanish "2.458 millones" may be thousands: far
/// off, not judged.
#[test]
fn price_and_volume_rates_names_and_a_point_in_doubt() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "wine.txt",
        "In the first half of 2021, exports of Ruritanian wine increased 19.3% to €436m — \
         €70.5m more than last year — boosted by a 4.2% increase in the average price, while \
         volume was up 14.5%.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["says"], "increased 19.3%", "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    let doc = check_text(
        &wd,
        "imt.txt",
        "Ruritania's trade deficit with Chile increased to US$351.2 million in 2018. In its \
         International Merchandise Trade (IMT) Statistical Bulletin, the institute said the \
         2018 figure is up from the US$276.3 million recorded in 2017. Exports to Chile were \
         US$66.8 million in 2017 and imports from Chile US$226.1 million.\n",
    );
    // The US$276.3 million is no trade total: no sum of parts with it.
    assert!(claims_of(&doc, "sum").is_empty(), "{doc}");
    let doc = check_text(
        &wd,
        "es.txt",
        "En 2024, el intercambio de Ruritania con Chile registró un déficit de 2.458 millones \
         de dólares: las exportaciones sumaron 580.2 millones de dólares y las importaciones \
         1.200,5 millones de dólares.\n",
    );
    let balances = claims_of(&doc, "balance");
    assert_eq!(balances.len(), 1, "{doc}");
    assert_eq!(balances[0]["verdict"], "unverifiable", "{doc}");
}

/// Months of "the past year" or "last year" in a text that says "this year" are the year
/// before; "the same time span of 2022" is a base like "the same period of 2022"; an amount
/// right after a base's period said with "from" is the new value; a rate's base may be in a
/// later sentence of the same flow (not one that states another rate of its own).
#[test]
fn months_of_last_year_beside_this_year_and_a_base_said_after() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "h1.txt",
        "Peru's exports to Ghana increased five percent in the first six months of 2023. The \
         ministry put Peru's exports to Ghana at $352 million in January-June 2023, while the \
         figure was $335 million in the same time span of 2022.\n\nThe two countries' trade \
         dropped 27 percent to $993 million in the first half of this year from $1.373 \
         billion in the first six months of the past year. Ghana's exports to Peru in the \
         mentioned six months experienced a 38 percent drop and reached $641 million. In the \
         first half of last year, Ghana exported $1.038 billion of goods to Peru.\n",
    );
    let changes = claims_of(&doc, "change");
    let by_rate = |says: &str| {
        changes
            .iter()
            .find(|c| c["says"] == says)
            .unwrap_or_else(|| panic!("no change says {says}: {doc}"))
    };
    let periods = |c: &Json| -> Vec<String> {
        c["figures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["period"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let five = by_rate("increased five percent");
    assert_eq!(five["verdict"], "consistent", "{doc}");
    assert_eq!(periods(five), ["2022-H1", "2023-H1"], "{doc}");
    let drop = by_rate("dropped 27 percent");
    assert_eq!(drop["verdict"], "inconsistent", "{doc}");
    assert_eq!(periods(drop), ["2022-H1", "2023-H1"], "{doc}");
    let ghana = by_rate("38 percent drop");
    assert_eq!(ghana["verdict"], "consistent", "{doc}");
    assert_eq!(ghana["figures"][0]["printed"], "$1.038 billion", "{doc}");
    // Both totals add up from their parts, each in its own half-year.
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 2, "{doc}");
    assert!(sums.iter().all(|c| c["verdict"] == "consistent"), "{doc}");

    let doc = check_text(
        &wd,
        "span.txt",
        "Trade between Peru and Ghana in the first 5 months of 2023 was down 55.1% from the \
         same time span in 2022 at $62 million.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "unverifiable", "{doc}");
    assert_eq!(
        changes[0]["figures"][0]["period"], "2023-01..2023-05",
        "{doc}"
    );
}

/// A rate with its sign in brackets after a difference ("increased by €973 million (+5%)
/// to €22,268 million") is a change by that difference; a currency code glued to a minus
/// sign ("(CZK−3.2 bn)") is a fall, not a name like "F-16", and the figure is shown as the
/// text prints it, minus sign and all.
#[test]
fn a_signed_rate_by_a_difference_and_a_code_with_a_minus_sign() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "signed.txt",
        "Exports of Irish medical products to Belgium increased by €973 million (+5%) to \
         €22,268 million in 2014 while exports of organic chemicals decreased by €423 \
         million (-2%) to €18,166 million.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    for c in &changes {
        assert_eq!(c["verdict"], "consistent", "{doc}");
        assert_eq!(c["figures"].as_array().unwrap().len(), 2, "{doc}");
    }
    let doc = check_text(
        &wd,
        "minus.txt",
        "Y-o-y, Czech imports from Germany went down by 2.3% (CZK\u{2212}3.2 bn) and reached \
         CZK 136.1 bn in January 2021.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    assert_eq!(
        changes[0]["figures"][0]["printed"], "CZK\u{2212}3.2 bn",
        "{doc}"
    );
    assert!(
        doc["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["printed"] == "CZK\u{2212}3.2 bn" && n["role"] == "figure"),
        "{doc}"
    );
    // What a rate says is shown as printed too, and still read as a fall.
    let doc = check_text(
        &wd,
        "trend.txt",
        "The trend of Czech trade with Germany shows decreasing exports (\u{2212}0.9%).\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["says"], "\u{2212}0.9%", "{doc}");
    assert_eq!(changes[0]["verdict"], "unverifiable", "{doc}");
}

/// "USD60.10 billion (40.0%) were exported goods": the flow is named past its share in
/// brackets, and the shares are of the total of their own year (not of the year before
/// printed after it); "Of this value, ..." points at the partner's total before, whose
/// flows add up to it and make its balance, though it is a share of the whole trade.
#[test]
fn a_breakdown_in_brackets_of_this_years_total_and_of_this_value() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "breakdown.txt",
        "Chile's total external trade in goods in 2021 amounted to USD150.40 billion, an \
         increase of 0.3 percent from USD149.95 billion in 2020. Of the total external \
         trade, USD60.10 billion (40.0%) were exported goods and USD90.30 billion (60.0%) \
         were imported goods.\n\nChile's trade with ASEAN member countries was valued at \
         USD12.50 billion or 8.3 percent of the total trade in 2021. Of this value, USD5.00 \
         billion (40.0%) were exported goods and USD7.50 billion (60.0%) were imported \
         goods. These figures resulted in a trade deficit of USD2.50 billion with ASEAN \
         member countries in 2021.\n",
    );
    let claims = doc["claims"].as_array().unwrap();
    assert!(claims.iter().all(|c| c["verdict"] == "consistent"), "{doc}");
    let shares = claims_of(&doc, "share");
    assert_eq!(shares.len(), 5, "{doc}");
    assert!(
        shares.iter().all(|c| c["figures"][1]["period"] == "2021"),
        "{doc}"
    );
    let sums = claims_of(&doc, "sum");
    let totals: Vec<&str> = sums
        .iter()
        .map(|c| c["figures"][0]["printed"].as_str().unwrap())
        .collect();
    assert_eq!(totals, ["USD150.40 billion", "USD12.50 billion"], "{doc}");
    let balances = claims_of(&doc, "balance");
    assert_eq!(balances.len(), 1, "{doc}");
    assert_eq!(
        balances[0]["figures"][0]["printed"], "USD2.50 billion",
        "{doc}"
    );
}

/// "Of the total import dollars spent in the first half, 40.0 percent or US$200.0M went
/// to ...": the whole named as the sentence opens is the imports total printed a few
/// sentences before (its year not said), and a share with no "of" in the next sentence
/// has the same whole.
#[test]
fn a_whole_named_as_the_sentence_opens() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "opening.txt",
        "In the first half of this year alone, Belize spent some US$500.0M on importing \
         goods.\nThis is according to a report on trade compiled by the Bureau of \
         Statistics.\nThe importation of fuel has cost the country more than US$90.0M for \
         those six months of the year. It accounts for more than 18 per cent of the total \
         monies spent on imports in the first half of 2010.\nOf the total import dollars \
         spent in the first half, 40.0 percent or US$200.0M went to the United States of \
         America while US$100.0M or 20.0 percent went to Mexico. Guatemala received 10 \
         percent or US$50.0M.\n",
    );
    let shares: Vec<&Json> = claims_of(&doc, "share")
        .into_iter()
        .filter(|c| c["figures"].as_array().unwrap().len() == 2)
        .collect();
    assert_eq!(shares.len(), 3, "{doc}");
    for c in &shares {
        assert_eq!(c["verdict"], "consistent", "{doc}");
        assert_eq!(c["figures"][1]["printed"], "US$500.0M", "{doc}");
    }
}

/// A duty changed "from 35 per cent to 10 per cent" and "40 percent of its population"
/// are no trade figures: no relation is built on them.
#[test]
fn a_duty_changed_and_a_share_of_people() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "duty.txt",
        "Kenya's exports to Uganda rose to Sh8.62 billion in the first quarter of 2024. \
         Quarterly exports have remained above Sh7 billion since July last year when Uganda \
         cut import duty on wheat imports from 35 per cent to 10 per cent. Uganda has a \
         $40-billion-a-year economy, but some 40 percent of its 45 million population live \
         in poverty.\n",
    );
    let says: Vec<&str> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["says"].as_str().unwrap())
        .collect();
    assert!(
        says.iter().all(|s| !s.contains("35 per cent")
            && !s.contains("10 per cent")
            && !s.contains("40 percent")),
        "{doc}"
    );
    for printed in ["35 per cent", "10 per cent", "40 percent"] {
        assert!(
            doc["numbers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n["printed"] == printed && n["role"] == "ignored"),
            "{printed}: {doc}"
        );
    }
}

/// "stood at MVR 216 million in November 2023 over MVR 165 million in the same period last
/// year": "over" after an amount and its period sets the base, it is no "more than".
#[test]
fn over_after_an_amount_is_a_comparison_not_a_bound() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "over.txt",
        "The Maldives' exports to Sri Lanka increased by 32 percent in November 2023 compared \
         to the same period last year. The value of exports stood at MVR 216 million in \
         November 2023 over MVR 165 million in the same period last year.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    // 216/165 = +30.9%, up to +31.6% within the rounding of the amounts.
    assert_eq!(changes[0]["verdict"], "consistent-by-rounding", "{doc}");
}

/// "con relación a los 876 millones de dólares reportados en 2012": a base's cue in
/// Spanish (as "frente a" is), and in Portuguese "com relação a".
#[test]
fn a_base_said_con_relacion_a() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "es.txt",
        "Según datos oficiales, el comercio bilateral México-Guatemala ascendió a 1,407 \
         millones de dólares en 2013, un aumento del 61 por ciento con relación a los 876 \
         millones de dólares reportados en 2012.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    assert_eq!(changes[0]["figures"].as_array().unwrap().len(), 2, "{doc}");
}

/// "the corresponding months of 2021-22": the same months of that (fiscal) year, as "the
/// corresponding period" is.
#[test]
fn the_corresponding_months_of_a_fiscal_year() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "fy.txt",
        "Pakistan's exports to Australia were $151.9 million during July-December FY23, \
         against $138.70 million during the corresponding months of 2021-22, with an \
         increase of 9.52%.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    assert_eq!(periods(changes[0]), ["2021-H2", "2022-H2"], "{doc}");
}

/// "imports in 2018 were $13,076,000 but also dropped to $3,458,000, which is about a 74%
/// fall": the amount the change went to is the later one, the one said first its base —
/// not an amount that merely "amounted to" something.
#[test]
fn dropped_to_after_a_dated_amount_is_the_new_value() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "to.txt",
        "Uganda's imports from Rwanda in 2018 were $13,076,000 but also dropped to \
         $3,458,000, which is about a 74% fall.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        ["$13,076,000", "$3,458,000"],
        "{doc}"
    );
}

/// Two rates each with its difference in one sentence: each rate's own ("78.1 per cent or
/// £1.4 billion"), not the first printed.
#[test]
fn each_rate_takes_the_difference_beside_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "two.txt",
        "Total UK imports from Nigeria in the four quarters to the end of Q1 2023 accounted \
         for £4.3 billion, an increase of 31.6 per cent or £1 billion, compared to Q4 2022 \
         while total UK imports from Nigeria amounted to £3.3 billion, an increase of 78.1 \
         per cent or £1.4 billion, compared to Q4 2022.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    let second = figures_printed(changes[1]);
    assert!(second.contains(&"£1.4 billion"), "{doc}");
    assert!(!second.contains(&"£1 billion"), "{doc}");
}

/// "amounted to 22 million pounds in the previous year's same three months" (and "in the
/// same period last year"): in a sentence that says no change, "amounted to" is a level
/// with its own period, the base of the change said before it ("decreased by 18 percent
/// ... to stand at 18 million pounds").
#[test]
fn amounted_to_in_the_previous_years_same_months_is_the_base() {
    let wd = Workdir::new();
    for base in [
        "in the previous year\u{2019}s same three months",
        "in the same period last year",
    ] {
        let doc = check_text(
            &wd,
            "same.txt",
            &format!(
                "The trade between Iran and the UK decreased by 18 percent in the first three \
                 months of 2024 compared to the same period last year to stand at 18 million \
                 pounds. The trade between Iran and the UK amounted to 22 million pounds \
                 {base}.\n"
            ),
        );
        assert_eq!(
            number(&doc, "22 million pounds")["read_as"]["period"],
            "2023-Q1",
            "{doc}"
        );
        assert_eq!(
            number(&doc, "18 million pounds")["read_as"]["period"],
            "2024-Q1",
            "{doc}"
        );
        let change = claim(&doc, "change");
        assert_eq!(
            figures_printed(change),
            ["22 million pounds", "18 million pounds"],
            "{doc}"
        );
        // 18/22 = -18.2%.
        assert_eq!(change["verdict"], "consistent", "{doc}");
    }
}

/// "rose by $33.8m (62%) to $88.7m": the new value after the bracketed rate, not the one
/// of the sentence's first change.
#[test]
fn a_bracketed_rate_leads_to_the_amount_after_it() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "bracket.txt",
        "In the first quarter of 2017 timber exports declined by $7.4m (1%) to $604.7m while \
         fish exports rose by $33.8m (62%) to $88.7m.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(figures_printed(changes[1]), ["$33.8m", "$88.7m"], "{doc}");
    // 33.8 / (88.7 - 33.8) = +61.6%.
    assert_eq!(changes[1]["verdict"], "consistent", "{doc}");
}

/// Investment stocks and forecasts are no trade: "FDI in Tanzania (stock) was $1.4
/// billion in 2022, a 3.5 percent increase" (a one-word bracket is no cut, a rate set
/// beside the amount speaks of it), "FDI ..., in 2023 stocks, reached €6.75 billion", "the
/// $6.05 billion forecast in a Reuters poll".
#[test]
fn investment_stocks_and_a_forecast_said_after_are_no_trade() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "money.txt",
        "U.S. goods exports to Tanzania in 2022 were $260 million. U.S. foreign direct \
         investment (FDI) in Tanzania (stock) was $1.4 billion in 2022, a 3.5 percent \
         increase from 2021. Foreign Direct Investment from Israel to Cyprus, in 2023 stocks, \
         reached €6.75 billion. Turkey's trade deficit was $5.195 billion in March, narrower \
         than the $6.05 billion forecast in a Reuters poll.\n",
    );
    for (printed, why) in [
        ("$1.4 billion", "money other than trade"),
        ("3.5 percent", "money other than trade"),
        ("€6.75 billion", "money other than trade"),
        ("$6.05 billion", "forecast"),
    ] {
        let n = number(&doc, printed);
        assert_eq!(n["role"], "ignored", "{printed}: {doc}");
        assert!(n["why"].as_str().unwrap().contains(why), "{printed}: {doc}");
    }
    assert_eq!(number(&doc, "$260 million")["role"], "figure", "{doc}");
    assert_eq!(number(&doc, "$5.195 billion")["role"], "figure", "{doc}");
    assert!(doc["claims"].as_array().unwrap().is_empty(), "{doc}");
}

/// "The export to import ratio in 2020 was 51.7 percent": exports over imports, as a
/// coverage ratio; "in the observed period" is the period in focus; "total trade
/// (imports + exports) increased by 5.3%" is a change of the total, not of a flow named
/// in brackets.
#[test]
fn an_export_to_import_ratio_and_flows_named_in_brackets() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "ratio.txt",
        "In the first nine months of 2021, total exports to Switzerland amounted to 128.5 \
         million euros, while total imports stood at 236.8 million euros. The external trade \
         deficit in the observed period was 108.2 million euros (an increase of 5.4 percent \
         relative to the same period in 2020). The export to import ratio during this time \
         was 54.3 percent.\n",
    );
    let share = claim(&doc, "share");
    assert_eq!(
        figures_printed(share),
        ["128.5 million euros", "236.8 million euros"],
        "{doc}"
    );
    // 128.5 / 236.8 = 54.27%.
    assert_eq!(share["verdict"], "consistent", "{doc}");
    assert_eq!(
        number(&doc, "108.2 million euros")["read_as"]["period"],
        "2021-01..2021-09",
        "{doc}"
    );

    let doc = check_text(
        &wd,
        "total.txt",
        "Trade between Moldova and Germany rose last year: total trade (imports + exports) \
         increased by 5.3%. The volume of trade between the two states exceeded €871.2 \
         million. Germany's exports to Moldova amounted to €547.7 million.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(figures_printed(change), ["€871.2 million"], "{doc}");
}

/// "€ 522 million, a 7% increase compared to 2021" with no 2021 amount of that flow
/// printed: not an amount whose year was only read as the year before another's ("rose
/// 43%, from € 45 million to € 64 million" of fertilizers).
#[test]
fn a_base_named_by_its_year_is_an_amount_dated_so_by_the_text() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "named.txt",
        "The exports of Dutch agri-food products to Mexico continued their upward trend: in \
         2022, their value reached a new record at € 522 million, a 7% increase compared to \
         2021. Impressive growth was also shown by fertilizer exports to Mexico: their \
         export value rose 43%, from € 45 million to € 64 million.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(figures_printed(changes[0]), ["€ 522 million"], "{doc}");
    assert_eq!(changes[0]["verdict"], "unverifiable", "{doc}");
}

/// "from 36.12 million Euros in the January-May 2014 period to 59.04 million Euros in
/// 2015, or up 63.48 percent": the new value said with a bare later year is of the same
/// months, and the rate is of those two.
#[test]
fn a_new_value_of_a_bare_year_takes_the_months_of_its_base() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "months.txt",
        "Indonesia's exports to Hungary were 112.40 million Euros in 2014. For the \
         January-May 2015 period, Indonesia recorded a significant increase in its exports \
         to Hungary, from 36.12 million Euros in the January-May 2014 period to 59.04 \
         million Euros in 2015, or up 63.48 percent.\n",
    );
    assert_eq!(
        number(&doc, "59.04 million Euros")["read_as"]["period"],
        "2015-01..2015-05",
        "{doc}"
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 1, "{doc}");
    assert_eq!(
        figures_printed(changes[0]),
        ["36.12 million Euros", "59.04 million Euros"],
        "{doc}"
    );
    // 59.04 / 36.12 = +63.46%, within the rounding of the amounts.
    assert_eq!(changes[0]["verdict"], "consistent-by-rounding", "{doc}");
}

/// "including more than US$72.5 million worth of Vietnamese exports ... and over US$28.5
/// million worth of its imports": the flow named right after "worth of" is the amount's
/// (not the exports named before it in the clause), so the parts add up.
#[test]
fn worth_of_its_imports_names_the_flow() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "worth.txt",
        "Last year alone, two-way trade revenues reached US$101 million, including more \
         than US$72.5 million worth of Vietnamese exports to Mozambique and over US$28.5 \
         million worth of its imports from this market.\n",
    );
    assert_eq!(
        number(&doc, "US$28.5 million")["read_as"]["measure"],
        "imports",
        "{doc}"
    );
    let sum = claim(&doc, "sum");
    assert_eq!(sum["verdict"], "consistent", "{doc}");
}

/// "Belgium ranked as the second-largest source of imports, contributing $6.8 billion, a
/// 50% increase, while China ... with $5.9 billion, up 13% from 2023": a rate said of an
/// economy outside the pair has no base in a sentence that does not name it (not the
/// Senegal imports of 2023 said before).
#[test]
fn a_third_economys_rate_takes_no_base_of_another_sentence() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "third.txt",
        "The Gambia's imports from Senegal surged from $8.5 billion in 2023 to $14.4 billion \
         in 2024, marking a 70% increase. Belgium ranked as the second-largest source of \
         imports, contributing $6.8 billion, a 50% increase, while China held steady in \
         third place with $5.9 billion, up 13% from 2023.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 3, "{doc}");
    assert_eq!(changes[0]["verdict"], "consistent", "{doc}");
    for change in &changes[1..] {
        assert_eq!(change["verdict"], "unverifiable", "{doc}");
        assert_eq!(figures_printed(change).len(), 1, "{doc}");
    }
}

/// "up by 1.83 percent from the previous year's $60.11 million": the base said right
/// after the rate, past "the previous year's".
#[test]
fn a_base_said_as_the_previous_years_amount() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "previous.txt",
        "Trade between the Philippines and Papua New Guinea was $18.56 million in February. \
         In January it was significantly higher at $61.2 million, up by 1.83 percent from the \
         previous year's $60.11 million.\n",
    );
    let change = claim(&doc, "change");
    assert_eq!(
        figures_printed(change),
        ["$60.11 million", "$61.2 million"],
        "{doc}"
    );
    // 61.2 / 60.11 = +1.81%, within the rounding of $61.2 million.
    assert_eq!(change["verdict"], "consistent-by-rounding", "{doc}");
}

/// "The positive trade gap with Libya stood at €8.5 million": a surplus, not the deficit a
/// bare "trade gap" is.
#[test]
fn a_positive_trade_gap_is_a_surplus() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "gap.txt",
        "Between January and May 2012 Malta exported goods worth €41 million to Libya and \
         imported €33 million worth of goods from Libya. The positive trade gap with Libya \
         stood at €8.5 million until May.\n",
    );
    let balance = claim(&doc, "balance");
    // 41 - 33 = 8, within the rounding of €41 million and €33 million.
    assert_eq!(balance["verdict"], "consistent-by-rounding", "{doc}");
}

/// "U.S. services exports to Israel amounted to $8.8 billion, but services imports reached
/// $9.2 billion, resulting in a $457 million deficit": the balance of the two services
/// flows before it.
#[test]
fn a_balance_after_two_services_flows_is_of_services() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "services.txt",
        "U.S. services exports to Israel amounted to $8.8 billion, but services imports \
         reached $9.2 billion, resulting in a $457 million deficit.\n",
    );
    let balance = claim(&doc, "balance");
    assert_eq!(
        figures_printed(balance),
        ["$457 million", "$8.8 billion", "$9.2 billion"],
        "{doc}"
    );
    // 8.8 - 9.2 = -0.4 billion; -0.3 to -0.5 within the rounding of the flows.
    assert_eq!(balance["verdict"], "consistent-by-rounding", "{doc}");
}

/// "This represent a 289% growth compared to the same period last year, while imports went
/// up by 537% thus reaching US$145,000": the rate of a sentence that points back is of the
/// amount before it, not of the imports past "while".
#[test]
fn a_rate_pointing_back_is_not_of_an_amount_past_a_contrast() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "back.txt",
        "Total agri-food exports from Mexico to the United Arab Emirates during the first \
         quarter peaked at US$9.3 million. This represent a 289% growth compared to the same \
         period last year, while imports went up by 537% thus reaching US$145,000.\n",
    );
    let changes = claims_of(&doc, "change");
    assert_eq!(changes.len(), 2, "{doc}");
    assert_eq!(figures_printed(changes[0]), ["US$9.3 million"], "{doc}");
    assert_eq!(figures_printed(changes[1]), ["US$145,000"], "{doc}");
}

/// The codes of currencies before the euro: "nearly LTL33 million (EUR9.5 million)" is in
/// litas, its parts too, and both sums are checked.
#[test]
fn litas_by_their_code() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "litas.txt",
        "Trade between Lithuania and Georgia reached a record high in the first quarter of \
         2011 and accounted for nearly LTL33 million (EUR9.5 million). Lithuania's imports \
         from Georgia totaled LTL15.2 million (EUR4.4 million). Lithuanian exports to Georgia \
         amounted to LTL17.6 million (EUR5.1 million).\n",
    );
    let sums = claims_of(&doc, "sum");
    assert_eq!(sums.len(), 2, "{doc}");
    assert_eq!(figures_printed(sums[0])[0], "LTL33 million", "{doc}");
    assert!(sums.iter().all(|s| s["verdict"] == "consistent"), "{doc}");
}

/// "The economic exchanges between Iran and the United Kingdom ... to stand at 18 million
/// pounds": the two economies' trade, whose flows add up to it.
#[test]
fn economic_exchanges_are_the_trade_of_the_pair() {
    let wd = Workdir::new();
    let doc = check_text(
        &wd,
        "exchanges.txt",
        "The economic exchanges between Iran and the United Kingdom stood at 18 million \
         pounds in the first three months of 2024. During January-March 2024 the UK exported \
         14 million pounds worth of commodities to Iran. Britain's imports from Iran in the \
         first three months of this year were four million pounds.\n",
    );
    assert_eq!(
        number(&doc, "18 million pounds")["read_as"]["measure"],
        "turnover",
        "{doc}"
    );
    assert_eq!(claim(&doc, "sum")["verdict"], "consistent", "{doc}");
}
