"""export/import command errors: a clear message and exit 1, never a traceback."""
import pytest

from conftest import run_cli
from selfassess.office import fonts


def test_unknown_state_and_unknown_cycle(tree, tmp_path):
    root = tree()
    result = run_cli("--root", str(root), "export", "XQQ", "-o", str(tmp_path / "x.docx"))
    assert result.returncode == 1
    assert "there is no State folder content/parties/XQQ/ (States found: XAB)" in result.stderr
    result = run_cli("--root", str(root), "export", "XAB", "--questionnaire", "--cycle", "cycle-9")
    assert result.returncode == 1
    assert "cycle 'cycle-9' is not in content/cycles.yaml (cycles: pilot); name one with --cycle" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_fonts_say_how_to_install_them(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "SEARCH", ())
    monkeypatch.setenv("SELFASSESS_FONTS", str(tmp_path))
    fonts.files.cache_clear()
    try:
        with pytest.raises(fonts.FontsMissing) as caught:
            fonts.files()
    finally:
        fonts.files.cache_clear()
    message = str(caught.value)
    assert "NotoNaskhArabic-Regular.ttf" in message and "NotoSerifCJK-Regular.ttc" in message
    assert "scripts/install-system-packages.sh" in message and "fonts-noto-core fonts-noto-cjk" in message
