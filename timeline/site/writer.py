"""Writing the site's files: only when their content changed (an unchanged page keeps
its mtime, so rsync and static hosts see only real changes), never outside the site
folder, and removing the files an earlier build wrote that this one no longer does."""
from __future__ import annotations

from pathlib import Path

from ..resources import templates_dir
from .pages import check_path

MANIFEST = ".timeline-site-files"


class Writer:
    def __init__(self, out: Path):
        self.out = Path(out).resolve()
        self.changed = 0
        self.paths: list[str] = []
        self._dirs: set[str] = set()

    def write(self, rel: str, data: str | bytes) -> bool:
        """Write one file (relative path) unless it already holds exactly this content."""
        check_path(rel)
        if isinstance(data, str):
            data = data.encode("utf-8")
        self.paths.append(rel)
        target = self.out / rel
        try:
            if target.stat().st_size == len(data) and target.read_bytes() == data:
                return False
        except FileNotFoundError:
            pass
        parent = rel.rpartition("/")[0]
        if parent and parent not in self._dirs:
            (self.out / parent).mkdir(parents=True, exist_ok=True)
            self._dirs.add(parent)
        with open(target, "wb") as f:
            f.write(data)
        self.changed += 1
        return True

    def adopt(self, rel: str, tmp: str | Path) -> bool:
        """Move a finished file (written elsewhere, by DuckDB's COPY say) to `rel`, unless the
        file there already holds exactly its content; the temporary file is gone either way."""
        import filecmp
        import os
        import shutil

        check_path(rel)
        self.paths.append(rel)
        target = self.out / rel
        try:
            if target.is_file() and filecmp.cmp(tmp, target, shallow=False):
                os.unlink(tmp)
                return False
        except FileNotFoundError:
            pass
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(tmp), target)
        self.changed += 1
        return True

    def copy_tree(self, src: Path, dest: str) -> None:
        """Every file under src into dest/ (a relative folder of the site)."""
        for f in sorted(Path(src).rglob("*")):
            if f.is_file():
                self.write(dest + "/" + f.relative_to(src).as_posix(), f.read_bytes())

    def copy_static(self) -> None:
        """templates/static/ into static/."""
        src = templates_dir() / "static"
        for f in sorted(src.rglob("*")):
            if f.is_file():
                self.write("static/" + f.relative_to(src).as_posix(), f.read_bytes())

    def finish(self) -> None:
        """Remove what the previous build wrote and this one did not; record this build's files."""
        manifest = self.out / MANIFEST
        now = set(self.paths)
        if manifest.exists():
            for rel in manifest.read_text(encoding="utf-8").splitlines():
                if rel in now:
                    continue
                try:
                    check_path(rel)
                except ValueError:
                    continue
                target = (self.out / rel).resolve()
                if target.is_relative_to(self.out) and target.is_file():
                    target.unlink()
        manifest.write_text("\n".join(sorted(now)) + "\n", encoding="utf-8")
