//! Lectern's browser app (Leptos, client-side rendered): renders the bundled corpus and wires
//! the views to the engine. It holds no corpus or search logic of its own.
//!
//! - [`data`]: the corpus bundled at build time.
//! - [`route`]: the view state as it is written in the URL hash, parsed and formatted.
//! - [`hash`]: the route as a signal, kept in step with `location.hash`.
//! - [`app`] and [`views`]: the components.

pub mod app;
pub mod data;
pub mod hash;
pub mod route;
pub mod views;

pub use app::App;

/// Mounts the explorer on the page's body, reading the bundled corpus.
pub fn mount() {
    let corpus = data::bundled();
    leptos::mount::mount_to_body(move || leptos::view! { <App corpus=corpus/> });
}
