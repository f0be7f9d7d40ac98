"""Which articles are independent sources: wire copies and near-duplicates count once.

Declared copies share `syndicated_from`; undeclared ones are found by text overlap:
word 5-gram shingles, compared only between articles that share a sampled shingle (an
inverted index keeps this near-linear), grouped when the smaller text is mostly contained
in the larger one.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from .model import Article, SourceGroup

SHINGLE = 5
SAMPLE_MOD = 4  # index one shingle in four: enough to find copies, cheap on thousands of articles
CONTAINMENT = 0.6  # share of the shorter article's shingles found in the longer one
STOCK_PHRASE = 64  # a 5-gram already in this many articles is a stock phrase, not a sign of copying
CANDIDATE_SHARE = 0.5  # a pair is compared when its samples share half the overlap that containment needs


def shingles(body: str) -> frozenset[int]:
    words = re.findall(r"\w+", body.casefold())
    return frozenset(
        {
            int.from_bytes(hashlib.blake2b(" ".join(words[i : i + SHINGLE]).encode(), digest_size=8).digest(), "big")
            for i in range(max(0, len(words) - SHINGLE + 1))
        }
    )


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def group_sources(articles: Sequence[Article], known: Mapping[str, frozenset[int]] | None = None) -> tuple[SourceGroup, ...]:
    """Articles in (published, file) order -> groups; the first article of a group represents it.

    `known`: the articles' shingles by file, where already worked out.
    """
    ordered = sorted(articles, key=lambda a: (a.published, a.file))
    return as_groups(ordered, group_members(ordered, known))


GroupMembers = tuple[str, str, tuple[int, ...]]  # a group's id, its reason and its members' places in the articles


def as_groups(ordered: Sequence[Article], members: list[GroupMembers]) -> tuple[SourceGroup, ...]:
    """The groups `group_members` gave, with the articles themselves."""
    return tuple(SourceGroup(group_id, tuple(ordered[m] for m in places), reason) for group_id, reason, places in members)


def group_members(ordered: Sequence[Article], known: Mapping[str, frozenset[int]] | None = None) -> list[GroupMembers]:
    """`group_sources` of articles already in (published, file) order, the members as places
    in that order: small enough to send from another process."""
    uf = _UnionFind(len(ordered))
    reasons: dict[int, str] = {}
    by_wire: dict[str, int] = {}
    for i, article in enumerate(ordered):
        if article.syndicated_from:
            key = article.syndicated_from.casefold().strip()
            if key in by_wire:
                uf.union(by_wire[key], i)
            else:
                by_wire[key] = i
            reasons[i] = "syndicated"
    known = known or {}
    texts = [known[a.file] if a.file in known else shingles(a.body) for a in ordered]
    sampled = [[h for h in sh if h % SAMPLE_MOD == 0] for sh in texts]
    # Only pairs whose samples share enough can reach the containment (both articles' share:
    # the shorter one's decides): a story's stock phrases recur across many articles and
    # would make every pair a candidate.
    needed = [CANDIDATE_SHARE * CONTAINMENT * len(sample) for sample in sampled]
    index: dict[int, list[int]] = defaultdict(list)
    for i, sample in enumerate(sampled):
        shared: Counter[int] = Counter()
        for h in sample:
            earlier = index[h]
            if len(earlier) < STOCK_PHRASE:
                shared.update(earlier)
            earlier.append(i)
        mine = needed[i]
        for j in sorted(j for j, count in shared.items() if count >= mine and count >= needed[j]):
            small, large = sorted((texts[i], texts[j]), key=len)
            if small and len(small & large) / len(small) >= CONTAINMENT:
                uf.union(j, i)
                reasons.setdefault(i, "near_duplicate")
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ordered)):
        groups[uf.find(i)].append(i)
    out: list[GroupMembers] = []
    for root, members in sorted(groups.items()):
        first = ordered[root]
        wire = first.syndicated_from
        reason = (
            "independent" if len(members) == 1 and not wire else ("syndicated" if any(reasons.get(m) == "syndicated" for m in members) else "near_duplicate")
        )
        out.append((f"wire:{wire}" if wire else first.file, reason, tuple(members)))
    return out
