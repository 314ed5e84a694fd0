"""The word classes the meeting rules test for, as named constants.

The words live in `lexicons/cues.tsv` in ordinary spelling (its header lists the
classes); they are normalised on load like article text. Meeting triggers themselves are
in `recognise/lexicons/meeting_triggers.tsv` (the recognise stage marks them so that no
name runs over a trigger).
"""
from __future__ import annotations

from arnews.recognise.wordfiles import word_classes

_CUES = word_classes("cues.tsv", package="arnews.events")


def _set(name: str) -> frozenset[str]:
    return frozenset(_CUES[name])


ACCOMPANY = _set("accompany")                # يرافقه، برفقة
ATTEND = _set("attend")                      # بحضور، حضر
CHAIR = _set("chair")                        # برئاسة
PURPOSE_AFTER = _set("purpose_after")        # بهدف، لبحث
PURPOSE_SUBJECTS = _set("purpose_subjects")  # الجانبان، اللقاء
PURPOSE_WITH_L = _set("purpose_with_l")      # لتبادل، لتعزيز
PURPOSE_REPORT = _set("purpose_report")      # جرى، تم
PURPOSE_NOUNS = _set("purpose_nouns")        # بحث، مناقشة
PURPOSE_VERBS = _set("purpose_verbs")        # وبحث الجانبان، وناقش
MEETING_NOUNS = _set("meeting_nouns")        # اللقاء، الاجتماع
CLAUSE_OPENERS = _set("clause_openers")      # أن، قال
CLAUSE_ENDS = _set("clause_ends")            # الذي، حيث
SPORT = _set("sport")                        # مباراة، منتخب
MATCH_WORDS = _set("match_words")            # لقاء، التقى: games in a sport report
MEDIA = _CUES["media"]                       # قناة، صحيفة (word starts)
RECEPTION_PLACE = _set("reception_place")    # في، وفي
CONTINUATIONS = _CUES["continuations"]       # و، ف، كما (word starts)
RESPECT_PRONOUNS = _set("respect_pronouns")  # سموه، معاليه
FUTURE_CUES = _set("future_cues")            # سوف، المقرر
CALL_CUES = _set("call_cues")                # هاتفيا
CALL_NOUNS = _set("call_nouns")              # اتصال، الاتصال
ABOUT = _set("about")                        # عن، حول: the topic of a verbal noun of discussing
PLACE_HEADS = tuple(sorted(_CUES["place_heads"], key=len, reverse=True))   # مكتب، قاعة (word starts)
PASSIVE = _set("passive")                    # تم، جرى
NAME_PARTS = _set("name_part")               # بن، آل
RELATIVE_WHO = _set("relative_who")          # من، لمن
RELATIVE_PRONOUNS = _set("relative_pronouns")   # الذي، التي
(WITH,) = _CUES["with"]                      # مع
HOLDING_VERBS = _CUES["holding_verb"]        # عقد، أجرى (word starts)
ACCOMPANYING_WORD = _CUES["accompanying_word"]   # المرافق (word start)
DURING = _set("during")                      # خلال، في
DURING_NOUN = _set("during_noun")            # خلال
PLACE_PREPOSITIONS = _set("place_prepositions")   # في، إلى: a known place name after it
CITY_HEADS = _set("city_heads")              # عاصمة، مدينة
CITY_NAME_PARTS = _set("city_name_part")     # الله (رام الله)
(ALSO,) = _CUES["also"]                      # كما
SENTENCE_STOP = _set("sentence_stop")        # . ؛
CLAUSE_PUNCT = _set("clause_punct")          # . ؛ ،
PHRASE_PUNCT = _set("phrase_punct")          # ، , . ؛ ; ! ؟
(BI,) = _CUES["bi"]                          # ب
ATTEND_NOUNS = _CUES["attend_noun"]          # بحضور، وبحضور (word starts)
ATTEND_IT = _set("attend_it")                # حضره، حضرها
