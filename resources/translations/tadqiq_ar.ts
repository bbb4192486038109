<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
  <context>
    <name>Tadqiq</name>
    <message>
      <source>Undo</source>
      <translation>تراجع</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>إعادة</translation>
    </message>
    <message>
      <source>Selection → role n</source>
      <translation>التحديد ← الدور n</translation>
    </message>
    <message>
      <source>give the text selection the n-th role of the mention's type (see the roles line)</source>
      <translation>يعطي النص المحدد الدور رقم n من أدوار نوع الإشارة (انظر سطر الأدوار)</translation>
    </message>
    <message>
      <source>Next mention</source>
      <translation>الإشارة التالية</translation>
    </message>
    <message>
      <source>select the next mention (text order)</source>
      <translation>يحدد الإشارة التالية (بترتيب النص)</translation>
    </message>
    <message>
      <source>Previous mention</source>
      <translation>الإشارة السابقة</translation>
    </message>
    <message>
      <source>select the previous mention</source>
      <translation>يحدد الإشارة السابقة</translation>
    </message>
    <message>
      <source>Accept</source>
      <translation>قبول</translation>
    </message>
    <message>
      <source>accept the selected mention as it is</source>
      <translation>يقبل الإشارة المحددة كما هي</translation>
    </message>
    <message>
      <source>Reject</source>
      <translation>رفض</translation>
    </message>
    <message>
      <source>reject the selected mention</source>
      <translation>يرفض الإشارة المحددة</translation>
    </message>
    <message>
      <source>Change role…</source>
      <translation>تغيير الدور…</translation>
    </message>
    <message>
      <source>give the selected argument another role: R, then the role's number (Escape cancels)</source>
      <translation>يعطي العنصر المحدد دورًا آخر: R ثم رقم الدور (Escape يلغي)</translation>
    </message>
    <message>
      <source>Cancel role or link</source>
      <translation>إلغاء الدور أو الربط</translation>
    </message>
    <message>
      <source>forget a role change (R) or a link (L) that waits for its second key</source>
      <translation>يلغي تغيير دور (R) أو ربطًا (L) ينتظر مفتاحه الثاني</translation>
    </message>
    <message>
      <source>Change type…</source>
      <translation>تغيير النوع…</translation>
    </message>
    <message>
      <source>change the event type (type-ahead picker)</source>
      <translation>يغيّر نوع الحدث (قائمة تُصفّى بالكتابة)</translation>
    </message>
    <message>
      <source>New mention from selection…</source>
      <translation>إشارة جديدة من التحديد…</translation>
    </message>
    <message>
      <source>new mention with the selected text as trigger (pick its type)</source>
      <translation>إشارة جديدة محفّزها النص المحدد (اختر نوعها)</translation>
    </message>
    <message>
      <source>Edit value…</source>
      <translation>تحرير القيمة…</translation>
    </message>
    <message>
      <source>normalised value of the selected argument: count, date, place (gazetteer), actor</source>
      <translation>القيمة الموحّدة للعنصر المحدد: عدد، تاريخ، مكان (من المعجم الجغرافي)، فاعل</translation>
    </message>
    <message>
      <source>Remove argument</source>
      <translation>حذف العنصر</translation>
    </message>
    <message>
      <source>remove the selected argument</source>
      <translation>يحذف العنصر المحدد</translation>
    </message>
    <message>
      <source>Cycle polarity</source>
      <translation>تبديل القطبية</translation>
    </message>
    <message>
      <source>positive ↔ negative</source>
      <translation>إيجاب ↔ نفي</translation>
    </message>
    <message>
      <source>Cycle modality</source>
      <translation>تبديل الصيغة</translation>
    </message>
    <message>
      <source>asserted → reported → hypothetical</source>
      <translation>مؤكَّد ← منقول ← افتراضي</translation>
    </message>
    <message>
      <source>Cycle genericity</source>
      <translation>تبديل العموم</translation>
    </message>
    <message>
      <source>specific ↔ generic</source>
      <translation>محدد ↔ عام</translation>
    </message>
    <message>
      <source>Link as same event</source>
      <translation>ربط كحدث واحد</translation>
    </message>
    <message>
      <source>press on one mention, then on another: both are the same real-world event</source>
      <translation>اضغط على إشارة ثم على أخرى: كلتاهما الحدث الواقعي نفسه</translation>
    </message>
    <message>
      <source>Unlink</source>
      <translation>فك الربط</translation>
    </message>
    <message>
      <source>remove the selected mention from its event link</source>
      <translation>يخرج الإشارة المحددة من ربط حدثها</translation>
    </message>
    <message>
      <source>Accept all, done, next article</source>
      <translation>قبول الكل، تمّت، المقالة التالية</translation>
    </message>
    <message>
      <source>accept every remaining proposal, mark the article done, open the next one</source>
      <translation>يقبل كل المقترحات الباقية ويعلّم المقالة منتهية ويفتح التالية</translation>
    </message>
    <message>
      <source>Next undecided mention</source>
      <translation>الإشارة التالية غير المحسومة</translation>
    </message>
    <message>
      <source>select the next proposal still to decide</source>
      <translation>يحدد المقترح التالي الذي لم يُحسم</translation>
    </message>
    <message>
      <source>Next article</source>
      <translation>المقالة التالية</translation>
    </message>
    <message>
      <source>open the next open article of the queue (its filter and order)</source>
      <translation>يفتح المقالة المفتوحة التالية في قائمة المراجعة (بتصفيتها وترتيبها)</translation>
    </message>
    <message>
      <source>Previous article</source>
      <translation>المقالة السابقة</translation>
    </message>
    <message>
      <source>open the previous open article of the queue</source>
      <translation>يفتح المقالة المفتوحة السابقة في قائمة المراجعة</translation>
    </message>
    <message>
      <source>Skip article</source>
      <translation>تخطي المقالة</translation>
    </message>
    <message>
      <source>put this article aside (status 'skipped') and open the next one</source>
      <translation>يضع هذه المقالة جانبًا (الحالة 'متخطّاة') ويفتح التالية</translation>
    </message>
    <message>
      <source>Flag article</source>
      <translation>تنبيه على المقالة</translation>
    </message>
    <message>
      <source>flag this article for a lead (guideline unclear); shown as flagged in the queue</source>
      <translation>ينبّه المشرف إلى هذه المقالة (التوجيهات غير واضحة)؛ تظهر منبَّهًا عليها في القائمة</translation>
    </message>
    <message>
      <source>Add a note…</source>
      <translation>إضافة ملاحظة…</translation>
    </message>
    <message>
      <source>type a note on the selected mention (or the article); tick 'flag for a lead' to flag it</source>
      <translation>اكتب ملاحظة على الإشارة المحددة (أو المقالة)؛ علّم 'تنبيه المشرف' لتجعلها تنبيهًا</translation>
    </message>
    <message>
      <source>Search articles…</source>
      <translation>البحث في المقالات…</translation>
    </message>
    <message>
      <source>type a word: the queue shows the articles holding it (and marks it in the article)</source>
      <translation>اكتب كلمة: تعرض القائمة المقالات التي تحويها (وتُعلَّم في المقالة)</translation>
    </message>
    <message>
      <source>Find in this article…</source>
      <translation>البحث في هذه المقالة…</translation>
    </message>
    <message>
      <source>mark a word in the open article; Enter / Shift+Enter step through the matches</source>
      <translation>يعلّم كلمة في المقالة المفتوحة؛ Enter / Shift+Enter للتنقل بين المطابقات</translation>
    </message>
    <message>
      <source>Concordance…</source>
      <translation>سياقات الكلمة…</translation>
    </message>
    <message>
      <source>every occurrence of a word (the selected text, else the trigger) across the project, in context</source>
      <translation>كل ورود لكلمة (النص المحدد، وإلا المحفّز) في المشروع كله، في سياقه</translation>
    </message>
    <message>
      <source>Next argument</source>
      <translation>العنصر التالي</translation>
    </message>
    <message>
      <source>select the next argument of the mention</source>
      <translation>يحدد العنصر التالي للإشارة</translation>
    </message>
    <message>
      <source>undo the last decision (also after a restart)</source>
      <translation>يتراجع عن آخر قرار (حتى بعد إعادة التشغيل)</translation>
    </message>
    <message>
      <source>redo</source>
      <translation>يعيد ما تُرُوجع عنه</translation>
    </message>
    <message>
      <source>Preferences…</source>
      <translation>التفضيلات…</translation>
    </message>
    <message>
      <source>text font, size and line spacing, colour theme, interface language (English / Arabic)</source>
      <translation>خط النص وحجمه وتباعد أسطره، سمة الألوان، لغة الواجهة (الإنجليزية / العربية)</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts…</source>
      <translation>اختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
      <source>change these keys (a table of every action; reset to the defaults)</source>
      <translation>غيّر هذه المفاتيح (جدول بكل إجراء؛ استعادة الافتراضي)</translation>
    </message>
    <message>
      <source>Larger text</source>
      <translation>نص أكبر</translation>
    </message>
    <message>
      <source>larger article text</source>
      <translation>يكبّر نص المقالة</translation>
    </message>
    <message>
      <source>Smaller text</source>
      <translation>نص أصغر</translation>
    </message>
    <message>
      <source>smaller article text</source>
      <translation>يصغّر نص المقالة</translation>
    </message>
    <message>
      <source>Dark/light theme</source>
      <translation>السمة الداكنة/الفاتحة</translation>
    </message>
    <message>
      <source>switch light and dark</source>
      <translation>يبدّل بين الفاتحة والداكنة</translation>
    </message>
    <message>
      <source>Dashboard…</source>
      <translation>لوحة المتابعة…</translation>
    </message>
    <message>
      <source>plots of the work: decisions per day and per reviewer, gold per type, proposals kept per engine</source>
      <translation>رسوم العمل: القرارات لكل يوم ولكل مراجِع، الوسوم المعتمدة لكل نوع، المقترحات المقبولة لكل محرّك</translation>
    </message>
    <message>
      <source>Keys…</source>
      <translation>المفاتيح…</translation>
    </message>
    <message>
      <source>show this list of keys</source>
      <translation>يعرض قائمة المفاتيح هذه</translation>
    </message>
    <message>
      <source>Guidelines for this type</source>
      <translation>توجيهات هذا النوع</translation>
    </message>
    <message>
      <source>show or hide the annotation guidelines for the selected mention's type (definition, roles, spans)</source>
      <translation>يعرض توجيهات التوسيم لنوع الإشارة المحددة أو يخفيها (التعريف، الأدوار، حدود المقاطع)</translation>
    </message>
    <message>
      <source>Run extractor…</source>
      <translation>تشغيل المستخرِج…</translation>
    </message>
    <message>
      <source>propose events over the articles with the rules, learned or combined engine; Cancel stops between articles</source>
      <translation>يقترح أحداثًا في المقالات بمحرّك القواعد أو المتعلِّم أو المركّب؛ الإلغاء يتوقف بين مقالتين</translation>
    </message>
    <message>
      <source>Retrain…</source>
      <translation>إعادة التدريب…</translation>
    </message>
    <message>
      <source>train the learned engine on this project's gold; its cross-validated scores are shown before it is kept</source>
      <translation>يدرّب المحرّك المتعلِّم على الوسوم المعتمدة لهذا المشروع؛ تُعرض نتائج تحققه المتقاطع قبل اعتماده</translation>
    </message>
    <message>
      <source>New project…</source>
      <translation>مشروع جديد…</translation>
    </message>
    <message>
      <source>create an empty project file and open it in place of this one</source>
      <translation>ينشئ ملف مشروع فارغًا ويفتحه بدل هذا</translation>
    </message>
    <message>
      <source>Open project…</source>
      <translation>فتح مشروع…</translation>
    </message>
    <message>
      <source>open another project file in place of this one (Open Recent lists the last ones)</source>
      <translation>يفتح ملف مشروع آخر بدل هذا (الأخيرة تسرد آخر المشاريع)</translation>
    </message>
    <message>
      <source>Import…</source>
      <translation>استيراد…</translation>
    </message>
    <message>
      <source>import files or a folder (articles, pre-annotations, gold labels) with progress; Cancel stores nothing</source>
      <translation>يستورد ملفات أو مجلدًا (مقالات، توسيمات مسبقة، وسوم معتمدة) مع شريط تقدّم؛ الإلغاء لا يخزّن شيئًا</translation>
    </message>
    <message>
      <source>Export…</source>
      <translation>تصدير…</translation>
    </message>
    <message>
      <source>export the labels (JSONL, OneIE, DyGIE++, brat, CoNLL, ACLED CSV) with a manifest</source>
      <translation>يصدّر الوسوم (JSONL، OneIE، DyGIE++، brat، CoNLL، ACLED CSV) مع بيان</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>خروج</translation>
    </message>
    <message>
      <source>close the window (everything is already saved)</source>
      <translation>يغلق النافذة (كل شيء محفوظ أصلًا)</translation>
    </message>
    <message>
      <source>Selection → role {n}</source>
      <translation>التحديد ← الدور {n}</translation>
    </message>
    <message>
      <source>give the text selection role {n} of the mention's type (re-spans the selected argument if it has that role)</source>
      <translation>يعطي النص المحدد الدور {n} من أدوار نوع الإشارة (يعيد حدود العنصر المحدد إن كان له هذا الدور)</translation>
    </message>
    <message>
      <source>{0} is open in another Tadqiq window: {1}.

Both windows can write: what the other window decides shows here within seconds, and a decision or undo here over a mention the other window changed is refused, never written over it. Open it read-only to look without changing anything, or close the other window first.</source>
      <translation>{0} مفتوح في نافذة تدقيق أخرى: {1}.

تستطيع النافذتان الكتابة: ما تقرّره النافذة الأخرى يظهر هنا خلال ثوانٍ، وأي قرار أو تراجع هنا على حدث غيّرته النافذة الأخرى يُرفض ولا يُكتب فوقه أبدًا. افتحه للقراءة فقط لتنظر دون أن تغيّر شيئًا، أو أغلق النافذة الأخرى أولًا.</translation>
    </message>
    <message>
      <source>Tadqiq: project open elsewhere</source>
      <translation>تدقيق: المشروع مفتوح في مكان آخر</translation>
    </message>
    <message>
      <source>Open read-only</source>
      <translation>افتحه للقراءة فقط</translation>
    </message>
    <message>
      <source>Open anyway</source>
      <translation>افتحه على أي حال</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>إلغاء</translation>
    </message>
    <message>
      <source>Hidden direction controls can reorder what you see; check spans near the red marks.</source>
      <translation>محارف الاتجاه الخفية قد تغيّر ترتيب ما تراه؛ تحقّق من المقاطع قرب العلامات الحمراء.</translation>
    </message>
    <message>
      <source>⚠ {0} bidi control character(s): {1}</source>
      <translation>⚠ {0} من محارف التحكم بالاتجاه: {1}</translation>
    </message>
    <message>
      <source>Backup up to date: {0}</source>
      <translation>النسخة الاحتياطية محدّثة: {0}</translation>
    </message>
    <message>
      <source>; {0} older removed</source>
      <translation>؛ حُذفت {0} أقدم</translation>
    </message>
    <message>
      <source>Backup written: {0}{1}</source>
      <translation>كُتبت نسخة احتياطية: {0}{1}</translation>
    </message>
    <message>
      <source>Backup failed: {0}</source>
      <translation>فشل النسخ الاحتياطي: {0}</translation>
    </message>
    <message>
      <source>Not saved, nothing changed: {0} ({1})</source>
      <translation>لم يُحفظ، ولم يتغير شيء: {0} ({1})</translation>
    </message>
    <message>
      <source>Concordance</source>
      <translation>سياقات الكلمة</translation>
    </message>
    <message>
      <source>Word for the concordance</source>
      <translation>الكلمة المطلوب سياقها</translation>
    </message>
    <message>
      <source>a word or a "phrase" — Enter lists every occurrence</source>
      <translation>كلمة أو "عبارة" — Enter يسرد كل ورود</translation>
    </message>
    <message>
      <source>Occurrences</source>
      <translation>المواضع</translation>
    </message>
    <message>
      <source>No mention selected</source>
      <translation>لا إشارة محددة</translation>
    </message>
    <message>
      <source>Nothing left to decide in this article</source>
      <translation>لم يبق ما يُحسم في هذه المقالة</translation>
    </message>
    <message>
      <source>No other open article in this queue</source>
      <translation>لا مقالة مفتوحة أخرى في هذه القائمة</translation>
    </message>
    <message>
      <source>Select an argument first (click it, or Tab)</source>
      <translation>حدد عنصرًا أولًا (انقره أو Tab)</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>أُلغي</translation>
    </message>
    <message>
      <source>Select the text of the argument first</source>
      <translation>حدد نص العنصر أولًا</translation>
    </message>
    <message>
      <source>Select the trigger word first</source>
      <translation>حدد كلمة المحفّز أولًا</translation>
    </message>
    <message>
      <source>All articles are done</source>
      <translation>انتهت كل المقالات</translation>
    </message>
    <message>
      <source>Saved: {0}{1}</source>
      <translation>حُفظ: {0}{1}</translation>
    </message>
    <message>
      <source>Skipped {0}: it comes back with the status filter 'skipped'</source>
      <translation>تُخطّيت {0}: تعود بتصفية الحالة 'متخطّاة'</translation>
    </message>
    <message>
      <source>Flagged {0} ({1})</source>
      <translation>نُبّه على {0} ({1})</translation>
    </message>
    <message>
      <source>Role of «{0}» ({1}): {2}  — press its number, Escape cancels</source>
      <translation>دور «{0}» ({1}): {2}  — اضغط رقمه، Escape يلغي</translation>
    </message>
    <message>
      <source>Already so: {0}</source>
      <translation>هكذا أصلًا: {0}</translation>
    </message>
    <message>
      <source>«{0}» is already {1}</source>
      <translation>«{0}» هو {1} أصلًا</translation>
    </message>
    <message>
      <source>«{0}» is already {1} too: nothing changed</source>
      <translation>«{0}» هو {1} أيضًا: لم يتغير شيء</translation>
    </message>
    <message>
      <source>{0} has {1} roles; no role {2}</source>
      <translation>للنوع {0} {1} أدوار؛ لا دور رقم {2}</translation>
    </message>
    <message>
      <source>Linking «{0}»: select the other mention and press L</source>
      <translation>ربط «{0}»: حدد الإشارة الأخرى واضغط L</translation>
    </message>
    <message>
      <source>«{0}» is already a {1} mention ({2}): selected it, nothing added</source>
      <translation>«{0}» إشارة {1} أصلًا ({2}): حُدّدت، ولم يُضف شيء</translation>
    </message>
    <message>
      <source>Decisions per day</source>
      <translation>القرارات لكل يوم</translation>
    </message>
    <message>
      <source>Decisions per reviewer</source>
      <translation>القرارات لكل مراجِع</translation>
    </message>
    <message>
      <source>Gold mentions per type</source>
      <translation>الإشارات المعتمدة لكل نوع</translation>
    </message>
    <message>
      <source>Proposals kept, per type and engine</source>
      <translation>المقترحات المقبولة لكل نوع ومحرّك</translation>
    </message>
    <message>
      <source>no decided proposals</source>
      <translation>لا مقترحات محسومة</translation>
    </message>
    <message>
      <source>nothing yet</source>
      <translation>لا شيء بعد</translation>
    </message>
    <message>
      <source>no decided proposals yet</source>
      <translation>لا مقترحات محسومة بعد</translation>
    </message>
    <message>
      <source>kept</source>
      <translation>مقبول</translation>
    </message>
    <message>
      <source>corrected</source>
      <translation>مصحَّح</translation>
    </message>
    <message>
      <source>rejected</source>
      <translation>مرفوض</translation>
    </message>
    <message>
      <source>Dashboard plots</source>
      <translation>رسوم لوحة المتابعة</translation>
    </message>
    <message>
      <source>{0} decisions over {1} day(s) by {2} reviewers; {3} gold mentions; {4}</source>
      <translation>{0} قرارًا خلال {1} يوم بأيدي {2} مراجِعين؛ {3} إشارة معتمدة؛ {4}</translation>
    </message>
    <message>
      <source>Dashboard</source>
      <translation>لوحة المتابعة</translation>
    </message>
    <message>
      <source>{0:.0%} of {1} decided proposals kept</source>
      <translation>قُبل {0:.0%} من {1} مقترحًا محسومًا</translation>
    </message>
    <message>
      <source>{0:.0%} of {1}</source>
      <translation>{0:.0%} من {1}</translation>
    </message>
    <message>
      <source>Arguments</source>
      <translation>العناصر</translation>
    </message>
    <message>
      <source>Attributes</source>
      <translation>الخصائص</translation>
    </message>
    <message>
      <source>&lt;i&gt;No event selected&lt;/i&gt;</source>
      <translation>&lt;i&gt;لا حدث محدد&lt;/i&gt;</translation>
    </message>
    <message>
      <source>&lt;span style='color:{0}'&gt;■&lt;/span&gt; &lt;b&gt;{1}&lt;/b&gt; — &lt;span dir='rtl'&gt;{2}&lt;/span&gt; · {3}&lt;br&gt;&lt;small&gt;roles: {4}&lt;/small&gt;</source>
      <translation>&lt;span style='color:{0}'&gt;■&lt;/span&gt; &lt;b&gt;{1}&lt;/b&gt; — &lt;span dir='rtl'&gt;{2}&lt;/span&gt; · {3}&lt;br&gt;&lt;small&gt;الأدوار: {4}&lt;/small&gt;</translation>
    </message>
    <message>
      <source>&lt;i&gt;No events proposed in this article.&lt;/i&gt; Select the word that names an event and press &lt;b&gt;{0}&lt;/b&gt; to add one, or &lt;b&gt;{1}&lt;/b&gt; to mark the article done and open the next.</source>
      <translation>&lt;i&gt;لا أحداث مقترحة في هذه المقالة.&lt;/i&gt; حدد الكلمة التي تسمّي حدثًا واضغط &lt;b&gt;{0}&lt;/b&gt; لإضافته، أو &lt;b&gt;{1}&lt;/b&gt; لتعليم المقالة منتهية وفتح التالية.</translation>
    </message>
    <message>
      <source>Export labels</source>
      <translation>تصدير الوسوم</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>اختيار…</translation>
    </message>
    <message>
      <source>&amp;Gold (confirmed, corrected, added)</source>
      <translation>&amp;المعتمدة (المقبولة والمصحَّحة والمضافة)</translation>
    </message>
    <message>
      <source>&amp;All mentions</source>
      <translation>&amp;كل الإشارات</translation>
    </message>
    <message>
      <source>Labels:</source>
      <translation>الوسوم:</translation>
    </message>
    <message>
      <source>any reviewer</source>
      <translation>أي مراجِع</translation>
    </message>
    <message>
      <source>All</source>
      <translation>الكل</translation>
    </message>
    <message>
      <source>None</source>
      <translation>لا شيء</translation>
    </message>
    <message>
      <source>&amp;Split into</source>
      <translation>&amp;تقسيم إلى</translation>
    </message>
    <message>
      <source>Split:</source>
      <translation>التقسيم:</translation>
    </message>
    <message>
      <source>Cancel export</source>
      <translation>إلغاء التصدير</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>أُلغي التصدير؛ لم يُكتب شيء.</translation>
    </message>
    <message>
      <source>Export failed</source>
      <translation>فشل التصدير</translation>
    </message>
    <message>
      <source>train/dev/test, seed</source>
      <translation>تدريب/تطوير/اختبار، البذرة</translation>
    </message>
    <message>
      <source>Export into folder</source>
      <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
      <source>Export to file</source>
      <translation>التصدير إلى ملف</translation>
    </message>
    <message>
      <source>Cancelling …</source>
      <translation>جارٍ الإلغاء …</translation>
    </message>
    <message>
      <source>Exporting to {0} …</source>
      <translation>جارٍ التصدير إلى {0} …</translation>
    </message>
    <message>
      <source>Export failed: {0}
Nothing was written.</source>
      <translation>فشل التصدير: {0}
لم يُكتب شيء.</translation>
    </message>
    <message>
      <source>Run the extractor</source>
      <translation>تشغيل المستخرِج</translation>
    </message>
    <message>
      <source>&amp;All articles</source>
      <translation>&amp;كل المقالات</translation>
    </message>
    <message>
      <source>Only articles this engine has not &amp;seen</source>
      <translation>المقالات التي لم يرها هذا المحرّك &amp;فقط</translation>
    </message>
    <message>
      <source>&amp;This article</source>
      <translation>&amp;هذه المقالة</translation>
    </message>
    <message>
      <source>&amp;Engine:</source>
      <translation>&amp;المحرّك:</translation>
    </message>
    <message>
      <source>Articles:</source>
      <translation>المقالات:</translation>
    </message>
    <message>
      <source>&amp;Run</source>
      <translation>&amp;تشغيل</translation>
    </message>
    <message>
      <source>Cancel run</source>
      <translation>إلغاء التشغيل</translation>
    </message>
    <message>
      <source>Choosing the articles …</source>
      <translation>جارٍ اختيار المقالات …</translation>
    </message>
    <message>
      <source>Cancelling after the article being stored …</source>
      <translation>الإلغاء بعد تخزين المقالة الجارية …</translation>
    </message>
    <message>
      <source>needs a learned model: Review → Retrain… first</source>
      <translation>يحتاج نموذجًا متعلِّمًا: مراجعة ← إعادة التدريب… أولًا</translation>
    </message>
    <message>
      <source>Proposing on {0} articles …</source>
      <translation>جارٍ الاقتراح في {0} مقالة …</translation>
    </message>
    <message>
      <source>The run failed: {0}
Each article has its new proposals whole or kept what it had.</source>
      <translation>فشل التشغيل: {0}
لكل مقالة مقترحاتها الجديدة كاملة أو ما كان لها.</translation>
    </message>
    <message>
      <source>Find in this article</source>
      <translation>البحث في هذه المقالة</translation>
    </message>
    <message>
      <source>Find in this article… (Enter: next, Shift+Enter: previous, Esc: close)</source>
      <translation>البحث في هذه المقالة… (Enter: التالي، Shift+Enter: السابق، Esc: إغلاق)</translation>
    </message>
    <message>
      <source>Close the find bar</source>
      <translation>إغلاق شريط البحث</translation>
    </message>
    <message>
      <source>{0} of {1}</source>
      <translation>{0} من {1}</translation>
    </message>
    <message>
      <source>Guidelines &lt;small&gt;(F1 hides)&lt;/small&gt;</source>
      <translation>التوجيهات &lt;small&gt;(F1 يخفيها)&lt;/small&gt;</translation>
    </message>
    <message>
      <source>&lt;h2 align='center'&gt;Keys&lt;/h2&gt;&lt;table align='center' cellspacing='3'&gt;{0}&lt;/table&gt;&lt;p align='center'&gt;Any key or click closes this list.&lt;/p&gt;</source>
      <translation>&lt;h2 align='center'&gt;المفاتيح&lt;/h2&gt;&lt;table align='center' cellspacing='3'&gt;{0}&lt;/table&gt;&lt;p align='center'&gt;أي مفتاح أو نقرة تغلق هذه القائمة.&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Import into the project</source>
      <translation>الاستيراد إلى المشروع</translation>
    </message>
    <message>
      <source>Add &amp;files…</source>
      <translation>إضافة &amp;ملفات…</translation>
    </message>
    <message>
      <source>Add f&amp;older…</source>
      <translation>إضافة م&amp;جلد…</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>&amp;إزالة</translation>
    </message>
    <message>
      <source>Files and folders:</source>
      <translation>الملفات والمجلدات:</translation>
    </message>
    <message>
      <source>&amp;Format:</source>
      <translation>&amp;الصيغة:</translation>
    </message>
    <message>
      <source>&amp;Proposals to review, origin</source>
      <translation>&amp;مقترحات للمراجعة، المصدر</translation>
    </message>
    <message>
      <source>as the file says, else import:FILE</source>
      <translation>كما يقول الملف، وإلا import:FILE</translation>
    </message>
    <message>
      <source>&amp;Gold labels of reviewer</source>
      <translation>&amp;وسوم معتمدة للمراجِع</translation>
    </message>
    <message>
      <source>Events in them:</source>
      <translation>الأحداث فيها:</translation>
    </message>
    <message>
      <source>Label Studio tasks: read</source>
      <translation>مهام Label Studio: قراءة</translation>
    </message>
    <message>
      <source>&amp;Skip bad files (import the good ones, list the bad)</source>
      <translation>&amp;تخطّي الملفات التالفة (استيراد السليمة وسرد التالفة)</translation>
    </message>
    <message>
      <source>Add the files or folders to import.</source>
      <translation>أضف الملفات أو المجلدات المراد استيرادها.</translation>
    </message>
    <message>
      <source>What each file gave, the readers' warnings and any file skipped are listed here at the end.</source>
      <translation>ما أعطاه كل ملف وتحذيرات القرّاء وأي ملف متخطّى تُسرد هنا في النهاية.</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;استيراد</translation>
    </message>
    <message>
      <source>Cancel import</source>
      <translation>إلغاء الاستيراد</translation>
    </message>
    <message>
      <source>Import files</source>
      <translation>استيراد ملفات</translation>
    </message>
    <message>
      <source>Import a folder</source>
      <translation>استيراد مجلد</translation>
    </message>
    <message>
      <source>Import failed; nothing was stored.</source>
      <translation>فشل الاستيراد؛ لم يُخزَّن شيء.</translation>
    </message>
    <message>
      <source>Import cancelled; nothing was stored (the whole import was rolled back).</source>
      <translation>أُلغي الاستيراد؛ لم يُخزَّن شيء (تراجع الاستيراد كله).</translation>
    </message>
    <message>
      <source>Cancelling: rolling the import back …</source>
      <translation>جارٍ الإلغاء: التراجع عن الاستيراد …</translation>
    </message>
    <message>
      <source>Importing {0} source(s) into {1} …</source>
      <translation>جارٍ استيراد {0} مصدر إلى {1} …</translation>
    </message>
    <message>
      <source>Importing: {0} articles read and stored so far (committed only at the end) …</source>
      <translation>جارٍ الاستيراد: قُرئت {0} مقالة وخُزّنت حتى الآن (تُعتمد في النهاية فقط) …</translation>
    </message>
    <message>
      <source>Imported {0} articles into {1}.</source>
      <translation>استُوردت {0} مقالة إلى {1}.</translation>
    </message>
    <message>
      <source>Article text</source>
      <translation>نص المقالة</translation>
    </message>
    <message>
      <source>Your name (recorded with every decision):</source>
      <translation>اسمك (يُسجَّل مع كل قرار):</translation>
    </message>
    <message>
      <source>Interface language: {0}.</source>
      <translation>لغة الواجهة: {0}.</translation>
    </message>
    <message>
      <source>Reviewer: {0}</source>
      <translation>المراجِع: {0}</translation>
    </message>
    <message>
      <source>{0}/{1} articles done</source>
      <translation>{0}/{1} مقالة منتهية</translation>
    </message>
    <message>
      <source>Undone: {0}</source>
      <translation>تُرُوجع عن: {0}</translation>
    </message>
    <message>
      <source>Redone: {0}</source>
      <translation>أُعيد: {0}</translation>
    </message>
    <message>
      <source>{0}/{1} decided</source>
      <translation>{0}/{1} محسومة</translation>
    </message>
    <message>
      <source>learned model v{0} kept: extract --engine learned or combined proposes with it</source>
      <translation>اعتُمد النموذج المتعلِّم v{0}: يقترح به extract --engine learned أو combined</translation>
    </message>
    <message>
      <source>⚠ On a network drive</source>
      <translation>⚠ على قرص شبكي</translation>
    </message>
    <message>
      <source>{0} is on a network file system ({1} from {2}). SQLite cannot always lock a file there: two programs writing it at once (two windows, a window and an import, two computers) can damage it. Copy the project to a local disk to review, or make sure only one Tadqiq uses it at a time.</source>
      <translation>{0} على نظام ملفات شبكي ({1} من {2}). لا يستطيع SQLite دائمًا قفل الملف هناك: قد يتلفه برنامجان يكتبان فيه معًا (نافذتان، أو نافذة واستيراد، أو حاسوبان). انسخ المشروع إلى قرص محلي لتراجع فيه، أو تأكّد أن نسخة واحدة فقط من تدقيق تستعمله في كل مرة.</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>الملاحظات</translation>
    </message>
    <message>
      <source>Notes and flags of this article</source>
      <translation>ملاحظات هذه المقالة وتنبيهاتها</translation>
    </message>
    <message>
      <source>Resolve</source>
      <translation>حلّ</translation>
    </message>
    <message>
      <source>Resolve the selected note or flag</source>
      <translation>حلّ الملاحظة أو التنبيه المحدد</translation>
    </message>
    <message>
      <source>New note</source>
      <translation>ملاحظة جديدة</translation>
    </message>
    <message>
      <source>Add a note on the selected mention… (C; Enter saves, Esc cancels)</source>
      <translation>أضف ملاحظة على الإشارة المحددة… (C؛ Enter يحفظ، Esc يلغي)</translation>
    </message>
    <message>
      <source>flag for a lead</source>
      <translation>تنبيه المشرف</translation>
    </message>
    <message>
      <source>{0} by {1} at {2}</source>
      <translation>{0} من {1} في {2}</translation>
    </message>
    <message>
      <source>Not applied: {0}. {1} since this window read it; nothing was overwritten.</source>
      <translation>لم يُطبَّق: {0}. {1} منذ أن قرأته هذه النافذة؛ لم يُكتب فوق شيء.</translation>
    </message>
    <message>
      <source>This article was changed elsewhere (another Tadqiq window or process) and read again from the file; {0}</source>
      <translation>تغيّرت هذه المقالة في مكان آخر (نافذة أو عملية أخرى من تدقيق) وأُعيدت قراءتها من الملف؛ {0}</translation>
    </message>
    <message>
      <source>{0} was removed elsewhere (another Tadqiq window or process)</source>
      <translation>حُذف {0} في مكان آخر (نافذة أو عملية أخرى من تدقيق)</translation>
    </message>
    <message>
      <source>Not applied: {0}. {1} since this window read it; nothing was overwritten, the article was read again from the file.</source>
      <translation>لم يُطبَّق: {0}. {1} منذ أن قرأته هذه النافذة؛ لم يُكتب فوق شيء، وأُعيدت قراءة المقالة من الملف.</translation>
    </message>
    <message>
      <source>another mention was stored elsewhere under the id of {0}</source>
      <translation>حُفظ حدث آخر في مكان آخر بمعرّف {0}</translation>
    </message>
    <message>
      <source>{0} was changed elsewhere (another Tadqiq window or process)</source>
      <translation>تغيّر {0} في مكان آخر (نافذة أو عملية أخرى من تدقيق)</translation>
    </message>
    <message>
      <source>changed: {0}</source>
      <translation>تغيّر: {0}</translation>
    </message>
    <message>
      <source>removed: {0}</source>
      <translation>حُذف: {0}</translation>
    </message>
    <message>
      <source>added: {0}</source>
      <translation>أُضيف: {0}</translation>
    </message>
    <message>
      <source>Preferences</source>
      <translation>التفضيلات</translation>
    </message>
    <message>
      <source>Article font</source>
      <translation>خط المقالة</translation>
    </message>
    <message>
      <source>Text size</source>
      <translation>حجم النص</translation>
    </message>
    <message>
      <source>Line spacing</source>
      <translation>تباعد الأسطر</translation>
    </message>
    <message>
      <source>Colour theme</source>
      <translation>سمة الألوان</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>لغة الواجهة</translation>
    </message>
    <message>
      <source>A new language reopens the window at once with every label in it, mirrored for Arabic; the article, the selection and the undo history stay.</source>
      <translation>تعيد اللغة الجديدة فتح النافذة فورًا بكل تسمياتها، معكوسة للعربية؛ وتبقى المقالة والتحديد وسجل التراجع.</translation>
    </message>
    <message>
      <source>Open &amp;Recent</source>
      <translation>المشاريع ال&amp;أخيرة</translation>
    </message>
    <message>
      <source>Clear the list</source>
      <translation>مسح القائمة</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>فتح مشروع</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>مشروع جديد</translation>
    </message>
    <message>
      <source>(no other project yet)</source>
      <translation>(لا مشروع آخر بعد)</translation>
    </message>
    <message>
      <source>{0}: already exists; File → Open project… opens it</source>
      <translation>{0}: موجود أصلًا؛ ملف ← فتح مشروع… يفتحه</translation>
    </message>
    <message>
      <source>{0} is the project open in this window</source>
      <translation>{0} هو المشروع المفتوح في هذه النافذة</translation>
    </message>
    <message>
      <source>Search articles</source>
      <translation>البحث في المقالات</translation>
    </message>
    <message>
      <source>Search (/)…</source>
      <translation>بحث (/)…</translation>
    </message>
    <message>
      <source>Assigned to me</source>
      <translation>المسندة إليّ</translation>
    </message>
    <message>
      <source>Review queue</source>
      <translation>قائمة المراجعة</translation>
    </message>
    <message>
      <source>(any)</source>
      <translation>(أي)</translation>
    </message>
    <message>
      <source>Confidence</source>
      <translation>الثقة</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>التاريخ</translation>
    </message>
    <message>
      <source>{0} in this queue</source>
      <translation>{0} في هذه القائمة</translation>
    </message>
    <message>
      <source>Read-only: nothing can be changed</source>
      <translation>للقراءة فقط: لا يمكن تغيير شيء</translation>
    </message>
    <message>
      <source>{0}. Copy the file to a folder you can write to review in it.</source>
      <translation>{0}. انسخ الملف إلى مجلد تستطيع الكتابة فيه لتراجع فيه.</translation>
    </message>
    <message>
      <source>Opened read-only beside another Tadqiq window ({0}): what it decides shows here within seconds. Close it and open the project again to review here.</source>
      <translation>فُتح للقراءة فقط إلى جانب نافذة تدقيق أخرى ({0}): ما تقرّره يظهر هنا خلال ثوانٍ. أغلقها وافتح المشروع من جديد لتراجع هنا.</translation>
    </message>
    <message>
      <source>now closed</source>
      <translation>أُغلقت الآن</translation>
    </message>
    <message>
      <source>Retrain the learned engine</source>
      <translation>إعادة تدريب المحرّك المتعلِّم</translation>
    </message>
    <message>
      <source>Train</source>
      <translation>تدريب</translation>
    </message>
    <message>
      <source>Discard / close</source>
      <translation>تجاهل / إغلاق</translation>
    </message>
    <message>
      <source>starting…</source>
      <translation>جارٍ البدء…</translation>
    </message>
    <message>
      <source>Cross-validation folds (by article):</source>
      <translation>طيّات التحقق المتقاطع (بالمقالة):</translation>
    </message>
    <message>
      <source>{0}: {1} of {2}</source>
      <translation>{0}: {1} من {2}</translation>
    </message>
    <message>
      <source>trained on {0} articles in {1:.1f} s</source>
      <translation>دُرّب على {0} مقالة في {1:.1f} ث</translation>
    </message>
    <message>
      <source>Keyboard Shortcuts</source>
      <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
      <source>press the new key; it replaces the action's keys</source>
      <translation>اضغط المفتاح الجديد؛ يحلّ محل مفاتيح الإجراء</translation>
    </message>
    <message>
      <source>keep its other keys</source>
      <translation>إبقاء مفاتيحه الأخرى</translation>
    </message>
    <message>
      <source>add the new key beside the current ones instead of replacing them</source>
      <translation>يضيف المفتاح الجديد إلى جانب الحالية بدل استبدالها</translation>
    </message>
    <message>
      <source>No key</source>
      <translation>بلا مفتاح</translation>
    </message>
    <message>
      <source>the action keeps its menu entry but has no key</source>
      <translation>يبقى الإجراء في القائمة بلا مفتاح</translation>
    </message>
    <message>
      <source>Reset all to defaults</source>
      <translation>استعادة الافتراضي للجميع</translation>
    </message>
    <message>
      <source>Reset</source>
      <translation>استعادة</translation>
    </message>
    <message>
      <source>New key for &lt;b&gt;{0}&lt;/b&gt;:</source>
      <translation>مفتاح جديد لـ &lt;b&gt;{0}&lt;/b&gt;:</translation>
    </message>
    <message>
      <source>&lt;span style='color:{0}'&gt;{1}{2}&lt;/span&gt;</source>
      <translation>&lt;span style='color:{0}'&gt;{1}{2}&lt;/span&gt;</translation>
    </message>
    <message>
      <source>back to the default: {0}</source>
      <translation>عودة إلى الافتراضي: {0}</translation>
    </message>
    <message>
      <source>Event type</source>
      <translation>نوع الحدث</translation>
    </message>
    <message>
      <source>type a few letters: att, die, قصف …</source>
      <translation>اكتب بضعة أحرف: قصف، att، die …</translation>
    </message>
    <message>
      <source>Argument value</source>
      <translation>قيمة العنصر</translation>
    </message>
    <message>
      <source>Text</source>
      <translation>النص</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>القيمة</translation>
    </message>
    <message>
      <source>&lt;i&gt;no value&lt;/i&gt;</source>
      <translation>&lt;i&gt;بلا قيمة&lt;/i&gt;</translation>
    </message>
    <message>
      <source>&lt;span style='color:#b00020'&gt;not understood&lt;/span&gt;</source>
      <translation>&lt;span style='color:#b00020'&gt;لم يُفهم&lt;/span&gt;</translation>
    </message>
    <message>
      <source>File</source>
      <translation>ملف</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>تحرير</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>مراجعة</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>بحث</translation>
    </message>
    <message>
      <source>View</source>
      <translation>عرض</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>مساعدة</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>الحالة</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>النوع</translation>
    </message>
    <message>
      <source>Trigger</source>
      <translation>المحفّز</translation>
    </message>
    <message>
      <source>Conf.</source>
      <translation>الثقة</translation>
    </message>
    <message>
      <source>Origin</source>
      <translation>المصدر</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>الدور</translation>
    </message>
    <message>
      <source>Attribute</source>
      <translation>الخاصية</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>الوكالة</translation>
    </message>
    <message>
      <source>Proposals</source>
      <translation>المقترحات</translation>
    </message>
    <message>
      <source>Reviewer</source>
      <translation>المراجِع</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>الوقت</translation>
    </message>
    <message>
      <source>to review</source>
      <translation>للمراجعة</translation>
    </message>
    <message>
      <source>in progress</source>
      <translation>قيد المراجعة</translation>
    </message>
    <message>
      <source>done</source>
      <translation>منتهية</translation>
    </message>
    <message>
      <source>flagged</source>
      <translation>منبَّه عليها</translation>
    </message>
    <message>
      <source>skipped</source>
      <translation>متخطّاة</translation>
    </message>
    <message>
      <source>queue order</source>
      <translation>ترتيب القائمة</translation>
    </message>
    <message>
      <source>lowest confidence first</source>
      <translation>الأدنى ثقة أولًا</translation>
    </message>
    <message>
      <source>most proposals first</source>
      <translation>الأكثر مقترحات أولًا</translation>
    </message>
    <message>
      <source>title</source>
      <translation>العنوان</translation>
    </message>
    <message>
      <source>date</source>
      <translation>التاريخ</translation>
    </message>
    <message>
      <source>source</source>
      <translation>الوكالة</translation>
    </message>
    <message>
      <source>light</source>
      <translation>فاتحة</translation>
    </message>
    <message>
      <source>dark</source>
      <translation>داكنة</translation>
    </message>
    <message>
      <source>as the desktop</source>
      <translation>كسطح المكتب</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>الترتيب</translation>
    </message>
    <message>
      <source>proposed</source>
      <translation>مقترحة</translation>
    </message>
    <message>
      <source>confirmed</source>
      <translation>مؤكَّدة</translation>
    </message>
    <message>
      <source>added</source>
      <translation>مضافة</translation>
    </message>
    <message>
      <source>rule</source>
      <translation>القاعدة</translation>
    </message>
    <message>
      <source>link</source>
      <translation>الربط</translation>
    </message>
    <message>
      <source>polarity</source>
      <translation>القطبية</translation>
    </message>
    <message>
      <source>modality</source>
      <translation>الصيغة</translation>
    </message>
    <message>
      <source>genericity</source>
      <translation>العموم</translation>
    </message>
    <message>
      <source>positive</source>
      <translation>إيجاب</translation>
    </message>
    <message>
      <source>negative</source>
      <translation>نفي</translation>
    </message>
    <message>
      <source>asserted</source>
      <translation>مؤكَّد</translation>
    </message>
    <message>
      <source>reported</source>
      <translation>منقول</translation>
    </message>
    <message>
      <source>hypothetical</source>
      <translation>افتراضي</translation>
    </message>
    <message>
      <source>specific</source>
      <translation>محدد</translation>
    </message>
    <message>
      <source>generic</source>
      <translation>عام</translation>
    </message>
    <message>
      <source>Lowest confidence from</source>
      <translation>أدنى ثقة من</translation>
    </message>
    <message>
      <source>to</source>
      <translation>إلى</translation>
    </message>
    <message>
      <source>from YYYY-MM-DD</source>
      <translation>من YYYY-MM-DD</translation>
    </message>
    <message>
      <source>to YYYY-MM-DD</source>
      <translation>إلى YYYY-MM-DD</translation>
    </message>
  </context>
</TS>
