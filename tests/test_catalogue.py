"""The provisions catalogue: 107 articles, citable ids, every checklist valid."""
from conftest import REPO
from selfassess import catalogue


def test_all_articles_of_the_four_instruments():
    loaded, problems = catalogue.load(REPO)
    assert problems == []
    counts = {i.id: len(i.articles) for i in loaded.instruments.values()}
    assert counts == {"untoc": 41, "tip": 20, "som": 25, "firearms": 21}
    assert list(loaded.instruments) == ["untoc", "tip", "som", "firearms"]


def test_ids_follow_the_structure_and_cite_as_people_do():
    loaded, _ = catalogue.load(REPO)
    assert loaded.article("untoc.5.1.a.ii").id == "untoc.5"
    assert loaded.article("untoc.2.j").id == "untoc.2"
    assert loaded.article("untoc.5.4") is None
    assert loaded.cite("untoc.5.1.a") == "UNTOC art. 5(1)(a)"
    assert loaded.cite("tip.6.3.b") == "TIP Protocol art. 6(3)(b)"
    assert loaded.cite("untoc.2.a") == "UNTOC art. 2(a)"
    assert loaded.suggest("untoc.55") == " (did you mean 'untoc.5'?)"


def test_titles_and_clusters_are_carried():
    loaded, _ = catalogue.load(REPO)
    article = loaded.article("untoc.5")
    assert article.title == "Criminalization of participation in an organized criminal group"
    assert article.cluster == "criminalization_and_jurisdiction"
    assert loaded.article("untoc.18").cluster is None
