# Bussola — French (français). Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences; the user is addressed as "vous".

## The window

app-name = Bussola
app-tagline = Services pour les personnes étrangères, même sans internet
nav-label = Rubriques
nav-search = Rechercher
nav-favourites = Favoris
nav-about = À propos
language-label = Langue
back = Retour

## Search

search-label = Chercher un service
search-placeholder = titre de séjour, médecin, cours d'italien…
where-title = Où êtes-vous ?
where-text = Écrivez ci-dessous votre commune ou votre code postal : les services les plus proches viendront en premier. Cela reste sur cet appareil.
where-later = Pas maintenant
place-label = Où ?
place-placeholder = Commune ou code postal
place-clear = Enlever le lieu
place-none-found = Aucune commune avec ce nom
place-use-location = Utiliser ma position
place-my-location = Ma position
place-location-failed = La position n'est pas disponible.
categories-label = De quoi avez-vous besoin ?
filter-open-now = Ouvert maintenant
filter-language = Langue parlée au guichet
filter-language-any = Toutes les langues
filters-label = Filtres
view-label = Comment voir les résultats
view-list = Liste
view-map = Carte
results-count =
    { $count ->
        [0] Aucun service trouvé
        [one] { $count } service
       *[other] { $count } services
    }
results-more = Afficher plus
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = Plus de { $count } services
results-empty-hint = Essayez avec moins de mots, ou enlevez un filtre.
search-read-as = Résultats pour « { $meant } » : vous avez écrit « { $typed } ».
search-handled-by = C'est { $office } qui s'en occupe ; les services ci-dessous peuvent vous aider.
search-left-out = Aucun service ne mentionne « { $words } » : voici les résultats pour les autres mots.
search-partial = Aucun service ne contient tous les mots : voici ceux qui en contiennent le plus.
anywhere-in-italy = Toute l'Italie
approximate-mark = position approximative
open-now = Ouvert maintenant
closed-now = Fermé maintenant
hours-unknown = Horaires inconnus
hours-uncertain = Horaires incertains : téléphonez d'abord
opens-today-at = ouvre à { $time }
opens-on-at = ouvre { $day } à { $time }
closes-at = ferme à { $time }
closes-on-at = ferme { $day } à { $time }
distance-away = à { $distance }

## Days of the week, Monday first

weekday-0 = lundi
weekday-1 = mardi
weekday-2 = mercredi
weekday-3 = jeudi
weekday-4 = vendredi
weekday-5 = samedi
weekday-6 = dimanche

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = lundi
weekday-on-1 = mardi
weekday-on-2 = mercredi
weekday-on-3 = jeudi
weekday-on-4 = vendredi
weekday-on-5 = samedi
weekday-on-6 = dimanche

## Categories of services

cat-permits = Titre de séjour
cat-access-point = Point d'information
cat-mediation = Médiation culturelle
cat-legal = Conseil juridique
cat-language = Cours d'italien
cat-health = Santé
cat-family = Famille
cat-work = Travail
cat-housing = Logement
cat-food-shelter = Nourriture et hébergement
cat-education = École et études
cat-community = Associations
cat-helpline = Numéros d'aide
cat-emergency = Urgence
cat-town-hall = Mairie
cat-other = Autre

## Languages spoken at an office

lang-it = italien
lang-en = anglais
lang-fr = français
lang-ar = arabe
lang-uk = ukrainien
lang-ro = roumain
lang-sq = albanais
lang-es = espagnol
lang-zh = chinois
lang-bn = bengali
lang-ur = ourdou
lang-ru = russe
lang-pt = portugais
lang-de = allemand
lang-fa = persan
lang-ps = pachto
lang-ti = tigrigna
lang-tr = turc
lang-pa = pendjabi
lang-hi = hindi
lang-wo = wolof
lang-other = autre langue ({ $code })

## The map

map-label = Carte des services
map-hint = Faites glisser pour déplacer la carte. Molette ou + et − pour agrandir.
map-zoom-in = Agrandir
map-zoom-out = Réduire
map-reset = Revenir à la vue de départ
map-search-centre = Lieu de la recherche
map-as-list = Voir les { $count } services en liste
map-unlocated =
    { $count ->
        [one] { $count } service sans adresse (une ligne téléphonique) n'est pas sur la carte.
       *[other] { $count } services sans adresse (lignes téléphoniques) ne sont pas sur la carte.
    }
map-open-detail = Ouvrir la fiche

## A service

detail-loading = Chargement…
detail-not-found = Ce service n'est plus dans les données.
in-italian = en italien
favourite-add = Ajouter aux favoris
favourite-remove = Retirer des favoris
action-call = Appeler
action-directions = Itinéraire
action-osm = Voir sur OpenStreetMap
action-card = Fiche pour le guichet
action-report = Signaler une erreur
action-share = Partager
share-copied = Copié : collez-le dans un message.
email-certified = E-mail certifié (PEC) : il peut ne pas accepter les e-mails normaux.
detail-alert = Avis
closed-until = Fermé temporairement jusqu'au { $date }
closed-for-now = Fermé temporairement
service-withdrawn = Ce service n'existe plus.
detail-where = Où
detail-approximate = Position approximative : le point est le centre de la commune, pas le bureau.
detail-precision-street = Position : la rue.
detail-precision-building = Position : le bâtiment.
detail-hours = Horaires
detail-today = aujourd'hui
detail-holiday = jour férié
detail-closed-day = fermé
detail-hours-uncertain = à confirmer
detail-hours-unreadable = L'application n'arrive pas à lire ces horaires. Texte d'origine :
detail-hours-unknown = Horaires inconnus : téléphonez avant d'y aller.
detail-contacts = Contacts
phone-text-only = messages uniquement
detail-email = E-mail
detail-website = Site web
detail-organization = Géré par
detail-languages = Langues parlées
detail-access = Comment y accéder
detail-application = Comment faire
detail-fees = Coûts
detail-eligibility = Qui peut y aller
detail-accessibility = Accessibilité
detail-verified = Vérifié le { $date }
detail-not-verified = On ne sait pas quand ces informations ont été vérifiées.
detail-sources = Sources
detail-data = Données { $feed }, version { $version }
report-hint = Le message s'ouvre dans votre application de messagerie. Vous pouvez aussi l'envoyer plus tard.
report-no-contact = Ces données ne disent pas à qui écrire : choisissez vous-même le destinataire.

## The referral card

card-title = Fiche pour le guichet
card-print = Imprimer
card-show = Montrez cette fiche au guichet.
card-need = J'ai besoin de ce service.
card-address = Adresse
card-phone = Téléphone
card-hours = Horaires
card-qr = Code QR avec l'adresse et le téléphone

## Data on this device

status-feed =
    { $feed } : version { $version }, { $count ->
        [one] { $count } service
       *[other] { $count } services
    }
status-data-date = données du { $date }
status-expired = Ces données sont périmées : certaines informations peuvent être anciennes.
status-last-failed = La dernière mise à jour n'a pas réussi.
sync-checking = Recherche de mises à jour…
sync-downloading = Téléchargement ({ $megabytes } Mo)…
sync-applying =
    { $count ->
        [one] Mise à jour de { $count } service…
       *[other] Mise à jour de { $count } services…
    }
sync-failed = La mise à jour n'a pas réussi : { $error }
sync-failed-unreachable = La mise à jour n'a pas réussi : le serveur des données ne répond pas. Réessayez quand vous avez accès à internet.
sync-failed-slow = La mise à jour n'a pas réussi : le serveur des données a répondu trop lentement et la mise à jour a été arrêtée. Réessayez plus tard.
sync-failed-signature = Mise à jour refusée : les données reçues ne correspondent pas à leur signature et ont peut-être été modifiées. Les données sur cet appareil n'ont pas changé. Si cela se reproduit, prévenez les personnes qui publient ces données.
sync-failed-unknown-key = Mise à jour refusée : les données reçues sont signées avec une clé en laquelle cet appareil n'a pas confiance. Les données sur cet appareil n'ont pas changé. Si cela se reproduit, prévenez les personnes qui publient ces données.
sync-failed-older = Mise à jour refusée : le serveur a proposé des données plus anciennes que celles de cet appareil, ou a changé une version déjà publiée. Les données sur cet appareil n'ont pas changé. Si cela se reproduit, prévenez les personnes qui publient ces données.
sync-failed-other-feed = Mise à jour refusée : cette adresse propose maintenant une autre liste de services. Les données sur cet appareil n'ont pas changé. Si cela se reproduit, prévenez les personnes qui publient ces données.
sync-failed-mismatch = Mise à jour refusée : un fichier téléchargé ne correspond pas à la liste signée, car il a été modifié ou abîmé en chemin. Les données sur cet appareil n'ont pas changé. Réessayez plus tard et, si cela se reproduit, prévenez les personnes qui publient ces données.
sync-failed-too-large = Mise à jour refusée : un fichier reçu dépasse la taille autorisée. Les données sur cet appareil n'ont pas changé.
sync-failed-malformed = Mise à jour refusée : les fichiers reçus ne sont pas dans le format attendu. Les données sur cet appareil n'ont pas changé.
sync-failed-records = Mise à jour refusée : les données reçues contiennent des erreurs dans les informations sur certains services. Les données sur cet appareil n'ont pas changé.
sync-failed-storage = La mise à jour n'a pas réussi : impossible d'enregistrer les données sur cet appareil.
share-title = Transmettre l'annuaire
share-what = Enregistrez l'annuaire des services de cet appareil dans un fichier, avec la signature de son éditeur, pour mettre à jour un autre appareil sans internet (clé USB, Bluetooth). L'appareil qui le charge vérifie la signature : un fichier modifié est refusé.
share-export = Enregistrer dans un fichier
share-import = Charger depuis un fichier
share-saved-to = Enregistré dans { $path }
share-downloaded = Téléchargé sous le nom { $file }
share-handed-on = Fichier partagé.
share-failed = Le fichier n'a pas pu être enregistré : { $error }
share-loaded = Données mises à jour depuis le fichier : { $feed }, version { $version }.
share-up-to-date = Cet appareil a déjà ces données.
share-older = Le fichier contient des données plus anciennes que celles de l'appareil. Les données de l'appareil n'ont pas changé.
share-bad-file = Ce fichier n'est pas un annuaire Bussola complet : il est peut-être incomplet ou endommagé. Les données de l'appareil n'ont pas changé.
sync-details = Détails techniques
sync-update-now = Mettre à jour maintenant
sync-in-progress = Mise à jour en cours…

## About

about-title = À propos
about-what = Bussola rassemble les services pour les personnes étrangères : titre de séjour, santé, travail, cours d'italien, aide juridique. L'application fonctionne aussi sans internet.
about-privacy-title = Confidentialité
about-privacy = Vos recherches et votre position restent sur ce téléphone ou cet ordinateur. Bussola n'a pas de publicité et ne collecte pas de statistiques.
about-data-title = Les données
about-data = Chaque fiche dit d'où viennent les informations et quand elles ont été vérifiées. Beaucoup de positions sont seulement le centre de la commune. Avant d'y aller, téléphonez si vous pouvez.
about-attribution-title = Cartes et communes
about-version = Version { $version }
about-licence = Logiciel libre sous licence EUPL-1.2.

## Errors

error-generic = Quelque chose n'a pas marché : { $detail }

## Added after the first translation

favourites-empty = Vous n'avez pas encore de favoris. Ouvrez un service et touchez l'étoile pour l'enregistrer ici.

## Vos données : les effacer, et ce qui se passe si le fichier est endommagé
clear-title = Vos données
clear-explain = Les favoris, les notes, les corrections et les réglages (langue, lieu, filtres) restent seulement sur cet appareil. Bussola ne garde pas l'historique des recherches.
clear-button = Effacer mes données
clear-question = Voulez-vous effacer les favoris, les notes et les réglages de cet appareil ? La liste des services reste.
clear-confirm = Oui, effacer
clear-cancel = Annuler
clear-done = Vos données ont été effacées de cet appareil.
notice-close = Fermer
storage-memory-unsupported = Ce navigateur ne permet pas à Bussola de garder ses données sur l'appareil : elle ne fonctionne que pour cette visite, et les favoris et réglages sont perdus à la fermeture.
storage-memory-in-use = Bussola est déjà ouverte dans un autre onglet ou une autre fenêtre. Ici, elle ne fonctionne que pour cette visite, sans vos favoris : fermez cet onglet et utilisez l'autre.
app-update-ready = Une nouvelle version de Bussola est prête : elle s'ouvrira au prochain démarrage.
app-update-start = Mettre à jour maintenant
recovered-title = Les données sur cet appareil étaient endommagées.
recovered-body = Bussola a mis de côté le fichier endommagé et a recommencé avec la liste des services fournie avec l'application. La liste sera mise à jour à la prochaine connexion.
recovered-kept = Vos favoris et vos réglages ont été récupérés.
recovered-lost = Vos favoris et vos réglages n'ont pas pu être lus.
recovered-where = Le fichier endommagé est conservé dans { $path }.
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = Écouter
action-stop-listening = Arrêter la voix
speech-no-voice = Cet appareil n'a pas de voix pour cette langue.
read-aloud = Lire à voix haute
read-aloud-on = Lecture à voix haute activée : touchez un bouton pour entendre son nom.
speech-title = Voix
speech-pace-label = Vitesse de la voix
speech-pace-slow = Lente, pour ceux qui apprennent
speech-pace-normal = Normale
speak-time = { $minute ->
    [0] { $hour ->
        [0] minuit
        [1] une heure
        [12] midi
        [21] vingt et une heures
       *[other] { $hour } heures
    }
   *[other] { $hour ->
        [0] minuit { $minute }
        [1] une heure { $minute }
        [12] midi { $minute }
        [21] vingt et une heures { $minute }
       *[other] { $hour } heures { $minute }
    }
}
speak-open-now = C'est ouvert maintenant.
speak-closes-today = Fermeture aujourd'hui à { $time }.
speak-closes-on = Fermeture { $day } à { $time }.
speak-closed-now = C'est fermé maintenant.
speak-opens-today = Ouverture aujourd'hui à { $time }.
speak-opens-on = Ouverture { $day } à { $time }.
speak-hours-unknown = Les horaires ne sont pas connus : téléphonez avant d'y aller.
speak-hours-uncertain = Les horaires ne sont pas sûrs : téléphonez avant d'y aller.
speak-closed-for-now = Il est fermé pour le moment : téléphonez avant d'y aller.
speak-withdrawn = Ce service n'existe plus.
speak-address = Adresse :
speak-phone = Numéro de téléphone : { $digits }.
speak-access = Comment y accéder :

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] Vérifié il y a plus d'un an : téléphonez avant d'y aller.
   *[other] Vérifié il y a { $years } ans : téléphonez avant d'y aller.
}
data-never-checked = On ne sait pas quand ces informations ont été vérifiées : téléphonez avant d'y aller.
translated-from-italian = traduit de l'italien
about-stale = { $stale ->
    [0] Les { $total } services ont tous été vérifiés il y a moins d'un an.
    [one] 1 service sur { $total } a été vérifié il y a plus d'un an, ou on ne sait pas quand : téléphonez avant d'y aller.
   *[other] { $stale } services sur { $total } ont été vérifiés il y a plus d'un an, ou on ne sait pas quand : téléphonez avant d'y aller.
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = Feuille
sheet-add = Ajouter à la feuille
sheet-remove-from = Retirer de la feuille
sheet-full = La feuille contient au plus { $max } services.
sheet-title = Feuille de services
sheet-empty = La feuille est vide. Ouvrez un service et choisissez « Ajouter à la feuille ».
sheet-up = Monter
sheet-down = Descendre
sheet-remove = Retirer
sheet-clear = Vider la feuille
sheet-print = Imprimer
sheet-save = Enregistrer en image
sheet-saved = Image enregistrée dans { $path }
sheet-downloaded = Image téléchargée.
sheet-shared = Image envoyée.
sheet-save-failed = L'image n'a pas pu être enregistrée : { $reason }
sheet-missing = Un service de la feuille n'est plus dans l'annuaire.
sheet-heading = Services pour vous
sheet-languages = Langues parlées
sheet-access = Comment y accéder
sheet-documents = Ce qu'il faut apporter

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = Quelque chose ne va pas
correction-what = Qu'est-ce qui ne va pas ?
correction-field-closed_for_good = Il a fermé définitivement
correction-field-moved = Il a déménagé
correction-field-hours = Les horaires sont faux
correction-field-phone = Le téléphone est faux
correction-field-email = L'e-mail est faux
correction-field-website = Le site web est faux
correction-field-other = Autre chose
correction-value = La bonne information
correction-note = Une note (si vous voulez)
correction-private = Elle reste seulement sur cet appareil. Rien n'est envoyé tant que vous ne le choisissez pas.
correction-save = Enregistrer la correction
correction-saved = Enregistrée dans « Mes corrections ».
correction-failed = La correction n'a pas été enregistrée : { $reason }
corrections-title = Mes corrections
correction-old = Les données disaient
correction-about = Données version { $version } · { $date }
correction-send = Envoyer par e-mail
correction-file = Enregistrer comme fichier
correction-remove = Supprimer
correction-no-contact = Cet annuaire n'indique pas d'e-mail pour les signalements : écrivez l'adresse vous-même, ou enregistrez la correction comme fichier et remettez-la.
