//! The Ballista engine (`--features distributed`): a real cluster of three processes on
//! 127.0.0.1 — a scheduler and two executors — started and stopped with
//! `tradestat cluster`, against local Polars on generated BACI files. One test, in order,
//! because the cluster takes seconds to start and two cores are all CI has.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::workdir::Workdir;

const PROFILES: [&str; 3] = ["yearly.csv", "chapters.csv", "partners.csv"];

/// A BACI file (t,i,j,k,v,q) of `rows` rows, the same for the same seed: 40 economies,
/// six years, 300 products, values with 0–3 decimals in the spellings BACI uses.
fn baci(rows: usize, seed: u64) -> String {
    let mut state = seed;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let economies: Vec<u64> = (0..40).map(|n| 4 + n * 17).chain([643, 156, 408]).collect();
    let mut out = String::with_capacity(rows * 40);
    out.push_str("t,i,j,k,v,q\n");
    for _ in 0..rows {
        let t = 2017 + next(6);
        let n = economies.len() as u64;
        let from = next(n);
        let to = (from + 1 + next(n - 1)) % n;
        let (i, j) = (economies[from as usize], economies[to as usize]);
        let k = format!("{:06}", 10100 + next(300) * 311);
        let whole = next(5_000_000);
        let v = match next(4) {
            0 => format!("{whole}"),
            1 => format!("{whole}.{}", next(10)),
            2 => format!("{}.{:03}", whole / 1000, next(1000)),
            _ => format!("{whole}.{:02}", next(100)),
        };
        let q = if next(10) == 0 {
            "NA".to_string()
        } else {
            format!("{}.{:03}", next(9999), next(1000))
        };
        out.push_str(&format!("{t},{i},{j},{k},{v},{q}\n"));
    }
    out
}

/// One BACI file per year of `years`, as CEPII ships them: rows in order of exporter,
/// importer and product, each key once; 44 economies (one of them 899, "areas nes", whose
/// imports are not exports to the world), products written without their leading zero as
/// BACI does (10121 for 010121). About `density` of every possible row is present.
fn baci_years(years: std::ops::Range<u64>, density: u64, seed: u64) -> Vec<(u64, String)> {
    let mut state = seed;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let mut economies: Vec<u64> = (0..40)
        .map(|n| 4 + n * 17)
        .chain([643, 156, 408, 899])
        .collect();
    economies.sort_unstable();
    years
        .map(|t| {
            let mut out = String::from("t,i,j,k,v,q\n");
            for &i in &economies {
                for &j in economies.iter().filter(|&&j| j != i) {
                    for n in 0..300 {
                        if next(100) >= density {
                            continue;
                        }
                        let k = 10121 + n * 3011;
                        let v = match next(3) {
                            0 => format!("{}", next(5_000_000)),
                            1 => format!("{}.{:03}", next(5_000), next(1000)),
                            _ => format!("{}.{}", next(50_000), next(10)),
                        };
                        out.push_str(&format!("{t},{i},{j},{k},{v},{}.5\n", next(999)));
                    }
                }
            }
            (t, out)
        })
        .collect()
}

/// Writes each year's file as `{prefix}{year}.csv`; their paths, in year order.
fn write_years(wd: &Workdir, prefix: &str, years: Vec<(u64, String)>) -> Vec<String> {
    years
        .into_iter()
        .map(|(t, text)| {
            wd.write(&format!("{prefix}{t}.csv"), text)
                .display()
                .to_string()
        })
        .collect()
}

/// A running cluster; stopped when dropped, even when an assertion fails.
struct Cluster {
    state: PathBuf,
    engine: String,
}

impl Cluster {
    fn start(wd: &Workdir, executors: usize) -> Cluster {
        let state = wd.path("cluster");
        let state_text = state.display().to_string();
        let run = wd
            .run(&[
                "cluster",
                "start",
                "--executors",
                &executors.to_string(),
                "--state",
                &state_text,
            ])
            .expect_code(0);
        let engine = run.stdout.trim().to_string();
        assert!(
            engine.starts_with("ballista://127.0.0.1:"),
            "cluster start printed {engine:?}"
        );
        Cluster { state, engine }
    }

    fn recorded(&self) -> serde_json::Value {
        let text = std::fs::read_to_string(self.state.join("cluster.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn pids(&self) -> Vec<u32> {
        let state = self.recorded();
        let mut pids = vec![state["scheduler_pid"].as_u64().unwrap() as u32];
        for p in state["executor_pids"].as_array().unwrap() {
            pids.push(p.as_u64().unwrap() as u32);
        }
        pids
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = Command::new(env!("CARGO_BIN_EXE_tradestat"))
            .args(["cluster", "stop", "--state"])
            .arg(&self.state)
            .output();
    }
}

/// Alive and not a zombie.
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')
                .map(|(_, r)| !r.trim_start().starts_with('Z'))
        })
        .unwrap_or(false)
}

/// Every byte of the three profile files.
fn outputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    PROFILES
        .iter()
        .map(|name| {
            let bytes = std::fs::read(dir.join(name))
                .unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()));
            (name.to_string(), bytes)
        })
        .collect()
}

fn profile_args<'a>(file: &'a str, a: &'a str, b: &'a str, out: &'a str) -> Vec<&'a str> {
    vec![
        "profile",
        file,
        "--reporter",
        a,
        "--partner",
        b,
        "--out",
        out,
    ]
}

/// Runs `args` on the cluster and SIGKILLs executor `victim` 1.5 s into it (the query must
/// still be running then); returns the exit code, stdout and stderr once it ends.
fn run_while_killing(args: &[&str], victim: u32) -> (i32, String, String) {
    let child: Child = Command::new(env!("CARGO_BIN_EXE_tradestat"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the pipes on threads, so a large output cannot block the child.
    let mut child = child;
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        text
    });
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the query ended before the executor could be killed; use a larger file"
    );
    assert!(alive(victim));
    Command::new("kill")
        .args(["-KILL", &victim.to_string()])
        .status()
        .unwrap();
    let started = Instant::now();
    let finished = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the query hung after an executor was killed"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (
        finished.code().unwrap_or(-1),
        reader.join().unwrap(),
        stderr,
    )
}

/// A profile on the cluster with executor `victim` killed 1.5 s into it.
fn query_while_killing(file: &str, out: &Path, engine: &str, victim: u32) -> (i32, String) {
    let out = out.display().to_string();
    let mut args = profile_args(file, "643", "156", &out);
    args.extend(["--engine", engine]);
    let (code, _, stderr) = run_while_killing(&args, victim);
    (code, stderr)
}

/// The same text, else the first line that differs (outputs are too long to print whole).
fn same_text(local: &str, remote: &str, what: &str) {
    if local != remote {
        let first = local
            .lines()
            .zip(remote.lines())
            .position(|(l, r)| l != r)
            .unwrap_or(local.lines().count().min(remote.lines().count()));
        panic!(
            "{what}: line {} differs (local {} lines, cluster {}):\n  local:   {:?}\n  cluster: {:?}",
            first + 1,
            local.lines().count(),
            remote.lines().count(),
            local.lines().nth(first),
            remote.lines().nth(first)
        );
    }
}

/// A failed query: exit 2, the engine named, and no file written.
fn assert_no_output(code: i32, stderr: &str, engine: &str, out: &Path) {
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains(engine), "{stderr}");
    let written: Vec<_> = std::fs::read_dir(out)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(written.is_empty(), "partial output: {written:?}");
}

#[test]
fn ballista_and_local_polars_give_byte_identical_profiles() {
    let wd = Workdir::new();
    let small = wd.write("baci_small.csv", baci(60_000, 7));
    let small = small.display().to_string();
    // The cluster is three processes: a scheduler and two executors.
    let cluster = Cluster::start(&wd, 2);
    let pids = cluster.pids();
    assert_eq!(pids.len(), 3);
    assert!(pids.iter().all(|p| alive(*p)), "{pids:?}");
    let status = wd
        .run(&[
            "cluster",
            "status",
            "--state",
            &cluster.state.display().to_string(),
        ])
        .expect_code(0);
    assert!(
        status.stdout.contains("ready: 2 executors registered"),
        "{}",
        status.stdout
    );

    // The same file, two engines, three pairs (one with no trade at all): same bytes.
    for (a, b) in [("643", "156"), ("156", "408"), ("999", "643")] {
        let local = format!("local-{a}-{b}");
        let remote = format!("remote-{a}-{b}");
        let l = wd.run(&profile_args(&small, a, b, &local));
        let mut args = profile_args(&small, a, b, &remote);
        args.extend(["--engine", &cluster.engine]);
        let r = wd.run(&args);
        assert_eq!((l.code, r.code), (0, 0), "{}\n{}", l.stderr, r.stderr);
        assert_eq!(
            outputs(&wd.path(&local)),
            outputs(&wd.path(&remote)),
            "{a}→{b}"
        );
        // The stderr line names the same number of rows either way, and the engine.
        assert_eq!(
            l.stderr.replace(&local, "OUT").replace(")\n", ""),
            r.stderr
                .replace(&remote, "OUT")
                .replace(&format!("; summed on {})\n", cluster.engine), ""),
            "{a}→{b}"
        );
    }
    let yearly = std::fs::read_to_string(wd.path("remote-643-156/yearly.csv")).unwrap();
    assert!(
        yearly.lines().count() == 7,
        "six years and a header:\n{yearly}"
    );
    // The printed tables too.
    let mut table = vec!["profile", &small, "--reporter", "643", "--partner", "156"];
    let local_table = wd.run(&table).expect_code(0).stdout;
    table.extend(["--engine", &cluster.engine]);
    assert_eq!(wd.run(&table).expect_code(0).stdout, local_table);

    // Columns are typed by name, not position: the same rows in another column order.
    let reordered: String = baci(20_000, 5)
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            format!("{},{},{},{},{},{}\n", f[3], f[4], f[5], f[0], f[2], f[1])
        })
        .collect();
    let reordered = wd
        .write("baci_reordered.csv", reordered)
        .display()
        .to_string();
    let mut args = profile_args(&reordered, "643", "156", "reordered-remote");
    args.extend(["--engine", &cluster.engine]);
    wd.run(&args).expect_code(0);
    wd.run(&profile_args(&reordered, "643", "156", "reordered-local"))
        .expect_code(0);
    assert_eq!(
        outputs(&wd.path("reordered-remote")),
        outputs(&wd.path("reordered-local"))
    );

    // A gzip file cannot be split into ranges: refused on the cluster, with what to do.
    let gz = wd.write("baci.csv.gz", {
        use std::io::Write;
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(baci(100, 2).as_bytes()).unwrap();
        e.finish().unwrap()
    });
    let gz = gz.display().to_string();
    let mut args = profile_args(&gz, "643", "156", "gz-out");
    args.extend(["--engine", &cluster.engine]);
    let run = wd.run(&args).expect_code(2);
    assert!(run.stderr.contains("gunzip -k"), "{}", run.stderr);
    let run = wd
        .run(&[
            "summary",
            &gz,
            "--reporter",
            "643",
            "--partner",
            "156",
            "--engine",
            &cluster.engine,
        ])
        .expect_code(2);
    assert!(run.stderr.contains("gunzip -k"), "{}", run.stderr);

    // A value the local reader refuses is refused on the cluster too, and located.
    let mut bad = baci(2_000, 11);
    bad.push_str("2019,643,156,010121,12.1234567891,1\n");
    let bad = wd.write("baci_bad.csv", bad).display().to_string();
    let mut args = profile_args(&bad, "643", "156", "bad-out");
    args.extend(["--engine", &cluster.engine]);
    let run = wd.run(&args).expect_code(2);
    assert!(
        run.stderr.contains("1 row(s) involving 643")
            && run.stderr.contains("more than 9 decimals")
            && run.stderr.contains("baci_bad.csv"),
        "{}",
        run.stderr
    );
    assert!(!wd.path("bad-out").exists());

    // Every other command that reads on a cluster — summary, metrics, mirror, chart — on
    // files split by year as CEPII ships them: the same bytes as the local engine.
    let years = write_years(&wd, "BACI_HS17_Y", baci_years(2017..2020, 6, 21));
    let with_files = |args: &[&str]| -> Vec<String> {
        let mut all = vec![args[0].to_string()];
        all.extend(years.iter().cloned());
        all.extend(args[1..].iter().map(|a| a.to_string()));
        all
    };
    let asks: [&[&str]; 12] = [
        &["summary", "--reporter", "643", "--partner", "156"],
        &[
            "summary",
            "--reporter",
            "RUS",
            "--partner",
            "China",
            "--format",
            "json",
        ],
        &[
            "summary",
            "--reporter",
            "643",
            "--partner",
            "156",
            "--level",
            "2",
            "--format",
            "csv",
        ],
        &[
            "metrics",
            "--reporter",
            "643",
            "--metric",
            "rca",
            "--level",
            "2",
        ],
        &[
            "metrics",
            "--reporter",
            "643",
            "--metric",
            "rca,hhi,partners",
            "--level",
            "2",
            "--format",
            "json",
        ],
        &[
            "metrics",
            "--reporter",
            "408",
            "--metric",
            "rca",
            "--level",
            "4",
            "--format",
            "csv",
        ],
        &[
            "metrics",
            "--reporter",
            "643",
            "--metric",
            "rca,shares",
            "--partner",
            "156",
            "--level",
            "2",
        ],
        &[
            "metrics",
            "--reporter",
            "156",
            "--metric",
            "partners,hhi",
            "--top",
            "5",
        ],
        &[
            "metrics",
            "--reporter",
            "643",
            "--partner",
            "156",
            "--metric",
            "flows,growth,gl",
            "--format",
            "json",
        ],
        &["mirror", "--reporter", "643", "--partner", "156"],
        &[
            "mirror",
            "--reporter",
            "156",
            "--partner",
            "643",
            "--format",
            "json",
        ],
        &[
            "chart",
            "--reporter",
            "643",
            "--partner",
            "156",
            "--kind",
            "flows",
            "--out",
            "CHART",
        ],
    ];
    for (n, ask) in asks.iter().enumerate() {
        let outcome = |engine: Option<&str>| {
            let chart = wd.path(&format!("chart-{n}-{}.svg", engine.is_some()));
            let chart = chart.display().to_string();
            let mut args: Vec<String> = with_files(ask)
                .into_iter()
                .map(|a| if a == "CHART" { chart.clone() } else { a })
                .collect();
            if let Some(engine) = engine {
                args.extend(["--engine".to_string(), engine.to_string()]);
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = wd.run(&args);
            assert_eq!(run.code, 0, "{args:?}\n{}", run.stderr);
            (run.stdout, std::fs::read(&chart).ok(), run.stderr)
        };
        let (local, local_chart, _) = outcome(None);
        let (remote, remote_chart, stderr) = outcome(Some(&cluster.engine));
        same_text(&local, &remote, &format!("{ask:?}"));
        assert!(local_chart == remote_chart, "{ask:?}: the charts differ");
        assert!(!local.is_empty() || local_chart.is_some(), "{ask:?}");
        assert!(stderr.contains(&cluster.engine), "{ask:?}: {stderr}");
    }
    // What a cluster cannot answer is refused with what to do, never computed otherwise.
    let mut args = with_files(&[
        "metrics",
        "--reporter",
        "643",
        "--partner",
        "156",
        "--metric",
        "intensity",
    ]);
    args.extend(["--engine".to_string(), cluster.engine.clone()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = wd.run(&args).expect_code(2);
    assert!(
        run.stderr.contains("need the local engine"),
        "{}",
        run.stderr
    );
    let run = wd
        .run(&["summary", &small, "--engine", &cluster.engine])
        .expect_code(2);
    assert!(run.stderr.contains("--reporter"), "{}", run.stderr);

    // An executor killed mid-query, here world shares over six years of files: a clear
    // error or a retried success, never a partial result. (Ballista reschedules the lost
    // tasks on the other executor once the lost one's heartbeat times out; either outcome
    // is accepted, each checked.)
    std::fs::create_dir_all(wd.path("big")).unwrap();
    let big = write_years(&wd, "big/BACI_Y", baci_years(2015..2021, 45, 8));
    let mut rca = vec!["metrics".to_string()];
    rca.extend(big.iter().cloned());
    rca.extend(["--reporter", "643", "--metric", "rca,hhi", "--level", "2"].map(String::from));
    let rca: Vec<&str> = rca.iter().map(String::as_str).collect();
    let local = wd.run(&rca).expect_code(0).stdout;
    let mut remote = rca.clone();
    remote.extend(["--engine", &cluster.engine]);
    let (code, stdout, stderr) = run_while_killing(&remote, pids[1]);
    if code == 0 {
        eprintln!("one executor killed: the query was retried and succeeded");
        same_text(&local, &stdout, "metrics with an executor killed");
    } else {
        eprintln!("one executor killed: the query failed: {stderr}");
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains(&cluster.engine), "{stderr}");
        assert!(stdout.is_empty(), "partial output: {stdout}");
    }
    let big = wd.write("baci_big.csv", baci(1_500_000, 3));
    let big = big.display().to_string();

    // The last executor killed mid-query: nothing can run the tasks, so a clear error.
    let out = wd.path("big-remote-2");
    let (code, stderr) = query_while_killing(&big, &out, &cluster.engine, pids[2]);
    assert_no_output(code, &stderr, &cluster.engine, &out);
    assert!(stderr.contains("executors were lost"), "{stderr}");
    let status = wd.run(&[
        "cluster",
        "status",
        "--state",
        &cluster.state.display().to_string(),
    ]);
    assert_eq!(status.code, 1, "{}", status.stdout);
    assert!(
        status.stdout.contains("not ready: 0/2"),
        "{}",
        status.stdout
    );

    // Stopping ends every process.
    wd.run(&[
        "cluster",
        "stop",
        "--state",
        &cluster.state.display().to_string(),
    ])
    .expect_code(0);
    let deadline = Instant::now() + Duration::from_secs(10);
    while pids.iter().any(|p| alive(*p)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(!pids.iter().any(|p| alive(*p)), "still running after stop");
    assert!(!cluster.state.join("cluster.json").exists());
}

#[test]
fn a_cluster_that_is_not_there_is_named_in_the_error() {
    let wd = Workdir::new();
    let file = wd.write("baci.csv", baci(100, 1)).display().to_string();
    // A port nothing listens on: bind one, note it, release it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let engine = format!("ballista://127.0.0.1:{port}");
    let mut args = profile_args(&file, "643", "156", "out");
    args.extend(["--engine", &engine]);
    let run = wd.run(&args).expect_code(2);
    assert!(
        run.stderr.contains(&engine) && run.stderr.contains("cluster"),
        "{}",
        run.stderr
    );
    assert!(!wd.path("out").exists());
}
