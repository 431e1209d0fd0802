# Bussola — Italian, the reference locale. Every other locale has exactly these messages and
# uses only the variables used here (tested). Short, plain sentences: many readers read little.

## The window

app-name = Bussola
app-tagline = Servizi per persone straniere, anche senza internet
nav-label = Sezioni
nav-search = Cerca
nav-favourites = Preferiti
nav-about = Informazioni
language-label = Lingua
back = Indietro

## Search

search-label = Cerca un servizio
search-placeholder = permesso, medico, corso di italiano…
where-title = Dove sei?
where-text = Scrivi qui sotto il tuo comune o il CAP: i servizi più vicini verranno per primi. Resta solo su questo dispositivo.
where-later = Non ora
place-label = Dove?
place-placeholder = Comune o CAP
place-clear = Togli il luogo
place-none-found = Nessun comune con questo nome
place-use-location = Usa la mia posizione
place-my-location = La mia posizione
place-location-failed = La posizione non è disponibile.
categories-label = Che cosa ti serve?
filter-open-now = Aperto ora
filter-language = Lingua parlata allo sportello
filter-language-any = Qualsiasi lingua
filters-label = Filtri
view-label = Come vedere i risultati
view-list = Elenco
view-map = Mappa
results-count =
    { $count ->
        [0] Nessun servizio trovato
        [one] 1 servizio
       *[other] { $count } servizi
    }
results-more = Mostra altri
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = Più di { $count } servizi
results-empty-hint = Prova con meno parole, o togli un filtro.
search-read-as = Risultati per «{ $meant }»: hai scritto «{ $typed }».
search-handled-by = Se ne occupa { $office }: i servizi qui sotto possono aiutarti.
search-left-out = Nessun servizio contiene «{ $words }»: ecco i risultati per le altre parole.
search-partial = Nessun servizio contiene tutte le parole: ecco quelli che ne contengono di più.
anywhere-in-italy = Tutta Italia
approximate-mark = posizione approssimativa
open-now = Aperto ora
closed-now = Chiuso ora
hours-unknown = Orari non noti
hours-uncertain = Orari incerti: telefona prima
opens-today-at = apre alle { $time }
opens-on-at = apre { $day } alle { $time }
closes-at = chiude alle { $time }
closes-on-at = chiude { $day } alle { $time }
distance-away = a { $distance }

## Days of the week, Monday first

weekday-0 = lunedì
weekday-1 = martedì
weekday-2 = mercoledì
weekday-3 = giovedì
weekday-4 = venerdì
weekday-5 = sabato
weekday-6 = domenica

# The same days as they read inside "apre { $day } alle …" (opens-on-at, closes-on-at).
weekday-on-0 = lunedì
weekday-on-1 = martedì
weekday-on-2 = mercoledì
weekday-on-3 = giovedì
weekday-on-4 = venerdì
weekday-on-5 = sabato
weekday-on-6 = domenica

## Categories of services

cat-permits = Permesso di soggiorno
cat-access-point = Sportello informazioni
cat-mediation = Mediazione culturale
cat-legal = Consulenza legale
cat-language = Corsi di italiano
cat-health = Salute
cat-family = Famiglia
cat-work = Lavoro
cat-housing = Casa
cat-food-shelter = Cibo e accoglienza
cat-education = Scuola e studio
cat-community = Associazioni
cat-helpline = Numeri di aiuto
cat-emergency = Emergenza
cat-town-hall = Comune
cat-other = Altro

## Languages spoken at an office

lang-it = italiano
lang-en = inglese
lang-fr = francese
lang-ar = arabo
lang-uk = ucraino
lang-ro = rumeno
lang-sq = albanese
lang-es = spagnolo
lang-zh = cinese
lang-bn = bengalese
lang-ur = urdu
lang-ru = russo
lang-pt = portoghese
lang-de = tedesco
lang-fa = persiano
lang-ps = pashto
lang-ti = tigrino
lang-tr = turco
lang-pa = punjabi
lang-hi = hindi
lang-wo = wolof
lang-other = altra lingua ({ $code })

## The map

map-label = Mappa dei servizi
map-hint = Trascina per spostare, rotella o + e − per ingrandire.
map-zoom-in = Ingrandisci
map-zoom-out = Riduci
map-reset = Torna alla vista iniziale
map-search-centre = Luogo della ricerca
map-as-list = Vedi i { $count } servizi come elenco
map-unlocated =
    { $count ->
        [one] 1 servizio senza indirizzo (una linea telefonica) non è sulla mappa.
       *[other] { $count } servizi senza indirizzo (linee telefoniche) non sono sulla mappa.
    }
map-open-detail = Apri la scheda

## A service

detail-loading = Caricamento…
detail-not-found = Questo servizio non è più nei dati.
in-italian = in italiano
favourite-add = Salva nei preferiti
favourite-remove = Togli dai preferiti
action-call = Chiama
action-directions = Indicazioni
action-osm = Vedi su OpenStreetMap
action-card = Scheda per lo sportello
action-report = Segnala un errore
action-share = Condividi
share-copied = Copiato: incollalo in un messaggio.
email-certified = Posta certificata (PEC): può non accettare le e-mail normali.
detail-alert = Avviso
closed-until = Chiuso temporaneamente fino al { $date }
closed-for-now = Chiuso temporaneamente
service-withdrawn = Questo servizio non è più attivo.
detail-where = Dove
detail-approximate = Posizione approssimativa: il punto è il centro del comune, non l'ufficio.
detail-precision-street = Posizione: la via.
detail-precision-building = Posizione: l'edificio.
detail-hours = Orari
detail-today = oggi
detail-holiday = festivo
detail-closed-day = chiuso
detail-hours-uncertain = da confermare
detail-hours-unreadable = L'app non riesce a leggere questi orari. Testo originale:
detail-hours-unknown = Orari non noti: telefona prima di andare.
detail-contacts = Contatti
phone-text-only = solo messaggi
detail-email = Email
detail-website = Sito web
detail-organization = Gestito da
detail-languages = Lingue parlate
detail-access = Come accedere
detail-application = Come fare
detail-fees = Costi
detail-eligibility = Chi può andare
detail-accessibility = Accessibilità
detail-verified = Controllato il { $date }
detail-not-verified = Non si sa quando è stato controllato.
detail-sources = Fonti
detail-data = Dati { $feed }, versione { $version }
report-hint = La mail si apre nella tua app di posta. Puoi inviarla anche più tardi.
report-no-contact = Questi dati non dicono a chi scrivere: scegli tu il destinatario.

## The referral card

card-title = Scheda per lo sportello
card-print = Stampa
card-show = Mostra questa scheda allo sportello.
card-need = Ho bisogno di questo servizio.
card-address = Indirizzo
card-phone = Telefono
card-hours = Orari
card-qr = Codice QR con indirizzo e telefono

## Data on this device

status-feed =
    { $feed }: versione { $version }, { $count ->
        [one] 1 servizio
       *[other] { $count } servizi
    }
status-data-date = dati del { $date }
status-expired = Questi dati sono scaduti: alcune informazioni potrebbero essere vecchie.
status-last-failed = L'ultimo aggiornamento non è riuscito.
sync-checking = Controllo aggiornamenti…
sync-downloading = Scaricamento ({ $megabytes } MB)…
sync-applying =
    { $count ->
        [one] Aggiornamento di 1 servizio…
       *[other] Aggiornamento di { $count } servizi…
    }
sync-failed = Aggiornamento non riuscito: { $error }
sync-failed-unreachable = Aggiornamento non riuscito: il server dei dati non risponde. Riprova quando sei connesso a internet.
sync-failed-slow = Aggiornamento non riuscito: il server dei dati ha risposto troppo lentamente e l'aggiornamento è stato interrotto. Riprova più tardi.
sync-failed-signature = Aggiornamento rifiutato: i dati ricevuti non corrispondono alla loro firma e forse sono stati modificati. I dati sul dispositivo non sono cambiati. Se succede di nuovo, avvisa chi pubblica questi dati.
sync-failed-unknown-key = Aggiornamento rifiutato: i dati ricevuti sono firmati con una chiave di cui questo dispositivo non si fida. I dati sul dispositivo non sono cambiati. Se succede di nuovo, avvisa chi pubblica questi dati.
sync-failed-older = Aggiornamento rifiutato: il server ha offerto dati più vecchi di quelli già sul dispositivo, o ha cambiato una versione già pubblicata. I dati sul dispositivo non sono cambiati. Se succede di nuovo, avvisa chi pubblica questi dati.
sync-failed-other-feed = Aggiornamento rifiutato: questo indirizzo ora offre un altro elenco di servizi. I dati sul dispositivo non sono cambiati. Se succede di nuovo, avvisa chi pubblica questi dati.
sync-failed-mismatch = Aggiornamento rifiutato: un file scaricato non corrisponde all'elenco firmato, perché è stato modificato o danneggiato durante il trasferimento. I dati sul dispositivo non sono cambiati. Riprova più tardi e, se succede di nuovo, avvisa chi pubblica questi dati.
sync-failed-too-large = Aggiornamento rifiutato: un file ricevuto è più grande del consentito. I dati sul dispositivo non sono cambiati.
sync-failed-malformed = Aggiornamento rifiutato: i file ricevuti non sono nel formato previsto. I dati sul dispositivo non sono cambiati.
sync-failed-records = Aggiornamento rifiutato: i dati ricevuti contengono errori nelle informazioni su alcuni servizi. I dati sul dispositivo non sono cambiati.
sync-failed-storage = Aggiornamento non riuscito: non è stato possibile salvare i dati sul dispositivo.
share-title = Passa l'elenco dei servizi
share-what = Salva in un file l'elenco dei servizi di questo dispositivo, con la firma di chi lo pubblica, per aggiornare un altro dispositivo senza internet (chiavetta USB, Bluetooth). Chi lo carica controlla la firma: un file modificato viene rifiutato.
share-export = Salva in un file
share-import = Carica da un file
share-saved-to = Salvato in { $path }
share-downloaded = Scaricato come { $file }
share-handed-on = File condiviso.
share-failed = Non è stato possibile salvare il file: { $error }
share-loaded = Dati aggiornati dal file: { $feed }, versione { $version }.
share-up-to-date = Questo dispositivo ha già questi dati.
share-older = Il file ha dati più vecchi di quelli sul dispositivo. I dati sul dispositivo non sono cambiati.
share-bad-file = Questo file non è un elenco di Bussola completo: forse è incompleto o danneggiato. I dati sul dispositivo non sono cambiati.
sync-details = Dettagli tecnici
sync-update-now = Aggiorna ora
sync-in-progress = Aggiornamento in corso…

## About

about-title = Informazioni
about-what = Bussola raccoglie i servizi per le persone straniere: permesso di soggiorno, salute, lavoro, corsi di italiano, aiuto legale. Funziona anche senza internet.
about-privacy-title = Privacy
about-privacy = Le tue ricerche e la tua posizione restano su questo telefono o computer. Bussola non ha pubblicità e non raccoglie statistiche.
about-data-title = I dati
about-data = Ogni scheda dice da dove vengono le informazioni e quando sono state controllate. Molte posizioni sono solo il centro del comune. Prima di andare, se puoi, telefona.
about-attribution-title = Mappe e comuni
about-version = Versione { $version }
about-licence = Software libero con licenza EUPL-1.2.

## Errors

error-generic = Qualcosa non ha funzionato: { $detail }

## Added after the first translation

favourites-empty = Non hai ancora preferiti. Apri un servizio e tocca la stella per salvarlo qui.

## I tuoi dati: cancellarli, e cosa succede se il file è danneggiato
clear-title = I tuoi dati
clear-explain = I preferiti, le note, le correzioni e le impostazioni (lingua, luogo, filtri) restano solo su questo dispositivo. Bussola non tiene la cronologia delle ricerche.
clear-button = Cancella i miei dati
clear-question = Vuoi cancellare preferiti, note e impostazioni da questo dispositivo? L'elenco dei servizi resta.
clear-confirm = Sì, cancella
clear-cancel = Annulla
clear-done = I tuoi dati sono stati cancellati da questo dispositivo.
notice-close = Chiudi
storage-memory-unsupported = Questo browser non permette a Bussola di conservare i dati sul dispositivo: funziona solo per questa visita, e preferiti e impostazioni si perdono quando la chiudi.
storage-memory-in-use = Bussola è già aperta in un'altra scheda o finestra. Qui funziona solo per questa visita, senza i tuoi preferiti: chiudi questa scheda e usa l'altra.
app-update-ready = È pronta una nuova versione di Bussola: si aprirà al prossimo avvio.
app-update-start = Aggiorna ora
recovered-title = I dati su questo dispositivo erano danneggiati.
recovered-body = Bussola ha messo da parte il file danneggiato ed è ripartita dall'elenco dei servizi incluso nell'app. Alla prossima connessione si aggiornerà.
recovered-kept = I tuoi preferiti e le tue impostazioni sono stati recuperati.
recovered-lost = Non è stato possibile leggere i tuoi preferiti e le tue impostazioni.
recovered-where = Il file danneggiato è conservato in { $path }.

## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23), { $minute } (0–59), { $hour12 } (1–12)
## and { $period } (morning, afternoon, evening, night), and are said as people say them, with
## the word for "at" (speak-closes-today reads "Chiude oggi { $time }"); days come from weekday-on-N.
action-listen = Ascolta
action-stop-listening = Ferma la voce
speech-no-voice = Su questo dispositivo non c'è una voce per questa lingua.
read-aloud = Leggi ad alta voce
read-aloud-on = Lettura ad alta voce attiva: tocca un pulsante per sentirne il nome.
speech-title = Voce
speech-pace-label = Velocità della voce
speech-pace-slow = Lenta, per chi impara
speech-pace-normal = Normale
speak-time = { $hour ->
    [0] a mezzanotte
    [1] all'una
   *[other] alle { $hour }
}{ $minute ->
    [0] {""}
   *[other] {" "}e { $minute }
}
speak-open-now = Adesso è aperto.
speak-closes-today = Chiude oggi { $time }.
speak-closes-on = Chiude { $day } { $time }.
speak-closed-now = Adesso è chiuso.
speak-opens-today = Apre oggi { $time }.
speak-opens-on = Apre { $day } { $time }.
speak-hours-unknown = Gli orari non sono noti: telefona prima di andare.
speak-hours-uncertain = Gli orari non sono certi: telefona prima di andare.
speak-closed-for-now = Per ora è chiuso: telefona prima di andare.
speak-withdrawn = Questo servizio non è più attivo.
speak-address = Indirizzo:
speak-phone = Numero di telefono: { $digits }.
speak-access = Come accedere:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] Controllato più di un anno fa: telefona prima di andare.
   *[other] Controllato { $years } anni fa: telefona prima di andare.
}
data-never-checked = Non si sa quando è stato controllato: telefona prima di andare.
translated-from-italian = tradotto dall'italiano
about-stale = { $stale ->
    [0] Tutti i { $total } servizi sono stati controllati nell'ultimo anno.
    [one] 1 servizio su { $total } è stato controllato più di un anno fa, o non si sa quando: telefona prima di andare.
   *[other] { $stale } servizi su { $total } sono stati controllati più di un anno fa, o non si sa quando: telefona prima di andare.
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = Foglio
sheet-add = Aggiungi al foglio
sheet-remove-from = Togli dal foglio
sheet-full = Il foglio contiene al massimo { $max } servizi.
sheet-title = Foglio dei servizi
sheet-empty = Il foglio è vuoto. Apri un servizio e scegli «Aggiungi al foglio».
sheet-up = Sposta su
sheet-down = Sposta giù
sheet-remove = Togli
sheet-clear = Svuota il foglio
sheet-print = Stampa
sheet-save = Salva come immagine
sheet-saved = Immagine salvata in { $path }
sheet-downloaded = Immagine scaricata.
sheet-shared = Immagine inviata.
sheet-save-failed = Non è stato possibile salvare l'immagine: { $reason }
sheet-missing = Un servizio del foglio non è più nell'elenco.
sheet-heading = Servizi per te
sheet-languages = Lingue parlate
sheet-access = Come accedere
sheet-documents = Cosa portare

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = Qualcosa non va
correction-what = Che cosa non va?
correction-field-closed_for_good = Ha chiuso per sempre
correction-field-moved = Si è trasferito
correction-field-hours = Gli orari sono sbagliati
correction-field-phone = Il telefono è sbagliato
correction-field-email = L'e-mail è sbagliata
correction-field-website = Il sito web è sbagliato
correction-field-other = Altro
correction-value = Il dato giusto
correction-note = Una nota (se vuoi)
correction-private = Resta solo su questo dispositivo. Non viene inviato finché non lo scegli tu.
correction-save = Salva la correzione
correction-saved = Salvata in «Le mie correzioni».
correction-failed = La correzione non è stata salvata: { $reason }
corrections-title = Le mie correzioni
correction-old = I dati dicevano
correction-about = Dati versione { $version } · { $date }
correction-send = Invia per e-mail
correction-file = Salva come file
correction-remove = Elimina
correction-no-contact = Questo elenco non indica un indirizzo e-mail per le segnalazioni: scrivi tu l'indirizzo, oppure salva la correzione come file e consegnala.
