"""`tadqiq extract` when the engine raises on some articles: each is named on stderr, the run
goes on over the others, the summary counts them and the exit status is 3."""

from __future__ import annotations

import pytest

from tadqiq.core.model import Article, Mention
from tadqiq.extract.base import register, unregister
from tadqiq.extract.rules import RuleEngine


class Brittle:
    name, version = "brittle", "0.2"

    def extract(self, article: Article) -> list[Mention]:
        if "انهيار" in article.text:
            raise KeyError(316)
        return RuleEngine().extract(article)


@pytest.fixture
def brittle():
    register("brittle", Brittle)
    yield "brittle"
    unregister("brittle")


def test_extract_names_each_failed_article_and_goes_on(run, tmp_path, brittle):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("قصف على حلب\n\nقتل ثلاثة مدنيين في قصف على حلب اليوم.\n", encoding="utf-8")
    (folder / "bad.txt").write_text("انهيار مبنى\n\nقتل شخصان في انهيار مبنى بعد قصف.\n", encoding="utf-8")
    db = tmp_path / "p.db"
    assert run("import", db, folder).exit_code == 0
    done = run("extract", db, "--engine", brittle, "--jobs", "1")
    assert done.exit_code == 3
    assert "tadqiq: warning: article bad (row" in done.stderr
    assert "extractor:brittle@0.2 failed: KeyError: 316 (" in done.stderr
    assert "its earlier proposals are kept" in done.stderr
    assert "proposals stored in 1 articles" in done.stdout
    assert "the engine failed on 1 articles" in done.stdout
    shown = run("show", db, "good")
    assert shown.exit_code == 0 and "Life.Die" in shown.stdout
