# Bussola — English. Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences.

## The window

app-name = Bussola
app-tagline = Services for migrants, even without internet
nav-label = Sections
nav-search = Search
nav-favourites = Favourites
nav-about = About
language-label = Language
back = Back

## Search

search-label = Search for a service
search-placeholder = permit, doctor, Italian course…
where-title = Where are you?
where-text = Type your comune (town) or postal code below: the nearest services will come first. It stays on this device only.
where-later = Not now
place-label = Where?
place-placeholder = Town or postcode
place-clear = Remove the place
place-none-found = No town with this name
place-use-location = Use my location
place-my-location = My location
place-location-failed = Your location is not available.
categories-label = What do you need?
filter-open-now = Open now
filter-language = Language spoken at the office
filter-language-any = Any language
filters-label = Filters
view-label = How to see the results
view-list = List
view-map = Map
results-count =
    { $count ->
        [0] No services found
        [one] 1 service
       *[other] { $count } services
    }
results-more = Show more
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = More than { $count } services
results-empty-hint = Try fewer words, or remove a filter.
search-read-as = Showing results for “{ $meant }”: you typed “{ $typed }”.
search-handled-by = This is done by { $office }; the services below can help you with it.
search-left-out = No service mentions “{ $words }”: here are the results for the other words.
search-partial = No service matches all the words: here are those that match most of them.
anywhere-in-italy = All of Italy
approximate-mark = approximate location
open-now = Open now
closed-now = Closed now
hours-unknown = Opening hours not known
hours-uncertain = Hours uncertain: call first
opens-today-at = opens at { $time }
opens-on-at = opens on { $day } at { $time }
closes-at = closes at { $time }
closes-on-at = closes on { $day } at { $time }
distance-away = { $distance } away

## Days of the week, Monday first

weekday-0 = Monday
weekday-1 = Tuesday
weekday-2 = Wednesday
weekday-3 = Thursday
weekday-4 = Friday
weekday-5 = Saturday
weekday-6 = Sunday

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = Monday
weekday-on-1 = Tuesday
weekday-on-2 = Wednesday
weekday-on-3 = Thursday
weekday-on-4 = Friday
weekday-on-5 = Saturday
weekday-on-6 = Sunday

## Categories of services

cat-permits = Residence permit
cat-access-point = Information desk
cat-mediation = Cultural mediation
cat-legal = Legal advice
cat-language = Italian courses
cat-health = Health
cat-family = Family
cat-work = Work
cat-housing = Housing
cat-food-shelter = Food and shelter
cat-education = School and study
cat-community = Community groups
cat-helpline = Helplines
cat-emergency = Emergency
cat-town-hall = Town hall
cat-other = Other

## Languages spoken at an office

lang-it = Italian
lang-en = English
lang-fr = French
lang-ar = Arabic
lang-uk = Ukrainian
lang-ro = Romanian
lang-sq = Albanian
lang-es = Spanish
lang-zh = Chinese
lang-bn = Bengali
lang-ur = Urdu
lang-ru = Russian
lang-pt = Portuguese
lang-de = German
lang-fa = Persian
lang-ps = Pashto
lang-ti = Tigrinya
lang-tr = Turkish
lang-pa = Punjabi
lang-hi = Hindi
lang-wo = Wolof
lang-other = other language ({ $code })

## The map

map-label = Map of services
map-hint = Drag to move. Use the wheel or + and − to zoom.
map-zoom-in = Zoom in
map-zoom-out = Zoom out
map-reset = Back to the first view
map-search-centre = Place you searched for
map-as-list = See the { $count } services as a list
map-unlocated =
    { $count ->
        [one] 1 service with no address (a phone line) is not on the map.
       *[other] { $count } services with no address (phone lines) are not on the map.
    }
map-open-detail = Open the details

## A service

detail-loading = Loading…
detail-not-found = This service is no longer in the data.
in-italian = in Italian
favourite-add = Save to favourites
favourite-remove = Remove from favourites
action-call = Call
action-directions = Directions
action-osm = See on OpenStreetMap
action-card = Card for the office
action-report = Report a mistake
action-share = Share
share-copied = Copied: paste it into a message.
email-certified = Certified email (PEC): it may not accept ordinary emails.
detail-alert = Notice
closed-until = Temporarily closed until { $date }
closed-for-now = Temporarily closed
service-withdrawn = This service is no longer offered.
detail-where = Where
detail-approximate = Approximate location: the point is the centre of the town, not the office.
detail-precision-street = Location: the street.
detail-precision-building = Location: the building.
detail-hours = Opening hours
detail-today = today
detail-holiday = public holiday
detail-closed-day = closed
detail-hours-uncertain = to be confirmed
detail-hours-unreadable = The app cannot read these opening hours. Original text:
detail-hours-unknown = Opening hours not known: call before you go.
detail-contacts = Contacts
phone-text-only = text messages only
detail-email = Email
detail-website = Website
detail-organization = Run by
detail-languages = Languages spoken
detail-access = How to get the service
detail-application = What to do
detail-fees = Costs
detail-eligibility = Who can go
detail-accessibility = Accessibility
detail-verified = Checked on { $date }
detail-not-verified = We do not know when this was checked.
detail-sources = Sources
detail-data = Data: { $feed }, version { $version }
report-hint = The email opens in your mail app. You can also send it later.
report-no-contact = This data does not say who to write to: choose the recipient yourself.

## The referral card

card-title = Card for the office
card-print = Print
card-show = Show this card at the office.
card-need = I need this service.
card-address = Address
card-phone = Phone
card-hours = Opening hours
card-qr = QR code with address and phone number

## Data on this device

status-feed =
    { $feed }: version { $version }, { $count ->
        [one] 1 service
       *[other] { $count } services
    }
status-data-date = data from { $date }
status-expired = This data is out of date: some information may be old.
status-last-failed = The last update did not work.
sync-checking = Checking for updates…
sync-downloading = Downloading ({ $megabytes } MB)…
sync-applying =
    { $count ->
        [one] Updating 1 service…
       *[other] Updating { $count } services…
    }
sync-failed = Update failed: { $error }
sync-failed-unreachable = Update failed: the data server is not responding. Try again when you are connected to the internet.
sync-failed-slow = Update failed: the data server answered too slowly and the update was stopped. Try again later.
sync-failed-signature = Update refused: the data received does not match its signature and may have been altered. The data on this device has not changed. If this happens again, tell the people who publish this data.
sync-failed-unknown-key = Update refused: the data received is signed with a key this device does not trust. The data on this device has not changed. If this happens again, tell the people who publish this data.
sync-failed-older = Update refused: the server offered older data than this device already has, or changed a version already published. The data on this device has not changed. If this happens again, tell the people who publish this data.
sync-failed-other-feed = Update refused: this address now offers a different list of services. The data on this device has not changed. If this happens again, tell the people who publish this data.
sync-failed-mismatch = Update refused: a downloaded file does not match the signed list, because it was altered or damaged on the way. The data on this device has not changed. Try again later, and if this happens again, tell the people who publish this data.
sync-failed-too-large = Update refused: a file received is larger than allowed. The data on this device has not changed.
sync-failed-malformed = Update refused: the files received are not in the expected format. The data on this device has not changed.
sync-failed-records = Update refused: the data received contains errors in the information about some services. The data on this device has not changed.
sync-failed-storage = Update failed: the data could not be saved on this device.
share-title = Pass the directory on
share-what = Save this device's directory of services in one file, with its publisher's signature, to update another device without internet (USB stick, Bluetooth). The device that loads it checks the signature: a changed file is refused.
share-export = Save to a file
share-import = Load from a file
share-saved-to = Saved in { $path }
share-downloaded = Downloaded as { $file }
share-handed-on = File shared.
share-failed = The file could not be saved: { $error }
share-loaded = Data updated from the file: { $feed }, version { $version }.
share-up-to-date = This device already has this data.
share-older = The file holds older data than this device. The data on this device has not changed.
share-bad-file = This is not a whole Bussola directory file: it may be incomplete or damaged. The data on this device has not changed.
sync-details = Technical details
sync-update-now = Update now
sync-in-progress = Updating…

## About

about-title = About
about-what = Bussola lists services for migrants: residence permits, health, work, Italian courses, legal help. It also works without internet.
about-privacy-title = Privacy
about-privacy = Your searches and your location stay on this phone or computer. Bussola has no ads and collects no statistics.
about-data-title = The data
about-data = Each service page says where the information comes from and when it was checked. Many locations are only the centre of the town. Before you go, call if you can.
about-attribution-title = Maps and towns
about-version = Version { $version }
about-licence = Free software under the EUPL-1.2 licence.

## Errors

error-generic = Something went wrong: { $detail }

## Added after the first translation

favourites-empty = You have no favourites yet. Open a service and tap the star to save it here.

## Your data: clearing it, and what happens when the file is damaged
clear-title = Your data
clear-explain = Favourites, notes, corrections and settings (language, place, filters) stay only on this device. Bussola keeps no history of your searches.
clear-button = Clear my data
clear-question = Remove favourites, notes and settings from this device? The list of services stays.
clear-confirm = Yes, remove them
clear-cancel = Cancel
clear-done = Your data has been removed from this device.
notice-close = Close
storage-memory-unsupported = This browser does not let Bussola keep its data on the device: it works for this visit only, and favourites and settings are lost when you close it.
storage-memory-in-use = Bussola is already open in another tab or window. Here it works for this visit only, without your favourites: close this tab and use the other one.
app-update-ready = A new version of Bussola is ready: it will open the next time you start the app.
app-update-start = Update now
recovered-title = The data on this device was damaged.
recovered-body = Bussola put the damaged file aside and started again from the list of services that comes with the app. It will update at the next connection.
recovered-kept = Your favourites and settings were recovered.
recovered-lost = Your favourites and settings could not be read.
recovered-where = The damaged file is kept at { $path }.

## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23), { $minute } (0–59), { $hour12 } (1–12)
## and { $period } (morning, afternoon, evening, night), and are said as people say them; days
## come from weekday-on-N.
action-listen = Listen
action-stop-listening = Stop the voice
speech-no-voice = This device has no voice for this language.
read-aloud = Read aloud
read-aloud-on = Reading aloud is on: tap a button to hear its name.
speech-title = Voice
speech-pace-label = Speed of the voice
speech-pace-slow = Slow, for learners
speech-pace-normal = Normal
speak-time = { $hour ->
    [0] { $minute ->
        [0] midnight
       *[other] 12 { $minute } at night
    }
    [12] { $minute ->
        [0] noon
       *[other] 12 { $minute } in the afternoon
    }
   *[other] { $hour12 }{ $minute ->
        [0] {""}
        [1] {" "}oh 1
        [2] {" "}oh 2
        [3] {" "}oh 3
        [4] {" "}oh 4
        [5] {" "}oh 5
        [6] {" "}oh 6
        [7] {" "}oh 7
        [8] {" "}oh 8
        [9] {" "}oh 9
       *[other] {" "}{ $minute }
    } { $period ->
        [morning] in the morning
        [afternoon] in the afternoon
        [evening] in the evening
       *[night] at night
    }
}
speak-open-now = It is open now.
speak-closes-today = It closes today at { $time }.
speak-closes-on = It closes on { $day } at { $time }.
speak-closed-now = It is closed now.
speak-opens-today = It opens today at { $time }.
speak-opens-on = It opens on { $day } at { $time }.
speak-hours-unknown = The opening hours are not known: call before you go.
speak-hours-uncertain = The opening hours are not certain: call before you go.
speak-closed-for-now = It is closed for now: call before you go.
speak-withdrawn = This service is no longer offered.
speak-address = Address:
speak-phone = Phone number: { $digits }.
speak-access = How to get access:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] Checked over a year ago: call before you go.
   *[other] Checked { $years } years ago: call before you go.
}
data-never-checked = Nobody knows when this was checked: call before you go.
translated-from-italian = translated from Italian
about-stale = { $stale ->
    [0] All { $total } services were checked in the last year.
    [one] 1 of { $total } services was checked more than a year ago, or nobody knows when: call before you go.
   *[other] { $stale } of { $total } services were checked more than a year ago, or nobody knows when: call before you go.
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = Sheet
sheet-add = Add to the sheet
sheet-remove-from = Remove from the sheet
sheet-full = The sheet holds at most { $max } services.
sheet-title = Sheet of services
sheet-empty = The sheet is empty. Open a service and choose "Add to the sheet".
sheet-up = Move up
sheet-down = Move down
sheet-remove = Remove
sheet-clear = Clear the sheet
sheet-print = Print
sheet-save = Save as an image
sheet-saved = Image saved in { $path }
sheet-downloaded = Image downloaded.
sheet-shared = Image sent.
sheet-save-failed = The image could not be saved: { $reason }
sheet-missing = A service on the sheet is no longer in the directory.
sheet-heading = Services for you
sheet-languages = Languages spoken
sheet-access = How to get access
sheet-documents = What to bring

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = Something is wrong
correction-what = What is wrong?
correction-field-closed_for_good = It has closed for good
correction-field-moved = It has moved
correction-field-hours = The hours are wrong
correction-field-phone = The phone number is wrong
correction-field-email = The e-mail is wrong
correction-field-website = The website is wrong
correction-field-other = Something else
correction-value = The right value
correction-note = A note (if you want)
correction-private = It stays on this device only. Nothing is sent until you choose to send it.
correction-save = Save the correction
correction-saved = Saved in "My corrections".
correction-failed = The correction was not saved: { $reason }
corrections-title = My corrections
correction-old = The data said
correction-about = Data version { $version } · { $date }
correction-send = Send by e-mail
correction-file = Save as a file
correction-remove = Delete
correction-no-contact = This directory gives no e-mail address for reports: write the address yourself, or save the correction as a file and hand it over.
