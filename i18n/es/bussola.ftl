# Bussola — Spanish (español). Translated from the Italian reference (i18n/it/bussola.ftl).
# Same messages and variables as the Italian file. Short, plain sentences; the user is addressed as "tú"; neutral Spanish (many readers are from Latin America).

## The window

app-name = Bussola
app-tagline = Servicios para personas extranjeras, también sin internet
nav-label = Secciones
nav-search = Buscar
nav-favourites = Favoritos
nav-about = Información
language-label = Idioma
back = Atrás

## Search

search-label = Busca un servicio
search-placeholder = permiso, médico, curso de italiano…
where-title = ¿Dónde estás?
where-text = Escribe abajo tu municipio (comune) o el código postal: los servicios más cercanos aparecerán primero. Se queda solo en este dispositivo.
where-later = Ahora no
place-label = ¿Dónde?
place-placeholder = Municipio o código postal
place-clear = Quitar el lugar
place-none-found = No hay ningún municipio con este nombre
place-use-location = Usar mi ubicación
place-my-location = Mi ubicación
place-location-failed = La ubicación no está disponible.
categories-label = ¿Qué necesitas?
filter-open-now = Abierto ahora
filter-language = Idioma que se habla en la oficina
filter-language-any = Cualquier idioma
filters-label = Filtros
view-label = Cómo ver los resultados
view-list = Lista
view-map = Mapa
results-count =
    { $count ->
        [0] No se encontró ningún servicio
        [one] 1 servicio
       *[other] { $count } servicios
    }
results-more = Mostrar más
# The count when the list shows only its first page ("Show more" brings the rest).
results-count-more = Más de { $count } servicios
results-empty-hint = Prueba con menos palabras, o quita un filtro.
search-read-as = Resultados para «{ $meant }»: escribiste «{ $typed }».
search-handled-by = De esto se encarga { $office }; los servicios de abajo pueden ayudarte.
search-left-out = Ningún servicio menciona «{ $words }»: estos son los resultados para las demás palabras.
search-partial = Ningún servicio contiene todas las palabras: aquí están los que contienen más.
anywhere-in-italy = Toda Italia
approximate-mark = ubicación aproximada
open-now = Abierto ahora
closed-now = Cerrado ahora
hours-unknown = Horario desconocido
hours-uncertain = Horario incierto: llama antes
opens-today-at = abre a las { $time }
opens-on-at = abre el { $day } a las { $time }
closes-at = cierra a las { $time }
closes-on-at = cierra el { $day } a las { $time }
distance-away = a { $distance }

## Days of the week, Monday first

weekday-0 = lunes
weekday-1 = martes
weekday-2 = miércoles
weekday-3 = jueves
weekday-4 = viernes
weekday-5 = sábado
weekday-6 = domingo

# The days as they read inside opens-on-at and closes-on-at.
weekday-on-0 = lunes
weekday-on-1 = martes
weekday-on-2 = miércoles
weekday-on-3 = jueves
weekday-on-4 = viernes
weekday-on-5 = sábado
weekday-on-6 = domingo

## Categories of services

cat-permits = Permiso de residencia
cat-access-point = Punto de información
cat-mediation = Mediación cultural
cat-legal = Asesoría legal
cat-language = Cursos de italiano
cat-health = Salud
cat-family = Familia
cat-work = Trabajo
cat-housing = Vivienda
cat-food-shelter = Comida y acogida
cat-education = Escuela y estudios
cat-community = Asociaciones
cat-helpline = Teléfonos de ayuda
cat-emergency = Emergencia
cat-town-hall = Ayuntamiento
cat-other = Otros

## Languages spoken at an office

lang-it = italiano
lang-en = inglés
lang-fr = francés
lang-ar = árabe
lang-uk = ucraniano
lang-ro = rumano
lang-sq = albanés
lang-es = español
lang-zh = chino
lang-bn = bengalí
lang-ur = urdu
lang-ru = ruso
lang-pt = portugués
lang-de = alemán
lang-fa = persa
lang-ps = pastún
lang-ti = tigriña
lang-tr = turco
lang-pa = panyabí
lang-hi = hindi
lang-wo = wólof
lang-other = otro idioma ({ $code })

## The map

map-label = Mapa de los servicios
map-hint = Arrastra para mover el mapa. Usa la rueda o + y − para ampliar.
map-zoom-in = Ampliar
map-zoom-out = Reducir
map-reset = Volver a la vista inicial
map-search-centre = Lugar de la búsqueda
map-as-list = Ver los { $count } servicios como lista
map-unlocated =
    { $count ->
        [one] 1 servicio sin dirección (una línea telefónica) no está en el mapa.
       *[other] { $count } servicios sin dirección (líneas telefónicas) no están en el mapa.
    }
map-open-detail = Abrir la ficha

## A service

detail-loading = Cargando…
detail-not-found = Este servicio ya no está en los datos.
in-italian = en italiano
favourite-add = Guardar en favoritos
favourite-remove = Quitar de favoritos
action-call = Llamar
action-directions = Cómo llegar
action-osm = Ver en OpenStreetMap
action-card = Ficha para la oficina
action-report = Avisar de un error
action-share = Compartir
share-copied = Copiado: pégalo en un mensaje.
email-certified = Correo electrónico certificado (PEC): puede no aceptar los correos normales.
detail-alert = Aviso
closed-until = Cerrado temporalmente hasta el { $date }
closed-for-now = Cerrado temporalmente
service-withdrawn = Este servicio ya no se ofrece.
detail-where = Dónde
detail-approximate = Ubicación aproximada: el punto es el centro del municipio, no la oficina.
detail-precision-street = Ubicación: la calle.
detail-precision-building = Ubicación: el edificio.
detail-hours = Horario
detail-today = hoy
detail-holiday = festivo
detail-closed-day = cerrado
detail-hours-uncertain = por confirmar
detail-hours-unreadable = La app no puede leer este horario. Texto original:
detail-hours-unknown = Horario desconocido: llama antes de ir.
detail-contacts = Contactos
phone-text-only = solo mensajes
detail-email = Correo electrónico
detail-website = Sitio web
detail-organization = Lo gestiona
detail-languages = Idiomas que se hablan
detail-access = Cómo acceder
detail-application = Qué hacer
detail-fees = Costos
detail-eligibility = Quién puede ir
detail-accessibility = Accesibilidad
detail-verified = Revisado el { $date }
detail-not-verified = No se sabe cuándo se revisó.
detail-sources = Fuentes
detail-data = Datos { $feed }, versión { $version }
report-hint = El correo se abre en tu app de correo. También puedes enviarlo más tarde.
report-no-contact = Estos datos no dicen a quién escribir: elige tú el destinatario.

## The referral card

card-title = Ficha para la oficina
card-print = Imprimir
card-show = Muestra esta ficha en la oficina.
card-need = Necesito este servicio.
card-address = Dirección
card-phone = Teléfono
card-hours = Horario
card-qr = Código QR con la dirección y el teléfono

## Data on this device

status-feed =
    { $feed }: versión { $version }, { $count ->
        [one] 1 servicio
       *[other] { $count } servicios
    }
status-data-date = datos del { $date }
status-expired = Estos datos están vencidos: alguna información puede ser antigua.
status-last-failed = La última actualización no funcionó.
sync-checking = Buscando actualizaciones…
sync-downloading = Descargando ({ $megabytes } MB)…
sync-applying =
    { $count ->
        [one] Actualizando 1 servicio…
       *[other] Actualizando { $count } servicios…
    }
sync-failed = La actualización no funcionó: { $error }
sync-failed-unreachable = La actualización no funcionó: el servidor de datos no responde. Vuelve a intentarlo cuando tengas conexión a internet.
sync-failed-slow = La actualización no funcionó: el servidor de datos tardó demasiado en responder y la actualización se detuvo. Vuelve a intentarlo más tarde.
sync-failed-signature = Actualización rechazada: los datos recibidos no coinciden con su firma y quizás fueron modificados. Los datos en este dispositivo no cambiaron. Si vuelve a pasar, avisa a las personas que publican estos datos.
sync-failed-unknown-key = Actualización rechazada: los datos recibidos están firmados con una clave en la que este dispositivo no confía. Los datos en este dispositivo no cambiaron. Si vuelve a pasar, avisa a las personas que publican estos datos.
sync-failed-older = Actualización rechazada: el servidor ofreció datos más antiguos que los que ya tiene este dispositivo, o cambió una versión ya publicada. Los datos en este dispositivo no cambiaron. Si vuelve a pasar, avisa a las personas que publican estos datos.
sync-failed-other-feed = Actualización rechazada: esta dirección ahora ofrece otra lista de servicios. Los datos en este dispositivo no cambiaron. Si vuelve a pasar, avisa a las personas que publican estos datos.
sync-failed-mismatch = Actualización rechazada: un archivo descargado no coincide con la lista firmada, porque fue modificado o se dañó en el camino. Los datos en este dispositivo no cambiaron. Vuelve a intentarlo más tarde y, si vuelve a pasar, avisa a las personas que publican estos datos.
sync-failed-too-large = Actualización rechazada: un archivo recibido es más grande de lo permitido. Los datos en este dispositivo no cambiaron.
sync-failed-malformed = Actualización rechazada: los archivos recibidos no tienen el formato esperado. Los datos en este dispositivo no cambiaron.
sync-failed-records = Actualización rechazada: los datos recibidos tienen errores en la información de algunos servicios. Los datos en este dispositivo no cambiaron.
sync-failed-storage = La actualización no funcionó: no se pudieron guardar los datos en este dispositivo.
share-title = Pasar el directorio
share-what = Guarda en un archivo el directorio de servicios de este dispositivo, con la firma de quien lo publica, para actualizar otro dispositivo sin internet (memoria USB, Bluetooth). Quien lo carga comprueba la firma: un archivo modificado se rechaza.
share-export = Guardar en un archivo
share-import = Cargar desde un archivo
share-saved-to = Guardado en { $path }
share-downloaded = Descargado como { $file }
share-handed-on = Archivo compartido.
share-failed = No se pudo guardar el archivo: { $error }
share-loaded = Datos actualizados desde el archivo: { $feed }, versión { $version }.
share-up-to-date = Este dispositivo ya tiene estos datos.
share-older = El archivo tiene datos más antiguos que los del dispositivo. Los datos del dispositivo no han cambiado.
share-bad-file = Este archivo no es un directorio de Bussola completo: puede estar incompleto o dañado. Los datos del dispositivo no han cambiado.
sync-details = Detalles técnicos
sync-update-now = Actualizar ahora
sync-in-progress = Actualizando…

## About

about-title = Información
about-what = Bussola reúne los servicios para personas extranjeras: permiso de residencia, salud, trabajo, cursos de italiano, ayuda legal. También funciona sin internet.
about-privacy-title = Privacidad
about-privacy = Tus búsquedas y tu ubicación se quedan en este teléfono o computadora. Bussola no tiene publicidad y no recoge estadísticas.
about-data-title = Los datos
about-data = Cada ficha dice de dónde viene la información y cuándo se revisó. Muchas ubicaciones son solo el centro del municipio. Antes de ir, si puedes, llama.
about-attribution-title = Mapas y municipios
about-version = Versión { $version }
about-licence = Software libre con licencia EUPL-1.2.

## Errors

error-generic = Algo no funcionó: { $detail }

## Added after the first translation

favourites-empty = Todavía no tienes favoritos. Abre un servicio y toca la estrella para guardarlo aquí.

## Tus datos: borrarlos, y qué pasa si el archivo está dañado
clear-title = Tus datos
clear-explain = Los favoritos, las notas, las correcciones y la configuración (idioma, lugar, filtros) se quedan solo en este dispositivo. Bussola no guarda el historial de búsquedas.
clear-button = Borrar mis datos
clear-question = ¿Quieres borrar los favoritos, las notas y la configuración de este dispositivo? La lista de servicios se queda.
clear-confirm = Sí, borrar
clear-cancel = Cancelar
clear-done = Tus datos se borraron de este dispositivo.
notice-close = Cerrar
storage-memory-unsupported = Este navegador no permite que Bussola guarde sus datos en el dispositivo: solo funciona durante esta visita, y los favoritos y ajustes se pierden al cerrarla.
storage-memory-in-use = Bussola ya está abierta en otra pestaña o ventana. Aquí solo funciona durante esta visita, sin tus favoritos: cierra esta pestaña y usa la otra.
app-update-ready = Hay una nueva versión de Bussola lista: se abrirá la próxima vez que inicies la aplicación.
app-update-start = Actualizar ahora
recovered-title = Los datos en este dispositivo estaban dañados.
recovered-body = Bussola guardó aparte el archivo dañado y empezó de nuevo con la lista de servicios que viene con la app. La lista se actualizará la próxima vez que te conectes.
recovered-kept = Se recuperaron tus favoritos y tu configuración.
recovered-lost = No se pudieron leer tus favoritos ni tu configuración.
recovered-where = El archivo dañado está guardado en { $path }.
## Listen: a service read aloud. The speak-* messages are heard, not read: no abbreviations,
## symbols or brackets. Times arrive as { $hour } (0–23) and { $minute } (0–59) numbers and are
## said as people say them; days come from weekday-on-N.
action-listen = Escuchar
action-stop-listening = Detener la voz
speech-no-voice = Este dispositivo no tiene una voz para este idioma.
read-aloud = Leer en voz alta
read-aloud-on = Lectura en voz alta activada: toca un botón para oír su nombre.
speech-title = Voz
speech-pace-label = Velocidad de la voz
speech-pace-slow = Lenta, para quien está aprendiendo
speech-pace-normal = Normal
speak-time = { $minute ->
    [0] { $hour ->
        [0] las doce de la noche
        [1] la una
       *[other] las { $hour }
    }
   *[other] { $hour ->
        [0] las doce y { $minute } de la noche
        [1] la una y { $minute }
       *[other] las { $hour } y { $minute }
    }
}
speak-open-now = Ahora está abierto.
speak-closes-today = Cierra hoy a { $time }.
speak-closes-on = Cierra el { $day } a { $time }.
speak-closed-now = Ahora está cerrado.
speak-opens-today = Abre hoy a { $time }.
speak-opens-on = Abre el { $day } a { $time }.
speak-hours-unknown = No se conoce el horario: llama antes de ir.
speak-hours-uncertain = El horario no es seguro: llama antes de ir.
speak-closed-for-now = Por ahora está cerrado: llama antes de ir.
speak-withdrawn = Este servicio ya no se ofrece.
speak-address = Dirección:
speak-phone = Número de teléfono: { $digits }.
speak-access = Cómo acceder:

## How old the data is, and whose words a translation is
data-checked-years-ago = { $years ->
    [one] Revisado hace más de un año: llama antes de ir.
   *[other] Revisado hace { $years } años: llama antes de ir.
}
data-never-checked = No se sabe cuándo se revisó: llama antes de ir.
translated-from-italian = traducido del italiano
about-stale = { $stale ->
    [0] Todos los { $total } servicios se revisaron en el último año.
    [one] 1 de { $total } servicios se revisó hace más de un año, o no se sabe cuándo: llama antes de ir.
   *[other] { $stale } de { $total } servicios se revisaron hace más de un año, o no se sabe cuándo: llama antes de ir.
}

## The referral sheet: several services for one person, to print or to send as an image

nav-sheet = Hoja
sheet-add = Añadir a la hoja
sheet-remove-from = Quitar de la hoja
sheet-full = La hoja tiene como máximo { $max } servicios.
sheet-title = Hoja de servicios
sheet-empty = La hoja está vacía. Abra un servicio y elija «Añadir a la hoja».
sheet-up = Subir
sheet-down = Bajar
sheet-remove = Quitar
sheet-clear = Vaciar la hoja
sheet-print = Imprimir
sheet-save = Guardar como imagen
sheet-saved = Imagen guardada en { $path }
sheet-downloaded = Imagen descargada.
sheet-shared = Imagen enviada.
sheet-save-failed = No se pudo guardar la imagen: { $reason }
sheet-missing = Un servicio de la hoja ya no está en el directorio.
sheet-heading = Servicios para usted
sheet-languages = Idiomas que se hablan
sheet-access = Cómo acceder
sheet-documents = Qué llevar

## Corrections: "something is wrong" on a service, kept on the device until sent

correction-title = Algo no está bien
correction-what = ¿Qué no está bien?
correction-field-closed_for_good = Ha cerrado para siempre
correction-field-moved = Se ha trasladado
correction-field-hours = El horario está mal
correction-field-phone = El teléfono está mal
correction-field-email = El correo electrónico está mal
correction-field-website = La página web está mal
correction-field-other = Otra cosa
correction-value = El dato correcto
correction-note = Una nota (si quiere)
correction-private = Se queda solo en este dispositivo. No se envía nada hasta que usted lo decida.
correction-save = Guardar la corrección
correction-saved = Guardada en «Mis correcciones».
correction-failed = La corrección no se guardó: { $reason }
corrections-title = Mis correcciones
correction-old = Los datos decían
correction-about = Datos versión { $version } · { $date }
correction-send = Enviar por correo
correction-file = Guardar como archivo
correction-remove = Borrar
correction-no-contact = Este directorio no da un correo para avisos: escriba usted la dirección, o guarde la corrección como archivo y entréguela.
