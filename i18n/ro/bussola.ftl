# Bussola — Romanian (română). Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences; the user is addressed formally ("dumneavoastră").

## The window

app-name = Bussola
app-tagline = Servicii pentru persoanele străine, chiar și fără internet
nav-label = Secțiuni
nav-search = Căutare
nav-favourites = Favorite
nav-about = Informații
language-label = Limba
back = Înapoi

## Search

search-label = Căutați un serviciu
search-placeholder = permis, medic, curs de italiană…
where-title = Unde sunteți?
where-text = Scrieți mai jos comuna (comune) sau codul poștal: serviciile cele mai apropiate vor apărea primele. Rămâne doar pe acest dispozitiv.
where-later = Nu acum
place-label = Unde?
place-placeholder = Localitate sau cod poștal
place-clear = Ștergeți locul
place-none-found = Nicio localitate cu acest nume
place-use-location = Folosiți locația mea
place-my-location = Locația mea
place-location-failed = Locația nu este disponibilă.
categories-label = De ce aveți nevoie?
filter-open-now = Deschis acum
filter-language = Limba vorbită la ghișeu
filter-language-any = Orice limbă
filters-label = Filtre
view-label = Cum vedeți rezultatele
view-list = Listă
view-map = Hartă
results-count =
    { $count ->
        [0] Niciun serviciu găsit
        [one] 1 serviciu
        [few] { $count } servicii
       *[other] { $count } de servicii
    }
results-more = Arată mai multe
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = Peste { $count } de servicii
results-empty-hint = Încercați cu mai puține cuvinte sau scoateți un filtru.
search-read-as = Rezultate pentru „{ $meant }”: ați scris „{ $typed }”.
search-handled-by = De aceasta se ocupă { $office }; serviciile de mai jos vă pot ajuta.
search-left-out = Niciun serviciu nu menționează „{ $words }”: iată rezultatele pentru celelalte cuvinte.
search-partial = Niciun serviciu nu conține toate cuvintele: iată-le pe cele care conțin cele mai multe.
anywhere-in-italy = Toată Italia
approximate-mark = poziție aproximativă
open-now = Deschis acum
closed-now = Închis acum
hours-unknown = Program necunoscut
hours-uncertain = Program nesigur: sunați întâi
opens-today-at = se deschide la { $time }
opens-on-at = se deschide { $day } la { $time }
closes-at = se închide la { $time }
closes-on-at = se închide { $day } la { $time }
distance-away = la { $distance }

## Days of the week, Monday first

weekday-0 = luni
weekday-1 = marți
weekday-2 = miercuri
weekday-3 = joi
weekday-4 = vineri
weekday-5 = sâmbătă
weekday-6 = duminică

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = luni
weekday-on-1 = marți
weekday-on-2 = miercuri
weekday-on-3 = joi
weekday-on-4 = vineri
weekday-on-5 = sâmbătă
weekday-on-6 = duminică

## Categories of services

cat-permits = Permis de ședere
cat-access-point = Punct de informare
cat-mediation = Mediere culturală
cat-legal = Consultanță juridică
cat-language = Cursuri de italiană
cat-health = Sănătate
cat-family = Familie
cat-work = Muncă
cat-housing = Locuință
cat-food-shelter = Hrană și cazare
cat-education = Școală și studii
cat-community = Asociații
cat-helpline = Numere de ajutor
cat-emergency = Urgență
cat-town-hall = Primărie
cat-other = Altele

## Languages spoken at an office

lang-it = italiană
lang-en = engleză
lang-fr = franceză
lang-ar = arabă
lang-uk = ucraineană
lang-ro = română
lang-sq = albaneză
lang-es = spaniolă
lang-zh = chineză
lang-bn = bengaleză
lang-ur = urdu
lang-ru = rusă
lang-pt = portugheză
lang-de = germană
lang-fa = persană
lang-ps = paștună
lang-ti = tigrină
lang-tr = turcă
lang-pa = punjabi
lang-hi = hindi
lang-wo = wolof
lang-other = altă limbă ({ $code })

## The map

map-label = Harta serviciilor
map-hint = Trageți pentru a muta harta. Rotița sau + și − pentru a mări.
map-zoom-in = Mărire
map-zoom-out = Micșorare
map-reset = Înapoi la vederea inițială
map-search-centre = Locul căutării
map-as-list = Vezi cele { $count } servicii ca listă
map-unlocated =
    { $count ->
        [one] 1 serviciu fără adresă (o linie telefonică) nu este pe hartă.
        [few] { $count } servicii fără adresă (linii telefonice) nu sunt pe hartă.
       *[other] { $count } de servicii fără adresă (linii telefonice) nu sunt pe hartă.
    }
map-open-detail = Deschideți fișa

## A service

detail-loading = Se încarcă…
detail-not-found = Acest serviciu nu mai este în date.
in-italian = în italiană
favourite-add = Salvați la favorite
favourite-remove = Scoateți din favorite
action-call = Sunați
action-directions = Traseu
action-osm = Vedeți pe OpenStreetMap
action-card = Fișă pentru ghișeu
action-report = Semnalați o greșeală
action-share = Distribuiți
share-copied = Copiat: lipiți-l într-un mesaj.
email-certified = E-mail certificat (PEC): este posibil să nu accepte e-mailurile obișnuite.
detail-alert = Atenție
closed-until = Închis temporar până la { $date }
closed-for-now = Închis temporar
service-withdrawn = Acest serviciu nu mai este oferit.
detail-where = Unde
detail-approximate = Poziție aproximativă: punctul este centrul localității, nu biroul.
detail-precision-street = Poziție: strada.
detail-precision-building = Poziție: clădirea.
detail-hours = Program
detail-today = azi
detail-holiday = zi de sărbătoare
detail-closed-day = închis
detail-hours-uncertain = de confirmat
detail-hours-unreadable = Aplicația nu poate citi acest program. Textul original:
detail-hours-unknown = Program necunoscut: sunați înainte să mergeți.
detail-contacts = Contacte
phone-text-only = doar mesaje
detail-email = E-mail
detail-website = Site web
detail-organization = Administrat de
detail-languages = Limbi vorbite
detail-access = Cum aveți acces
detail-application = Ce trebuie să faceți
detail-fees = Costuri
detail-eligibility = Cine poate merge
detail-accessibility = Accesibilitate
detail-verified = Verificat pe { $date }
detail-not-verified = Nu se știe când a fost verificat.
detail-sources = Surse
detail-data = Date { $feed }, versiunea { $version }
report-hint = E-mailul se deschide în aplicația dumneavoastră de e-mail. Îl puteți trimite și mai târziu.
report-no-contact = Aceste date nu spun cui să scrieți: alegeți dumneavoastră destinatarul.

## The referral card

card-title = Fișă pentru ghișeu
card-print = Tipăriți
card-show = Arătați această fișă la ghișeu.
card-need = Am nevoie de acest serviciu.
card-address = Adresă
card-phone = Telefon
card-hours = Program
card-qr = Cod QR cu adresa și telefonul

## Data on this device

status-feed =
    { $feed }: versiunea { $version }, { $count ->
        [one] 1 serviciu
        [few] { $count } servicii
       *[other] { $count } de servicii
    }
status-data-date = date din { $date }
status-expired = Aceste date au expirat: unele informații pot fi vechi.
status-last-failed = Ultima actualizare nu a reușit.
sync-checking = Se caută actualizări…
sync-downloading = Se descarcă ({ $megabytes } MB)…
sync-applying =
    { $count ->
        [one] Se actualizează 1 serviciu…
        [few] Se actualizează { $count } servicii…
       *[other] Se actualizează { $count } de servicii…
    }
sync-failed = Actualizarea nu a reușit: { $error }
sync-failed-unreachable = Actualizarea nu a reușit: serverul de date nu răspunde. Încercați din nou când aveți conexiune la internet.
sync-failed-slow = Actualizarea nu a reușit: serverul de date a răspuns prea încet și actualizarea a fost oprită. Încercați din nou mai târziu.
sync-failed-signature = Actualizare refuzată: datele primite nu corespund semnăturii lor și poate au fost modificate. Datele de pe acest dispozitiv nu s-au schimbat. Dacă se repetă, anunțați persoanele care publică aceste date.
sync-failed-unknown-key = Actualizare refuzată: datele primite sunt semnate cu o cheie în care acest dispozitiv nu are încredere. Datele de pe acest dispozitiv nu s-au schimbat. Dacă se repetă, anunțați persoanele care publică aceste date.
sync-failed-older = Actualizare refuzată: serverul a oferit date mai vechi decât cele de pe acest dispozitiv sau a schimbat o versiune deja publicată. Datele de pe acest dispozitiv nu s-au schimbat. Dacă se repetă, anunțați persoanele care publică aceste date.
sync-failed-other-feed = Actualizare refuzată: această adresă oferă acum o altă listă de servicii. Datele de pe acest dispozitiv nu s-au schimbat. Dacă se repetă, anunțați persoanele care publică aceste date.
sync-failed-mismatch = Actualizare refuzată: un fișier descărcat nu corespunde listei semnate, pentru că a fost modificat sau deteriorat pe drum. Datele de pe acest dispozitiv nu s-au schimbat. Încercați din nou mai târziu și, dacă se repetă, anunțați persoanele care publică aceste date.
sync-failed-too-large = Actualizare refuzată: un fișier primit este mai mare decât este permis. Datele de pe acest dispozitiv nu s-au schimbat.
sync-failed-malformed = Actualizare refuzată: fișierele primite nu sunt în formatul așteptat. Datele de pe acest dispozitiv nu s-au schimbat.
sync-failed-records = Actualizare refuzată: datele primite conțin erori în informațiile despre unele servicii. Datele de pe acest dispozitiv nu s-au schimbat.
sync-failed-storage = Actualizarea nu a reușit: datele nu au putut fi salvate pe acest dispozitiv.
share-title = Transmiteți lista de servicii
share-what = Salvați într-un fișier lista de servicii de pe acest dispozitiv, cu semnătura celui care o publică, pentru a actualiza alt dispozitiv fără internet (stick USB, Bluetooth). Dispozitivul care îl încarcă verifică semnătura: un fișier modificat este refuzat.
share-export = Salvați într-un fișier
share-import = Încărcați dintr-un fișier
share-saved-to = Salvat în { $path }
share-downloaded = Descărcat ca { $file }
share-handed-on = Fișier trimis.
share-failed = Fișierul nu a putut fi salvat: { $error }
share-loaded = Date actualizate din fișier: { $feed }, versiunea { $version }.
share-up-to-date = Acest dispozitiv are deja aceste date.
share-older = Fișierul are date mai vechi decât cele de pe dispozitiv. Datele de pe dispozitiv nu s-au schimbat.
share-bad-file = Acest fișier nu este o listă Bussola completă: poate fi incompletă sau deteriorată. Datele de pe dispozitiv nu s-au schimbat.
sync-details = Detalii tehnice
sync-update-now = Actualizați acum
sync-in-progress = Actualizare în curs…

## About

about-title = Informații
about-what = Bussola adună serviciile pentru persoanele străine: permis de ședere, sănătate, muncă, cursuri de italiană, ajutor juridic. Funcționează și fără internet.
about-privacy-title = Confidențialitate
about-privacy = Căutările și locația dumneavoastră rămân pe acest telefon sau calculator. Bussola nu are reclame și nu adună statistici.
about-data-title = Datele
about-data = Fiecare fișă spune de unde vin informațiile și când au fost verificate. Multe poziții sunt doar centrul localității. Înainte să mergeți, dacă puteți, sunați.
about-attribution-title = Hărți și localități
about-version = Versiunea { $version }
about-licence = Software liber cu licența EUPL-1.2.

## Errors

error-generic = Ceva nu a funcționat: { $detail }

## Added after the first translation

favourites-empty = Nu aveți încă favorite. Deschideți un serviciu și atingeți steaua pentru a-l salva aici.

## Datele dumneavoastră: ștergerea lor și ce se întâmplă dacă fișierul este deteriorat
clear-title = Datele dumneavoastră
clear-explain = Favoritele, notițele, corecturile și setările (limba, locul, filtrele) rămân doar pe acest dispozitiv. Bussola nu păstrează istoricul căutărilor.
clear-button = Ștergeți datele mele
clear-question = Doriți să ștergeți favoritele, notițele și setările de pe acest dispozitiv? Lista serviciilor rămâne.
clear-confirm = Da, ștergeți
clear-cancel = Anulați
clear-done = Datele dumneavoastră au fost șterse de pe acest dispozitiv.
notice-close = Închideți
storage-memory-unsupported = Acest browser nu îi permite aplicației Bussola să își păstreze datele pe dispozitiv: funcționează doar pentru această vizită, iar favoritele și setările se pierd când o închideți.
storage-memory-in-use = Bussola este deja deschisă în altă filă sau fereastră. Aici funcționează doar pentru această vizită, fără favoritele dumneavoastră: închideți această filă și folosiți-o pe cealaltă.
app-update-ready = O versiune nouă a Bussola este gata: se va deschide la următoarea pornire a aplicației.
app-update-start = Actualizați acum
recovered-title = Datele de pe acest dispozitiv erau deteriorate.
recovered-body = Bussola a pus deoparte fișierul deteriorat și a pornit din nou de la lista de servicii inclusă în aplicație. Lista se va actualiza la următoarea conexiune.
recovered-kept = Favoritele și setările dumneavoastră au fost recuperate.
recovered-lost = Favoritele și setările dumneavoastră nu au putut fi citite.
recovered-where = Fișierul deteriorat este păstrat în { $path }.
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = Ascultați
action-stop-listening = Opriți vocea
speech-no-voice = Pe acest dispozitiv nu există o voce pentru această limbă.
read-aloud = Citiți cu voce tare
read-aloud-on = Citirea cu voce tare este activă: atingeți un buton ca să-i auziți numele.
speech-title = Vocea
speech-pace-label = Viteza vocii
speech-pace-slow = Lentă, pentru cei care învață
speech-pace-normal = Normală
speak-time = { $minute ->
    [0] ora { $hour }
   *[other] ora { $hour } și { $minute }
}
speak-open-now = Acum este deschis.
speak-closes-today = Se închide astăzi la { $time }.
speak-closes-on = Se închide { $day } la { $time }.
speak-closed-now = Acum este închis.
speak-opens-today = Se deschide astăzi la { $time }.
speak-opens-on = Se deschide { $day } la { $time }.
speak-hours-unknown = Programul nu este cunoscut: sunați înainte să mergeți.
speak-hours-uncertain = Programul nu este sigur: sunați înainte să mergeți.
speak-closed-for-now = Deocamdată este închis: sunați înainte să mergeți.
speak-withdrawn = Acest serviciu nu mai este oferit.
speak-address = Adresa:
speak-phone = Numărul de telefon: { $digits }.
speak-access = Cum aveți acces:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] Verificat acum mai mult de un an: sunați înainte să mergeți.
    [few] Verificat acum { $years } ani: sunați înainte să mergeți.
   *[other] Verificat acum { $years } de ani: sunați înainte să mergeți.
}
data-never-checked = Nu se știe când a fost verificat: sunați înainte să mergeți.
translated-from-italian = tradus din italiană
about-stale = { $stale ->
    [0] Toate serviciile ({ $total }) au fost verificate în ultimul an.
    [one] 1 serviciu din { $total } a fost verificat acum mai mult de un an, sau nu se știe când: sunați înainte să mergeți.
    [few] { $stale } servicii din { $total } au fost verificate acum mai mult de un an, sau nu se știe când: sunați înainte să mergeți.
   *[other] { $stale } de servicii din { $total } au fost verificate acum mai mult de un an, sau nu se știe când: sunați înainte să mergeți.
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = Foaie
sheet-add = Adaugă pe foaie
sheet-remove-from = Scoate de pe foaie
sheet-full = Foaia are cel mult { $max } servicii.
sheet-title = Foaia de servicii
sheet-empty = Foaia este goală. Deschideți un serviciu și alegeți „Adaugă pe foaie”.
sheet-up = Mută mai sus
sheet-down = Mută mai jos
sheet-remove = Scoate
sheet-clear = Golește foaia
sheet-print = Tipărește
sheet-save = Salvează ca imagine
sheet-saved = Imagine salvată în { $path }
sheet-downloaded = Imagine descărcată.
sheet-shared = Imagine trimisă.
sheet-save-failed = Imaginea nu a putut fi salvată: { $reason }
sheet-missing = Un serviciu de pe foaie nu mai este în listă.
sheet-heading = Servicii pentru dumneavoastră
sheet-languages = Limbi vorbite
sheet-access = Cum aveți acces
sheet-documents = Ce trebuie să aduceți

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = Ceva nu este corect
correction-what = Ce nu este corect?
correction-field-closed_for_good = S-a închis definitiv
correction-field-moved = S-a mutat
correction-field-hours = Programul este greșit
correction-field-phone = Telefonul este greșit
correction-field-email = E-mailul este greșit
correction-field-website = Site-ul este greșit
correction-field-other = Altceva
correction-value = Informația corectă
correction-note = O notă (dacă doriți)
correction-private = Rămâne doar pe acest dispozitiv. Nu se trimite nimic până nu alegeți dumneavoastră.
correction-save = Salvează corectura
correction-saved = Salvată în „Corecturile mele”.
correction-failed = Corectura nu a fost salvată: { $reason }
corrections-title = Corecturile mele
correction-old = Datele spuneau
correction-about = Date versiunea { $version } · { $date }
correction-send = Trimite prin e-mail
correction-file = Salvează ca fișier
correction-remove = Șterge
correction-no-contact = Această listă nu dă un e-mail pentru semnalări: scrieți dumneavoastră adresa sau salvați corectura ca fișier și predați-o.
