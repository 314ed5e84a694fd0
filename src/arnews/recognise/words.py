"""The closed word classes the recognise rules test for, as named constants.

The words themselves live in `lexicons/` in ordinary spelling (see its README): this module
only loads them, normalised like article text, and names each class for the rules.
"""
from __future__ import annotations

from arnews.recognise.wordfiles import word_classes, word_list


def _one(classes: dict[str, tuple[str, ...]], name: str) -> str:
    """The single entry of a class (the definite article, the preposition ل ...)."""
    (entry,) = classes[name]
    return entry


_AFFIXES = word_classes("affixes.tsv")
_CONNECTORS = word_classes("name_connectors.tsv")
_PLACES = word_classes("place_heads.tsv")
_FUNCTION = word_classes("function_words.tsv")

# --- letters and affixes (affixes.tsv) --------------------------------------------------
ARTICLE = _one(_AFFIXES, "article")                                  # ال
ARTICLE_AFTER_LAM = _one(_AFFIXES, "article_after_lam")              # لل
PREPOSITION_LETTERS = frozenset(_AFFIXES["preposition_letter"])      # ب ل
LAM = _one(_AFFIXES, "lam")                                          # ل
CONJUNCTION_LETTERS = frozenset(_AFFIXES["conjunction_letter"])      # و ف
FUTURE_PREFIXES = _AFFIXES["future_prefix"]                          # وس فس س
IMPERFECT_PREFIXES = frozenset(_AFFIXES["imperfect_prefix"])         # ي ت
ADJECTIVE_ENDINGS = _AFFIXES["adjective_ending"]                     # ي ية امة يا
NISBA_ENDING = _one(_AFFIXES, "nisba_ending")                        # ي
ACCUSATIVE_ENDING = _one(_AFFIXES, "accusative_ending")              # ا
POSSESSED_ENDINGS = _AFFIXES["possessed_ending"]                     # ته تها ... ات
PRONOUN_ENDINGS = _AFFIXES["pronoun_ending"]                         # ها هم ه
PLURAL_PRONOUNS = _AFFIXES["plural_pronoun_ending"]                  # هم هما: never the end of a name
NATIONALITY_ENDINGS = _AFFIXES["nationality_ending"]                 # ة ون ين يون يين
NAME_YAA = _one(_AFFIXES, "name_yaa")                                # ي

# --- names (name_connectors.tsv, ordinals.txt) -------------------------------------------
CONNECTORS = frozenset(_CONNECTORS["*"])               # بن آل عبد أبو ...
COMPOUND_STARTS = frozenset(_CONNECTORS["compound"])   # عبد أبو أم ابن
PATRONYMICS = frozenset(_CONNECTORS["patronymic"])     # بن بنت ابن
LINEAGE = frozenset(_CONNECTORS["lineage"])            # بن آل
NOT_FIRST = frozenset(_CONNECTORS["inner"])            # بن بنت آل
FAMILY = LINEAGE - PATRONYMICS                         # آل: the family, after which a name ends
ORDINALS = word_list("ordinals.txt")                   # الملك عبدالله الثاني

# --- roles and places (role_adjectives.txt, governing_heads.txt, place_heads.tsv) ---------
ROLE_ADJECTIVES = word_list("role_adjectives.txt")     # الرئيس العام، الأمين المكلف
GOVERNING_HEADS = word_list("governing_heads.txt")     # أمير، وزير، سفير
REGIONS = frozenset(_PLACES["region"])                 # منطقة، دولة (a posting place)
STATE_WORDS = frozenset(_PLACES["state"])              # منطقة، المملكة (a governed region)
BUILDINGS = _PLACES["building"]                        # مكتب، قاعة (word starts)
SEATS = _PLACES["seat"]                                # بمكتب، بمقر (word starts)
BUILDING_WORDS = frozenset(BUILDINGS)                  # the same words as whole words (no name)

# --- function words and punctuation (function_words.tsv) ---------------------------------
POSTING = _one(_FUNCTION, "posting")                   # في
SEAT_PREPOSITIONS = frozenset(_FUNCTION["seat"])       # في على
PARTITIVE = _one(_FUNCTION, "partitive")               # من
ACCREDITED = _one(_FUNCTION, "accredited")             # لدى
COMMAS = frozenset(_FUNCTION["comma"])
ALI = _FUNCTION["ali"]                                 # علي، وعلي (the name)
