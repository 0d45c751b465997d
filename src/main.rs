//! Entry point of the browser app: installs the panic hook and mounts the explorer.

fn main() {
    lectern_app::crash::install_panic_hook();
    lectern_app::mount();
}
