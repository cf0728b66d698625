//! A progress bar for builds that take more than a moment: it appears only
//! on a terminal, only after a short while, and never with `--quiet`, so CI
//! logs stay clean.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// How long a build runs before the bar appears.
const DELAY: Duration = Duration::from_millis(400);

/// Counts response files as they are read.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    /// A progress bar over `files` files, shown when `show` and stderr is a terminal.
    pub fn new(files: usize, show: bool) -> Self {
        let bar = (show && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{bar:32} {pos}/{len} files, {elapsed}") {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    /// One more file done.
    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            if bar.is_hidden() && self.started.elapsed() > DELAY {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
            bar.inc(1);
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
