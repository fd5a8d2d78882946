//! How far a long read has come: a bar on stderr, only when stderr is a terminal and only
//! once the read has taken more than a second (short reads stay quiet).

use std::io::IsTerminal;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use tradestat::diag::{Progress, ProgressSink};

/// Steps of the bar: tenths of a percent.
const STEPS: u64 = 1000;

struct Bar {
    started: Instant,
    bar: OnceLock<ProgressBar>,
    what: &'static str,
}

impl Progress for Bar {
    fn advance(&self, fraction: f64) {
        if self.bar.get().is_none() && self.started.elapsed() < Duration::from_secs(1) {
            return;
        }
        let bar = self.bar.get_or_init(|| {
            let template = format!("tradestat: {} {{bar:40}} {{percent:>3}}%", self.what);
            let style = ProgressStyle::with_template(&template)
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            ProgressBar::new(STEPS).with_style(style)
        });
        bar.set_position((fraction.clamp(0.0, 1.0) * STEPS as f64) as u64);
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

/// A progress bar when stderr is a terminal, nothing otherwise.
pub fn on_terminal() -> ProgressSink {
    labelled("reading")
}

/// `on_terminal`, saying what is under way ("fetching").
pub fn labelled(what: &'static str) -> ProgressSink {
    ProgressSink(
        (std::io::stderr().is_terminal() && !super::quiet()).then(|| {
            Arc::new(Bar {
                started: Instant::now(),
                bar: OnceLock::new(),
                what,
            }) as Arc<dyn Progress>
        }),
    )
}
