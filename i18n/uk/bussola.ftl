# Bussola — Ukrainian (українська). Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences; the user is addressed as "ви".
# weekday-* name the days on their own; weekday-on-* are the accusative forms used after "у" in opens-on-at / closes-on-at (у вівторок = on Tuesday).

## The window

app-name = Bussola
app-tagline = Послуги для іноземців, навіть без інтернету
nav-label = Розділи
nav-search = Пошук
nav-favourites = Обране
nav-about = Інформація
language-label = Мова
back = Назад

## Search

search-label = Знайти послугу
search-placeholder = дозвіл на проживання, лікар, курси італійської…
where-title = Де ви?
where-text = Напишіть нижче свою громаду (comune) або поштовий індекс: найближчі послуги будуть першими. Це залишається лише на цьому пристрої.
where-later = Не зараз
place-label = Де?
place-placeholder = Місто або поштовий індекс
place-clear = Прибрати місце
place-none-found = Немає населеного пункту з такою назвою
place-use-location = Використати моє місцезнаходження
place-my-location = Моє місцезнаходження
place-location-failed = Місцезнаходження недоступне.
categories-label = Що вам потрібно?
filter-open-now = Відчинено зараз
filter-language = Мова, якою говорять у закладі
filter-language-any = Будь-яка мова
filters-label = Фільтри
view-label = Як показати результати
view-list = Список
view-map = Мапа
results-count =
    { $count ->
        [0] Послуг не знайдено
        [one] { $count } послуга
        [few] { $count } послуги
        [many] { $count } послуг
       *[other] { $count } послуги
    }
results-more = Показати ще
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = Понад { $count } послуг
results-empty-hint = Спробуйте менше слів або приберіть фільтр.
search-read-as = Результати для «{ $meant }»: ви написали «{ $typed }».
search-handled-by = Цим займається { $office }; послуги нижче можуть вам допомогти.
search-left-out = Жодна послуга не згадує «{ $words }»: ось результати для інших слів.
search-partial = Жодна послуга не містить усіх слів: ось ті, що містять більшість із них.
anywhere-in-italy = Уся Італія
approximate-mark = приблизне місце
open-now = Відчинено зараз
closed-now = Зачинено зараз
hours-unknown = Години роботи невідомі
hours-uncertain = Години роботи неточні: спершу зателефонуйте
opens-today-at = відчиняється о { $time }
opens-on-at = відчиняється у { $day } о { $time }
closes-at = зачиняється о { $time }
closes-on-at = зачиняється у { $day } о { $time }
distance-away = за { $distance }

## Days of the week, Monday first

weekday-0 = понеділок
weekday-1 = вівторок
weekday-2 = середа
weekday-3 = четвер
weekday-4 = пʼятниця
weekday-5 = субота
weekday-6 = неділя

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = понеділок
weekday-on-1 = вівторок
weekday-on-2 = середу
weekday-on-3 = четвер
weekday-on-4 = пʼятницю
weekday-on-5 = суботу
weekday-on-6 = неділю

## Categories of services

cat-permits = Дозвіл на проживання
cat-access-point = Інформаційний пункт
cat-mediation = Культурна медіація
cat-legal = Юридична консультація
cat-language = Курси італійської
cat-health = Здоровʼя
cat-family = Сімʼя
cat-work = Робота
cat-housing = Житло
cat-food-shelter = Їжа та прихисток
cat-education = Школа та навчання
cat-community = Громадські організації
cat-helpline = Гарячі лінії
cat-emergency = Екстрена допомога
cat-town-hall = Муніципалітет
cat-other = Інше

## Languages spoken at an office

lang-it = італійська
lang-en = англійська
lang-fr = французька
lang-ar = арабська
lang-uk = українська
lang-ro = румунська
lang-sq = албанська
lang-es = іспанська
lang-zh = китайська
lang-bn = бенгальська
lang-ur = урду
lang-ru = російська
lang-pt = португальська
lang-de = німецька
lang-fa = перська
lang-ps = пушту
lang-ti = тигринья
lang-tr = турецька
lang-pa = панджабі
lang-hi = гінді
lang-wo = волоф
lang-other = інша мова ({ $code })

## The map

map-label = Мапа послуг
map-hint = Перетягуйте, щоб рухати мапу. Коліщатко або + і −, щоб збільшити.
map-zoom-in = Збільшити
map-zoom-out = Зменшити
map-reset = Повернутися до початкового вигляду
map-search-centre = Місце пошуку
map-as-list = Переглянути послуги ({ $count }) списком
map-unlocated =
    { $count ->
        [one] { $count } послуга без адреси (телефонна лінія) не показана на мапі.
        [few] { $count } послуги без адреси (телефонні лінії) не показані на мапі.
        [many] { $count } послуг без адреси (телефонні лінії) не показані на мапі.
       *[other] { $count } послуги без адреси (телефонні лінії) не показані на мапі.
    }
map-open-detail = Відкрити картку

## A service

detail-loading = Завантаження…
detail-not-found = Цієї послуги вже немає в даних.
in-italian = італійською
favourite-add = Зберегти в обране
favourite-remove = Прибрати з обраного
action-call = Зателефонувати
action-directions = Маршрут
action-osm = Переглянути на OpenStreetMap
action-card = Картка для офісу
action-report = Повідомити про помилку
action-share = Поділитися
share-copied = Скопійовано: вставте це в повідомлення.
email-certified = Сертифікована ел. пошта (PEC): може не приймати звичайні електронні листи.
detail-alert = Увага
closed-until = Тимчасово зачинено до { $date }
closed-for-now = Тимчасово зачинено
service-withdrawn = Ця послуга більше не надається.
detail-where = Де
detail-approximate = Приблизне місце: точка — це центр населеного пункту, а не офіс.
detail-precision-street = Місце: вулиця.
detail-precision-building = Місце: будівля.
detail-hours = Години роботи
detail-today = сьогодні
detail-holiday = святковий день
detail-closed-day = зачинено
detail-hours-uncertain = треба уточнити
detail-hours-unreadable = Застосунок не може прочитати ці години роботи. Оригінальний текст:
detail-hours-unknown = Години роботи невідомі: зателефонуйте, перш ніж іти.
detail-contacts = Контакти
phone-text-only = лише повідомлення
detail-email = Ел. пошта
detail-website = Вебсайт
detail-organization = Організація
detail-languages = Мови спілкування
detail-access = Як отримати послугу
detail-application = Що робити
detail-fees = Вартість
detail-eligibility = Хто може звернутися
detail-accessibility = Доступність
detail-verified = Перевірено { $date }
detail-not-verified = Невідомо, коли це перевіряли.
detail-sources = Джерела
detail-data = Дані { $feed }, версія { $version }
report-hint = Лист відкриється у вашій поштовій програмі. Ви можете надіслати його й пізніше.
report-no-contact = У цих даних не сказано, кому писати: виберіть отримувача самі.

## The referral card

card-title = Картка для офісу
card-print = Друкувати
card-show = Покажіть цю картку в офісі.
card-need = Мені потрібна ця послуга.
card-address = Адреса
card-phone = Телефон
card-hours = Години роботи
card-qr = QR-код з адресою і телефоном

## Data on this device

status-feed =
    { $feed }: версія { $version }, { $count ->
        [one] { $count } послуга
        [few] { $count } послуги
        [many] { $count } послуг
       *[other] { $count } послуги
    }
status-data-date = дані від { $date }
status-expired = Ці дані застаріли: деяка інформація може бути неактуальною.
status-last-failed = Останнє оновлення не вдалося.
sync-checking = Перевірка оновлень…
sync-downloading = Завантаження ({ $megabytes } МБ)…
sync-applying =
    { $count ->
        [one] Оновлення { $count } послуги…
        [few] Оновлення { $count } послуг…
        [many] Оновлення { $count } послуг…
       *[other] Оновлення { $count } послуги…
    }
sync-failed = Не вдалося оновити: { $error }
sync-failed-unreachable = Не вдалося оновити: сервер даних не відповідає. Спробуйте ще раз, коли будете підключені до інтернету.
sync-failed-slow = Не вдалося оновити: сервер даних відповідав надто повільно, і оновлення зупинено. Спробуйте ще раз пізніше.
sync-failed-signature = Оновлення відхилено: отримані дані не відповідають своєму підпису і, можливо, були змінені. Дані на цьому пристрої не змінилися. Якщо це повториться, повідомте тих, хто публікує ці дані.
sync-failed-unknown-key = Оновлення відхилено: отримані дані підписані ключем, якому цей пристрій не довіряє. Дані на цьому пристрої не змінилися. Якщо це повториться, повідомте тих, хто публікує ці дані.
sync-failed-older = Оновлення відхилено: сервер запропонував старіші дані, ніж ті, що вже є на цьому пристрої, або змінив уже опубліковану версію. Дані на цьому пристрої не змінилися. Якщо це повториться, повідомте тих, хто публікує ці дані.
sync-failed-other-feed = Оновлення відхилено: ця адреса тепер пропонує інший перелік послуг. Дані на цьому пристрої не змінилися. Якщо це повториться, повідомте тих, хто публікує ці дані.
sync-failed-mismatch = Оновлення відхилено: завантажений файл не відповідає підписаному списку, бо його змінили або пошкодили під час передавання. Дані на цьому пристрої не змінилися. Спробуйте ще раз пізніше, а якщо це повториться, повідомте тих, хто публікує ці дані.
sync-failed-too-large = Оновлення відхилено: отриманий файл більший, ніж дозволено. Дані на цьому пристрої не змінилися.
sync-failed-malformed = Оновлення відхилено: отримані файли не в тому форматі, який потрібен. Дані на цьому пристрої не змінилися.
sync-failed-records = Оновлення відхилено: отримані дані містять помилки в інформації про деякі послуги. Дані на цьому пристрої не змінилися.
sync-failed-storage = Не вдалося оновити: неможливо зберегти дані на цьому пристрої.
share-title = Передати довідник
share-what = Збережіть довідник послуг цього пристрою в один файл із підписом видавця, щоб оновити інший пристрій без інтернету (USB-флешка, Bluetooth). Пристрій, що його завантажує, перевіряє підпис: змінений файл відхиляється.
share-export = Зберегти у файл
share-import = Завантажити з файлу
share-saved-to = Збережено в { $path }
share-downloaded = Завантажено як { $file }
share-handed-on = Файл передано.
share-failed = Не вдалося зберегти файл: { $error }
share-loaded = Дані оновлено з файлу: { $feed }, версія { $version }.
share-up-to-date = На цьому пристрої вже є ці дані.
share-older = У файлі старіші дані, ніж на пристрої. Дані на пристрої не змінилися.
share-bad-file = Це не повний файл довідника Bussola: можливо, він неповний або пошкоджений. Дані на пристрої не змінилися.
sync-details = Технічні подробиці
sync-update-now = Оновити зараз
sync-in-progress = Оновлення…

## About

about-title = Інформація
about-what = Bussola збирає послуги для іноземців: дозвіл на проживання, здоровʼя, робота, курси італійської, юридична допомога. Працює навіть без інтернету.
about-privacy-title = Конфіденційність
about-privacy = Ваші пошуки й ваше місцезнаходження залишаються на цьому телефоні чи компʼютері. Bussola не має реклами й не збирає статистики.
about-data-title = Дані
about-data = Кожна картка показує, звідки інформація і коли її перевіряли. Часто місце — це лише центр населеного пункту. Перш ніж іти, якщо можете, зателефонуйте.
about-attribution-title = Мапи та населені пункти
about-version = Версія { $version }
about-licence = Вільне програмне забезпечення за ліцензією EUPL-1.2.

## Errors

error-generic = Щось пішло не так: { $detail }

## Added after the first translation

favourites-empty = У вас ще немає обраного. Відкрийте послугу й торкніться зірочки, щоб зберегти її тут.

## Ваші дані: як їх видалити і що буває, коли файл пошкоджено
clear-title = Ваші дані
clear-explain = Обране, нотатки, виправлення й налаштування (мова, місце, фільтри) зберігаються лише на цьому пристрої. Bussola не зберігає історію пошуку.
clear-button = Видалити мої дані
clear-question = Видалити обране, нотатки й налаштування з цього пристрою? Список послуг залишиться.
clear-confirm = Так, видалити
clear-cancel = Скасувати
clear-done = Ваші дані видалено з цього пристрою.
notice-close = Закрити
storage-memory-unsupported = Цей браузер не дозволяє Bussola зберігати дані на пристрої: застосунок працює лише під час цього відвідування, а обране й налаштування зникнуть, коли ви його закриєте.
storage-memory-in-use = Bussola вже відкрито в іншій вкладці чи вікні. Тут застосунок працює лише під час цього відвідування, без вашого обраного: закрийте цю вкладку й користуйтеся іншою.
app-update-ready = Нова версія Bussola готова: вона відкриється під час наступного запуску.
app-update-start = Оновити зараз
recovered-title = Дані на цьому пристрої були пошкоджені.
recovered-body = Bussola відклала пошкоджений файл і почала знову зі списку послуг, який є в застосунку. Список оновиться, коли ви наступного разу підключитеся до інтернету.
recovered-kept = Ваше обране й налаштування вдалося відновити.
recovered-lost = Не вдалося прочитати ваше обране й налаштування.
recovered-where = Пошкоджений файл збережено тут: { $path }.
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = Прослухати
action-stop-listening = Зупинити голос
speech-no-voice = На цьому пристрої немає голосу для цієї мови.
read-aloud = Читати вголос
read-aloud-on = Читання вголос увімкнено: торкніться кнопки, щоб почути її назву.
speech-title = Голос
speech-pace-label = Швидкість голосу
speech-pace-slow = Повільна, для тих, хто вчить мову
speech-pace-normal = Звичайна
speak-time = { $hour ->
        [0] о нульовій
        [1] о першій
        [2] о другій
        [3] о третій
        [4] о четвертій
        [5] о п'ятій
        [6] о шостій
        [7] о сьомій
        [8] о восьмій
        [9] о дев'ятій
        [10] о десятій
        [11] об одинадцятій
        [12] о дванадцятій
        [13] о тринадцятій
        [14] о чотирнадцятій
        [15] о п'ятнадцятій
        [16] о шістнадцятій
        [17] о сімнадцятій
        [18] о вісімнадцятій
        [19] о дев'ятнадцятій
        [20] о двадцятій
        [21] о двадцять першій
        [22] о двадцять другій
        [23] о двадцять третій
       *[other] о { $hour }
    } { $minute ->
        [0] годині
       *[other] { $minute }
    }
speak-open-now = Зараз відчинено.
speak-closes-today = Сьогодні зачиняється { $time }.
speak-closes-on = Зачиняється у { $day } { $time }.
speak-closed-now = Зараз зачинено.
speak-opens-today = Сьогодні відчиняється { $time }.
speak-opens-on = Відчиняється у { $day } { $time }.
speak-hours-unknown = Години роботи невідомі: зателефонуйте, перш ніж іти.
speak-hours-uncertain = Години роботи неточні: зателефонуйте, перш ніж іти.
speak-closed-for-now = Наразі зачинено: зателефонуйте, перш ніж іти.
speak-withdrawn = Ця послуга більше не надається.
speak-address = Адреса:
speak-phone = Номер телефону: { $digits }.
speak-access = Як отримати послугу:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [1] Перевірено понад рік тому: зателефонуйте, перш ніж іти.
    [one] Перевірено { $years } рік тому: зателефонуйте, перш ніж іти.
    [few] Перевірено { $years } роки тому: зателефонуйте, перш ніж іти.
    [many] Перевірено { $years } років тому: зателефонуйте, перш ніж іти.
   *[other] Перевірено { $years } років тому: зателефонуйте, перш ніж іти.
}
data-never-checked = Невідомо, коли це перевіряли: зателефонуйте, перш ніж іти.
translated-from-italian = перекладено з італійської
about-stale = { $stale ->
    [0] Усі послуги ({ $total }) перевірено за останній рік.
    [one] { $stale } послугу з { $total } перевірено понад рік тому, або невідомо коли: зателефонуйте, перш ніж іти.
    [few] { $stale } послуги з { $total } перевірено понад рік тому, або невідомо коли: зателефонуйте, перш ніж іти.
    [many] { $stale } послуг з { $total } перевірено понад рік тому, або невідомо коли: зателефонуйте, перш ніж іти.
   *[other] { $stale } послуги з { $total } перевірено понад рік тому, або невідомо коли: зателефонуйте, перш ніж іти.
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = Аркуш
sheet-add = Додати до аркуша
sheet-remove-from = Прибрати з аркуша
sheet-full = На аркуші щонайбільше { $max } послуг.
sheet-title = Аркуш послуг
sheet-empty = Аркуш порожній. Відкрийте послугу й виберіть «Додати до аркуша».
sheet-up = Вище
sheet-down = Нижче
sheet-remove = Прибрати
sheet-clear = Очистити аркуш
sheet-print = Друкувати
sheet-save = Зберегти як зображення
sheet-saved = Зображення збережено в { $path }
sheet-downloaded = Зображення завантажено.
sheet-shared = Зображення надіслано.
sheet-save-failed = Не вдалося зберегти зображення: { $reason }
sheet-missing = Однієї послуги з аркуша більше немає в довіднику.
sheet-heading = Послуги для вас
sheet-languages = Мови спілкування
sheet-access = Як отримати доступ
sheet-documents = Що взяти з собою

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = Щось не так
correction-what = Що не так?
correction-field-closed_for_good = Закрито назавжди
correction-field-moved = Переїхало
correction-field-hours = Неправильний розклад
correction-field-phone = Неправильний телефон
correction-field-email = Неправильна електронна пошта
correction-field-website = Неправильний вебсайт
correction-field-other = Інше
correction-value = Правильні дані
correction-note = Примітка (за бажанням)
correction-private = Залишається лише на цьому пристрої. Нічого не надсилається, доки ви не вирішите.
correction-save = Зберегти виправлення
correction-saved = Збережено в «Мої виправлення».
correction-failed = Виправлення не збережено: { $reason }
corrections-title = Мої виправлення
correction-old = У даних було
correction-about = Дані версії { $version } · { $date }
correction-send = Надіслати електронною поштою
correction-file = Зберегти як файл
correction-remove = Видалити
correction-no-contact = Цей довідник не вказує пошту для повідомлень: напишіть адресу самі або збережіть виправлення як файл і передайте його.
