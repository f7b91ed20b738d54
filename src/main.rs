//! TEMPORARY main on the `import` branch: dispatches only `import` (the lead owns this file).
use clap::Parser;

#[derive(Parser)]
#[command(name = "govatlas")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    /// Import a published inventory.
    Import(govatlas::cli::import::ImportArgs),
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            std::process::exit(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let code = match cli.command {
        Command::Import(a) => govatlas::cli::import::execute(a),
    };
    std::process::exit(code)
}
