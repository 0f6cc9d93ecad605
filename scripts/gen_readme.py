"""Generate each addon's README.rst from its manifest and readme/*.md fragments.

Usage: gen_readme.py [--check]   (--check: exit 1 when a README.rst is out of date)

OCA generates its READMEs with oca-gen-addon-readme, which is not on PyPI; this
keeps the same habit (fragments are the source, the README is generated).
"""

import ast
from pathlib import Path
import re
import sys

ADDONS_DIR = Path(__file__).resolve().parent.parent / "addons"
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("INSTALL.md", "Installation"),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("SCREENSHOTS.md", "Screenshots"),
    ("DESIGN.md", "Design choices"),
    ("HISTORY.md", "Changelog"),
]


# a Markdown image alone on its line, its path relative to the addon:
# ![Caption](static/description/screenshot.png)
IMAGE = re.compile(r"^!\[(?P<caption>[^\]]*)\]\((?P<path>[^)\s]+)\)$", re.MULTILINE)


def images_to_rst(text):
    return IMAGE.sub(
        lambda m: (
            f".. figure:: {m['path']}\n   :alt: {m['caption']}\n\n   {m['caption']}"
        ),
        text,
    )


def heading(text, underline):
    return f"{text}\n{underline * len(text)}\n"


def render(addon_dir):
    manifest = ast.literal_eval(
        (addon_dir / "__manifest__.py").read_text(encoding="utf-8")
    )
    title = manifest["name"]
    parts = [
        "=" * len(title) + "\n" + heading(title, "="),
        f"**{manifest['summary']}**\n",
        (
            f"*Module* ``{addon_dir.name}`` · *version* ``{manifest['version']}`` · "
            f"*license* {manifest['license']}\n"
        ),
    ]
    for fragment, section in SECTIONS:
        path = addon_dir / "readme" / fragment
        if not path.exists():
            continue
        if section:
            parts.append(heading(section, "-"))
        parts.append(images_to_rst(path.read_text(encoding="utf-8").strip()) + "\n")
    parts.append(heading("Credits", "-"))
    parts.append(f"Authors: {manifest['author']}\n")
    return "\n".join(parts)


def missing_images(addon_dir):
    return [
        match["path"]
        for path in (addon_dir / "readme").glob("*.md")
        for match in IMAGE.finditer(path.read_text(encoding="utf-8"))
        if not (addon_dir / match["path"]).is_file()
    ]


def main(check):
    stale = []
    for addon_dir in sorted(p.parent for p in ADDONS_DIR.glob("*/__manifest__.py")):
        missing = missing_images(addon_dir)
        if missing:
            print(f"{addon_dir.name}: missing images: {', '.join(missing)}")
            return 1
        readme = addon_dir / "README.rst"
        content = render(addon_dir)
        current = readme.read_text(encoding="utf-8") if readme.exists() else None
        if current == content:
            continue
        if check:
            stale.append(str(readme))
        else:
            readme.write_text(content, encoding="utf-8")
    if stale:
        print("Out of date (run scripts/gen_readme.py):\n  " + "\n  ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
