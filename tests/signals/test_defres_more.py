"""German, French and Spanish: more whole messages, the phrases that catch them, and language identification.

Written for these tests by someone who did not read the corpus's German, French or Spanish
messages while writing them (not taken from the corpus): the kinds issue 9 lists — Sie/vous/usted
cold pitches, agencies selling recruitment, coaches and freelancers, webinars, follow-ups, donations,
headhunters, a pitch ending in a permission question, a pitch after a no — and as many negatives that
share their words: colleagues on prices in long threads, the recipient asking, permission questions,
congratulations, introductions, job seekers, logistics, recruiters with the objection notice
("Sie können ... widersprechen", "vous pouvez vous y opposer", "puede oponerse").
Each row: language, text, messages from me and from the recipient before this one, the recipient's
last message, channel, LG201, LG202.
"""

from __future__ import annotations

import pytest

from guard.signals.features import COMMON, extract
from guard.signals.language import identify
from guard.signals.lexicon import LANGUAGES
from tests.signals.verdicts import assert_verdicts, verdict_params

M = "message"
MESSAGES = [
    # ---------------------------------------------------------------- German
    ("de", "Sehr geehrter Herr Krause, ich bin Gründer von Datenwerk und wir unterstützen mittelständische "
           "Produktionsbetriebe bei der Digitalisierung ihrer Wartungsprozesse. Hätten Sie nächste Woche 20 Minuten "
           "für ein unverbindliches Erstgespräch?", 0, 0, None, M, True, True),
    ("de", "Hallo Frau Yilmaz, als Personalvermittlung mit Schwerpunkt Pflege besetzen wir offene Stellen in Kliniken "
           "innerhalb von vier Wochen. Darf ich Ihnen drei vorqualifizierte Kandidatinnen vorstellen?",
     0, 0, None, M, True, True),
    ("de", "Guten Morgen Herr Lehmann, kurze Frage: Wie lösen Sie aktuell die Zeiterfassung auf Ihren Baustellen? "
           "Mit unserer App erfassen Ihre Teams Stunden per Smartphone, die Abrechnung läuft automatisch. Ich zeige "
           "Ihnen das gern in einer kurzen Demo.", 0, 0, None, M, True, True),
    ("de", "Guten Tag Frau Brandt, ich bin im Auftrag eines familiengeführten Maschinenbauers auf der Suche nach einer "
           "kaufmännischen Geschäftsführung. Ihr Werdegang passt sehr gut. Wären Sie offen für ein vertrauliches "
           "Telefonat?", 0, 0, None, M, False, True),
    ("de", "Hallo Jens, am 12. März zeigen wir in einem 45-minütigen Live-Webinar, wie Steuerberater mit KI-gestützter "
           "Belegerfassung Zeit sparen. Die Teilnahme ist kostenlos – hier geht's zur Anmeldung: "
           "https://beleg-ai.de/webinar", 0, 0, None, M, True, True),
    ("de", "Hallo Herr Vogt, ich wollte nur kurz nachfragen, ob Sie sich unser Angebot für die Gebäudereinigung schon "
           "ansehen konnten?", 1, 0, None, M, True, False),
    ("de", "Liebe Katrin, unser Verein Kinderlachen e.V. sammelt dieses Jahr für einen Spielplatz im Kinderhospiz. Mit "
           "25 € bist du dabei – magst du uns unterstützen? Link: https://kinderlachen.de/spenden",
     0, 0, None, M, True, True),
    ("de", "Sehr geehrte Frau Schmitt, wir bieten Photovoltaik-Komplettlösungen für Gewerbedächer ab 30 kWp inkl. "
           "Förderberatung. Interesse an einer kostenlosen Dachanalyse? Wenn Sie keine weiteren Nachrichten von mir "
           "wünschen, genügt ein kurzes „Nein“.", 0, 0, None, M, True, False),
    ("de", "Hi Tobias, ich bin freiberufliche UX-Designerin und habe ab April wieder Kapazitäten. Falls ihr für den "
           "Relaunch Unterstützung braucht, schicke ich dir gern mein Portfolio.", 0, 0, None, M, True, True),
    ("de", "Hallo Herr Dietrich, wir suchen Vertriebspartner für unsere Lagerverwaltungssoftware in Süddeutschland – "
           "20 % Provision auf jeden Abschluss. Wäre das etwas für Ihr Systemhaus?", 0, 0, None, M, True, True),
    ("de", "Hallo Lena, wir bauen gerade unser Data-Team in Leipzig aus und ich finde, dein Profil würde super passen. "
           "Hast du Lust, dich mal unverbindlich mit unserem Head of Data auszutauschen?", 0, 0, None, M, False, True),
    ("de", "Verstehe ich, Herr Brenner. Trotzdem: Im Januar gibt es die Lizenz 30 % günstiger, vielleicht ändert das "
           "ja etwas?", 2, 1, "Danke, aber wir haben keinen Bedarf.", M, True, False),
    ("de", "Hallo Frau Ludwig, wir würden Sie gern als Gast in unserem Podcast „Mittelstand Macher“ begrüßen. Für "
           "Produktion und Reichweitenpaket berechnen wir einmalig 890 €.", 0, 0, None, M, True, True),
    # German negatives
    ("de", "Hi Sandra, der Kunde will 12 % Rabatt auf die Lizenzen. Ich würde maximal 8 % geben, wenn sie für drei "
           "Jahre unterschreiben. Passt das für dich?", 12, 11, "Was meinst du, wie weit können wir gehen?", M,
     False, False),
    ("de", "Gern, Herr Albers: 50 Lizenzen kosten 1.450 € im Monat, inklusive Support. Das Angebot hängt als PDF an.",
     1, 2, "Können Sie mir ein Angebot für 50 Lizenzen schicken?", M, False, False),
    ("de", "Hallo Herr Kurz, ich arbeite bei einem Anbieter für Schulungssoftware. Darf ich Ihnen einmal kurz "
           "Informationen dazu schicken, oder ist das gerade kein Thema für Sie?", 0, 0, None, M, False, False),
    ("de", "Herzlichen Glückwunsch zur neuen Position, Miriam! Das hast du dir wirklich verdient. Lass uns bald mal "
           "wieder Mittagessen gehen.", 0, 0, None, M, False, False),
    ("de", "Guten Tag Herr Roth, ich bin Personalberater bei Kessler Executive und suche für einen Kunden eine Leitung "
           "Controlling in Stuttgart. Hätten Sie Interesse an einem Gespräch? Sie können der Verarbeitung Ihrer Daten "
           "jederzeit widersprechen, dann melde ich mich nicht mehr.", 0, 0, None, M, False, False),
    ("de", "Hallo Frau Engel, ich bin gerade mit meinem Master in Logistik fertig und würde mich sehr über einen Rat "
           "freuen, wie der Einstieg bei Ihnen im Einkauf aussieht. Haben Sie vielleicht zehn Minuten?",
     0, 0, None, M, False, False),
    ("de", "Hallo zusammen, wir treffen uns morgen um 8:30 am Eingang Süd der Messe. Ich habe die Tickets für alle "
           "dabei.", 3, 4, "Wo treffen wir uns?", M, False, False),
    ("de", "Danke dir, Philipp, für die Freikarte zur Konferenz! Der Vortrag zu Kubernetes war klasse.",
     0, 0, None, M, False, False),
    ("de", "Hallo Carla, darf ich dir Jonas vorstellen? Er baut gerade ein Startup im Bereich Lebensmittelrettung auf "
           "und hat Fragen zu Förderprogrammen, da kennst du dich ja bestens aus.", 0, 0, None, M, False, False),
    ("de", "Hallo Herr Ott, seit dem Update lässt sich der Export nach DATEV nicht mehr starten. Können Sie sich das "
           "bitte ansehen? Ticketnummer 48213.", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- French
    ("fr", "Bonjour Monsieur Garnier, je me permets de vous contacter car notre cabinet accompagne les ETI "
           "industrielles dans la réduction de leur facture énergétique. Seriez-vous disponible pour un échange de 15 "
           "minutes la semaine prochaine ?", 0, 0, None, M, True, True),
    ("fr", "Bonjour Claire, nous sommes un cabinet de recrutement spécialisé dans les profils finance. Nous pouvons "
           "vous présenter des candidats qualifiés sous 10 jours, avec une garantie de remplacement de 3 mois. On en "
           "parle ?", 0, 0, None, M, True, True),
    ("fr", "Salut Antoine ! Je suis coach en prise de parole et j'aide les managers à gagner en aisance devant leurs "
           "équipes. Premier atelier offert, ça te tente ?", 0, 0, None, M, True, True),
    ("fr", "Bonjour Madame Perrin, je mène actuellement une recherche confidentielle pour un groupe de distribution "
           "qui souhaite recruter son futur Directeur Supply Chain. Votre parcours correspond parfaitement. "
           "Seriez-vous ouverte à un échange ?", 0, 0, None, M, False, True),
    ("fr", "Bonjour Sophie, nous organisons le 8 avril un webinaire gratuit : « Facturation électronique 2026 : "
           "êtes-vous prêt ? ». Inscription ici : https://factura.fr/webinaire", 0, 0, None, M, True, True),
    ("fr", "Bonjour Monsieur Dubois, je reviens vers vous concernant ma proposition de la semaine dernière. Avez-vous "
           "pu y jeter un œil ?", 1, 0, None, M, True, False),
    ("fr", "Chère Hélène, notre fondation lance sa campagne de fin d'année pour financer des bourses d'études. Un don "
           "de 50 € ne vous coûte que 17 € après réduction d'impôt. Puis-je compter sur vous ?",
     0, 0, None, M, True, True),
    ("fr", "Bonjour Madame Roux, nous proposons des solutions de télésurveillance pour les pharmacies, avec "
           "installation offerte ce mois-ci. Souhaitez-vous un devis ? Vous pouvez vous opposer à tout moment à ces "
           "messages en répondant STOP.", 0, 0, None, M, True, False),
    ("fr", "Bonjour Monsieur Lambert, nous éditons un logiciel de gestion de flotte qui réduit de 20 % les coûts de "
           "carburant. Puis-je vous envoyer notre brochure ?", 0, 0, None, M, True, True),
    ("fr", "Bonjour Kevin, on recrute un développeur Python senior en CDI à Bordeaux, télétravail 3 jours par "
           "semaine. Ton profil m'a tapé dans l'œil, partant pour en discuter ?", 0, 0, None, M, False, True),
    ("fr", "Je comprends, Madame Fabre. Mais notre offre de lancement à -40 % se termine vendredi, ce serait dommage "
           "de passer à côté !", 1, 1, "Non merci, ça ne nous intéresse pas.", M, True, False),
    ("fr", "Bonjour Yann, nous cherchons des revendeurs pour notre gamme de mobilier de bureau ergonomique. Marge de "
           "35 % et formation incluse. Ça pourrait vous intéresser ?", 0, 0, None, M, True, True),
    # French negatives
    ("fr", "Salut Paul, le client demande une remise de 15 % sur la maintenance. Je propose 10 % s'ils signent sur "
           "trois ans, tu valides ?", 9, 10, "On fait quoi pour la remise ?", M, False, False),
    ("fr", "Bien sûr ! L'abonnement est à 39 € par mois et par utilisateur, sans engagement. Je vous envoie la grille "
           "complète par mail.", 0, 1, "Pouvez-vous m'en dire plus sur vos tarifs ?", M, False, False),
    ("fr", "Bonjour Madame Colin, je travaille chez un éditeur de logiciels RH. Avant de vous envoyer quoi que ce "
           "soit, accepteriez-vous que je vous présente brièvement notre solution ?", 0, 0, None, M, False, False),
    ("fr", "Félicitations pour ce nouveau poste, Thomas ! Je te souhaite plein de réussite dans cette aventure.",
     0, 0, None, M, False, False),
    ("fr", "Bonjour Madame Leroy, je suis consultante chez un cabinet de chasse de têtes et je recherche un(e) DAF "
           "pour une PME lyonnaise. Seriez-vous intéressée ? Si vous ne souhaitez plus être contactée, dites-le-moi : "
           "vous pouvez vous y opposer à tout moment.", 0, 0, None, M, False, False),
    ("fr", "Bonjour Monsieur Petit, je termine mon alternance en contrôle de gestion et j'aimerais beaucoup avoir "
           "votre avis sur les métiers de la finance d'entreprise. Auriez-vous 15 minutes pour un café virtuel ?",
     0, 0, None, M, False, False),
    ("fr", "Bonjour à tous, le rendez-vous est à 9 h devant l'entrée du Palais des congrès. N'oubliez pas vos "
           "badges !", 2, 3, "On se retrouve où demain ?", M, False, False),
    ("fr", "Merci beaucoup pour l'invitation gratuite au salon VivaTech, Julien ! Super journée.",
     0, 0, None, M, False, False),
    ("fr", "Bonjour Inès, je te présente Marc, qui lance une épicerie vrac à Nantes et cherche des conseils sur la "
           "logistique. Je pense que vous avez plein de choses à vous dire !", 0, 0, None, M, False, False),
    ("fr", "Bonjour l'équipe, la facture du client Durand est partie hier. Pensez à mettre à jour le tableau de suivi "
           "avant la réunion de lundi.", 6, 7, "La facture Durand est partie ?", M, False, False),
    # ---------------------------------------------------------------- Spanish
    ("es", "Estimado Sr. Ortega, le escribo porque en Logística Andina ayudamos a empresas importadoras a reducir sus "
           "tiempos de despacho aduanero. ¿Le interesaría una llamada de 15 minutos esta semana?",
     0, 0, None, M, True, True),
    ("es", "Hola Marta, somos una consultora de selección especializada en perfiles tecnológicos. Cubrimos vacantes en "
           "menos de 30 días y solo cobras si contratas. ¿Te cuento cómo trabajamos?", 0, 0, None, M, True, True),
    ("es", "¡Hola Javier! Soy diseñador freelance y estoy ayudando a startups a mejorar sus landing pages. Te hago una "
           "auditoría gratis de la tuya, ¿te animas?", 0, 0, None, M, True, True),
    ("es", "Buenas tardes Sra. Ramos, estoy llevando un proceso confidencial para una empresa farmacéutica que busca "
           "Directora de Operaciones en Barcelona. Su trayectoria encaja muy bien. ¿Tendría disponibilidad para una "
           "breve conversación?", 0, 0, None, M, False, True),
    ("es", "Hola Daniel, el próximo jueves organizamos un webinar gratuito sobre la nueva ley de facturación "
           "electrónica con nuestros expertos. Puedes inscribirte aquí: https://facturafacil.es/webinar",
     0, 0, None, M, True, True),
    ("es", "Buenos días Sr. Méndez, le escribo de nuevo por si no vio mi mensaje anterior sobre nuestra propuesta de "
           "mantenimiento. ¿Ha podido revisarla?", 1, 0, None, M, True, False),
    ("es", "Querida Elena, este año nuestra ONG quiere llevar agua potable a tres escuelas en Guatemala. Cualquier "
           "aportación, por pequeña que sea, suma. ¿Nos ayudas? https://aguaviva.org/dona", 0, 0, None, M, True, True),
    ("es", "Estimada Sra. Castro, ofrecemos seguros de salud para pymes con un 20 % de descuento el primer año. "
           "¿Quiere que le prepare un presupuesto sin compromiso? Si no desea recibir más mensajes, puede oponerse "
           "respondiendo BAJA.", 0, 0, None, M, True, False),
    ("es", "Hola Pablo, estamos buscando un ingeniero de datos para nuestro equipo en Madrid, contrato indefinido y "
           "100 % remoto. ¿Te apetece que hablemos?", 0, 0, None, M, False, True),
    ("es", "Lo entiendo, Sr. Gil, pero solo hasta el viernes tenemos la instalación gratis. ¿Seguro que no quiere "
           "aprovecharla?", 1, 1, "No nos interesa, gracias.", M, True, False),
    ("es", "Hola Lucía, buscamos agencias partner que recomienden nuestra plataforma de reservas a sus clientes. "
           "Pagamos un 25 % de comisión recurrente. ¿Hablamos?", 0, 0, None, M, True, True),
    ("es", "Estimado Sr. Herrera, nuestra plataforma reduce hasta un 40 % el tiempo de cierre contable. ¿Me permite "
           "enviarle una presentación?", 0, 0, None, M, True, True),
    # Spanish negatives
    ("es", "Hola Andrea, el cliente pide un 12 % de descuento en la renovación. Yo daría un 8 % si firman por dos "
           "años, ¿lo ves bien?", 8, 9, "¿Qué hacemos con el descuento?", M, False, False),
    ("es", "¡Claro! Para 20 usuarios serían 380 € al mes, con soporte incluido. Te envío la propuesta por correo.",
     1, 2, "¿Me puedes pasar precios para 20 usuarios?", M, False, False),
    ("es", "Hola Sr. Prieto, trabajo en una empresa de software para clínicas. ¿Le parecería bien que le enviara "
           "información, o prefiere que no le escriba?", 0, 0, None, M, False, False),
    ("es", "¡Enhorabuena por el nuevo puesto, Carmen! Tienen suerte de tenerte en tu nuevo equipo. A ver si quedamos "
           "pronto para celebrarlo.", 0, 0, None, M, False, False),
    ("es", "Hola Sra. Vidal, soy consultora en una firma de headhunting y busco un director financiero para una "
           "empresa familiar en Valencia. ¿Le interesaría conocer más? Puede oponerse en cualquier momento a que le "
           "contacte y no volveré a escribirle.", 0, 0, None, M, False, False),
    ("es", "Hola Sr. Romero, acabo de terminar el máster en marketing digital y me encantaría pedirle consejo sobre "
           "cómo empezar en el sector. ¿Tendría 10 minutos?", 0, 0, None, M, False, False),
    ("es", "Hola a todos, nos vemos mañana a las 9 en la puerta principal del recinto ferial. Yo llevo las "
           "acreditaciones.", 2, 2, "¿Dónde quedamos mañana?", M, False, False),
    ("es", "¡Muchas gracias por la entrada gratuita al congreso, Raúl! Las charlas fueron geniales.",
     0, 0, None, M, False, False),
    ("es", "Hola Irene, te presento a Tomás, que está montando una cooperativa de energía solar y busca consejo "
           "legal. Creo que podéis ayudaros mucho.", 0, 0, None, M, False, False),
    ("es", "Equipo, la factura del cliente Soler ya está enviada. Por favor actualizad el Excel de seguimiento antes "
           "de la reunión del lunes.", 7, 6, "¿Se envió la factura de Soler?", M, False, False),
    # ---------------------------------------------------------------- a second round, written after the first was fixed
 # German
 ("de", "Moin Sven! Lange nicht gesehen 😄 Wie läuft's in Hamburg? Ich bin seit Kurzem bei CloudNord, wir machen Managed Kubernetes für Mittelständler – falls ihr da mal Bedarf habt, meld dich gern!", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Becker, kurzer Reminder: Nur noch bis Freitag gilt der Frühbucherpreis für unser Führungskräfte-Seminar in München (statt 1.490 € nur 1.190 €).", 1, 0, None, M, True, False),
 ("de", "Hi Max, ich schreibe LinkedIn-Posts für Geschäftsführer – authentisch, in deinem Ton, 8 Beiträge im Monat. Magst du ein paar Beispiele sehen?", 0, 0, None, M, True, True),
 ("de", "🚀 WIR STELLEN EIN 🚀\n• Elektroniker (m/w/d) – Kassel\n• Servicetechniker (m/w/d) – Fulda\n• Disponent (m/w/d) – Kassel\nInteresse? Schreib mir einfach!", 0, 0, None, M, False, True),
 ("de", "Sehr geehrter Herr Hoffmann, für unser Herbstfest zugunsten der Kinderkrebshilfe suchen wir noch Sponsoren aus der Region. Ab 500 € erscheint Ihr Logo auf allen Plakaten. Wären Sie dabei?", 0, 0, None, M, True, True),
 ("de", "Hallo Michael, hast du schon mal über Bitcoin als Beimischung nachgedacht? Ich zeige dir gern, wie ich mit unserem Trading-Bot monatlich 8 % mache.", 0, 0, None, M, True, True),
 ("de", "Servus Anja, schön, dass wir uns auf dem Barcamp kennengelernt haben! Falls du mal wieder in Graz bist, melde dich gern auf einen Kaffee.", 0, 0, None, M, False, False),
 ("de", "Hallo Herr Franke, anbei wie besprochen die überarbeitete Kalkulation: Wartung 2.300 € pro Jahr, Rabatt 5 % bei drei Jahren Laufzeit. Melden Sie sich, wenn etwas unklar ist.", 4, 5, "Können Sie die Kalkulation noch mal anpassen?", M, False, False),
 ("de", "Hallo Frau Seidel, ich bin Recruiterin bei Nordlicht IT und hätte eine spannende Position als Scrum Master für Sie. Sollten Sie kein Interesse an solchen Nachrichten haben, können Sie dem jederzeit widersprechen – kurze Antwort genügt.", 0, 0, None, M, False, False),
 ("de", "Hi Jana, danke nochmal für die Empfehlung bei Frau Albrecht! Wir haben gestern den Vertrag unterschrieben. Das Essen geht auf mich 🙂", 2, 3, "Gern geschehen!", M, False, False),
 ("de", "Hallo Herr Kraft, kurze Frage vorab: Wäre es in Ordnung, wenn ich Ihnen ein paar Infos zu unserer Weiterbildung für Vertriebsteams schicke? Falls nicht, ist das völlig okay.", 0, 0, None, M, False, False),
 ("de", "Hallo Simon, ich bin gerade auf Jobsuche im Bereich Controlling und habe gesehen, dass ihr eine Stelle ausgeschrieben habt. Weißt du, wer dort die Ansprechperson ist?", 0, 0, None, M, False, False),
 # French
 ("fr", "Coucou Léa ! Ça fait un bail 😊 Je bosse maintenant chez Fleurio, on livre des bouquets aux entreprises chaque semaine. Si jamais ça intéresse ton office manager, je te fais un prix !", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Morel, je me permets de vous relancer au sujet de notre offre de maintenance informatique. Avez-vous eu le temps d'en parler en interne ?", 1, 0, None, M, True, False),
 ("fr", "Bonjour Karim, je suis plume pour dirigeants : j'écris vos posts LinkedIn dans votre style, 3 par semaine. Je vous montre quelques exemples ?", 0, 0, None, M, True, True),
 ("fr", "📢 ON RECRUTE !\n- Technicien de maintenance (H/F) – Rouen\n- Magasinier (H/F) – Le Havre\n- Assistant commercial (H/F) – Rouen\nIntéressé(e) ? Écris-moi !", 0, 0, None, M, False, True),
 ("fr", "Bonjour Madame Gauthier, notre candidat aux municipales, Paul Marchand, a besoin de vous : chaque don compte pour financer la campagne. Je vous laisse le lien : https://marchand2026.fr/don", 0, 0, None, M, True, True),
 ("fr", "Salut Romain, tu as entendu parler de notre nouveau jeton ? Les premiers investisseurs ont déjà fait x3. Je peux te réserver une allocation avant le listing.", 0, 0, None, M, True, True),
 ("fr", "Bonjour Agnès, ravie de t'avoir rencontrée au salon ! Si tu passes par Lille, on se fait un café ?", 0, 0, None, M, False, False),
 ("fr", "Bonjour Monsieur Renaud, comme convenu, voici le devis mis à jour : 4 200 € HT avec une remise de 5 % pour un engagement de deux ans. Je reste disponible pour en discuter.", 3, 4, "Pouvez-vous revoir le devis ?", M, False, False),
 ("fr", "Bonjour Madame Boyer, je suis chargée de recrutement chez Altis et je recherche un chef de projet BIM pour notre agence de Nantes. Cela pourrait-il vous intéresser ? Vous pouvez vous opposer à tout moment à ce que je vous recontacte.", 0, 0, None, M, False, False),
 ("fr", "Merci Sébastien pour ta recommandation auprès de Nathalie ! On a signé hier. Je t'invite à déjeuner pour fêter ça 🙂", 2, 2, "Avec plaisir !", M, False, False),
 ("fr", "Bonjour Monsieur Caron, puis-je vous poser une question avant tout : accepteriez-vous que je vous envoie une courte présentation de notre cabinet ? Sinon, aucun souci.", 0, 0, None, M, False, False),
 ("fr", "Bonjour Hugo, je suis en reconversion vers la data et je vois que tu as fait le même chemin. Aurais-tu quelques conseils pour bien démarrer ?", 0, 0, None, M, False, False),
 # Spanish
 ("es", "¡Hola Sergio! Cuánto tiempo 😄 Ahora estoy en Verdeo, hacemos catering saludable para oficinas. Si os interesa para la oficina de Sevilla, te hago precio de amigo.", 0, 0, None, M, True, True),
 ("es", "Buenas tardes Sra. Molina, le escribo para retomar nuestra propuesta de formación en ventas. ¿Pudo comentarla con su equipo?", 1, 0, None, M, True, False),
 ("es", "Hola Álvaro, escribo posts de LinkedIn para CEOs: con tu voz, 3 por semana, sin que tengas que pensar en ello. ¿Te enseño algunos ejemplos?", 0, 0, None, M, True, True),
 ("es", "📣 ¡OFERTAS DE EMPLEO!\n- Técnico/a de mantenimiento – Zaragoza\n- Mozo/a de almacén – Huesca\n- Comercial – Zaragoza\n¿Te interesa? ¡Escríbeme!", 0, 0, None, M, False, True),
 ("es", "Estimado Sr. Paredes, nuestra fundación organiza una cena benéfica a favor de la investigación del Alzheimer. La mesa de 10 personas cuesta 1.500 €. ¿Podemos contar con su empresa?", 0, 0, None, M, True, True),
 ("es", "Hola Raúl, ¿has oído hablar de nuestro nuevo token? Los primeros inversores ya han multiplicado por 3. Te puedo reservar una parte antes del lanzamiento.", 0, 0, None, M, True, True),
 ("es", "Hola Natalia, ¡qué gusto conocerte en el evento! Si pasas por Bilbao, te invito a un café.", 0, 0, None, M, False, False),
 ("es", "Hola Sr. Fuentes, como acordamos, le adjunto el presupuesto actualizado: 4.200 € más IVA, con un 5 % de descuento si firmamos dos años. Quedo a su disposición.", 3, 4, "¿Puede revisar el presupuesto?", M, False, False),
 ("es", "Hola Sra. Herrero, soy técnica de selección en Grupo Arce y estamos buscando un jefe de obra para Málaga. ¿Le podría interesar? Puede oponerse en cualquier momento a que le vuelva a escribir.", 0, 0, None, M, False, False),
 ("es", "¡Gracias, Marcos, por recomendarnos a Lorena! Ayer firmamos. Te debo una comida 🙂", 2, 2, "¡Me alegro mucho!", M, False, False),
 ("es", "Estimado Sr. Cano, antes de nada: ¿le importaría que le enviara una breve presentación de nuestro despacho? Si no, ningún problema.", 0, 0, None, M, False, False),
 ("es", "Hola Inés, estoy cambiando de carrera hacia UX y veo que tú hiciste lo mismo. ¿Tendrías algún consejo para empezar?", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- a third round: Sie-form software and nearshore pitches, Latin American Spanish, more negatives
 ("de", "Guten Tag Frau Winkler, viele Kanzleien verlieren Stunden mit der Fristenverwaltung. Unsere Software erinnert automatisch und lässt sich in beA integrieren. Darf ich Ihnen in 15 Minuten zeigen, wie das aussieht?", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Pohl, wir sind ein Team aus erfahrenen SAP-Entwicklern aus Krakau und übernehmen Projekte zu fairen Tagessätzen. Brauchen Sie aktuell Unterstützung?", 0, 0, None, M, True, True),
 ("de", "Hi Lisa, ich sehe, ihr wachst gerade stark – Glückwunsch! Wir helfen Scale-ups dabei, das Onboarding neuer Mitarbeiter zu automatisieren. Hättest du nächste Woche Zeit für einen kurzen Call?", 0, 0, None, M, True, True),
 ("de", "Sehr geehrter Herr Maurer, als spezialisierte Personalberatung für die Lebensmittelindustrie unterstützen wir Unternehmen bei der Besetzung von Fach- und Führungspositionen. Gern stelle ich Ihnen unser Vorgehen in einem kurzen Telefonat vor.", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Keller, ich wollte mich noch einmal wegen unseres Angebots zur Hallenbeleuchtung melden. Passt es Ihnen diese Woche für ein kurzes Gespräch?", 1, 0, None, M, True, False),
 ("de", "Hallo Tim, ich habe dein Profil gesehen und finde deinen Hintergrund in der Embedded-Entwicklung spannend. Wir suchen für unser Team in Ulm einen Senior Firmware Engineer. Lust auf ein erstes Kennenlernen?", 0, 0, None, M, False, True),
 ("de", "Liebe Frau Braun, am 5. Juni laden wir zu unserem Sommerempfang mit Live-Demo unserer neuen Plattform ein. Ich würde mich freuen, Sie begrüßen zu dürfen – soll ich Ihnen einen Platz reservieren?", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Schuster, die Lieferung ist heute rausgegangen, die Rechnung kommt separat. Bei Rückfragen einfach melden.", 6, 7, "Wann kommt die Lieferung?", M, False, False),
 ("de", "Hallo Kathrin, wie besprochen hier der Link zu dem Artikel über Wärmepumpen, den ich erwähnt hatte. Viel Spaß beim Lesen!", 1, 1, "Schick mir gern den Artikel!", M, False, False),
 ("de", "Hi Paul, kannst du mir sagen, welchen Steuerberater ihr nutzt? Wir sind gerade auf der Suche und ich höre nur Gutes von euch.", 0, 0, None, M, False, False),
 ("de", "Sehr geehrte Frau Lorenz, vielen Dank für Ihre Anfrage. Gern sende ich Ihnen unser Angebot für die Schulung: 2 Tage, 12 Teilnehmer, 4.800 € zzgl. MwSt.", 0, 1, "Können Sie mir ein Angebot für eine Inhouse-Schulung machen?", M, False, False),
 ("de", "Hallo Frau Graf, herzlichen Dank für Ihren Vortrag gestern! Ihre Gedanken zur Kreislaufwirtschaft haben mich sehr inspiriert.", 0, 0, None, M, False, False),
 ("es", "Buen día Lic. Torres, le comparto información de nuestro servicio de nómina para pymes. Manejamos más de 300 empresas en Monterrey. ¿Podemos agendar una reunión para platicar?", 0, 0, None, M, True, True),
 ("es", "Hola Vale, ¿cómo va todo? Te escribo porque en mi agencia estamos ofreciendo gestión de redes para restaurantes, a 250 USD al mes. ¿Querés que te pase la propuesta?", 0, 0, None, M, True, True),
 ("es", "Estimada Ing. Salazar, nuestra firma se especializa en reclutamiento de perfiles TI para la banca. Hemos cubierto más de 200 posiciones este año. ¿Le gustaría conocer nuestras condiciones?", 0, 0, None, M, True, True),
 ("es", "Hola Tomás, vi tu perfil y creo que encajarías genial en el equipo de producto de nuestra fintech en Bogotá. ¿Te gustaría conversar esta semana?", 0, 0, None, M, False, True),
 ("es", "Buenas tardes Sr. Ibáñez, ¿tuvo oportunidad de revisar la cotización que le envié la semana pasada?", 1, 0, None, M, True, False),
 ("es", "Hola Carla, nuestra empresa organiza un desayuno ejecutivo sobre ciberseguridad el 14 de marzo, con demostración en vivo de nuestra solución. ¿Te reservo un lugar?", 0, 0, None, M, True, True),
 ("es", "Hola Luis, te paso el enlace al artículo sobre energía solar del que te hablé ayer. ¡Que lo disfrutes!", 1, 1, "¡Pásame el artículo!", M, False, False),
 ("es", "Estimado Sr. Pineda, muchas gracias por su solicitud. Le envío la cotización: 3 licencias, 120 USD al mes. Quedo atento a cualquier duda.", 0, 1, "¿Me puede enviar una cotización para 3 licencias?", M, False, False),
 ("es", "Hola Sofía, ¿me recomendarías algún contador para autónomos? Estoy empezando y no sé por dónde buscar.", 0, 0, None, M, False, False),
 ("es", "Hola Pedro, el pedido salió hoy y la factura va por separado. Cualquier cosa me dices.", 6, 7, "¿Cuándo sale el pedido?", M, False, False),
 ("fr", "Bonjour Madame Vidal, beaucoup de cabinets comptables perdent du temps sur la saisie. Notre outil automatise 80 % des écritures. Je vous propose une démo de 20 minutes ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Noël, nous sommes une équipe de développeurs basée à Tunis et nous prenons en charge vos projets web à des tarifs compétitifs. Avez-vous des besoins en ce moment ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Estelle, j'ai vu ton profil et ton expérience en data engineering m'a beaucoup plu. Nous cherchons quelqu'un pour renforcer notre équipe à Lyon. On en discute ?", 0, 0, None, M, False, True),
 ("fr", "Bonjour Monsieur Perret, merci pour votre demande. Voici notre proposition pour la formation : 2 jours, 10 participants, 3 900 € HT.", 0, 1, "Pouvez-vous me faire une proposition pour une formation ?", M, False, False),
 ("fr", "Salut Chloé, tu connais un bon expert-comptable pour une petite SAS ? Je démarre et je suis un peu perdue.", 0, 0, None, M, False, False),
 ("fr", "Bonjour Luc, la commande est partie ce matin, la facture suit séparément. N'hésite pas si besoin.", 6, 7, "La commande part quand ?", M, False, False),
    # ---------------------------------------------------------------- a fourth round: trade-fair stands, tools to test for 14 days, advisers, short pings, applicants
 ("de", "Grüezi Herr Meier, wir sind eine Zürcher Agentur für Performance-Marketing und betreuen u. a. mehrere Treuhandbüros. Hätten Sie Lust auf einen kurzen Call, um Ihre Google-Kampagnen anzuschauen?", 0, 0, None, M, True, True),
 ("de", "Hey Nico 👋 Mega spannend, was ihr bei Fahrwerk macht! Wir haben ein Tool gebaut, das Lead-Listen aus LinkedIn automatisch anreichert. Willst du's mal 14 Tage testen?", 0, 0, None, M, True, True),
 ("de", "Sehr geehrte Frau Haas, besuchen Sie uns auf der LogiMAT in Halle 3, Stand B12! Wir präsentieren dort unser neues Shuttle-System. Gern reserviere ich Ihnen einen Gesprächstermin.", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Arnold, als unabhängiger Finanzberater zeige ich Unternehmern, wie sie ihre Altersvorsorge steueroptimiert aufbauen. Wann passt Ihnen ein erstes Gespräch?", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Busch, unsere Inhouse-Trainings zum Thema Verhandlungsführung sind jetzt auch als Online-Format buchbar. Anbei die Broschüre – sprechen Sie mich gern an!", 0, 0, None, M, True, True),
 ("de", "Hi Jonas, nur ein kurzes Ping zu meiner Nachricht von letzter Woche – hast du schon reingeschaut?", 1, 0, None, M, True, False),
 ("de", "Hallo Frau Wolf, ich bin Talent Partnerin bei einem E-Commerce-Unternehmen in Berlin und wir suchen eine Head of CRM (m/w/d). Ihr Profil passt hervorragend – hätten Sie Interesse an einem Austausch?", 0, 0, None, M, False, True),
 ("de", "Hallo Herr Jäger, darf ich mich kurz vorstellen? Ich arbeite bei einem Anbieter für Zutrittskontrollsysteme. Dürfte ich Ihnen in den nächsten Wochen einmal Informationen zusenden? Wenn nicht, ist das selbstverständlich in Ordnung.", 0, 0, None, M, False, False),
 ("de", "Hi Ben, wir brauchen für das Angebot an die Stadtwerke noch die Preise für die Wartung. Kannst du mir die bis morgen schicken?", 8, 9, "Brauchst du noch was von mir?", M, False, False),
 ("de", "Liebe Sabine, schön, dass du beim Netzwerktreffen warst! Hier wie versprochen der Kontakt von Frau Dr. Kaya, sie kann dir bei der Förderung sicher weiterhelfen.", 0, 0, None, M, False, False),
 ("de", "Hallo Frau Neumann, ich habe mich auf die Stelle als Projektleiterin beworben und wollte fragen, ob Sie mir etwas über das Team erzählen können.", 0, 0, None, M, False, False),
 ("de", "Hallo Martin, alles Gute zum Geburtstag! Lass dich feiern 🎉", 0, 0, None, M, False, False),
 ("fr", "Bonjour Madame Fontaine, nous serons présents au salon Global Industrie, hall 5, stand C18, pour présenter notre nouvelle gamme de robots. Je serais ravi de vous y accueillir, voulez-vous que je vous réserve un créneau ?", 0, 0, None, M, True, True),
 ("fr", "Hello Max ! Super ce que vous faites chez Trajet 👏 On a créé un outil qui enrichit automatiquement vos listes de prospects. Tu veux le tester gratuitement 14 jours ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Brun, petit message pour savoir si vous aviez pu prendre connaissance de mon précédent message ?", 1, 0, None, M, True, False),
 ("fr", "Bonjour Claire, pour le devis du client Mercier, tu peux m'envoyer les prix de la maintenance avant demain ?", 8, 9, "Tu as besoin d'autre chose ?", M, False, False),
 ("es", "Buenas, Sra. Rivas: estaremos en Logistics Madrid, pabellón 8, stand 4C, presentando nuestra nueva gama de robots. ¿Quiere que le reserve un hueco para verla?", 0, 0, None, M, True, True),
 ("es", "¡Hola Bruno! Qué buen trabajo el de Rutas 👏 Hemos creado una herramienta que enriquece automáticamente tus listas de prospectos. ¿La quieres probar gratis 14 días?", 0, 0, None, M, True, True),
 ("es", "Hola Sr. Navas, solo quería saber si había podido ver mi mensaje anterior.", 1, 0, None, M, True, False),
 ("es", "Hola Clara, para el presupuesto del cliente Mercado, ¿me mandas los precios del mantenimiento antes de mañana?", 8, 9, "¿Necesitas algo más?", M, False, False),
    # ---------------------------------------------------------------- a fifth round: negatives in the words of the new phrases (a team's tool, a customer's software, a colleague's 'N % cheaper', a job seeker admiring a career)
 ("de", "Hi Jonas, wir haben fürs Team-Event ein kleines Tool gebaut, mit dem man Fahrgemeinschaften plant. Magst du es am Freitag mal testen?", 9, 8, "Klar, zeig mal!", M, False, False),
 ("de", "Hallo Frau Sommer, vielen Dank für Ihr Interesse an der Stelle! Ihre Bewerbung ist gut angekommen, wir melden uns bis Ende nächster Woche.", 0, 1, "Ich habe mich gerade auf die Stelle als Buchhalterin beworben.", M, False, False),
 ("de", "Hallo Lukas, ich bin seit Oktober bei der Stadt München im Bauamt. Falls du mal Fragen zum Bauantrag hast, frag einfach!", 0, 0, None, M, False, False),
 ("de", "Liebe Frau Kühn, Ihr Werdegang beeindruckt mich sehr. Ich stehe am Anfang meiner Karriere im Controlling und würde mich über einen Rat von Ihnen freuen.", 0, 0, None, M, False, False),
 ("de", "Hallo zusammen, der Kunde hat 15 % Rabatt auf die Wartung verlangt, für Bestandskunden wären 10 % günstiger drin. Was meint ihr?", 14, 12, "Wie sieht's mit dem Rabatt aus?", M, False, False),
 ("de", "Hallo Herr Pfeiffer, wir haben die Halle 3 für die Betriebsversammlung reserviert. Treffpunkt ist am Stand der Personalabteilung.", 5, 6, "Wo ist die Versammlung?", M, False, False),
 ("fr", "Salut Léo, on a créé un groupe pour organiser le pot de départ de Claire. Tu veux qu'on t'ajoute ?", 6, 7, "Vous faites quelque chose pour Claire ?", M, False, False),
 ("fr", "Bonjour Madame Perez, votre parcours m'inspire beaucoup. Je débute en RH et j'aimerais avoir vos conseils sur la gestion des talents.", 0, 0, None, M, False, False),
 ("fr", "Bonjour Bastien, nous avons acheté votre logiciel le mois dernier et l'export comptable ne fonctionne plus. Pouvez-vous nous aider ?", 0, 0, None, M, False, False),
 ("fr", "Salut Inès, le client veut 20 % moins cher sur la maintenance, je propose 10 %. Tu valides ?", 11, 12, "On en est où avec le client ?", M, False, False),
 ("es", "Hola Marina, hemos creado un grupo para organizar la despedida de Pablo. ¿Te añadimos?", 6, 7, "¿Vais a hacer algo para Pablo?", M, False, False),
 ("es", "Hola Sr. Núñez, su trayectoria me inspira mucho. Estoy empezando en finanzas y me encantaría pedirle un consejo.", 0, 0, None, M, False, False),
 ("es", "Hola Luis, el cliente quiere un 15 % más barato en el mantenimiento, yo ofrecería un 8 %. ¿Qué opinas?", 10, 11, "¿Cómo va lo del cliente?", M, False, False),
 ("es", "Hola Andrés, acabamos de comprar vuestra herramienta y no consigo conectar la facturación. ¿Me ayudas?", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- a sixth round: paid award listings opening with congratulations, weak opt-outs, petitions, a request made at a fair, a recruiter accepting a no
 ("de", "Herzlichen Glückwunsch, Frau Koch! Ihr Unternehmen wurde für die Liste „Top 100 Arbeitgeber Mittelstand 2026“ ausgewählt. Für die Aufnahme inklusive Siegel und Urkunde fällt eine Gebühr von 1.950 € an. Soll ich Ihnen die Unterlagen schicken?", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Kuhn, kein Interesse? Kein Problem! Aber falls doch: unsere Reinigungsroboter gibt es jetzt ab 199 € im Monat zur Miete.", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Otto, ich weiß, Sie hatten abgesagt, aber unser Angebot gilt nur noch bis Freitag. Vielleicht überlegen Sie es sich ja noch?", 2, 1, "Bitte keine Werbung mehr.", M, True, False),
 ("de", "Liebe Anna, unterschreibst du unsere Petition für sichere Radwege in Köln? Jede Stimme zählt! https://radwege-koeln.de/petition", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Jung, Sie hatten in der Gruppe „HR Mittelstand“ nach einem Anbieter für Zeiterfassung gefragt. Wir machen genau das – hier ein kurzer Überblick mit Preisen, falls es hilft.", 0, 0, None, M, False, False),
 ("de", "Hallo Herr Sauer, wie auf der Messe besprochen schicke ich Ihnen unser Angebot für die Stapler-Wartung: 1.200 € pro Jahr und Gerät.", 0, 0, None, M, False, False),
 ("de", "Hi Chris, du hattest im Frühjahr gesagt, ich soll mich im Herbst wieder wegen der Schulung melden – passt es jetzt?", 1, 1, "Meld dich gern im Herbst nochmal.", M, False, False),
 ("de", "Hallo Herr Berger, verstehe, dass Sie aktuell nicht wechseln möchten. Ich melde mich dann nicht mehr – alles Gute!", 1, 1, "Danke, aber ich bin zufrieden.", M, False, False),
 ("fr", "Félicitations Monsieur Joly ! Votre entreprise a été sélectionnée pour le classement « Top 50 des PME innovantes ». L'inscription au palmarès, avec logo et article, est de 1 490 € HT. Je vous envoie le dossier ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Madame Roche, pas intéressée ? Aucun souci ! Mais au cas où : nos robots de nettoyage sont désormais disponibles en location dès 199 € par mois.", 0, 0, None, M, True, True),
 ("fr", "Bonjour Camille, tu signes notre pétition pour des pistes cyclables sécurisées à Nantes ? Chaque signature compte ! https://velo-nantes.fr/petition", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Blanc, comme évoqué sur le salon, je vous envoie notre offre pour la maintenance des chariots : 1 200 € par an et par machine.", 0, 0, None, M, False, False),
 ("fr", "Bonjour Monsieur Martel, je comprends que vous ne souhaitiez pas changer de poste. Je ne vous relancerai plus, bonne continuation !", 1, 1, "Merci, mais je suis bien là où je suis.", M, False, False),
 ("es", "¡Enhorabuena, Sr. Campos! Su empresa ha sido seleccionada para el ranking «Top 50 pymes innovadoras». La inclusión, con logo y artículo, tiene un coste de 1.490 €. ¿Le envío la documentación?", 0, 0, None, M, True, True),
 ("es", "Hola Sra. Lozano, ¿no le interesa? ¡Ningún problema! Pero por si acaso: nuestros robots de limpieza ya se pueden alquilar desde 199 € al mes.", 0, 0, None, M, True, True),
 ("es", "Hola Nuria, ¿firmas nuestra petición por carriles bici seguros en Valencia? ¡Cada firma cuenta! https://bici-valencia.org/peticion", 0, 0, None, M, True, True),
 ("es", "Hola Sr. Cortés, como hablamos en la feria, le envío nuestra oferta para el mantenimiento de las carretillas: 1.200 € al año por máquina.", 0, 0, None, M, False, False),
 ("es", "Hola Sr. Vega, entiendo que no quiera cambiar de trabajo ahora. No le volveré a escribir, ¡mucha suerte!", 1, 1, "Gracias, pero estoy contento donde estoy.", M, False, False),
    # ---------------------------------------------------------------- a seventh round: ALL CAPS and emoji-glued pitches, invitation notes, sponsored export HTML, a pitch carrying the objection notice, volunteer and campaign asks, and thanks to volunteers
 ("de", "KOSTENLOSE ENERGIEBERATUNG FÜR IHREN BETRIEB!!! 🔥 Wir senken Ihre Stromkosten um bis zu 30 %. Jetzt Termin sichern!", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Peters,🚀neu: unsere KI-Buchhaltung✅ 30 Tage gratis✅ keine Kündigungsfrist👉 Lust auf eine Demo?", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Schulte, ich würde mich gern mit Ihnen vernetzen – wir bieten Cybersecurity-Audits für Arztpraxen an.", 0, 0, None, "invitation", True, True),
 ("de", "<p>Hallo %FIRSTNAME%,</p><p>entdecken Sie unser neues Whitepaper &bdquo;Lieferketten 2026&ldquo; &ndash; jetzt kostenlos herunterladen.</p>", 0, 0, None, "inmail", True, True),
 ("de", "Hallo Herr Fuchs, wir unterstützen Praxen bei der Abrechnung – 20 % weniger Rückläufer. Interesse an einem Gespräch? Falls Sie keine weiteren Nachrichten möchten, können Sie dem jederzeit widersprechen.", 0, 0, None, M, True, False),
 ("de", "Liebe Frau Ernst, wir suchen noch ehrenamtliche Helfer für die Tafel in Bochum, samstags 2–3 Stunden. Hätten Sie Lust, mitzumachen?", 0, 0, None, M, True, True),
 ("de", "Hallo Nils, ich hoffe, es geht dir gut! Wir sammeln für den Wahlkampf von Petra Lang im Kreis Kassel – jeder Euro hilft: https://petra-lang.de/spenden", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Busch, danke für die Einladung zum Kundentag! Ich komme gern, und meine Kollegin Frau Yıldız auch.", 2, 3, "Wir würden uns freuen, Sie beim Kundentag zu sehen!", M, False, False),
 ("de", "Hi Laura, könntest du mir den Kontakt von eurem Webdesigner geben? Wir brauchen eine neue Seite und ich fand eure super.", 0, 0, None, M, False, False),
 ("fr", "FORMATION GRATUITE POUR VOS ÉQUIPES !!! 🔥 Nous réduisons vos coûts de recrutement de 40 %. Réservez votre créneau maintenant !", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Gilles, j'aimerais rejoindre votre réseau : nous proposons des audits de cybersécurité pour les cabinets médicaux.", 0, 0, None, "invitation", True, True),
 ("fr", "<p>Bonjour %FIRSTNAME%,</p><p>découvrez notre nouveau livre blanc &laquo; Supply chain 2026 &raquo; &ndash; téléchargement gratuit.</p>", 0, 0, None, "inmail", True, True),
 ("fr", "Bonjour Madame Dumont, nous recherchons des bénévoles pour la banque alimentaire de Lille, le samedi matin. Seriez-vous partante ?", 0, 0, None, M, True, True),
 ("fr", "Salut Max, tu peux me passer le contact de votre graphiste ? On refait notre site et j'ai adoré le vôtre.", 0, 0, None, M, False, False),
 ("es", "¡FORMACIÓN GRATIS PARA TU EQUIPO! 🔥 Reducimos tus costes de contratación un 40 %. ¡Reserva tu plaza ya!", 0, 0, None, M, True, True),
 ("es", "Hola Sr. Rubio, me gustaría conectar: ofrecemos auditorías de ciberseguridad para clínicas dentales.", 0, 0, None, "invitation", True, True),
 ("es", "<p>Hola %FIRSTNAME%,</p><p>descubre nuestro nuevo ebook &laquo;Cadena de suministro 2026&raquo; &ndash; descarga gratuita.</p>", 0, 0, None, "inmail", True, True),
 ("es", "Hola Sra. Domínguez, buscamos voluntarios para el banco de alimentos de Sevilla los sábados por la mañana. ¿Se animaría?", 0, 0, None, M, True, True),
 ("es", "Hola Leo, ¿me pasas el contacto de vuestro diseñador web? Estamos rehaciendo la web y la vuestra me encanta.", 0, 0, None, M, False, False),
 ("de", "Liebe Jana, danke, dass du letzte Woche als ehrenamtliche Helferin beim Stadtlauf dabei warst! Ohne dich hätte die Zielverpflegung nicht geklappt.", 0, 0, None, M, False, False),
 ("fr", "Merci Paul d'avoir été parmi nos bénévoles pour la collecte samedi ! On a rempli deux camions.", 0, 0, None, M, False, False),
 ("es", "¡Gracias, Marta, por venir como voluntaria a la recogida del sábado! Llenamos dos furgonetas.", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- an eighth round: short bumps ('Noch Interesse?', 'Toujours intéressé ?', '¿Sigue interesado?') and short negatives
 ("de", "Noch Interesse? 🙂", 1, 0, None, M, True, False),
 ("de", "Kurze Erinnerung an mein Angebot von letzter Woche.", 1, 0, None, M, True, False),
 ("de", "Ich schiebe das nochmal nach oben 😊", 1, 0, None, M, True, False),
 ("de", "Haben Sie meine Nachricht gesehen?", 1, 0, None, M, True, False),
 ("fr", "Toujours intéressé ? 🙂", 1, 0, None, M, True, False),
 ("fr", "Petite relance concernant ma proposition 🙂", 1, 0, None, M, True, False),
 ("fr", "Avez-vous vu mon message ?", 1, 0, None, M, True, False),
 ("es", "¿Sigue interesado? 🙂", 1, 0, None, M, True, False),
 ("es", "Te lo vuelvo a mandar por si se perdió 😊", 1, 0, None, M, True, False),
 ("es", "¿Pudo ver mi mensaje?", 1, 0, None, M, True, False),
 ("es", "¿Pudiste echarle un vistazo a la propuesta?", 1, 0, None, M, True, False),
 # short negatives
 ("de", "Danke dir, bis morgen!", 3, 3, "Bis morgen dann!", M, False, False),
 ("de", "Klingt gut, ich bin dabei.", 2, 2, "Kommst du Freitag mit zum Essen?", M, False, False),
 ("fr", "Merci, à demain !", 3, 3, "À demain alors !", M, False, False),
 ("fr", "Avez-vous reçu mon CV ?", 1, 0, None, M, False, False),
 ("es", "¡Gracias, hasta mañana!", 3, 3, "¡Hasta mañana!", M, False, False),
 ("es", "¿Recibió mi CV?", 1, 0, None, M, False, False),
 ("de", "Haben Sie meine Bewerbung erhalten?", 1, 0, None, M, False, False),
    # ---------------------------------------------------------------- a ninth round: recruitment words between colleagues, applicants and new hires (negatives)
 ("de", "Hi Tanja, für die offene Stelle im Vertrieb habe ich drei Kandidaten für die zweite Runde. Kannst du Donnerstag beim Interview dabei sein?", 7, 8, "Wie läuft das Recruiting?", M, False, False),
 ("de", "Hallo Herr Vogel, ich habe gesehen, dass Sie einen Werkstudenten im Marketing suchen. Ist die Stelle noch offen? Ich würde mich gern bewerben.", 0, 0, None, M, False, False),
 ("de", "Willkommen im Team, Sarah! Schön, dass du ab Montag dabei bist – ich zeige dir am ersten Tag alles.", 0, 0, None, M, False, False),
 ("de", "Hallo zusammen, auf der Jobmesse am Samstag stehen wir an Stand 14. Bitte bringt die Flyer mit.", 5, 6, "Wo ist unser Stand?", M, False, False),
 ("fr", "Salut Hugo, pour le poste de commercial, j'ai trois candidats pour le second tour. Tu peux être là jeudi pour l'entretien ?", 7, 8, "Ça avance le recrutement ?", M, False, False),
 ("fr", "Bonjour Madame Roy, j'ai vu que vous recherchiez un alternant en marketing. Le poste est-il toujours ouvert ? J'aimerais postuler.", 0, 0, None, M, False, False),
 ("fr", "Bienvenue dans l'équipe, Sarah ! Ravie que tu nous rejoignes lundi, je te ferai visiter.", 0, 0, None, M, False, False),
 ("es", "Hola Sergio, para la vacante de comercial tengo tres candidatos para la segunda ronda. ¿Puedes estar el jueves en la entrevista?", 7, 8, "¿Cómo va la selección?", M, False, False),
 ("es", "Hola Sra. Ruiz, vi que buscan un becario de marketing. ¿Sigue abierta la vacante? Me gustaría postularme.", 0, 0, None, M, False, False),
 ("es", "¡Bienvenida al equipo, Sara! Qué alegría que empieces el lunes, te enseño todo el primer día.", 0, 0, None, M, False, False),
 ("es", "Hola Ana, ¿conoces a alguien que busque trabajo de contable a media jornada? Necesitamos a alguien urgente.", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- a tenth round: SEO, staffing, brokers, freelancers pivoting from 'long time no see'
 ("de", "Hallo Herr Lindner, mir ist aufgefallen, dass Ihre Website bei Google kaum gefunden wird. Wir optimieren Websites für Handwerksbetriebe – meist sind Sie nach drei Monaten auf Seite 1. Soll ich Ihnen eine kurze Analyse schicken?", 0, 0, None, M, True, True),
 ("de", "Guten Tag Frau Scholz, wir stellen Ihnen kurzfristig qualifizierte Lagerhelfer und Staplerfahrer zur Verfügung, auch für Spitzenzeiten. Darf ich Ihnen unsere Konditionen zusenden?", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Roth, als unabhängiger Versicherungsmakler vergleiche ich für Unternehmen die Betriebshaftpflicht – oft sparen meine Kunden 20–30 %. Hätten Sie Interesse an einem Vergleich?", 0, 0, None, M, True, True),
 ("de", "Hallo Julia, lange nichts gehört! Wie geht es dir? Ich bin inzwischen selbstständig als Fotografin und mache Business-Porträts – falls euer Team neue Fotos braucht, mache ich dir einen Sonderpreis 😊", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Leclerc, j'ai remarqué que votre site apparaît peu sur Google. Nous optimisons le référencement des artisans : en trois mois, vous êtes en première page. Je vous envoie un petit audit ?", 0, 0, None, M, True, True),
 ("fr", "Coucou Julie, ça fait longtemps ! Je me suis lancée comme photographe indépendante, je fais des portraits pro. Si ton équipe a besoin de nouvelles photos, je te fais un petit prix 😊", 0, 0, None, M, True, True),
 ("es", "Hola Sr. Molina, he visto que su web casi no aparece en Google. Optimizamos el posicionamiento de talleres y en tres meses suelen estar en primera página. ¿Le mando un pequeño análisis?", 0, 0, None, M, True, True),
 ("es", "Buenos días Sra. Gallego, ponemos a su disposición consultores SAP en régimen de outsourcing, disponibles en una semana. ¿Le puedo enviar nuestras condiciones?", 0, 0, None, M, True, True),
 ("es", "¡Hola Julia! Cuánto tiempo. Me he lanzado como fotógrafa autónoma y hago retratos profesionales. Si tu equipo necesita fotos nuevas, te hago un precio especial 😊", 0, 0, None, M, True, True),
    # ---------------------------------------------------------------- an eleventh round, measured before any fix (13 of 20 right before and after the rounds above): pain-point openers, translators, 'our new', a long 'ich hake ... nach'
 ("de", "Guten Tag Herr Schreiber, Ihre Mitarbeiter verbringen zu viel Zeit mit Reisekostenabrechnungen? Mit Spesenfix erledigen sie das per Foto in Sekunden. Ich würde Ihnen das gern in 15 Minuten zeigen – wann passt es Ihnen?", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Marx, wir sind ein Übersetzungsbüro aus Leipzig und übersetzen technische Dokumentationen in 30 Sprachen. Gerne erstelle ich Ihnen ein unverbindliches Angebot.", 0, 0, None, M, True, True),
 ("de", "Hi Tom, ich weiß, du bist super busy – aber hast du 10 Minuten für unseren neuen KI-Assistenten für Vertriebsteams? Ich glaube, das würde euch echt helfen.", 0, 0, None, M, True, True),
 ("de", "Sehr geehrter Herr Krämer, im Auftrag unseres Mandanten, eines internationalen Logistikkonzerns, suchen wir einen Leiter Einkauf (m/w/d). Ich würde mich über ein kurzes Telefonat freuen.", 0, 0, None, M, False, True),
 ("de", "Hallo Herr Wendt, ich hake noch einmal wegen der Photovoltaik-Anlage für Ihr Lager nach. Haben Sie sich schon Gedanken gemacht?", 1, 0, None, M, True, False),
 ("de", "Hallo Stefan, danke für den Tipp mit dem Steuerberater! Wir haben gestern den ersten Termin gehabt, passt super.", 1, 1, "Probier mal Herrn Kluge, der ist gut.", M, False, False),
 ("de", "Hallo Klaus, kannst du mir sagen, ob die neue Preisliste schon im System ist? Der Kunde fragt nach dem Rabatt für 2027.", 12, 14, "Hast du die Preisliste gesehen?", M, False, False),
 ("fr", "Bonjour Monsieur Robin, vos équipes passent trop de temps sur les notes de frais ? Avec Frais+, une photo suffit. Je vous montre ça en 15 minutes cette semaine ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Madame Marchal, je suis traductrice indépendante (anglais, allemand) spécialisée dans la documentation technique. Je serais ravie de vous faire une proposition.", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Aubert, dans le cadre d'une mission de recrutement pour un groupe logistique international, je recherche un Directeur Achats. Auriez-vous quelques minutes pour en parler ?", 0, 0, None, M, False, True),
 ("fr", "Bonjour Madame Carré, je me permets de revenir vers vous au sujet des panneaux solaires pour votre entrepôt. Avez-vous eu le temps d'y réfléchir ?", 1, 0, None, M, True, False),
 ("fr", "Salut Paul, merci pour le tuyau pour l'expert-comptable ! Premier rendez-vous hier, top.", 1, 1, "Essaie Madame Girard, elle est top.", M, False, False),
 ("fr", "Bonjour Madame Lemoine, nous avons échangé la semaine dernière au petit-déjeuner des entrepreneurs. Comme annoncé, voici le programme de notre mentorat.", 0, 0, None, M, False, False),
 ("es", "Buenos días Sr. Serrano, ¿su equipo pierde horas con las notas de gastos? Con Gastofácil basta una foto. ¿Le enseño cómo funciona en 15 minutos esta semana?", 0, 0, None, M, True, True),
 ("es", "Hola Sra. Pascual, soy traductora autónoma de inglés y alemán, especializada en documentación técnica. Estaré encantada de enviarle un presupuesto.", 0, 0, None, M, True, True),
 ("es", "Estimado Sr. León, estoy colaborando con un grupo logístico internacional en la búsqueda de un Director de Compras. ¿Tendría unos minutos para hablar?", 0, 0, None, M, False, True),
 ("es", "Hola Sra. Benítez, vuelvo a escribirle sobre las placas solares para su almacén. ¿Ha tenido ocasión de pensarlo?", 1, 0, None, M, True, False),
 ("es", "Hola Pablo, ¡gracias por recomendarme a la gestora! Ayer tuve la primera reunión, genial.", 1, 1, "Prueba con Marta Gil, es muy buena.", M, False, False),
 ("es", "Hola Sra. Crespo, hablamos la semana pasada en el desayuno de empresarios. Como le dije, le envío el programa de nuestra mentoría.", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- round 12, measured before its fixes (see the report)
 ("de", "Sehr geehrte Frau Hartmann, unsere Kanzlei berät mittelständische Unternehmen im Arbeitsrecht – pauschal ab 490 € im Monat. Gern stelle ich Ihnen unser Beratungsmodell in einem kurzen Termin vor.", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Brandl, Ihre Firmenwagen laufen bald aus? Wir bieten Full-Service-Leasing für E-Autos mit Lieferung in 8 Wochen. Ich schicke Ihnen gern ein Angebot.", 0, 0, None, M, True, True),
 ("de", "Hey Jule, ich bin Recruiterin bei Bytewerk. Wir suchen eine Frontend-Entwicklerin (React) in Hamburg, 70–80k. Hättest du Lust, mehr zu erfahren?", 0, 0, None, M, False, True),
 ("de", "Hallo Herr Kaiser, danke für das Webinar gestern – sehr hilfreich! Gibt es die Folien irgendwo zum Nachlesen?", 0, 0, None, M, False, False),
 ("de", "Hallo Tanja, der Kunde Weber will die Lizenz für 10 % weniger. Ich würde mitgehen, wenn er zwei Jahre unterschreibt. Okay für dich?", 10, 12, "Was machen wir mit Weber?", M, False, False),
 ("de", "Sehr geehrter Herr Ulrich, gern: Die Wartung kostet 890 € pro Jahr, inklusive zwei Besuche. Das Angebot schicke ich Ihnen per Mail.", 1, 2, "Was würde die jährliche Wartung bei Ihnen kosten?", M, False, False),
 ("de", "Glückwunsch zum Firmenjubiläum, Herr Engel! 25 Jahre – eine tolle Leistung.", 0, 0, None, M, False, False),
 ("fr", "Bonjour Madame Perrot, notre cabinet d'avocats conseille les PME en droit du travail, au forfait dès 490 € par mois. Je serais ravi de vous présenter notre approche lors d'un court rendez-vous.", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Dupuis, vos véhicules de fonction arrivent en fin de contrat ? Nous proposons la location longue durée de voitures électriques, livraison en 8 semaines. Je vous envoie une offre ?", 0, 0, None, M, True, True),
 ("fr", "Salut Julie, je suis recruteuse chez Bytewerk. On cherche une développeuse front (React) à Lyon, 50–55 k€. Ça te dirait d'en savoir plus ?", 0, 0, None, M, False, True),
 ("fr", "Bonjour Monsieur Caillet, merci pour le webinaire d'hier, très utile ! Les slides sont-elles disponibles quelque part ?", 0, 0, None, M, False, False),
 ("fr", "Bonjour Monsieur Tessier, avec plaisir : la maintenance coûte 890 € par an, deux visites comprises. Je vous envoie l'offre par mail.", 1, 2, "Combien coûterait la maintenance annuelle chez vous ?", M, False, False),
 ("fr", "Félicitations pour les 25 ans de l'entreprise, Monsieur Lefort ! Un bel accomplissement.", 0, 0, None, M, False, False),
 ("es", "Estimada Sra. Iglesias, nuestro despacho asesora a pymes en derecho laboral con una cuota fija desde 490 € al mes. Me encantaría presentarle nuestro modelo en una breve reunión.", 0, 0, None, M, True, True),
 ("es", "Hola Sr. Marín, ¿se le acaban los contratos de los coches de empresa? Ofrecemos renting de coches eléctricos con entrega en 8 semanas. ¿Le envío una oferta?", 0, 0, None, M, True, True),
 ("es", "Hola Julia, soy reclutadora en Bytewerk. Buscamos una desarrolladora frontend (React) en Madrid, 45–50k. ¿Te gustaría saber más?", 0, 0, None, M, False, True),
 ("es", "Lo entiendo, Sr. Soto, pero déjeme insistir: este mes tenemos un 25 % de descuento en la instalación. ¿Lo reconsidera?", 1, 1, "No, gracias, no nos interesa.", M, True, False),
 ("es", "Hola Sr. Ferrer, ¡gracias por el webinar de ayer, muy útil! ¿Están disponibles las diapositivas?", 0, 0, None, M, False, False),
 ("es", "Hola Sr. Cano, con gusto: el mantenimiento cuesta 890 € al año, con dos visitas incluidas. Le envío la oferta por correo.", 1, 2, "¿Cuánto costaría el mantenimiento anual con ustedes?", M, False, False),
 ("es", "¡Enhorabuena por los 25 años de la empresa, Sr. Prieto! Todo un logro.", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- round 13, measured before its fixes (see the report)
 ("de", "Guten Morgen Herr Kuhn, viele Bäckereien kämpfen mit steigenden Energiekosten. Unsere Wärmerückgewinnung für Backöfen amortisiert sich in unter zwei Jahren. Darf ich Ihnen eine Beispielrechnung schicken?", 0, 0, None, M, True, True),
 ("de", "Hallo Svenja, wir organisieren am 20. März einen Roundtable für HR-Leiterinnen zum Thema Vier-Tage-Woche, mit Impulsvortrag unseres Geschäftsführers. Die Plätze sind begrenzt – soll ich dich auf die Liste setzen?", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Seifert, ich bin Personalberater und betreue eine vertrauliche Suche nach einer kaufmännischen Leitung für einen Automobilzulieferer. Ihr Profil passt sehr gut – wären Sie offen für ein Gespräch? Wenn Sie nicht weiter kontaktiert werden möchten, genügt ein kurzes Nein.", 0, 0, None, M, False, False),
 ("de", "Hi Marco, wir haben gestern im Team über eure Preiserhöhung gesprochen. Könnt ihr uns bitte das neue Angebot schicken?", 5, 6, "Die Preise steigen ab Januar um 4 %.", M, False, False),
 ("de", "Hallo Lea, ich trete im Mai beim Berlin-Marathon für die Kinderhilfe an und sammle Spenden – jeder Euro zählt! Hier mein Spendenlink: https://laufen.de/lea", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Gruber, schön, Sie auf dem Kongress kennengelernt zu haben! Ich schicke Ihnen wie gewünscht den Link zu meinem Vortrag.", 0, 0, None, M, False, False),
 ("fr", "Bonjour Monsieur Gaillard, de nombreuses boulangeries subissent la hausse de l'énergie. Notre récupérateur de chaleur pour fours est amorti en moins de deux ans. Puis-je vous envoyer une simulation ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Sarah, nous organisons le 20 mars une table ronde pour les DRH sur la semaine de quatre jours, avec une intervention de notre dirigeant. Places limitées – je t'inscris ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Lucas, je cours le marathon de Paris pour une association de lutte contre la leucémie et je collecte des dons – chaque euro compte ! Voici ma cagnotte : https://courir.fr/lucas", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Hamel, ravi de vous avoir rencontré au congrès ! Comme vous me l'avez demandé, voici le lien vers ma présentation.", 0, 0, None, M, False, False),
 ("es", "Buenos días Sr. Rojas, muchas panaderías sufren la subida de la energía. Nuestro recuperador de calor para hornos se amortiza en menos de dos años. ¿Le envío un cálculo de ejemplo?", 0, 0, None, M, True, True),
 ("es", "Hola Sara, organizamos el 20 de marzo una mesa redonda para directoras de RR. HH. sobre la semana de cuatro días, con una charla de nuestro director general. Plazas limitadas, ¿te apunto?", 0, 0, None, M, True, True),
 ("es", "Hola Lucas, corro el maratón de Valencia por una fundación contra la leucemia y estoy recaudando donaciones, ¡cada euro cuenta! Aquí está mi enlace: https://correr.es/lucas", 0, 0, None, M, True, True),
 ("es", "Hola Sr. Ortiz, ¡un placer conocerle en el congreso! Como me pidió, le paso el enlace a mi presentación.", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- round 14, measured before its fixes (9 of 12 before and after the earlier rounds)
 ("de", "Hallo Herr Möller, Ihr Fuhrpark verursacht hohe Tankkosten? Mit unserer Telematik-Box sehen Sie jede Fahrt live und senken den Verbrauch spürbar. Hätten Sie Interesse an einer Testphase?", 0, 0, None, M, True, True),
 ("de", "Hi Nora, wir sind gerade dabei, unser Partnerprogramm für Agenturen aufzubauen – 15 % auf jeden vermittelten Kunden. Sollen wir mal telefonieren?", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Schubert, als Executive Coach begleite ich Führungskräfte in Veränderungsphasen. Vielleicht ist das gerade ein Thema für Sie?", 0, 0, None, M, True, True),
 ("de", "Hallo Jan, danke für die schnelle Rückmeldung! Dann machen wir das so, ich schicke dir die Rechnung nächste Woche.", 3, 4, "Passt, machen wir so.", M, False, False),
 ("fr", "Bonjour Monsieur Royer, votre flotte consomme trop ? Notre boîtier télématique suit chaque trajet en temps réel et réduit la consommation. Une période d'essai vous intéresserait ?", 0, 0, None, M, True, True),
 ("fr", "Salut Nina, on monte notre programme partenaires pour les agences – 15 % sur chaque client apporté. On s'appelle ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Madame Collet, coach de dirigeants, j'accompagne les managers dans les périodes de changement. Est-ce un sujet pour vous en ce moment ?", 0, 0, None, M, True, True),
 ("fr", "Salut Jean, merci pour ton retour rapide ! On fait comme ça, je t'envoie la facture la semaine prochaine.", 3, 4, "Ok pour moi, on fait comme ça.", M, False, False),
 ("es", "Hola Sr. Medina, ¿su flota gasta demasiado en combustible? Nuestra caja telemática sigue cada trayecto en tiempo real y reduce el consumo. ¿Le interesaría un periodo de prueba?", 0, 0, None, M, True, True),
 ("es", "Hola Nora, estamos montando nuestro programa de partners para agencias: un 15 % por cada cliente que nos traigas. ¿Hablamos?", 0, 0, None, M, True, True),
 ("es", "Hola Sra. Calvo, como coach ejecutiva acompaño a directivos en momentos de cambio. ¿Es un tema para usted ahora mismo?", 0, 0, None, M, True, True),
 ("es", "Hola Juan, ¡gracias por responder tan rápido! Lo hacemos así, te envío la factura la semana que viene.", 3, 4, "Vale, lo hacemos así.", M, False, False),
    # ---------------------------------------------------------------- round 15, measured before its fixes (9 of 13 before and after the earlier rounds)
 ("de", "Hallo Frau Simon, kurze Frage: Wer kümmert sich bei Ihnen um das Thema Arbeitssicherheit? Wir haben eine App entwickelt, mit der Unterweisungen in 10 Minuten erledigt sind.", 0, 0, None, M, True, True),
 ("de", "Servus Andi! Lang ist's her 😄 Ich verkaufe inzwischen Kaffeevollautomaten für Büros – wenn ihr mal einen braucht, sag Bescheid, ich mach dir was Gutes.", 0, 0, None, M, True, True),
 ("de", "Hallo Herr Vogel, für eine Bank in Frankfurt suche ich eine Teamleitung Compliance (m/w/d). Darf ich Ihnen die Details schicken?", 0, 0, None, M, False, True),
 ("de", "Hallo Lisa, anbei die Präsentation von heute. Die Zahlen zu Q3 reiche ich morgen nach.", 8, 9, "Schickst du mir die Präsentation?", M, False, False),
 ("de", "Hallo Frau Reuter, herzlichen Dank für Ihre Zeit gestern! Ich habe viel über den Einkauf bei Ihnen gelernt.", 0, 0, None, M, False, False),
 ("fr", "Bonjour Madame Leblanc, qui gère la sécurité au travail chez vous ? Nous avons développé une application qui permet de faire les formations obligatoires en 10 minutes.", 0, 0, None, M, True, True),
 ("fr", "Salut Antoine ! Ça fait un bail 😄 Je vends maintenant des machines à café pour les bureaux – si vous en cherchez une, fais-moi signe, je te ferai un bon prix.", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Lemaire, pour une banque à Paris je recherche un responsable conformité. Puis-je vous envoyer le descriptif du poste ?", 0, 0, None, M, False, True),
 ("fr", "Bonjour Madame Girard, merci beaucoup pour votre temps hier ! J'ai beaucoup appris sur les achats chez vous.", 0, 0, None, M, False, False),
 ("es", "Hola Sra. Núñez, ¿quién lleva la prevención de riesgos en su empresa? Hemos desarrollado una app con la que las formaciones obligatorias se hacen en 10 minutos.", 0, 0, None, M, True, True),
 ("es", "¡Hola Andrés! Cuánto tiempo 😄 Ahora vendo cafeteras para oficinas; si necesitáis una, avísame y te hago buen precio.", 0, 0, None, M, True, True),
 ("es", "Hola Sr. Pardo, para un banco en Madrid busco un responsable de cumplimiento normativo. ¿Le puedo enviar la descripción del puesto?", 0, 0, None, M, False, True),
 ("es", "Hola Sra. Gallardo, ¡muchas gracias por su tiempo ayer! Aprendí mucho sobre compras en su empresa.", 0, 0, None, M, False, False),
    # ---------------------------------------------------------------- round 16, measured before its fixes (7 of 10 before and after the earlier rounds)
 ("de", "Hallo Herr Winter, ich bin Gründerin von Lernwerk – wir machen E-Learning für Pflegeheime, komplett DSGVO-konform. Wäre ein kurzer Austausch nächste Woche möglich?", 0, 0, None, M, True, True),
 ("de", "Sehr geehrter Herr Kolb, unser Verband lädt Sie herzlich zur Mitgliedschaft ein – für nur 390 € im Jahr erhalten Sie Zugang zu allen Veranstaltungen und Rechtsberatung.", 0, 0, None, M, True, True),
 ("de", "Hallo Frau Ziegler, ich arbeite an meiner Masterarbeit über Lieferketten und würde mich über 20 Minuten Ihrer Zeit für ein Interview freuen.", 0, 0, None, M, False, False),
 ("de", "Hi Ole, wir haben für dein Team noch zwei Plätze im Workshop am Freitag reserviert – sag einfach Bescheid, wer kommt.", 6, 5, "Habt ihr noch Plätze für mein Team?", M, False, False),
 ("fr", "Bonjour Monsieur Perrin, je suis la fondatrice de Forma+, nous créons des formations en ligne pour les EHPAD. Un court échange la semaine prochaine serait-il possible ?", 0, 0, None, M, True, True),
 ("fr", "Bonjour Monsieur Faure, notre fédération vous invite à nous rejoindre : pour 390 € par an, vous accédez à tous nos événements et à un service juridique.", 0, 0, None, M, True, True),
 ("fr", "Bonjour Madame Besson, je rédige mon mémoire sur les chaînes logistiques et j'aimerais beaucoup vous interroger 20 minutes.", 0, 0, None, M, False, False),
 ("es", "Hola Sr. Luna, soy la fundadora de Formalia: creamos formación online para residencias de mayores. ¿Sería posible una breve charla la semana que viene?", 0, 0, None, M, True, True),
 ("es", "Estimado Sr. Santos, nuestra asociación le invita a hacerse socio: por 390 € al año tendrá acceso a todos los eventos y a asesoría jurídica.", 0, 0, None, M, True, True),
 ("es", "Hola Sra. Mora, estoy haciendo mi TFM sobre cadenas de suministro y me encantaría entrevistarla 20 minutos.", 0, 0, None, M, False, False),
]


# Messages the guard gets wrong today, by their opening words (strict xfails: tests/signals/verdicts.py).
KNOWN_MISSES = {
    'Verstehe ich, Herr Brenner. Trotzdem: Im Januar':
        'a discount offered again after a no, in a two-way thread, without a call to action: offer and percent do not outweigh two_way',
    "Bonjour Estelle, j'ai vu ton profil":
        "a recruiter's short approach: the wording reads 'quelqu'un', 'profil' as ordinary talk and recruitment alone stays under LG202's threshold",
    'Hola Sr. Rubio, me gustaría conectar':
        "a one-line invitation offering a service: 'me gustaría' reads as polite talk and pulls the offer under LG201's threshold",
    'Bonjour Madame Marchal, je suis traductrice':
        "a freelancer offering a proposal: no call-to-action phrase, and the wording reads 'faire', 'je suis' as talk",
    'Lo entiendo, Sr. Gil, pero solo hasta el viernes':
        'LG201 stays under its threshold (pitch_after_no, industry, follow_up not enough)',
    'Salut Romain, tu as entendu parler de notre nouv':
        'LG201 stays under its threshold (offer not enough); LG202 stays under its threshold (offer not enough)',
    'Hola Álvaro, escribo posts de LinkedIn para CEOs':
        'LG201 stays under its threshold (offer not enough)',
    'Hola Raúl, ¿has oído hablar de nuestro nuevo tok':
        'LG201 stays under its threshold (offer not enough); LG202 stays under its threshold (offer not enough)',
    'Sehr geehrter Herr Maurer, als spezialisierte Pe':
        'LG201 stays under its threshold (offer, cta, offer_with_cta not enough)',
    'Buenas tardes Sr. Ibáñez, ¿tuvo oportunidad de r':
        'LG201 stays under its threshold (bump, unanswered, follow_up not enough)',
    'Hallo Herr Busch, unsere Inhouse-Trainings zum T':
        'LG201 stays under its threshold (offer not enough)',
    'Hello Max ! Super ce que vous faites chez Trajet':
        'LG201 stays under its threshold (offer, cta, offer_with_cta not enough; the wording reads it as talk)',
    'Hallo Herr Schulte, ich würde mich gern mit Ihne':
        'LG201 stays under its threshold (offer, invitation not enough)',
    'Bonjour Madame Dumont, nous recherchons des béné':
        'LG201 stays under its threshold (cause not enough; the wording reads it as talk)',
    'Hola Sra. Domínguez, buscamos voluntarios para e':
        'LG201 stays under its threshold (cause not enough; the wording reads it as talk)',
    'Ich schiebe das nochmal nach oben 😊':
        'LG201 stays under its threshold (bump, unanswered, follow_up not enough)',
    'Te lo vuelvo a mandar por si se perdió 😊':
        'LG201 stays under its threshold (bump, unanswered, follow_up not enough)',
    'Guten Morgen Herr Kuhn, viele Bäckereien kämpfen':
        'LG201 stays under its threshold (claim, cta not enough)',
    'Hallo Frau Schubert, als Executive Coach begleit':
        'LG201 stays under its threshold (offer not enough)',
    "Bonjour Madame Collet, coach de dirigeants, j'ac":
        'LG201 stays under its threshold (offer not enough); LG202 stays under its threshold (offer not enough)',
    'Hola Sra. Calvo, como coach ejecutiva acompaño a':
        'LG201 stays under its threshold (offer not enough)',
    'Salut Antoine ! Ça fait un bail 😄 Je vends maint':
        'LG201 stays under its threshold (offer, friendly_pivot not enough)',
}


@pytest.mark.parametrize(("lang", "text", "me", "them", "last", "channel", "lg201", "lg202"),
                         list(verdict_params(MESSAGES, KNOWN_MISSES)))
def test_verdicts(lang, text, me, them, last, channel, lg201, lg202):
    assert_verdicts(text, me, them, last, channel, lg201, lg202)


@pytest.mark.parametrize(("lang", "text"), [(m[0], m[1]) for m in MESSAGES],
                         ids=[f"{m[0]}-{i}" for i, m in enumerate(MESSAGES)])
def test_language_is_read_alone(lang, text):
    """Each of these messages is in one language: it is read with that language's phrases only.

    (Unless another language ties with it in shared words — a short bullet list — when both are read.)
    """
    langs = extract(text).languages
    counts = dict(langs.counts)
    assert lang in langs.used
    assert all(counts[other] == counts[lang] for other in langs.used if other != lang), langs


def test_a_spanish_message_full_of_words_french_shares_is_not_read_as_french():
    # "de la que un se si" are on both lists: before, they made French a second language of every Spanish message.
    ex = extract("Hola Marta, te escribo de parte de la asociación: ¿sabes si se puede reservar la sala que "
                 "usamos el año pasado? Es para un taller de un día.")
    assert ex.languages.primary == "es" and ex.languages.used == ("es",)


def test_a_dutch_message_is_not_read_with_french_or_spanish_phrases():
    # "de", "en", "al", "je" are Dutch words too.
    ex = extract("Hoi Femke, heb je de offerte al gezien? En de planning van de week?")
    assert ex.languages.used == ("nl",)


def test_a_german_message_is_not_read_with_dutch_phrases():
    ex = extract("Hallo Herr Weber, die Unterlagen sind hier, was fehlt noch für die Abnahme am Montag?")
    assert ex.languages.used == ("de",)


def test_a_mixed_dutch_english_message_still_uses_both():
    ex = extract("Hoi Sanne, leuk je gesproken te hebben! We help agencies automate their invoicing, "
                 "zullen we volgende week bellen?")
    assert set(ex.languages.used) == {"nl", "en"}


def test_a_tie_in_shared_words_reads_both_languages():
    # Only "de", "a", "te": Spanish or French, no way to tell; both pattern files are read.
    got = identify(frozenset({"de", "a", "te"}), COMMON, LANGUAGES, prefer="en")
    assert set(got.used) == {"fr", "es"}


def test_french_everyday_words_tu_a_on_make_a_short_french_message_french():
    ex = extract("Salut Inès ! Poste de responsable qualité à Quimper, tu serais parfaite. On s'appelle demain ?")
    assert ex.languages.primary == "fr"


def test_german_an_makes_a_short_german_message_german():
    assert extract("Hi Max, kurze Erinnerung an den Termin. Noch Interesse?").languages.primary == "de"


# -- single phrases: what fires, and the look-alikes that must not ---------------------------------------

def _fired(text: str, **kw) -> set[str]:
    return {n for n, v in extract(text, **kw).values.items() if v}


@pytest.mark.parametrize(("text", "signal"), [
    ("Guten Tag Frau Brandt, ich bin im Auftrag eines Maschinenbauers auf der Suche nach einer Geschäftsführung.",
     "recruitment"),
    ("Hallo Herr Lang, Ihr Werdegang passt sehr gut zu der Rolle.", "recruitment"),
    ("Hallo Lena, wir bauen gerade unser Data-Team in Leipzig aus.", "recruitment"),
    ("Hallo Herr Roth, wären Sie offen für einen Austausch?", "cta"),
    ("Hi Tobias, ich habe ab April wieder Kapazitäten für neue Projekte.", "offer"),
    ("Hallo Frau Yilmaz, wir besetzen offene Stellen in Kliniken innerhalb von vier Wochen.", "offer"),
    ("Bonjour Madame Perrin, je mène une recherche confidentielle pour un groupe de distribution.", "recruitment"),
    ("Bonjour Monsieur Garnier, notre cabinet accompagne les ETI industrielles.", "offer"),
    ("Bonjour Monsieur Lambert, notre logiciel réduit de 20 % les coûts de carburant.", "claim"),
    ("Bonjour Claire, nous pouvons vous présenter des candidats qualifiés sous 10 jours.", "offer"),
    ("Hola Marta, cubrimos vacantes de tecnología en 30 días.", "offer"),
    ("Estimado Sr. Ortega, le escribo porque ayudamos a importadores.", "cold_opener"),
    ("Buenas tardes Sra. Ramos, su trayectoria me ha parecido muy interesante.", "recruitment"),
    ("Hola Facundo, ¿te puedo mostrar cómo funciona?", "cta"),
    ("Profitez de notre promotion de lancement : -20 % sur tout.", "discount"),
    ("Aprovecha nuestra promoción de lanzamiento: 20 % en todo.", "discount"),
])
def test_new_phrases_fire(text, signal):
    assert signal in _fired(text)


@pytest.mark.parametrize(("text", "signal"), [
    # an introduction is no offer
    ("Hallo Carla, darf ich dir Jonas vorstellen? Er hat Fragen zu Förderprogrammen.", "offer"),
    ("Bonjour Inès, je vous présente Marc, qui lance une épicerie à Nantes.", "offer"),
    # a recruiter calling herself a consultant offers nothing
    ("Bonjour Madame Leroy, je suis consultante chez un cabinet de chasse de têtes.", "offer"),
    ("Hola Sra. Vidal, soy consultora en una firma de headhunting.", "offer"),
    # looking for resellers is no recruitment
    ("Bonjour Yann, nous cherchons des revendeurs pour notre gamme de mobilier.", "recruitment"),
    # a recruiter's follow-up about a new opening offers nothing
    ("Hi Jan, wir haben jetzt auch eine Stelle als Engineering Manager offen.", "offer"),
    # a promotion at work is no sales promotion
    ("Félicitations pour ta promotion, Claire !", "discount"),
    ("¡Enhorabuena por tu promoción, Marta!", "discount"),
    # Dutch and English look-alikes: the German, French and Spanish phrases are not read in them
    ("Hoi Carla, mag ik je voorstellen aan Jonas? Hij heeft vragen over subsidies.", "offer"),
    ("Hi Carla, may I introduce you to Jonas? He has questions about grants.", "offer"),
    ("Hoi Jan, ik heb vanaf april weer wat ruimte in mijn agenda voor een kop koffie.", "offer"),
    ("Hi Jan, I have some room in my calendar from April, fancy a coffee?", "offer"),
])
def test_look_alikes_do_not_fire(text, signal):
    assert signal not in _fired(text)


def test_a_pitch_that_ends_in_a_permission_question_is_not_only_asking_permission():
    pitch = "Bonjour Monsieur Lambert, notre logiciel réduit de 20 % les coûts de carburant. Puis-je vous envoyer notre brochure ?"
    assert "permission" in _fired(pitch) and "permission_only" not in _fired(pitch)
    plain = "Bonjour Monsieur Lambert, je travaille chez un éditeur de logiciels. Puis-je vous envoyer notre brochure ?"
    assert "permission_only" in _fired(plain)


@pytest.mark.parametrize(("text", "lang"), [
    ("Toujours intéressé ? 🙂", "fr"),
    ("¿Sigue interesado? 🙂", "es"),
])
def test_a_two_word_bump_has_a_language(text, lang):
    """'toujours', 'sigue' are everyday words: without them these bumps had no language and no phrases read."""
    assert extract(text).languages.primary == lang


@pytest.mark.parametrize("text", [
    "Falls kein Interesse besteht, geben Sie mir kurz Bescheid, dann melde ich mich nicht wieder.",
    "Einfach Stopp antworten und Sie hören nichts mehr von mir.",
    "Un simple stop et je ne vous écris plus.",
    "Si cela ne vous intéresse pas, dites-le-moi et je ne vous recontacterai pas.",
    "Si tu ne veux plus de messages, dis-le moi et j'arrête.",
    "Si no quiere recibir más mensajes míos, respóndame no.",
    "Con un simple stop no le vuelvo a escribir.",
])
def test_more_ways_to_say_you_can_stop_these_messages(text):
    assert "opt_out" in _fired(text)


@pytest.mark.parametrize("text", [
    # weak opt-outs: polite, but they do not say the recipient can stop further messages
    "Kein Interesse? Kein Problem.",
    "Ich melde mich in ein paar Monaten wieder.",
    "Pas de souci si ce n'est pas le moment.",
    "Je vous recontacterai dans quelques mois.",
    "Si no es el momento, no pasa nada.",
    "Geen interesse? Geen probleem.",
    "No worries if not, I'll check back in a few months.",
])
def test_weak_opt_outs_are_no_notice(text):
    assert "opt_out" not in _fired(text)


@pytest.mark.parametrize(("signal", "text"), [
    ("event_invite", "Melden Sie sich jetzt für unser Frühstücksseminar an."),
    ("event_invite", "Nous vous invitons à notre petit-déjeuner conférence le 12 mai."),
    ("event_invite", "Le invitamos a nuestro desayuno de trabajo el 12 de mayo."),
    ("benefit", "Werden Sie Teil unseres Partnernetzwerks und verdienen Sie an jeder Empfehlung."),
    ("benefit", "Devenez apporteur d'affaires et touchez 10 % sur chaque vente."),
    ("benefit", "Hazte partner y gana un 10 % por cada venta."),
    ("claim", "Nos clients gagnent en moyenne 12 heures par semaine."),
])
def test_invitations_referral_pay_and_average_savings(signal, text):
    assert signal in _fired(text)


@pytest.mark.parametrize(("signal", "text"), [
    ("event_invite", "Kannst du für unser Team an der Präsentation weiterarbeiten?"),
    ("event_invite", "Wir haben das Seminar gestern gut hinter uns gebracht, danke euch allen."),
    ("benefit", "Merci pour ta recommandation, on a signé hier !"),
    ("event_invite", "Hoi team, denk aan het seminar van morgen om 9 uur."),
    ("event_invite", "Hi team, don't forget tomorrow's seminar at 9."),
])
def test_their_look_alikes_do_not_fire(signal, text):
    assert signal not in _fired(text)


@pytest.mark.parametrize("text", [
    "Hallo Nina, wir ziehen nächsten Monat in unser neues Büro. Komm doch mal vorbei!",
    "Hola Nina, el mes que viene nos mudamos a nuestra nueva oficina. ¡Pásate!",
])
def test_our_new_office_is_no_offer(text):
    assert "offer" not in _fired(text)


_SELLING_OR_RECRUITING = {"offer", "claim", "discount", "benefit", "cause", "donation", "recruitment", "event_invite"}


@pytest.mark.parametrize("text", [
    "Wir suchen jemanden, der uns beim Umzug hilft.",
    "Das kostet mich zu viel Zeit, ich mache es morgen.",
    "Ich bin in wenigen Minuten da.",
    "Im Auftrag meines Chefs frage ich nach dem Stand des Projekts.",
    "Mein Antrag wurde ausgewählt!",
    "Je suis disponible dès lundi pour la réunion.",
    "Ma candidature a été sélectionnée !",
    "Le classement du tournoi est sorti, on est troisièmes.",
    "L'appartement est en location depuis mars.",
    "Se perdió el paquete, ¿lo reclamas tú?",
    "Nuestra agencia de viajes ya reservó el hotel.",
    "Mi proyecto ha sido seleccionado en el concurso.",
    "Buscamos a alguien que cuide al gato en agosto.",
    "We're looking for someone to look after the cat in August.",
    "Unsere Anlage läuft wieder, danke!",
    "Die Testphase des neuen Intranets endet Freitag, bitte Feedback an mich.",
    "Notre machine à café est en panne.",
    "Ma période d'essai se termine en mars.",
    "Nuestra máquina de café no funciona.",
    "Estoy en periodo de prueba hasta junio.",
    "Ich verkaufe mein altes Fahrrad, falls jemand Interesse hat.",
    "Je vends mon vélo si ça intéresse quelqu'un.",
    "Vendo mi bici, por si a alguien le interesa.",
    "Je recherche un appartement à Lyon.",
])
def test_everyday_sentences_in_the_new_phrases_words_sell_nothing(text):
    assert not _fired(text) & _SELLING_OR_RECRUITING


@pytest.mark.parametrize("text", [
    "¿Te animas a cenar el viernes?",
    "Te cuento lo que pasó ayer en la reunión.",
    "Kannst du mir zeigen, wie das geht?",
    "Je te montre le chemin demain matin.",
])
def test_everyday_questions_are_no_call_to_action(text):
    assert "cta" not in _fired(text)


# An alternative is one word ("a/b/c"): lines written as "offre spéciale/de lancement" or "échange/appel/rendez vous"
# silently needed the words after them too, so "un court échange" or "offre spéciale" never matched.
@pytest.mark.parametrize(("signal", "text"), [
    ("cta", "Bonjour Paul, seriez-vous ouvert à un court échange mardi ?"),
    ("discount", "Profitez de notre offre spéciale cette semaine."),
    ("claim", "Plus de clients grâce à notre méthode."),
    ("recruitment", "Bonjour, je suis chasseuse de têtes chez Alto."),
    ("recruitment", "Bonjour, je suis consultante en recrutement chez Alto."),
    ("benefit", "Une belle occasion d'investir dans la pierre."),
    ("donation", "Un don de 20 € aide une famille."),
    ("discount", "Oferta especial solo esta semana."),
    ("benefit", "Es el momento de invertir en vivienda."),
    ("recruitment", "Hola, soy consultora de selección en Alto."),
    ("offer", "Unser Leitfaden zeigt, wie es geht."),
    ("follow_up", "Ich melde mich nochmal wegen des Angebots."),
])
def test_phrases_whose_alternatives_were_written_as_several_words(signal, text):
    assert signal in _fired(text)


@pytest.mark.parametrize("text", [
    "Te cuento: ayudamos a pymes con la selección. ¿Tomamos un café virtual y te explico?",
    "Si le parece, le explico en un café cómo trabajamos.",
])
def test_a_coffee_that_leads_to_an_explanation_is_a_call_to_action(text):
    # A coffee chat offered to explain what the sender does is how a pitch asks for a meeting (es).
    assert "cta" in _fired(text)


@pytest.mark.parametrize("text", [
    "Hola Marta, ¿tomamos un café el sábado? Te cuento lo de la boda y te explico lo del piso.",
    "Gracias por el café de ayer, te explico luego lo del viaje.",
    "Thanks for the coffee yesterday, I'll explain the travel plans later.",
    "Bedankt voor de koffie gisteren, ik leg het later uit.",
])
def test_a_coffee_among_friends_is_no_call_to_action(text):
    assert "cta" not in _fired(text)
