"""Train the word model (``capture.screening_model``) on the labelled corpora.

Run after changing a corpus in ``tests/screening_corpus/``::

    .venv/bin/pip install -r requirements-train.txt
    .venv/bin/python -m capture.screening_training

It writes ``capture/screening_model.json``; commit it with the corpus change.
scikit-learn is needed here only, never by the service (with numpy and scipy
it is over 200 MB installed; the scorer needs nothing).

Why these settings: chosen by leaving one corpus out at a time (each corpus
was written by a different author, so this is the nearest thing to text
nobody tuned on) and keeping the setting with the most end users found at
no provider lost: unigrams seen in at least two cases, C = 16, classes
weighted to balance, a threshold of 0.7 (``ScreeningRules.model_threshold``).
Bigrams and character n-grams found fewer at the same precision.

Only cases whose sender ticked a provider type are learned from: the others
are screened out by their type and teach nothing about wording.  Spam cases
(a filled honeypot) are left out, since their expected verdict says nothing
about their words.  The tuning part of tune2.jsonl is its first 150 cases;
its last 50 are kept aside, unseen by rules and model alike.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from capture.contract import PROVIDER_TYPES
from capture.screening_model import MODEL_PATH
from capture.screening_model import model_text

CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "screening_corpus"

#: Each corpus file the rules and the model are tuned on, and how many of its cases
#: (numbered ids, up to this number) belong to the tuning part; None for all.
#: ``MODEL_CORPORA`` are those the word model learns from. The later ones (tune9:
#: providers that sound like end users, and price wordings; tune11: price wordings)
#: were written for the phrase rules. Retrained with tune9, the model changed one
#: verdict on the kept-aside sets, a provider screened out, and found no end user it
#: had missed, so it keeps the weights it had.
MODEL_CORPORA = (
    ("tune.jsonl", None), ("tune2.jsonl", 150), ("tune3.jsonl", None), ("tune4.jsonl", None),
    ("tune5.jsonl", None), ("tune6.jsonl", None), ("tune8.jsonl", None),
)
TUNING_CORPORA = MODEL_CORPORA + (("tune9.jsonl", None), ("tune11.jsonl", None))

SETTINGS = {"min_df": 2, "C": 16.0}

# Texts whose probabilities are stored with the model, so the tests can check the
# scorer gives what scikit-learn gave.
CHECK_TEXTS = (
    model_text("Our front desk printer and two computers need someone to look after them.",
               "Lakeside Dental"),
    model_text("We are an MSP with 40 clients and want 6 appointments a month.", "Acme IT"),
    model_text("", ""),
    model_text("Is this something you do? The x-ray software stopped working.", ""),
)


def tuning_rows(name: str, ids_up_to: int | None = None,
                corpus_dir: Path = CORPUS_DIR) -> list[dict]:
    """The corpus's cases; with ``ids_up_to``, only those numbered up to it."""
    rows = [json.loads(line) for line in (corpus_dir / name).read_text("utf-8").splitlines()
            if line.strip()]
    if ids_up_to is None:
        return rows
    return [row for row in rows if int(row["id"][1:]) <= ids_up_to]


def training_cases(corpus_dir: Path = CORPUS_DIR) -> tuple[list[str], list[bool]]:
    texts, labels = [], []
    for name, ids_up_to in MODEL_CORPORA:
        for row in tuning_rows(name, ids_up_to, corpus_dir):
            submission, expected = row["submission"], row["expected"]
            if submission.get("company_type") not in PROVIDER_TYPES:
                continue
            if expected["status"] == "spam":
                continue
            texts.append(model_text(submission.get("message") or "",
                                    submission.get("company") or ""))
            labels.append("not_msp" in expected["reasons"])
    return texts, labels


def train(corpus_dir: Path = CORPUS_DIR) -> dict:
    """The model as the JSON-ready dict ``WordModel.load`` reads."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = training_cases(corpus_dir)
    vectorizer = TfidfVectorizer(min_df=SETTINGS["min_df"], sublinear_tf=True)
    features = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=SETTINGS["C"], class_weight="balanced", max_iter=5000)
    model.fit(features, labels)
    coefficients = model.coef_[0]
    words = {word: [round(float(vectorizer.idf_[column]), 12),
                    round(float(coefficients[column]), 12)]
             for word, column in sorted(vectorizer.vocabulary_.items())}
    checks = model.predict_proba(vectorizer.transform(list(CHECK_TEXTS)))[:, 1]
    return {
        "about": "capture.screening_training: TF-IDF words and logistic regression; "
                 "probability that the sender is an end user asking IT help for itself.",
        "settings": SETTINGS,
        "cases": {"end_users": sum(labels), "others": len(labels) - sum(labels)},
        "intercept": round(float(model.intercept_[0]), 12),
        "words": words,
        "checks": [[text, float(p)] for text, p in zip(CHECK_TEXTS, checks, strict=True)],
    }


def main() -> None:
    model = train()
    MODEL_PATH.write_text(json.dumps(model, indent=0, sort_keys=True, ensure_ascii=False) + "\n",
                          "utf-8")
    sys.stdout.write(f"{MODEL_PATH}: {len(model['words'])} words from "
                     f"{sum(model['cases'].values())} cases "
                     f"({model['cases']['end_users']} end users)\n")


if __name__ == "__main__":
    main()
