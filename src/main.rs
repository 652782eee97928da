fn main() -> std::process::ExitCode {
    zonegate::cli::run()
}
