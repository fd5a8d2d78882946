//! The one integration-test binary: the CLI as a user runs it. One module per subcommand
//! or concern; `workdir` gives each test a fresh folder and a way to run `tradestat`.

mod errors;
mod summary;
mod workdir;
