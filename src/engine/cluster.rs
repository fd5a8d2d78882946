//! A Ballista cluster on this machine, for tests and for users: one scheduler and N
//! executors, each its own process (this binary, run again with a hidden subcommand),
//! bound to 127.0.0.1 on free ports — never 0.0.0.0. `start` waits until every executor
//! has registered with the scheduler; `stop` ends the processes by PID.
//!
//! The cluster's state (ports, PIDs, logs, executors' scratch space) lives in one folder,
//! `cluster.json` describing it.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Seconds between an executor's heartbeats, and after which the scheduler counts a
/// silent executor as lost (and reschedules or fails its tasks). Short, so that a killed
/// executor is noticed in seconds rather than Ballista's default three minutes.
const HEARTBEAT_SECONDS: u64 = 2;
const EXECUTOR_TIMEOUT_SECONDS: u64 = 10;

/// What `cluster.json` records.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ClusterState {
    /// `ballista://127.0.0.1:PORT`: what `--engine` takes.
    pub engine: String,
    pub scheduler_port: u16,
    pub scheduler_pid: u32,
    pub executor_pids: Vec<u32>,
}

impl ClusterState {
    fn pids(&self) -> Vec<u32> {
        std::iter::once(self.scheduler_pid)
            .chain(self.executor_pids.iter().copied())
            .collect()
    }
}

fn fail(message: impl std::fmt::Display) -> Error {
    Error::Cluster {
        engine: "cluster".to_string(),
        message: message.to_string(),
    }
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The state folder used when none is given: `~/.cache/tradestat/cluster`.
pub fn default_dir() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir)
        .join(".cache/tradestat/cluster")
}

fn state_file(dir: &Path) -> PathBuf {
    dir.join("cluster.json")
}

/// The cluster recorded in `dir`, if any.
pub fn read_state(dir: &Path) -> Result<Option<ClusterState>> {
    let path = state_file(dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| fail(format!("{}: not a cluster state file: {e}", path.display()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(&path)(e)),
    }
}

/// Ballista logs through the `log` crate: its lines go to the process's stderr, which
/// `start` sends to `scheduler.log` / `executor-N.log`. INFO from Ballista, WARN from the
/// rest; `TRADESTAT_CLUSTER_LOG=debug` (or `trace`, `warn`, ...) for everything.
struct StderrLog {
    everything: Option<log::LevelFilter>,
}

impl log::Log for StderrLog {
    fn enabled(&self, meta: &log::Metadata) -> bool {
        let floor = self
            .everything
            .unwrap_or(if meta.target().starts_with("ballista") {
                log::LevelFilter::Info
            } else {
                log::LevelFilter::Warn
            });
        meta.level() <= floor
    }

    fn log(&self, record: &log::Record) {
        if self.enabled(record.metadata()) {
            let seconds = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0.0, |d| d.as_secs_f64());
            eprintln!(
                "{seconds:.3} {} {}: {}",
                record.level(),
                record.target(),
                record.args()
            );
        }
    }

    fn flush(&self) {}
}

fn start_logging() {
    let everything = std::env::var("TRADESTAT_CLUSTER_LOG")
        .ok()
        .and_then(|v| v.parse::<log::LevelFilter>().ok());
    let logger = Box::new(StderrLog { everything });
    if log::set_boxed_logger(logger).is_ok() {
        log::set_max_level(everything.unwrap_or(log::LevelFilter::Info));
    }
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // DataFusion plans recurse; Ballista's own binaries use 32 MiB stacks.
        .thread_stack_size(32 * 1024 * 1024)
        .build()
        .map_err(|e| fail(format!("cannot start the runtime: {e}")))
}

/// Runs a scheduler on 127.0.0.1:`port` until the process is stopped. It reports ready
/// (`/readyz`) once `executors` executors have registered.
pub fn run_scheduler(port: u16, executors: usize) -> Result<()> {
    use ballista_scheduler::cluster::BallistaCluster;
    use ballista_scheduler::config::SchedulerConfig;
    let config = SchedulerConfig {
        bind_host: Ipv4Addr::LOCALHOST.to_string(),
        external_host: Ipv4Addr::LOCALHOST.to_string(),
        bind_port: port,
        min_ready_executors: executors,
        executor_timeout_seconds: EXECUTOR_TIMEOUT_SECONDS,
        expire_dead_executor_interval_seconds: 1,
        no_executors_grace_period_seconds: EXECUTOR_TIMEOUT_SECONDS,
        ..Default::default()
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    start_logging();
    runtime()?.block_on(async move {
        let cluster = BallistaCluster::new_from_config(&config)
            .await
            .map_err(fail)?;
        ballista_scheduler::scheduler_process::start_server(cluster, addr, Arc::new(config))
            .await
            .map_err(fail)
    })
}

/// Runs an executor on 127.0.0.1 (`port` for Arrow Flight, `grpc_port` for tasks) that
/// registers with the scheduler on 127.0.0.1:`scheduler_port`, until stopped.
pub fn run_executor(
    scheduler_port: u16,
    port: u16,
    grpc_port: u16,
    vcores: usize,
    work_dir: &Path,
) -> Result<()> {
    use ballista_executor::executor_process::{ExecutorProcessConfig, start_executor_process};
    std::fs::create_dir_all(work_dir).map_err(io(work_dir))?;
    let config = ExecutorProcessConfig {
        bind_host: Ipv4Addr::LOCALHOST.to_string(),
        external_host: Some(Ipv4Addr::LOCALHOST.to_string()),
        port,
        grpc_port,
        scheduler_host: Ipv4Addr::LOCALHOST.to_string(),
        scheduler_port,
        vcores,
        work_dir: Some(work_dir.to_string_lossy().to_string()),
        executor_heartbeat_interval_seconds: HEARTBEAT_SECONDS,
        print_thread_info: false,
        ..Default::default()
    };
    runtime()?.block_on(async move { start_executor_process(Arc::new(config)).await.map_err(fail) })
}

/// A port free on 127.0.0.1 now (the OS picks it; it is released at once for the process
/// that will bind it).
fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| fail(format!("no free port on 127.0.0.1: {e}")))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| fail(format!("no free port on 127.0.0.1: {e}")))
}

/// `GET path` on the scheduler's port: (status code, body), or None if nothing answers.
fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_millis(500)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let status = response.split_whitespace().nth(1)?.parse().ok()?;
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .trim()
        .to_string();
    Some((status, body))
}

/// The scheduler's own account: `ready: N executors registered` or `not ready: ...`.
pub fn readiness(port: u16) -> Option<(bool, String)> {
    http_get(port, "/readyz").map(|(status, body)| (status == 200, body))
}

fn spawn(dir: &Path, log_name: &str, args: &[String]) -> Result<Child> {
    let exe = std::env::current_exe().map_err(|e| fail(format!("cannot find myself: {e}")))?;
    let log_path = dir.join(log_name);
    let log = std::fs::File::create(&log_path).map_err(io(&log_path))?;
    let err = log.try_clone().map_err(io(&log_path))?;
    use std::os::unix::process::CommandExt;
    Command::new(exe)
        .args(args)
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(err)
        // Its own process group: a Ctrl-C meant for the shell that ran `start` does not
        // reach the cluster.
        .process_group(0)
        .spawn()
        .map_err(|e| fail(format!("cannot start `{}`: {e}", args.join(" "))))
}

fn log_tail(dir: &Path, log_name: &str) -> String {
    let text = std::fs::read_to_string(dir.join(log_name)).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(5)..].join("\n    ");
    if tail.is_empty() {
        format!("({log_name} is empty)")
    } else {
        format!("{log_name}:\n    {tail}")
    }
}

/// Starts a scheduler and `executors` executors (each offering `vcores` task slots) on
/// 127.0.0.1, records them in `dir/cluster.json`, and waits up to `timeout` until every
/// executor has registered. On failure, whatever was started is stopped again.
pub fn start(
    dir: &Path,
    executors: usize,
    vcores: usize,
    timeout: Duration,
) -> Result<ClusterState> {
    if executors == 0 || vcores == 0 {
        return Err(Error::ClusterState(
            "a cluster needs at least one executor with at least one task slot".into(),
        ));
    }
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    if let Some(old) = read_state(dir)?
        && old.pids().iter().any(|p| is_ours(*p))
    {
        return Err(Error::ClusterState(format!(
            "a cluster started from {} is still running ({}); stop it first with \
             `tradestat cluster stop --state {}`",
            dir.display(),
            old.engine,
            dir.display()
        )));
    }
    let scheduler_port = free_port()?;
    let mut children: Vec<Child> = Vec::new();
    let result = (|| -> Result<ClusterState> {
        children.push(spawn(
            dir,
            "scheduler.log",
            &[
                "cluster".into(),
                "scheduler".into(),
                "--port".into(),
                scheduler_port.to_string(),
                "--executors".into(),
                executors.to_string(),
            ],
        )?);
        let deadline = Instant::now() + timeout;
        wait_until(deadline, &mut children, dir, || {
            http_get(scheduler_port, "/healthz").is_some_and(|(s, _)| s == 200)
        })?;
        for n in 0..executors {
            let (port, grpc_port) = (free_port()?, free_port()?);
            children.push(spawn(
                dir,
                &format!("executor-{n}.log"),
                &[
                    "cluster".into(),
                    "executor".into(),
                    "--scheduler-port".into(),
                    scheduler_port.to_string(),
                    "--port".into(),
                    port.to_string(),
                    "--grpc-port".into(),
                    grpc_port.to_string(),
                    "--vcores".into(),
                    vcores.to_string(),
                    "--work-dir".into(),
                    dir.join(format!("executor-{n}"))
                        .to_string_lossy()
                        .to_string(),
                ],
            )?);
        }
        let state = ClusterState {
            engine: format!("ballista://127.0.0.1:{scheduler_port}"),
            scheduler_port,
            scheduler_pid: children[0].id(),
            executor_pids: children[1..].iter().map(Child::id).collect(),
        };
        let json = serde_json::to_string_pretty(&state).map_err(fail)? + "\n";
        crate::atomic::write_file(&state_file(dir), json.as_bytes())?;
        wait_until(deadline, &mut children, dir, || {
            readiness(scheduler_port).is_some_and(|(ready, _)| ready)
        })?;
        Ok(state)
    })();
    if result.is_err() {
        for child in &mut children {
            let _ = child.kill();
            let _ = child.wait();
        }
        let _ = std::fs::remove_file(state_file(dir));
    }
    result
}

/// Polls `ready` until it holds, a started process exits, or the deadline passes.
fn wait_until(
    deadline: Instant,
    children: &mut [Child],
    dir: &Path,
    ready: impl Fn() -> bool,
) -> Result<()> {
    loop {
        if ready() {
            return Ok(());
        }
        for (n, child) in children.iter_mut().enumerate() {
            if let Ok(Some(status)) = child.try_wait() {
                let log = if n == 0 {
                    "scheduler.log".to_string()
                } else {
                    format!("executor-{}.log", n - 1)
                };
                return Err(fail(format!(
                    "a cluster process exited ({status}) before the cluster was ready; {}",
                    log_tail(dir, &log)
                )));
            }
        }
        if Instant::now() > deadline {
            return Err(fail(format!(
                "the cluster was not ready in time; {}",
                log_tail(dir, "scheduler.log")
            )));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// True if `pid` is a live (not zombie) process of this program's `cluster` subcommand:
/// a PID the system has since given to another program is never signalled.
fn is_ours(pid: u32) -> bool {
    let proc = PathBuf::from(format!("/proc/{pid}"));
    let Ok(cmdline) = std::fs::read(proc.join("cmdline")) else {
        return false;
    };
    let args: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
    let zombie = std::fs::read_to_string(proc.join("stat"))
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('Z'))
        })
        .unwrap_or(false);
    !zombie && args.iter().any(|a| *a == b"cluster")
}

fn signal(pid: u32, signal: i32) {
    if let Ok(pid) = i32::try_from(pid) {
        // SAFETY: kill(2) with a positive PID only sends a signal; no memory is touched.
        unsafe {
            libc::kill(pid, signal);
        }
    }
}

/// Stops the cluster recorded in `dir`: SIGTERM, then SIGKILL after five seconds.
/// Returns how many processes were still running.
pub fn stop(dir: &Path) -> Result<usize> {
    let Some(state) = read_state(dir)? else {
        return Err(Error::ClusterState(format!(
            "no cluster recorded in {} (nothing to stop)",
            dir.display()
        )));
    };
    let running: Vec<u32> = state.pids().into_iter().filter(|p| is_ours(*p)).collect();
    for pid in &running {
        signal(*pid, libc::SIGTERM);
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while running.iter().any(|p| is_ours(*p)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    for pid in running.iter().filter(|p| is_ours(**p)) {
        signal(*pid, libc::SIGKILL);
    }
    // The executors' scratch space (shuffle files) goes with them; logs stay for reading.
    for n in 0..state.executor_pids.len() {
        let scratch = dir.join(format!("executor-{n}"));
        if scratch.is_dir() {
            std::fs::remove_dir_all(&scratch).map_err(io(&scratch))?;
        }
    }
    let path = state_file(dir);
    std::fs::remove_file(&path).map_err(io(&path))?;
    Ok(running.len())
}
