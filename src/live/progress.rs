//! The progress bar: on standard error, only when it is a terminal, and never in the way of the
//! report on standard output.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A handle every part of the live check shares; a no-op when hidden.
#[derive(Clone, Debug)]
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar when `enabled` and standard error is a terminal; otherwise silent.
    pub fn new(enabled: bool) -> Self {
        use std::io::IsTerminal;
        if !enabled || !std::io::stderr().is_terminal() {
            return Progress(None);
        }
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg:24} [{bar:24}] {pos}/{len}")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Progress(Some(bar))
    }

    pub fn hidden() -> Self {
        Progress(None)
    }

    /// Names the step under way (`checking servers`, `comparing content`...).
    pub fn phase(&self, message: &str) {
        if let Some(bar) = &self.0 {
            bar.set_message(message.to_owned());
        }
    }

    /// Queries about to be sent.
    pub fn plan(&self, queries: u64) {
        if let Some(bar) = &self.0 {
            bar.inc_length(queries);
        }
    }

    /// Planned queries that will not be sent after all (a name that does not exist).
    pub fn unplan(&self, queries: u64) {
        if let Some(bar) = &self.0 {
            let len = bar.length().unwrap_or(0);
            bar.set_length(len.saturating_sub(queries).max(bar.position()));
        }
    }

    /// One query finished, one way or another.
    pub fn tick(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Removes the bar, so the report starts on a clean line.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
