//! "About this copy": what this build of Lectern holds, so a citation can name the snapshot —
//! the build date, the corpus's documents and paragraphs, and the SHA-256 of the bundled corpus
//! — and, on the hosted build, the single file to download for offline use.

use leptos::prelude::*;

use super::words::plural;
use crate::app::Library;

#[component]
pub fn About() -> impl IntoView {
    let Library(corpus) = expect_context::<Library>();
    let stamp = crate::data::stamp();
    let checksum = stamp.sha256.as_str();
    let single = crate::data::is_single_file();
    view! {
        <section class="about" data-view="about" aria-labelledby="about-title">
            <h1 id="about-title" tabindex="-1">"About this copy"</h1>
            <dl class="about-facts">
                <dt>"This is"</dt>
                <dd data-about="kind">{if single { "the offline copy: one file that works without a network" } else { "the hosted copy" }}</dd>
                <dt>"Built on"</dt>
                <dd data-about="build-date">{stamp.built.as_str()}</dd>
                <dt>"Corpus"</dt>
                <dd data-about="documents">{format!("{}, {}", plural(corpus.documents().len(), "document"), plural(corpus.passage_count(), "paragraph"))}</dd>
                <dt>"Corpus checksum (SHA-256)"</dt>
                <dd><code data-about="checksum">{checksum}</code></dd>
            </dl>
            <p>"To cite this snapshot, give the build date and the first characters of the checksum, e.g. "
                <code>{format!("Lectern {}, corpus {}", stamp.built, &checksum[..12])}</code>"."</p>
            {(!single).then(|| view! {
                <p>
                    <a href="lectern.html" download="lectern.html" data-download>"Download for offline use"</a>
                    " — one HTML file with the app and the corpus; open it from disk, no network needed."
                </p>
            })}
        </section>
    }
}
