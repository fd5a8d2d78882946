//! `tradestat cluster start|status|stop` (a build with the `distributed` feature)
//!
//! A Ballista cluster on this machine, bound to 127.0.0.1: what `profile --engine` can
//! send its group-by sums to. docs/distributed.md shows the way from a file to a profile.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use tradestat::engine::cluster;
use tradestat::error::{Error, Result};

use crate::cli::commands::{Outcome, emit};

/// Start, inspect or stop a Ballista cluster on this machine (127.0.0.1 only).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub action: Action,
}

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Start a scheduler and executors on free ports; print the address for --engine.
    Start {
        /// How many executor processes.
        #[arg(long, default_value_t = 2)]
        executors: usize,

        /// Task slots each executor offers.
        #[arg(long, default_value_t = 1)]
        vcores: usize,

        /// Seconds to wait until every executor has registered.
        #[arg(long, default_value_t = 60)]
        timeout: u64,

        #[command(flatten)]
        state: StateDir,
    },
    /// Say whether the cluster is up and how many executors it has.
    Status {
        #[command(flatten)]
        state: StateDir,
    },
    /// Stop the cluster's processes (SIGTERM, then SIGKILL after 5 s).
    Stop {
        #[command(flatten)]
        state: StateDir,
    },
    /// Run a scheduler in this process (what `start` runs).
    #[command(hide = true)]
    Scheduler {
        #[arg(long)]
        port: u16,
        #[arg(long)]
        executors: usize,
    },
    /// Run an executor in this process (what `start` runs).
    #[command(hide = true)]
    Executor {
        #[arg(long)]
        scheduler_port: u16,
        #[arg(long)]
        port: u16,
        #[arg(long)]
        grpc_port: u16,
        #[arg(long)]
        vcores: usize,
        #[arg(long)]
        work_dir: PathBuf,
    },
}

#[derive(Debug, clap::Args)]
pub struct StateDir {
    /// The cluster's folder: cluster.json (address, PIDs), logs, executors' scratch space.
    /// Default: ~/.cache/tradestat/cluster.
    #[arg(long = "state", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

impl StateDir {
    fn path(&self) -> PathBuf {
        self.dir.clone().unwrap_or_else(cluster::default_dir)
    }
}

pub fn run(args: &Args, out: &mut dyn Write) -> Result<Outcome> {
    match &args.action {
        Action::Start {
            executors,
            vcores,
            timeout,
            state,
        } => {
            let dir = state.path();
            let started = cluster::start(&dir, *executors, *vcores, Duration::from_secs(*timeout))?;
            crate::cli::say(&format!(
                "tradestat: cluster up: a scheduler and {executors} executor(s) on 127.0.0.1 \
                 (state in {}); stop it with `tradestat cluster stop{}`",
                dir.display(),
                state
                    .dir
                    .as_ref()
                    .map(|d| format!(" --state {}", d.display()))
                    .unwrap_or_default()
            ));
            emit(out, &format!("{}\n", started.engine))?;
            Ok(Outcome::Done)
        }
        Action::Status { state } => {
            let dir = state.path();
            let Some(recorded) = cluster::read_state(&dir)? else {
                return Err(Error::ClusterState(format!(
                    "no cluster recorded in {}",
                    dir.display()
                )));
            };
            match cluster::readiness(recorded.scheduler_port) {
                Some((ready, text)) => {
                    emit(out, &format!("{} {text}\n", recorded.engine))?;
                    Ok(if ready {
                        Outcome::Done
                    } else {
                        Outcome::ProblemFound
                    })
                }
                None => {
                    emit(out, &format!("{} not answering\n", recorded.engine))?;
                    Ok(Outcome::ProblemFound)
                }
            }
        }
        Action::Stop { state } => {
            let dir = state.path();
            let stopped = cluster::stop(&dir)?;
            crate::cli::say(&format!("tradestat: stopped {stopped} cluster process(es)"));
            Ok(Outcome::Done)
        }
        Action::Scheduler { port, executors } => {
            cluster::run_scheduler(*port, *executors).map(|_| Outcome::Done)
        }
        Action::Executor {
            scheduler_port,
            port,
            grpc_port,
            vcores,
            work_dir,
        } => cluster::run_executor(*scheduler_port, *port, *grpc_port, *vcores, work_dir)
            .map(|_| Outcome::Done),
    }
}
