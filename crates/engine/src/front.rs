//! The front matter of a Markdown file: the YAML block between `---` lines, read as the flat
//! mapping of text fields Lectern accepts (`title`, `author`, `date`, `source`, `url`,
//! `attribution`).
//!
//! Why not a YAML crate: the same parser runs in the browser when a reader opens their own
//! files, and a full YAML implementation (`serde_yaml_ng` over `unsafe-libyaml`) made the app
//! about 35 KB gzip heavier for six text fields. This reads the YAML a front matter actually
//! uses — plain, 'single-quoted' and "double-quoted" scalars, folded over several lines,
//! `|` and `>` block scalars, comments, `null`/`~` — and refuses the rest (lists, maps, anchors,
//! tags, an unquoted `: ` in a value) with a message naming the line and the fix. A test checks
//! it against `serde_yaml_ng` on every accepted shape, so both read the same values.
//!
//! Guarantees: never panics; a value is `Some` text exactly when YAML would give a string (an
//! empty value, `null` and `~` give `None`); every error carries the 1-based line in the file.

/// The keys front matter may hold, in the order messages list them.
pub const KEYS: [&str; 6] = ["title", "author", "date", "source", "url", "attribution"];

/// The value of each key of [`KEYS`], in that order.
pub type Fields = [Option<String>; 6];

/// Reads `lines` (the block between the `---` lines; the first is line `first_line` of the
/// file).
pub fn read(first_line: usize, lines: &[&str]) -> Result<Fields, (usize, String)> {
    // A mapping may be indented as a whole; its keys then start at that indentation.
    let content = |l: &&&str| !l.trim().is_empty() && !l.trim_start().starts_with('#');
    let base = lines.iter().find(content).map_or(0, |l| l.len() - l.trim_start_matches(' ').len());
    let dedented: Vec<&str> = lines.iter().map(|l| if l.get(..base).is_some_and(|p| p.trim().is_empty()) { &l[base..] } else { l }).collect();
    let lines = dedented.as_slice();
    let mut fields: Fields = Default::default();
    let mut seen = [false; 6];
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let at = first_line + i;
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            i += 1;
            continue;
        }
        if line.starts_with([' ', '\t']) {
            return Err((at, "this line is indented but belongs to no key. Fix: start it at the beginning of the line as `key: value`, or indent the value of the key above consistently".into()));
        }
        let (key, rest) = match line.split_once(':') {
            Some((key, rest)) if !key.is_empty() && (rest.is_empty() || rest.starts_with([' ', '\t'])) && !key.contains([' ', '\t', '"', '\'']) => (key, rest.trim()),
            _ => return Err((at, "expected `key: value` (a key, a colon, a space, the text). Fix: write it like `title: My title`".into())),
        };
        let Some(slot) = KEYS.iter().position(|k| *k == key) else {
            return Err((at, format!("unknown field `{key}`, expected one of {}", KEYS.map(|k| format!("`{k}`")).join(", "))));
        };
        if std::mem::replace(&mut seen[slot], true) {
            return Err((at, format!("duplicate field `{key}`. Fix: keep one `{key}:` line")));
        }
        // The lines that continue this value: indented, or blank between indented ones.
        let mut end = i + 1;
        while end < lines.len() && (lines[end].starts_with([' ', '\t']) || lines[end].trim().is_empty()) {
            end += 1;
        }
        while end > i + 1 && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        let more = &lines[i + 1..end];
        fields[slot] = value(rest, more).map_err(|why| (at, why))?;
        i = end;
    }
    Ok(fields)
}

/// The scalar that starts with `first` (the text after `key:`) and goes on over `more`.
fn value(first: &str, more: &[&str]) -> Result<Option<String>, String> {
    let quote_fix = |key_text: &str| format!("{key_text}. Fix: put the value in quotes, e.g. `title: \"A: b\"`");
    match first.chars().next() {
        None if more.is_empty() => Ok(None),
        None => {
            let lead = more.iter().map(|l| l.trim_start()).find(|l| !l.is_empty()).unwrap_or_default();
            if lead.starts_with("- ") || lead == "-" {
                return Err("a list is not a text value. Fix: write the value on one line after the key".into());
            }
            plain(more.iter().map(|l| l.trim()), &quote_fix)
        }
        Some('\'') => quoted(first, more, '\''),
        Some('"') => quoted(first, more, '"'),
        Some('|' | '>') => block(first, more),
        Some('[' | '{') => Err("a list or mapping is not a text value. Fix: put the value in quotes".into()),
        Some('&' | '*' | '!') => Err("YAML anchors, aliases and tags are not supported in front matter. Fix: put the value in quotes".into()),
        Some('@' | '`') => Err(quote_fix("a value cannot start with @ or `")),
        Some('-') if first == "-" || first.starts_with("- ") => Err("a list is not a text value. Fix: write the value on one line after the key".into()),
        Some(_) => plain(std::iter::once(first).chain(more.iter().map(|l| l.trim())), &quote_fix),
    }
}

/// A plain (unquoted) scalar over lines: comments cut, lines folded into spaces (a blank line
/// into a line break), `null` and `~` as no value.
fn plain<'a>(lines: impl Iterator<Item = &'a str>, quote_fix: &dyn Fn(&str) -> String) -> Result<Option<String>, String> {
    let mut out = String::new();
    let mut blank = false;
    for line in lines {
        let line = match line.find(" #") {
            Some(at) => line[..at].trim_end(),
            None if line.starts_with('#') => "",
            None => line,
        };
        if line.contains(": ") || line.ends_with(':') {
            return Err(quote_fix("a `: ` inside a value would start a mapping"));
        }
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push(if blank { '\n' } else { ' ' });
        }
        blank = false;
        out.push_str(line);
    }
    Ok(match out.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => None,
        _ => Some(out),
    })
}

/// A quoted scalar opened by `quote` at the start of `first`, possibly closed on a later line.
fn quoted(first: &str, more: &[&str], quote: char) -> Result<Option<String>, String> {
    let unclosed = || format!("the {} quote that starts this value is never closed. Fix: end the value with {quote}", if quote == '"' { "double" } else { "single" });
    // The raw text between the quotes, with its line breaks folded as YAML folds them.
    let mut raw = String::new();
    let mut lines = std::iter::once(first[1..].to_string()).chain(more.iter().map(|l| l.trim().to_string()));
    let mut current = lines.next().unwrap_or_default();
    let mut out = String::new();
    let mut pending_breaks = 0usize;
    loop {
        let mut chars = current.char_indices().peekable();
        let mut closed_at = None;
        while let Some((at, c)) = chars.next() {
            if c == quote {
                if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                    raw.push('\'');
                    continue;
                }
                closed_at = Some(at);
                break;
            }
            if quote == '"' && c == '\\' {
                let Some((_, e)) = chars.next() else {
                    // A backslash at the end of a line joins the next without a space.
                    pending_breaks = usize::MAX;
                    break;
                };
                match e {
                    'n' => raw.push('\n'),
                    't' | '\t' => raw.push('\t'),
                    'r' => raw.push('\r'),
                    '0' => raw.push('\0'),
                    ' ' => raw.push(' '),
                    '"' | '\\' | '/' => raw.push(e),
                    'x' | 'u' | 'U' => {
                        let len = match e { 'x' => 2, 'u' => 4, _ => 8 };
                        let hex: String = (0..len).filter_map(|_| chars.next().map(|(_, h)| h)).collect();
                        let c = u32::from_str_radix(&hex, 16).ok().filter(|_| hex.len() == len).and_then(char::from_u32);
                        raw.push(c.ok_or_else(|| format!("`\\{e}{hex}` is not a valid escape. Fix: write the character itself"))?);
                    }
                    other => return Err(format!("`\\{other}` is not a valid escape in double quotes. Fix: write `\\\\{other}` or use single quotes")),
                }
                continue;
            }
            raw.push(c);
        }
        if let Some(at) = closed_at {
            let after = current[at + quote.len_utf8()..].trim();
            if !(after.is_empty() || after.starts_with('#')) {
                return Err(format!("text after the closing quote (`{after}`). Fix: keep the whole value inside the quotes"));
            }
            out.push_str(&raw);
            return Ok(if out.is_empty() { Some(String::new()) } else { Some(out) });
        }
        // The line ends inside the quotes: fold it with the next.
        let join_tight = pending_breaks == usize::MAX;
        out.push_str(if join_tight { &raw } else { raw.trim_end_matches([' ', '\t']) });
        raw.clear();
        let Some(next) = lines.next() else { return Err(unclosed()) };
        if next.is_empty() {
            pending_breaks = if join_tight { 0 } else { pending_breaks.saturating_add(1) };
            current = String::new();
            continue;
        }
        if !join_tight {
            if pending_breaks == 0 {
                out.push(' ');
            } else {
                out.extend(std::iter::repeat_n('\n', pending_breaks));
            }
        }
        pending_breaks = 0;
        current = next;
    }
}

/// A `|` (literal) or `>` (folded) block scalar whose header is `header`.
fn block(header: &str, more: &[&str]) -> Result<Option<String>, String> {
    let header = header.split(" #").next().unwrap_or(header).trim();
    if !header[1..].chars().all(|c| matches!(c, '-' | '+' | '1'..='9')) {
        return Err(format!("`{header}` is not a block scalar header. Fix: write `|` or `>` alone after the key and the text on the lines below, indented"));
    }
    let indent = more.iter().find(|l| !l.trim().is_empty()).map_or(0, |l| l.len() - l.trim_start().len());
    let lines: Vec<&str> = more.iter().map(|l| l.get(indent..).unwrap_or("").trim_end_matches([' ', '\t'])).collect();
    let text = if header.starts_with('|') {
        lines.join("\n")
    } else {
        let mut out = String::new();
        let mut blank = 0;
        for line in &lines {
            if line.is_empty() {
                blank += 1;
                continue;
            }
            if !out.is_empty() {
                if blank == 0 { out.push(' ') } else { out.extend(std::iter::repeat_n('\n', blank)) }
            }
            blank = 0;
            out.push_str(line);
        }
        out
    };
    Ok(Some(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The front matter `yaml`, read here and by `serde_yaml_ng`: both must agree.
    fn check(yaml: &str, expected: &[(&str, &str)]) {
        let lines: Vec<&str> = yaml.split('\n').collect();
        let ours = read(2, &lines).unwrap_or_else(|e| panic!("{yaml:?}: {e:?}"));
        let mut want: Fields = Default::default();
        for (key, value) in expected {
            want[KEYS.iter().position(|k| k == key).unwrap()] = Some(value.to_string());
        }
        assert_eq!(ours, want, "{yaml:?}");
        let theirs: std::collections::BTreeMap<String, Option<String>> = serde_yaml_ng::from_str(yaml).unwrap_or_default();
        for (i, key) in KEYS.iter().enumerate() {
            let theirs = theirs.get(*key).cloned().flatten();
            assert_eq!(ours[i].as_deref().map(str::trim_end), theirs.as_deref().map(str::trim_end), "{key} of {yaml:?} differs from serde_yaml_ng");
        }
    }

    /// `yaml` is refused, at `line`, and `serde_yaml_ng` refuses it too (but for Lectern's own rules).
    fn check_err(yaml: &str, line: usize, says: &str) {
        let lines: Vec<&str> = yaml.split('\n').collect();
        let (at, why) = read(2, &lines).expect_err(yaml);
        assert_eq!(at, line, "{yaml:?}: {why}");
        assert!(why.contains(says), "{yaml:?}: {why}");
        let theirs = serde_yaml_ng::from_str::<std::collections::BTreeMap<String, Option<String>>>(yaml);
        // Unknown and repeated keys are Lectern's rules; anchors and tags are YAML it declines.
        let ours_only = why.starts_with("unknown field") || why.starts_with("duplicate field") || why.contains("not supported");
        assert!(theirs.is_err() || ours_only, "serde_yaml_ng accepts {yaml:?}: {theirs:?}");
    }

    #[test]
    fn plain_and_quoted_values() {
        check("title: Plain title\nauthor: Ann", &[("title", "Plain title"), ("author", "Ann")]);
        check("title: \"A: title\"\ndate: 2015-12-22", &[("title", "A: title"), ("date", "2015-12-22")]);
        check("title: 'It''s \"quoted\"'  # a comment", &[("title", "It's \"quoted\"")]);
        check("title: \"Tab\\tand \\u00e9 \\\"q\\\" \\\\\"", &[("title", "Tab\tand é \"q\" \\")]);
        check("title: 1984\nurl: https://example.org/a#b", &[("title", "1984"), ("url", "https://example.org/a#b")]);
        check("title: Folded plain\n  over two lines\n\n# comment\nauthor: ~", &[("title", "Folded plain over two lines")]);
        check("title: 'Folded\n  single'", &[("title", "Folded single")]);
        check("title: \"Folded\n\n  double\"", &[("title", "Folded\ndouble")]);
        check("title: '<script>x</script>'\nsource: ''' on=''x'' '''", &[("title", "<script>x</script>"), ("source", "' on='x' '")]);
        check("title: T\nauthor:\nsource: null", &[("title", "T")]);
        check("title: \"\"", &[("title", "")]);
        check("\ntitle: T  \n\n", &[("title", "T")]);
        check("  title: T\n  author: A", &[("title", "T"), ("author", "A")]);
    }

    #[test]
    fn block_scalars() {
        check("title: >\n  Folded\n  block\nauthor: A", &[("title", "Folded block"), ("author", "A")]);
        check("title: |\n  Line one\n  Line two\n", &[("title", "Line one\nLine two")]);
        check("title: >-\n    Deep\n    indent", &[("title", "Deep indent")]);
    }

    #[test]
    fn refusals_name_the_line_and_the_fix() {
        check_err("title: T\ntitel: typo", 3, "unknown field `titel`, expected one of `title`, `author`");
        check_err("title: T\ntitle: U", 3, "duplicate field `title`");
        check_err("title: T\nauthor: [unclosed", 3, "Fix: put the value in quotes");
        check_err("title: A: b", 2, "a `: ` inside a value");
        check_err("title: 'open\nauthor: A", 2, "never closed");
        check_err("title: \"bad \\q\"", 2, "not a valid escape");
        check_err("title:\n  - a\n  - b", 2, "a list is not a text value");
        check_err("title: &anchor T", 2, "anchors");
        check_err("title: T\n   author: A", 2, "a `: ` inside a value");
        check_err("just words", 2, "expected `key: value`");
        check_err("title: 'a' b", 2, "text after the closing quote");
    }
}
