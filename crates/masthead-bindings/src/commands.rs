//! `ui/src/lib/commands.ts`: a typed TypeScript call for every command of
//! the app, made from the one list (`src-tauri/commands.list`) and each
//! command's Rust signature (parsed with `syn`): its arguments (less the
//! ones Tauri fills in: the state, the app, the window), its reply and its
//! doc comment. The UI's backend calls these, never a command by name.

use std::collections::BTreeSet;
use std::path::Path;

use syn::{FnArg, GenericArgument, Item, Pat, PathArguments, ReturnType, Type};

/// Arguments Tauri gives a command itself; the page never sends them.
const INJECTED: [&str; 6] = [
    "State", "AppHandle", "Window", "Webview", "WebviewWindow", "Channel",
];

struct Command {
    name: String,
    docs: Vec<String>,
    args: Vec<(String, String)>,
    reply: String,
}

/// The TypeScript, from the app's sources under `src_tauri`.
pub fn typescript(src_tauri: &Path) -> Result<String, String> {
    let list = std::fs::read_to_string(src_tauri.join("commands.list"))
        .map_err(|e| format!("commands.list: {e}"))?;
    let mut names = BTreeSet::new();
    let mut commands = Vec::new();
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (area, name) = line
            .split_once("::")
            .ok_or_else(|| format!("\"{line}\" is not area::command"))?;
        let file = src_tauri.join("src/commands").join(format!("{area}.rs"));
        let source =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let parsed = syn::parse_file(&source).map_err(|e| format!("{}: {e}", file.display()))?;
        let function = parsed
            .items
            .iter()
            .find_map(|item| match item {
                Item::Fn(f) if f.sig.ident == name => Some(f),
                _ => None,
            })
            .ok_or_else(|| format!("{area}.rs has no fn {name}"))?;
        commands.push(command(name, function, &mut names)?);
    }
    let mut out = format!("// {}\n\n", super::GENERATED);
    let imports: Vec<&str> = names.iter().map(String::as_str).collect();
    out.push_str(&format!(
        "import type {{ {} }} from \"./bindings\";\n\n",
        imports.join(", ")
    ));
    out.push_str(
        "/** Calls a command by name with its arguments (the backend's `call`, which turns a refusal into an error). */\n\
         export type Call = <T>(command: string, args?: Record<string, unknown>) => Promise<T>;\n\n\
         /** Every command of the app (src-tauri/commands.list), typed from its Rust signature. */\n\
         export function commandsVia(call: Call) {\n  return {\n",
    );
    for c in &commands {
        if !c.docs.is_empty() {
            out.push_str(&format!("    /** {} */\n", c.docs.join(" ")));
        }
        let params: Vec<String> = c.args.iter().map(|(n, t)| format!("{n}: {t}")).collect();
        let keys: Vec<&str> = c.args.iter().map(|(n, _)| n.as_str()).collect();
        let args = if keys.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", keys.join(", "))
        };
        out.push_str(&format!(
            "    {}: ({}): Promise<{}> => call(\"{}\"{args}),\n",
            camel(&c.name),
            params.join(", "),
            c.reply,
            c.name,
        ));
    }
    out.push_str("  };\n}\n");
    Ok(out)
}

fn command(name: &str, f: &syn::ItemFn, names: &mut BTreeSet<String>) -> Result<Command, String> {
    // `#[tauri::command(rename_all = …)]` would change the argument names.
    let renamed = f.attrs.iter().any(|a| {
        a.path()
            .segments
            .last()
            .is_some_and(|s| s.ident == "command")
            && !matches!(a.meta, syn::Meta::Path(_))
    });
    if renamed {
        return Err(format!(
            "{name}: #[tauri::command(...)] arguments are not supported here"
        ));
    }
    let docs = f
        .attrs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().replace("*/", "*∕")),
                _ => None,
            },
            _ => None,
        })
        .filter(|line| !line.is_empty())
        .collect();
    let mut args = Vec::new();
    for input in &f.sig.inputs {
        let FnArg::Typed(typed) = input else {
            return Err(format!("{name} takes self"));
        };
        if INJECTED.contains(&last_ident(&typed.ty).as_str()) {
            continue;
        }
        let Pat::Ident(pat) = &*typed.pat else {
            return Err(format!("{name}: an argument is not a plain name"));
        };
        // Tauri takes arguments by their camelCase names.
        args.push((camel(&pat.ident.to_string()), ts(&typed.ty, names)?));
    }
    let ReturnType::Type(_, returned) = &f.sig.output else {
        return Err(format!("{name} returns nothing; commands return Reply<T>"));
    };
    let reply = match generic_args(returned).as_slice() {
        [inner] if last_ident(returned) == "Reply" => ts(inner, names)?,
        _ => return Err(format!("{name} does not return Reply<T>")),
    };
    Ok(Command {
        name: name.to_owned(),
        docs,
        args,
        reply,
    })
}

/// The TypeScript type the page sends or gets for `ty`, as ts-rs writes it.
fn ts(ty: &Type, names: &mut BTreeSet<String>) -> Result<String, String> {
    if let Type::Tuple(t) = ty
        && t.elems.is_empty()
    {
        return Ok("null".into());
    }
    let ident = last_ident(ty);
    let args = generic_args(ty);
    Ok(match (ident.as_str(), args.as_slice()) {
        // A date crosses as its ISO text, "2021-01-22" (as ts-rs writes it).
        ("String" | "PathBuf" | "NaiveDate", []) => "string".into(),
        // A time crosses as its RFC 3339 text.
        ("DateTime", [_]) => "string".into(),
        ("u8" | "u16" | "u32" | "i8" | "i16" | "i32" | "f32" | "f64", []) => "number".into(),
        // ts-rs writes these as bigint; a command should not take them.
        ("i64" | "u64" | "i128" | "u128" | "usize" | "isize", []) => {
            return Err(format!("{ident} crosses as a bigint; take a u32 or a string"));
        }
        ("bool", []) => "boolean".into(),
        ("Option", [inner]) => format!("{} | null", ts(inner, names)?),
        ("Vec", [inner]) => format!("{}[]", ts(inner, names)?),
        ("", _) => return Err("a command takes or returns a type that is not a plain path (a tuple, a reference to a slice…), which the generator cannot write in TypeScript".into()),
        (named, args) => {
            names.insert(named.to_owned());
            if args.is_empty() {
                named.to_owned()
            } else {
                let args: Result<Vec<String>, String> = args.iter().map(|a| ts(a, names)).collect();
                format!("{named}<{}>", args?.join(", "))
            }
        }
    })
}

/// The type's name (`Option` for `Option<T>`); "" for what is not a
/// plain path (a reference, a tuple, a slice), which commands do not take.
fn last_ident(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn generic_args(ty: &Type) -> Vec<&Type> {
    let Type::Path(p) = ty else {
        return Vec::new();
    };
    match p.path.segments.last().map(|s| &s.arguments) {
        Some(PathArguments::AngleBracketed(a)) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `update_article` → `updateArticle`.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts_of(rust: &str) -> String {
        let ty: Type = syn::parse_str(rust).unwrap();
        ts(&ty, &mut BTreeSet::new()).unwrap()
    }

    #[test]
    fn rust_types_are_written_as_ts_rs_writes_them() {
        assert_eq!(
            ts_of("Option<Vec<masthead_core::ImportSummary>>"),
            "ImportSummary[] | null"
        );
        assert_eq!(ts_of("Saved<Assignment>"), "Saved<Assignment>");
        assert_eq!(ts_of("PathBuf"), "string");
        assert_eq!(ts_of("chrono::NaiveDate"), "string");
        assert_eq!(ts_of("chrono::DateTime<chrono::Utc>"), "string");
        assert_eq!(ts_of("()"), "null");
        let refused =
            |rust: &str| ts(&syn::parse_str(rust).unwrap(), &mut BTreeSet::new()).is_err();
        assert!(refused("&str") && refused("u64") && refused("(u32, u32)"));
        assert_eq!(camel("save_single_key_shortcuts"), "saveSingleKeyShortcuts");
    }

    #[test]
    fn a_command_that_does_not_reply_is_refused() {
        let f: syn::ItemFn =
            syn::parse_str("pub async fn x(state: State<'_, AppState>, id: u32) -> u32 { 0 }")
                .unwrap();
        assert!(command("x", &f, &mut BTreeSet::new()).is_err());
        let f: syn::ItemFn = syn::parse_str(
            "/// Does x.\npub async fn x(app: tauri::AppHandle, state: State<'_, AppState>, with_retired: bool) -> Reply<Vec<Kind>> { Ok(Vec::new()) }",
        )
        .unwrap();
        let c = command("x", &f, &mut BTreeSet::new()).unwrap();
        assert_eq!(c.args, [("withRetired".to_owned(), "boolean".to_owned())]);
        assert_eq!(
            (c.reply.as_str(), c.docs.as_slice()),
            ("Kind[]", &["Does x.".to_owned()][..])
        );
    }
}
