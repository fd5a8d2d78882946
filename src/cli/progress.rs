//! How far a long read has come, on stderr, only when stderr is a terminal.

use std::io::IsTerminal;
use std::sync::Arc;

use tradestat::diag::Progress;

/// A one-line percentage, redrawn in place.
struct Percent;

impl Progress for Percent {
    fn advance(&self, fraction: f64) {
        eprint!("\rtradestat: reading {:.0}%", 100.0 * fraction);
    }

    fn finish(&self) {
        eprint!("\r\x1b[2K");
    }
}

/// A progress line when stderr is a terminal, nothing otherwise.
pub fn on_terminal() -> Option<Arc<dyn Progress>> {
    std::io::stderr()
        .is_terminal()
        .then(|| Arc::new(Percent) as Arc<dyn Progress>)
}
