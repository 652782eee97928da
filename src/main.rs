#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    zonegate::cli::run()
}
