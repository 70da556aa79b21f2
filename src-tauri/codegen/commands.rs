//! The app's commands, read from their Rust signatures in `src/commands/`: the one place a command is written.
//!
//! Three users share this reader, so that nothing lists the commands by hand:
//! - `build.rs` declares every command to tauri-build (each then needs an `allow-*` permission), writes the
//!   `app-commands` permission set that `capabilities/main.json` grants, and writes the invoke handler `app.rs`
//!   includes;
//! - `src/bindings.rs` (a test) writes the TypeScript: each command's arguments and result in `ui/src/lib/bindings.ts`,
//!   and one typed function per command in `ui/src/lib/backend.ts`;
//! - `tests/security.rs` checks that the window is granted exactly these commands.
//!
//! A command is a `pub fn` (or `pub async fn`) marked `#[tauri::command]` in a file of `src/commands/`. Its arguments
//! of the injected types ([`INJECTED`]) come from Tauri; the others come from the page, named in camelCase as Tauri
//! expects them. Its result is `Result<T>` or a plain type. Types cross to TypeScript by name: a named Rust type must
//! be one that `src/bindings.rs` exports (or `tsc` fails), and the few standard ones map as in [`typescript_type`].

use std::fmt::Write as _;
use std::path::Path;

/// Argument types Tauri fills in itself; the page never sends them.
pub const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// The name of the permission set that grants every command.
pub const PERMISSION_SET: &str = "app-commands";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The command's name, as `invoke` takes it (the Rust function's name).
    pub name: String,
    /// The module under `commands::` that defines it (`boards`, `ideas`, …).
    pub module: String,
    /// The doc comment's lines.
    pub docs: Vec<String>,
    pub args: Vec<Arg>,
    /// The result as a TypeScript type.
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    /// The name the page sends it under (camelCase).
    pub name: String,
    /// Its TypeScript type.
    pub ts: String,
}

/// Every command in `dir` (the `src/commands` folder), sorted by module and then as written.
pub fn read_dir(dir: &Path) -> Result<Vec<Command>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    files.sort();
    let mut commands = Vec::new();
    for path in files {
        let module = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let source = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let module = if module == "mod" { "" } else { module };
        commands.extend(parse(module, &source).map_err(|e| format!("{}: {e}", path.display()))?);
    }
    Ok(commands)
}

/// The commands in one file's source.
pub fn parse(module: &str, source: &str) -> Result<Vec<Command>, String> {
    let file = syn::parse_file(source).map_err(|e| e.to_string())?;
    let mut commands = Vec::new();
    for item in file.items {
        let syn::Item::Fn(function) = item else { continue };
        if !function.attrs.iter().any(is_command_attribute) {
            continue;
        }
        let name = function.sig.ident.to_string();
        let mut args = Vec::new();
        for input in &function.sig.inputs {
            let syn::FnArg::Typed(typed) = input else {
                return Err(format!("{name}: a command takes no `self`"));
            };
            if is_injected(&typed.ty) {
                continue;
            }
            let syn::Pat::Ident(ident) = &*typed.pat else {
                return Err(format!("{name}: name each argument plainly"));
            };
            args.push(Arg {
                name: camel_case(&ident.ident.to_string()),
                ts: typescript_type(&typed.ty).map_err(|e| format!("{name}: {e}"))?,
            });
        }
        let result = match &function.sig.output {
            syn::ReturnType::Default => "null".to_owned(),
            syn::ReturnType::Type(_, ty) => {
                typescript_type(ok_type(ty)).map_err(|e| format!("{name}: {e}"))?
            }
        };
        commands.push(Command {
            name,
            module: module.to_owned(),
            docs: docs(&function.attrs),
            args,
            result,
        });
    }
    Ok(commands)
}

fn is_command_attribute(attr: &syn::Attribute) -> bool {
    let segments: Vec<String> = attr.path().segments.iter().map(|s| s.ident.to_string()).collect();
    segments == ["tauri", "command"]
}

fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(path) => path.path.segments.last(),
        syn::Type::Reference(reference) => last_segment(&reference.elem),
        _ => None,
    }
}

fn is_injected(ty: &syn::Type) -> bool {
    last_segment(ty).is_some_and(|s| INJECTED.iter().any(|i| s.ident == i))
}

/// `T` of a `Result<T>` (or `Result<T, E>`), else the type itself.
fn ok_type(ty: &syn::Type) -> &syn::Type {
    match last_segment(ty) {
        Some(segment) if segment.ident == "Result" => generic_args(segment).first().copied().unwrap_or(ty),
        _ => ty,
    }
}

fn generic_args(segment: &syn::PathSegment) -> Vec<&syn::Type> {
    match &segment.arguments {
        syn::PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|a| match a {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The TypeScript for a Rust type as it crosses the boundary (ids and times are i64 and cross as numbers, as
/// `src/bindings.rs` says).
pub fn typescript_type(ty: &syn::Type) -> Result<String, String> {
    if let syn::Type::Tuple(tuple) = ty {
        if tuple.elems.is_empty() {
            return Ok("null".into());
        }
    }
    let segment = last_segment(ty).ok_or("a tuple, slice or function type cannot cross to the page")?;
    let args = generic_args(segment);
    let one = || -> Result<String, String> {
        match args.as_slice() {
            [inner] => typescript_type(inner),
            _ => Err(format!("`{}` needs one type argument", segment.ident)),
        }
    };
    let name = segment.ident.to_string();
    Ok(match name.as_str() {
        "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" | "f32" | "f64" => {
            "number".into()
        }
        "String" | "str" | "PathBuf" => "string".into(),
        "bool" => "boolean".into(),
        "Option" => format!("{} | null", one()?),
        "Vec" => {
            let inner = one()?;
            if inner.contains(' ') {
                format!("({inner})[]")
            } else {
                format!("{inner}[]")
            }
        }
        "Box" | "Arc" => one()?,
        _ if args.is_empty() => name,
        // A generic type of our own (`Edited<Idea>`): ts-rs declares it generic too.
        _ => {
            let args: Vec<String> = args
                .iter()
                .map(|a| typescript_type(a))
                .collect::<Result<_, _>>()?;
            format!("{name}<{}>", args.join(", "))
        }
    })
}

fn docs(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) => Some(s.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
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

/// The permission that allows one command (tauri-build's naming).
pub fn permission(command: &str) -> String {
    format!("allow-{}", command.replace('_', "-"))
}

/// The permission set (TOML) that grants every command; `capabilities/main.json` grants the set.
pub fn permission_set(commands: &[Command]) -> String {
    let mut out =
        String::from("# Written by build.rs from the commands in src/commands/. Do not edit.\n\n[[set]]\n");
    let _ = writeln!(out, "identifier = \"{PERMISSION_SET}\"");
    out.push_str("description = \"Every command of Pickboard's own, and nothing else.\"\npermissions = [\n");
    for command in commands {
        let _ = writeln!(out, "  \"{}\",", permission(&command.name));
    }
    out.push_str("]\n");
    out
}

/// The invoke handler: `tauri::generate_handler!` over every command, for `app.rs` to include.
pub fn invoke_handler(commands: &[Command]) -> String {
    let mut out = String::from(
        "// Written by build.rs from the commands in src/commands/.\ntauri::generate_handler![\n",
    );
    for command in commands {
        let path = if command.module.is_empty() {
            format!("crate::commands::{}", command.name)
        } else {
            format!("crate::commands::{}::{}", command.module, command.name)
        };
        let _ = writeln!(out, "    {path},");
    }
    out.push(']');
    out
}

/// The `Commands` interface of `bindings.ts`: each command's arguments and result.
pub fn typescript_interface(commands: &[Command]) -> String {
    let mut out = String::from(
        "/** Every command of the backend: the arguments `invoke` sends and the result it answers with. */\n\
         export interface Commands {\n",
    );
    for command in commands {
        let args = if command.args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            let fields: Vec<String> = command
                .args
                .iter()
                .map(|a| format!("{}: {}", a.name, a.ts))
                .collect();
            format!("{{ {} }}", fields.join("; "))
        };
        let _ = writeln!(
            out,
            "  {}: {{ args: {args}; result: {} }};",
            command.name, command.result
        );
    }
    out.push_str("}\n");
    out
}

/// `backend.ts`: one typed function per command, named in camelCase, over the one `call` wrapper in `ipc.ts`.
pub fn typescript_functions(commands: &[Command], header: &str) -> String {
    let mut named: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for command in commands {
        // Results are typed through `call`; only the arguments name types here.
        for ts in command.args.iter().map(|a| a.ts.as_str()) {
            named.extend(
                ts.split(|c: char| !c.is_alphanumeric())
                    .filter(|word| word.chars().next().is_some_and(char::is_uppercase) && *word != "Record"),
            );
        }
    }
    let mut out = String::from(header);
    let names: Vec<&str> = named.into_iter().collect();
    let _ = writeln!(out, "import type {{ {} }} from \"./bindings\";", names.join(", "));
    out.push_str("import { call } from \"./ipc\";\n\n");
    out.push_str(
        "/** The backend's commands, one function each. Every failure is an `AppError` (see `ipc.ts`). */\n",
    );
    out.push_str("export const backend = {\n");
    for command in commands {
        if !command.docs.is_empty() {
            let _ = writeln!(out, "  /** {} */", command.docs.join(" ").replace("*/", "*\\/"));
        }
        let params: Vec<String> = command
            .args
            .iter()
            .map(|a| format!("{}: {}", a.name, a.ts))
            .collect();
        let names: Vec<&str> = command.args.iter().map(|a| a.name.as_str()).collect();
        let body = if names.is_empty() {
            "{}".to_owned()
        } else {
            format!("{{ {} }}", names.join(", "))
        };
        let _ = writeln!(
            out,
            "  {}: ({}) => call(\"{}\", {body}),",
            camel_case(&command.name),
            params.join(", "),
            command.name
        );
    }
    out.push_str("};\n\nexport type Backend = typeof backend;\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_arguments_results_and_skips_what_tauri_injects() {
        let source = r#"
            /// Moves an idea.
            #[tauri::command(async)]
            pub fn move_idea(state: State<'_, Arc<AppState>>, id: i64, zone: Zone, index: u32) -> Result<Idea> { todo!() }
            #[tauri::command]
            pub async fn send(app: AppHandle, board_id: i64, names: Vec<Option<String>>) -> Result<()> { todo!() }
            #[tauri::command(async)]
            pub fn close(state: State<'_, Arc<AppState>>) {}
            pub fn helper(x: i64) -> i64 { x }
        "#;
        let commands = parse("ideas", source).unwrap();
        assert_eq!(commands.len(), 3);
        assert_eq!(commands[0].name, "move_idea");
        assert_eq!(commands[0].docs, ["Moves an idea."]);
        let args: Vec<_> = commands[0]
            .args
            .iter()
            .map(|a| (a.name.as_str(), a.ts.as_str()))
            .collect();
        assert_eq!(args, [("id", "number"), ("zone", "Zone"), ("index", "number")]);
        assert_eq!(commands[0].result, "Idea");
        assert_eq!(commands[1].args[0].name, "boardId");
        assert_eq!(commands[1].args[1].ts, "(string | null)[]");
        assert_eq!(commands[1].result, "null");
        assert_eq!(commands[2].result, "null");
        let edited: syn::Type = syn::parse_str("Result<Edited<Option<Idea>>>").unwrap();
        assert_eq!(typescript_type(ok_type(&edited)).unwrap(), "Edited<Idea | null>");
    }
}
