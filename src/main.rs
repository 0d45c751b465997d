//! Entry point of the browser app: installs what shows a crash and mounts the explorer.

fn main() {
    lectern_app::crash::install_panic_hook();
    lectern_app::crash::listen_for_traps();
    lectern_app::mount();
}
