//! Entry point of the browser app: installs the panic hook and mounts the explorer.

fn main() {
    console_error_panic_hook::set_once();
    lectern_app::mount();
}
