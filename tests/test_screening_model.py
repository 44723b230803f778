"""The word model: its scorer against what scikit-learn gave at training, its place in
the rule set's version, and its threshold setting. (What it decides is in the table
tests and the tune corpus tests of test_screening.py.)"""

import hashlib
import json
import math

import pytest

from capture.screening import DEFAULT_RULES
from capture.screening import MODEL
from capture.screening import rules_fingerprint
from capture.screening import rules_from_config
from capture.screening import rules_version
from capture.screening_model import MODEL_PATH
from capture.screening_model import WordModel
from capture.screening_model import model_text
from capture.screening_training import CHECK_TEXTS
from capture.screening_training import training_cases

STORED = json.loads(MODEL_PATH.read_text("utf-8"))


@pytest.mark.parametrize(("text", "expected"), STORED["checks"])
def test_the_scorer_gives_what_scikit_learn_gave_at_training(text, expected):
    assert MODEL.probability(text) == pytest.approx(expected, abs=1e-9)


def test_the_checks_span_both_answers():
    """Otherwise the check above could pass with a scorer that always says one thing."""
    probabilities = [p for _, p in STORED["checks"]]
    assert min(probabilities) < 0.1
    assert max(probabilities) > 0.9
    assert [text for text, _ in STORED["checks"]] == list(CHECK_TEXTS)


def test_the_model_was_trained_on_the_corpora_as_they_are():
    """A corpus case added, removed or relabelled without retraining fails here; the
    fix is `python -m capture.screening_training` (see its docstring)."""
    texts, labels = training_cases()
    assert STORED["cases"] == {"end_users": sum(labels), "others": len(labels) - sum(labels)}


def test_no_text_gives_the_intercept_alone():
    assert MODEL.probability("") == pytest.approx(1 / (1 + math.exp(-STORED["intercept"])))
    assert MODEL.leaning_words("") == []


def test_leaning_words_are_those_pushing_towards_end_user_strongest_first():
    text = model_text("Our front desk printer and two computers need someone to look after "
                      "them.", "Lakeside Dental")
    words = MODEL.leaning_words(text, count=50)
    assert words
    assert all(MODEL.coef[word] > 0 for word in words)
    strengths = [MODEL._contributions(text)[word] for word in words]
    assert strengths == sorted(strengths, reverse=True)


def test_a_word_the_model_never_saw_changes_nothing():
    text = "Our printer is broken."
    assert MODEL.probability(text + " zyxwvut") == MODEL.probability(text)


def test_the_digest_is_the_model_files_sha256_and_part_of_the_rules_version():
    digest = hashlib.sha256(MODEL_PATH.read_bytes()).hexdigest()[:12]
    assert WordModel.load().digest == MODEL.digest == digest
    assert json.loads(rules_fingerprint(DEFAULT_RULES))["model"] == digest


def test_another_model_file_is_another_digest(tmp_path):
    changed = dict(STORED, intercept=STORED["intercept"] + 0.5)
    path = tmp_path / "model.json"
    path.write_text(json.dumps(changed), "utf-8")
    other = WordModel.load(path)
    assert other.digest != MODEL.digest
    assert other.probability("") > MODEL.probability("")


def test_the_threshold_is_seventy_percent_by_default_and_set_in_percent():
    assert DEFAULT_RULES.model_threshold == 70
    assert rules_from_config({"SCREEN_MODEL_THRESHOLD": "85"}).model_threshold == 85
    assert rules_version(rules_from_config({"SCREEN_MODEL_THRESHOLD": 0})) \
        != rules_version(DEFAULT_RULES)


@pytest.mark.parametrize("value", ["101", "-1", "seventy", 1.5, True])
def test_a_threshold_outside_0_to_100_names_the_key(value):
    with pytest.raises(ValueError, match="SCREEN_MODEL_THRESHOLD"):
        rules_from_config({"SCREEN_MODEL_THRESHOLD": value})


def test_texts_with_the_same_known_words_score_the_same_beside_any_message():
    """What the demo's verdict cache relies on to key a provider's name by these words."""
    message = "Our printer and the front desk computers keep freezing."
    first, second = "Zyxwv Dental Group", "Dental Qwerty Group"
    assert MODEL.known_words(first) == MODEL.known_words(second)
    assert MODEL.probability(model_text(message, first)) == pytest.approx(
        MODEL.probability(model_text(message, second)), abs=1e-12)
    assert MODEL.known_words("Dental Dental") == ("dental", "dental")
