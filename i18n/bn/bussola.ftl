# Bussola — Bengali (বাংলা). Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences; the user is addressed as "আপনি".

## The window

app-name = Bussola
app-tagline = বিদেশিদের জন্য সেবা, ইন্টারনেট ছাড়াও
nav-label = বিভাগ
nav-search = খুঁজুন
nav-favourites = প্রিয়
nav-about = তথ্য
language-label = ভাষা
back = পেছনে

## Search

search-label = একটি সেবা খুঁজুন
search-placeholder = পারমিট, ডাক্তার, ইতালীয় ভাষার কোর্স…
where-title = আপনি কোথায়?
where-text = নিচে আপনার কমুনে (comune) বা পোস্টাল কোড লিখুন: সবচেয়ে কাছের সেবাগুলো আগে আসবে। এটি শুধু এই ডিভাইসেই থাকে।
where-later = এখন নয়
place-label = কোথায়?
place-placeholder = শহর বা পোস্ট কোড
place-clear = জায়গাটি মুছে দিন
place-none-found = এই নামে কোনো শহর নেই
place-use-location = আমার অবস্থান ব্যবহার করুন
place-my-location = আমার অবস্থান
place-location-failed = অবস্থান পাওয়া যাচ্ছে না।
categories-label = আপনার কী দরকার?
filter-open-now = এখন খোলা
filter-language = অফিসে যে ভাষায় কথা বলা হয়
filter-language-any = যেকোনো ভাষা
filters-label = ফিল্টার
view-label = ফলাফল কীভাবে দেখবেন
view-list = তালিকা
view-map = মানচিত্র
results-count =
    { $count ->
        [0] কোনো সেবা পাওয়া যায়নি
        [one] { $count }টি সেবা
       *[other] { $count }টি সেবা
    }
results-more = আরও দেখুন
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = { $count }টির বেশি সেবা
results-empty-hint = কম শব্দ দিয়ে চেষ্টা করুন, অথবা একটি ফিল্টার সরিয়ে দিন।
search-read-as = “{ $meant }”-এর ফলাফল দেখানো হচ্ছে: আপনি লিখেছেন “{ $typed }”।
search-handled-by = এই কাজটি করে { $office }; নিচের সেবাগুলো আপনাকে সাহায্য করতে পারে।
search-left-out = কোনো সেবায় “{ $words }” নেই: বাকি শব্দগুলোর ফলাফল দেখানো হলো।
search-partial = কোনো সেবায় সব শব্দ নেই: যেগুলোতে সবচেয়ে বেশি শব্দ আছে, সেগুলো এখানে।
anywhere-in-italy = সারা ইতালি
approximate-mark = আনুমানিক অবস্থান
open-now = এখন খোলা
closed-now = এখন বন্ধ
hours-unknown = খোলার সময় জানা নেই
hours-uncertain = খোলার সময় নিশ্চিত নয়: আগে ফোন করুন
opens-today-at = { $time }-এ খুলবে
opens-on-at = { $day } { $time }-এ খুলবে
closes-at = { $time }-এ বন্ধ হবে
closes-on-at = { $day } { $time }-এ বন্ধ হবে
distance-away = { $distance } দূরে

## Days of the week, Monday first

weekday-0 = সোমবার
weekday-1 = মঙ্গলবার
weekday-2 = বুধবার
weekday-3 = বৃহস্পতিবার
weekday-4 = শুক্রবার
weekday-5 = শনিবার
weekday-6 = রবিবার

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = সোমবার
weekday-on-1 = মঙ্গলবার
weekday-on-2 = বুধবার
weekday-on-3 = বৃহস্পতিবার
weekday-on-4 = শুক্রবার
weekday-on-5 = শনিবার
weekday-on-6 = রবিবার

## Categories of services

cat-permits = রেসিডেন্স পারমিট
cat-access-point = তথ্য কেন্দ্র
cat-mediation = সাংস্কৃতিক মধ্যস্থতা
cat-legal = আইনি পরামর্শ
cat-language = ইতালীয় ভাষার কোর্স
cat-health = স্বাস্থ্য
cat-family = পরিবার
cat-work = কাজ
cat-housing = বাসস্থান
cat-food-shelter = খাবার ও আশ্রয়
cat-education = স্কুল ও পড়াশোনা
cat-community = সংগঠন
cat-helpline = হেল্পলাইন
cat-emergency = জরুরি অবস্থা
cat-town-hall = পৌরসভা
cat-other = অন্যান্য

## Languages spoken at an office

lang-it = ইতালীয়
lang-en = ইংরেজি
lang-fr = ফরাসি
lang-ar = আরবি
lang-uk = ইউক্রেনীয়
lang-ro = রোমানীয়
lang-sq = আলবেনীয়
lang-es = স্প্যানিশ
lang-zh = চীনা
lang-bn = বাংলা
lang-ur = উর্দু
lang-ru = রুশ
lang-pt = পর্তুগিজ
lang-de = জার্মান
lang-fa = ফারসি
lang-ps = পশতু
lang-ti = তিগরিনিয়া
lang-tr = তুর্কি
lang-pa = পাঞ্জাবি
lang-hi = হিন্দি
lang-wo = উওলোফ
lang-other = অন্য ভাষা ({ $code })

## The map

map-label = সেবার মানচিত্র
map-hint = সরাতে টেনে নিন। বড় করতে মাউসের চাকা বা + ও − ব্যবহার করুন।
map-zoom-in = বড় করুন
map-zoom-out = ছোট করুন
map-reset = শুরুর দৃশ্যে ফিরে যান
map-search-centre = যে জায়গায় খুঁজেছেন
map-as-list = { $count }টি সেবা তালিকা হিসেবে দেখুন
map-unlocated =
    { $count ->
        [one] ঠিকানা ছাড়া { $count }টি সেবা (ফোন লাইন) মানচিত্রে নেই।
       *[other] ঠিকানা ছাড়া { $count }টি সেবা (ফোন লাইন) মানচিত্রে নেই।
    }
map-open-detail = বিস্তারিত খুলুন

## A service

detail-loading = লোড হচ্ছে…
detail-not-found = এই সেবাটি আর ডেটায় নেই।
in-italian = ইতালীয় ভাষায়
favourite-add = প্রিয়তে রাখুন
favourite-remove = প্রিয় থেকে সরান
action-call = কল করুন
action-directions = পথ দেখুন
action-osm = OpenStreetMap-এ দেখুন
action-card = অফিসের জন্য কার্ড
action-report = ভুল জানান
action-share = শেয়ার করুন
share-copied = কপি হয়েছে: একটি বার্তায় পেস্ট করুন।
email-certified = সার্টিফায়েড ইমেইল (PEC): সাধারণ ইমেইল গ্রহণ নাও করতে পারে।
detail-alert = বিজ্ঞপ্তি
closed-until = { $date } পর্যন্ত সাময়িকভাবে বন্ধ
closed-for-now = সাময়িকভাবে বন্ধ
service-withdrawn = এই সেবাটি আর দেওয়া হয় না।
detail-where = কোথায়
detail-approximate = আনুমানিক অবস্থান: বিন্দুটি শহরের কেন্দ্র, অফিস নয়।
detail-precision-street = অবস্থান: রাস্তা।
detail-precision-building = অবস্থান: ভবন।
detail-hours = খোলার সময়
detail-today = আজ
detail-holiday = ছুটির দিন
detail-closed-day = বন্ধ
detail-hours-uncertain = নিশ্চিত করতে হবে
detail-hours-unreadable = অ্যাপটি এই সময়সূচি পড়তে পারছে না। মূল লেখা:
detail-hours-unknown = খোলার সময় জানা নেই: যাওয়ার আগে ফোন করুন।
detail-contacts = যোগাযোগ
phone-text-only = শুধু মেসেজ
detail-email = ইমেইল
detail-website = ওয়েবসাইট
detail-organization = পরিচালনায়
detail-languages = যে ভাষায় কথা বলা হয়
detail-access = কীভাবে সেবা পাবেন
detail-application = কী করতে হবে
detail-fees = খরচ
detail-eligibility = কারা যেতে পারেন
detail-accessibility = প্রতিবন্ধীদের জন্য সুবিধা
detail-verified = { $date } তারিখে যাচাই করা হয়েছে
detail-not-verified = কবে যাচাই করা হয়েছে তা জানা নেই।
detail-sources = উৎস
detail-data = ডেটা: { $feed }, সংস্করণ { $version }
report-hint = ইমেইলটি আপনার মেইল অ্যাপে খুলবে। আপনি পরেও পাঠাতে পারেন।
report-no-contact = এই ডেটায় বলা নেই কাকে লিখতে হবে: প্রাপক আপনি নিজে বেছে নিন।

## The referral card

card-title = অফিসের জন্য কার্ড
card-print = প্রিন্ট করুন
card-show = এই কার্ডটি অফিসে দেখান।
card-need = আমার এই সেবাটি দরকার।
card-address = ঠিকানা
card-phone = ফোন
card-hours = খোলার সময়
card-qr = ঠিকানা ও ফোন নম্বরসহ QR কোড

## Data on this device

status-feed =
    { $feed }: সংস্করণ { $version }, { $count ->
        [one] { $count }টি সেবা
       *[other] { $count }টি সেবা
    }
status-data-date = { $date } তারিখের ডেটা
status-expired = এই ডেটার মেয়াদ শেষ: কিছু তথ্য পুরোনো হতে পারে।
status-last-failed = শেষ আপডেটটি সফল হয়নি।
sync-checking = আপডেট খোঁজা হচ্ছে…
sync-downloading = ডাউনলোড হচ্ছে ({ $megabytes } MB)…
sync-applying =
    { $count ->
        [one] { $count }টি সেবা আপডেট হচ্ছে…
       *[other] { $count }টি সেবা আপডেট হচ্ছে…
    }
sync-failed = আপডেট সফল হয়নি: { $error }
sync-failed-unreachable = আপডেট সফল হয়নি: ডেটা সার্ভার সাড়া দিচ্ছে না। ইন্টারনেট সংযোগ পেলে আবার চেষ্টা করুন।
sync-failed-slow = আপডেট সফল হয়নি: ডেটা সার্ভার খুব ধীরে সাড়া দিয়েছে, তাই আপডেট থামিয়ে দেওয়া হয়েছে। পরে আবার চেষ্টা করুন।
sync-failed-signature = আপডেট গ্রহণ করা হয়নি: পাওয়া ডেটা তার স্বাক্ষরের সঙ্গে মেলে না, হয়তো কেউ এটি বদলে দিয়েছে। এই ডিভাইসের ডেটা বদলায়নি। আবার এমন হলে যাঁরা এই ডেটা প্রকাশ করেন তাঁদের জানান।
sync-failed-unknown-key = আপডেট গ্রহণ করা হয়নি: পাওয়া ডেটা এমন একটি কী দিয়ে স্বাক্ষর করা, যার ওপর এই ডিভাইস ভরসা করে না। এই ডিভাইসের ডেটা বদলায়নি। আবার এমন হলে যাঁরা এই ডেটা প্রকাশ করেন তাঁদের জানান।
sync-failed-older = আপডেট গ্রহণ করা হয়নি: সার্ভার এই ডিভাইসে থাকা ডেটার চেয়ে পুরোনো ডেটা দিয়েছে, অথবা আগে প্রকাশিত একটি সংস্করণ বদলে দিয়েছে। এই ডিভাইসের ডেটা বদলায়নি। আবার এমন হলে যাঁরা এই ডেটা প্রকাশ করেন তাঁদের জানান।
sync-failed-other-feed = আপডেট গ্রহণ করা হয়নি: এই ঠিকানা এখন সেবার অন্য একটি তালিকা দিচ্ছে। এই ডিভাইসের ডেটা বদলায়নি। আবার এমন হলে যাঁরা এই ডেটা প্রকাশ করেন তাঁদের জানান।
sync-failed-mismatch = আপডেট গ্রহণ করা হয়নি: ডাউনলোড করা একটি ফাইল স্বাক্ষর করা তালিকার সঙ্গে মেলে না, কারণ পথে সেটি বদলে গেছে বা নষ্ট হয়েছে। এই ডিভাইসের ডেটা বদলায়নি। পরে আবার চেষ্টা করুন, আর আবার এমন হলে যাঁরা এই ডেটা প্রকাশ করেন তাঁদের জানান।
sync-failed-too-large = আপডেট গ্রহণ করা হয়নি: পাওয়া একটি ফাইল অনুমোদিত আকারের চেয়ে বড়। এই ডিভাইসের ডেটা বদলায়নি।
sync-failed-malformed = আপডেট গ্রহণ করা হয়নি: পাওয়া ফাইলগুলো প্রত্যাশিত ফরম্যাটে নেই। এই ডিভাইসের ডেটা বদলায়নি।
sync-failed-records = আপডেট গ্রহণ করা হয়নি: পাওয়া ডেটায় কিছু সেবার তথ্যে ভুল আছে। এই ডিভাইসের ডেটা বদলায়নি।
sync-failed-storage = আপডেট সফল হয়নি: ডেটা এই ডিভাইসে সংরক্ষণ করা যায়নি।
share-title = সেবার তালিকা অন্যকে দিন
share-what = এই ডিভাইসের সেবার তালিকা প্রকাশকের স্বাক্ষরসহ একটি ফাইলে সংরক্ষণ করুন, যাতে ইন্টারনেট ছাড়াই অন্য ডিভাইস হালনাগাদ করা যায় (USB স্টিক, ব্লুটুথ)। যে ডিভাইস ফাইলটি খোলে সে স্বাক্ষর যাচাই করে: পরিবর্তিত ফাইল প্রত্যাখ্যাত হয়।
share-export = ফাইলে সংরক্ষণ করুন
share-import = ফাইল থেকে খুলুন
share-saved-to = { $path }-এ সংরক্ষিত
share-downloaded = { $file } নামে ডাউনলোড হয়েছে
share-handed-on = ফাইল শেয়ার করা হয়েছে।
share-failed = ফাইলটি সংরক্ষণ করা যায়নি: { $error }
share-loaded = ফাইল থেকে তথ্য হালনাগাদ হয়েছে: { $feed }, সংস্করণ { $version }।
share-up-to-date = এই ডিভাইসে এই তথ্য আগেই আছে।
share-older = ফাইলের তথ্য এই ডিভাইসের তথ্যের চেয়ে পুরোনো। ডিভাইসের তথ্য বদলায়নি।
share-bad-file = এটি সম্পূর্ণ Bussola তালিকার ফাইল নয়: হয়তো অসম্পূর্ণ বা ক্ষতিগ্রস্ত। ডিভাইসের তথ্য বদলায়নি।
sync-details = প্রযুক্তিগত বিবরণ
sync-update-now = এখনই আপডেট করুন
sync-in-progress = আপডেট হচ্ছে…

## About

about-title = তথ্য
about-what = Bussola বিদেশিদের জন্য সেবাগুলো এক জায়গায় দেখায়: রেসিডেন্স পারমিট, স্বাস্থ্য, কাজ, ইতালীয় ভাষার কোর্স, আইনি সাহায্য। এটি ইন্টারনেট ছাড়াও চলে।
about-privacy-title = গোপনীয়তা
about-privacy = আপনার খোঁজ আর আপনার অবস্থান এই ফোন বা কম্পিউটারেই থাকে। Bussola-তে কোনো বিজ্ঞাপন নেই, আর এটি কোনো পরিসংখ্যান সংগ্রহ করে না।
about-data-title = ডেটা
about-data = প্রতিটি কার্ডে লেখা থাকে তথ্য কোথা থেকে এসেছে আর কবে যাচাই করা হয়েছে। অনেক অবস্থান শুধু শহরের কেন্দ্র। যাওয়ার আগে, সম্ভব হলে, ফোন করুন।
about-attribution-title = মানচিত্র ও শহর
about-version = সংস্করণ { $version }
about-licence = মুক্ত সফটওয়্যার, EUPL-1.2 লাইসেন্সের অধীনে।

## Errors

error-generic = কিছু একটা সমস্যা হয়েছে: { $detail }

## Added after the first translation

favourites-empty = আপনার এখনো কোনো প্রিয় সেবা নেই। একটি সেবা খুলুন আর তারাটিতে চাপ দিন, তাহলে সেটি এখানে থাকবে।

## আপনার ডেটা: কীভাবে মুছবেন, আর ফাইল নষ্ট হলে কী হয়
clear-title = আপনার ডেটা
clear-explain = প্রিয় সেবা, নোট, সংশোধন আর সেটিংস (ভাষা, জায়গা, ফিল্টার) শুধু এই ডিভাইসেই থাকে। Bussola আপনার খোঁজের কোনো ইতিহাস রাখে না।
clear-button = আমার ডেটা মুছে দিন
clear-question = এই ডিভাইস থেকে প্রিয় সেবা, নোট আর সেটিংস মুছে দেবেন? সেবার তালিকা থেকে যাবে।
clear-confirm = হ্যাঁ, মুছে দিন
clear-cancel = বাতিল করুন
clear-done = আপনার ডেটা এই ডিভাইস থেকে মুছে দেওয়া হয়েছে।
notice-close = বন্ধ করুন
storage-memory-unsupported = এই ব্রাউজার Bussola-কে ডিভাইসে ডেটা রাখতে দেয় না: এটি শুধু এই ভিজিটের জন্য কাজ করবে, আর বন্ধ করলে প্রিয় তালিকা ও সেটিংস হারিয়ে যাবে।
storage-memory-in-use = Bussola আগেই অন্য একটি ট্যাব বা উইন্ডোতে খোলা আছে। এখানে এটি শুধু এই ভিজিটের জন্য কাজ করবে, আপনার প্রিয় তালিকা ছাড়া: এই ট্যাবটি বন্ধ করে অন্যটি ব্যবহার করুন।
app-update-ready = Bussola-এর নতুন সংস্করণ প্রস্তুত: পরের বার অ্যাপ চালু করলে এটি খুলবে।
app-update-start = এখনই হালনাগাদ করুন
recovered-title = এই ডিভাইসের ডেটা নষ্ট হয়ে গিয়েছিল।
recovered-body = Bussola নষ্ট ফাইলটি আলাদা করে রেখেছে, আর অ্যাপের সঙ্গে থাকা সেবার তালিকা দিয়ে আবার শুরু করেছে। পরের বার ইন্টারনেটে যুক্ত হলে তালিকাটি আপডেট হবে।
recovered-kept = আপনার প্রিয় সেবা আর সেটিংস ফিরিয়ে আনা গেছে।
recovered-lost = আপনার প্রিয় সেবা আর সেটিংস পড়া যায়নি।
recovered-where = নষ্ট ফাইলটি { $path }-এ রাখা আছে।
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = শুনুন
action-stop-listening = ভয়েস থামান
speech-no-voice = এই ডিভাইসে এই ভাষার জন্য কোনো ভয়েস নেই।
read-aloud = জোরে পড়ে শোনান
read-aloud-on = জোরে পড়া চালু আছে: কোনো বাটনে চাপ দিলে তার নাম শুনতে পাবেন।
speech-title = ভয়েস
speech-pace-label = ভয়েসের গতি
speech-pace-slow = ধীরে, যাঁরা শিখছেন তাঁদের জন্য
speech-pace-normal = স্বাভাবিক
speak-time = { $hour ->
        [0] রাত বারোটা
        [1] রাত একটা
        [2] রাত দুইটা
        [3] রাত তিনটা
        [4] ভোর চারটা
        [5] ভোর পাঁচটা
        [6] সকাল ছয়টা
        [7] সকাল সাতটা
        [8] সকাল আটটা
        [9] সকাল নয়টা
        [10] সকাল দশটা
        [11] সকাল এগারোটা
        [12] দুপুর বারোটা
        [13] দুপুর একটা
        [14] দুপুর দুইটা
        [15] বিকেল তিনটা
        [16] বিকেল চারটা
        [17] বিকেল পাঁচটা
        [18] সন্ধ্যা ছয়টা
        [19] সন্ধ্যা সাতটা
        [20] রাত আটটা
        [21] রাত নয়টা
        [22] রাত দশটা
        [23] রাত এগারোটা
       *[other] { $hour }টা
    }{ $minute ->
        [0] য়
       *[other] { " " }বেজে { $minute } মিনিটে
    }
speak-open-now = এখন খোলা আছে।
speak-closes-today = আজ { $time } বন্ধ হবে।
speak-closes-on = { $day } { $time } বন্ধ হবে।
speak-closed-now = এখন বন্ধ আছে।
speak-opens-today = আজ { $time } খুলবে।
speak-opens-on = { $day } { $time } খুলবে।
speak-hours-unknown = খোলার সময় জানা নেই: যাওয়ার আগে ফোন করুন।
speak-hours-uncertain = খোলার সময় নিশ্চিত নয়: যাওয়ার আগে ফোন করুন।
speak-closed-for-now = এখন বন্ধ আছে: যাওয়ার আগে ফোন করুন।
speak-withdrawn = এই সেবাটি আর দেওয়া হয় না।
speak-address = ঠিকানা:
speak-phone = ফোন নম্বর: { $digits }।
speak-access = কীভাবে সেবা পাবেন:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] এক বছরেরও বেশি আগে যাচাই করা হয়েছে: যাওয়ার আগে ফোন করুন।
   *[other] { $years } বছর আগে যাচাই করা হয়েছে: যাওয়ার আগে ফোন করুন।
}
data-never-checked = কবে যাচাই করা হয়েছে তা জানা নেই: যাওয়ার আগে ফোন করুন।
translated-from-italian = ইতালীয় ভাষা থেকে অনুবাদ করা
about-stale = { $stale ->
    [0] সব { $total }টি সেবা গত এক বছরের মধ্যে যাচাই করা হয়েছে।
    [one] { $total }টি সেবার মধ্যে { $stale }টি এক বছরেরও বেশি আগে যাচাই করা হয়েছে, অথবা কবে তা জানা নেই: যাওয়ার আগে ফোন করুন।
   *[other] { $total }টি সেবার মধ্যে { $stale }টি এক বছরেরও বেশি আগে যাচাই করা হয়েছে, অথবা কবে তা জানা নেই: যাওয়ার আগে ফোন করুন।
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = তালিকা
sheet-add = তালিকায় যোগ করুন
sheet-remove-from = তালিকা থেকে সরান
sheet-full = তালিকায় সর্বোচ্চ { $max }টি সেবা রাখা যায়।
sheet-title = সেবার তালিকা
sheet-empty = তালিকা খালি। একটি সেবা খুলে «তালিকায় যোগ করুন» বেছে নিন।
sheet-up = উপরে নিন
sheet-down = নিচে নিন
sheet-remove = সরান
sheet-clear = তালিকা খালি করুন
sheet-print = প্রিন্ট করুন
sheet-save = ছবি হিসেবে সংরক্ষণ করুন
sheet-saved = ছবি { $path } এ সংরক্ষিত হয়েছে
sheet-downloaded = ছবি ডাউনলোড হয়েছে।
sheet-shared = ছবি পাঠানো হয়েছে।
sheet-save-failed = ছবি সংরক্ষণ করা যায়নি: { $reason }
sheet-missing = তালিকার একটি সেবা আর নির্দেশিকায় নেই।
sheet-heading = আপনার জন্য সেবা
sheet-languages = যে ভাষায় কথা বলা হয়
sheet-access = কীভাবে সেবা পাবেন
sheet-documents = কী সঙ্গে আনবেন

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = কিছু ভুল আছে
correction-what = কী ভুল?
correction-field-closed_for_good = এটি চিরতরে বন্ধ হয়ে গেছে
correction-field-moved = এটি অন্য জায়গায় চলে গেছে
correction-field-hours = সময়সূচি ভুল
correction-field-phone = ফোন নম্বর ভুল
correction-field-email = ই-মেইল ভুল
correction-field-website = ওয়েবসাইট ভুল
correction-field-other = অন্য কিছু
correction-value = সঠিক তথ্য
correction-note = একটি নোট (চাইলে)
correction-private = এটি শুধু এই ডিভাইসেই থাকে। আপনি না চাওয়া পর্যন্ত কিছুই পাঠানো হয় না।
correction-save = সংশোধন সংরক্ষণ করুন
correction-saved = «আমার সংশোধন»-এ সংরক্ষিত হয়েছে।
correction-failed = সংশোধন সংরক্ষিত হয়নি: { $reason }
corrections-title = আমার সংশোধন
correction-old = তথ্যে লেখা ছিল
correction-about = তথ্যের সংস্করণ { $version } · { $date }
correction-send = ই-মেইলে পাঠান
correction-file = ফাইল হিসেবে সংরক্ষণ করুন
correction-remove = মুছে ফেলুন
correction-no-contact = এই নির্দেশিকায় রিপোর্টের জন্য কোনো ই-মেইল নেই: ঠিকানাটি নিজে লিখুন, অথবা সংশোধনটি ফাইল হিসেবে সংরক্ষণ করে হস্তান্তর করুন।
