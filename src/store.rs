//! The reader's own documents kept in IndexedDB, so they are still there after a reload.
//!
//! One database (`lectern`), one object store (`documents`), one record per copy of the page
//! (see [`key`]): an array of the reader's documents, each in its bundled form
//! (`lectern_engine::bundle::encode_document`). Every file opened from disk has the same origin,
//! as may two sites under one host, so the record is the copy's own: documents opened in one
//! never show up in another, nor travel in what that one saves. Guarantees: every call tolerates
//! a browser that has no IndexedDB or refuses it (sandboxed frames, opaque origins, private
//! modes, a full disk) and says so as an `Err` with the browser's reason, never a panic.

use js_sys::{Function, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "lectern";
const STORE: &str = "documents";

/// The record of this copy of the page: a file opened from disk is a copy of its own, a hosted
/// page is its folder (`/docs/` and `/docs/index.html` are one copy, and embedded or not). A
/// site at the host's root keeps the record it had before records were per copy.
fn key() -> JsValue {
    let location = web_sys::window().map(|w| w.location());
    let path = location.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
    let from_disk = location.and_then(|l| l.protocol().ok()).is_some_and(|p| p == "file:");
    key_for(&path, from_disk).into()
}

fn key_for(path: &str, from_disk: bool) -> String {
    let scope = if from_disk { path } else { &path[..path.rfind('/').map_or(0, |i| i + 1)] };
    match scope {
        "" | "/" => "yours".to_string(),
        scope => ["yours:", scope].concat(),
    }
}

/// Why storage could not be used, in the browser's words.
pub type Refused = String;

fn reason(value: JsValue) -> Refused {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}

/// Resolves with the request's result once it succeeds.
async fn settled(request: &IdbRequest) -> Result<JsValue, Refused> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let why = failed.error().ok().flatten().map(|e| JsValue::from(e.message())).unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &why);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(reason)
}

async fn open() -> Result<IdbDatabase, Refused> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(reason)?
        .ok_or("this browser has no IndexedDB")?;
    let request = factory.open_with_u32(DATABASE, 1).map_err(reason)?;
    let upgrade = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrade.result().and_then(|r| r.dyn_into::<IdbDatabase>().map_err(JsValue::from)) {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    settled(&request).await?.dyn_into::<IdbDatabase>().map_err(reason)
}

async fn store(mode: IdbTransactionMode) -> Result<IdbObjectStore, Refused> {
    let db = open().await?;
    db.transaction_with_str_and_mode(STORE, mode).and_then(|t| t.object_store(STORE)).map_err(reason)
}

/// The stored documents' bytes (none when nothing is stored).
pub async fn load() -> Result<Vec<Vec<u8>>, Refused> {
    let value = settled(&store(IdbTransactionMode::Readonly).await?.get(&key()).map_err(reason)?).await?;
    let Some(list) = value.dyn_ref::<js_sys::Array>() else { return Ok(Vec::new()) };
    Ok(list.iter().filter_map(|v| v.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec)).collect())
}

/// Stores `documents` (each one's bytes), replacing what was there.
pub async fn save(documents: &[Vec<u8>]) -> Result<(), Refused> {
    let value: js_sys::Array = documents.iter().map(|d| JsValue::from(Uint8Array::from(d.as_slice()))).collect();
    settled(&store(IdbTransactionMode::Readwrite).await?.put_with_key(&value, &key()).map_err(reason)?).await.map(drop)
}

/// Removes what was stored.
pub async fn forget() -> Result<(), Refused> {
    settled(&store(IdbTransactionMode::Readwrite).await?.delete(&key()).map_err(reason)?).await.map(drop)
}

#[cfg(test)]
mod tests {
    use super::key_for;

    #[test]
    fn each_copy_of_the_page_has_its_own_record() {
        for (path, from_disk, key) in [
            ("/", false, "yours"),
            ("/index.html", false, "yours"),
            ("/some/deep/path/", false, "yours:/some/deep/path/"),
            ("/some/deep/path/index.html", false, "yours:/some/deep/path/"),
            ("/tmp/a/lectern.html", true, "yours:/tmp/a/lectern.html"),
            ("/tmp/b/lectern.html", true, "yours:/tmp/b/lectern.html"),
            ("", false, "yours"),
        ] {
            assert_eq!(key_for(path, from_disk), key, "{path} (from disk: {from_disk})");
        }
    }
}
