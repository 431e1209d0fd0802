# Bussola — Urdu (اردو). Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences; the user is addressed as "آپ". Shown right to left; no bidi control characters here.

## The window

app-name = Bussola
app-tagline = غیر ملکیوں کے لیے سروسز، انٹرنیٹ کے بغیر بھی
nav-label = حصے
nav-search = تلاش
nav-favourites = پسندیدہ
nav-about = معلومات
language-label = زبان
back = واپس

## Search

search-label = کوئی سروس تلاش کریں
search-placeholder = پرمٹ، ڈاکٹر، اطالوی زبان کا کورس…
where-title = آپ کہاں ہیں؟
where-text = نیچے اپنا کومونے (comune) یا پوسٹل کوڈ لکھیں: قریب ترین سروسز پہلے آئیں گی۔ یہ صرف اسی ڈیوائس پر رہتا ہے۔
where-later = ابھی نہیں
place-label = کہاں؟
place-placeholder = شہر یا پوسٹ کوڈ
place-clear = جگہ ہٹائیں
place-none-found = اس نام کا کوئی شہر نہیں ملا
place-use-location = میرا مقام استعمال کریں
place-my-location = میرا مقام
place-location-failed = مقام دستیاب نہیں ہے۔
categories-label = آپ کو کیا چاہیے؟
filter-open-now = ابھی کھلا ہے
filter-language = دفتر میں بولی جانے والی زبان
filter-language-any = کوئی بھی زبان
filters-label = فلٹر
view-label = نتائج کیسے دیکھیں
view-list = فہرست
view-map = نقشہ
results-count =
    { $count ->
        [0] کوئی سروس نہیں ملی
        [one] 1 سروس
       *[other] { $count } سروسز
    }
results-more = مزید دکھائیں
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = { $count } سے زیادہ سروسز
results-empty-hint = کم الفاظ لکھ کر دیکھیں، یا کوئی فلٹر ہٹا دیں۔
search-read-as = “{ $meant }” کے نتائج: آپ نے “{ $typed }” لکھا۔
search-handled-by = یہ کام { $office } کے ذمے ہے؛ نیچے دی گئی خدمات آپ کی مدد کر سکتی ہیں۔
search-left-out = کسی خدمت میں “{ $words }” نہیں ملا: باقی الفاظ کے نتائج یہ ہیں۔
search-partial = کسی سروس میں تمام الفاظ نہیں ہیں: یہ وہ ہیں جن میں ان میں سے زیادہ تر ہیں۔
anywhere-in-italy = پورا اٹلی
approximate-mark = تقریبی مقام
open-now = ابھی کھلا ہے
closed-now = ابھی بند ہے
hours-unknown = اوقات معلوم نہیں
hours-uncertain = اوقات یقینی نہیں: پہلے فون کریں
opens-today-at = { $time } بجے کھلے گا
opens-on-at = { $day } کو { $time } بجے کھلے گا
closes-at = { $time } بجے بند ہوگا
closes-on-at = { $day } کو { $time } بجے بند ہوگا
distance-away = { $distance } دور

## Days of the week, Monday first

weekday-0 = پیر
weekday-1 = منگل
weekday-2 = بدھ
weekday-3 = جمعرات
weekday-4 = جمعہ
weekday-5 = ہفتہ
weekday-6 = اتوار

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = پیر
weekday-on-1 = منگل
weekday-on-2 = بدھ
weekday-on-3 = جمعرات
weekday-on-4 = جمعہ
weekday-on-5 = ہفتہ
weekday-on-6 = اتوار

## Categories of services

cat-permits = رہائشی پرمٹ
cat-access-point = معلوماتی دفتر
cat-mediation = ثقافتی ثالثی
cat-legal = قانونی مشورہ
cat-language = اطالوی زبان کے کورس
cat-health = صحت
cat-family = خاندان
cat-work = روزگار
cat-housing = رہائش
cat-food-shelter = کھانا اور پناہ
cat-education = اسکول اور تعلیم
cat-community = تنظیمیں
cat-helpline = ہیلپ لائن نمبر
cat-emergency = ایمرجنسی
cat-town-hall = بلدیہ
cat-other = دیگر

## Languages spoken at an office

lang-it = اطالوی
lang-en = انگریزی
lang-fr = فرانسیسی
lang-ar = عربی
lang-uk = یوکرینی
lang-ro = رومانیائی
lang-sq = البانوی
lang-es = ہسپانوی
lang-zh = چینی
lang-bn = بنگالی
lang-ur = اردو
lang-ru = روسی
lang-pt = پرتگالی
lang-de = جرمن
lang-fa = فارسی
lang-ps = پشتو
lang-ti = تگرینیا
lang-tr = ترکی
lang-pa = پنجابی
lang-hi = ہندی
lang-wo = وولوف
lang-other = کوئی اور زبان ({ $code })

## The map

map-label = سروسز کا نقشہ
map-hint = نقشہ ہلانے کے لیے کھینچیں۔ بڑا کرنے کے لیے ماؤس کا پہیہ یا + اور − استعمال کریں۔
map-zoom-in = بڑا کریں
map-zoom-out = چھوٹا کریں
map-reset = شروع والے منظر پر واپس جائیں
map-search-centre = تلاش کی جگہ
map-as-list = { $count } سروسز فہرست کی صورت میں دیکھیں
map-unlocated =
    { $count ->
        [one] بغیر پتے کی 1 سروس (ایک فون لائن) نقشے پر نہیں ہے۔
       *[other] بغیر پتے کی { $count } سروسز (فون لائنیں) نقشے پر نہیں ہیں۔
    }
map-open-detail = تفصیل کھولیں

## A service

detail-loading = لوڈ ہو رہا ہے…
detail-not-found = یہ سروس اب ڈیٹا میں نہیں ہے۔
in-italian = اطالوی میں
favourite-add = پسندیدہ میں محفوظ کریں
favourite-remove = پسندیدہ سے ہٹائیں
action-call = کال کریں
action-directions = راستہ
action-osm = OpenStreetMap پر دیکھیں
action-card = دفتر کے لیے کارڈ
action-report = غلطی کی اطلاع دیں
action-share = شیئر کریں
share-copied = کاپی ہو گیا: اسے کسی پیغام میں پیسٹ کریں۔
email-certified = تصدیق شدہ ای میل (PEC): ہو سکتا ہے یہ عام ای میل قبول نہ کرے۔
detail-alert = اطلاع
closed-until = { $date } تک عارضی طور پر بند
closed-for-now = عارضی طور پر بند
service-withdrawn = یہ سروس اب دستیاب نہیں۔
detail-where = کہاں
detail-approximate = تقریبی مقام: یہ نشان شہر کا مرکز ہے، دفتر نہیں۔
detail-precision-street = مقام: سڑک۔
detail-precision-building = مقام: عمارت۔
detail-hours = اوقات
detail-today = آج
detail-holiday = چھٹی کا دن
detail-closed-day = بند
detail-hours-uncertain = تصدیق باقی ہے
detail-hours-unreadable = ایپ یہ اوقات نہیں پڑھ سکتی۔ اصل تحریر:
detail-hours-unknown = اوقات معلوم نہیں: جانے سے پہلے فون کریں۔
detail-contacts = رابطہ
phone-text-only = صرف میسج
detail-email = ای میل
detail-website = ویب سائٹ
detail-organization = چلانے والا ادارہ
detail-languages = بولی جانے والی زبانیں
detail-access = سروس کیسے حاصل کریں
detail-application = کیا کرنا ہے
detail-fees = خرچ
detail-eligibility = کون جا سکتا ہے
detail-accessibility = معذور افراد کے لیے سہولت
detail-verified = { $date } کو چیک کیا گیا
detail-not-verified = معلوم نہیں کہ یہ کب چیک کیا گیا۔
detail-sources = ذرائع
detail-data = ڈیٹا: { $feed }، ورژن { $version }
report-hint = ای میل آپ کی میل ایپ میں کھلے گی۔ آپ اسے بعد میں بھی بھیج سکتے ہیں۔
report-no-contact = اس ڈیٹا میں یہ نہیں لکھا کہ کس کو لکھنا ہے: وصول کنندہ آپ خود چنیں۔

## The referral card

card-title = دفتر کے لیے کارڈ
card-print = پرنٹ کریں
card-show = یہ کارڈ دفتر میں دکھائیں۔
card-need = مجھے یہ سروس چاہیے۔
card-address = پتہ
card-phone = فون
card-hours = اوقات
card-qr = پتے اور فون نمبر والا QR کوڈ

## Data on this device

status-feed =
    { $feed }: ورژن { $version }، { $count ->
        [one] 1 سروس
       *[other] { $count } سروسز
    }
status-data-date = { $date } کا ڈیٹا
status-expired = اس ڈیٹا کی مدت ختم ہو گئی ہے: کچھ معلومات پرانی ہو سکتی ہیں۔
status-last-failed = پچھلی اپ ڈیٹ کامیاب نہیں ہوئی۔
sync-checking = اپ ڈیٹس چیک ہو رہی ہیں…
sync-downloading = ڈاؤن لوڈ ہو رہا ہے ({ $megabytes } MB)…
sync-applying =
    { $count ->
        [one] 1 سروس اپ ڈیٹ ہو رہی ہے…
       *[other] { $count } سروسز اپ ڈیٹ ہو رہی ہیں…
    }
sync-failed = اپ ڈیٹ ناکام ہو گئی: { $error }
sync-failed-unreachable = اپ ڈیٹ ناکام ہو گئی: ڈیٹا کا سرور جواب نہیں دے رہا۔ انٹرنیٹ سے جڑنے کے بعد دوبارہ کوشش کریں۔
sync-failed-slow = اپ ڈیٹ ناکام ہو گئی: ڈیٹا کے سرور نے بہت دیر سے جواب دیا، اس لیے اپ ڈیٹ روک دی گئی۔ بعد میں دوبارہ کوشش کریں۔
sync-failed-signature = اپ ڈیٹ قبول نہیں کی گئی: ملنے والا ڈیٹا اپنے دستخط سے میل نہیں کھاتا، شاید اس میں تبدیلی کی گئی ہے۔ اس ڈیوائس پر موجود ڈیٹا نہیں بدلا۔ اگر ایسا دوبارہ ہو تو ان لوگوں کو بتائیں جو یہ ڈیٹا شائع کرتے ہیں۔
sync-failed-unknown-key = اپ ڈیٹ قبول نہیں کی گئی: ملنے والے ڈیٹا پر ایسی کلید سے دستخط کیے گئے ہیں جس پر یہ ڈیوائس بھروسہ نہیں کرتی۔ اس ڈیوائس پر موجود ڈیٹا نہیں بدلا۔ اگر ایسا دوبارہ ہو تو ان لوگوں کو بتائیں جو یہ ڈیٹا شائع کرتے ہیں۔
sync-failed-older = اپ ڈیٹ قبول نہیں کی گئی: سرور نے اس ڈیوائس پر موجود ڈیٹا سے پرانا ڈیٹا دیا، یا پہلے سے شائع شدہ ورژن کو بدل دیا۔ اس ڈیوائس پر موجود ڈیٹا نہیں بدلا۔ اگر ایسا دوبارہ ہو تو ان لوگوں کو بتائیں جو یہ ڈیٹا شائع کرتے ہیں۔
sync-failed-other-feed = اپ ڈیٹ قبول نہیں کی گئی: یہ پتہ اب سروسز کی کوئی اور فہرست دے رہا ہے۔ اس ڈیوائس پر موجود ڈیٹا نہیں بدلا۔ اگر ایسا دوبارہ ہو تو ان لوگوں کو بتائیں جو یہ ڈیٹا شائع کرتے ہیں۔
sync-failed-mismatch = اپ ڈیٹ قبول نہیں کی گئی: ڈاؤن لوڈ کی گئی ایک فائل دستخط شدہ فہرست سے میل نہیں کھاتی، کیونکہ راستے میں اس میں تبدیلی کی گئی یا وہ خراب ہو گئی۔ اس ڈیوائس پر موجود ڈیٹا نہیں بدلا۔ بعد میں دوبارہ کوشش کریں، اور اگر ایسا پھر ہو تو ان لوگوں کو بتائیں جو یہ ڈیٹا شائع کرتے ہیں۔
sync-failed-too-large = اپ ڈیٹ قبول نہیں کی گئی: ملنے والی ایک فائل اجازت سے زیادہ بڑی ہے۔ اس ڈیوائس پر موجود ڈیٹا نہیں بدلا۔
sync-failed-malformed = اپ ڈیٹ قبول نہیں کی گئی: ملنے والی فائلیں متوقع فارمیٹ میں نہیں ہیں۔ اس ڈیوائس پر موجود ڈیٹا نہیں بدلا۔
sync-failed-records = اپ ڈیٹ قبول نہیں کی گئی: ملنے والے ڈیٹا میں کچھ سروسز کی معلومات میں غلطیاں ہیں۔ اس ڈیوائس پر موجود ڈیٹا نہیں بدلا۔
sync-failed-storage = اپ ڈیٹ ناکام ہو گئی: ڈیٹا اس ڈیوائس پر محفوظ نہیں ہو سکا۔
share-title = سروسز کی فہرست آگے دیں
share-what = اس ڈیوائس کی سروسز کی فہرست، شائع کرنے والے کے دستخط کے ساتھ، ایک فائل میں محفوظ کریں تاکہ انٹرنیٹ کے بغیر کسی دوسری ڈیوائس کو اپ ڈیٹ کیا جا سکے (USB، بلوٹوتھ)۔ جو ڈیوائس اسے کھولتی ہے وہ دستخط جانچتی ہے: بدلی ہوئی فائل رد کر دی جاتی ہے۔
share-export = فائل میں محفوظ کریں
share-import = فائل سے کھولیں
share-saved-to = { $path } میں محفوظ ہوا
share-downloaded = { $file } کے نام سے ڈاؤن لوڈ ہوا
share-handed-on = فائل شیئر ہو گئی۔
share-failed = فائل محفوظ نہیں ہو سکی: { $error }
share-loaded = فائل سے معلومات اپ ڈیٹ ہو گئیں: { $feed }، ورژن { $version }۔
share-up-to-date = اس ڈیوائس پر یہ معلومات پہلے سے موجود ہیں۔
share-older = فائل میں ڈیوائس سے پرانی معلومات ہیں۔ ڈیوائس کی معلومات نہیں بدلیں۔
share-bad-file = یہ Bussola کی مکمل فہرست کی فائل نہیں: شاید نامکمل یا خراب ہے۔ ڈیوائس کی معلومات نہیں بدلیں۔
sync-details = تکنیکی تفصیلات
sync-update-now = ابھی اپ ڈیٹ کریں
sync-in-progress = اپ ڈیٹ ہو رہی ہے…

## About

about-title = معلومات
about-what = Bussola غیر ملکیوں کے لیے سروسز ایک جگہ جمع کرتی ہے: رہائشی پرمٹ، صحت، روزگار، اطالوی زبان کے کورس، قانونی مدد۔ یہ انٹرنیٹ کے بغیر بھی چلتی ہے۔
about-privacy-title = رازداری
about-privacy = آپ کی تلاش اور آپ کا مقام اسی فون یا کمپیوٹر پر رہتے ہیں۔ Bussola میں کوئی اشتہار نہیں، اور یہ کوئی اعداد و شمار جمع نہیں کرتی۔
about-data-title = ڈیٹا
about-data = ہر کارڈ بتاتا ہے کہ معلومات کہاں سے آئی ہیں اور کب چیک کی گئیں۔ بہت سے مقامات صرف شہر کا مرکز ہیں۔ جانے سے پہلے، اگر ہو سکے تو فون کریں۔
about-attribution-title = نقشے اور شہر
about-version = ورژن { $version }
about-licence = آزاد سافٹ ویئر، EUPL-1.2 لائسنس کے تحت۔

## Errors

error-generic = کچھ غلط ہو گیا: { $detail }

## Added after the first translation

favourites-empty = ابھی آپ کی کوئی پسندیدہ سروس نہیں ہے۔ کوئی سروس کھولیں اور ستارے کو دبائیں تاکہ وہ یہاں محفوظ ہو جائے۔

## آپ کا ڈیٹا: اسے کیسے مٹائیں، اور فائل خراب ہو تو کیا ہوتا ہے
clear-title = آپ کا ڈیٹا
clear-explain = پسندیدہ سروسز، نوٹس، تصحیحات اور سیٹنگز (زبان، جگہ، فلٹر) صرف اسی ڈیوائس پر رہتے ہیں۔ Bussola آپ کی تلاش کا ریکارڈ نہیں رکھتی۔
clear-button = میرا ڈیٹا مٹا دیں
clear-question = کیا آپ اس ڈیوائس سے پسندیدہ سروسز، نوٹس اور سیٹنگز مٹانا چاہتے ہیں؟ سروسز کی فہرست رہے گی۔
clear-confirm = ہاں، مٹا دیں
clear-cancel = منسوخ کریں
clear-done = آپ کا ڈیٹا اس ڈیوائس سے مٹا دیا گیا ہے۔
notice-close = بند کریں
storage-memory-unsupported = یہ براؤزر Bussola کو ڈیٹا اس ڈیوائس پر رکھنے نہیں دیتا: یہ صرف اس بار کام کرے گی، اور بند کرنے پر پسندیدہ اور سیٹنگز ختم ہو جائیں گی۔
storage-memory-in-use = Bussola پہلے ہی کسی اور ٹیب یا ونڈو میں کھلی ہے۔ یہاں یہ صرف اس بار کام کرے گی، آپ کی پسندیدہ کے بغیر: یہ ٹیب بند کریں اور دوسری استعمال کریں۔
app-update-ready = Bussola کا نیا ورژن تیار ہے: اگلی بار ایپ کھولنے پر یہ کھلے گا۔
app-update-start = ابھی اپ ڈیٹ کریں
recovered-title = اس ڈیوائس پر موجود ڈیٹا خراب ہو گیا تھا۔
recovered-body = Bussola نے خراب فائل الگ رکھ دی، اور ایپ کے ساتھ آنے والی سروسز کی فہرست سے دوبارہ شروع کیا۔ اگلی بار انٹرنیٹ سے جڑنے پر یہ فہرست اپ ڈیٹ ہو جائے گی۔
recovered-kept = آپ کی پسندیدہ سروسز اور سیٹنگز واپس مل گئی ہیں۔
recovered-lost = آپ کی پسندیدہ سروسز اور سیٹنگز پڑھی نہیں جا سکیں۔
recovered-where = خراب فائل یہاں محفوظ ہے: { $path }
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = سنیں
action-stop-listening = آواز روکیں
speech-no-voice = اس ڈیوائس پر اس زبان کے لیے کوئی آواز نہیں ہے۔
read-aloud = بلند آواز سے پڑھیں
read-aloud-on = بلند آواز سے پڑھنا آن ہے: کسی بٹن کو دبائیں تو اس کا نام سنائی دے گا۔
speech-title = آواز
speech-pace-label = آواز کی رفتار
speech-pace-slow = آہستہ، سیکھنے والوں کے لیے
speech-pace-normal = عام
speak-time = { $hour ->
        [0] رات 12
        [1] رات 1
        [2] رات 2
        [3] رات 3
        [4] صبح 4
        [5] صبح 5
        [6] صبح 6
        [7] صبح 7
        [8] صبح 8
        [9] صبح 9
        [10] صبح 10
        [11] صبح 11
        [12] دوپہر 12
        [13] دوپہر 1
        [14] دوپہر 2
        [15] سہ پہر 3
        [16] سہ پہر 4
        [17] شام 5
        [18] شام 6
        [19] شام 7
        [20] رات 8
        [21] رات 9
        [22] رات 10
        [23] رات 11
       *[other] { $hour }
    } { $minute ->
        [0] بجے
       *[other] بج کر { $minute } منٹ پر
    }
speak-open-now = ابھی کھلا ہے۔
speak-closes-today = آج { $time } بند ہوگا۔
speak-closes-on = { $day } کو { $time } بند ہوگا۔
speak-closed-now = ابھی بند ہے۔
speak-opens-today = آج { $time } کھلے گا۔
speak-opens-on = { $day } کو { $time } کھلے گا۔
speak-hours-unknown = اوقات معلوم نہیں: جانے سے پہلے فون کریں۔
speak-hours-uncertain = اوقات یقینی نہیں: جانے سے پہلے فون کریں۔
speak-closed-for-now = ابھی بند ہے: جانے سے پہلے فون کریں۔
speak-withdrawn = یہ سروس اب دستیاب نہیں۔
speak-address = پتہ:
speak-phone = فون نمبر: { $digits }۔
speak-access = سروس کیسے حاصل کریں:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] ایک سال سے زیادہ عرصہ پہلے چیک کیا گیا: جانے سے پہلے فون کریں۔
   *[other] { $years } سال پہلے چیک کیا گیا: جانے سے پہلے فون کریں۔
}
data-never-checked = معلوم نہیں کہ یہ کب چیک کیا گیا: جانے سے پہلے فون کریں۔
translated-from-italian = اطالوی سے ترجمہ
about-stale = { $stale ->
    [0] تمام { $total } سروسز پچھلے ایک سال میں چیک کی گئیں۔
    [one] { $total } میں سے 1 سروس ایک سال سے زیادہ عرصہ پہلے چیک کی گئی، یا معلوم نہیں کب: جانے سے پہلے فون کریں۔
   *[other] { $total } میں سے { $stale } سروسز ایک سال سے زیادہ عرصہ پہلے چیک کی گئیں، یا معلوم نہیں کب: جانے سے پہلے فون کریں۔
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = شیٹ
sheet-add = شیٹ میں شامل کریں
sheet-remove-from = شیٹ سے ہٹائیں
sheet-full = شیٹ میں زیادہ سے زیادہ { $max } خدمات آ سکتی ہیں۔
sheet-title = خدمات کی شیٹ
sheet-empty = شیٹ خالی ہے۔ کوئی خدمت کھولیں اور «شیٹ میں شامل کریں» چنیں۔
sheet-up = اوپر کریں
sheet-down = نیچے کریں
sheet-remove = ہٹائیں
sheet-clear = شیٹ خالی کریں
sheet-print = پرنٹ کریں
sheet-save = تصویر کے طور پر محفوظ کریں
sheet-saved = تصویر { $path } میں محفوظ ہو گئی
sheet-downloaded = تصویر ڈاؤن لوڈ ہو گئی۔
sheet-shared = تصویر بھیج دی گئی۔
sheet-save-failed = تصویر محفوظ نہیں ہو سکی: { $reason }
sheet-missing = شیٹ کی ایک خدمت اب ڈائریکٹری میں نہیں ہے۔
sheet-heading = آپ کے لیے خدمات
sheet-languages = بولی جانے والی زبانیں
sheet-access = رسائی کیسے حاصل کریں
sheet-documents = ساتھ کیا لائیں

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = کچھ غلط ہے
correction-what = کیا غلط ہے؟
correction-field-closed_for_good = یہ ہمیشہ کے لیے بند ہو گیا ہے
correction-field-moved = یہ کہیں اور منتقل ہو گیا ہے
correction-field-hours = اوقات غلط ہیں
correction-field-phone = فون نمبر غلط ہے
correction-field-email = ای میل غلط ہے
correction-field-website = ویب سائٹ غلط ہے
correction-field-other = کچھ اور
correction-value = درست معلومات
correction-note = نوٹ (اگر چاہیں)
correction-private = یہ صرف اسی آلے پر رہتی ہے۔ جب تک آپ نہ چاہیں کچھ نہیں بھیجا جاتا۔
correction-save = تصحیح محفوظ کریں
correction-saved = «میری تصحیحات» میں محفوظ ہو گئی۔
correction-failed = تصحیح محفوظ نہیں ہوئی: { $reason }
corrections-title = میری تصحیحات
correction-old = ڈیٹا میں لکھا تھا
correction-about = ڈیٹا ورژن { $version } · { $date }
correction-send = ای میل سے بھیجیں
correction-file = فائل کے طور پر محفوظ کریں
correction-remove = حذف کریں
correction-no-contact = یہ ڈائریکٹری رپورٹس کے لیے ای میل نہیں بتاتی: پتا خود لکھیں، یا تصحیح کو فائل کے طور پر محفوظ کر کے دے دیں۔
