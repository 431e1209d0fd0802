# Bussola — Arabic (العربية), Modern Standard, simple. Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences. Shown right to left; no bidi control characters here.

## The window

app-name = Bussola
app-tagline = خدمات للأجانب، حتى بدون إنترنت
nav-label = الأقسام
nav-search = بحث
nav-favourites = المفضلة
nav-about = معلومات
language-label = اللغة
back = رجوع

## Search

search-label = ابحث عن خدمة
search-placeholder = تصريح إقامة، طبيب، دروس لغة إيطالية…
where-title = أين أنت؟
where-text = اكتب في الأسفل اسم بلديتك (comune) أو الرمز البريدي: ستظهر أقرب الخدمات أولاً. يبقى ذلك على هذا الجهاز فقط.
where-later = ليس الآن
place-label = أين؟
place-placeholder = البلدية أو الرمز البريدي
place-clear = احذف المكان
place-none-found = لا توجد بلدية بهذا الاسم
place-use-location = استخدم موقعي
place-my-location = موقعي
place-location-failed = الموقع غير متاح.
categories-label = ماذا تحتاج؟
filter-open-now = مفتوح الآن
filter-language = اللغة التي يتكلمونها في المكتب
filter-language-any = أي لغة
filters-label = الفلاتر
view-label = طريقة عرض النتائج
view-list = قائمة
view-map = خريطة
results-count =
    { $count ->
        [0] لا توجد أي خدمة
        [zero] لا توجد أي خدمة
        [one] خدمة واحدة
        [two] خدمتان
        [few] { $count } خدمات
        [many] { $count } خدمة
       *[other] { $count } خدمة
    }
results-more = عرض المزيد
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = أكثر من { $count } خدمة
results-empty-hint = جرّب كلمات أقل، أو احذف أحد الفلاتر.
search-read-as = النتائج لـ «{ $meant }»: كتبتَ «{ $typed }».
search-handled-by = الجهة المختصة: { $office }. يمكن للخدمات أدناه مساعدتك.
search-left-out = لا توجد خدمة تذكر «{ $words }»: إليك نتائج الكلمات الأخرى.
search-partial = لا توجد خدمة تحتوي على كل الكلمات: هذه الخدمات التي تحتوي على معظمها.
anywhere-in-italy = كل إيطاليا
approximate-mark = موقع تقريبي
open-now = مفتوح الآن
closed-now = مغلق الآن
hours-unknown = مواعيد العمل غير معروفة
hours-uncertain = مواعيد العمل غير مؤكدة: اتصل أولاً
opens-today-at = يفتح الساعة { $time }
opens-on-at = يفتح يوم { $day } الساعة { $time }
closes-at = يغلق الساعة { $time }
closes-on-at = يغلق يوم { $day } الساعة { $time }
distance-away = على بعد { $distance }

## Days of the week, Monday first

weekday-0 = الاثنين
weekday-1 = الثلاثاء
weekday-2 = الأربعاء
weekday-3 = الخميس
weekday-4 = الجمعة
weekday-5 = السبت
weekday-6 = الأحد

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = الاثنين
weekday-on-1 = الثلاثاء
weekday-on-2 = الأربعاء
weekday-on-3 = الخميس
weekday-on-4 = الجمعة
weekday-on-5 = السبت
weekday-on-6 = الأحد

## Categories of services

cat-permits = تصريح الإقامة
cat-access-point = مكتب المعلومات
cat-mediation = الوساطة الثقافية
cat-legal = استشارة قانونية
cat-language = دروس اللغة الإيطالية
cat-health = الصحة
cat-family = الأسرة
cat-work = العمل
cat-housing = السكن
cat-food-shelter = الطعام والإيواء
cat-education = المدرسة والدراسة
cat-community = الجمعيات
cat-helpline = أرقام المساعدة
cat-emergency = الطوارئ
cat-town-hall = البلدية
cat-other = أخرى

## Languages spoken at an office

lang-it = الإيطالية
lang-en = الإنجليزية
lang-fr = الفرنسية
lang-ar = العربية
lang-uk = الأوكرانية
lang-ro = الرومانية
lang-sq = الألبانية
lang-es = الإسبانية
lang-zh = الصينية
lang-bn = البنغالية
lang-ur = الأردية
lang-ru = الروسية
lang-pt = البرتغالية
lang-de = الألمانية
lang-fa = الفارسية
lang-ps = البشتو
lang-ti = التغرينية
lang-tr = التركية
lang-pa = البنجابية
lang-hi = الهندية
lang-wo = الولوف
lang-other = لغة أخرى ({ $code })

## The map

map-label = خريطة الخدمات
map-hint = اسحب لتحريك الخريطة. استخدم العجلة أو + و − للتكبير.
map-zoom-in = تكبير
map-zoom-out = تصغير
map-reset = العودة إلى العرض الأول
map-search-centre = مكان البحث
map-as-list = اعرض الخدمات ({ $count }) كقائمة
map-unlocated =
    { $count ->
        [zero] { $count } خدمة بدون عنوان (خطوط هاتفية) ليست على الخريطة.
        [one] خدمة واحدة بدون عنوان (خط هاتفي) ليست على الخريطة.
        [two] خدمتان بدون عنوان (خطان هاتفيان) ليستا على الخريطة.
        [few] { $count } خدمات بدون عنوان (خطوط هاتفية) ليست على الخريطة.
        [many] { $count } خدمة بدون عنوان (خطوط هاتفية) ليست على الخريطة.
       *[other] { $count } خدمة بدون عنوان (خطوط هاتفية) ليست على الخريطة.
    }
map-open-detail = افتح البطاقة

## A service

detail-loading = جارٍ التحميل…
detail-not-found = هذه الخدمة لم تعد موجودة في البيانات.
in-italian = بالإيطالية
favourite-add = احفظ في المفضلة
favourite-remove = احذف من المفضلة
action-call = اتصل
action-directions = الاتجاهات
action-osm = اعرض على OpenStreetMap
action-card = بطاقة للمكتب
action-report = أبلغ عن خطأ
action-share = مشاركة
share-copied = تم النسخ: الصقه في رسالة.
email-certified = بريد إلكتروني معتمد (PEC): قد لا يقبل رسائل البريد الإلكتروني العادية.
detail-alert = تنبيه
closed-until = مغلق مؤقتاً حتى { $date }
closed-for-now = مغلق مؤقتاً
service-withdrawn = لم تعد هذه الخدمة متاحة.
detail-where = أين
detail-approximate = موقع تقريبي: النقطة هي وسط البلدية، وليست مكان المكتب.
detail-precision-street = الموقع: الشارع.
detail-precision-building = الموقع: المبنى.
detail-hours = مواعيد العمل
detail-today = اليوم
detail-holiday = عطلة رسمية
detail-closed-day = مغلق
detail-hours-uncertain = يحتاج إلى تأكيد
detail-hours-unreadable = التطبيق لا يستطيع قراءة هذه المواعيد. النص الأصلي:
detail-hours-unknown = مواعيد العمل غير معروفة: اتصل قبل أن تذهب.
detail-contacts = التواصل
phone-text-only = رسائل فقط
detail-email = البريد الإلكتروني
detail-website = الموقع الإلكتروني
detail-organization = الجهة المسؤولة
detail-languages = اللغات التي يتكلمونها
detail-access = كيف تحصل على الخدمة
detail-application = ماذا تفعل
detail-fees = التكلفة
detail-eligibility = من يمكنه الذهاب
detail-accessibility = سهولة الوصول لذوي الإعاقة
detail-verified = تم التحقق في { $date }
detail-not-verified = لا نعرف متى تم التحقق من هذه المعلومات.
detail-sources = المصادر
detail-data = بيانات { $feed }، الإصدار { $version }
report-hint = ستُفتح الرسالة في تطبيق البريد عندك. يمكنك أن ترسلها لاحقًا أيضًا.
report-no-contact = هذه البيانات لا تذكر لمن تكتب: اختر أنت المستلم.

## The referral card

card-title = بطاقة للمكتب
card-print = اطبع
card-show = أظهر هذه البطاقة في المكتب.
card-need = أحتاج إلى هذه الخدمة.
card-address = العنوان
card-phone = الهاتف
card-hours = مواعيد العمل
card-qr = رمز QR فيه العنوان والهاتف

## Data on this device

status-feed =
    { $feed }: الإصدار { $version }، { $count ->
        [zero] لا توجد خدمات
        [one] خدمة واحدة
        [two] خدمتان
        [few] { $count } خدمات
        [many] { $count } خدمة
       *[other] { $count } خدمة
    }
status-data-date = بيانات بتاريخ { $date }
status-expired = انتهت صلاحية هذه البيانات: بعض المعلومات قد تكون قديمة.
status-last-failed = لم ينجح التحديث الأخير.
sync-checking = جارٍ البحث عن تحديثات…
sync-downloading = جارٍ التنزيل ({ $megabytes } ميغابايت)…
sync-applying =
    { $count ->
        [zero] جارٍ تحديث { $count } خدمة…
        [one] جارٍ تحديث خدمة واحدة…
        [two] جارٍ تحديث خدمتين…
        [few] جارٍ تحديث { $count } خدمات…
        [many] جارٍ تحديث { $count } خدمة…
       *[other] جارٍ تحديث { $count } خدمة…
    }
sync-failed = لم ينجح التحديث: { $error }
sync-failed-unreachable = لم ينجح التحديث: خادم البيانات لا يستجيب. حاول مرة أخرى عندما تكون متصلًا بالإنترنت.
sync-failed-slow = لم ينجح التحديث: خادم البيانات أجاب ببطء شديد، فتم إيقاف التحديث. حاول مرة أخرى لاحقًا.
sync-failed-signature = تم رفض التحديث: البيانات المستلمة لا تطابق توقيعها، وربما تم تعديلها. لم تتغير البيانات على هذا الجهاز. إذا تكرر ذلك، أخبر الجهة التي تنشر هذه البيانات.
sync-failed-unknown-key = تم رفض التحديث: البيانات المستلمة موقّعة بمفتاح لا يثق به هذا الجهاز. لم تتغير البيانات على هذا الجهاز. إذا تكرر ذلك، أخبر الجهة التي تنشر هذه البيانات.
sync-failed-older = تم رفض التحديث: قدّم الخادم بيانات أقدم من الموجودة على هذا الجهاز، أو غيّر نسخة منشورة من قبل. لم تتغير البيانات على هذا الجهاز. إذا تكرر ذلك، أخبر الجهة التي تنشر هذه البيانات.
sync-failed-other-feed = تم رفض التحديث: هذا العنوان يقدّم الآن قائمة خدمات أخرى. لم تتغير البيانات على هذا الجهاز. إذا تكرر ذلك، أخبر الجهة التي تنشر هذه البيانات.
sync-failed-mismatch = تم رفض التحديث: ملف تم تنزيله لا يطابق القائمة الموقّعة، لأنه تم تعديله أو تلف أثناء النقل. لم تتغير البيانات على هذا الجهاز. حاول مرة أخرى لاحقًا، وإذا تكرر ذلك، أخبر الجهة التي تنشر هذه البيانات.
sync-failed-too-large = تم رفض التحديث: ملف مستلم أكبر من الحجم المسموح به. لم تتغير البيانات على هذا الجهاز.
sync-failed-malformed = تم رفض التحديث: الملفات المستلمة ليست بالصيغة المتوقعة. لم تتغير البيانات على هذا الجهاز.
sync-failed-records = تم رفض التحديث: البيانات المستلمة فيها أخطاء في معلومات بعض الخدمات. لم تتغير البيانات على هذا الجهاز.
sync-failed-storage = لم ينجح التحديث: تعذّر حفظ البيانات على هذا الجهاز.
share-title = تمرير دليل الخدمات
share-what = احفظ دليل الخدمات الموجود على هذا الجهاز في ملف واحد، مع توقيع الجهة التي تنشره، لتحديث جهاز آخر بدون إنترنت (ذاكرة USB، بلوتوث). الجهاز الذي يحمّله يتحقق من التوقيع: الملف المعدَّل يُرفض.
share-export = احفظ في ملف
share-import = حمّل من ملف
share-saved-to = حُفظ في { $path }
share-downloaded = نُزّل باسم { $file }
share-handed-on = تمت مشاركة الملف.
share-failed = تعذّر حفظ الملف: { $error }
share-loaded = تم تحديث البيانات من الملف: { $feed }، الإصدار { $version }.
share-up-to-date = هذا الجهاز لديه هذه البيانات بالفعل.
share-older = الملف يحتوي على بيانات أقدم من بيانات الجهاز. لم تتغير البيانات على الجهاز.
share-bad-file = هذا الملف ليس دليل Bussola كاملاً: ربما هو ناقص أو تالف. لم تتغير البيانات على الجهاز.
sync-details = تفاصيل تقنية
sync-update-now = حدّث الآن
sync-in-progress = جارٍ التحديث…

## About

about-title = معلومات
about-what = يجمع تطبيق Bussola الخدمات الخاصة بالأجانب: تصريح الإقامة، الصحة، العمل، دروس اللغة الإيطالية، المساعدة القانونية. يعمل أيضًا بدون إنترنت.
about-privacy-title = الخصوصية
about-privacy = عمليات البحث وموقعك تبقى على هذا الهاتف أو الكمبيوتر. لا توجد إعلانات في Bussola، ولا يجمع التطبيق أي إحصاءات.
about-data-title = البيانات
about-data = كل بطاقة تذكر مصدر المعلومات ومتى تم التحقق منها. كثير من المواقع هي فقط وسط البلدية. قبل أن تذهب، اتصل إن استطعت.
about-attribution-title = الخرائط والبلديات
about-version = الإصدار { $version }
about-licence = برنامج حر بترخيص EUPL-1.2.

## Errors

error-generic = حدث خطأ: { $detail }

## Added after the first translation

favourites-empty = ليس لديك أي خدمة في المفضلة بعد. افتح خدمة واضغط على النجمة لحفظها هنا.

## بياناتك: كيف تحذفها، وماذا يحدث إذا تلف الملف
clear-title = بياناتك
clear-explain = المفضلة والملاحظات والتصحيحات والإعدادات (اللغة، المكان، الفلاتر) تبقى فقط على هذا الجهاز. تطبيق Bussola لا يحتفظ بسجل عمليات البحث.
clear-button = احذف بياناتي
clear-question = هل تريد حذف المفضلة والملاحظات والإعدادات من هذا الجهاز؟ قائمة الخدمات ستبقى.
clear-confirm = نعم، احذف
clear-cancel = إلغاء
clear-done = تم حذف بياناتك من هذا الجهاز.
notice-close = إغلاق
storage-memory-unsupported = لا يسمح هذا المتصفح لتطبيق Bussola بحفظ بياناته على الجهاز: يعمل لهذه الزيارة فقط، وتضيع المفضلة والإعدادات عند إغلاقه.
storage-memory-in-use = تطبيق Bussola مفتوح بالفعل في علامة تبويب أو نافذة أخرى. هنا يعمل لهذه الزيارة فقط ومن دون مفضلتك: أغلق علامة التبويب هذه واستخدم الأخرى.
app-update-ready = إصدار جديد من Bussola جاهز: سيفتح في المرة القادمة التي تشغّل فيها التطبيق.
app-update-start = حدّث الآن
recovered-title = البيانات على هذا الجهاز كانت تالفة.
recovered-body = وضع تطبيق Bussola الملف التالف جانبًا، وبدأ من جديد بقائمة الخدمات الموجودة في التطبيق. ستُحدَّث القائمة في المرة القادمة التي تتصل فيها بالإنترنت.
recovered-kept = تم استرجاع المفضلة والإعدادات الخاصة بك.
recovered-lost = تعذّرت قراءة المفضلة والإعدادات الخاصة بك.
recovered-where = الملف التالف محفوظ هنا: { $path }
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = استمع
action-stop-listening = أوقف الصوت
speech-no-voice = لا يوجد على هذا الجهاز صوت لهذه اللغة.
read-aloud = القراءة بصوت عالٍ
read-aloud-on = القراءة بصوت عالٍ مفعّلة: اضغط على أي زر لتسمع اسمه.
speech-title = الصوت
speech-pace-label = سرعة الصوت
speech-pace-slow = بطيئة، لمن يتعلم
speech-pace-normal = عادية
speak-time = { $minute ->
    [0] { $hour }
    [one] { $hour } وَدَقِيقَة
    [two] { $hour } وَدَقِيقَتان
    [few] { $hour } وَ { $minute } دَقَائِق
   *[other] { $hour } وَ { $minute } دَقِيقَة
}
speak-open-now = مَفْتُوح الآن.
speak-closes-today = يُغْلِق اليوم الساعة { $time }.
speak-closes-on = يُغْلِق يوم { $day } الساعة { $time }.
speak-closed-now = مُغْلَق الآن.
speak-opens-today = يَفْتَح اليوم الساعة { $time }.
speak-opens-on = يَفْتَح يوم { $day } الساعة { $time }.
speak-hours-unknown = مَواعِيد العمل غير مَعْرُوفَة: اِتَّصِل قَبْلَ أَنْ تَذْهَب.
speak-hours-uncertain = مَواعِيد العمل غير مُؤَكَّدَة: اِتَّصِل قَبْلَ أَنْ تَذْهَب.
speak-closed-for-now = مُغْلَق حالِيّاً: اِتَّصِل قَبْلَ أَنْ تَذْهَب.
speak-withdrawn = لَمْ تَعُد هذه الخِدْمَة مُتاحَة.
speak-address = العنوان:
speak-phone = رقم الهاتف: { $digits }.
speak-access = كَيْفَ تَحْصُل على الخِدْمَة:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] تم التحقق منذ أكثر من سنة: اتصل قبل أن تذهب.
    [two] تم التحقق منذ سنتين: اتصل قبل أن تذهب.
    [few] تم التحقق منذ { $years } سنوات: اتصل قبل أن تذهب.
    [many] تم التحقق منذ { $years } سنة: اتصل قبل أن تذهب.
   *[other] تم التحقق منذ { $years } سنة: اتصل قبل أن تذهب.
}
data-never-checked = لا نعرف متى تم التحقق من هذه المعلومات: اتصل قبل أن تذهب.
translated-from-italian = مترجم من الإيطالية
about-stale = { $stale ->
    [0] تم التحقق من كل الخدمات ({ $total }) خلال السنة الأخيرة.
    [one] خدمة واحدة من { $total } تم التحقق منها منذ أكثر من سنة، أو لا نعرف متى: اتصل قبل أن تذهب.
    [two] خدمتان من { $total } تم التحقق منهما منذ أكثر من سنة، أو لا نعرف متى: اتصل قبل أن تذهب.
    [few] { $stale } خدمات من { $total } تم التحقق منها منذ أكثر من سنة، أو لا نعرف متى: اتصل قبل أن تذهب.
    [many] { $stale } خدمة من { $total } تم التحقق منها منذ أكثر من سنة، أو لا نعرف متى: اتصل قبل أن تذهب.
   *[other] { $stale } خدمة من { $total } تم التحقق منها منذ أكثر من سنة، أو لا نعرف متى: اتصل قبل أن تذهب.
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = الورقة
sheet-add = أضف إلى الورقة
sheet-remove-from = احذف من الورقة
sheet-full = تتسع الورقة لـ { $max } خدمات على الأكثر.
sheet-title = ورقة الخدمات
sheet-empty = الورقة فارغة. افتح خدمة واختر «أضف إلى الورقة».
sheet-up = انقل إلى الأعلى
sheet-down = انقل إلى الأسفل
sheet-remove = احذف
sheet-clear = أفرغ الورقة
sheet-print = اطبع
sheet-save = احفظ كصورة
sheet-saved = حُفظت الصورة في { $path }
sheet-downloaded = نُزّلت الصورة.
sheet-shared = أُرسلت الصورة.
sheet-save-failed = تعذّر حفظ الصورة: { $reason }
sheet-missing = إحدى خدمات الورقة لم تعد في الدليل.
sheet-heading = خدمات لك
sheet-languages = اللغات المحكية
sheet-access = كيف تحصل على الخدمة
sheet-documents = ماذا تحضر معك

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = هناك خطأ
correction-what = ما الخطأ؟
correction-field-closed_for_good = أُغلق نهائيًا
correction-field-moved = انتقل إلى مكان آخر
correction-field-hours = المواعيد خاطئة
correction-field-phone = رقم الهاتف خاطئ
correction-field-email = البريد الإلكتروني خاطئ
correction-field-website = الموقع الإلكتروني خاطئ
correction-field-other = شيء آخر
correction-value = المعلومة الصحيحة
correction-note = ملاحظة (إن أردت)
correction-private = تبقى على هذا الجهاز فقط. لا يُرسل شيء حتى تختار أنت إرساله.
correction-save = احفظ التصحيح
correction-saved = حُفظ في «تصحيحاتي».
correction-failed = لم يُحفظ التصحيح: { $reason }
corrections-title = تصحيحاتي
correction-old = كانت البيانات تقول
correction-about = البيانات النسخة { $version } · { $date }
correction-send = أرسل بالبريد الإلكتروني
correction-file = احفظ كملف
correction-remove = احذف
correction-no-contact = لا يذكر هذا الدليل بريدًا للبلاغات: اكتب العنوان بنفسك، أو احفظ التصحيح كملف وسلّمه.
