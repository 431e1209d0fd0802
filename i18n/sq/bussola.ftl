# Bussola — Albanian (shqip). Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences; the user is addressed as "ju".
# weekday-* name the days on their own; weekday-on-* are the forms used after "të" in opens-on-at / closes-on-at (të hënën = on Monday).

## The window

app-name = Bussola
app-tagline = Shërbime për të huajt, edhe pa internet
nav-label = Seksionet
nav-search = Kërko
nav-favourites = Të preferuarat
nav-about = Informacion
language-label = Gjuha
back = Prapa

## Search

search-label = Kërkoni një shërbim
search-placeholder = leje qëndrimi, mjek, kurs italishteje…
where-title = Ku jeni?
where-text = Shkruani më poshtë komunën (comune) ose kodin postar: shërbimet më të afërta do të dalin të parat. Mbetet vetëm në këtë pajisje.
where-later = Jo tani
place-label = Ku?
place-placeholder = Komuna ose kodi postar
place-clear = Hiqe vendin
place-none-found = Asnjë komunë me këtë emër
place-use-location = Përdor vendndodhjen time
place-my-location = Vendndodhja ime
place-location-failed = Vendndodhja nuk është e disponueshme.
categories-label = Për çfarë keni nevojë?
filter-open-now = Hapur tani
filter-language = Gjuha që flitet në sportel
filter-language-any = Çdo gjuhë
filters-label = Filtrat
view-label = Si t'i shihni rezultatet
view-list = Listë
view-map = Hartë
results-count =
    { $count ->
        [0] Nuk u gjet asnjë shërbim
        [one] 1 shërbim
       *[other] { $count } shërbime
    }
results-more = Shfaq më shumë
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = Më shumë se { $count } shërbime
results-empty-hint = Provoni me më pak fjalë, ose hiqni një filtër.
search-read-as = Rezultate për “{ $meant }”: keni shkruar “{ $typed }”.
search-handled-by = Për këtë merret { $office }; shërbimet më poshtë mund t'ju ndihmojnë.
search-left-out = Asnjë shërbim nuk përmend “{ $words }”: ja rezultatet për fjalët e tjera.
search-partial = Asnjë shërbim nuk i përmban të gjitha fjalët: ja ato që përmbajnë më shumë prej tyre.
anywhere-in-italy = E gjithë Italia
approximate-mark = vendndodhje e përafërt
open-now = Hapur tani
closed-now = Mbyllur tani
hours-unknown = Orari nuk dihet
hours-uncertain = Orari i pasigurt: telefononi më parë
opens-today-at = hapet në orën { $time }
opens-on-at = hapet të { $day } në orën { $time }
closes-at = mbyllet në orën { $time }
closes-on-at = mbyllet të { $day } në orën { $time }
distance-away = { $distance } larg

## Days of the week, Monday first

weekday-0 = e hënë
weekday-1 = e martë
weekday-2 = e mërkurë
weekday-3 = e enjte
weekday-4 = e premte
weekday-5 = e shtunë
weekday-6 = e diel

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = hënën
weekday-on-1 = martën
weekday-on-2 = mërkurën
weekday-on-3 = enjten
weekday-on-4 = premten
weekday-on-5 = shtunën
weekday-on-6 = dielën

## Categories of services

cat-permits = Leje qëndrimi
cat-access-point = Sportel informacioni
cat-mediation = Ndërmjetësim kulturor
cat-legal = Këshillim ligjor
cat-language = Kurse italishteje
cat-health = Shëndeti
cat-family = Familja
cat-work = Puna
cat-housing = Banesa
cat-food-shelter = Ushqim dhe strehim
cat-education = Shkolla dhe studimet
cat-community = Shoqatat
cat-helpline = Numra ndihme
cat-emergency = Urgjenca
cat-town-hall = Bashkia
cat-other = Të tjera

## Languages spoken at an office

lang-it = italisht
lang-en = anglisht
lang-fr = frëngjisht
lang-ar = arabisht
lang-uk = ukrainisht
lang-ro = rumanisht
lang-sq = shqip
lang-es = spanjisht
lang-zh = kinezisht
lang-bn = bengalisht
lang-ur = urdu
lang-ru = rusisht
lang-pt = portugalisht
lang-de = gjermanisht
lang-fa = persisht
lang-ps = pashto
lang-ti = tigrinja
lang-tr = turqisht
lang-pa = panxhabi
lang-hi = hindisht
lang-wo = wolof
lang-other = gjuhë tjetër ({ $code })

## The map

map-label = Harta e shërbimeve
map-hint = Tërhiqni për të lëvizur hartën. Rrota ose + dhe − për ta zmadhuar.
map-zoom-in = Zmadho
map-zoom-out = Zvogëlo
map-reset = Kthehu te pamja e parë
map-search-centre = Vendi i kërkimit
map-as-list = Shih { $count } shërbimet si listë
map-unlocated =
    { $count ->
        [one] 1 shërbim pa adresë (një linjë telefonike) nuk është në hartë.
       *[other] { $count } shërbime pa adresë (linja telefonike) nuk janë në hartë.
    }
map-open-detail = Hap kartelën

## A service

detail-loading = Po ngarkohet…
detail-not-found = Ky shërbim nuk është më në të dhëna.
in-italian = në italisht
favourite-add = Ruaj te të preferuarat
favourite-remove = Hiq nga të preferuarat
action-call = Telefono
action-directions = Si të shkoni
action-osm = Shiko në OpenStreetMap
action-card = Kartelë për sportelin
action-report = Njofto një gabim
action-share = Ndaj
share-copied = U kopjua: ngjite në një mesazh.
email-certified = Email i certifikuar (PEC): mund të mos pranojë emailet e zakonshme.
detail-alert = Njoftim
closed-until = Mbyllur përkohësisht deri më { $date }
closed-for-now = Mbyllur përkohësisht
service-withdrawn = Ky shërbim nuk ofrohet më.
detail-where = Ku
detail-approximate = Vendndodhje e përafërt: pika është qendra e komunës, jo zyra.
detail-precision-street = Vendndodhja: rruga.
detail-precision-building = Vendndodhja: ndërtesa.
detail-hours = Orari
detail-today = sot
detail-holiday = ditë feste
detail-closed-day = mbyllur
detail-hours-uncertain = për t'u konfirmuar
detail-hours-unreadable = Aplikacioni nuk mund ta lexojë këtë orar. Teksti origjinal:
detail-hours-unknown = Orari nuk dihet: telefononi para se të shkoni.
detail-contacts = Kontaktet
phone-text-only = vetëm mesazhe
detail-email = Email
detail-website = Faqja e internetit
detail-organization = Menaxhohet nga
detail-languages = Gjuhët që fliten
detail-access = Si ta merrni shërbimin
detail-application = Çfarë duhet të bëni
detail-fees = Kostot
detail-eligibility = Kush mund të shkojë
detail-accessibility = Aksesueshmëria
detail-verified = Kontrolluar më { $date }
detail-not-verified = Nuk dihet kur është kontrolluar.
detail-sources = Burimet
detail-data = Të dhënat { $feed }, versioni { $version }
report-hint = Emaili hapet në aplikacionin tuaj të postës. Mund ta dërgoni edhe më vonë.
report-no-contact = Këto të dhëna nuk thonë kujt t'i shkruani: zgjidhni vetë marrësin.

## The referral card

card-title = Kartelë për sportelin
card-print = Printo
card-show = Tregojeni këtë kartelë në sportel.
card-need = Kam nevojë për këtë shërbim.
card-address = Adresa
card-phone = Telefoni
card-hours = Orari
card-qr = Kod QR me adresën dhe telefonin

## Data on this device

status-feed =
    { $feed }: versioni { $version }, { $count ->
        [one] 1 shërbim
       *[other] { $count } shërbime
    }
status-data-date = të dhëna të { $date }
status-expired = Këto të dhëna kanë skaduar: disa informacione mund të jenë të vjetra.
status-last-failed = Përditësimi i fundit nuk u krye.
sync-checking = Po kontrollohen përditësimet…
sync-downloading = Po shkarkohet ({ $megabytes } MB)…
sync-applying =
    { $count ->
        [one] Po përditësohet 1 shërbim…
       *[other] Po përditësohen { $count } shërbime…
    }
sync-failed = Përditësimi nuk u krye: { $error }
sync-failed-unreachable = Përditësimi nuk u krye: serveri i të dhënave nuk përgjigjet. Provoni përsëri kur të keni internet.
sync-failed-slow = Përditësimi nuk u krye: serveri i të dhënave u përgjigj shumë ngadalë dhe përditësimi u ndal. Provoni përsëri më vonë.
sync-failed-signature = Përditësimi u refuzua: të dhënat e marra nuk përputhen me nënshkrimin e tyre dhe mund të jenë manipuluar. Të dhënat në këtë pajisje nuk ndryshuan. Nëse ndodh sërish, njoftoni ata që i publikojnë këto të dhëna.
sync-failed-unknown-key = Përditësimi u refuzua: të dhënat e marra janë nënshkruar me një çelës të cilit kjo pajisje nuk i beson. Të dhënat në këtë pajisje nuk ndryshuan. Nëse ndodh sërish, njoftoni ata që i publikojnë këto të dhëna.
sync-failed-older = Përditësimi u refuzua: serveri ofroi të dhëna më të vjetra se ato që ka kjo pajisje, ose ndryshoi një version të publikuar më parë. Të dhënat në këtë pajisje nuk ndryshuan. Nëse ndodh sërish, njoftoni ata që i publikojnë këto të dhëna.
sync-failed-other-feed = Përditësimi u refuzua: kjo adresë tani ofron një listë tjetër shërbimesh. Të dhënat në këtë pajisje nuk ndryshuan. Nëse ndodh sërish, njoftoni ata që i publikojnë këto të dhëna.
sync-failed-mismatch = Përditësimi u refuzua: një skedar i shkarkuar nuk përputhet me listën e nënshkruar, sepse është ndryshuar ose dëmtuar gjatë rrugës. Të dhënat në këtë pajisje nuk ndryshuan. Provoni përsëri më vonë dhe, nëse ndodh sërish, njoftoni ata që i publikojnë këto të dhëna.
sync-failed-too-large = Përditësimi u refuzua: një skedar i marrë është më i madh se sa lejohet. Të dhënat në këtë pajisje nuk ndryshuan.
sync-failed-malformed = Përditësimi u refuzua: skedarët e marrë nuk janë në formatin e pritur. Të dhënat në këtë pajisje nuk ndryshuan.
sync-failed-records = Përditësimi u refuzua: të dhënat e marra kanë gabime në informacionet për disa shërbime. Të dhënat në këtë pajisje nuk ndryshuan.
sync-failed-storage = Përditësimi nuk u krye: të dhënat nuk mund të ruheshin në këtë pajisje.
share-title = Kaloni listën e shërbimeve
share-what = Ruani në një skedar listën e shërbimeve të kësaj pajisjeje, me nënshkrimin e atij që e publikon, për të përditësuar një pajisje tjetër pa internet (USB, Bluetooth). Pajisja që e ngarkon kontrollon nënshkrimin: një skedar i ndryshuar refuzohet.
share-export = Ruaj në një skedar
share-import = Ngarko nga një skedar
share-saved-to = U ruajt në { $path }
share-downloaded = U shkarkua si { $file }
share-handed-on = Skedari u nda.
share-failed = Skedari nuk u ruajt: { $error }
share-loaded = Të dhënat u përditësuan nga skedari: { $feed }, versioni { $version }.
share-up-to-date = Kjo pajisje i ka tashmë këto të dhëna.
share-older = Skedari ka të dhëna më të vjetra se ato të pajisjes. Të dhënat në pajisje nuk ndryshuan.
share-bad-file = Ky skedar nuk është një listë e plotë e Bussola: mund të jetë i paplotë ose i dëmtuar. Të dhënat në pajisje nuk ndryshuan.
sync-details = Detaje teknike
sync-update-now = Përditëso tani
sync-in-progress = Po përditësohet…

## About

about-title = Informacion
about-what = Bussola mbledh shërbimet për të huajt: leje qëndrimi, shëndet, punë, kurse italishteje, ndihmë ligjore. Funksionon edhe pa internet.
about-privacy-title = Privatësia
about-privacy = Kërkimet tuaja dhe vendndodhja juaj mbeten në këtë telefon ose kompjuter. Bussola nuk ka reklama dhe nuk mbledh statistika.
about-data-title = Të dhënat
about-data = Çdo kartelë tregon nga vijnë informacionet dhe kur janë kontrolluar. Shumë vendndodhje janë vetëm qendra e komunës. Para se të shkoni, nëse mundeni, telefononi.
about-attribution-title = Hartat dhe komunat
about-version = Versioni { $version }
about-licence = Softuer i lirë me licencën EUPL-1.2.

## Errors

error-generic = Diçka nuk funksionoi: { $detail }

## Added after the first translation

favourites-empty = Nuk keni ende të preferuara. Hapni një shërbim dhe prekni yllin për ta ruajtur këtu.

## Të dhënat tuaja: si t'i fshini, dhe çfarë ndodh kur skedari është i dëmtuar
clear-title = Të dhënat tuaja
clear-explain = Të preferuarat, shënimet, korrigjimet dhe cilësimet (gjuha, vendi, filtrat) mbeten vetëm në këtë pajisje. Bussola nuk ruan historikun e kërkimeve.
clear-button = Fshij të dhënat e mia
clear-question = Doni të fshini të preferuarat, shënimet dhe cilësimet nga kjo pajisje? Lista e shërbimeve mbetet.
clear-confirm = Po, fshiji
clear-cancel = Anulo
clear-done = Të dhënat tuaja u fshinë nga kjo pajisje.
notice-close = Mbyll
storage-memory-unsupported = Ky shfletues nuk e lejon Bussola-n të ruajë të dhënat në pajisje: funksionon vetëm për këtë vizitë, dhe të preferuarat e cilësimet humbasin kur e mbyllni.
storage-memory-in-use = Bussola është hapur tashmë në një skedë ose dritare tjetër. Këtu funksionon vetëm për këtë vizitë, pa të preferuarat tuaja: mbyllni këtë skedë dhe përdorni tjetrën.
app-update-ready = Një version i ri i Bussola-s është gati: do të hapet herën tjetër që nisni aplikacionin.
app-update-start = Përditësoje tani
recovered-title = Të dhënat në këtë pajisje ishin të dëmtuara.
recovered-body = Bussola e la mënjanë skedarin e dëmtuar dhe nisi përsëri nga lista e shërbimeve që vjen me aplikacionin. Lista do të përditësohet herën tjetër që të lidheni me internet.
recovered-kept = Të preferuarat dhe cilësimet tuaja u rikuperuan.
recovered-lost = Të preferuarat dhe cilësimet tuaja nuk mund të lexoheshin.
recovered-where = Skedari i dëmtuar ruhet në { $path }.
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = Dëgjo
action-stop-listening = Ndalo zërin
speech-no-voice = Në këtë pajisje nuk ka zë për këtë gjuhë.
read-aloud = Lexo me zë
read-aloud-on = Leximi me zë është aktiv: prekni një buton për të dëgjuar emrin e tij.
speech-title = Zëri
speech-pace-label = Shpejtësia e zërit
speech-pace-slow = E ngadaltë, për ata që mësojnë
speech-pace-normal = Normale
speak-time = { $minute ->
    [0] { $hour }
    [one] { $hour } e { $minute } minutë
   *[other] { $hour } e { $minute } minuta
}
speak-open-now = Tani është hapur.
speak-closes-today = Mbyllet sot në orën { $time }.
speak-closes-on = Mbyllet të { $day } në orën { $time }.
speak-closed-now = Tani është mbyllur.
speak-opens-today = Hapet sot në orën { $time }.
speak-opens-on = Hapet të { $day } në orën { $time }.
speak-hours-unknown = Orari nuk dihet: telefononi para se të shkoni.
speak-hours-uncertain = Orari nuk është i sigurt: telefononi para se të shkoni.
speak-closed-for-now = Tani për tani është mbyllur: telefononi para se të shkoni.
speak-withdrawn = Ky shërbim nuk ofrohet më.
speak-address = Adresa:
speak-phone = Numri i telefonit: { $digits }.
speak-access = Si ta merrni shërbimin:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] Kontrolluar më shumë se një vit më parë: telefononi para se të shkoni.
   *[other] Kontrolluar { $years } vjet më parë: telefononi para se të shkoni.
}
data-never-checked = Nuk dihet kur është kontrolluar: telefononi para se të shkoni.
translated-from-italian = përkthyer nga italishtja
about-stale = { $stale ->
    [0] Të gjitha { $total } shërbimet janë kontrolluar gjatë vitit të fundit.
    [one] 1 shërbim nga { $total } është kontrolluar më shumë se një vit më parë, ose nuk dihet kur: telefononi para se të shkoni.
   *[other] { $stale } shërbime nga { $total } janë kontrolluar më shumë se një vit më parë, ose nuk dihet kur: telefononi para se të shkoni.
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = Fleta
sheet-add = Shto në fletë
sheet-remove-from = Hiq nga fleta
sheet-full = Fleta mban më së shumti { $max } shërbime.
sheet-title = Fleta e shërbimeve
sheet-empty = Fleta është bosh. Hapni një shërbim dhe zgjidhni «Shto në fletë».
sheet-up = Lart
sheet-down = Poshtë
sheet-remove = Hiq
sheet-clear = Zbraz fletën
sheet-print = Printo
sheet-save = Ruaje si imazh
sheet-saved = Imazhi u ruajt në { $path }
sheet-downloaded = Imazhi u shkarkua.
sheet-shared = Imazhi u dërgua.
sheet-save-failed = Imazhi nuk u ruajt: { $reason }
sheet-missing = Një shërbim i fletës nuk është më në listë.
sheet-heading = Shërbime për ju
sheet-languages = Gjuhët që fliten
sheet-access = Si të keni qasje
sheet-documents = Çfarë të sillni

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = Diçka nuk shkon
correction-what = Çfarë nuk shkon?
correction-field-closed_for_good = Është mbyllur përgjithmonë
correction-field-moved = Është zhvendosur
correction-field-hours = Orari është gabim
correction-field-phone = Telefoni është gabim
correction-field-email = E-maili është gabim
correction-field-website = Faqja e internetit është gabim
correction-field-other = Diçka tjetër
correction-value = E dhëna e saktë
correction-note = Një shënim (nëse doni)
correction-private = Mbetet vetëm në këtë pajisje. Asgjë nuk dërgohet derisa ta zgjidhni ju.
correction-save = Ruaj korrigjimin
correction-saved = U ruajt te «Korrigjimet e mia».
correction-failed = Korrigjimi nuk u ruajt: { $reason }
corrections-title = Korrigjimet e mia
correction-old = Të dhënat thoshin
correction-about = Të dhënat versioni { $version } · { $date }
correction-send = Dërgo me e-mail
correction-file = Ruaje si skedar
correction-remove = Fshi
correction-no-contact = Kjo listë nuk jep e-mail për njoftime: shkruani vetë adresën, ose ruajeni korrigjimin si skedar dhe dorëzojeni.
