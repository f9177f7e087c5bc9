"""The distinct terms of each review: lemmas, and phrases of two and three words.

Vectorised over a batch of reviews (numpy and Arrow, no Python loop per word): texts
are split at whitespace, every distinct raw token is looked up once in the lexicon
(warehouse.topics.words), and the reviews' items become one stream of ids. A phrase is
two or three consecutive kept items of one clause (stopwords dropped in between, so
"Anrufe bei der Hotline" gives "anruf hotline"); it ends on a word and may start with
or contain a negation ("keine antwort", "kündigung nicht bestätigen"). Words of the
reviewed company's own name end a clause like punctuation: "Kaffee Partner ignoriert
..." yields "ignorieren", never "kaffee partner".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from warehouse.topics.words import BREAK, NEGATION, WORD

TERMS_TYPE = pa.list_(pa.string())
_BITS = 21  # ids of one batch's words; three fit one int64 phrase code
_MASK = (1 << _BITS) - 1

# raw tokens (distinct) -> lexicon rows in the same order: kinds, forms, lemmas (lists)
Lookup = Callable[[pa.Array], pa.Table]


def _ids(array: pa.Array) -> np.ndarray:
    return np.asarray(array.to_numpy(zero_copy_only=False), dtype=np.int64)


def review_terms(
    bodies: pa.Array,
    company_ids: pa.Array,
    lookup: Lookup,
    names: Mapping[str, frozenset[str]],
) -> pa.Array:
    """One list of distinct terms per review (aligned with ``bodies``)."""
    n = len(bodies)
    tokens = pc.utf8_split_whitespace(pc.fill_null(bodies, ""))
    flat = pc.list_flatten(tokens)
    if len(flat) == 0:
        empty = pa.array(np.zeros(n + 1, np.int32))
        return pa.ListArray.from_arrays(empty, pa.array([], pa.string()))
    parent = _ids(pc.list_parent_indices(tokens))
    encoded = pc.dictionary_encode(flat)
    token = _ids(encoded.indices)
    lex = lookup(encoded.dictionary)
    kinds = lex.column("kinds").combine_chunks()
    item_offsets = _ids(kinds.offsets)
    item_kind = np.asarray(kinds.values.to_numpy(zero_copy_only=False), dtype=np.int8)
    forms = lex.column("forms").combine_chunks().values
    lemmas = lex.column("lemmas").combine_chunks().values
    strings = pc.dictionary_encode(pa.concat_arrays([forms, lemmas]))
    words = strings.dictionary
    if len(words) >= _MASK:
        raise ValueError(f"a topic batch holds {len(words)} distinct words; make it smaller")
    string_ids = _ids(strings.indices)
    item_form, item_lemma = string_ids[: len(forms)], string_ids[len(forms) :]

    # The stream: every item of every token, in text order.
    count = item_offsets[token + 1] - item_offsets[token]
    start = np.cumsum(count) - count
    item = np.repeat(item_offsets[token] - start, count) + np.arange(int(count.sum()))
    review = np.repeat(parent, count)
    kind = item_kind[item].copy()
    form, lemma = item_form[item], item_lemma[item]

    is_name = _name_items(company_ids, review, form, lemma, words, names)
    kind[is_name] = BREAK
    starts_review = np.ones(len(review), dtype=bool)
    starts_review[1:] = review[1:] != review[:-1]
    clause = np.cumsum((kind == BREAK) | starts_review)

    keep = (kind == WORD) | (kind == NEGATION)
    k_review, k_clause, k_word = review[keep], clause[keep], kind[keep] == WORD
    code = lemma[keep] + 1
    same = k_clause[:-1] == k_clause[1:]
    pair2 = same & k_word[1:]
    pair3 = same[:-1] & same[1:] & k_word[2:]
    reviews = np.concatenate([k_review[k_word], k_review[:-1][pair2], k_review[:-2][pair3]])
    codes = np.concatenate(
        [
            code[k_word],
            code[:-1][pair2] | (code[1:][pair2] << _BITS),
            code[:-2][pair3] | (code[1:-1][pair3] << _BITS) | (code[2:][pair3] << 2 * _BITS),
        ]
    )

    # Distinct terms per review: sort by (review, code), keep the first of each run.
    order = np.lexsort((codes, reviews))
    reviews, codes = reviews[order], codes[order]
    first = np.ones(len(codes), dtype=bool)
    first[1:] = (reviews[1:] != reviews[:-1]) | (codes[1:] != codes[:-1])
    reviews, codes = reviews[first], codes[first]
    unique, inverse = np.unique(codes, return_inverse=True)
    texts = _phrase_texts(unique, words)
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(np.bincount(reviews, minlength=n), out=offsets[1:])
    return pa.ListArray.from_arrays(pa.array(offsets), texts.take(pa.array(inverse)))


def _phrase_texts(codes: np.ndarray, words: pa.Array) -> pa.Array:
    """'w1', 'w1 w2' or 'w1 w2 w3' for each phrase code."""
    parts = []
    for shift in (0, _BITS, 2 * _BITS):
        ids = ((codes >> shift) & _MASK) - 1
        parts.append(words.take(pa.array(ids, mask=ids < 0)))
    return pc.binary_join_element_wise(*parts, " ", null_handling="skip")


def _name_items(
    company_ids: pa.Array,
    review: np.ndarray,
    form: np.ndarray,
    lemma: np.ndarray,
    words: pa.Array,
    names: Mapping[str, frozenset[str]],
) -> np.ndarray:
    """Which items are a word of the reviewed company's name (as written or as lemma)."""
    companies = pc.dictionary_encode(pc.fill_null(company_ids, ""))
    position = {w: i for i, w in enumerate(words.to_pylist())}
    keys = [
        c << _BITS | position[w]
        for c, company in enumerate(companies.dictionary.to_pylist())
        for w in names.get(company, ())
        if w in position
    ]
    if not keys:
        return np.zeros(len(review), dtype=bool)
    key_array = np.array(keys, dtype=np.int64)
    company = _ids(companies.indices)[review] << _BITS
    return np.isin(company | form, key_array) | np.isin(company | lemma, key_array)
