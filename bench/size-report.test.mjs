// The size report's attribution of wasm symbols to crates and to our source files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { crateOf, fileOf } from "./size-report.mjs";

const check = (name, crate, file) => {
  assert.equal(crateOf(name), crate, `crate of ${name}`);
  assert.equal(fileOf(name), file, `file of ${name}`);
};

test("a view's closures count under its file", () => {
  check("lectern_app[6da9ebf1b886d39b]::views::trends::__component_trends::{closure#6}", "lectern_app", "src/views/trends.rs");
  check("<lectern_app[59bac26577d3a5b0]::views::reader::__component_reader::{closure#3} as tachys[92d1db7c1030f09d]::view::Render>::build", "lectern_app", "src/views/reader.rs");
  check("<&lectern_app::views::meta::Byline as core::ops::function::FnOnce<(lectern_app::views::meta::BylineProps,)>>::call_once", "lectern_app", "src/views/meta.rs");
});

test("methods, functions and split points count under the file that defines them", () => {
  check("<lectern_engine[5739b5d2d47af5e0]::search::Searcher>::search", "lectern_engine", "crates/engine/src/search.rs");
  check("lectern_engine::text::each_token", "lectern_engine", "crates/engine/src/text.rs");
  check("<lectern_app::route::Route>::parse", "lectern_app", "src/route.rs");
  check("lectern_app::later::kwic::make", "lectern_app", "src/later.rs (kwic)");
  check("lectern_app::later::later::{closure#1}", "lectern_app", "src/later.rs");
  check("lectern_app::own::open_files::{closure#0}::start::{closure#0}", "lectern_app", "src/own.rs");
});

test("what the crate root or a folder's mod.rs defines counts there", () => {
  check("lectern_app[59bac26577d3a5b0]::mount::{closure#1}", "lectern_app", "src/lib.rs");
  check("lectern_app::views::Reader", "lectern_app", "src/views/mod.rs");
});

test("other crates' code and the data are no file of ours", () => {
  check("core[1b80778acbf7b3a4]::fmt::write", "core", null);
  check("<reactive_graph::computed::arc_memo::ArcMemo<lectern_app::app::Page>>::new", "reactive_graph", null);
  check("data segment \".rodata\"", "data", null);
});
