//! Turning results into what people read: aligned text tables, CSV, JSON, Markdown.
//! Rendering never computes a metric; it only scales (exactly), rounds for display
//! (half away from zero) and lays out.

pub mod chart;
pub mod inspect;
pub mod metrics;
pub mod mirror;
pub mod profile;
pub mod report;
pub mod summary;
pub mod table;
pub mod verify;

use rust_decimal::Decimal;

use crate::model::Unit;
use crate::number;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that readers never see a half-written file and an interrupted run leaves none.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> crate::Result<()> {
    use std::io::Write as _;
    let fail = |source: std::io::Error| crate::Error::Write {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| fail(std::io::Error::other("the path has no file name")))?;
    let temp = folder.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(fail)
}

/// Whether a folder may be written at `out` (a name, not there yet unless `force`); its
/// name.
pub fn check_folder_target(out: &std::path::Path, force: bool) -> crate::Result<String> {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| crate::Error::NotAFolderName(out.to_path_buf()))?;
    if out.exists() && !force {
        return Err(crate::Error::OutputExists(out.to_path_buf()));
    }
    Ok(name)
}

/// Fills a folder and moves it into place at `out` whole: `fill` writes into a temporary
/// folder beside it, which then replaces `out` (only when `force`), so a failed run leaves
/// no half folder and the old one stays until the new one is complete.
pub fn write_folder_atomically(
    out: &std::path::Path,
    force: bool,
    fill: impl FnOnce(&std::path::Path) -> crate::Result<()>,
) -> crate::Result<()> {
    let name = check_folder_target(out, force)?;
    let fail = |path: &std::path::Path| {
        let path = path.to_path_buf();
        move |source| crate::Error::Write { path, source }
    };
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(fail(&parent))?;
    let temp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&temp);
    std::fs::create_dir(&temp).map_err(fail(&temp))?;
    if let Err(e) = fill(&temp) {
        let _ = std::fs::remove_dir_all(&temp);
        return Err(e);
    }
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    if out.exists() {
        std::fs::rename(out, &old).map_err(fail(out))?;
    }
    if let Err(source) = std::fs::rename(&temp, out) {
        let _ = std::fs::rename(&old, out);
        let _ = std::fs::remove_dir_all(&temp);
        return Err(fail(out)(source));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

/// The output formats every tabular command offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for a terminal, rounded for reading.
    Table,
    /// Tidy CSV with exact values (one measure per row).
    Csv,
    /// JSON with exact values as strings.
    Json,
    /// A Markdown table, rounded like `table`.
    Markdown,
}

/// The unit and precision numbers are shown in, chosen from the data unless forced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayUnit {
    pub unit: Unit,
    /// Decimals for money in tables.
    pub decimals: u32,
    /// Decimals for percentages in tables.
    pub percent_decimals: u32,
}

impl DisplayUnit {
    /// The largest of units/thousand/million/billion that keeps the biggest value ≥ 1.
    pub fn for_values(currency: &str, values: impl IntoIterator<Item = Decimal>) -> DisplayUnit {
        let largest = values
            .into_iter()
            .map(|v| v.abs())
            .max()
            .unwrap_or(Decimal::ZERO);
        let scale = [9u32, 6, 3]
            .into_iter()
            .find(|s| largest >= Decimal::from(10i64.pow(*s)))
            .unwrap_or(0);
        DisplayUnit {
            unit: Unit {
                currency: currency.to_string(),
                scale,
            },
            decimals: 2,
            percent_decimals: 1,
        }
    }

    /// A base-unit value in this unit, exactly (dividing by a power of ten never rounds).
    pub fn scaled(&self, base_value: Decimal) -> Decimal {
        let mut v = base_value;
        // set_scale divides by 10^k exactly when the scale stays within 28.
        let wanted = v.scale() + self.unit.scale;
        if wanted <= 28 && v.set_scale(wanted).is_ok() {
            v.normalize()
        } else {
            (base_value / Decimal::from(10i64.pow(self.unit.scale))).normalize()
        }
    }

    /// A money value for a table: scaled, rounded, grouped.
    pub fn money(&self, base_value: Decimal, explicit_plus: bool) -> String {
        number::grouped(self.scaled(base_value), self.decimals, explicit_plus)
    }

    pub fn percent(&self, ratio: Decimal, explicit_plus: bool) -> String {
        number::percent(ratio, self.percent_decimals, explicit_plus)
    }

    /// The rounding policy, stated under every rounded table.
    pub fn rounding_note(&self) -> String {
        format!(
            "values in {}, rounded half away from zero to {} decimal(s); percentages to {}; \
             exact values with --format csv or json",
            self.unit, self.decimals, self.percent_decimals
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn unit_is_chosen_from_the_largest_value() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let u = DisplayUnit::for_values("USD", [d("10670000"), d("20000")]);
        assert_eq!(u.unit.to_string(), "USD million");
        assert_eq!(u.scaled(d("20000")), d("0.02"));
        assert_eq!(u.money(d("10650000"), true), "+10.65");
        assert_eq!(
            DisplayUnit::for_values("USD", [d("999")]).unit.to_string(),
            "USD"
        );
        let tiny = DisplayUnit::for_values("USD", [d("2000000000")]);
        assert_eq!(tiny.scaled(d("0.000001")), d("0.000000000000001"));
    }
}
