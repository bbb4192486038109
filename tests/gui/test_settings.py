from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QSettings

from tadqiq.gui.settings import SETTINGS, Settings


@pytest.fixture
def ini(tmp_path):
    return tmp_path / "tadqiq.ini"


def make(ini) -> Settings:
    return Settings(QSettings(str(ini), QSettings.Format.IniFormat))


def test_every_setting_has_a_default_of_its_type_and_a_doc():
    for s in SETTINGS:
        assert isinstance(s.default, s.type), s.key
        assert s.doc


def test_defaults_when_the_file_is_empty(qapp, ini):
    settings = make(ini)
    assert settings.get("view/font_size") == 15.0
    assert settings.get("view/theme") == "light"
    assert settings.get("review/reviewer") == ""
    assert settings.get("window/splitter") == [560, 400, 0]


@pytest.mark.parametrize(
    "key,value",
    [
        ("view/font_size", 21.5),
        ("view/theme", "dark"),
        ("review/reviewer", "مريم"),
        ("review/raw_selection", True),
        ("window/splitter", [700, 300, 120]),
        ("window/geometry", QByteArray(b"\x01\x02\xd9\x00")),
    ],
)
def test_values_survive_a_new_settings_object_with_their_types(qapp, ini, key, value):
    make(ini).set(key, value)
    again = make(ini).get(key)
    assert again == value
    assert type(again) is type(value)


def test_undeclared_keys_are_refused(qapp, ini):
    with pytest.raises(KeyError, match="undeclared"):
        make(ini).get("view/colour")


def test_bad_theme_is_refused(qapp, ini):
    with pytest.raises(ValueError):
        make(ini).set("view/theme", "purple")


def test_garbage_in_the_file_falls_back_to_the_default(qapp, ini):
    ini.write_text("[view]\nfont_size=huge\n", encoding="utf-8")
    assert make(ini).get("view/font_size") == 15.0


def test_shortcut_overrides_and_changed_signal(qtbot, ini):
    settings = make(ini)
    assert settings.shortcut("accept", "A") == "A"
    with qtbot.waitSignal(settings.changed) as blocker:
        settings.set_shortcut("accept", "Y")
    assert blocker.args == ["keys/accept"]
    assert make(ini).shortcut("accept", "A") == "Y"
