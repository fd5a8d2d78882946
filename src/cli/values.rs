//! The values flags take (`--format table`, `--metric rca`, ...), as clap enums. Each is
//! the library's option type seen from the command line: same variants, same order, the
//! help text beside each, and a `From` into the library type, so the library needs no clap.

use tradestat::ingest::Layout as LibLayout;
use tradestat::ingest::mapped::Wide as LibWide;
use tradestat::ingest::table::Encoding as LibEncoding;
use tradestat::metrics::periods::By as LibBy;
use tradestat::metrics::request::{
    FlowChoice as LibFlowChoice, Metric as LibMetric, Over as LibOver,
};
use tradestat::render::Format as LibFormat;
use tradestat::render::chart::spec::ChartKind as LibChartKind;
use tradestat::verify::phrase::Rounding as LibRounding;

/// Declares a clap value enum and its conversion into the library type of the same
/// variants (a variant the library lacks is a compile error, so the two cannot drift).
macro_rules! value_enum {
    ($(#[$meta:meta])* $name:ident => $lib:ident { $($(#[$vmeta:meta])* $variant:ident,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl From<$name> for $lib {
            fn from(value: $name) -> $lib {
                match value {
                    $($name::$variant => $lib::$variant,)*
                }
            }
        }
    };
}

value_enum! {
    /// The layouts tradestat reads (docs/format.md and docs/importers.md).
    Layout => LibLayout {
        /// tradestat's own record format.
        Canonical,
        /// UN Comtrade+ API v1 CSV (camelCase or snake_case columns).
        Comtrade,
        /// UN Comtrade legacy CSV (API or bulk layout, any header spelling).
        ComtradeLegacy,
        /// CEPII BACI (t,i,j,k,v,q).
        Baci,
        /// IMF Direction of Trade Statistics in long form.
        Dots,
        /// Any table, through --map/--set/--wide.
        Mapped,
    }
}

value_enum! {
    /// Text encodings of input files.
    Encoding => LibEncoding {
        Utf8,
        /// ISO-8859-1, as older spreadsheets and some statistics offices write.
        Latin1,
    }
}

value_enum! {
    /// What the columns of a wide table stand for.
    Wide => LibWide {
        Flow,
        Partner,
        Period,
    }
}

value_enum! {
    /// The output formats of commands that print tables.
    Format => LibFormat {
        /// Aligned columns for a terminal, rounded for reading.
        Table,
        /// Tidy CSV with exact values (one measure per row).
        Csv,
        /// JSON with exact values as strings.
        Json,
        /// A Markdown table, rounded like `table`.
        Markdown,
    }
}

value_enum! {
    /// What a metric can be asked for by name (`--metric`).
    Metric => LibMetric {
        /// exports, imports, turnover, balance, coverage, relative balance
        Flows,
        /// year-over-year growth, growth multiple, and CAGR
        Growth,
        /// V_t / V_{t−1y} − 1
        Yoy,
        /// V_t / V_{t−1} − 1 (previous period of the same length)
        Pop,
        /// V_t / V_{t−1y}
        Multiple,
        /// (V_end / V_start)^(1/years) − 1
        Cagr,
        /// 100 × V_t / V_base
        Index,
        /// flows' shares of turnover, commodity shares of their flow, with changes in points
        Shares,
        /// each partner's share of the reporter's total (countries only)
        Partners,
        /// Herfindahl-Hirschman index over partners or products
        Hhi,
        /// revealed comparative advantage (Balassa)
        Rca,
        /// trade intensity index
        Intensity,
        /// Grubel-Lloyd intra-industry trade index
        Gl,
    }
}

value_enum! {
    /// What the HHI is computed over.
    Over => LibOver {
        Partners,
        Products,
    }
}

value_enum! {
    /// Which flow partner and product metrics measure.
    FlowChoice => LibFlowChoice {
        Exports,
        Imports,
        Turnover,
    }
}

value_enum! {
    /// The period length results are shown by.
    By => LibBy {
        Year,
        Half,
        Quarter,
        Month,
    }
}

value_enum! {
    /// How a printed number's precision becomes an interval.
    Rounding => LibRounding {
        /// ± half a unit of the last significant digit: 10.69 → [10.685, 10.695].
        HalfUnit,
        /// The number exactly as printed.
        Exact,
        /// Printed numbers were cut, not rounded: 10.69 → [10.69, 10.70].
        Truncated,
    }
}

value_enum! {
    /// The kinds of chart.
    ChartKind => LibChartKind {
        /// Exports and imports per period, grouped bars.
        Flows,
        /// Turnover over time as a line, with year-over-year growth labels.
        Turnover,
        /// The balance per period, bars diverging from zero.
        Balance,
        /// Commodity shares of a flow per period, 100% stacked bars (top N + others).
        Composition,
        /// A reporter's top partners, horizontal bars with shares.
        Partners,
        /// The reporter's exports against the partner's reported imports (÷ 1.06, CIF → FOB).
        Mirror,
    }
}

/// What `check` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckFormat {
    /// Each relation with its quote, arithmetic and verdict, for a terminal.
    Table,
    /// The stable contract for scripts (docs/verification.md).
    Json,
    /// The table as Markdown.
    Markdown,
    /// The article with each number marked by its verdict (a self-contained page).
    Html,
}

/// What `verify` prints: a verdict table, Markdown, or the JSON contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum VerifyFormat {
    /// Each claim with its arithmetic and verdict, for a terminal.
    Table,
    /// The stable contract for scripts (docs/verification.md).
    Json,
    /// The table as Markdown.
    Markdown,
}

/// What `inspect` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InspectFormat {
    /// One block per file, for a terminal.
    Table,
    /// The same as JSON.
    Json,
}

/// A unit for money (`--money-unit`), in the data's currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum MoneyUnit {
    Units,
    Thousand,
    Million,
    Billion,
}

impl MoneyUnit {
    /// The power of ten of the unit.
    pub fn scale(self) -> u32 {
        match self {
            MoneyUnit::Units => 0,
            MoneyUnit::Thousand => 3,
            MoneyUnit::Million => 6,
            MoneyUnit::Billion => 9,
        }
    }
}

/// What `convert` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Canonical records as CSV, values exactly as read.
    Csv,
    /// Parquet, the value a Decimal(38, s) column.
    Parquet,
    /// Arrow IPC file ("Feather v2"), the value a Decimal(38, s) column.
    Arrow,
}

impl OutputFormat {
    /// The format a file name asks for by its extension, if any.
    pub fn from_extension(path: &std::path::Path) -> Option<OutputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "parquet" | "pq" => Some(OutputFormat::Parquet),
            "arrow" | "ipc" | "feather" => Some(OutputFormat::Arrow),
            "csv" => Some(OutputFormat::Csv),
            _ => None,
        }
    }

    /// The columnar format, if it is one.
    pub fn columnar(self) -> Option<tradestat::frame::columnar::Format> {
        use tradestat::frame::columnar::Format;
        match self {
            OutputFormat::Csv => None,
            OutputFormat::Parquet => Some(Format::Parquet),
            OutputFormat::Arrow => Some(Format::Arrow),
        }
    }
}

/// What `profile` prints when --out is not given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileFormat {
    /// Aligned tables, rounded for reading.
    Table,
    /// The three CSV files one after the other, exact.
    Csv,
    /// The tables as Markdown.
    Markdown,
}
