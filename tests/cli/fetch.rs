//! `tradestat fetch comtrade` against a replay server on 127.0.0.1: no test touches the
//! network. The success body is a real recorded Comtrade+ answer (see
//! tests/fixtures/comtrade-api/SOURCES.md); the failures are what the API and its gateway
//! send (statuses, Retry-After, a body cut short, a slow answer).

use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value as Json;

use crate::workdir::{Workdir, repo_file};

/// What the replay server answers.
#[derive(Clone)]
enum Reply {
    Json(u16, Vec<(&'static str, String)>, String),
    /// Promises more bytes than it sends, then closes.
    CutShort(String),
    /// Waits before answering.
    Slow(Duration, String),
}

#[derive(Clone, Debug)]
struct Seen {
    path: String,
    key: Option<String>,
}

struct Replay {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Replay {
    /// A server answering request `i` (from 0) for `path` with `script(i, path)`.
    fn start(script: impl Fn(usize, &str) -> Reply + Send + 'static) -> Replay {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            for (i, stream) in listener.incoming().enumerate() {
                let Ok(mut stream) = stream else { continue };
                let mut request = Vec::new();
                let mut buf = [0u8; 4096];
                while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => request.extend_from_slice(&buf[..n]),
                    }
                }
                let text = String::from_utf8_lossy(&request).into_owned();
                let path = text.split_whitespace().nth(1).unwrap_or("").to_string();
                let key = text.lines().find_map(|l| {
                    l.to_ascii_lowercase()
                        .starts_with("ocp-apim-subscription-key:")
                        .then(|| l[26..].trim().to_string())
                });
                log.lock().unwrap().push(Seen {
                    path: path.clone(),
                    key,
                });
                let respond = |stream: &mut std::net::TcpStream,
                               status: u16,
                               headers: &[(&str, String)],
                               body: &str,
                               length: usize| {
                    let mut head = format!(
                        "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n"
                    );
                    for (k, v) in headers {
                        head.push_str(&format!("{k}: {v}\r\n"));
                    }
                    head.push_str("\r\n");
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(body.as_bytes());
                    let _ = stream.flush();
                };
                match script(i, &path) {
                    Reply::Json(status, headers, body) => {
                        respond(&mut stream, status, &headers, &body, body.len())
                    }
                    Reply::CutShort(body) => {
                        respond(&mut stream, 200, &[], &body, body.len() + 5000)
                    }
                    Reply::Slow(wait, body) => {
                        std::thread::sleep(wait);
                        respond(&mut stream, 200, &[], &body, body.len());
                    }
                }
            }
        });
        Replay { base, seen }
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

/// The recorded Comtrade+ answer.
fn recorded() -> String {
    std::fs::read_to_string(repo_file(
        "tests/fixtures/comtrade-api/data-goods-annual.json",
    ))
    .unwrap()
}

/// An answer of `n` total rows for each period named in `path`, and `breakdown` rows broken
/// down by mode of transport.
fn answer_for(path: &str, breakdown: usize) -> String {
    let periods: Vec<String> = path
        .split(['?', '&'])
        .find_map(|kv| kv.strip_prefix("period="))
        .unwrap_or("2019")
        .split(',')
        .map(|s| s.to_string())
        .collect();
    let mut data = Vec::new();
    for p in &periods {
        for (flow, value) in [("X", "1234567.891"), ("M", "765432.1")] {
            data.push(serde_json::json!({
                "typeCode": "C", "freqCode": "A", "refYear": p.parse::<i32>().unwrap(), "refMonth": 52, "period": p,
                "reporterCode": 156, "reporterISO": "CHN", "reporterDesc": "China", "flowCode": flow,
                "partnerCode": 32, "partnerISO": "ARG", "partnerDesc": "Argentina", "partner2Code": 0,
                "classificationCode": "H6", "cmdCode": "TOTAL", "customsCode": "C00", "motCode": 0,
                "primaryValue": "@VALUE@", "isAggregate": true,
            }).to_string().replace("\"@VALUE@\"", value));
        }
    }
    for _ in 0..breakdown {
        data.push(r#"{"typeCode":"C","freqCode":"A","refYear":2019,"refMonth":52,"period":"2019","reporterCode":156,"reporterISO":"CHN","flowCode":"X","partnerCode":32,"partnerISO":"ARG","partner2Code":0,"classificationCode":"H6","cmdCode":"TOTAL","customsCode":"C00","motCode":1000,"primaryValue":999}"#.to_string());
    }
    format!(
        r#"{{"elapsedTime":"0.01 secs","count":{},"data":[{}],"error":""}}"#,
        data.len(),
        data.join(",")
    )
}

fn ok(body: String) -> Reply {
    Reply::Json(200, Vec::new(), body)
}

fn fetch_args<'a>(base: &'a str, periods: &'a str) -> Vec<&'a str> {
    vec![
        "fetch",
        "comtrade",
        "--reporter",
        "CHN",
        "--partner",
        "ARG",
        "--period",
        periods,
        "--out",
        "ct.csv",
        "--base-url",
        base,
    ]
}

#[test]
fn a_recorded_answer_becomes_a_file_every_command_reads_with_exact_values() {
    let body = recorded();
    let answer = body.clone();
    let server = Replay::start(move |_, _| ok(answer.clone()));
    let wd = Workdir::new();
    // The request the answer was recorded for: China with Argentina and Germany in 2010.
    let args = [
        "fetch",
        "comtrade",
        "--reporter",
        "CHN",
        "--partner",
        "ARG,DEU",
        "--period",
        "2010",
        "--out",
        "ct.csv",
        "--base-url",
        &server.base,
    ];
    let run = wd.run_env(&args, &[]).expect_code(0);
    assert!(run.stderr.contains("public preview"), "{}", run.stderr);
    assert!(
        server.seen()[0]
            .path
            .contains("reporterCode=156&period=2010&partnerCode=32,276&"),
        "{:?}",
        server.seen()
    );
    // Every total row of the answer, its value exactly as the API wrote it.
    let csv = std::fs::read_to_string(wd.path("ct.csv")).unwrap();
    let doc: Json = serde_json::from_str(&body).unwrap();
    let records = doc["data"].as_array().unwrap();
    let totals: Vec<&Json> = records
        .iter()
        .filter(|r| r["partner2Code"] == 0 && r["motCode"] == 0 && r["customsCode"] == "C00")
        .collect();
    assert_eq!(csv.lines().count(), totals.len() + 1, "{csv}");
    for r in &totals {
        let raw = r["primaryValue"].to_string();
        assert!(csv.contains(&raw), "{raw} not in\n{csv}");
    }
    // The provenance: the URL, the digest of the answer, the counts; no key.
    let prov: Json =
        serde_json::from_str(&std::fs::read_to_string(wd.path("ct.csv.provenance.json")).unwrap())
            .unwrap();
    assert_eq!(prov["subscription_key_used"], false);
    assert_eq!(prov["rows_written"], totals.len());
    assert_eq!(prov["parts"][0]["answer"], "fetched");
    assert!(
        prov["parts"][0]["url"]
            .as_str()
            .unwrap()
            .contains("/public/v1/preview/C/A/HS?")
    );
    assert_eq!(prov["parts"][0]["sha256"].as_str().unwrap().len(), 64);
    // `inspect` reads it as a Comtrade+ file, and `summary --format json` gives the sums
    // of the exact values.
    let run = wd.run(&["inspect", "ct.csv"]).expect_code(0);
    assert!(run.stdout.contains("Comtrade+"), "{}", run.stdout);
    // 6115764185.0 exported to Argentina, 6804128143.0 imported from it.
    let run = wd
        .run(&[
            "summary",
            "ct.csv",
            "--reporter",
            "CHN",
            "--partner",
            "ARG",
            "--format",
            "csv",
        ])
        .expect_code(0);
    assert!(
        run.stdout.contains("6115764185") && run.stdout.contains("6804128143"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("12919892328"), "{}", run.stdout);
}

#[test]
fn summary_of_a_fetched_file_gives_the_answers_values() {
    let server = Replay::start(|_, path| ok(answer_for(path, 0)));
    let wd = Workdir::new();
    wd.run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(0);
    let run = wd
        .run(&[
            "summary",
            "ct.csv",
            "--reporter",
            "CHN",
            "--partner",
            "ARG",
            "--format",
            "csv",
        ])
        .expect_code(0);
    assert!(run.stdout.contains("1234567.891"), "{}", run.stdout);
    assert!(run.stdout.contains("765432.1"), "{}", run.stdout);
    // 1234567.891 + 765432.1
    assert!(run.stdout.contains("1999999.991"), "{}", run.stdout);
}

#[test]
fn a_rate_limit_is_waited_out_as_the_server_asks() {
    let server = Replay::start(|i, path| match i {
        0 => Reply::Json(
            429,
            vec![("Retry-After", "1".to_string())],
            r#"{"statusCode":429,"message":"Rate limit is exceeded. Try again in 1 seconds."}"#
                .to_string(),
        ),
        _ => ok(answer_for(path, 0)),
    });
    let wd = Workdir::new();
    let run = wd
        .run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(0);
    assert_eq!(server.seen().len(), 2);
    assert!(run.stderr.contains("retried"), "{}", run.stderr);
    let prov: Json =
        serde_json::from_str(&std::fs::read_to_string(wd.path("ct.csv.provenance.json")).unwrap())
            .unwrap();
    assert_eq!(prov["parts"][0]["retried"][0]["status"], 429);
    assert_eq!(prov["parts"][0]["retried"][0]["waited_seconds"], 1);
}

#[test]
fn a_quota_signal_is_waited_out_and_an_empty_answer_is_said() {
    // The recorded empty answer (no data for the combination), after a 403 with Retry-After.
    let server = Replay::start(|i, _| match i {
        0 => Reply::Json(
            403,
            vec![("Retry-After", "1".to_string())],
            r#"{"statusCode":403,"message":"Out of call volume quota."}"#.to_string(),
        ),
        _ => ok(fixture("data-services-annual.json")),
    });
    let wd = Workdir::new();
    let run = wd
        .run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(0);
    assert_eq!(server.seen().len(), 2);
    assert!(
        run.stderr.contains("no records for this request"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(wd.path("ct.csv"))
            .unwrap()
            .lines()
            .count(),
        1
    );
}

#[test]
fn a_server_error_is_tried_again() {
    let server = Replay::start(|i, path| match i {
        0 => Reply::Json(
            500,
            Vec::new(),
            "<html>Internal Server Error</html>".to_string(),
        ),
        _ => ok(answer_for(path, 0)),
    });
    let wd = Workdir::new();
    wd.run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(0);
    assert_eq!(server.seen().len(), 2);
}

/// A recorded body of tests/fixtures/comtrade-api.
fn fixture(name: &str) -> String {
    std::fs::read_to_string(repo_file(&format!("tests/fixtures/comtrade-api/{name}"))).unwrap()
}

#[test]
fn a_missing_or_refused_key_is_said_and_the_key_is_never_shown() {
    let server = Replay::start(|i, _| {
        let body = if i == 0 {
            fixture("error-401-missing-key.json")
        } else {
            fixture("error-401-invalid-key.json")
        };
        Reply::Json(401, Vec::new(), body)
    });
    let wd = Workdir::new();
    let run = wd
        .run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(2);
    assert!(
        run.stderr.contains("set COMTRADE_API_KEY"),
        "{}",
        run.stderr
    );
    let secret = "SECRET-key-0123456789abcdef";
    let run = wd
        .run_env(
            &fetch_args(&server.base, "2019"),
            &[("COMTRADE_API_KEY", secret)],
        )
        .expect_code(2);
    assert!(run.stderr.contains("was refused"), "{}", run.stderr);
    assert!(!run.stderr.contains(secret) && !run.stdout.contains(secret));
    // With a key, the data API is asked, the key in its header.
    let seen = server.seen();
    assert!(seen[1].path.starts_with("/data/v1/get/C/A/HS?"), "{seen:?}");
    assert_eq!(seen[1].key.as_deref(), Some(secret));
    assert!(!wd.path("ct.csv").exists());
}

#[test]
fn the_key_is_written_nowhere() {
    let server = Replay::start(|_, path| ok(answer_for(path, 0)));
    let wd = Workdir::new();
    let secret = "SECRET-key-fedcba9876543210";
    let run = wd
        .run_env(
            &fetch_args(&server.base, "2019"),
            &[("COMTRADE_API_KEY", secret)],
        )
        .expect_code(0);
    assert_eq!(server.seen()[0].key.as_deref(), Some(secret));
    assert!(!run.stderr.contains(secret));
    // Not in the output, the provenance, the cache or anything else in the folder.
    let mut stack = vec![wd.path("")];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files += 1;
                let bytes = std::fs::read(&p).unwrap();
                assert!(
                    !String::from_utf8_lossy(&bytes).contains(secret),
                    "{} holds the key",
                    p.display()
                );
            }
        }
    }
    assert!(files >= 4, "output, provenance and cache expected");
}

#[test]
fn an_api_error_message_is_shown_and_nothing_is_written() {
    let server = Replay::start(|_, _| {
        Reply::Json(
            400,
            Vec::new(),
            r#"{"statusCode":400,"message":"Invalid period parameter: 20199"}"#.to_string(),
        )
    });
    let wd = Workdir::new();
    let run = wd
        .run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(2);
    assert!(
        run.stderr.contains("HTTP 400") && run.stderr.contains("Invalid period parameter"),
        "{}",
        run.stderr
    );
    assert!(!wd.path("ct.csv").exists());
    assert!(!wd.path("ct.csv.provenance.json").exists());
}

#[test]
fn a_wrong_address_is_a_clear_error() {
    // As comtradr's httpbin mock: 404 with an HTML page.
    let server = Replay::start(|_, _| {
        Reply::Json(
            404,
            Vec::new(),
            "<html><body>Not Found</body></html>".to_string(),
        )
    });
    let wd = Workdir::new();
    let run = wd
        .run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(2);
    assert!(run.stderr.contains("HTTP 404 Not Found"), "{}", run.stderr);
    assert_eq!(server.seen().len(), 1, "a 404 is not retried");
}

#[test]
fn an_answer_cut_short_is_an_error_never_a_partial_file() {
    let server = Replay::start(|_, path| {
        let body = answer_for(path, 0);
        Reply::CutShort(body[..body.len() / 2].to_string())
    });
    let wd = Workdir::new();
    let run = wd
        .run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(2);
    assert!(run.stderr.contains("cut short"), "{}", run.stderr);
    assert!(!wd.path("ct.csv").exists());
}

#[test]
fn a_slow_server_is_given_up_on_after_the_timeout() {
    let server = Replay::start(|_, path| Reply::Slow(Duration::from_secs(4), answer_for(path, 0)));
    let wd = Workdir::new();
    let mut args = fetch_args(&server.base, "2019");
    args.extend(["--timeout", "1"]);
    let started = std::time::Instant::now();
    let run = wd.run_env(&args, &[]).expect_code(2);
    assert!(run.stderr.contains("timeout"), "{}", run.stderr);
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "waited {:?}",
        started.elapsed()
    );
}

#[test]
fn a_long_request_is_split_and_written_as_one_file() {
    let server = Replay::start(|_, path| ok(answer_for(path, 0)));
    let wd = Workdir::new();
    let periods = (2000..2015)
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(",");
    wd.run_env(&fetch_args(&server.base, &periods), &[])
        .expect_code(0);
    let seen = server.seen();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(
        seen[0]
            .path
            .contains("period=2000,2001,2002,2003,2004,2005,2006,2007,2008,2009,2010,2011&")
    );
    assert!(seen[1].path.contains("period=2012,2013,2014&"));
    let csv = std::fs::read_to_string(wd.path("ct.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 15 * 2);
}

#[test]
fn an_interrupted_run_resumes_where_it_stopped() {
    let fail_second = Arc::new(Mutex::new(true));
    let flag = fail_second.clone();
    let server = Replay::start(move |_, path| {
        if path.contains("period=2012") && *flag.lock().unwrap() {
            Reply::Json(
                400,
                Vec::new(),
                r#"{"statusCode":400,"message":"try later"}"#.to_string(),
            )
        } else {
            ok(answer_for(path, 0))
        }
    });
    let wd = Workdir::new();
    let periods = (2000..2015)
        .map(|y| y.to_string())
        .collect::<Vec<_>>()
        .join(",");
    wd.run_env(&fetch_args(&server.base, &periods), &[])
        .expect_code(2);
    assert!(wd.path("ct.csv.parts.json").exists());
    assert!(!wd.path("ct.csv").exists());
    *fail_second.lock().unwrap() = false;
    let run = wd
        .run_env(&fetch_args(&server.base, &periods), &[])
        .expect_code(0);
    assert!(run.stderr.contains("1 resumed"), "{}", run.stderr);
    // The second run asked only for the part that had failed.
    let seen = server.seen();
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert!(seen[2].path.contains("period=2012"));
    assert!(!wd.path("ct.csv.parts.json").exists());
    assert_eq!(
        std::fs::read_to_string(wd.path("ct.csv"))
            .unwrap()
            .lines()
            .count(),
        1 + 15 * 2
    );
}

#[test]
fn breakdown_rows_are_left_out_and_counted() {
    let server = Replay::start(|_, path| ok(answer_for(path, 2)));
    let wd = Workdir::new();
    let run = wd
        .run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(0);
    assert!(run.stderr.contains("2 breakdown row(s)"), "{}", run.stderr);
    let csv = std::fs::read_to_string(wd.path("ct.csv")).unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(!csv.contains(",1000,"));
}

#[test]
fn the_cache_answers_again_unless_refreshed() {
    let server = Replay::start(|_, path| ok(answer_for(path, 0)));
    let wd = Workdir::new();
    wd.run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(0);
    let run = wd
        .run_env(&fetch_args(&server.base, "2019"), &[])
        .expect_code(0);
    assert_eq!(server.seen().len(), 1);
    assert!(run.stderr.contains("1 from the cache"), "{}", run.stderr);
    let prov: Json =
        serde_json::from_str(&std::fs::read_to_string(wd.path("ct.csv.provenance.json")).unwrap())
            .unwrap();
    assert_eq!(prov["parts"][0]["answer"], "cached");
    let mut args = fetch_args(&server.base, "2019");
    args.push("--refresh");
    wd.run_env(&args, &[]).expect_code(0);
    assert_eq!(server.seen().len(), 2);
}
