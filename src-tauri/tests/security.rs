//! The window may call our own commands and nothing else, and the page may load nothing from elsewhere. These tests
//! read the files that grant that (build.rs, capabilities/, tauri.conf.json, the invoke handler) and keep them in step.

use std::collections::BTreeSet;
use std::path::Path;

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap()
}

/// The commands declared in build.rs (`const COMMANDS: &[&str] = &[ ... ];`).
fn declared_commands() -> BTreeSet<String> {
    let build = read("build.rs");
    let start = build.find("const COMMANDS").expect("build.rs declares COMMANDS");
    let list = &build[start..build[start..].find("];").map(|end| start + end).unwrap()];
    list.split('"').skip(1).step_by(2).map(str::to_owned).collect()
}

/// The commands in the invoke handler (`commands::name,` in app.rs).
fn handled_commands() -> BTreeSet<String> {
    read("src/app.rs")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands::"))
        .map(|l| l.trim_end_matches(',').to_owned())
        .collect()
}

fn capability() -> serde_json::Value {
    serde_json::from_str(&read("capabilities/main.json")).unwrap()
}

#[test]
fn every_handled_command_is_declared_and_nothing_else() {
    assert_eq!(declared_commands(), handled_commands());
    assert!(declared_commands().len() >= 10, "the command list was not parsed");
}

#[test]
fn the_window_is_granted_exactly_our_commands_and_menu_events() {
    let granted: BTreeSet<String> = capability()["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("permissions are plain identifiers").to_owned())
        .collect();
    let mut expected: BTreeSet<String> = declared_commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // The one core permission: listening to the app menu's events (and stopping).
    expected.extend([
        "core:event:allow-listen".to_owned(),
        "core:event:allow-unlisten".to_owned(),
    ]);
    assert_eq!(
        granted, expected,
        "no other plugin or core permission is granted to the webview"
    );
    assert_eq!(capability()["windows"], serde_json::json!(["main"]));
}

#[test]
fn there_is_only_one_capability_file() {
    let files: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files, ["main.json"]);
}

#[test]
fn the_content_security_policy_allows_no_remote_origin_and_no_eval() {
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set, as directives");
    assert_eq!(csp["default-src"], "'self'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    for (directive, value) in csp {
        let value = value.as_str().unwrap();
        assert!(!value.contains("unsafe-eval"), "{directive} allows eval");
        assert!(
            !value.contains("unsafe-inline") || directive == "style-src",
            "{directive} allows inline code"
        );
        for source in value.split_whitespace() {
            let remote = source.starts_with("http:") || source.starts_with("https:") || source == "*";
            assert!(
                !remote || source == "http://ipc.localhost",
                "{directive} allows the remote origin {source}"
            );
        }
    }
    assert!(conf["app"]["security"]
        .get("dangerousDisableAssetCspModification")
        .is_none());
    assert_eq!(conf["app"]["withGlobalTauri"], false);
}

/// The plugins the app registers work from Rust only (dialogs, preferences, links, single instance): the webview is
/// granted none of their permissions (see above), and no plugin is configured with a scope of its own.
#[test]
fn plugins_are_used_from_rust_and_configure_no_scope() {
    let app = read("src/app.rs");
    let plugins: BTreeSet<&str> = app
        .match_indices(".plugin(")
        .map(|(at, _)| {
            let rest = &app[at + ".plugin(".len()..];
            let rest = rest.trim_start();
            rest.split("::").next().unwrap_or_default()
        })
        .collect();
    assert_eq!(
        plugins,
        BTreeSet::from([
            "tauri_plugin_dialog",
            "tauri_plugin_opener",
            "tauri_plugin_single_instance",
            "tauri_plugin_store"
        ])
    );
    let conf: serde_json::Value = serde_json::from_str(&read("tauri.conf.json")).unwrap();
    assert!(
        conf.get("plugins")
            .is_none_or(|p| p.as_object().is_some_and(|o| o.is_empty())),
        "no plugin configuration (no fs or shell scopes)"
    );
}
