"""The README's Quick start and .ci/run stay in step."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert "--demo" in commands[0] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command_verbatim():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert quick_start_commands()[1] in ci
    assert "export QT_QPA_PLATFORM=offscreen" in ci


def _menu_paths(window) -> set[str]:
    """Every menu path of the main window, as the README writes it: "Settings → Return policy…"."""
    paths: set[str] = set()

    def walk(menu, prefix: str) -> None:
        for action in menu.actions():
            text = action.text().replace("&", "")
            if not text:
                continue
            path = f"{prefix} → {text}" if prefix else text
            if action.menu() is not None:
                paths.add(path)
                walk(action.menu(), path)
            else:
                paths.add(path)

    for action in window.menuBar().actions():
        paths.add(action.text().replace("&", ""))
        walk(action.menu(), action.text().replace("&", ""))
    return paths


def test_every_menu_the_readme_names_exists(window):
    """The README says where things are ("Settings → Return policy"): each such path is a real menu entry
    (the README once sent the owner to a "Stock" menu that does not exist)."""
    paths = _menu_paths(window)
    top = {p for p in paths if " → " not in p}
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    unknown = []
    for found in re.finditer(rf"\b(?:{'|'.join(map(re.escape, top))}) → ", text):
        said = text[found.start():found.start() + 80]
        if not any(re.match(re.escape(p.rstrip("…")) + r"(…|\b)", said) for p in paths if " → " in p):
            unknown.append(said.split("\n")[0][:40])
    assert unknown == [], f"the README names menus that do not exist: {unknown}; the menus are {sorted(paths)}"
