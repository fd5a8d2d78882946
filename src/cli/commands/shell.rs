//! `tradestat completions SHELL` and `tradestat man`: shell completions and the manual
//! page, generated from the same clap definitions as the command line itself.

use std::io::Write;

use clap::CommandFactory;
use tradestat::{Error, Result};

use crate::cli::Cli;
use crate::cli::commands::Outcome;

/// Print a completion script for a shell (bash, zsh, fish, powershell, elvish).
///
/// For example: `tradestat completions bash > ~/.local/share/bash-completion/completions/tradestat`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Print a manual page (roff): tradestat's, or a subcommand's (`tradestat man summary`),
/// e.g. `tradestat man > tradestat.1 && man ./tradestat.1`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// The subcommand whose page to print (tradestat-SUBCOMMAND(1)).
    #[arg(value_name = "SUBCOMMAND")]
    pub subcommand: Option<String>,
}

// Both are generated into memory first: the generators panic on a failed write, and a
// closed pipe must stay a normal end.

pub fn completions(args: &CompletionsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "tradestat", &mut script);
    out.write_all(&script).map_err(Error::Stdout)?;
    Ok(Outcome::Done)
}

pub fn man(args: &ManArgs, out: &mut dyn Write) -> Result<Outcome> {
    let top = Cli::command();
    let command = match &args.subcommand {
        None => top,
        Some(name) => {
            let sub = top.find_subcommand(name).cloned().ok_or_else(|| {
                let names: Vec<&str> = top.get_subcommands().map(|c| c.get_name()).collect();
                Error::Options(format!(
                    "no subcommand `{name}`; the manual has pages for: {}",
                    names.join(", ")
                ))
            })?;
            (sub.display_name(format!("tradestat-{name}"))).version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut page)
        .map_err(Error::Stdout)?;
    out.write_all(&page).map_err(Error::Stdout)?;
    Ok(Outcome::Done)
}
