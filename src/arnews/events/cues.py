"""Words that shape a meeting report around its trigger, normalised on load.

Kept here rather than in the trigger file because they are closed classes of function
words: who came along (يرافقه), who attended (بحضور), where the parties end and the
purpose begins (بهدف، لبحث), and where a reported clause starts (أن، قال).
"""
from __future__ import annotations

from arnews.text.normalise import normalise_word


def _norm(words: str) -> frozenset[str]:
    return frozenset(normalise_word(w) for w in words.split())


# Came with a guest: everyone after this word, until the next cue, is `accompanying`.
ACCOMPANY = _norm("يرافقه يرافقها يرافقهم يرافقهما ويرافقه ويرافقها ويرافقهم ويرافقهما "
                  "برفقة وبرفقة بصحبة وبصحبة رافقه ورافقه رافقهم ورافقهم يرافقهن")
# Attended: everyone after this word is an `attendee`.
ATTEND = _norm("بحضور وبحضور حضر وحضر حضره وحضره حضرها وحضرها بمشاركة وبمشاركة وشارك شارك")
# Chaired by: the person after it heads the party before it (وفد برئاسة X), not a new party.
CHAIR = _norm("برئاسة وبرئاسة يرأسه يترأسه ترأسه يرأسها بقيادة وبقيادة")
# Purpose: the words after these say why they met (the cue itself is left out).
PURPOSE_AFTER = _norm("بهدف وبهدف لبحث لمناقشة حول بشأن لاستعراض للتباحث للتشاور لمتابعة "
                      "وناقش وبحث ناقش يتمحور وتناول وتناولت تناول تناولت واستعرض واستعرضا وبحثا وناقشا")
# Words naming the meeting or its sides right after a purpose cue (وبحث الجانبان، وتناول اللقاء):
# skipped, the purpose is what follows them.
PURPOSE_SUBJECTS = _norm("الجانبان الطرفان الجانبين الطرفين اللقاء الاجتماع المباحثات خلال "
                         "خلاله خلالها المسؤولان الوزيران معه معها معهم معهما")
# Purpose: a verbal noun with ل whose noun is the purpose (لتبادل الخبرات -> تبادل الخبرات).
PURPOSE_WITH_L = _norm("لتبادل لتعزيز لتنسيق لدراسة لتطوير لتوقيع للاطلاع لاطلاع لإطلاع لعرض")
# In a later sentence: "وجرى خلال اللقاء بحث ..." -> the purpose starts at بحث.
PURPOSE_REPORT = _norm("جرى وجرى تم وتم جري وجري")
PURPOSE_NOUNS = _norm("بحث مناقشة استعراض تناول التباحث التشاور")
MEETING_NOUNS = _norm("اللقاء الاجتماع المباحثات المقابلة الزيارة")
# A reported clause starts after these: the parties before them belong to another clause.
CLAUSE_OPENERS = _norm("أن إن أنه إنه أنها بأن بأنه وأن وإن لأن قال قالت أوضح أكد أضاف أفاد "
                       "وقال وأكد وأضاف وأوضح وأفاد ذكر وذكر وأشار أشار مشيرا مؤكدا مضيفا")
# A relative or new clause after the trigger: the parties end here.
CLAUSE_ENDS = _norm("الذي التي الذين اللذين اللتين حيث بينما فيما ثم")
# Sport: لقاء / التقى are matches between teams there, not meetings.
SPORT = _norm("مباراة المباراة منتخب المنتخب الدوري الشوط الملعب هدفين بهدف مدرب المدرب "
              "كأس بطولة البطولة اللاعب اللاعبين نادي النادي التعادل")
# Media: لقاء مع قناة ... is an interview, not a meeting.
MEDIA = tuple(_norm("قناة صحيفة جريدة وكالة تلفزيون إذاعة برنامج موقع مجلة"))
# A reception committee: في استقباله / وفي استقبال سموه X -> X received him.
RECEPTION_PLACE = _norm("في وفي")
# Continuation of the report: a verb with these before it may take the earlier subject.
CONTINUATIONS = ("و", "ف", "كما")
# Pronouns of respect that stand for the subject after a verbal noun (خلال استقبال سموه).
RESPECT_PRONOUNS = _norm("سموه معاليه سعادته فخامته سماحته فضيلته دولته جلالته سموها معاليها")
# Planned, not yet held.
FUTURE_CUES = _norm("سوف المقرر المفترض المنتظر يعتزم تعتزم")
CALL_CUES = _norm("هاتفيا هاتفياً هاتفي هاتفية الهاتف هاتفيًا")
# Words heading a place where a meeting happens: "في مكتبه"، "بقاعة الاجتماعات".
PLACE_HEADS = tuple(sorted(_norm(
    "مكتب مقر قاعة قصر مبنى ديوان فندق العاصمة مدينة المدينة قرية بلدة مطار مدرسة "
    "المتوسطة الثانوية الابتدائية مجمع مستشفى منزل بيت الإمارة إمارة مركز استراحة ساحة"), key=len, reverse=True))
