"""How the real-text units were chosen: windows of 10 consecutive ANERcorp sentences dense in
conflict and contact words (at least 5 such sentences), non-overlapping. Reads the corpus from
../shared at run time; writes the windows as JSON (sentence numbers only).

    .venv/bin/python bench/realtext_select.py OUT.json
"""
import re
import sys
import json
sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from realtext import sentences
S = sentences()
CUES = re.compile(r"(قتل|مقتل|قتيل|قتلى|هجوم|هجمات|هاجم|انفجار|تفجير|فجر|اعتقا?ل|اعتقل|غار[ةا]|قصف|جرحى|جريح|اصاب|أصيب|إصاب|اشتباك|اغتيال|اغتال|معارك|معركة|تظاهر|مظاهر|احتجاج|اجتماع|اجتمع|لقاء|التقى|محادثات|قمة|أسر|اختطاف|خطف|أعدم|إعدام|احتلال|سيطر|اقتحم|توغل|انسحاب|انسحب|وصل|زيارة|زار|صاروخ|قذيف|عبوة|انتحاري|مسلح|شهيد|استشهد|مصرع|سجن|اجتياح|ضرب|عدوان|عملية)")
score = [len(CUES.findall(s)) for s in S]
print(len(S), "sentences", sum(1 for x in score if x), "with cues")
W = 10
win = []
i = 0
cand = sorted(range(0, len(S) - W, 1), key=lambda i: -sum(1 for x in score[i:i+W] if x))
used = set()
units = []
for i in cand:
    hits = sum(1 for x in score[i:i+W] if x)
    if hits < 5:
        break
    if any(j in used for j in range(i - 1, i + W + 1)):
        continue
    used.update(range(i, i + W))
    units.append((i, hits))
units.sort()
print(len(units), "windows", sum(h for _, h in units), "cue sentences")
json.dump([list(range(i, i + W)) for i, _ in units], open(sys.argv[1], "w"))
