"""The word model: a second reader for end users whose wording no phrase list holds.

Why it exists: the phrase rules in ``capture.screening`` are precise (a wrong
``not_msp`` almost never), but they only know the wordings someone wrote down.
On submissions written by people who never saw them they found about nine end
users in ten ("the guy who set up our computers retired, is this something you
do?" from a dental practice that ticked "msp").  A linear model over the
message's words, trained on the labelled corpora in ``tests/screening_corpus/``,
reads the rest: which words a sender's own organisation and its own IT
trouble bring, and which words a provider talking about its clients brings.

What it may do, and what not: ``screening`` asks it only when the rules found
neither a provider describing itself nor any end-user evidence, and only for
senders that ticked a provider type.  It never screens on its own say-so: the
reason quotes the sender's clause that weighs most and the words in it that
the model leaned on, so staff see the evidence, and the rule set's version
(``screening.rules_version``) includes the model's digest.

The model is TF-IDF over lower-cased words (sublinear term frequency, L2
norm) and logistic regression, trained with scikit-learn by
``capture.screening_training``; this module holds no training code and needs
no library: scoring is a dot product over the message's words, about 60
microseconds for a paragraph.  The weights live in ``screening_model.json`` in
this package (about 100 KB), with sample texts and the probabilities
scikit-learn gave them, which the tests check this scorer reproduces.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

#: Where ``capture.screening_training`` writes the model and this module reads it.
MODEL_PATH = Path(__file__).with_name("screening_model.json")

# scikit-learn's default token pattern: words of two or more word characters.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class WordModel:
    """Weights per word: its inverse document frequency and its coefficient."""

    idf: dict[str, float]
    coef: dict[str, float]
    intercept: float
    digest: str

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> WordModel:
        raw = path.read_bytes()
        data = json.loads(raw)
        words = data["words"]
        return cls(
            idf={word: weights[0] for word, weights in words.items()},
            coef={word: weights[1] for word, weights in words.items()},
            intercept=data["intercept"],
            digest=hashlib.sha256(raw).hexdigest()[:12],
        )

    def probability(self, text: str) -> float:
        """How likely the sender is an end user asking for its own IT (0 to 1)."""
        return _logistic(self.intercept + sum(self._contributions(text).values()))

    def leaning_words(self, text: str, count: int = 3) -> list[str]:
        """The words that pushed hardest towards "end user", strongest first."""
        contributions = self._contributions(text)
        ranked = sorted((word for word, value in contributions.items() if value > 0),
                        key=lambda word: (-contributions[word], word))
        return ranked[:count]

    def known_words(self, text: str) -> tuple[str, ...]:
        """The words of ``text`` the model has weights for, sorted: all that it reads of
        a text (two texts with the same known words score the same beside any message)."""
        return tuple(sorted(word for word in _TOKEN.findall(text.lower()) if word in self.idf))

    def _contributions(self, text: str) -> dict[str, float]:
        counts = Counter(word for word in _TOKEN.findall(text.lower()) if word in self.idf)
        weights = {word: (1 + math.log(n)) * self.idf[word] for word, n in counts.items()}
        norm = math.sqrt(sum(weight * weight for weight in weights.values()))
        if not norm:
            return {}
        return {word: weight / norm * self.coef[word] for word, weight in weights.items()}


def model_text(message: str, company: str) -> str:
    """What the model reads: the message, then the company's name on a line of its own
    (a name is no evidence alone, but "Harbor Dental Group" beside a question about
    computers is)."""
    return f"{message}\n{company}"


def _logistic(score: float) -> float:
    if score >= 0:
        return 1 / (1 + math.exp(-score))
    exp = math.exp(score)
    return exp / (1 + exp)
